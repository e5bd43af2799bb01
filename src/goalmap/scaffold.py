"""Write new taxonomy entries in the house format, so that they pass ``goalmap lint``.

The one writer of new entry files (``new work``, ``add``, ``import bibtex``):

- the id is checked against the kind's id rule (``goalmap.kinds``) before any
  path is built from it, so an id can never name a file outside the kind's
  folder;
- the YAML is written by a serializer (ruamel.yaml), never by string pasting,
  and read back with the project's own loader before it is written, to check
  that every field survives the round trip;
- the file is written atomically and read back once more from disk.

No printing here: the CLI says where the file went.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Optional

from goalmap.errors import GoalmapError, UsageError
from goalmap.fsutil import write_atomic
from goalmap.kinds import BY_NAME, Kind
from goalmap.loader import read_tree
from goalmap.source import read_entries

# Field order of a new work file: the order of the Work model.
WORK_FIELDS = ("id", "type", "title", "authors", "et_al", "organization", "year", "venue",
               "arxiv", "doi", "url", "links", "aliases", "summary", "note")


class RoundTripError(GoalmapError):
    """The serializer's text does not read back as the data: a bug, never written."""


def schema_line(kind: Kind) -> str:
    """The yaml-language-server modeline naming the kind's JSON Schema.

    Relative to ``taxonomy/<folder>/<id>.yaml`` in a checkout that keeps the
    generated schemas in ``docs/schema/`` (``goalmap schema --out docs/schema``).
    """
    return f"# yaml-language-server: $schema=../../docs/schema/{kind.name}.json"


def check_id(kind_name: str, entry_id: str) -> None:
    """Refuse an id that breaks the kind's rule (and so can hold no path separator)."""
    kind = BY_NAME[kind_name]
    if not isinstance(entry_id, str) or not kind.id_rule.fullmatch(entry_id):
        shown = entry_id if len(entry_id) <= 80 else entry_id[:77] + "..."
        raise UsageError(f"the id {shown!r} is not a valid {kind.label} id",
                         hint=f"a {kind.label} id is {kind.id_help}")


def entry_path(root: Path, kind_name: str, entry_id: str) -> Path:
    """``root/<folder>/<id>.yaml``, for an id that passed ``check_id`` (checked again here)."""
    check_id(kind_name, entry_id)
    kind = BY_NAME[kind_name]
    folder = Path(root) / kind.folder
    target = folder / f"{entry_id}.yaml"
    if target.parent != folder:  # cannot happen for an id the rule allows
        raise UsageError(f"the id {entry_id!r} names a file outside {kind.folder}/")
    return target


def dump_yaml(data: dict) -> str:
    """Block-style YAML of plain data, quoted wherever a plain scalar would not read back."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def work_data(work_id: str, title: str, authors: list[str], year: int, *,
              arxiv: Optional[str] = None, doi: Optional[str] = None,
              url: Optional[str] = None, venue: Optional[str] = None,
              et_al: bool = False, work_type: Optional[str] = None,
              summary: Optional[str] = None) -> dict[str, Any]:
    """The fields of a new work, in the house order, without empty ones (but ``summary``)."""
    if not url and arxiv:
        url = f"https://arxiv.org/abs/{arxiv}"
    if not url and doi:
        url = f"https://doi.org/{doi}"
    data: dict[str, Any] = {
        "id": work_id,
        "type": work_type or ("preprint" if arxiv and not doi else "misc"),
        "title": title,
        "authors": list(authors),
        "et_al": True if et_al else None,
        "year": int(year),
        "venue": venue or ("arXiv preprint" if arxiv and not doi else None),
        "arxiv": arxiv,
        "doi": doi,
        "url": url,
    }
    out = {k: v for k, v in data.items() if v is not None}
    if summary is not None:
        out["summary"] = summary
    return {k: out[k] for k in WORK_FIELDS if k in out}


def entry_text(kind_name: str, data: dict[str, Any]) -> str:
    """The file for one entry: the schema modeline, then the serialized fields.

    Raises RoundTripError when the text does not read back, through the
    project's loader, as exactly ``data``.
    """
    kind = BY_NAME[kind_name]
    text = schema_line(kind) + "\n" + dump_yaml(data)
    check_round_trip(kind, text, data)
    return text


def check_round_trip(kind: Kind, text: str, data: dict[str, Any]) -> None:
    from goalmap.records import as_dict, current

    rel = f"{kind.folder}/{data.get('id', 'entry')}.yaml"
    entries, problems = read_entries(text, rel)
    if problems:
        raise UsageError(f"the entry would not be valid: {problems[0].message}",
                         hint="check the values given")
    expected = current().from_model(kind.model_class().model_validate(data))
    if len(entries) != 1 or as_dict(entries[0][1]) != as_dict(expected):
        raise RoundTripError("the written YAML does not read back as the entry "
                             "(this is a bug in goalmap; nothing was written)")


def existing_ids(root: Path) -> dict[str, str]:
    """Every id of the taxonomy (also of files that do not validate) -> its file."""
    ids: dict[str, str] = {}
    for rel, source in read_tree(root).files.items():
        found = {e.id for _, e in source.entries} | source.claimed
        for _, entry in source.entries:
            found.update(c.id for c in getattr(entry, "categories", ()))
        for entry_id in found:
            ids.setdefault(entry_id, rel)
    return ids


def prepare(root: Path, kind_name: str, data: dict[str, Any],
            ids: Optional[dict[str, str]] = None) -> tuple[Path, str]:
    """(target path, text) of a new entry; refuses a bad or taken id. Writes nothing."""
    root = Path(root)
    target = entry_path(root, kind_name, data["id"])
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} exists already", hint="choose another id, or edit the file")
    where = (existing_ids(root) if ids is None else ids).get(data["id"])
    if where is not None:
        raise UsageError(f"the id '{data['id']}' is already used in {where}",
                         hint="add the second title word to the key")
    return target, entry_text(kind_name, data)


def write_entry(root: Path, kind_name: str, target: Path, text: str) -> Path:
    """Write a prepared entry atomically (creating the kind's folder) and read it back."""
    kind = BY_NAME[kind_name]
    folder = Path(root) / kind.folder
    if not folder.is_dir():
        try:
            folder.mkdir()
        except OSError as exc:
            from goalmap.errors import OutputError

            raise OutputError(f"cannot create {folder}: {exc.strerror or exc}") from None
    write_atomic(target, text)
    if target.read_text(encoding="utf-8") != text:
        raise RoundTripError(f"{target} does not read back as written")
    return target


def new_work(root: Path, work_id: str, title: str, authors: list[str], year: int, *,
             arxiv: Optional[str] = None, url: Optional[str] = None,
             et_al: bool = False) -> Path:
    """Write ``works/<id>.yaml`` under ``root``; refuse an id already in the knowledge base."""
    data = work_data(work_id, title, authors, year, arxiv=arxiv, url=url, et_al=et_al)
    target, text = prepare(root, "work", data)
    return write_entry(root, "work", target, text)
