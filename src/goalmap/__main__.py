"""The process entry point: ``python -m goalmap`` and the ``goalmap`` console script."""

from goalmap.startup import pause


def run() -> None:
    pause()  # until the command starts (goalmap.startup says why)
    from goalmap.cli import main

    main()


if __name__ == "__main__":
    run()
