"""Invisible characters that change how text reads (Trojan Source) or where a line ends, by Dutch name."""

from __future__ import annotations

import re

INVISIBLE = {
    "\u200e": "links-naar-rechts-teken",
    "\u200f": "rechts-naar-links-teken",
    "\u202a": "links-naar-rechts insluiten",
    "\u202b": "rechts-naar-links insluiten",
    "\u202c": "richting herstellen",
    "\u202d": "links-naar-rechts forceren",
    "\u202e": "richting omkeren",
    "\u2066": "links-naar-rechts isoleren",
    "\u2067": "rechts-naar-links isoleren",
    "\u2068": "eerste sterke richting isoleren",
    "\u2069": "isoleren beëindigen",
    "\u2028": "regelscheiding",
    "\u2029": "alineascheiding",
    "\ufeff": "BOM / onzichtbare spatie",
}
"""Invisible characters that change how text reads (Trojan Source) or where a line ends."""


BAD_CHAR_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(INVISIBLE) + "]")


def char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in INVISIBLE:
        return f"{code} ({INVISIBLE[char]})"
    return f"{code} (onzichtbaar stuurteken)"
