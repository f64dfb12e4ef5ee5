"""Where throwaway sites go: a folder in memory (tmpfs) when the machine has one with room, else
the usual temporary folder.

`make check` builds the whole site into a temporary folder to read its links, and `make serve`
rebuilds it into one after every save. On a virtual disk, creating 440 folders and writing their
pages costs about 0.3 s per build; in memory it costs a few hundredths. Nothing in such a folder
outlives the command, so it never needs a disk.

`ROUTEWIJZER_SCRATCH` overrides the choice: a folder to use, or `0` for the usual temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

SCRATCH_ENV = "ROUTEWIJZER_SCRATCH"

MEMORY_FOLDERS = ("/dev/shm",)
"""Memory-backed folders that Linux (WSL2 included) mounts for every user; macOS has none."""

ROOM_NEEDED = 512 * 2**20
"""Free bytes a memory folder must have: the site is about 35 MB, and a container's /dev/shm can
be as small as 64 MB, where a build would fail for want of room."""


def scratch_root(environ: Mapping[str, str] | None = None) -> str | None:
    """The folder to make throwaway sites in, or None for the usual temporary folder."""
    env = os.environ if environ is None else environ
    setting = env.get(SCRATCH_ENV, "").strip()
    if setting in {"0", "off", "no", "false"}:
        return None
    candidates = (setting,) if setting else MEMORY_FOLDERS
    for folder in candidates:
        if _has_room(Path(folder), 0 if setting else ROOM_NEEDED):
            return folder
    return None


def _has_room(folder: Path, needed: int) -> bool:
    try:
        if not hasattr(os, "statvfs") or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            return False
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize >= needed


__all__ = ["SCRATCH_ENV", "scratch_root"]
