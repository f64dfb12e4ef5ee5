#!/usr/bin/env bash
# Install the Debian/Ubuntu packages a make target needs, only those whose command is missing.
#
#   scripts/system-packages.sh COMMAND:PACKAGE ...   e.g.  node:nodejs chromium:chromium
#   scripts/system-packages.sh --always PACKAGE ...  install without looking for a command
#                                                   (python3-venv: no command of its own)
#
# As root it runs apt-get itself; as a normal user through sudo; when neither works (no root,
# no sudo, sudo refused, or no apt-get: macOS, other Linux) it says in Dutch and English which
# packages to install by hand and exits 1. Nothing is installed that is already there.
# tests/test_setup.py runs this (and the Makefile targets that call it) with a PATH without
# node and chromium and a fake apt-get/sudo that record what would be installed.
set -euo pipefail

missing=()
if [[ "${1:-}" == "--always" ]]; then
  shift
  missing=("$@")
else
  for pair in "$@"; do
    command_name="${pair%%:*}"
    package="${pair#*:}"
    if ! command -v "$command_name" >/dev/null 2>&1; then
      missing+=("$package")
    fi
  done
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

packages="${missing[*]}"

refuse() {
  # $1: why, in Dutch; $2: the same in English.
  {
    echo ""
    echo "FOUT: deze pakketten ontbreken: $packages"
    echo "  $1"
    echo "  Installeer ze zelf (Debian/Ubuntu: sudo apt-get install $packages) en draai make opnieuw."
    echo "ERROR: these packages are missing: $packages"
    echo "  $2"
    echo "  Install them yourself (Debian/Ubuntu: sudo apt-get install $packages) and run make again."
    echo ""
  } >&2
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  refuse "Er is geen apt-get (geen Debian of Ubuntu); zie README.md voor macOS en Windows." \
         "There is no apt-get (not Debian or Ubuntu); see README.md for macOS and Windows."
fi

if [[ "$(id -u)" == "0" ]]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
  echo "Installeren met sudo / installing with sudo: $packages" >&2
else
  refuse "Je bent geen root en sudo ontbreekt." "You are not root and sudo is missing."
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${run[@]}" apt-get update -qq || ! "${run[@]}" apt-get install -y -qq "${missing[@]}"; then
  refuse "apt-get is mislukt (zie hierboven), of sudo mag het niet." \
         "apt-get failed (see above), or sudo is not allowed to run it."
fi
