"""Small text helpers shared by the page renderers."""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_date(value: date) -> str:
    """24 november 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


_LINE_START = re.compile(r"(?m)^([ \t]*)([#!?+=~:-])")
_NUMBERED = re.compile(r"(?m)^([ \t]*\d+)([.)])")


def escape(text: str) -> str:
    """Plain text safe to put inside Markdown: no HTML, no accidental link, emphasis or block syntax.

    Entities are escaped too (`&lt;` stays the four characters an editor typed), and a line
    that starts like a heading, box, list or definition (`#`, `!!!`, `???`, `-`, `1.`, `:`) starts
    with a character reference instead, so text is never interpreted as a block.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|{}":
        text = text.replace(char, "\\" + char)
    text = _LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    return _NUMBERED.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
