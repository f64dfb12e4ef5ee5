"""Sanitize the HTML of a page's content before MkDocs puts it into the theme.

The data is validated (no raw HTML but a few inline tags, no `javascript:` links), but the
Markdown extensions can still turn text into markup the validator never sees: an attribute
list (`{: onfocus="…" autofocus="1" }`) adds any attribute to any element. This is the
last line of defence: an allowlist of exactly what Material page content uses.

Kept: headings with ids, paragraphs, lists, definition lists, tables, links (http, https,
mailto, tel and relative) with title, `abbr` with title and tabindex, code and pre,
details/summary, admonitions (div/p with class), span with class, em/strong and a few
inline tags, `nav` with an aria-label (breadcrumbs), `hidden` (search keywords) and
`data-rw-*` hooks for Routewijzer's own scripts and `data-search-exclude` (kept out of the
search index). Removed with their content: script, style, iframe, object, embed, template,
svg, math, form controls. Removed: every other tag (its text stays), event handlers, style
attributes, ids that could clobber the theme's own elements (`__config`, `__search`, …) and
URLs with any other scheme (`javascript:`, `data:`, `vbscript:`).

No MkDocs import: the plugin calls `sanitize_html` from `on_page_content`.
"""

from __future__ import annotations

import re

import nh3

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "nav", "section", "blockquote", "pre", "hr", "br", "details", "summary", "figure", "figcaption"}
_LISTS = {"ul", "ol", "li", "dl", "dt", "dd"}
_TABLES = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"}
_INLINE = {
    "a",
    "abbr",
    "b",
    "cite",
    "code",
    "del",
    "dfn",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
}

ALLOWED_TAGS: frozenset[str] = frozenset(_HEADINGS | _BLOCKS | _LISTS | _TABLES | _INLINE)
"""Tags page content may contain; any other tag is dropped and its text kept."""

REMOVED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "textarea", "select"}
)
"""Tags dropped together with everything inside them (their 'text' is code or markup)."""

_CLASS_TAGS = {
    "p",
    "div",
    "nav",
    "section",
    "span",
    "code",
    "pre",
    "details",
    "dl",
    "table",
    "ul",
    "ol",
    "li",
    "a",
    "abbr",
}
_ID_TAGS = _HEADINGS | {
    "p",
    "div",
    "nav",
    "section",
    "span",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "table",
    "details",
    "sup",
    "a",
}

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    # data-search-exclude: Material's search plugin leaves such elements out of the index.
    "*": {"lang", "dir", "hidden", "data-search-exclude"},
    "a": {"href", "title"},
    "abbr": {"title", "tabindex"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
}
for _tag in _CLASS_TAGS:
    ALLOWED_ATTRIBUTES.setdefault(_tag, set()).add("class")
for _tag in _ID_TAGS:
    ALLOWED_ATTRIBUTES.setdefault(_tag, set()).add("id")

GENERIC_PREFIXES: frozenset[str] = frozenset({"aria-", "data-rw-"})
"""Attribute prefixes allowed on every tag: accessibility labels and Routewijzer's own data hooks
(`data-rw-filter` on the A–Z page). Material's `data-md-*` hooks are not allowed: content must not
pose as the theme's components."""

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link may use; relative links (`../wet/jeugdwet/`, `#kop`) are always allowed."""

_SAFE_ID = re.compile(r"^[A-Za-z0-9][\w.:-]*$")
"""Material's own elements have ids that start with '__' (`__config`, `__search`, `__drawer`).
An id from page content that matches one would replace it for the theme's scripts."""
_SAFE_TABINDEX = {"0", "-1"}


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return value if _SAFE_ID.match(value) else None
    if name == "tabindex":
        # A positive tabindex reorders the whole page for keyboard users.
        return value if value.strip() in _SAFE_TABINDEX else None
    if name == "class":
        # Class names only; no attempt to smuggle anything else through.
        kept = " ".join(part for part in value.split() if re.fullmatch(r"[A-Za-z_][\w-]*", part))
        return kept or None
    return value


def sanitize_html(html: str) -> str:
    """Return `html` with only the tags, attributes and URL schemes page content legitimately uses."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        url_schemes=set(URL_SCHEMES),
    )


__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "GENERIC_PREFIXES",
    "REMOVED_WITH_CONTENT",
    "URL_SCHEMES",
    "sanitize_html",
]
