"""'Wat is er veranderd?': recent changes to data/, linking to the pages they changed (no author names)."""

from __future__ import annotations

from collections.abc import Callable

from ..load import MAX_COMMITS, STATUS_LABELS, Change
from .text import escape

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
            label = STATUS_LABELS.get(status, "gewijzigd")
            known = page_for.get(path)
            target = link(known[0], known[1]) if known and status != "D" else f"`{escape(path)}`"
            out.append(f"- {target} ({label})")
        if len(change.files) > MAX_FILES:
            out.append(f"- en nog {len(change.files) - MAX_FILES} andere bestanden")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
