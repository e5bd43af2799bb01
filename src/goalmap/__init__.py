"""goalmap: a knowledge base of alignment goals for large language models."""

__version__ = "0.1.0"
