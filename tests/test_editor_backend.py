"""The editor's pinned bundle (generator/output/editor_bundle.py) and its local backend
(generator/editor/local_backend.py, Decap's proxy protocol on 127.0.0.1). No network."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from generator.editor.local_backend import LocalBackend, ProxyError, running
from generator.output import editor_bundle
from generator.output.editor_bundle import BundleError, Package, check_integrity, read_lock, unpack
from tests.conftest import ROOT


def _integrity(blob: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()


def _tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


# --------------------------------------------------------------------------- bundle


def test_lock_pins_every_package_with_sha512() -> None:
    digest, packages = read_lock(ROOT)
    assert len(digest) == 16
    assert {p.package for p in packages} == {"decap-cms", "yaml"}
    for package in packages:
        assert package.integrity.startswith("sha512-")
        assert package.tarball.startswith("https://registry.npmjs.org/")
        assert package.tarball.endswith(f"-{package.version}.tgz")


def test_integrity_is_checked() -> None:
    blob = b"the tarball"
    check_integrity(blob, _integrity(blob))
    with pytest.raises(BundleError, match="klopt niet"):
        check_integrity(blob + b"!", _integrity(blob))
    with pytest.raises(BundleError, match="alleen sha512"):
        check_integrity(blob, "sha1-" + base64.b64encode(hashlib.sha1(blob).digest()).decode())


def test_unpack_takes_only_the_listed_files(tmp_path: Path) -> None:
    blob = _tarball(
        {
            "package/dist/decap-cms.js": b"main",
            "package/dist/12.decap-cms.js": b"chunk",
            "package/dist/decap-cms.js.map": b"map",
            "package/dist/../../escape.js": b"evil",
            "package/README.md": b"readme",
        }
    )
    package = Package("decap-cms", "1.0.0", "", "", "package/dist", ("decap-cms.js", "*.decap-cms.js"), "")
    assert sorted(unpack(blob, package, tmp_path)) == ["12.decap-cms.js", "decap-cms.js"]
    assert (tmp_path / "decap-cms.js").read_bytes() == b"main"
    assert not (tmp_path.parent / "escape.js").exists()
    nested = Package("yaml", "2.0.0", "", "", "package/dist", ("*.js",), "yaml")
    assert sorted(unpack(blob, nested, tmp_path)) == ["yaml/12.decap-cms.js", "yaml/decap-cms.js"]
    with pytest.raises(BundleError, match="geen van de bestanden"):
        unpack(blob, Package("x", "1", "", "", "package/dist", ("*.css",), ""), tmp_path)


def test_fetch_refuses_a_tarball_that_does_not_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _tarball({"package/dist/decap-cms.js": b"main"})
    lock = {
        "packages": [
            {
                "package": "decap-cms",
                "version": "1.0.0",
                "tarball": "https://registry.npmjs.org/decap-cms/-/decap-cms-1.0.0.tgz",
                "integrity": _integrity(good),
                "from": "package/dist",
                "files": ["decap-cms.js"],
                "to": "",
            }
        ]
    }
    (tmp_path / "editor.lock.json").write_text(json.dumps(lock), encoding="utf-8")

    def offline(*args: Any, **kwargs: Any) -> Any:
        raise urllib.error.URLError("no network in tests")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(BundleError, match="kon niet worden gedownload"):
        editor_bundle.fetch_bundle(tmp_path)
    cache = tmp_path / ".cache" / "editor"
    cache.mkdir(parents=True)
    (cache / "decap-cms-1.0.0.tgz").write_bytes(_tarball({"package/dist/decap-cms.js": b"tampered"}))
    with pytest.raises(BundleError, match="klopt niet"):
        editor_bundle.fetch_bundle(tmp_path)
    assert editor_bundle.bundle_dir(tmp_path) is None
    (cache / "decap-cms-1.0.0.tgz").write_bytes(good)
    folder = editor_bundle.fetch_bundle(tmp_path)
    assert (folder / "decap-cms.js").read_bytes() == b"main"
    assert editor_bundle.bundle_dir(tmp_path) == folder


# --------------------------------------------------------------------------- local backend


TERM = """\
title: Voorbeeldbegrip
audience: [ouder]
summary: Een begrip voor de test.
definition: Alleen voor de test.
sources:
- title: Jeugdwet
  url: https://wetten.overheid.nl/BWBR0034925
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "thema", tmp_path / "data" / "thema")
    (tmp_path / "data" / "begrip").mkdir()
    return tmp_path


def test_protocol_actions(project: Path) -> None:
    said: list[str] = []
    backend = LocalBackend(project, said.append)
    assert backend.handle("info", None) == {"repo": project.name, "publish_modes": ["simple"], "type": "local_fs"}
    listed = backend.handle(
        "entriesByFolder", {"folder": "data/thema", "extension": "yaml", "depth": 1, "branch": "main"}
    )
    assert {e["file"]["path"] for e in listed} == {f"data/thema/{p.name}" for p in (project / "data/thema").iterdir()}
    first = listed[0]
    assert first["data"] == (project / first["file"]["path"]).read_text(encoding="utf-8")
    assert first["file"]["id"] == hashlib.sha256((project / first["file"]["path"]).read_bytes()).hexdigest()
    missing = backend.handle("getEntry", {"path": "data/begrip/nergens.yaml", "branch": "main"})
    assert missing == {"data": None, "file": {"path": "data/begrip/nergens.yaml", "label": None, "id": None}}
    saved = backend.handle(
        "persistEntry",
        {
            "branch": "main",
            "dataFiles": [{"slug": "voorbeeldbegrip", "path": "data/begrip/voorbeeldbegrip.yaml", "raw": TERM}],
            "assets": [],
            "options": {"commitMessage": "x", "useWorkflow": False},
        },
    )
    assert saved == {"message": "entry persisted"}
    assert (project / "data/begrip/voorbeeldbegrip.yaml").read_text(encoding="utf-8") == TERM
    assert said == ["data/begrip/voorbeeldbegrip.yaml: opgeslagen; het record is in orde"]
    assert backend.handle("getMedia", {"branch": "main", "mediaFolder": "docs"}) == []
    assert backend.handle("getDeployPreview", {}) is None
    with pytest.raises(ProxyError, match="Unknown action"):
        backend.handle("unpublishedEntries", {"branch": "main"})


def test_a_saved_invalid_record_is_reported_in_dutch_with_file_and_line(project: Path) -> None:
    said: list[str] = []
    backend = LocalBackend(project, said.append)
    broken = TERM.replace("summary: Een begrip voor de test.\n", "summary: ''\n")
    backend.handle("persistEntry", {"dataFiles": [{"path": "data/begrip/kapot.yaml", "raw": broken}], "assets": []})
    assert said and all(line.startswith("data/begrip/kapot.yaml:3: summary: ") for line in said)


@pytest.mark.parametrize(
    "path",
    [
        "../buiten.yaml",
        "/etc/passwd",
        "data/../mkdocs.yml",
        "docs/index.md",
        "data/onbekend/x.yaml",
        "data/begrip/Hoofdletters.yaml",
        "data/begrip/x.yml",
        "data/begrip/sub/x.yaml",
    ],
)
def test_writes_only_record_files(project: Path, path: str) -> None:
    backend = LocalBackend(project, lambda message: None)
    with pytest.raises(ProxyError):
        backend.handle("persistEntry", {"dataFiles": [{"path": path, "raw": TERM}], "assets": []})
    with pytest.raises(ProxyError):
        backend.handle("deleteFile", {"path": path})


def test_refuses_uploads_and_renames(project: Path) -> None:
    backend = LocalBackend(project, lambda message: None)
    with pytest.raises(ProxyError, match="uploaden"):
        backend.handle(
            "persistEntry",
            {
                "dataFiles": [{"path": "data/begrip/a.yaml", "raw": TERM}],
                "assets": [{"path": "docs/x.png", "content": "", "encoding": "base64"}],
            },
        )
    with pytest.raises(ProxyError, match="hernoemen"):
        backend.handle(
            "persistEntry",
            {"dataFiles": [{"path": "data/begrip/a.yaml", "newPath": "data/begrip/b.yaml", "raw": TERM}], "assets": []},
        )
    assert not (project / "data/begrip/a.yaml").exists()


def _post(url: str, body: dict[str, Any], origin: str | None) -> tuple[int, dict[str, str], Any]:
    headers = {"Content-Type": "application/json", **({"Origin": origin} if origin else {})}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), json.loads(exc.read())


def test_http_on_loopback_with_cors_for_local_pages_only(project: Path) -> None:
    with running(project, report=lambda message: None) as url:
        assert url.startswith("http://127.0.0.1:")
        status, headers, body = _post(url, {"action": "info"}, "http://127.0.0.1:8000")
        assert status == 200 and body["type"] == "local_fs"
        assert headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:8000"
        status, headers, body = _post(url, {"action": "info"}, "https://evil.example")
        assert status == 403 and "Access-Control-Allow-Origin" not in headers
        status, _, body = _post(url, {"action": "getEntry", "params": {"path": "../x"}}, "http://localhost:8000")
        assert status == 422 and "buiten de repository" in body["error"]
        preflight = urllib.request.Request(url, method="OPTIONS", headers={"Origin": "http://localhost:8000"})
        with urllib.request.urlopen(preflight, timeout=10) as response:
            assert response.status == 204
            assert response.headers["Access-Control-Allow-Methods"] == "POST"
