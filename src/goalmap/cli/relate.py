"""``goalmap related`` and ``goalmap path``: what an entry connects to."""

from __future__ import annotations


import typer

from goalmap.cli.output import (KindOption, NoCacheOption, NoPagerOption, SchemeOption,
                                TaxonomyOption, complete_entry, emit_json, load_kb, options, page,
                                user_errors)
from goalmap.textsafe import terminal

_TARGET_HELP = ("An entry by id, name, alias, title, arXiv id, DOI or citation key "
                "(as for 'show').")


def related(
    ctx: typer.Context,
    target: str = typer.Argument(..., help=_TARGET_HELP, autocompletion=complete_entry),
    kind: KindOption = None,
    scheme: SchemeOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print the relations as JSON."),
    no_pager: NoPagerOption = False,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show where an entry is cited in each scheme, the works cited beside it, and the
    resources it introduced or is based on.

    Exit codes: 0 shown, 1 no such entry, 2 bad option.
    """
    from goalmap.lookup import resolve_one
    from goalmap.relate import related as relations

    with user_errors():
        kb = load_kb(options(ctx, taxonomy, no_cache))
        best, others = resolve_one(kb, target, kind, scheme)
        data = relations(kb, best.id)
        if others:
            data["also"] = [m.as_dict() for m in others]
    if as_json:
        emit_json(data)
        return
    lines = [f"{data['label']}  [{data['id']}] ({data['kind']})"]
    for block in data["cited_in"]:
        lines.append(f"Cited in {block['scheme']}:")
        lines += [f"  {c['path']}  [{c['id']}] as '{c['label']}'" for c in block["categories"]]
    for key, title in (("introduced", "Introduced"), ("introduced_by", "Introduced by"),
                       ("based_on", "Based on"), ("basis_of", "Basis of")):
        if data[key]:
            lines.append(f"{title}:")
            lines += [f"  {r['kind']}  {r['id']}  {r['label']}" for r in data[key]]
    if data["beside"]:
        lines.append("Cited beside it (shared categories):")
        lines += [f"  {w['shared']}  {w['id']}  {w['label']}" for w in data["beside"]]
    from goalmap.cli.marks import also_lines

    lines += also_lines(data)
    page("\n".join(lines) + "\n", no_pager)


def path(
    ctx: typer.Context,
    a: str = typer.Argument(..., help=_TARGET_HELP, autocompletion=complete_entry),
    b: str = typer.Argument(..., help=_TARGET_HELP, autocompletion=complete_entry),
    as_json: bool = typer.Option(False, "--json", help="Print the steps as JSON."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show how two entries connect: the shortest chain of typed edges (cites, parent,
    level, introduced_by, based_on, ...) between them, in either direction.

    Exit codes: 0 connected, 1 an entry is unknown or they do not connect, 2 bad option.
    """
    from goalmap.lookup import resolve_one
    from goalmap.relate import path as find_path

    with user_errors():
        kb = load_kb(options(ctx, taxonomy, no_cache))
        steps = find_path(kb, resolve_one(kb, a)[0].id, resolve_one(kb, b)[0].id)
    if as_json:
        emit_json(steps)
        return
    if not steps:
        print("(the same entry)")
    for s in steps:
        arrow = f"--{s['relation']}-->" if s["forward"] else f"<--{s['relation']}--"
        print(terminal(f"{s['from']['kind']} {s['from']['id']} {arrow} {s['to']['kind']} "
                       f"{s['to']['id']}  ({s['to']['label']})"))


def register(app: typer.Typer) -> None:
    app.command("related")(related)
    app.command("path")(path)
