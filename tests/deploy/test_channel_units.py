"""The e-mail intake's systemd units (issue #15): the SMTP listener and the IMAP poller run
their real ``manage.py`` commands as the other units do, hardened the same way, and the
production guide names them."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"
UNITS = [("netral-channels-smtp", "channels_smtp"), ("netral-channels-imap", "channels_imap")]


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    assert parser.read(SYSTEMD / f"{name}.service"), name
    return parser


@pytest.mark.parametrize(("name", "command"), UNITS)
def test_channel_unit_runs_its_command_hardened_like_the_worker(name: str, command: str) -> None:
    unit, worker = _unit(name)["Service"], _unit("netral-worker")["Service"]
    words = shlex.split(unit["ExecStart"])
    root = Path(unit["WorkingDirectory"])
    assert Path(words[0]).name == "python"
    assert (ROOT / Path(words[1]).relative_to(root)).name == "manage.py"
    assert words[2:] == [command] and command in get_commands()
    # Same user, environment and sandbox as the worker: only ExecStart differs.
    assert {k: v for k, v in unit.items() if k != "ExecStart"} == {
        k: v for k, v in worker.items() if k != "ExecStart"
    }
    assert _unit(name)["Install"]["WantedBy"] == "multi-user.target"


def test_the_production_guide_names_the_channel_units() -> None:
    guide = (ROOT / "README.md").read_text()
    production = guide[guide.index("## Production") :]
    for name, _ in UNITS:
        assert f"{name}" in production, name
