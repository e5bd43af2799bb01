"""Options given before the command (``--taxonomy``, ``--no-cache``)."""

from __future__ import annotations

from typing import Optional

taxonomy: Optional[str] = None
use_cache: bool = True
