"""The fresh-machine path of `make test`: what it installs, as root, with sudo, and without either.

The Makefile's `test-deps` target (a prerequisite of `make test`) and scripts/system-packages.sh
run here with a PATH that has no node and no chromium. A fake `apt-get` and `sudo` record what
would be installed; a fake `id` says whether we are root. Nothing is installed for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAKE = shutil.which("make")
SCRIPT = ROOT / "scripts" / "system-packages.sh"

FAKE_APT = """#!/bin/bash
echo "apt-get $*" >> "$FAKE_LOG"
exit "${FAKE_APT_EXIT:-0}"
"""
FAKE_SUDO = """#!/bin/bash
echo "sudo $*" >> "$FAKE_LOG"
[ "${FAKE_SUDO_EXIT:-0}" = 0 ] || exit "$FAKE_SUDO_EXIT"
exec "$@"
"""
FAKE_ID = """#!/bin/bash
[ "$1" = "-u" ] && echo "$FAKE_UID"
"""


def _machine(tmp_path: Path, *, sudo: bool = True, node: bool = False) -> tuple[dict[str, str], Path]:
    """A PATH with only bash, the fakes and (optionally) a fake node; returns the env and the log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "env"):
        found = shutil.which(tool)
        assert found, f"{tool} is needed to run the set-up scripts"
        (bin_dir / tool).symlink_to(found)
    fakes = {"apt-get": FAKE_APT, "id": FAKE_ID}
    if sudo:
        fakes["sudo"] = FAKE_SUDO
    if node:
        fakes["node"] = "#!/bin/bash\necho v20.0.0\n"
    for name, text in fakes.items():
        path = bin_dir / name
        path.write_text(text)
        path.chmod(0o755)
    log = tmp_path / "installed.log"
    log.touch()
    env = {
        "PATH": str(bin_dir),
        "HOME": str(tmp_path),
        "FAKE_LOG": str(log),
        "FAKE_UID": "1000",
        "LANG": "C.UTF-8",
    }
    return env, log


def _make(target: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert MAKE, "make is needed for this test"
    return subprocess.run(
        [MAKE, "--no-print-directory", "-C", str(ROOT), target],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_machine_under_test_lacks_node_and_chromium(tmp_path: Path):
    env, _ = _machine(tmp_path)
    found = subprocess.run(
        ["bash", "-c", "command -v node chromium apt-get"], env=env, capture_output=True, text=True, check=False
    )
    assert found.stdout.strip() == str(tmp_path / "bin" / "apt-get")


def test_as_root_make_installs_node_and_chromium_with_apt_get(tmp_path: Path):
    env, log = _machine(tmp_path, sudo=False)
    env["FAKE_UID"] = "0"
    result = _make("test-deps", env)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == ["apt-get update -qq", "apt-get install -y -qq nodejs chromium"]


def test_as_user_make_installs_through_sudo(tmp_path: Path):
    env, log = _machine(tmp_path)
    result = _make("test-deps", env)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == [
        "sudo apt-get update -qq",
        "apt-get update -qq",
        "sudo apt-get install -y -qq nodejs chromium",
        "apt-get install -y -qq nodejs chromium",
    ]
    assert "Installeren met sudo / installing with sudo: nodejs chromium" in result.stderr


def test_without_root_or_sudo_make_names_the_packages_and_fails(tmp_path: Path):
    env, log = _machine(tmp_path, sudo=False)
    result = _make("test-deps", env)
    assert result.returncode != 0
    assert log.read_text() == "", "nothing may be installed"
    assert "FOUT: deze pakketten ontbreken: nodejs chromium" in result.stderr
    assert "Je bent geen root en sudo ontbreekt." in result.stderr
    assert "ERROR: these packages are missing: nodejs chromium" in result.stderr
    assert "You are not root and sudo is missing." in result.stderr


def test_a_refused_sudo_fails_with_the_same_message(tmp_path: Path):
    env, log = _machine(tmp_path)
    env["FAKE_SUDO_EXIT"] = "1"
    result = _make("test-deps", env)
    assert result.returncode != 0
    assert log.read_text().splitlines() == ["sudo apt-get update -qq"]
    assert "deze pakketten ontbreken: nodejs chromium" in result.stderr
    assert "sudo is not allowed to run it" in result.stderr


def test_only_what_is_missing_is_installed(tmp_path: Path):
    env, log = _machine(tmp_path, node=True)
    env["FAKE_UID"] = "0"
    result = _make("test-deps", env)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == ["apt-get update -qq", "apt-get install -y -qq chromium"]


def test_a_chromium_of_ones_own_is_not_replaced(tmp_path: Path):
    env, log = _machine(tmp_path, node=True)
    env["ROUTEWIJZER_CHROMIUM"] = "/opt/my-chromium/chrome"
    result = _make("test-deps", env)
    assert result.returncode == 0, result.stderr
    assert log.read_text() == ""


def test_without_apt_get_the_message_points_at_the_readme(tmp_path: Path):
    env, _ = _machine(tmp_path)
    (tmp_path / "bin" / "apt-get").unlink()
    result = subprocess.run(
        [str(SCRIPT), "node:nodejs"], env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 1
    assert "geen Debian of Ubuntu" in result.stderr and "not Debian or Ubuntu" in result.stderr
    assert "sudo apt-get install nodejs" in result.stderr


def test_python3_venv_is_installed_on_request(tmp_path: Path):
    env, log = _machine(tmp_path)
    env["FAKE_UID"] = "0"
    result = subprocess.run(
        [str(SCRIPT), "--always", "python3-venv"], env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines()[-1] == "apt-get install -y -qq python3-venv"


def test_make_test_sets_up_first_and_turns_skips_into_failures():
    assert MAKE
    plan = subprocess.run(
        [MAKE, "--no-print-directory", "-C", str(ROOT), "--dry-run", "--always-make", "test"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "ROUTEWIJZER_CHROMIUM": ""},
    ).stdout.splitlines()
    deps = next(i for i, line in enumerate(plan) if "scripts/system-packages.sh node:nodejs chromium:chromium" in line)
    tests = next(i for i, line in enumerate(plan) if "ROUTEWIJZER_REQUIRE_TOOLS=1" in line and "pytest" in line)
    assert deps < tests
    assert not any("npm" in line for line in plan), "make test must not need npm"


@pytest.mark.parametrize(("required", "outcome"), [("1", "1 error"), ("", "1 skipped")])
def test_missing_node_fails_under_make_test_and_skips_elsewhere(tmp_path: Path, required: str, outcome: str):
    env = {k: v for k, v in os.environ.items() if k != "ROUTEWIJZER_REQUIRE_TOOLS"}
    env |= {"PATH": str(tmp_path), "ROUTEWIJZER_REQUIRE_TOOLS": required, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "tests/search/test_js_units.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert outcome in result.stdout, result.stdout
    assert "node ontbreekt" in result.stdout
    assert (result.returncode != 0) == bool(required)
