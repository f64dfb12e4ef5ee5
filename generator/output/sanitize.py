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

A `title` attribute in page content becomes a tooltip, and Material renders tooltips with
`innerHTML` from the attribute's (entity-decoded) value. So `sanitize_html` stores every title as
HTML-escaped text: the tooltip shows the text the editor wrote, never markup.

`sanitize_page` is the second pass, over every page's final HTML (after the theme and every
plugin): one nh3 policy (`PAGE_TAGS`, `PAGE_ATTRIBUTES`) for the whole document, the theme's own
elements included. Scripts are cut out first and kept only when they are the theme's own (a
relative `src`, Material's `__config` JSON, or an inline script whose hash the
Content-Security-Policy allows). The page keeps its exact bytes when the policy would remove
nothing; otherwise the cleaned document replaces it. `sanitize_search_index` does the same for
Material's search index, whose titles and texts the search renders as HTML.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as _html
import json
import re
from collections.abc import Iterable

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
    if name == "title":
        # Material's tooltips render this value (entity-decoded) as HTML: store it as escaped text.
        return _html.escape(value, quote=False)
    if name == "class":
        # Class names only; no attempt to smuggle anything else through.
        kept = " ".join(part for part in value.split() if re.fullmatch(r"[A-Za-z_][\w-]*", part))
        return kept or None
    return value


@functools.lru_cache(maxsize=20_000)
def sanitize_html(html: str) -> str:
    """Return `html` with only the tags, attributes and URL schemes page content legitimately uses.

    Pure, so remembered per text: `mkdocs serve` sanitizes the same pages and search entries on
    every rebuild.
    """
    return _content_cleaner().clean(html)


@functools.cache
def _content_cleaner() -> nh3.Cleaner:
    """The content policy, built once: building it is a good part of the cost of one `nh3.clean`."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        url_schemes=set(URL_SCHEMES),
    )


# --------------------------------------------------------------------------- whole pages

SVG_TAGS: frozenset[str] = frozenset({"svg", "title", "desc", "g", "rect", "path", "text", "tspan"})
"""The SVG elements of the drawings the renderer builds (route diagrams, `output.figures`): shapes
and text only. No `use`, `image`, `foreignObject`, `a`, `style` or animation: nothing that links,
loads or runs anything. Page content itself may hold no SVG at all (`REMOVED_WITH_CONTENT`)."""

SVG_ATTRIBUTES: dict[str, set[str]] = {
    "svg": {"viewbox", "viewBox", "xmlns", "width", "height", "role", "font-size", "focusable"},
    "rect": {"x", "y", "width", "height", "rx", "fill", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width"},
    "text": {"x", "y", "fill", "font-size", "font-weight"},
    "tspan": {"x", "y", "dy", "fill", "font-size", "font-weight"},
    "g": {"fill", "stroke"},
    "title": {"id"},
    "desc": {"id"},
}
"""Presentation attributes of those drawings (no `style`: the Content-Security-Policy forbids it)."""

PAGE_TAGS: frozenset[str] = (
    ALLOWED_TAGS
    | SVG_TAGS
    | {
        "header",
        "main",
        "article",
        "aside",
        "footer",
        "form",
        "label",
        "input",
        "button",
        "svg",
        "path",
        "title",
        "meta",
        "link",
    }
)
"""Content tags plus the theme's own: its layout, the search form, the drawer toggles and icons,
and in the head the title, meta and link elements."""

PAGE_ATTRIBUTES: dict[str, set[str]] = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
PAGE_ATTRIBUTES["*"] = PAGE_ATTRIBUTES["*"] | {"class", "id", "title", "role", "tabindex"}
for _tag, _names in SVG_ATTRIBUTES.items():
    PAGE_ATTRIBUTES.setdefault(_tag, set()).update(_names)
for _tag, _names in {
    "a": {"rel", "target", "hreflang"},
    "label": {"for"},
    "input": {"type", "name", "checked", "autocomplete", "autocapitalize", "autocorrect", "spellcheck"}
    | {"placeholder", "required", "value"},
    "button": {"type"},
    # action and method: the home page's question and region forms (GET to the site's own pages;
    # a javascript: action is removed by _page_attribute, and the CSP's form-action is 'self').
    "form": {"name", "action", "method"},
    "svg": {"viewbox", "viewBox", "xmlns"},
    "path": {"d"},
    "meta": {"charset", "name", "content", "http-equiv", "property"},
    "link": {"rel", "href", "sizes", "type", "hreflang"},
}.items():
    PAGE_ATTRIBUTES.setdefault(_tag, set()).update(_names)

PAGE_PREFIXES: frozenset[str] = frozenset({"aria-", "data-"})
"""The theme's hooks (`data-md-*`) and accessibility attributes."""

_DANGEROUS_TAGS = frozenset(
    {"script", "style", "img", "image", "iframe", "frame", "frameset", "object", "embed", "applet", "video"}
    | {"audio", "source", "track", "picture", "base", "math", "textarea", "select", "option", "template"}
    | {"noscript", "portal", "use", "foreignobject", "animate", "set", "marquee", "xmp", "plaintext", "isindex"}
)
_DANGEROUS_PREFIXES = frozenset(
    {"on", "style", "src", "formaction", "action", "autofocus", "background", "poster", "xlink", "href", "srcdoc"}
)
_BAD_URL = re.compile(r"^(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "content"})
_THEME_SHARE_LINK = "javascript:void(0)"
"""Material's search-share link starts as this until its script takes over; it runs nothing."""


def _page_attribute(tag: str, name: str, value: str) -> str | None:
    if name in _URL_ATTRIBUTES and name != "content":
        url = re.sub(r"[\x00-\x20]", "", value)
        if _BAD_URL.match(url) and value != _THEME_SHARE_LINK:
            return None
    if (
        name == "content"
        and tag == "meta"
        and re.search(r"(?i)url\s*=\s*['\"]?\s*(?:javascript|data|vbscript):", value)
    ):
        return None
    return value


def _clean_page_part(fragment: str, *, strict: bool) -> str:
    """The policy (strict) or what the policy must not lose (observe: dangerous things kept too)."""
    if not strict:
        return _page_cleaner(strict=False, refresh=False).clean(fragment)
    # Only a <meta http-equiv> can turn its `content` into a URL (refresh); the cleaner that looks at
    # attribute values in Python is slower, so it is used only where that attribute appears.
    refresh = "http-equiv" in fragment.lower()
    swapped = fragment.replace(_THEME_SHARE_LINK_ATTR, _SHARE_PLACEHOLDER_ATTR)
    cleaned = _page_cleaner(strict=True, refresh=refresh).clean(swapped)
    return cleaned.replace(_SHARE_PLACEHOLDER_ATTR, _THEME_SHARE_LINK_ATTR)


_THEME_SHARE_LINK_ATTR = f'href="{_THEME_SHARE_LINK}"'
_SHARE_PLACEHOLDER_ATTR = 'href="#__rw-theme-share"'
"""The strict policy allows no javascript: URL at all; Material's share link (which runs nothing)
passes it under this name, and anything else that looks like it becomes that same harmless link."""


@functools.cache
def _page_cleaner(*, strict: bool, refresh: bool) -> nh3.Cleaner:
    """The page policy, built once per kind. Strict: only the schemes of URL_SCHEMES in URL attributes
    (nh3 reads the URL as a browser would, entities and control characters included)."""
    if strict:
        return nh3.Cleaner(
            tags=set(PAGE_TAGS),
            clean_content_tags=(set(REMOVED_WITH_CONTENT) - set(PAGE_TAGS)) | {"xmp", "plaintext"},
            attributes={tag: set(names) for tag, names in PAGE_ATTRIBUTES.items()},
            attribute_filter=_page_attribute if refresh else None,
            strip_comments=True,
            link_rel=None,
            generic_attribute_prefixes=set(PAGE_PREFIXES),
            url_schemes=set(URL_SCHEMES),
        )
    return nh3.Cleaner(
        tags=set(PAGE_TAGS | _DANGEROUS_TAGS),
        clean_content_tags=set(),
        attributes={tag: set(names) for tag, names in PAGE_ATTRIBUTES.items()},
        strip_comments=False,
        link_rel=None,
        generic_attribute_prefixes=set(PAGE_PREFIXES | _DANGEROUS_PREFIXES),
        url_schemes=set(URL_SCHEMES) | {"javascript", "data", "vbscript"},
    )


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_OWN_SRC = re.compile(r'^<script src="(?!//)(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^"<>&\s]+\.js"></script>$')
_OWN_CONFIG = re.compile(r'^<script id="__config" type="application/json">(.*)</script>$', re.DOTALL)
_INLINE_SCRIPT = re.compile(r"^<script>(.*)</script>$", re.DOTALL)
_OWN_JSON_LD = re.compile(r'^<script type="application/ld\+json">(.*)</script>$', re.DOTALL)
"""The page's structured data (generator/render/structured.py): data, never run by the browser."""


def script_hash(body: str) -> str:
    """The CSP source expression ('sha256-…') of an inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


def is_theme_script(element: str, inline_hashes: Iterable[str]) -> bool:
    """True for a `<script>` element the theme writes: an external file of the site, Material's
    configuration (JSON), the page's structured data (JSON-LD, with no `<` at all), or an inline
    script the Content-Security-Policy allows by its hash."""
    if _OWN_SRC.match(element):
        return True
    config = _OWN_CONFIG.match(element)
    if config:
        try:
            json.loads(config.group(1))
        except ValueError:
            return False
        return "</" not in config.group(1)
    data = _OWN_JSON_LD.match(element)
    if data:
        try:
            json.loads(data.group(1))
        except ValueError:
            return False
        return "<" not in data.group(1)
    inline = _INLINE_SCRIPT.match(element)
    return inline is not None and script_hash(inline.group(1)) in set(inline_hashes)


def _sanitize_part(part: str, inline_hashes: frozenset[str]) -> tuple[str, list[str]]:
    removed: list[str] = []
    kept: list[str] = []

    def cut(match: re.Match[str]) -> str:
        if is_theme_script(match.group(0), inline_hashes):
            kept.append(match.group(0))
            return f"\x02RW-SCRIPT-{len(kept) - 1}\x03"
        removed.append(match.group(0)[:80])
        return ""

    rest = _SCRIPT.sub(cut, part)
    strict = _clean_page_part(rest, strict=True)
    if not removed and strict == rest:
        return part, []  # the policy changed nothing at all (the usual case: one pass)
    # Something changed: either the policy removed something, or the parser only wrote the same
    # markup differently. Cleaning with everything allowed shows which.
    observed = _clean_page_part(rest, strict=False)
    if not removed and strict == observed:
        return part, []  # nothing to remove: the page keeps its exact bytes
    removed.append(f"{len(observed) - len(strict)} tekens markup buiten het beleid")
    restored: set[int] = set()

    def restore(match: re.Match[str]) -> str:
        restored.add(int(match.group(1)))
        return kept[int(match.group(1))]

    cleaned = re.sub(r"\x02RW-SCRIPT-(\d+)\x03", restore, strict)
    # A theme script swallowed by what was removed (an unclosed comment) comes back at the end.
    cleaned += "".join(script for i, script in enumerate(kept) if i not in restored)
    return cleaned, removed


_HEAD = re.compile(r"(<head\b[^>]*>)(.*?)(</head>)", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"(<body\b[^>]*>)(.*)(</body>)", re.IGNORECASE | re.DOTALL)


def sanitize_page(document: str, inline_hashes: Iterable[str]) -> tuple[str, list[str]]:
    """The final HTML of a page through the one page policy: (document, what was removed).

    Head and body are cleaned separately (a fragment has no head); everything outside them is
    the theme's doctype and `<html>` tag. A page whose policy removes nothing is returned as is.
    """
    hashes = frozenset(inline_hashes)
    removed: list[str] = []
    for pattern in (_HEAD, _BODY):
        match = pattern.search(document)
        if match is None:
            continue
        cleaned, lost = _sanitize_part(match.group(2), hashes)
        if lost:
            removed += lost
            document = document[: match.start(2)] + cleaned + document[match.end(2) :]
    return document, removed


def sanitize_search_index(text: str) -> tuple[str, int]:
    """Material's search/search_index.json with every title and text through `sanitize_html`.

    Returns the JSON (unchanged bytes when nothing needed cleaning) and the number of fields changed.
    """
    data = json.loads(text)
    changed = 0
    for doc in data.get("docs", []):
        for key in ("title", "text"):
            value = doc.get(key)
            if isinstance(value, str) and value:
                clean = sanitize_html(value)
                if clean != value and _html.unescape(clean) != _html.unescape(value):
                    doc[key] = clean
                    changed += 1
    if not changed:
        return text, 0
    return json.dumps(data, separators=(",", ":"), default=str), changed  # as Material writes it


__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "GENERIC_PREFIXES",
    "PAGE_ATTRIBUTES",
    "PAGE_TAGS",
    "REMOVED_WITH_CONTENT",
    "SVG_ATTRIBUTES",
    "SVG_TAGS",
    "URL_SCHEMES",
    "is_theme_script",
    "sanitize_html",
    "sanitize_page",
    "sanitize_search_index",
    "script_hash",
]
