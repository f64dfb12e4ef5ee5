"""A route as a static SVG diagram, drawn at build time: no JavaScript, no library, no request.

The layout is one column, so it stays readable at phone width: every step is a box, in the order
a visitor meets them (from the first question down; a step comes after every question that leads
to it), numbered 1, 2, 3, … Questions are square boxes with their answers inside ("Ja → 4");
outcomes are rounded boxes. In the left margin each question has one line from its answers down
to the boxes they lead to, with an arrow into each; lines that span fewer boxes run closer to
the boxes, and lines that do not overlap share a lane.

The SVG is an image to assistive technology (role="img", with a title and a description that
points to the nested list under it, which says the same in text and links every step). Colours
and sizes are presentation attributes, not style attributes: the Content-Security-Policy
allows no inline styles. All text is escaped here; the engine inserts the SVG after the page
content has been sanitized (the content policy allows no SVG), see `Page.figures`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..model import Route

WIDTH = 360
"""Width of the drawing in SVG units; it scales to the column (about 1:1 on a phone)."""
FONT = 14
LINE = 18
SMALL = 12
CHAR_WIDTH = 0.5 * FONT
"""Average width of a character in the site's sans-serif font, to wrap text (SVG text does not wrap)."""
LANE = 7
PAD = 8
GAP = 14

QUESTION = {"fill": "#e8eaf6", "stroke": "#3949ab"}
OUTCOME = {"fill": "#e8f5e9", "stroke": "#2e7d32"}
INK = "#1a1a1a"
MUTED = "#4a4a4a"
EDGE = "#555555"


def step_order(route: Route) -> list[str]:
    """The steps top to bottom: breadth first from the start in answer order, but a step only
    after every question that leads to it (routes have no cycles: `validate.routes`)."""
    found: list[str] = []
    seen = {route.start}
    queue = [route.start]
    while queue:
        node_id = queue.pop(0)
        found.append(node_id)
        question = route.nodes[node_id].question
        for answer in question.answers if question else []:
            if answer.next in route.nodes and answer.next not in seen:
                seen.add(answer.next)
                queue.append(answer.next)
    found += [n for n in route.nodes if n not in seen]  # unreachable steps are rejected; keep them anyway
    rank = {n: i for i, n in enumerate(found)}
    incoming: dict[str, int] = dict.fromkeys(found, 0)
    for _source, _i, target in route.edges():
        if target in incoming:
            incoming[target] += 1
    ready = [n for n in found if incoming[n] == 0]
    order: list[str] = []
    while ready:
        ready.sort(key=rank.__getitem__)
        node_id = ready.pop(0)
        order.append(node_id)
        question = route.nodes[node_id].question
        for answer in question.answers if question else []:
            if answer.next in incoming:
                incoming[answer.next] -= 1
                if incoming[answer.next] == 0:
                    ready.append(answer.next)
    return order + [n for n in found if n not in order]  # a cycle (rejected by validation) keeps the rest


def wrap(text: str, width: float) -> list[str]:
    """Greedy word wrap for a line of `width` SVG units (an overlong word gets a line of its own)."""
    limit = max(8, int(width / CHAR_WIDTH))
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines or [""]


@dataclass
class _Box:
    node_id: str
    number: int
    top: float = 0
    height: float = 0
    entry: float = 0
    """y where arrows into this box arrive."""


def _lanes(edges: list[tuple[int, int]]) -> list[int]:
    """A lane per span of steps (0 next to the boxes) so that spans sharing a lane never overlap:
    shorter spans first, each in the lowest free lane."""
    lanes = [0] * len(edges)
    taken: list[list[tuple[int, int]]] = []
    for i in sorted(range(len(edges)), key=lambda i: (edges[i][1] - edges[i][0], edges[i][0])):
        low, high = edges[i]
        lane = 0
        while lane < len(taken) and any(not (high < a or low > b) for a, b in taken[lane]):
            lane += 1
        if lane == len(taken):
            taken.append([])
        taken[lane].append((low, high))
        lanes[i] = lane
    return lanes


def render_route_svg(route: Route, key: str) -> str:
    """The route as one `<svg>` element; `key` makes its title and description ids unique on the page."""
    order = step_order(route)
    number = {node_id: i + 1 for i, node_id in enumerate(order)}
    # One trunk per question, from its answers down to the last step they lead to.
    sources = [n for n in order if route.nodes[n].question is not None]
    targets = {
        n: [a.next for a in route.nodes[n].question.answers if a.next in number]  # type: ignore[union-attr]
        for n in sources
    }
    sources = [n for n in sources if targets[n]]
    lanes = _lanes([(number[n], max(number[t] for t in targets[n])) for n in sources])
    lane_of = dict(zip(sources, lanes, strict=True))
    gutter = PAD + LANE * (max(lanes, default=0) + 1) + 6
    box_x = gutter
    box_w = WIDTH - gutter - 2
    text_w = box_w - 2 * PAD

    body: list[str] = []
    anchors: dict[str, list[float]] = {}
    boxes: dict[str, _Box] = {}
    y = 2.0
    for node_id in order:
        node = route.nodes[node_id]
        box = _Box(node_id, number[node_id], top=y)
        colours = QUESTION if node.question is not None else OUTCOME
        label = "Vraag" if node.question is not None else "Uitkomst"
        title = node.question.text if node.question is not None else node.outcome.title  # type: ignore[union-attr]
        texts: list[str] = []
        cursor = y + PAD + SMALL
        texts.append(_text(box_x + PAD, cursor, f"{box.number} · {label}", size=SMALL, fill=MUTED))
        box.entry = cursor - SMALL / 3
        for line in wrap(title, text_w):
            cursor += LINE
            texts.append(_text(box_x + PAD, cursor, line, weight="bold"))
        for i, answer in enumerate(node.question.answers if node.question is not None else []):
            lines = wrap(f"{answer.text} → {number.get(answer.next, '?')}", text_w - 12)
            cursor += LINE + (4 if i == 0 else 0)
            anchors.setdefault(node_id, []).append(cursor - FONT / 3)
            texts.append(_text(box_x + PAD, cursor, "•"))
            for j, line in enumerate(lines):
                if j:
                    cursor += LINE
                texts.append(_text(box_x + PAD + 12, cursor, line))
        box.height = cursor + PAD - y
        rx = 12 if node.question is None else 3
        body.append(
            f'<rect x="{box_x}" y="{_n(y)}" width="{box_w}" height="{_n(box.height)}" rx="{rx}" '
            f'fill="{colours["fill"]}" stroke="{colours["stroke"]}" stroke-width="1.5"></rect>'
        )
        body += texts
        boxes[node_id] = box
        y += box.height + GAP

    arrows: list[str] = []
    for source in sources:
        x = gutter - 6 - LANE * lane_of[source]
        ends = sorted({boxes[t].entry for t in targets[source]})
        lines = [f"M{box_x} {_n(a)}H{x}" for a in anchors[source]]
        lines.append(f"M{x} {_n(anchors[source][0])}V{_n(ends[-1])}")
        lines += [f"M{x} {_n(e)}H{box_x - 5}" for e in ends]
        arrows.append(f'<path d="{"".join(lines)}" fill="none" stroke="{EDGE}" stroke-width="1.3"></path>')
        arrows += [
            f'<path d="M{box_x - 6} {_n(e - 4)}L{box_x} {_n(e)}L{box_x - 6} {_n(e + 4)}Z" fill="{EDGE}"></path>'
            for e in ends
        ]

    questions = sum(1 for n in route.nodes.values() if n.question is not None)
    outcomes = len(route.nodes) - questions
    title_id, desc_id = f"rw-diagram-{key}-titel", f"rw-diagram-{key}-uitleg"
    description = (
        f"{questions} {'vraag' if questions == 1 else 'vragen'} en {outcomes} "
        f"{'uitkomst' if outcomes == 1 else 'uitkomsten'}, van boven naar beneden genummerd. Elk antwoord "
        "wijst met een pijl naar de volgende stap. De lijst onder het schema zegt hetzelfde in tekst."
    )
    height = _n(y - GAP + 2)
    return (
        f'<svg class="rw-diagram-svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="{FONT}">'
        f'<title id="{title_id}">{html.escape("Schema van de route: " + route.title)}</title>'
        f'<desc id="{desc_id}">{html.escape(description)}</desc>' + "".join(arrows) + "".join(body) + "</svg>"
    )


def _n(value: float) -> str:
    """A coordinate with at most one decimal (stable output for the golden files)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, *, size: int = FONT, weight: str = "normal", fill: str = INK) -> str:
    extra = f' font-size="{size}"' if size != FONT else ""
    extra += ' font-weight="bold"' if weight == "bold" else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" fill="{fill}"{extra}>{html.escape(text, quote=False)}</text>'
