"""Item 6: the deployment artefacts under deploy/ work as written (linted without Docker).

compose.yaml names the services and hands them every setting production needs; env.example
documents every variable settings.py reads; each systemd unit and each container command runs
a real gunicorn config or manage.py command; the Dockerfile copies and runs files that exist;
and ``manage.py check --deploy`` passes with a production environment (and refuses without a
field key) in a fresh process, as the server would start.
"""

from __future__ import annotations

import base64
import configparser
import json
import os
import pwd
import re
import runpy
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from django.core.management.base import SystemCheckError
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# Settings production gives no default: the deployment must supply them.
REQUIRED = {"SECRET_KEY", "NETRAL_FIELD_KEY", "EMAIL_URL", "ALLOWED_HOSTS", "NETRAL_SITE_URL"}
NETRAL_SERVICES = ("migrate", "web", "worker", "scheduler")


def settings_variables() -> set[str]:
    text = (ROOT / "netral" / "settings.py").read_text()
    return set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", text))


def env_example() -> tuple[set[str], set[str]]:
    """(names set on an uncommented line, names shown in a comment as NAME=...)."""
    set_names, shown = set(), set()
    for line in (DEPLOY / "env.example").read_text().splitlines():
        match = re.match(r"^(#\s*)?([A-Z][A-Z0-9_]*)=", line)
        if match:
            (shown if match.group(1) else set_names).add(match.group(2))
    return set_names, shown


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def command_words(command: object) -> list[str]:
    return shlex.split(command) if isinstance(command, str) else [str(w) for w in command]


def manage_commands_in(words: list[str]) -> list[str]:
    """The manage.py subcommands a command line runs (also inside ``sh -c "a && b"``)."""
    text = " ".join(words)
    return re.findall(r"manage\.py\s+([a-z_]+)", text)


def assert_gunicorn_runs_our_config(words: list[str], root: Path) -> None:
    assert "-c" in words, words
    config = words[words.index("-c") + 1]
    path = Path(config) if Path(config).is_absolute() else root / config
    path = ROOT / path.relative_to(root)
    assert path.is_file(), path
    assert 'wsgi_app = "netral.wsgi"' in path.read_text()


def test_settings_scanner_finds_the_settings() -> None:
    names = settings_variables()
    # Multi-line calls too (WHATSAPP_GRAPH_URL, NETRAL_SITE_URL are split over lines).
    assert REQUIRED | {"DATABASE_URL", "S3_BUCKET", "WHATSAPP_GRAPH_URL"} <= names


def test_env_example_documents_every_setting() -> None:
    set_names, shown = env_example()
    missing = settings_variables() - set_names - shown
    assert not missing, f"deploy/env.example lacks {sorted(missing)}"
    assert REQUIRED - {"NETRAL_FIELD_KEY", "SECRET_KEY", "EMAIL_URL"} <= set_names
    # The secrets are present as lines to fill in (blank: the start stops until they are).
    assert {"SECRET_KEY", "NETRAL_FIELD_KEY", "EMAIL_URL"} <= set_names


def test_compose_names_the_services_with_their_settings() -> None:
    spec = compose()
    services = spec["services"]
    assert {"web", "worker", "scheduler", "migrate", "db", "minio"} <= set(services)
    assert str(services["db"]["image"]).startswith("postgres:15")
    assert "minio" in services["minio"]["image"]
    set_names, _ = env_example()
    for name in NETRAL_SERVICES:
        service = services[name]
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).is_file()
        assert service["env_file"] == [".env"], name
        environment = set(service["environment"])
        given = environment | set_names
        assert {"DATABASE_URL", "S3_BUCKET", "S3_ENDPOINT_URL"} <= environment, name
        assert {"S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"} <= environment, name
        assert given >= REQUIRED, (name, REQUIRED - given)
        assert str(service["environment"]["DATABASE_URL"]).endswith("@db:5432/netral")
        if name != "migrate":
            assert service["depends_on"]["migrate"]["condition"] == (
                "service_completed_successfully"
            )
    assert manage_commands_in(command_words(services["worker"]["command"])) == ["db_worker"]
    assert manage_commands_in(command_words(services["scheduler"]["command"])) == ["scheduler"]
    assert "migrate" in manage_commands_in(command_words(services["migrate"]["command"]))
    web = command_words(services["web"]["command"])
    assert web[0] == "gunicorn"
    assert_gunicorn_runs_our_config(web, Path("/app"))


def test_compose_and_unit_commands_exist() -> None:
    known = set(get_commands())
    used = []
    for service in compose()["services"].values():
        if "command" in service:
            used += manage_commands_in(command_words(service["command"]))
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        used += manage_commands_in(unit.read_text().split())
    assert {"migrate", "db_worker", "scheduler"} <= set(used)
    assert set(used) <= known, sorted(set(used) - known)


@pytest.mark.parametrize("name", ["netral-web", "netral-worker", "netral-scheduler"])
def test_systemd_unit_runs_a_real_command_hardened(name: str) -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / "systemd" / f"{name}.service")
    service = parser["Service"]
    root = Path(service["WorkingDirectory"])
    words = shlex.split(service["ExecStart"])
    program = Path(words[0]).name
    if name == "netral-web":
        assert program == "gunicorn"
        assert_gunicorn_runs_our_config(words, root)
    else:
        assert program == "python"
        manage = Path(words[1])
        assert (ROOT / manage.relative_to(root)).name == "manage.py"
        assert (ROOT / manage.relative_to(root)).is_file()
        assert manage_commands_in(words) == [
            name.removeprefix("netral-").replace("worker", "db_worker")
        ]
        assert words[2] in get_commands()
    assert service["EnvironmentFile"].startswith("/etc/netral/")
    assert service["User"] != "root"
    assert service["NoNewPrivileges"] == "true"
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == str(root / "var")
    assert parser["Install"]["WantedBy"] == "multi-user.target"


def test_dockerfile_uses_files_that_exist() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    logical = re.sub(r"\\\n", " ", text)
    instructions = [
        line.strip() for line in logical.splitlines() if line.strip() and line[0] != "#"
    ]
    assert instructions[0] == "FROM python:3.11-slim"
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    copied = []
    for line in instructions:
        if line.startswith("COPY "):
            copied += line.split()[1:-1]
    assert "requirements.lock" in copied
    for source in copied:
        assert (ROOT / source).exists(), source
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".venv" in ignored and "var" in ignored
    run = " ".join(line for line in instructions if line.startswith(("RUN ", "CMD ", "HEALTH")))
    assert "pip install -r requirements.lock" in run
    assert "pybabel -q compile -d netral/locale -D django" in run
    assert (ROOT / "netral" / "locale").is_dir()
    assert "collectstatic" in manage_commands_in([run])
    for path in re.findall(r"deploy/[\w./-]+\.py", run):
        assert (ROOT / path).is_file(), path
    cmd = next(line for line in instructions if line.startswith("CMD "))
    assert cmd == 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]'


@override_settings(DEBUG=False, NETRAL_FIELD_KEYS=[])
def test_gunicorn_refuses_to_start_without_a_field_key() -> None:
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    with pytest.raises(SystemCheckError, match=r"netral\.E004"):
        config["on_starting"](None)  # type: ignore[operator]


def test_gunicorn_makes_no_control_socket() -> None:
    # gunicorn 25.1+ would make it in $HOME/.gunicorn: read-only under the units'
    # ProtectSystem=strict and in the image (every start logged "Permission denied").
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["control_socket_disable"] is True


def test_netral_env_runs_a_command_as_the_units_do(tmp_path: Path) -> None:
    """deploy/netral-env (README, systemd step 3): the EnvironmentFile's values only, read
    as systemd reads them, in the checkout, as the units' user."""
    env_file = tmp_path / "netral.env"
    env_file.write_text(
        "# a comment\n\n; another\nDEFAULT_FROM_EMAIL=Netral <noreply@netral.example.go.id>\n"
        'EMAIL_URL=smtp://u:p=q@mail:587\nQUOTED="two words"\n'
    )
    script = "import json, os; print(json.dumps([dict(os.environ), os.getcwd(), os.getuid()]))"
    caller = {"PATH": os.environ["PATH"], "NETRAL_ENV_FILE": str(env_file), "LEAKED": "1"}
    caller["NETRAL_USER"] = pwd.getpwuid(os.getuid()).pw_name
    result = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
        [str(DEPLOY / "netral-env"), sys.executable, "-c", script],
        env=caller,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    environ, cwd, uid = json.loads(result.stdout)
    assert environ["DEFAULT_FROM_EMAIL"] == "Netral <noreply@netral.example.go.id>"
    assert environ["EMAIL_URL"] == "smtp://u:p=q@mail:587"
    assert environ["QUOTED"] == "two words"
    assert not {"LEAKED", "NETRAL_ENV_FILE"} & set(environ)
    assert environ["PATH"].startswith(f"{ROOT}/.venv/bin:")
    assert (Path(cwd), uid) == (ROOT, os.getuid())

    env_file.write_text("export SECRET_KEY=x\n")
    result = subprocess.run(  # noqa: S603
        [str(DEPLOY / "netral-env"), "true"], env=caller, capture_output=True, text=True
    )
    assert result.returncode == 2 and "not KEY=VALUE" in result.stderr


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "netral.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "NETRAL_FIELD_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "EMAIL_URL": "smtp+tls://netral:password@mail.example.go.id:587",
        "ALLOWED_HOSTS": "netral.example.go.id",
        "CSRF_TRUSTED_ORIGINS": "https://netral.example.go.id",
        "NETRAL_SITE_URL": "https://netral.example.go.id",
        "NETRAL_ADMIN_PATH": "admin-" + secrets.token_urlsafe(12),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'netral.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.update(overrides)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_clean_with_production_environment(tmp_path: Path) -> None:
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_refuses_an_empty_field_key(tmp_path: Path) -> None:
    result = manage(production_env(tmp_path, NETRAL_FIELD_KEY=""), "check", "--deploy")
    assert result.returncode != 0
    assert "netral.E004" in result.stderr
