"""The search tests run the site's search code in Node.

Run alone (`pytest tests/search`) a missing `node` skips them with the reason. Under `make test`,
which installs Debian's nodejs first and sets ROUTEWIJZER_REQUIRE_TOOLS=1, a missing or too old
`node` fails every test that needs it: a silent skip there would pass a suite that tested nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import NoReturn

import pytest

NODE_MAJOR_MIN = 18
"""`node --test` with `--test-reporter` (tests/search/test_js_units.py) needs Node 18 or newer."""


def missing_tool(message: str) -> NoReturn:
    """Fail under `make test` (ROUTEWIJZER_REQUIRE_TOOLS=1), skip otherwise."""
    if os.environ.get("ROUTEWIJZER_REQUIRE_TOOLS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def node() -> str:
    """The path of a usable `node` (the search modules, the worker harness)."""
    path = shutil.which("node")
    if path is None:
        missing_tool("node ontbreekt (Debian: apt-get install nodejs; make test installeert het)")
    version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=False).stdout
    found = re.match(r"v(\d+)\.", version.strip())
    if found is None or int(found.group(1)) < NODE_MAJOR_MIN:
        missing_tool(f"node {version.strip() or '?'} is te oud: Node {NODE_MAJOR_MIN} of nieuwer nodig")
    return path
