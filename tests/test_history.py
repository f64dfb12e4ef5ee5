"""'Wat is er veranderd?': entries derived from what changed in the records, never commit messages or authors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import generator.load as load_module
from generator.load import HISTORY_CACHE, Change, FileChange, changed_fields, load_history
from generator.model import KINDS
from generator.model.labels import FIELD_LABELS, field_label
from generator.model.walk import iter_models
from generator.render.history import MASS, render_history
from tests.conftest import MINI_DATA

AUTHOR = ["-c", "user.name=Redacteur Een", "-c", "user.email=een@example.nl"]


def git(root: Path, *args: str, date: str = "2026-11-20T10:00:00") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *AUTHOR, *args], cwd=root, check=True, capture_output=True, env=env)


def links(page: str, text: str) -> str:
    return f"[{text}]({page})"


def page_for(root: Path) -> dict[str, tuple[str, str]]:
    from generator.load import load_catalog
    from generator.render.frame import page_path

    catalog = load_catalog(root / "data", root)
    return {e.path: (page_path(e.kind, e.id), e.record.title) for e in catalog.entries.values()}


@pytest.fixture
def repo(scratch) -> Path:
    root = scratch(data_only=True)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Initial import of everything", date="2026-11-20T10:00:00")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_entries_say_which_page_and_which_fields_changed(repo: Path):
    edit(repo, "data/contact/veilig-thuis.yaml", "phone: 0800-2000", "phone: 0800-2001")
    edit(repo, "data/regio/groningen.yaml", "email: ret@example.nl", "email: team@example.nl")
    edit(repo, "data/begrip/ots.yaml", "summary: Wat een OTS is.", "summary: Wat een OTS precies is.")
    edit(repo, "data/begrip/ots.yaml", "synonyms: [toezicht]", "synonyms: [toezicht, ots]")
    (repo / "data/les/volgen.yaml").unlink()
    (repo / "data/contact/nieuw.yaml").write_text(
        "title: Kindertelefoon\naudience: [jongere]\nsummary: Praat met iemand.\nhelps_with: [Als je wilt praten.]\n"
        "phone: 0800-0432\nsources:\n  - title: Kindertelefoon\n    url: https://www.kindertelefoon.nl/\n",
        encoding="utf-8",
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fix: bump phone & misc (see #12)", date="2026-12-03T09:00:00")

    changes = load_history(repo)
    assert changes is not None
    assert [c.day for c in changes] == ["2026-12-03", "2026-11-20"]
    markdown = render_history(changes, page_for(repo), links)
    assert "## 3 december 2026 { #d-2026-12-03 }" in markdown
    assert "- Telefoonnummer van [Veilig Thuis](contact/veilig-thuis.md) aangepast" in markdown
    assert "- E-mailadres (RET) van [Groningen](regio/groningen.md) aangepast" in markdown
    assert "- Synoniemen en samenvatting van [Ondertoezichtstelling](begrip/ots.md) aangepast" in markdown
    assert "- Nieuw: [Kindertelefoon](contact/nieuw.md)" in markdown
    assert "- Verwijderd: Blijf volgen hoe het gaat" in markdown
    # Never the developers' commit messages, never an author.
    for private in ("fix:", "bump", "Initial import", "Redacteur", "een@example.nl"):
        assert private not in markdown
    assert markdown.index("3 december 2026") < markdown.index("20 november 2026")


def test_a_renamed_file_is_a_new_page_and_a_removed_one(repo: Path):
    # git's rename detection would also pair two different but similar records; the page claims no rename.
    (repo / "data/les/volgen.yaml").rename(repo / "data/les/blijf-volgen.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "rename", date="2026-12-04T09:00:00")
    markdown = render_history(load_history(repo), page_for(repo), links)
    assert (
        "- Nieuw: [Blijf volgen hoe het gaat](les/blijf-volgen.md)\n- Verwijderd: Blijf volgen hoe het gaat" in markdown
    )


def test_a_change_of_layout_or_comments_alone_is_not_listed(repo: Path):
    edit(repo, "data/contact/veilig-thuis.yaml", "phone: 0800-2000", "# het landelijke nummer\nphone: '0800-2000'")
    git(repo, "commit", "-qam", "quote the phone number", date="2026-12-04T09:00:00")
    (latest, _) = load_history(repo) or []
    assert latest.files == [FileChange("M", "data/contact/veilig-thuis.yaml", "Veilig Thuis", ())]
    assert "4 december 2026" not in render_history([latest], page_for(repo), links)


def test_the_comparison_is_cached_per_pair_of_versions(repo: Path, monkeypatch: pytest.MonkeyPatch):
    edit(repo, "data/contact/veilig-thuis.yaml", "phone: 0800-2000", "phone: 0800-2001")
    git(repo, "commit", "-qam", "x", date="2026-12-05T09:00:00")
    first = load_history(repo)
    assert (repo / HISTORY_CACHE).is_file()

    def no_git(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise AssertionError("read the versions again although the comparison is cached")

    monkeypatch.setattr(load_module, "_read_blobs", no_git)
    assert load_history(repo) == first


def test_a_broken_cache_is_rebuilt(repo: Path):
    (repo / HISTORY_CACHE).parent.mkdir(parents=True, exist_ok=True)
    (repo / HISTORY_CACHE).write_text("[kapot", encoding="utf-8")
    changes = load_history(repo)
    assert changes is not None and len(changes[0].files) == len(MINI_DATA)


def test_many_pages_with_the_same_change_are_one_line():
    files = [FileChange("M", f"data/begrip/b{i}.yaml", f"B{i}", ("keywords",)) for i in range(MASS + 1)]
    files.append(FileChange("M", "data/contact/x.yaml", "X", ("hours",)))
    markdown = render_history([Change("c" * 40, "2026-12-01", files)], {}, links)
    assert f"- Zoekwoorden van {MASS + 1} pagina's aangepast" in markdown
    assert "- Openingstijden van X aangepast" in markdown
    assert "B1" not in markdown


def test_history_without_git(tmp_path: Path):
    assert load_history(tmp_path) is None
    assert "niet beschikbaar" in render_history(None, {}, links)


def test_changed_fields_name_fields_inside_the_ret_group():
    old = {"title": "A", "ret": {"email": "a@b.nl", "phone": "1"}, "summary": "x"}
    new = {"title": "A", "ret": {"email": "c@b.nl", "phone": "1"}, "summary": "y", "keywords": ["k"]}
    assert changed_fields(old, new) == ("ret.email", "summary", "keywords")
    assert field_label("ret.email") == "e-mailadres (RET)"


def test_every_field_has_a_dutch_label():
    names = {name for model in KINDS.values() for sub in iter_models(model) for name in sub.model_fields}
    assert sorted(names - FIELD_LABELS.keys()) == []
