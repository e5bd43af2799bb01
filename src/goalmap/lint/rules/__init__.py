"""The lint rules, registered explicitly in the order they are documented.

Each rule is a module with ``ID``, ``LEVEL``, ``OPTIONS``, a docstring that is
its documentation, and ``check(ctx)`` yielding problems.
"""

from __future__ import annotations

from goalmap.lint.rules import (
    alias_clash,
    arxiv_format,
    arxiv_year,
    author_format,
    category_cycle,
    citation_letters,
    control_character,
    dangling_reference,
    disputed_fact,
    dead_link,
    doi_format,
    duplicate_id,
    duplicate_key,
    duplicate_work,
    empty_category,
    id_format,
    missing_arxiv,
    missing_link,
    missing_summary,
    moved_link,
    orphan_work,
    schema,
    title_case,
    unverified_link,
    url_format,
    year_range,
    yaml_syntax,
)

ALL = (
    yaml_syntax,
    duplicate_key,
    schema,
    duplicate_id,
    dangling_reference,
    category_cycle,
    orphan_work,
    empty_category,
    alias_clash,
    duplicate_work,
    id_format,
    control_character,
    arxiv_format,
    arxiv_year,
    doi_format,
    year_range,
    url_format,
    missing_link,
    missing_arxiv,
    missing_summary,
    author_format,
    title_case,
    disputed_fact,
    citation_letters,
    dead_link,
    moved_link,
    unverified_link,
)

BY_ID = {rule.ID: rule for rule in ALL}
