"""The preview's error page and live reload (generator/output/serve.py), without an engine.

A tiny WSGI app stands in for the preview server; the browser test with the real `mkdocs serve`
is tests/browser/test_serve_errors.py.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from generator.output.serve import PREFIX, ServeState, render_error_page, serve_with_errors
from generator.problems import Problem

PAGE = b"<html><body><h1>Jeugdwet</h1><script>\nvar livereload = function(epoch, requestId) {};\nlivereload(1, 2);\n</script></body></html>"


def _site(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    path = environ["PATH_INFO"]
    if path.endswith(".css"):
        start_response("200 OK", [("Content-Type", "text/css"), ("Content-Length", "3")])
        return [b"a{}"]
    if path == "/missing/":
        start_response("404 Not Found", [("Content-Type", "text/html")])
        return [b"<html><body>404</body></html>"]
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(PAGE)))])
    return [PAGE]


def _get(app: Any, path: str, query: str = "") -> tuple[str, dict[str, str], bytes]:
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(app({"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET"}, start_response))
    assert int(answer["headers"].get("Content-Length", len(body))) == len(body)
    return answer["status"], answer["headers"], body


def test_a_good_build_serves_the_site_with_the_external_reload_script():
    state = ServeState()
    state.finished()
    status, _, body = _get(serve_with_errors(_site, state), "/wet/jeugdwet/")
    assert status == "200 OK"
    assert b"<h1>Jeugdwet</h1>" in body
    assert b"var livereload" not in body, "the engine's inline script is blocked by the CSP; it goes"
    assert body.endswith(f'<script src="{PREFIX}herladen.js" data-generatie="1"></script></body></html>'.encode())


def test_assets_and_other_answers_pass_untouched():
    state = ServeState()
    state.finished()
    app = serve_with_errors(_site, state)
    assert _get(app, "/assets/x.css")[2] == b"a{}"
    status, _, body = _get(app, "/missing/")
    assert status.startswith("404") and b"herladen" not in body


def test_failed_build_answers_every_page_with_the_dutch_list_and_assets_still_load():
    state = ServeState()
    state.finished(
        [
            Problem("data/regio/a.yaml", 4, "cbs_code", "'fout' heeft niet de goede vorm"),
            Problem("data/les/b.yaml", 9, "", "de YAML klopt niet: <script>alert(1)</script>"),
        ]
    )
    app = serve_with_errors(_site, state)
    for path in ("/", "/wet/jeugdwet/", "/regio/a.html", "/zoeken"):
        status, headers, body = _get(app, path)
        text = body.decode()
        assert status == "200 OK" and headers["Content-Type"].startswith("text/html")
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "<h1>2 fouten in de data: de site is niet gebouwd</h1>" in text
        assert "<code>data/regio/a.yaml</code>, regel 4, veld <code>cbs_code</code></span>: &#x27;fout&#x27;" in text
        assert "Wat te doen: Open <code>data/les/b.yaml</code> en ga naar regel 9." in text
        assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert f'<script src="{PREFIX}herladen.js" data-generatie="1"></script>' in text
    assert _get(app, "/assets/x.css")[2] == b"a{}"
    assert b"fouten in de data" not in _get(app, "/livereload/1/2")[2]


def test_a_build_failure_without_data_problems_is_shown_too():
    state = ServeState()
    state.finished([], ["docs/index.md: link 'x.md': x.md bestaat niet"])
    text = render_error_page(state)
    assert "<h1>De site kon niet worden gebouwd</h1>" in text
    assert "<li>docs/index.md: link &#x27;x.md&#x27;: x.md bestaat niet</li>" in text


def test_the_reload_poll_answers_when_a_newer_build_finishes():
    state = ServeState()
    state.finished()
    app = serve_with_errors(_site, state)
    assert _get(app, f"{PREFIX}generatie", "na=0")[2] == b"1", "an older page hears of the newer build at once"
    threading.Timer(0.3, state.finished).start()
    started = time.monotonic()
    _, _, body = _get(app, f"{PREFIX}generatie", "na=1")
    assert body == b"2" and 0.2 < time.monotonic() - started < 5
    assert _get(app, f"{PREFIX}herladen.js")[1]["Content-Type"].startswith("text/javascript")
    assert _get(app, f"{PREFIX}fout.css")[1]["Content-Type"].startswith("text/css")


def test_the_reload_poll_gives_up_after_its_timeout():
    state = ServeState()
    state.finished()
    started = time.monotonic()
    assert state.wait_newer(1, timeout=0.2) == 1
    assert time.monotonic() - started < 2


def test_serve_starts_with_broken_data_and_answers_at_once(scratch):
    """Before, `mkdocs serve` exited on bad data at start and hung every request on a bad rebuild."""
    from tests.conftest import MINI_DATA, REGION_PATH
    from tests.test_serve import fetch, free_port, start_serve, wait_for

    root = scratch({REGION_PATH: MINI_DATA[REGION_PATH].replace("cbs_code: JZ01", "cbs_code: fout")})
    port = free_port()
    server = start_serve(root, port, strict=True)
    url = f"http://127.0.0.1:{port}/regio/groningen/"
    try:
        assert wait_for(url, "1 fout in de data: de site is niet gebouwd"), "no error page"
        started = time.monotonic()
        body = fetch(f"http://127.0.0.1:{port}/thema/")
        assert body is not None and "data/regio/groningen.yaml</code>, regel 4, veld <code>cbs_code</code>" in body
        assert time.monotonic() - started < 5
        (root / REGION_PATH).write_text(MINI_DATA[REGION_PATH])
        assert wait_for(url, "De jeugdregio Groningen."), "the fixed data did not show"
        assert f'src="{PREFIX}herladen.js"' in (fetch(url) or "")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "FOUT: data/regio/groningen.yaml:4: cbs_code: 'fout' heeft niet de goede vorm" in output
