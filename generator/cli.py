"""Command-line entry points used by the Makefile and by editors."""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import Catalog
from .load import load_catalog
from .output.atomic import stop_like_ctrl_c
from .problems import DataError, Problem

if TYPE_CHECKING:
    from .output.cache import ResultCache
    from .output.manifest import LinkWarning, SiteConfig

IGNORE_FILE = "linkcheck-ignore.yaml"


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        catalog = load_catalog(Path(args.data), Path.cwd())
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{len(catalog)} records gecontroleerd: geen fouten.")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .engine.mkdocs import build_site  # the engine is only imported for commands that build

    ok = build_site(Path(args.config), Path(args.site_dir), strict=not args.no_strict, verbose=not args.quiet)
    return 0 if ok else 1


def _cmd_offline(args: argparse.Namespace) -> int:
    """The site as files that open from disk: a folder and the same as a zip (the preview, docs/afdrukken)."""
    from .engine.mkdocs import build_site
    from .output.archive import write_zip

    folder = Path(args.out)
    if not build_site(Path(args.config), folder, strict=not args.no_strict, verbose=not args.quiet, offline=True):
        return 1
    zip_path = folder.with_name(f"{folder.name}.zip")
    count = write_zip(folder, zip_path, folder.name)
    if not args.quiet:
        print(f"Offline kopie: {folder.name}/ en {zip_path.name} ({count} bestanden); open index.html.")
    return 0


def _load(data: str) -> Catalog | None:
    """The validated catalog, or None after printing every problem in the data."""
    try:
        return load_catalog(Path(data), Path.cwd())
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def _internal_problems(
    site: Path, catalog: Catalog, config: SiteConfig, warnings: list[LinkWarning], cache: ResultCache | None = None
) -> tuple[list[Problem], list[str]]:
    """Broken internal links of a built site at their source lines, and the engine's warnings placed among them."""
    from .checks.links import check_site, index_sources, trace
    from .output.manifest import read_manifest

    result = check_site(site, site_url=config.site_url, cache=cache)
    sources = index_sources(Path.cwd(), catalog, read_manifest(site), config.docs_dir, templates=config.templates)
    traced = trace(result.broken, sources, warnings=warnings)
    return traced.problems, traced.placed_warnings


def _link_summary(problems: list[Problem]) -> str:
    n = len(problems)
    return f"{n} {'probleem' if n == 1 else 'problemen'} met links gevonden."


def _cmd_check(args: argparse.Namespace) -> int:
    """The editors' fast loop: data, the ignore list, a strict build, then every internal link and anchor.

    MkDocs names generated pages (les/x.md) that exist in no folder; its link warnings are
    shown at the YAML line instead, together with what the check of the built HTML finds.
    """
    catalog = _load(args.data)
    if catalog is None:
        return 1
    from .checks.links import load_ignore
    from .engine.mkdocs import WarningCollector, build_into, read_site_config

    _, ignore_problems = load_ignore(Path(args.ignore), Path.cwd())
    config_file = Path(args.config)
    config = read_site_config(config_file)
    collected = WarningCollector()
    output = io.StringIO()
    link_problems: list[Problem] = []
    placed: list[str] = []
    from .output.scratch import scratch_root

    with tempfile.TemporaryDirectory(prefix="routewijzer-check-", dir=scratch_root()) as tmp:
        site = Path(tmp) / "site"
        try:
            with collected.attached(), contextlib.redirect_stderr(output):
                built = build_into(config_file, site, strict=True)
        except BaseException:
            sys.stderr.write(output.getvalue())  # never lose what the engine said before a crash
            raise
        # A strict build that stops on warnings has written every page already.
        readability: list[str] = []
        if (site / "index.html").is_file():
            from .output.policy_pool import in_background

            cache = _check_cache()

            def scores() -> list[str]:
                notes = _readability_notes(site, catalog, cache)
                if cache is not None:
                    cache.finish({"prose"})
                return notes

            # Readability and the link check read the same pages and nothing of each other: on two
            # cores the scores are made in a second process meanwhile.
            readability_later = in_background(scores)
            link_problems, placed = _internal_problems(site, catalog, config, collected.link_warnings(), cache)
            if cache is not None:
                cache.finish({"ids", "linkcheck"})
            readability = readability_later()
    problems = sorted(ignore_problems) + link_problems
    for problem in problems:
        print(problem, file=sys.stderr)
    rest = [line for line in output.getvalue().splitlines() if not any(line.endswith(m) for m in placed)]
    for line in rest:
        print(line, file=sys.stderr)
    if link_problems:
        print(_link_summary(link_problems), file=sys.stderr)
    for line in readability:
        print(line, file=sys.stderr)
    return 0 if built and not problems and not readability else 1


def _check_cache() -> ResultCache | None:
    """The cache of the checks that read the built site (beside the build's own cache)."""
    from .output.cache import DEFAULT_CACHE_DIR, ResultCache, cache_enabled

    return ResultCache(Path.cwd() / DEFAULT_CACHE_DIR) if cache_enabled() else None


def _readability_notes(site: Path, catalog: Catalog, cache: ResultCache | None = None) -> list[str]:
    """Pages for parents and young people below B1, each with the sentence that pulls it down most.

    A failure, like in CI (tests/test_readability.py): pages for parents and young people are
    written at B1 or easier. The message points at the field and line of the hardest sentence.
    """
    from .checks.readability import B1_THRESHOLD, score_site
    from .problems import dotted
    from .yamlfile import locate_text

    source = {f"{e.kind}/{e.id}/": e for e in catalog.entries.values()}
    source.update({f"en/{e.kind}/{e.id}/": e for e in catalog.entries.values()})
    failing = [page for page in score_site(site, judged_only=True, cache=cache) if not page.passes]
    notes = []
    for page in sorted(failing, key=lambda p: p.score):
        entry = source.get(page.path)
        where = entry.path if entry else f"docs/{page.path.rstrip('/') or 'index'}.md"
        worst = page.text.worst(1)
        sentence = f' Moeilijkste zin: "{worst[0].text}"' if worst else ""
        place = locate_text(entry.data, worst[0].text) if entry and worst else None
        at = f"{place[0]}: {dotted(place[1])}" if place else "1"
        notes.append(
            f"{where}:{at}: leesbaarheid {page.score:.1f}, voor ouders en jongeren moet het B1 zijn "
            f"(vanaf {B1_THRESHOLD:.0f}); schrijf kortere zinnen met gewone woorden.{sentence}"
        )
    if notes:
        notes.append(
            f"{len(notes)} pagina's voor ouders of jongeren zijn moeilijker dan B1 (Flesch-Douma onder "
            f"{B1_THRESHOLD:.0f}). Volledig overzicht: make readability."
        )
    return notes


def _cmd_check_site(args: argparse.Namespace) -> int:
    """Internal links and anchors of a site that is already built (no build)."""
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"{site}/index.html bestaat niet; bouw de site eerst met `make build`.", file=sys.stderr)
        return 1
    catalog = _load(args.data)
    if catalog is None:
        return 1
    from .engine.mkdocs import read_site_config

    problems, _ = _internal_problems(site, catalog, read_site_config(Path(args.config)), [])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(_link_summary(problems), file=sys.stderr)
        return 1
    return 0


def _cmd_linkcheck(args: argparse.Namespace) -> int:
    """Every external URL in the data and docs: checked, cached, reported; fails on links broken on consecutive runs."""
    from datetime import timedelta

    from .checks.links import (
        Policy,
        Probe,
        Settings,
        Store,
        collect_urls,
        console_lines,
        load_ignore,
        probe_urls,
        run_external,
        write_reports,
    )

    try:
        import linkcheck  # noqa: F401  (LinkChecker does the requests)
    except ImportError:
        print("LinkChecker is niet geïnstalleerd; draai `make install`.", file=sys.stderr)
        return 1
    catalog = _load(args.data)
    if catalog is None:
        return 1
    root = Path.cwd()
    ignore, problems = load_ignore(Path(args.ignore), root)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"Verbeter {args.ignore} eerst; er is niets gecontroleerd.", file=sys.stderr)
        return 1
    docs = Path(args.docs) if args.docs else None
    uses = collect_urls(catalog, root, docs)
    settings = Settings(
        timeout=args.timeout,
        workers=args.workers,
        per_host_rate=args.per_host_rate,
        retries=args.retries,
        backoff=args.backoff,
        robots=not args.no_robots,
    )
    policy = Policy(
        fail_after=args.fail_after, ttl_ok=timedelta(hours=args.ttl), ttl_failed=timedelta(hours=args.ttl_failed)
    )

    def say(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    def probe(urls: list[str], settings: Settings) -> dict[str, Probe]:
        found: dict[str, Probe] = probe_urls(
            urls,
            settings,
            on_round=lambda n, count, delay: say(
                f"Ronde {n + 1}: {count} adressen opnieuw over {delay:.1f} s (429, 503 of te traag)…"
            ),
        )
        return found

    store = Store(Path(args.cache))
    try:
        outcome = run_external(
            uses, ignore, store, settings=settings, policy=policy, refresh=args.refresh, probe=probe, progress=say
        )
    except KeyboardInterrupt:
        print("Afgebroken; er is niets opgeslagen.", file=sys.stderr)
        return 130
    store.save(keep={use.url for use in uses})
    md, js = write_reports(outcome, Path(args.reports))
    for line in console_lines(outcome):
        print(line)
    print(f"Rapport: {md} en {js}")
    return 0 if outcome.ok else 1


def _cmd_lawcheck(args: argparse.Namespace) -> int:
    """Each law record against the Basis Wettenbestand: fails when a law changed after its record was reviewed."""
    from .checks.lawcheck import Settings, base_url_from_env, check_laws, console_lines, write_reports

    catalog = _load(args.data)
    if catalog is None:
        return 1
    settings = Settings(
        base_url=base_url_from_env(args.sru), timeout=args.timeout, retries=args.retries, backoff=args.backoff
    )

    def say(message: str) -> None:
        if args.verbose:
            print(message, file=sys.stderr, flush=True)

    try:
        outcome = check_laws(catalog, settings, progress=say)
    except KeyboardInterrupt:
        print("Afgebroken; er is niets geschreven.", file=sys.stderr)
        return 130
    md, js = write_reports(outcome, Path(args.reports))
    for line in console_lines(outcome):
        print(line)
    if outcome.unreachable is None:  # offline, the one line above says all there is
        print(f"Rapport: {md} en {js}")
    return outcome.exit_code


def _cmd_schemas(args: argparse.Namespace) -> int:
    from .editor.schemas import render_schemas

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"JSON Schemas geschreven naar {out}/")
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from .editor.scaffold import ScaffoldError, write_stub

    try:
        path = write_stub(Path(args.data), args.kind, args.id)
    except ScaffoldError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    print(f"{path.as_posix()} is gemaakt. Vul elk veld in en draai daarna 'make check'.")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    """The whole site as plain Markdown with an engine-neutral nav.yaml; imports no engine (docs/engine.md)."""
    catalog = _load(args.data)
    if catalog is None:
        return 1
    from .output.export import ExportError, export_site

    try:
        result = export_site(
            catalog,
            Path(args.dir),
            docs_dir=Path(args.docs),
            config_file=Path(args.config),
            data_dir=Path(args.data),
            root=Path.cwd(),
        )
    except ExportError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    print(
        f"{result.generated} pagina's uit data/ en {result.copied} bestanden uit {Path(args.docs).name}/ "
        f"geëxporteerd naar {args.dir}/ (met nav.yaml en manifest.json)."
    )
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    """`make serve`: the site with live reload, data/ included; rebuilds in memory where it can."""
    from .engine.mkdocs import serve

    serve(Path(args.config), args.dev_addr, strict=not args.no_strict)


def _cmd_editor_proxy(args: argparse.Namespace) -> int:
    """The editor's local backend on 127.0.0.1: it saves into data/ of this checkout (docs/editor.md)."""
    from .editor.local_backend import serve_forever

    serve_forever(Path.cwd(), args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Routewijzer-gereedschap")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="controleer alle bestanden in data/")
    p.add_argument("--data", default="data", help="de datamap (standaard: data)")
    p.add_argument("-q", "--quiet", action="store_true", help="alleen fouten tonen")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("build", help="bouw de site in site/ (bij een fout blijft de vorige site staan)")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--no-strict", action="store_true", help="waarschuwingen niet als fout behandelen")
    p.add_argument("-q", "--quiet", action="store_true", help="alleen problemen tonen")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("serve", help="bouw en toon de site met live herladen (data/ inbegrepen)")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="adres:poort (standaard: 127.0.0.1:8000)")
    p.add_argument("--no-strict", action="store_true", help="waarschuwingen niet als fout behandelen")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("offline", help="bouw de site als bestanden om vanaf schijf te openen, ook als zip")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument(
        "--out", default="routewijzer-offline", help="de map; de zip komt ernaast (standaard: routewijzer-offline)"
    )
    p.add_argument("--no-strict", action="store_true", help="waarschuwingen niet als fout behandelen")
    p.add_argument("-q", "--quiet", action="store_true", help="alleen problemen tonen")
    p.set_defaults(func=_cmd_offline)

    p = sub.add_parser("check", help="controleer data, links en ankers; toont alleen problemen")
    p.add_argument("--data", default="data")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--ignore", default=IGNORE_FILE, help=f"de negeerlijst van linkcheck (standaard: {IGNORE_FILE})")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser(
        "check-site", help="controleer de interne links en ankers van een gebouwde site (zonder te bouwen)"
    )
    p.add_argument("--site-dir", default="site")
    p.add_argument("--data", default="data")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=_cmd_check_site)

    p = sub.add_parser(
        "linkcheck", help="controleer alle externe links in data/ en docs/; schrijft reports/linkcheck.{md,json}"
    )
    p.add_argument("--data", default="data")
    p.add_argument("--docs", default="docs", help="map met handgeschreven pagina's ('' om over te slaan)")
    p.add_argument("--ignore", default=IGNORE_FILE, help="links die niet gecontroleerd worden, elk met een reden")
    p.add_argument("--cache", default=".cache/linkcheck", help="map voor de cache en de geschiedenis")
    p.add_argument("--reports", default="reports", help="map voor linkcheck.md en linkcheck.json")
    p.add_argument("--timeout", type=float, default=15.0, help="seconden wachten op een site (standaard: 15)")
    p.add_argument("--workers", type=int, default=8, help="verzoeken tegelijk, aan verschillende sites (standaard: 8)")
    p.add_argument(
        "--per-host-rate",
        type=float,
        default=2.0,
        help="hoogstens zoveel verzoeken per seconde per site (standaard: 2)",
    )
    p.add_argument("--retries", type=int, default=2, help="nieuwe pogingen na 429, 503 of te traag (standaard: 2)")
    p.add_argument(
        "--backoff", type=float, default=2.0, help="seconden voor de eerste nieuwe poging; verdubbelt per ronde"
    )
    p.add_argument(
        "--fail-after", type=int, default=2, help="een link faalt na zoveel mislukte controles op rij (standaard: 2)"
    )
    p.add_argument(
        "--ttl", type=float, default=24.0, help="uren dat een werkende link niet opnieuw gevraagd wordt (standaard: 24)"
    )
    p.add_argument("--ttl-failed", type=float, default=1.0, help="uren dat een mislukte controle geldt (standaard: 1)")
    p.add_argument("--refresh", action="store_true", help="negeer de cache: vraag alles opnieuw")
    p.add_argument("--no-robots", action="store_true", help="negeer robots.txt van de sites")
    p.add_argument("-q", "--quiet", action="store_true", help="geen voortgang tonen")
    p.set_defaults(func=_cmd_linkcheck)

    p = sub.add_parser(
        "lawcheck",
        help="vraag per wet de geldende versie op bij het Basis Wettenbestand; schrijft reports/lawcheck.{md,json}",
    )
    p.add_argument("--data", default="data")
    p.add_argument("--reports", default="reports", help="map voor lawcheck.md en lawcheck.json")
    p.add_argument(
        "--sru",
        default=None,
        help="adres van de SRU-zoekdienst (standaard: $ROUTEWIJZER_BWB_SRU of https://zoekservice.overheid.nl/sru/Search)",
    )
    p.add_argument("--timeout", type=float, default=10.0, help="seconden wachten op een antwoord (standaard: 10)")
    p.add_argument("--retries", type=int, default=1, help="nieuwe pogingen na een time-out, 429 of 5xx (standaard: 1)")
    p.add_argument("--backoff", type=float, default=2.0, help="seconden voor de eerste nieuwe poging; verdubbelt")
    p.add_argument("-v", "--verbose", action="store_true", help="toon elke wet terwijl hij gecontroleerd wordt")
    p.set_defaults(func=_cmd_lawcheck)

    p = sub.add_parser("nieuw", help="maak een nieuw record met alle verplichte velden: nieuw <soort> <id>")
    from .model import KINDS  # the registry names every kind, route included

    *rest, last = KINDS
    p.add_argument("kind", metavar="soort", help=f"{', '.join(rest)} of {last}")
    p.add_argument("id", help="de id en bestandsnaam, bijvoorbeeld gooi-en-vechtstreek")
    p.add_argument("--data", default="data")
    p.set_defaults(func=_cmd_new)

    p = sub.add_parser(
        "export", help="schrijf de hele site als gewone Markdown met nav.yaml naar een map, zonder MkDocs"
    )
    p.add_argument("dir", metavar="MAP", help="de doelmap; een eerdere export daar wordt in één keer vervangen")
    p.add_argument("--data", default="data")
    p.add_argument("--docs", default="docs", help="map met handgeschreven pagina's (standaard: docs)")
    p.add_argument("--config", default="mkdocs.yml", help="waar nav: staat (gelezen zonder MkDocs)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("schemas", help="schrijf de JSON Schemas voor editors naar schemas/")
    p.add_argument("--out", default="schemas")
    p.set_defaults(func=_cmd_schemas)

    p = sub.add_parser(
        "redactie-proxy", help="laat de redactie-editor (/redactie/bewerken/) de bestanden van deze map bewerken"
    )
    p.add_argument("--port", type=int, default=8081, help="poort op 127.0.0.1 (standaard: 8081)")
    p.set_defaults(func=_cmd_editor_proxy)

    args = parser.parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        # From here on Ctrl-C (and SIGTERM, SIGHUP) raise KeyboardInterrupt, so a build cleans up after itself.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        stop_like_ctrl_c()
    try:
        return int(args.func(args))
    except KeyboardInterrupt as exc:
        # One line, no traceback. A build writes into a temporary folder and swaps it in only
        # when it succeeded, so the previous site/ is untouched.
        where = (
            f" De vorige versie in {Path(args.site_dir).name}/ is niet aangeraakt." if args.command == "build" else ""
        )
        how = f"door {exc.args[0]}" if exc.args else "met Ctrl-C"
        print(f"Afgebroken {how}.{where}", file=sys.stderr)
        return 130
