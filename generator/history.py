"""'Wat is er veranderd': the history of data/ from git, newest first.

`read_history` asks git (I/O, done once per build by the plugin); `render_history` turns the
result into Markdown (pure). Author names are never shown: editors are people, and the page
is about the content.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .text import escape

MAX_COMMITS = 100
_STATUS = {"A": "nieuw", "M": "aangepast", "D": "verwijderd", "R": "hernoemd"}


@dataclass(frozen=True)
class Change:
    """One commit that touched data/."""

    commit: str
    day: str
    subject: str
    files: list[tuple[str, str]] = field(default_factory=list)
    """(status letter, path) per changed data file."""


def read_history(root: Path, data_dir: str = "data", limit: int = MAX_COMMITS) -> list[Change] | None:
    """The last `limit` commits that changed data/, or None when there is no git history."""
    try:
        result = subprocess.run(
            [
                "git",
                "log",
                f"-{limit}",
                "--no-merges",
                "--name-status",
                "--date=short",
                "--format=%x1e%H%x1f%ad%x1f%s",
                "--",
                data_dir,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    changes = []
    for block in result.stdout.split("\x1e"):
        if not block.strip():
            continue
        head, _, rest = block.partition("\n")
        commit, day, subject = head.split("\x1f", 2)
        files = []
        for line in rest.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                files.append((parts[0][:1], parts[-1]))
        changes.append(Change(commit, day, subject.strip(), files))
    return changes


MAX_FILES = 15
"""Per change; a large import lists its first files and a count."""


def render_history(
    changes: list[Change] | None, page_for: dict[str, tuple[str, str]], link: Callable[[str, str], str]
) -> str:
    """Markdown of the history page.

    `page_for` maps a data file (data/regio/x.yaml) to its page and title; `link(page, text)`
    makes a relative Markdown link from the history page.
    """
    out = [
        "# Wat is er veranderd?",
        "",
        "De inhoud van deze site staat in tekstbestanden die redacteuren aanpassen. Hier zie je de "
        f"laatste {MAX_COMMITS} wijzigingen, de nieuwste eerst.",
        "",
    ]
    if changes is None:
        return "\n".join([*out, "De geschiedenis is niet beschikbaar in deze versie van de site.", ""])
    if not changes:
        return "\n".join([*out, "Er zijn nog geen wijzigingen.", ""])
    for change in changes:
        out += [f"## {change.day}: {escape(change.subject)} {{ #c-{change.commit[:10]} }}", ""]
        for status, path in change.files[:MAX_FILES]:
            label = _STATUS.get(status, "gewijzigd")
            known = page_for.get(path)
            target = link(known[0], known[1]) if known and status != "D" else f"`{escape(path)}`"
            out.append(f"- {target} ({label})")
        if len(change.files) > MAX_FILES:
            out.append(f"- en nog {len(change.files) - MAX_FILES} andere bestanden")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
