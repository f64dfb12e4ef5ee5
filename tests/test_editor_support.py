"""What editors and CI rely on outside the generator: workflows, editor schemas, linters."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.model import KINDS
from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_files_are_valid(path: Path):
    result = check_workflow(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_check_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    assert check_workflow(broken).returncode != 0


def test_workflows_run_the_readme_commands():
    pr = (ROOT / ".github/workflows/pull-request.yml").read_text()
    assert "make check" in pr and "make test" in pr and "upload-artifact" in pr
    assert "deploy-pages" in (ROOT / ".github/workflows/deploy.yml").read_text()
    weekly = yaml.safe_load((ROOT / ".github/workflows/linkcheck.yml").read_text())
    assert weekly[True]["schedule"], "the external link check runs on a schedule"  # PyYAML reads 'on' as True


def test_editor_schemas_cover_every_kind():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert {glob: schema for schema, glob in mapping.items()} == {
        f"data/{kind}/*.yaml": f"schemas/{kind}.schema.json" for kind in KINDS
    }
    for schema in mapping:
        assert (ROOT / schema).exists()


def test_pre_commit_hooks_use_the_project_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert any("generator validate" in e for e in entries)
    # The layout rules of .yamllint.yaml run inside the validation (in Dutch); no separate English yamllint.
    assert not any("yamllint" in e for e in entries)
    assert any("ruff" in e for e in entries)


def test_every_make_target_is_documented():
    lines = (ROOT / "Makefile").read_text().splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".PHONY:"):
            assert lines[i - 1].startswith("# "), f"{line} has no comment above it"
    targets = set(re.findall(r"^\.PHONY: (\S+)", "\n".join(lines), re.M))
    assert {"serve", "test", "check", "build", "lint", "bench", "linkcheck"} <= targets
