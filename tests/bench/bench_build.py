"""Benchmarks for `make bench`: figures and ratios measured in the same run, never pass/fail.

1. `python -m generator check` on the real data (the editors' fast loop).
2. Synthetic data at 2,000 and 10,000 records: validate + build through the plugin, pages
   per second, peak memory and site bytes; and, in the same run, a plain `mkdocs build` of
   the very same pages written as Markdown files, so the generator's overhead is a ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.engine.mkdocs.plugin import _expand  # noqa: E402
from generator.load import load_catalog  # noqa: E402
from generator.render.site import SiteRenderer  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": ""}
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


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak RSS (kB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def peak_of(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Run under /usr/bin/time-free measurement: a fresh python that reports its own peak RSS."""
    wrapper = (
        "import resource,subprocess,sys,time;s=time.perf_counter();"
        "r=subprocess.run(sys.argv[1:]);"
        "print(time.perf_counter()-s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.exit(r.returncode)"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    seconds, kb = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(kb)


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
    for page in pages:
        write(plain / "docs" / page.path, page.markdown)
    # The same nav the plugin produces, so both builds render identical pages.
    config = yaml.safe_load(CONFIG.format(plugin=""))
    sections = {item.path: item for item in renderer.nav()}
    config["nav"] = [_expand(entry, sections) for entry in config["nav"]]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    plain_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", "site"]
    # Alternate the two builds and keep the best of each: the machine's noise hits both alike.
    gen_runs, plain_runs = [], []
    for _ in range(repeat):
        gen_runs.append(peak_of(gen_cmd, project))
        plain_runs.append(peak_of(plain_cmd, plain))
    gen_s, gen_kb = min(gen_runs)
    plain_s, plain_kb = min(plain_runs)
    return {
        "records": len(catalog),
        "pages": len(pages) + 1,
        "validate_s": validate_s,
        "build_s": gen_s,
        "plain_s": plain_s,
        "overhead": gen_s / plain_s - 1,
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
    args = parser.parse_args()

    print("== make check on the real data ==")
    try:
        runs = [run([sys.executable, "-m", "generator", "check"], ROOT)[0] for _ in range(3)]
        print(f"check: best {min(runs):.2f} s, median {sorted(runs)[1]:.2f} s of 3 runs (target < 5 s)")
    except SystemExit as exc:  # the data has errors: report and go on with the synthetic sizes
        print(f"check failed, no timing:\n{exc}")

    results = []
    with tempfile.TemporaryDirectory(prefix="routewijzer-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"== {size} synthetic records ==", flush=True)
            r = bench_size(size, Path(tmp), repeat=args.repeat if size <= 2000 else 1)
            results.append(r)
            print(
                f"validate {r['validate_s']:.2f} s | generator build {r['build_s']:.1f} s "
                f"({r['pages_per_s']:.0f} pages/s, peak {r['peak_mb']:.0f} MB, {r['site_bytes'] / 1e6:.1f} MB site) | "
                f"plain mkdocs {r['plain_s']:.1f} s (peak {r['plain_peak_mb']:.0f} MB, {r['plain_bytes'] / 1e6:.1f} MB) | "
                f"overhead {r['overhead'] * 100:+.1f} % (target ≤ +10 % at 2,000)",
                flush=True,
            )
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
