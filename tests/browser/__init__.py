"""Tests of the explorer page in a real browser (a package, so its conftest keeps its own name)."""
