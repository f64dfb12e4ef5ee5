"""Lighthouse for `make bench`: the built real site on loopback, mobile settings. Prints figures, never fails on them.

Runs Lighthouse 12.2.3 (pinned in package.json; `npm ci` installs it) with Debian's Chromium
(CHROME_PATH=/usr/bin/chromium) against a few page types, and prints the performance,
accessibility, best-practices and SEO scores beside their targets, and the home page's total
transfer size. Lighthouse's default is a phone: a Moto G Power screen with simulated slow 4G and
a 4x slower CPU. Exits non-zero only when Lighthouse cannot run at all.

    python tests/bench/bench_lighthouse.py [--pages / /regio/gooi-en-vechtstreek/ …] [--json out.json]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = {
    "performance": ("Performance", 95),
    "accessibility": ("Accessibility", 100),
    "best-practices": ("Best practices", 100),
    "seo": ("SEO", 100),
}
PAGES = ["/", "/regio/gooi-en-vechtstreek/", "/wet/jeugdwet/", "/begrip/", "/regio/gemeenten/"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does: text compressed with gzip when the browser
    accepts it (GitHub Pages, where the site is published, does the same)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in self.COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(project: Path, site_url: str) -> Path:
    """Build the real data with site_url pointing at the loopback server (canonical links, sitemap)."""
    for name in ("mkdocs.yml", "data", "docs"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROUTEWIJZER_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "-q", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"the site does not build:\n{result.stderr}")
    return project / "site"


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--disable-full-page-screenshot",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return dict(json.loads(out.read_text(encoding="utf-8")))


def summarise(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    scores = {key: round(100 * (report["categories"][key]["score"] or 0)) for key in CATEGORIES}
    failing = {
        key: [
            audits[ref["id"]]["title"]
            for ref in report["categories"][key]["auditRefs"]
            if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
        ]
        for key in CATEGORIES
    }
    return {
        "scores": scores,
        "failing": failing,
        "transfer_bytes": int(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits.get("network-requests", {}).get("details", {}).get("items", [])),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=PAGES, help="URL paths to audit")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse ontbreekt: draai eerst `npm ci` (make bench doet dat).", file=sys.stderr)
        return 2
    if not Path(CHROME).exists():
        print(f"Chromium ontbreekt op {CHROME}: apt-get install chromium", file=sys.stderr)
        return 2

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="routewijzer-lighthouse-") as tmp:
        site = build(Path(tmp), base + "/")
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            for path in args.pages:
                report = run_lighthouse(base + path, Path(tmp) / "report.json")
                results[path] = summarise(report)
                results[path]["lighthouse"] = report["lighthouseVersion"]
        finally:
            server.shutdown()
            server.server_close()

    version = next(iter(results.values()))["lighthouse"]
    print(
        f"Lighthouse {version}, mobile (simulated slow 4G, 4x CPU slowdown), site on loopback, gzip as on GitHub Pages"
    )
    header = "".join(f"{label:>16}" for label, _ in CATEGORIES.values())
    print(f"{'page':<32}{header}{'bytes':>10}{'LCP ms':>8}")
    print(f"{'target':<32}" + "".join(f"{'≥ ' + str(t):>16}" for _, t in CATEGORIES.values()))
    for path, figures in results.items():
        cells = "".join(
            f"{str(figures['scores'][key]) + (' ' if figures['scores'][key] >= target else ' !'):>16}"
            for key, (_, target) in CATEGORIES.items()
        )
        print(f"{path:<32}{cells}{figures['transfer_bytes']:>10,}{figures['lcp_ms']:>8}")
    home = results.get("/")
    if home:
        print(f"home page: {home['transfer_bytes']:,} bytes transferred in {home['requests']} requests")
    for path, figures in results.items():
        for key, titles in figures["failing"].items():
            if titles:
                print(f"  {path} {CATEGORIES[key][0]}: {'; '.join(titles)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
