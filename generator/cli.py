"""Command-line entry points used by the Makefile and by editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import DataError, load_catalog


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
    from .build import build_site  # MkDocs is only imported for commands that build

    ok = build_site(Path(args.config), Path(args.site_dir), strict=not args.no_strict, verbose=not args.quiet)
    return 0 if ok else 1


def _cmd_check(args: argparse.Namespace) -> int:
    """The editors' fast loop: data first (clear messages), then a strict build (links, anchors)."""
    if _cmd_validate(argparse.Namespace(data=args.data, quiet=True)) != 0:
        return 1
    from .build import check_build

    return 0 if check_build(Path(args.config)) else 1


def _cmd_schemas(args: argparse.Namespace) -> int:
    from .schema import render_schemas

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"JSON Schemas geschreven naar {out}/")
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

    p = sub.add_parser("check", help="controleer data, links en ankers; toont alleen problemen")
    p.add_argument("--data", default="data")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("schemas", help="schrijf de JSON Schemas voor editors naar schemas/")
    p.add_argument("--out", default="schemas")
    p.set_defaults(func=_cmd_schemas)

    args = parser.parse_args(argv)
    return int(args.func(args))
