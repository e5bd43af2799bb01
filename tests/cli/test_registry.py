"""The one list of commands (cli.COMMAND_GROUPS) is what the modules register, and a run
builds only the group it names."""

from __future__ import annotations

import pytest
import typer

from goalmap import cli


def commands(app: typer.Typer) -> set[str]:
    return set(typer.main.get_command(app).commands)


@pytest.mark.parametrize("group", sorted(cli.COMMAND_GROUPS))
def test_each_group_registers_the_commands_it_declares(group):
    assert commands(cli.build_app([group])) == set(cli.COMMAND_GROUPS[group])


def test_the_whole_app_has_every_command():
    declared = {name for names in cli.COMMAND_GROUPS.values() for name in names}
    assert commands(cli.app) == declared


@pytest.mark.parametrize("argv, group", [
    (["show", "values"], "show"),
    (["--taxonomy", "list", "show", "values"], "show"),  # 'list' is the option's value here
    (["--taxonomy=x", "--no-cache", "list", "works"], "find"),
    (["new", "work", "--id", "x"], "new"),
    (["--help"], None),
    ([], None),
    (["nosuchcommand"], None),
])
def test_a_run_builds_only_the_group_it_names(argv, group):
    assert cli.group_of(argv) == group


@pytest.mark.parametrize("env, group", [
    ({"COMP_WORDS": "goalmap show a", "COMP_CWORD": "2"}, "show"),
    ({"COMP_WORDS": "goalmap sh", "COMP_CWORD": "1"}, None),  # completing the command itself
    ({"_TYPER_COMPLETE_ARGS": "goalmap export --scheme fig"}, "export"),
    ({"_TYPER_COMPLETE_ARGS": "goalmap li"}, None),
    ({"_TYPER_COMPLETE_ARGS": "goalmap list "}, "find"),
])
def test_a_completion_request_builds_only_the_group_being_completed(monkeypatch, env, group):
    monkeypatch.setenv("_GOALMAP_COMPLETE", "complete_bash")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.group_of([]) == group
