"""Small text helpers shared by the page renderers."""

from __future__ import annotations

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


def escape(text: str) -> str:
    """Plain text safe to put inside Markdown: no HTML, no accidental link or emphasis syntax."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|{}":
        text = text.replace(char, "\\" + char)
    return text
