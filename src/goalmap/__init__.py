"""goalmap: a knowledge base of alignment goals for large language models."""

from goalmap.version import __version__

__all__ = ["__version__", "load"]


def load(path=None, *, use_cache: bool = True):
    """The knowledge base at ``path`` (default: the folder ``goalmap info`` names), for scripts
    and notebooks: ``kb = goalmap.load(); kb.works["ouyang2022training"].title``."""
    from goalmap.loader import load as _load
    from goalmap.workspace import locate

    return _load(locate(None if path is None else str(path)).path, use_cache=use_cache)
