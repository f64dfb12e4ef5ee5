"""The form-based editor's configuration (generator/output/cms.py), generated from the models."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from generator.editor.schemas import _models
from generator.model import REGISTRY, Text, Unknown, fact
from generator.model.fields import _EMAIL_RE
from generator.model.labels import FIELD_LABELS
from generator.model.records import Term
from generator.output.cms import (
    EDITOR_PATH,
    REF_TARGETS,
    UNKNOWN_LABEL,
    UnsupportedField,
    editor_config,
    editor_config_yaml,
    editor_field,
    form_label,
    key_order,
    model_fields,
    repo_slug,
    walk_fields,
)

WIDGETS = {
    "string",
    "markdown",
    "select",
    "relation",
    "datetime",
    "number",
    "boolean",
    "list",
    "object",
    "rw-fact",
    "rw-steps",
}
"""Decap's built-in widgets we use, and ours (docs/redactie/bewerken/rw-widgets.js)."""

REPO = "https://github.com/example/routewijzer"


def _collection(config: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == kind)


def _field(fields: list[dict[str, Any]], dotted: str) -> dict[str, Any]:
    return dict(walk_fields(fields))[dotted]


def test_every_model_field_of_every_kind_has_a_widget_and_a_label() -> None:
    config = editor_config(repo_url=REPO)
    for kind in REGISTRY:
        fields = _collection(config, kind.folder)["fields"]
        found = dict(walk_fields(fields))
        for model_name, model in _models(kind.model).items():
            if model is Unknown:
                continue  # the unknown form is the rw-fact widget's second choice
            for name in model.model_fields:
                matches = [f for path, f in found.items() if path == name or path.endswith(f".{name}")]
                assert matches, f"{kind.folder}: {model_name}.{name} has no form field"
                for field in matches:
                    assert field["widget"] in WIDGETS, f"{kind.folder}: {model_name}.{name}: {field['widget']}"
                    assert field["label"] and field["hint"], f"{kind.folder}: {model_name}.{name}"
        # The top level holds exactly the model's fields, nothing invented.
        assert {f["name"] for f in fields} == set(kind.model.model_fields)


def test_a_field_type_without_widget_fails() -> None:
    class Odd(BaseModel):
        hours: set[int]

    with pytest.raises(UnsupportedField, match=r"Odd\.hours"):
        model_fields(Odd)


def test_a_field_without_dutch_label_fails() -> None:
    class Unlabelled(BaseModel):
        shoe_size: Text

    assert form_label(Unlabelled, "shoe_size") is None
    with pytest.raises(UnsupportedField, match="geen Nederlands label"):
        model_fields(Unlabelled)


def test_adding_a_field_to_a_model_adds_it_to_the_form() -> None:
    class TermWithHours(Term):
        hours: Text | None = None
        """Wanneer het begrip geldt."""

    fields = {f["name"]: f for f in model_fields(TermWithHours)}
    assert set(fields) == set(Term.model_fields) | {"hours"}
    assert fields["hours"]["label"] == FIELD_LABELS["hours"].capitalize()
    assert fields["hours"]["widget"] == "string"
    assert fields["hours"]["required"] is False
    assert "Wanneer het begrip geldt." in fields["hours"]["hint"]


def test_widgets_follow_the_types() -> None:
    regio = _collection(editor_config(repo_url=REPO), "regio")["fields"]
    email = _field(regio, "ret.email")
    assert email["widget"] == "rw-fact"
    assert email["unknown_label"] == UNKNOWN_LABEL == "onbekend, met waar het te vinden is"
    assert email["input_type"] == "email"
    assert email["value"]["pattern"][0] == _EMAIL_RE.pattern
    assert email["required"] is True
    audience = _field(regio, "audience")
    assert (audience["widget"], audience["multiple"], audience["min"]) == ("select", True, 1)
    # Editors pick "ouders"; the file gets the model's value "ouder".
    assert audience["options"] == [
        {"label": "professionals", "value": "professional"},
        {"label": "ouders", "value": "ouder"},
        {"label": "jongeren", "value": "jongere"},
    ]
    network = _field(regio, "network")
    assert (network["widget"], network["collection"], network["value_field"]) == ("relation", "netwerk", "{{slug}}")
    themes = _field(regio, "themes")
    assert (themes["widget"], themes["collection"], themes["multiple"]) == ("relation", "thema", True)
    reviewed = _field(regio, "reviewed")
    # An optional date starts empty: Decap would otherwise fill in today, a review nobody did.
    assert (reviewed["widget"], reviewed["format"], reviewed["default"]) == ("datetime", "YYYY-MM-DD", "")
    assert _field(regio, "body")["widget"] == "markdown"
    assert _field(regio, "care_office_regions")["value_widget"] == "list"
    assert _field(regio, "municipalities.certain")["widget"] == "boolean"
    assert _field(regio, "cbs_code")["pattern"][0] == r"^JZ\d{2}$"
    wet = _collection(editor_config(repo_url=REPO), "wet")["fields"]
    assert _field(wet, "in_force")["value_widget"] == "datetime"
    assert _field(wet, "measures.term")["collection"] == "begrip"
    hulpmiddel = _collection(editor_config(repo_url=REPO), "hulpmiddel")["fields"]
    year = _field(hulpmiddel, "year")
    assert (year["value_widget"], year["value"]) == ("number", {"value_type": "int", "min": 1900, "max": 2100})
    assert _field(hulpmiddel, "kind")["options"][0] == "document"
    route = _collection(editor_config(repo_url=REPO), "route")["fields"]
    assert _field(route, "nodes")["widget"] == "rw-steps"
    # A step's `next` names a step of the same route, not a record: text with the id pattern.
    assert _field(route, "nodes.question.answers.next")["widget"] == "string"


def test_every_pattern_compiles_and_matches_the_example() -> None:
    config = editor_config(repo_url=REPO)
    for collection in config["collections"]:
        for path, field in walk_fields(collection["fields"]):
            pattern = field.get("pattern") or (field.get("value") or {}).get("pattern")
            if pattern:
                assert isinstance(pattern[1], str) and pattern[1], path
                re.compile(pattern[0])


def test_references_point_at_existing_kinds() -> None:
    assert set(REF_TARGETS.values()) <= {kind.folder for kind in REGISTRY}


def test_collections_backend_and_workflow() -> None:
    config = editor_config(repo_url=REPO + ".git", site_url="https://routewijzer.example/")
    assert config["backend"]["name"] == "github"
    assert config["backend"]["repo"] == "example/routewijzer"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert config["locale"] == "nl"
    assert [c["name"] for c in config["collections"]] == [
        k.folder for k in sorted(REGISTRY, key=lambda k: k.site_order)
    ]
    for collection in config["collections"]:
        assert collection["folder"] == f"data/{collection['name']}"
        assert (collection["extension"], collection["format"], collection["slug"]) == ("yaml", "rw-yaml", "{{slug}}")
        assert collection["delete"] is False
    # Without a GitHub repository the editor can only use the local proxy.
    assert editor_config(repo_url=None)["backend"]["name"] == "proxy"
    assert editor_config(repo_url="https://gitlab.com/a/b")["backend"]["name"] == "proxy"


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://github.com/a/b", "a/b"),
        ("https://github.com/a/b.git", "a/b"),
        ("https://github.com/a/b/", "a/b"),
        ("https://github.com/a", None),
        ("https://example.org/a/b", None),
        (None, None),
    ],
)
def test_repo_slug(url: str | None, slug: str | None) -> None:
    assert repo_slug(url) == slug


def test_key_order_follows_the_files() -> None:
    term = next(k for k in REGISTRY if k.folder == "begrip")
    files = [
        {"title": 1, "synonyms": 1, "audience": 1, "summary": 1, "definition": 1, "sources": 1},
        {"title": 1, "audience": 1, "summary": 1, "definition": 1, "sources": 1, "reviewed": 1},
    ]
    order = key_order(term, files)
    assert set(order) == set(Term.model_fields)
    seen = [name for name in order if name in {"title", "audience", "summary", "definition", "sources", "reviewed"}]
    assert seen == ["title", "audience", "summary", "definition", "sources", "reviewed"]
    # A field no file uses follows the field before it in the model: abbreviation after themes.
    assert order.index("abbreviation") == order.index("themes") + 1
    fields = model_fields(Term, order)
    assert [f["name"] for f in fields] == order


def test_config_yaml_is_the_config() -> None:
    config = editor_config(repo_url=REPO)
    text = editor_config_yaml(config)
    assert text.startswith("# Generated")
    assert yaml.safe_load(text) == config


def test_fact_of_an_unknown_type_is_refused() -> None:
    class Odd(BaseModel):
        hours: fact(set[int])  # type: ignore[valid-type]

    with pytest.raises(UnsupportedField):
        editor_field(Odd, "hours", Odd.model_fields["hours"])


@pytest.mark.slow
def test_built_site_carries_the_editor_only_on_its_path(real_site: Path) -> None:
    folder = real_site / EDITOR_PATH
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "example/routewijzer"}
    assert {c["name"] for c in config["collections"]} == {k.folder for k in REGISTRY}
    for name in ("index.html", "decap-cms.js", "rw-widgets.js", "rw-yaml.js", "rw-init.js", "yaml/browser/index.js"):
        assert (folder / name).is_file(), name
    # Not in the sitemap, not in the search index, and no public page loads any of it.
    assert "redactie/bewerken" not in (real_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "bewerken" in d["location"]]
    for page in real_site.rglob("*.html"):
        if folder in page.parents:
            continue
        html = page.read_text(encoding="utf-8")
        assert "decap-cms" not in html and "rw-widgets" not in html and "rw-yaml" not in html, page
