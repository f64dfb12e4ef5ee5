"""Command-line entry points used by the Makefile and by editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import DataError, load_catalog


def _cmd_validate(args: argparse.Namespace) -> int:
    root = Path.cwd()
    try:
        catalog = load_catalog(Path(args.data), root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{len(catalog)} records gecontroleerd: geen fouten.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Routewijzer-gereedschap")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="controleer alle bestanden in data/")
    p.add_argument("--data", default="data", help="de datamap (standaard: data)")
    p.add_argument("-q", "--quiet", action="store_true", help="alleen fouten tonen")
    p.set_defaults(func=_cmd_validate)
    args = parser.parse_args(argv)
    return int(args.func(args))
