"""A built folder as one zip file (the offline copy), written atomically.

Entries are sorted and, with SOURCE_DATE_EPOCH set, dated by it, so one commit gives one zip.
The zip holds one top folder (`root_name/index.html`, ...): unzipped, it is one folder to open.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from pathlib import Path

from .atomic import uninterrupted


def _date_time(path: Path) -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch else int(path.stat().st_mtime)
    # The zip format starts in 1980 and has no time zone.
    return time.gmtime(max(seconds, 315532800))[:6]


def write_zip(folder: Path, zip_path: Path, root_name: str) -> int:
    """Zip every file under `folder` as `root_name/<path>`; returns the number of files."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{zip_path.name}.new-", dir=zip_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in files:
                info = zipfile.ZipInfo(f"{root_name}/{path.relative_to(folder).as_posix()}", _date_time(path))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        with uninterrupted():
            tmp.replace(zip_path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return len(files)
