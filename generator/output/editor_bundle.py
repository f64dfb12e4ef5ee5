"""The editor's JavaScript (Decap CMS and the `yaml` library), from the npm registry without npm.

`editor.lock.json` pins each package: version, tarball URL, the registry's sha512 integrity,
and which files of the tarball the site needs. `fetch_bundle` (run by `make install`, the only
step that reaches the registry) downloads each tarball once, checks its integrity, and unpacks
the listed files into `.cache/editor/<lock digest>/`. The build only reads that folder: it never
downloads, and tests never reach the internet. A tarball that does not match the lock is refused.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

LOCK_FILE = "editor.lock.json"
CACHE_DIR = ".cache/editor"
_DONE = ".complete"
CHECKOUT = Path(__file__).resolve().parents[2]
"""The checkout that holds this code: a site built from a copy of the project (the tests do
that) uses the bundle that `make install` fetched there."""


class BundleError(Exception):
    """A Dutch message: the bundle could not be fetched or does not match the lock."""


@dataclass(frozen=True)
class Package:
    package: str
    version: str
    tarball: str
    integrity: str
    source: str
    """Folder inside the tarball the `files` patterns are relative to."""
    files: tuple[str, ...]
    target: str
    """Folder under the editor's path the files go to ('' for the editor's own folder)."""


def read_lock(root: Path) -> tuple[str, list[Package]]:
    """(digest of the lock file, its packages)."""
    raw = (root / LOCK_FILE).read_bytes()
    data = json.loads(raw)
    packages = [
        Package(p["package"], p["version"], p["tarball"], p["integrity"], p["from"], tuple(p["files"]), p["to"])
        for p in data["packages"]
    ]
    return hashlib.sha256(raw).hexdigest()[:16], packages


def check_integrity(blob: bytes, integrity: str) -> None:
    """Raises BundleError unless `blob` matches an npm `sha512-<base64>` integrity string."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise BundleError(f"{LOCK_FILE}: alleen sha512-integriteit wordt aanvaard, niet '{algorithm}'")
    actual = base64.b64encode(hashlib.sha512(blob).digest()).decode()
    if actual != expected:
        raise BundleError(
            f"het gedownloade pakket klopt niet met {LOCK_FILE} (sha512 {actual[:16]}…, verwacht {expected[:16]}…)"
        )


def unpack(blob: bytes, package: Package, target: Path) -> list[str]:
    """Write the listed files of a verified tarball under `target`; returns their paths (posix, relative)."""
    written: list[str] = []
    prefix = PurePosixPath(package.source)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
        for member in archive.getmembers():
            path = PurePosixPath(member.name)
            if not member.isfile() or prefix not in path.parents or ".." in path.parts:
                continue
            rel = path.relative_to(prefix).as_posix()
            if not any(fnmatch.fnmatchcase(rel, pattern) for pattern in package.files):
                continue
            stream = archive.extractfile(member)
            if stream is None:
                continue
            out = PurePosixPath(package.target, rel).as_posix() if package.target else rel
            (target / out).parent.mkdir(parents=True, exist_ok=True)
            (target / out).write_bytes(stream.read())
            written.append(out)
    if not written:
        raise BundleError(f"het pakket {package.package} {package.version} bevat geen van de bestanden uit {LOCK_FILE}")
    return written


def bundle_dir(root: Path) -> Path | None:
    """The unpacked bundle for the current lock, or None when `make install` has not fetched it."""
    try:
        digest, _ = read_lock(root)
    except (OSError, ValueError, KeyError):
        return None
    folder = root / CACHE_DIR / digest
    return folder if (folder / _DONE).is_file() else None


def bundle_files(root: Path) -> dict[str, Path]:
    """Path under the editor's folder → file, for every unpacked file (empty when not fetched).

    Looks in the project at `root`, then in the checkout that holds this code.
    """
    folder = bundle_dir(root) or bundle_dir(CHECKOUT)
    if folder is None:
        return {}
    names = (folder / _DONE).read_text(encoding="utf-8").split()
    return {name: folder / name for name in names if (folder / name).is_file()}


def _download(package: Package, cache: Path, timeout: float) -> bytes:
    tarball = cache / f"{package.package.replace('/', '+')}-{package.version}.tgz"
    if tarball.is_file():
        blob = tarball.read_bytes()
    else:
        try:
            with urllib.request.urlopen(package.tarball, timeout=timeout) as response:
                blob = response.read()
        except OSError as exc:
            raise BundleError(f"{package.tarball} kon niet worden gedownload: {exc}") from None
    check_integrity(blob, package.integrity)
    tarball.parent.mkdir(parents=True, exist_ok=True)
    tarball.write_bytes(blob)
    return blob


def fetch_bundle(root: Path, timeout: float = 120) -> Path:
    """Download, verify and unpack every locked package unless that is done already."""
    done = bundle_dir(root)
    if done is not None:
        return done
    digest, packages = read_lock(root)
    cache = root / CACHE_DIR
    target = cache / digest
    written: list[str] = []
    for package in packages:
        written += unpack(_download(package, cache, timeout), package, target)
    (target / _DONE).write_text("\n".join(sorted(written)) + "\n", encoding="utf-8")
    return target


def main() -> int:
    root = Path.cwd()
    try:
        folder = fetch_bundle(root)
    except (BundleError, OSError, ValueError, KeyError) as exc:
        print(f"redactie-editor: {exc}", file=sys.stderr)
        return 1
    print(f"redactie-editor: {folder.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
