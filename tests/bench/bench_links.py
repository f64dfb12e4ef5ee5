"""Benchmark for `make bench`: the internal link check against LinkChecker on the same built site.

For the real data and for a 2,000-record synthetic site (bench_build.write_synthetic), in
the same run:

1. `check_site` in-process (best of N): every link and anchor of every page;
2. `python -m generator check-site` as an editor runs it (interpreter, data, tracing);
3. `linkchecker` over the same site served by a local http.server, internal links only,
   with its anchor check on, so both do the same work.

Prints figures and ratios; never fails on time. The target is a ratio of at least 10.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import CONFIG, write_synthetic  # noqa: E402

from generator.checks.links import check_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": ""}
LINKCHECKER = Path(sys.executable).with_name("linkchecker")
LINKCHECKERRC = """\
[checking]
threads=10
# the local server sends a LinkChecker header, so this rate applies (LinkChecker's own rule)
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
status=0
warnings=0
[AnchorCheck]
"""


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to one host unless the server sends this header.
        self.send_header("LinkChecker", "bench")
        super().end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


@contextmanager
def serve(site: Path) -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def build(project: Path) -> Path:
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "-q", "--site-dir", "site"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return site


def time_check_site(site: Path, repeat: int) -> tuple[float, int, int, int]:
    """Best wall time of `check_site`, with pages, links and broken links found."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = check_site(site)
        runs.append(time.perf_counter() - start)
    return min(runs), result.pages, result.links, len(result.broken)


def time_command(project: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check-site"], cwd=project, env=ENV, capture_output=True, check=False
    )
    return time.perf_counter() - start, result.returncode


def time_linkchecker(site: Path, workdir: Path) -> tuple[float, str]:
    """Wall time of LinkChecker over the site on a local server, and its closing summary."""
    workdir.mkdir(parents=True, exist_ok=True)
    rc = workdir / "linkcheckerrc"
    rc.write_text(LINKCHECKERRC)
    # Run as root, LinkChecker drops to user nobody: its configuration must be readable by anyone.
    for path in (workdir.parent, workdir):
        path.chmod(0o755)
    rc.chmod(0o644)
    with serve(site) as url:
        start = time.perf_counter()
        result = subprocess.run(
            [str(LINKCHECKER), "--config", str(rc), "--no-robots", url],
            env={**ENV, "LANG": "C", "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
    found = re.search(r"That's it\. .*", result.stdout)
    return elapsed, found.group(0) if found else f"exit {result.returncode}: {result.stderr.strip()[-300:]}"


def bench(label: str, project: Path, workdir: Path, repeat: int) -> float | None:
    print(f"== {label} ==", flush=True)
    start = time.perf_counter()
    try:
        site = build(project)
    except RuntimeError as exc:
        print(f"build failed, no timing:\n{exc}")
        return None
    print(f"built in {time.perf_counter() - start:.1f} s", flush=True)
    ours, pages, links, broken = time_check_site(site, repeat)
    command, code = time_command(project)
    print(
        f"internal check: {ours:.2f} s in-process (best of {repeat}; {pages} pages, {links} links, {broken} broken) | "
        f"`generator check-site` {command:.2f} s (exit {code})",
        flush=True,
    )
    theirs, summary = time_linkchecker(site, workdir)
    print(f"linkchecker:    {theirs:.1f} s ({summary})")
    print(
        f"ratio: linkchecker / internal check = {theirs / ours:.0f}× in-process, {theirs / command:.0f}× as a command "
        "(target ≥ 10×)",
        flush=True,
    )
    return theirs / ours


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000, help="size of the synthetic site")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the in-process check (best counts)")
    args = parser.parse_args()
    if not LINKCHECKER.exists():
        print(f"{LINKCHECKER} not found; run `make install`")
        return 0
    with tempfile.TemporaryDirectory(prefix="routewijzer-bench-links-") as tmp:
        base = Path(tmp)
        real = base / "real"
        real.mkdir()
        for name in ("mkdocs.yml", "data", "docs"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, real / name)
            else:
                shutil.copy2(src, real / name)
        bench("internal links: real data", real, base / "lc-real", args.repeat)
        synthetic = base / "synthetic"
        write_synthetic(synthetic, args.records)
        (synthetic / "mkdocs.yml").write_text(CONFIG.format(plugin="  - routewijzer"))
        bench(f"internal links: {args.records} synthetic records", synthetic, base / "lc-synthetic", args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
