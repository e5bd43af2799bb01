"""The floor of any typer CLI: a hello-world app with one command that prints a word.

    python benchmarks/hello_typer.py --help
    python benchmarks/hello_typer.py hello

``benchmarks/run.py`` times it beside ``goalmap`` so that goalmap's start-up is
judged against what typer itself costs on the same machine.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello() -> None:
    """Print a word."""
    print("hello")


@app.command()
def bye() -> None:
    """Print another word (a second command keeps 'hello' a sub-command, as in goalmap)."""
    print("bye")


if __name__ == "__main__":
    app()
