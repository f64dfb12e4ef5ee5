"""Benchmarks for `make bench`: figures and ratios measured in the same run, never pass/fail.

The three targets of the editors' loop, each against a baseline measured in the same run with
the build cache off (ROUTEWIJZER_CACHE=0) and throwaway sites on disk (ROUTEWIJZER_SCRATCH=0), in a copy of the project (the checkout is not touched):

1. `python -m generator check` on the real data, the editor's way: one record edited before each
   run (target: at most 3 s).
2. `python -m generator serve` (`make serve`): a record saved, until the served page shows the new text (target: at most 2 s).
3. Synthetic data at 2,000 and 10,000 records: validate + build through the plugin, pages per
   second, peak memory and site bytes; and a plain `mkdocs build` of the very same pages written
   as Markdown files, so the generator's overhead is a ratio (target: at most +10 % at 2,000).
   Reported for a clean build (no cache, as CI builds) and for a rebuild with the cache filled.

Times are wall-clock medians; CPU is user+sys of the processes involved, which other sessions on
a shared machine disturb less. The spread (min-max) says how noisy a figure is.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.engine.mkdocs.plugin import _expand  # noqa: E402
from generator.load import load_catalog  # noqa: E402
from generator.render.site import SiteRenderer  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": ""}
NO_CACHE = {"ROUTEWIJZER_CACHE": "0", "ROUTEWIJZER_SCRATCH": "0"}
"""The baseline: no build cache, and throwaway sites on disk (output/scratch.py)."""
WITH_CACHE = {"ROUTEWIJZER_CACHE": "1"}
CHECK_TARGET_S = 3.0
SERVE_TARGET_S = 2.0
OVERHEAD_TARGET = 0.10
SOURCE = "sources:\n  - title: Synthetische bron\n    url: https://www.example.nl/bron\n    consulted: 2026-01-01\nreviewed: 2026-01-01\n"
WORDS = [
    "jeugdhulp",
    "gezin",
    "ouder",
    "jongere",
    "school",
    "wijkteam",
    "gemeente",
    "hulp",
    "plan",
    "veiligheid",
    "zorg",
    "netwerk",
    "kinderrechter",
    "pleegzorg",
    "gezinshuis",
    "regio",
    "expertteam",
    "begeleiding",
    "traject",
    "overleg",
]


def sentence(i: int, n: int = 14) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)).capitalize() + "."


def write_synthetic(project: Path, records: int) -> None:
    """A project with `records` records spread over the kinds that grow."""
    for folder in ("docs", "data"):
        shutil.rmtree(project / folder, ignore_errors=True)
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Start\n\nSynthetische site.\n")
    # The real site's page policy: with it the theme's inline scripts are allowed, as on the real site.
    shutil.copy2(ROOT / "docs/_headers", project / "docs/_headers")
    themes = 6
    for t in range(themes):
        write(
            project / f"data/thema/thema-{t}.yaml",
            f"title: Thema {t}\nsubtitle: ondertitel {t}\norder: {t + 1}\naudience: [professional]\n"
            f"summary: {sentence(t)}\nbody: |\n  ## Waar gaat het over?\n\n  {sentence(t + 1, 60)}\n{SOURCE}",
        )
    rest = records - themes
    for i in range(rest):
        theme = f"thema-{i % themes}"
        kind = ("begrip", "les", "hulpmiddel", "contact")[i % 4]
        body = f"body: |\n  {sentence(i, 40)}\n\n  {sentence(i + 1, 40)}\n"
        if kind == "begrip":
            extra = f"definition: {sentence(i, 12)}\nsynonyms: [woord {i}]\n"
        elif kind == "les":
            extra = f"level: {('gezin', 'professional', 'organisatie', 'stelsel')[i % 4]}\nkind: knooppunt\n"
        elif kind == "hulpmiddel":
            extra = f"kind: document\npublisher: Uitgever {i % 50}\nyear: {2000 + i % 25}\nurl: https://www.example.nl/doc/{i}\n"
        else:
            extra = f"helps_with: [{sentence(i, 6)}]\nphone: 0800-{2000 + i % 7000}\n"
        write(
            project / f"data/{kind}/{kind}-{i:05d}.yaml",
            f"title: {kind.capitalize()} {i}\naudience: [ouder]\nsummary: {sentence(i)}\n"
            f"themes: [{theme}]\n{extra}{body}{SOURCE}",
        )


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


CONFIG = """\
site_name: Bench
site_url: http://127.0.0.1/
theme:
  name: material
  language: nl
  font: false
  palette:
    scheme: default
    primary: indigo
    accent: pink
plugins:
  - search:
      lang: nl
{plugin}
markdown_extensions: [abbr, attr_list, def_list, md_in_html, tables, toc]
nav:
  - Start: index.md
  - Thema's: thema/index.md
  - Begrippen: begrip/index.md
  - Lessen: les/index.md
  - Hulpmiddelen: hulpmiddel/index.md
  - Contact: contact/index.md
"""


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user+sys) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def copy_project(base: Path) -> Path:
    """The real project's inputs in a scratch folder: edits and caches stay out of the checkout."""
    project = base / "real"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "docs", "linkcheck-ignore.yaml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        elif src.is_file():
            shutil.copy2(src, project / name)
    return project


EDITED = "data/regio/achterhoek.yaml"
EDITED_PAGE = "regio/achterhoek/"


def edit(project: Path, n: int) -> str:
    """Change the summary of one record, as an editor would; returns the new text to look for."""
    path = project / EDITED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    marker = f"Bewerking {n} van de meting."
    for i, line in enumerate(lines):
        if line.startswith("summary: "):
            lines[i] = line.rstrip("\n").split(" Bewerking ")[0] + f" {marker}\n"
            break
    else:
        raise SystemExit(f"{EDITED} has no one-line summary to edit")
    path.write_text("".join(lines), encoding="utf-8")
    return marker


def bench_check(base: Path, runs: int) -> None:
    """`python -m generator check` after an edit, with and without the cache."""
    project = copy_project(base)
    cmd = [sys.executable, "-m", "generator", "check"]
    results = {}
    for label, env in (("cache off (baseline)", NO_CACHE), ("cache on", WITH_CACHE)):
        run(cmd, project, env)  # warm the OS file cache (and, with the cache on, fill it once)
        walls, cpus = [], []
        for n in range(runs):
            edit(project, n)
            wall, cpu = run(cmd, project, env)
            walls.append(wall)
            cpus.append(cpu)
        results[label] = (walls, cpus)
        print(f"check, {label}: wall {spread(walls)}; CPU {spread(cpus)}", flush=True)
    base_cpu = statistics.median(results["cache off (baseline)"][1])
    new_cpu = statistics.median(results["cache on"][1])
    new_wall = statistics.median(results["cache on"][0])
    print(
        f"check: {new_wall:.2f} s wall, CPU ×{new_cpu / base_cpu:.2f} of the baseline "
        f"(target ≤ {CHECK_TARGET_S:.0f} s: {'met' if new_wall <= CHECK_TARGET_S else 'NOT met'})",
        flush=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_serve(base: Path, edits: int) -> None:
    """`make serve`: seconds from saving a record until the served page shows the change."""
    results = {}
    for label, env in (("cache off (baseline)", NO_CACHE), ("cache on", WITH_CACHE)):
        project = copy_project(base)
        port = _free_port()
        url = f"http://127.0.0.1:{port}/{EDITED_PAGE}"
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],  # what `make serve` runs
            cwd=project,
            env={**ENV, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 600
            while "Achterhoek" not in _get(url):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("mkdocs serve did not serve the site")
                time.sleep(0.2)
            latencies, cpus = [], []
            for n in range(edits + 1):
                time.sleep(1.0)  # let the watcher settle
                cpu = _cpu_of(server.pid)
                marker = edit(project, n)
                saved = time.perf_counter()
                while marker not in _get(url):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit("the edit did not show within 120 s")
                    time.sleep(0.02)
                if n:  # the first rebuild after start-up fills the cache; not counted
                    latencies.append(time.perf_counter() - saved)
                    cpus.append(_cpu_of(server.pid) - cpu)
        finally:
            server.terminate()
            server.wait(timeout=30)
        results[label] = (latencies, cpus)
        print(f"serve, {label}: saved → visible {spread(latencies)}; server CPU per edit {spread(cpus)}", flush=True)
    new = statistics.median(results["cache on"][0])
    old = statistics.median(results["cache off (baseline)"][0])
    print(
        f"serve: {new:.2f} s from save to page (baseline {old:.2f} s; target ≤ {SERVE_TARGET_S:.0f} s: "
        f"{'met' if new <= SERVE_TARGET_S else 'NOT met'}); includes the file watcher's polling (every 0.2 s)",
        flush=True,
    )


def peak_of(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Wall time, peak RSS (kB) and CPU time of a command, measured by a fresh python around it."""
    wrapper = (
        "import resource,subprocess,sys,time;s=time.perf_counter();"
        "r=subprocess.run(sys.argv[1:]);u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(time.perf_counter()-s, u.ru_maxrss, u.ru_utime+u.ru_stime);"
        "sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    seconds, kb, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(kb), float(cpu)


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def bench_size(records: int, base: Path, repeat: int = 1) -> dict[str, float]:
    project = base / f"gen-{records}"
    write_synthetic(project, records)
    (project / "mkdocs.yml").write_text(CONFIG.format(plugin="  - routewijzer"))
    start = time.perf_counter()
    catalog = load_catalog(project / "data", project)
    validate_s = time.perf_counter() - start
    renderer = SiteRenderer(catalog)
    pages = renderer.pages()
    gen_cmd = [sys.executable, "-m", "generator", "build", "-q", "--site-dir", "site"]

    plain = base / f"plain-{records}"
    shutil.rmtree(plain, ignore_errors=True)
    (plain / "docs").mkdir(parents=True)
    (plain / "docs/index.md").write_text("# Start\n\nSynthetische site.\n")
    shutil.copy2(ROOT / "docs/_headers", plain / "docs/_headers")
    for page in pages:
        write(plain / "docs" / page.path, page.markdown)
    # The same nav the plugin produces, so both builds render identical pages.
    config = yaml.safe_load(CONFIG.format(plugin=""))
    sections = {item.path: item for item in renderer.nav()}
    config["nav"] = [_expand(entry, sections) for entry in config["nav"]]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    plain_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", "site"]
    # Alternate the builds and keep the best of each: the machine's noise hits them alike.
    # "clean": no cache, as CI builds; "cached": the cache filled by the build before, as an
    # editor rebuilds (the cache folder is emptied first, so its first run fills it).
    shutil.rmtree(project / ".cache", ignore_errors=True)
    gen_runs, warm_runs, plain_runs = [], [], []
    for _ in range(repeat):
        gen_runs.append(peak_of(gen_cmd, project, NO_CACHE))
        plain_runs.append(peak_of(plain_cmd, plain))
        peak_of(gen_cmd, project, WITH_CACHE)
        warm_runs.append(peak_of(gen_cmd, project, WITH_CACHE))
    gen_s, gen_kb, gen_cpu = min(gen_runs)
    plain_s, plain_kb, plain_cpu = min(plain_runs)
    warm_s, _, warm_cpu = min(warm_runs)
    return {
        "records": len(catalog),
        "pages": len(pages) + 1,
        "validate_s": validate_s,
        "build_s": gen_s,
        "plain_s": plain_s,
        "overhead": gen_s / plain_s - 1,
        "overhead_cpu": gen_cpu / plain_cpu - 1,
        "warm_s": warm_s,
        "warm_overhead": warm_s / plain_s - 1,
        "warm_overhead_cpu": warm_cpu / plain_cpu - 1,
        "pages_per_s": (len(pages) + 1) / gen_s,
        "peak_mb": gen_kb / 1024,
        "plain_peak_mb": plain_kb / 1024,
        "site_bytes": site_bytes(project / "site"),
        "plain_bytes": site_bytes(plain / "site"),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size up to 2,000 records (best counts)")
    parser.add_argument("--runs", type=int, default=5, help="edits measured for check and serve")
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: check, serve, build")
    args = parser.parse_args()
    skip = set(args.skip.split(","))

    results = []
    with tempfile.TemporaryDirectory(prefix="routewijzer-bench-") as tmp:
        if "check" not in skip:
            print("== make check on the real data, one record edited before each run ==", flush=True)
            bench_check(Path(tmp), args.runs)
        if "serve" not in skip:
            print("== make serve on the real data: a saved record until its page shows it ==", flush=True)
            bench_serve(Path(tmp), args.runs)
        for size in (int(s) for s in args.sizes.split(",")) if "build" not in skip else ():
            print(f"== {size} synthetic records ==", flush=True)
            r = bench_size(size, Path(tmp), repeat=args.repeat if size <= 2000 else 1)
            results.append(r)
            print(
                f"validate {r['validate_s']:.2f} s | generator build {r['build_s']:.1f} s "
                f"({r['pages_per_s']:.0f} pages/s, peak {r['peak_mb']:.0f} MB, {r['site_bytes'] / 1e6:.1f} MB site) | "
                f"plain mkdocs {r['plain_s']:.1f} s (peak {r['plain_peak_mb']:.0f} MB, {r['plain_bytes'] / 1e6:.1f} MB)",
                flush=True,
            )
            target = f"target ≤ +{OVERHEAD_TARGET * 100:.0f} % at 2,000"
            for label, wall, cpu in (
                ("clean build (no cache)", r["overhead"], r["overhead_cpu"]),
                ("rebuild, cache filled", r["warm_overhead"], r["warm_overhead_cpu"]),
            ):
                met = "met" if wall <= OVERHEAD_TARGET else "NOT met"
                print(f"overhead, {label}: {wall * 100:+.1f} % wall, {cpu * 100:+.1f} % CPU ({target}: {met})")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        growth = b["records"] / a["records"]
        print("== growth ==")
        print(
            f"records ×{growth:.1f}: build time ×{b['build_s'] / a['build_s']:.2f}, "
            f"site bytes ×{b['site_bytes'] / a['site_bytes']:.2f} (linear would be ×{growth:.1f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
