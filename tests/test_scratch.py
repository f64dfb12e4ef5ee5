"""Throwaway sites (`make check`'s build, `make serve`'s rebuilds) go to a folder in memory when there is room."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

from generator.output.scratch import ROOM_NEEDED, SCRATCH_ENV, scratch_root


def test_a_memory_folder_with_room_is_chosen(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.output.scratch.MEMORY_FOLDERS", (str(tmp_path / "absent"), str(tmp_path)))
    assert scratch_root({}) == str(tmp_path)


def test_a_memory_folder_without_room_is_passed_over(tmp_path, monkeypatch):
    """A container's /dev/shm can be 64 MB: too small for the site, so the usual temporary folder is used."""
    monkeypatch.setattr("generator.output.scratch.MEMORY_FOLDERS", (str(tmp_path),))
    small = SimpleNamespace(f_bavail=(ROOM_NEEDED // 4096) - 1, f_frsize=4096)
    monkeypatch.setattr(os, "statvfs", lambda _path: small)
    assert scratch_root({}) is None


def test_the_setting_names_a_folder_or_turns_it_off(tmp_path):
    assert scratch_root({SCRATCH_ENV: str(tmp_path)}) == str(tmp_path)
    assert scratch_root({SCRATCH_ENV: "0"}) is None
    assert scratch_root({SCRATCH_ENV: str(tmp_path / "absent")}) is None


def test_make_check_builds_its_site_in_the_scratch_folder(scratch, tmp_path_factory, monkeypatch):
    from generator import cli

    root = scratch()
    memory = tmp_path_factory.mktemp("memory")
    folders: list[str | None] = []
    real = tempfile.TemporaryDirectory

    def recording(*args, **kwargs):
        folders.append(kwargs.get("dir"))
        return real(*args, **kwargs)

    monkeypatch.chdir(root)
    monkeypatch.setenv(SCRATCH_ENV, str(memory))
    monkeypatch.setenv("ROUTEWIJZER_CACHE", "0")
    monkeypatch.setattr(tempfile, "TemporaryDirectory", recording)
    assert cli.main(["check"]) == 0
    assert str(memory) in folders, folders
    assert not list(Path(memory).iterdir()), "the throwaway site was left behind"


def test_dev_shm_is_used_when_it_has_room():
    shm = Path("/dev/shm")
    has_room = False
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        stats = os.statvfs(shm)
        has_room = stats.f_bavail * stats.f_frsize >= ROOM_NEEDED
    assert scratch_root({}) == (str(shm) if has_room else None)
