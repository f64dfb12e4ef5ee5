"""The editor's local backend: Decap CMS's proxy protocol, for a checkout on this computer.

Decap CMS with `local_backend` (config.yml, generator/output/cms.py) looks for a proxy server
on 127.0.0.1 and then reads and writes the files of a checkout instead of GitHub. Its own
proxy is the Node package `decap-server`; this module speaks the same small protocol (checked
against decap-server's `middlewares/localFs` and `joi` schema, Decap 3.x) so that editors and
the browser tests need no Node:

    POST /api/v1  {"action": ..., "params": {...}}

`info` answers `{repo, publish_modes: ["simple"], type: "local_fs"}`; Decap then saves
directly (no branch or pull request: that is what the GitHub backend does). Stricter than
decap-server: only `data/<kind>/<id>.yaml` files of known kinds can be written or deleted,
media uploads are refused, and it listens on 127.0.0.1 only. Every saved record is loaded with
the project's own loader and its problems are printed in Dutch, as `make check` would.

    python -m generator redactie-proxy [--port 8081]
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..load import load_entry
from ..model import KINDS, SLUG_RE
from ..problems import DataError

DEFAULT_PORT = 8081
ALLOWED_ORIGIN = re.compile(r"^https?://(localhost|127\.0\.0\.1)(:\d+)?$")
"""The origins decap-server allows by default; a page on any other host cannot use the proxy."""

MAX_BODY = 5_000_000


class ProxyError(Exception):
    """A refused request: status and a message for the browser's console."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class LocalBackend:
    """The protocol's actions on one checkout (`root`), without any HTTP."""

    def __init__(self, root: Path, report: Callable[[str], None] | None = None) -> None:
        self.root = root.resolve()
        self.report = report or (lambda message: print(message, file=sys.stderr))

    # ------------------------------------------------------------------ paths

    def _path(self, rel: Any, *, writable: bool = False) -> Path:
        if not isinstance(rel, str) or not rel or rel.startswith("/") or "\\" in rel:
            raise ProxyError(422, f"ongeldig pad: {rel!r}")
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root):
            raise ProxyError(422, f"{rel} ligt buiten de repository")
        if writable:
            parts = Path(rel).parts
            if (
                len(parts) != 3
                or parts[0] != "data"
                or parts[1] not in KINDS
                or not parts[2].endswith(".yaml")
                or not SLUG_RE.match(parts[2].removesuffix(".yaml"))
            ):
                raise ProxyError(422, f"{rel}: de editor schrijft alleen data/<soort>/<id>.yaml")
        return path

    def _entry(self, rel: Any, label: str | None = None) -> dict[str, Any]:
        path = self._path(rel)
        file: dict[str, Any] = {"path": rel, "label": label, "id": None}
        try:
            content = path.read_bytes()
        except OSError:
            return {"data": None, "file": file}
        file["id"] = hashlib.sha256(content).hexdigest()
        return {"data": content.decode("utf-8"), "file": file}

    def _write(self, rel: str, raw: str) -> None:
        path = self._path(rel, writable=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Nothing half-written: a temporary file beside the target, swapped in whole.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(raw)
        Path(tmp).replace(path)
        self._check(rel, path)

    def _check(self, rel: str, path: Path) -> None:
        """Load the saved record as the build does; print its problems as `make check` would."""
        kind = Path(rel).parts[1]
        try:
            load_entry(kind, path, self.root)
        except DataError as exc:
            for problem in exc.problems:
                self.report(str(problem))
            return
        self.report(f"{rel}: opgeslagen; het record is in orde")

    # ------------------------------------------------------------------ actions

    def handle(self, action: Any, params: Any) -> Any:
        params = params if isinstance(params, dict) else {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            folder = self._path(params.get("folder"))
            extension = str(params.get("extension", ""))
            depth = int(params.get("depth", 1))
            return [self._entry(rel) for rel in self._list(folder, extension, depth)]
        if action == "entriesByFiles":
            files = params.get("files") or []
            return [self._entry(f.get("path"), f.get("label")) for f in files if isinstance(f, dict)]
        if action == "getEntry":
            return self._entry(params.get("path"))
        if action == "persistEntry":
            if params.get("assets"):
                raise ProxyError(422, "bestanden uploaden kan niet in de Routewijzer")
            entry = params.get("entry")
            data_files = params.get("dataFiles") or ([entry] if isinstance(entry, dict) else [])
            for data_file in data_files:
                if data_file.get("newPath"):
                    raise ProxyError(422, "een record hernoemen kan niet in de editor; de bestandsnaam is de id")
                self._write(data_file.get("path"), str(data_file.get("raw", "")))
            return {"message": "entry persisted"}
        if action in {"getMedia"}:
            return []
        if action == "deleteFile":
            self._path(params.get("path"), writable=True).unlink(missing_ok=True)
            return {"message": f"deleted file {params.get('path')}"}
        if action == "deleteFiles":
            paths = [self._path(p, writable=True) for p in params.get("paths") or []]
            for path in paths:
                path.unlink(missing_ok=True)
            return {"message": "deleted files"}
        if action == "getDeployPreview":
            return None
        raise ProxyError(422, f"Unknown action {action}")

    def _list(self, folder: Path, extension: str, depth: int) -> Iterator[str]:
        if depth <= 0 or not folder.is_dir():
            return
        for child in sorted(folder.iterdir()):
            if child.is_dir():
                yield from self._list(child, extension, depth - 1)
            elif child.name.endswith(extension) and not child.name.startswith("."):
                yield child.relative_to(self.root).as_posix()


def _handler(backend: LocalBackend) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _cors(self) -> None:
            origin = self.headers.get("Origin", "")
            if ALLOWED_ORIGIN.match(origin):
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Vary", "Origin")

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self._cors()
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_OPTIONS(self) -> None:
            self.send_response(204)
            self._cors()
            self.send_header("Access-Control-Allow-Methods", "POST")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/api/v1":
                self._send(404, {"error": "not found"})
                return
            origin = self.headers.get("Origin")
            if origin is not None and not ALLOWED_ORIGIN.match(origin):
                self._send(403, {"error": "origin not allowed"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(413, {"error": "too large"})
                return
            status, answer = 200, None
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                answer = backend.handle(body.get("action"), body.get("params"))
            except ProxyError as exc:
                status, answer = exc.status, {"error": str(exc)}
            except (ValueError, TypeError, AttributeError, OSError) as exc:
                status, answer = 500, {"error": f"{type(exc).__name__}: {exc}"}
            with contextlib.suppress(ConnectionError):  # the browser left the page before the answer came
                self._send(status, answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def running(root: Path, port: int = 0, report: Callable[[str], None] | None = None) -> Iterator[str]:
    """Serve the protocol for `root` on 127.0.0.1 (port 0: any free port); yields the /api/v1 URL."""
    server = _Server(("127.0.0.1", port), _handler(LocalBackend(root, report)))
    thread = threading.Thread(target=server.serve_forever, name="redactie-proxy", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve_forever(root: Path, port: int = DEFAULT_PORT) -> None:
    """`python -m generator redactie-proxy`: until Ctrl-C."""
    server = _Server(("127.0.0.1", port), _handler(LocalBackend(root)))
    print(
        f"Redactie-proxy voor {root} op http://127.0.0.1:{port}/api/v1; open de editor via make serve "
        "op http://127.0.0.1:8000/redactie/bewerken/ (stoppen: Ctrl-C)",
        file=sys.stderr,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
