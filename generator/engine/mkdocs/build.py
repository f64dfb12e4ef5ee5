"""Build the site with MkDocs, atomically: a failed build leaves the previous site untouched.

This is the MkDocs side of the command line (the plugin is the other); the core modules
(model, loader, pages) do not depend on it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ...output.atomic import uninterrupted
from ...output.scratch import scratch_root
from .offline import make_offline

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        level = {"WARNING": "WAARSCHUWING", "ERROR": "FOUT"}.get(record.levelname, record.levelname)
        return f"{level}: {record.getMessage()}"


@contextmanager
def _mkdocs_logging(level: int) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler.setLevel(level)
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(min(level, logging.INFO))
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def build_into(
    config_file: Path, site_dir: Path, *, strict: bool = True, verbose: bool = False, offline: bool = False
) -> bool:
    """Run one MkDocs build into `site_dir`. True when it succeeded (no warnings in strict mode).

    `offline`: the copy that opens from disk (engine/mkdocs/offline.py)."""
    with _mkdocs_logging(logging.INFO if verbose else logging.WARNING):
        try:
            cfg = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
            if offline:
                make_offline(cfg)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except MkDocsException as exc:
            message = str(exc).strip()
            if message:
                print(message if "Aborted" not in message else _aborted(message), file=sys.stderr)
            return False
    return True


def serve(config_file: Path, address: str, *, strict: bool = True) -> NoReturn:
    """Become `mkdocs serve` of `config_file` on `address`, rebuilding into a folder in memory when
    the machine has one (output/scratch.py): MkDocs makes its build folder with `tempfile`, so
    TMPDIR decides where every rebuild writes its 440 pages."""
    env = dict(os.environ)
    scratch = scratch_root(env)
    if scratch is not None:
        env["TMPDIR"] = scratch
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", address]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command + (["--strict"] if strict else []), env)


def _aborted(message: str) -> str:
    """MkDocs' closing line, in Dutch."""
    found = re.search(r"Aborted with (\d+) warnings? in strict mode", message)
    if found:
        return f"Afgebroken: {found.group(1)} waarschuwing(en) in strikte modus (zie hierboven)."
    return "Afgebroken: de site is niet gebouwd (zie de fouten hierboven)."


def build_site(
    config_file: Path, site_dir: Path, *, strict: bool = True, verbose: bool = False, offline: bool = False
) -> bool:
    """Build into a fresh folder beside `site_dir`, then swap it in. Never leaves a half-written site."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    started = time.perf_counter()
    try:
        if not build_into(config_file, tmp, strict=strict, verbose=verbose, offline=offline):
            print(f"De vorige versie in {site_dir.name}/ is niet aangeraakt.", file=sys.stderr)
            return False
        with uninterrupted():  # Ctrl-C now would leave two half-swapped folders
            old = None
            if site_dir.exists():
                old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
                site_dir.rename(old)
            tmp.rename(site_dir)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            with uninterrupted():
                shutil.rmtree(tmp, ignore_errors=True)
    if verbose:
        print(f"Site gebouwd in {site_dir.name}/ ({time.perf_counter() - started:.1f} s).")
    return True
