"""The editor's JavaScript bundle (Decap CMS), from the npm registry without npm.

`editor.lock.json` pins the package: version, tarball URL and the registry's sha512 integrity.
`fetch_bundle` (run by `make install`, the only step that reaches the registry) downloads the
tarball once, checks the integrity, and unpacks the dist files named in the lock into
`.cache/editor/<package>-<version>/`. The build only reads that folder: it never downloads,
and tests never reach the internet. A tarball that does not match the lock is refused.
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
from pathlib import Path

LOCK_FILE = "editor.lock.json"
CACHE_DIR = ".cache/editor"
_DONE = ".complete"
CHECKOUT = Path(__file__).resolve().parents[2]
"""The checkout that holds this code: a site built from a copy of the project (the tests do
that) uses the bundle that `make install` fetched there."""


class BundleError(Exception):
    """A Dutch message: the bundle could not be fetched or does not match the lock."""


@dataclass(frozen=True)
class Lock:
    package: str
    version: str
    tarball: str
    integrity: str
    files: tuple[str, ...]

    @property
    def folder(self) -> str:
        return f"{self.package}-{self.version}"


def read_lock(root: Path) -> Lock:
    data = json.loads((root / LOCK_FILE).read_text(encoding="utf-8"))
    return Lock(data["package"], data["version"], data["tarball"], data["integrity"], tuple(data["files"]))


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


def unpack(blob: bytes, lock: Lock, target: Path) -> list[str]:
    """Write the dist files of the verified tarball into `target`; returns their names."""
    written: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
        for member in archive.getmembers():
            directory, _, name = member.name.rpartition("/")
            if directory != "package/dist" or not member.isfile():
                continue
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in lock.files):
                stream = archive.extractfile(member)
                if stream is not None:
                    (target / name).write_bytes(stream.read())
                    written.append(name)
    if not written:
        raise BundleError(f"het pakket {lock.package} {lock.version} bevat geen van de bestanden uit {LOCK_FILE}")
    (target / _DONE).write_text("\n".join(sorted(written)) + "\n", encoding="utf-8")
    return written


def bundle_dir(root: Path) -> Path | None:
    """The unpacked bundle for the locked version, or None when `make install` has not fetched it."""
    try:
        lock = read_lock(root)
    except (OSError, ValueError, KeyError):
        return None
    folder = root / CACHE_DIR / lock.folder
    return folder if (folder / _DONE).is_file() else None


def bundle_files(root: Path) -> dict[str, Path]:
    """File name → path of every unpacked dist file (empty when not fetched).

    Looks in the project at `root`, then in the checkout that holds this code.
    """
    folder = bundle_dir(root) or bundle_dir(CHECKOUT)
    if folder is None:
        return {}
    names = (folder / _DONE).read_text(encoding="utf-8").split()
    return {name: folder / name for name in names if (folder / name).is_file()}


def fetch_bundle(root: Path, timeout: float = 120) -> Path:
    """Download, verify and unpack the locked bundle unless it is already there."""
    done = bundle_dir(root)
    if done is not None:
        return done
    lock = read_lock(root)
    tarball = root / CACHE_DIR / f"{lock.folder}.tgz"
    if tarball.is_file():
        blob = tarball.read_bytes()
    else:
        try:
            with urllib.request.urlopen(lock.tarball, timeout=timeout) as response:  # noqa: S310 (https URL from the lock)
                blob = response.read()
        except OSError as exc:
            raise BundleError(f"{lock.tarball} kon niet worden gedownload: {exc}") from None
    check_integrity(blob, lock.integrity)
    tarball.parent.mkdir(parents=True, exist_ok=True)
    tarball.write_bytes(blob)
    target = root / CACHE_DIR / lock.folder
    unpack(blob, lock, target)
    return target


def main() -> int:
    root = Path.cwd()
    try:
        folder = fetch_bundle(root)
    except BundleError as exc:
        print(f"redactie-editor: {exc}", file=sys.stderr)
        return 1
    print(f"redactie-editor: {folder.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
