"""The editors' tools: scaffolding a record and the placeholder guard (the change history: tests/test_history.py)."""

from __future__ import annotations

import pytest

from generator.load import load_catalog
from generator.model import KINDS
from generator.problems import DataError
from tests.conftest import run_cli


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_new_record_names_every_required_field_and_fails_until_filled(scratch, kind):
    root = scratch(data_only=True)
    result = run_cli("nieuw", kind, "proef", cwd=root)
    assert result.returncode == 0, result.stderr
    assert f"data/{kind}/proef.yaml is gemaakt" in result.stdout
    text = (root / f"data/{kind}/proef.yaml").read_text(encoding="utf-8")
    for name, info in KINDS[kind].model_fields.items():
        if info.is_required():
            assert f"\n{name}:" in text, f"{kind}: {name} missing from the stub"
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    messages = [str(p) for p in info.value.problems]
    assert all(m.startswith(f"data/{kind}/proef.yaml:") for m in messages)
    assert any("nog niet ingevuld: vervang 'VUL-IN'" in m for m in messages)


def test_new_record_refuses_to_overwrite_or_a_bad_id(scratch):
    root = scratch(data_only=True)
    again = run_cli("nieuw", "regio", "groningen", cwd=root)
    assert again.returncode == 1
    assert "data/regio/groningen.yaml bestaat al" in again.stderr
    bad = run_cli("nieuw", "regio", "Mijn Regio", cwd=root)
    assert bad.returncode == 1
    assert "'Mijn Regio' is geen geldige id" in bad.stderr
    unknown = run_cli("nieuw", "regios", "x", cwd=root)
    assert unknown.returncode != 0


def test_filled_stub_validates(scratch):
    root = scratch(data_only=True)
    assert run_cli("nieuw", "contact", "proef", cwd=root).returncode == 0
    path = root / "data/contact/proef.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("url: VUL-IN", "url: https://www.example.nl/").replace("VUL-IN", "Ingevuld")
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog(root / "data", root)
    assert catalog.get("contact", "proef") is not None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_stub_leaves_reviewed_to_the_editor_and_follows_the_layout_rules(scratch, kind):
    import re
    import shutil

    from tests.conftest import ROOT

    root = scratch(data_only=True)
    shutil.copy2(ROOT / ".yamllint.yaml", root / ".yamllint.yaml")
    assert run_cli("nieuw", kind, "proef", cwd=root).returncode == 0
    text = (root / f"data/{kind}/proef.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*reviewed:", text, re.M), "reviewed is for the editor, after checking"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "no date is filled in before anything was checked"
    assert "# reviewed: laat dit nog weg." in text
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    # Only the placeholders are reported: the stub itself keeps the layout rules.
    assert all("nog niet ingevuld" in p.message for p in info.value.problems if p.path.endswith("proef.yaml"))


def test_route_stub_is_an_example_structure_that_validates_once_filled(scratch):
    root = scratch(data_only=True)
    assert run_cli("nieuw", "route", "proef", cwd=root).returncode == 0
    path = root / "data/route/proef.yaml"
    text = path.read_text(encoding="utf-8")
    assert "question:" in text and "outcome:" in text and "next: uitkomst-een" in text
    filled = (
        text.replace("url: VUL-IN", "url: https://www.example.nl/")
        .replace("ask: [VUL-IN]", "ask: [contact/veilig-thuis]")
        .replace("VUL-IN", "Ingevuld")
    )
    path.write_text(filled, encoding="utf-8")
    route = load_catalog(root / "data", root).get("route", "proef")
    assert route is not None
    assert set(route.record.nodes) == {"eerste-vraag", "tweede-vraag", "uitkomst-een", "uitkomst-twee"}
    assert route.record.reviewed is None
