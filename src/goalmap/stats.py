"""Counts for ``goalmap stats`` and the survey's tables as Markdown, CSV, JSON or LaTeX."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Optional

from goalmap.kb import KnowledgeBase
from goalmap.query import ancestors, iter_citations, scheme_id

PERSPECTIVES = ("definition", "evaluation")


def _inherited(kb: KnowledgeBase, cat_id: str, attr: str) -> Optional[str]:
    for cat in [kb.categories[cat_id], *ancestors(kb, cat_id)]:
        if getattr(cat, attr):
            return getattr(cat, attr)
    return None


def stats(kb: KnowledgeBase, scheme: Optional[str] = None) -> dict:
    """Entry totals, a coverage matrix of (level, perspective) x resource kind in one
    scheme (distinct works and resources cited there), and link coverage of the works."""
    from goalmap.lookup import resource_kind_names

    sid = scheme_id(kb, scheme)
    rkinds = resource_kind_names()
    cells: dict[tuple[str, str], dict[str, set]] = {}
    for cat in (kb.schemes[sid].categories if sid else ()):
        level, persp = _inherited(kb, cat.id, "level"), _inherited(kb, cat.id, "perspective")
        if not level or not persp:
            continue
        cell = cells.setdefault((level, persp), {})
        for cit in iter_citations(cat.citations):
            cell.setdefault("works", set()).update(w for w in cit.works if w in kb.works)
            for r in cit.resources:
                if r in kb.resources:
                    cell.setdefault(kb.resources[r].kind, set()).add(r)
    used = [k for k in rkinds if any(k in c for c in cells.values())]
    level_order = {lid: (lv.order, lid) for lid, lv in kb.levels.items()}
    rows = []
    for (level, persp) in sorted(cells, key=lambda k: (level_order.get(k[0], (99, k[0])),
                                                       PERSPECTIVES.index(k[1]))):
        cell = cells[(level, persp)]
        rows.append({"level": level, "perspective": persp,
                     "works": len(cell.get("works", ())),
                     **{k: len(cell.get(k, ())) for k in used}})
    n = len(kb.works)

    def share(count: int) -> dict:
        return {"count": count, "of": n, "percent": round(100 * count / n, 1) if n else 0.0}

    link = {t: sum(1 for w in kb.works.values() if any(ln.type == t for ln in w.links))
            for t in ("code", "data")}
    return {
        "scheme": sid,
        "totals": {**{plural: len(table) for plural, table in
                      ((k, getattr(kb, k)) for k in ("levels", "schemes", "categories", "works",
                                                    "resources", "tables", "algorithms",
                                                    "challenges"))},
                   "resource_kinds": {k: sum(1 for r in kb.resources.values() if r.kind == k)
                                      for k in rkinds}},
        "columns": ["level", "perspective", "works", *used],
        "matrix": rows,
        "links": {"arxiv": share(sum(1 for w in kb.works.values() if w.arxiv)),
                  "doi": share(sum(1 for w in kb.works.values() if w.doi)),
                  "code": share(link["code"]), "data": share(link["data"])},
    }


# ------------------------------------------------------------------ tables
TABLE_FORMATS = ("md", "csv", "json", "latex")


def _cell(value: Any, yes: str = "✓", no: str = "✗") -> str:
    if value is True:
        return yes
    if value is False:
        return no
    return str(value)


def table_data(table: Any) -> dict:
    columns = [""] + [f"{c.group}: {c.label}" if c.group else c.label for c in table.columns]
    rows = [[row.label] + [row.cells.get(c.key, "") for c in table.columns] for row in table.rows]
    return {"id": table.id, "name": table.name, "source": table.source, "columns": columns,
            "rows": rows}


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
          "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
          "^": r"\textasciicircum{}", "✓": r"\checkmark{}", "✗": r"$\times$"}


def latex_escape(text: str) -> str:
    return "".join(_LATEX.get(ch, ch) for ch in text)


def render_table(table: Any, fmt: str) -> str:
    """A survey table in ``fmt``: GitHub Markdown, CSV, JSON or a LaTeX booktabs tabular
    (needs ``\\usepackage{booktabs}`` and ``amssymb`` for the ticks)."""
    data = table_data(table)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(data["columns"])
        writer.writerows([[_cell(c) for c in r] for r in data["rows"]])
        return out.getvalue()
    if fmt == "md":
        from goalmap.export.markdown import table_lines

        return "\n".join(table_lines(table)) + "\n"
    if fmt == "latex":
        return _latex(table, data)
    from goalmap.errors import UsageError

    raise UsageError(f"unknown table format '{fmt}'", hint="choose one of: "
                     + ", ".join(TABLE_FORMATS))


def _latex(table: Any, data: dict) -> str:
    """A booktabs tabular: grouped columns get a spanning head over a \\cmidrule."""
    cols = table.columns
    head = [f"% {latex_escape(data['name'])}" + (f" ({data['source']})" if data["source"] else ""),
            r"\begin{tabular}{l" + "l" * len(cols) + "}", r"\toprule"]
    if any(c.group for c in cols):
        spans: list[tuple[Optional[str], int]] = []
        for c in cols:
            if spans and c.group and spans[-1][0] == c.group:
                spans[-1] = (c.group, spans[-1][1] + 1)
            else:
                spans.append((c.group, 1))
        cells, rules, at = [""], [], 2
        for group, n in spans:
            cells.append(rf"\multicolumn{{{n}}}{{c}}{{{latex_escape(group)}}}" if group else "")
            if group:
                rules.append(rf"\cmidrule(lr){{{at}-{at + n - 1}}}")
            at += n
        head += [" & ".join(cells) + r" \\", " ".join(rules)]
        labels = [""] + [c.label for c in cols]
    else:
        labels = data["columns"]
    head += [" & ".join(latex_escape(x) for x in labels) + r" \\", r"\midrule"]
    body = [" & ".join(latex_escape(_cell(c)) for c in r) + r" \\" for r in data["rows"]]
    return "\n".join(head + body + [r"\bottomrule", r"\end{tabular}"]) + "\n"
