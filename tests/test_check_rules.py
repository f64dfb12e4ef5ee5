"""`make check` applies every rule CI applies to data/, in the same Dutch `file:line: field: reason` shape."""

from __future__ import annotations

from tests.conftest import MINI_DATA, run_cli

HARD = (
    "Overeenkomstig de toepasselijke bestuursrechtelijke voorschriften dient de gemeentelijke "
    "toegangsorganisatie, alvorens tot besluitvorming inzake jeugdhulpverlening over te gaan, "
    "een multidisciplinaire probleemanalyse uit te voeren, waarbij de verantwoordelijkheidsverdeling "
    "tussen ketenpartners nadrukkelijk gedocumenteerd wordt."
)


def test_a_page_for_parents_below_b1_fails_the_check_at_its_line(scratch):
    """CI fails a parent page below B1 (tests/test_readability.py); `make check` fails it too."""
    term = MINI_DATA["data/begrip/ots.yaml"].replace(
        "summary: Wat een OTS is.\n", f"summary: Wat een OTS is.\nbody: |\n  {HARD}\n\n  {HARD}\n\n  {HARD}\n"
    )
    root = scratch({"data/begrip/ots.yaml": term})
    result = run_cli("check", cwd=root)
    assert result.returncode == 1, result.stderr
    line = term.splitlines().index(f"  {HARD}") + 1
    assert f"data/begrip/ots.yaml:{line}: body: leesbaarheid " in result.stderr, result.stderr
    assert "voor ouders en jongeren moet het B1 zijn" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_layout_problem_fails_the_check_in_dutch_without_traceback(scratch):
    import shutil

    from tests.conftest import ROOT

    region = MINI_DATA["data/regio/groningen.yaml"].replace("  email: ret@example.nl", "  email:  ret@example.nl")
    root = scratch({"data/regio/groningen.yaml": region})
    shutil.copy2(ROOT / ".yamllint.yaml", root / ".yamllint.yaml")
    for command in ("check", "validate", "build"):
        result = run_cli(command, cwd=root)
        assert result.returncode == 1, (command, result.stderr)
        assert "data/regio/groningen.yaml:16: ret.email: precies één spatie na de dubbele punt" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
