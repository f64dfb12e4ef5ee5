"""The search modules' unit tests (tests/search/js/*.test.js), run by Node's own test runner.

The Dutch text rules (docs/assets/javascripts/search/dutch.js) and the finding and ranking
(docs/assets/javascripts/search/rank.js) are tested there without a build or a browser;
this test puts them in `make test`. Run them alone with `node --test tests/search/js/`.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).with_name("js")
pytestmark = pytest.mark.usefixtures("node")  # skips, or fails under make test (conftest.py)


def test_search_module_unit_tests_pass():
    files = sorted(UNITS.glob("*.test.js"))
    assert files, f"no *.test.js in {UNITS}"
    result = subprocess.run(
        ["node", "--test", "--test-reporter=tap", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=UNITS.parent.parent.parent,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"node --test failed:\n{output}"
    counts = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", output, re.MULTILINE))
    assert int(counts.get("tests", 0)) >= 30 and counts.get("fail") == "0", f"unexpected node --test summary:\n{output}"
