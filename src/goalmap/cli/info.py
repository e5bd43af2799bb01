"""``goalmap info``: which taxonomy folder, configuration file and cache a command uses, and why."""

from __future__ import annotations

import typer

from goalmap.cli.output import NoCacheOption, TaxonomyOption, emit_json, options, user_errors


def info(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the facts as JSON."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Print the taxonomy folder, the lint configuration and the cache in use, and why."""
    from goalmap import __version__
    from goalmap.cache import cache_file
    from goalmap.cli.output import locate
    from goalmap.lint.config import find_config

    with user_errors():
        opts = options(ctx, taxonomy, no_cache)
        found = locate(opts)
        config = find_config(found.path)
        facts = {
            "version": __version__,
            "taxonomy": str(found.path.resolve()),
            "taxonomy_reason": found.reason,
            "config": str(config) if config else None,
            "config_reason": ("the nearest .goalmap.yaml or pyproject.toml [tool.goalmap.lint] "
                              "upward from the taxonomy folder") if config else
                             "none found upward from the taxonomy folder: the defaults apply",
            "cache": str(cache_file(found.path)) if opts.use_cache else None,
            "cache_reason": ("$GOALMAP_CACHE_DIR, else $XDG_CACHE_HOME/goalmap, else "
                             "~/.cache/goalmap; one file per taxonomy folder")
            if opts.use_cache else "off (--no-cache or $GOALMAP_NO_CACHE)",
        }
    if as_json:
        emit_json(facts)
        return
    for name in ("taxonomy", "config", "cache"):
        print(f"{name}: {facts[name] or '(none)'}")
        print(f"  because: {facts[name + '_reason']}")


def register(app: typer.Typer) -> None:
    app.command("info")(info)
