"""The preview server's side of the editors' loop: errors in the browser, and a reload that works.

Engine-neutral: a WSGI middleware around any preview server that serves a built folder (the
MkDocs adapter puts it around `mkdocs serve`, generator/engine/mkdocs/plugin.py), and the state
the engine reports each build to.

- While the last build found problems, every page request gets a Dutch error page listing each
  problem (file, line, field, reason, what to do) instead of the site, at once: never a request
  that waits for a build that will not come.
- Every HTML answer (a site page or the error page) carries `herladen.js`, an external script
  (the site's Content-Security-Policy allows no inline script, so the engine's own inline
  live-reload script cannot run) that asks `/__routewijzer__/generatie?na=G` and reloads the
  page when a newer build has finished: the error page turns back into the site once the data is
  fixed, and an open page turns into the error page when it breaks.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from ..problems import Problem

PREFIX = "/__routewijzer__/"
"""URL prefix of the preview server's own files; never part of the built site."""
POLL_SECONDS = 20.0
"""How long one reload poll waits for a newer build before it answers 'nothing new'."""

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

RELOAD_JS = """\
// Routewijzer preview (make serve): reload this page when a newer build has finished.
(function () {
  var script = document.currentScript;
  var seen = script ? script.getAttribute("data-generatie") : null;
  if (seen === null) return;
  function poll() {
    var req = new XMLHttpRequest();
    req.onloadend = function () {
      if (req.status === 200 && req.responseText !== "" && req.responseText !== seen) {
        location.reload();
        return;
      }
      setTimeout(poll, req.status === 200 ? 0 : 1000);
    };
    req.open("GET", "/__routewijzer__/generatie?na=" + encodeURIComponent(seen));
    req.send();
  }
  poll();
})();
"""

ERROR_CSS = """\
body { font: 1.05rem/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; color: #8a1c1c; }
ol { padding-left: 1.4rem; }
li { margin: 0 0 1rem; padding: 0.6rem 0.8rem; border-left: 4px solid #b3261e; background: #fdf3f2; }
code { font: 0.95em ui-monospace, monospace; background: #f1f1f1; padding: 0 0.2em; }
.waar { font-weight: 600; }
.doen { display: block; margin-top: 0.3rem; }
"""

ERROR_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The error page's own Content-Security-Policy: only the two files under PREFIX."""

_ENGINE_RELOAD = re.compile(rb"<script>\s*var livereload = function.*?</script>", re.DOTALL)
"""MkDocs's inline live-reload script, which the site's policy blocks; replaced by RELOAD_JS."""


@dataclass
class ServeState:
    """What the last build found. The engine calls `finished` after every build, good or bad."""

    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    """Other reasons the build failed (not tied to a data file), in Dutch where we know them."""
    generation: int = 0
    _changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def finished(self, problems: Sequence[Problem] = (), notes: Sequence[str] = ()) -> None:
        """Record a finished build and wake every page that waits for one."""
        with self._changed:
            self.problems = tuple(problems)
            self.notes = tuple(notes)
            self.generation += 1
            self._changed.notify_all()

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.notes)

    def wait_newer(self, seen: int, timeout: float = POLL_SECONDS) -> int:
        """Wait until a build newer than `seen` has finished (or `timeout`); the current generation."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != seen, timeout=timeout)
            return self.generation


def _problem_item(problem: Problem) -> str:
    path = html.escape(problem.path)
    where = f'<span class="waar"><code>{path}</code>, regel {problem.line}'
    if problem.field:
        where += f", veld <code>{html.escape(problem.field)}</code>"
    where += "</span>"
    todo = f"Open <code>{path}</code> en ga naar regel {problem.line}"
    todo += f" (veld <code>{html.escape(problem.field)}</code>)." if problem.field else "."
    todo += " Verbeter wat hierboven staat en sla het bestand op."
    return f'<li>{where}: {html.escape(problem.message)}<span class="doen">Wat te doen: {todo}</span></li>'


def render_error_page(state: ServeState) -> str:
    """The Dutch error page for the problems of the last build (every text escaped)."""
    count = len(state.problems)
    items = [_problem_item(p) for p in state.problems]
    items += [f"<li>{html.escape(note)}</li>" for note in state.notes]
    if count:
        noun = "fout" if count == 1 else "fouten"
        heading = f"{count} {noun} in de data: de site is niet gebouwd"
    else:
        heading = "De site kon niet worden gebouwd"
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)} - Routewijzer</title>
<link rel="stylesheet" href="{PREFIX}fout.css">
</head>
<body>
<main id="rw-serve-fout">
<h1>{html.escape(heading)}</h1>
<p>Dit ziet alleen wie de site op de eigen computer bekijkt (<code>make serve</code>). Verbeter de
bestanden hieronder en sla ze op. Deze pagina laadt vanzelf opnieuw zodra de site weer gebouwd is.</p>
<ol>
{chr(10).join(items)}
</ol>
<p>Dezelfde lijst staat in de terminal waarin <code>make serve</code> draait; <code>make check</code>
geeft hem ook. Uitleg over elk veld: de pagina <em>Velden per soort record</em> en CONTRIBUTING.md.</p>
</main>
<script src="{PREFIX}herladen.js" data-generatie="{state.generation}"></script>
</body>
</html>
"""


def _is_page_request(path: str) -> bool:
    if path.startswith("/livereload/"):  # the engine's own reload poll, not a page
        return False
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def _respond(start_response: StartResponse, status: str, content_type: str, body: bytes, **extra: str) -> list[bytes]:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
    headers += [(name.replace("_", "-"), value) for name, value in extra.items()]
    start_response(status, headers)
    return [body]


def _with_reload(body: bytes, generation: int) -> bytes:
    """The page without the engine's blocked inline reload script, with ours before </body>."""
    body = _ENGINE_RELOAD.sub(b"", body)
    tag = f'<script src="{PREFIX}herladen.js" data-generatie="{generation}"></script>'.encode()
    end = body.rfind(b"</body>")
    return body + tag if end < 0 else body[:end] + tag + body[end:]


def serve_with_errors(app: WsgiApp, state: ServeState) -> WsgiApp:
    """Wrap the preview server's WSGI app: the error page while the build fails, and live reload."""

    def wrapped(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path == f"{PREFIX}herladen.js":
            return _respond(start_response, "200 OK", "text/javascript; charset=utf-8", RELOAD_JS.encode())
        if path == f"{PREFIX}fout.css":
            return _respond(start_response, "200 OK", "text/css; charset=utf-8", ERROR_CSS.encode())
        if path == f"{PREFIX}generatie":
            seen = parse_qs(environ.get("QUERY_STRING", "")).get("na", [""])[0]
            current = state.wait_newer(int(seen)) if seen.isdigit() else state.generation
            return _respond(start_response, "200 OK", "text/plain; charset=utf-8", str(current).encode())
        if state.failed and environ.get("REQUEST_METHOD", "GET") in ("GET", "HEAD") and _is_page_request(path):
            page = render_error_page(state).encode()
            return _respond(
                start_response,
                "200 OK",  # the page itself says what is wrong; a 503 would add a warning per view to the terminal
                "text/html; charset=utf-8",
                page,
                Content_Security_Policy=ERROR_PAGE_POLICY,
            )
        return _inject_reload(app, environ, start_response, state)

    return wrapped


def _inject_reload(
    app: WsgiApp, environ: dict[str, Any], start_response: StartResponse, state: ServeState
) -> Iterable[bytes]:
    captured: dict[str, Any] = {}

    def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
        captured["status"], captured["headers"] = status, headers
        return _no_write

    result = app(environ, capture)
    headers = captured.get("headers", [])
    content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
    if not captured.get("status", "").startswith("200") or not content_type.startswith("text/html"):
        start_response(captured["status"], headers)
        return result
    generation = state.generation
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    body = _with_reload(body, generation)
    headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
    headers.append(("Content-Length", str(len(body))))
    start_response(captured["status"], headers)
    return [body]


def _no_write(data: bytes) -> None:
    raise RuntimeError("the preview server wrote without returning a body")
