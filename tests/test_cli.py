"""The command line: exit codes, output shape, and never a traceback for a data problem."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from generator.cli import VERBS
from tests.conftest import FIXTURE, ROOT
from tests.helpers import edit
from tests.helpers import run_generator as run


def test_check_valid_project_exits_0(project: Path) -> None:
    result = run("check", "--root", str(project))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "checked 2 scenarios: no errors, 0 warning(s)\n"


def test_check_says_the_schema_lags_behind_a_vocabulary(project: Path) -> None:
    """A vocabulary edited without `make schema`: editors would complete from the old one."""
    assert run("schema", "--root", str(project)).returncode == 0
    edit(project, "vocabularies/domains.yaml", "meteorology:", "weather:")  # a key of the schema's domains
    result = run("check", "--root", str(project))
    late = "out of date with the model and the vocabularies; run `make schema` and commit it"
    assert (result.returncode, result.stdout.splitlines()) == (
        0,
        [f"schema/scenario.schema.json:1:1: warning: {late}", f"schema/catalogue.schema.json:1:1: warning: {late}"],
    )
    assert run("schema", "--root", str(project)).returncode == 0
    assert run("check", "--root", str(project)).stdout == ""


def test_check_reports_every_problem_one_a_line_and_exits_1(project: Path) -> None:
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstucted")
    edit(project, "fire-watch.yaml", "released: 2023-11-20", "released: 2023-13-01")
    result = run("check", "--root", str(project))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "scenarios/fire-watch.yaml:13:11: released: 2023-13-01 is not a real date: there is no month 13; expected a date like 2023-11-20",
        "scenarios/river-ships.yaml:12:9: status: 'reconstucted' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
    ]
    assert result.stderr == "2 error(s), 0 warning(s); nothing was written\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_unparsable_file_is_a_data_problem_not_a_crash(project: Path) -> None:
    (project / "scenarios" / "broken.yaml").write_bytes(b"id: [unclosed\n")
    result = run("check", "--root", str(project))
    assert result.returncode == 1
    assert "scenarios/broken.yaml:2:1: expected ',' or ']' here" in result.stdout  # and what else the file lacks
    assert "Traceback" not in result.stderr


def test_help_lists_every_verb() -> None:
    result = run("--help")
    assert result.returncode == 0
    listed = re.findall(r"^    ([a-z]+) ", result.stdout, re.MULTILINE)
    assert listed == list(VERBS)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2
    result = run("check", "--root", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path} has no scenarios/ folder; run from the project root or pass --root\n"


def test_named_files_outside_the_scenarios_or_missing_are_usage_errors(project: Path, tmp_path: Path) -> None:
    outside = run("check", str(tmp_path / "x.yaml"), "--root", str(project), cwd=project)
    assert (outside.returncode, outside.stdout) == (2, "")
    assert (
        outside.stderr == f"error: {tmp_path / 'x.yaml'} is not in {project / 'scenarios'}; name files of the scenarios/ folder\n"
    )
    missing = run("check", "scenarios/nope.yaml", "--root", str(project), cwd=project)
    assert (missing.returncode, missing.stderr) == (2, "error: scenarios/nope.yaml does not exist\n")


def test_an_edit_link_base_must_be_a_web_address(project: Path) -> None:
    result = run("build", "--root", str(project), "--repository", "javascript:alert(1)")
    assert result.returncode == 2
    assert result.stderr == (
        "error: 'javascript:alert(1)' is not a repository address; expected one like https://github.com/owner/repo\n"
    )
    assert not (project / "docs").exists()


def test_build_writes_both_languages(project: Path) -> None:
    result = run("build", "--root", str(project))
    assert result.returncode == 0, result.stderr
    for language in ("en", "zh"):
        assert (project / "docs" / language / "scenarios" / "river-ships.md").is_file()
    assert result.stderr == "2 scenarios: wrote 40 pages into docs/en and docs/zh\n"


def test_github_annotations_are_chosen_on_github_actions(project: Path) -> None:
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstucted")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(project)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=scenarios/river-ships.yaml,line=12,col=9,title=status::"
        "scenarios/river-ships.yaml:12:9: status: 'reconstucted' is not allowed; did you mean 'reconstructed'? "
        "(expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)\n"
    )


def test_json_problems(project: Path) -> None:
    edit(project, "river-ships.yaml", "  - {en: BeiDou only., zh: 仅限北斗。}", "  - {en: BeiDou only., zh: BeiDou only.}")
    edit(project, "fire-watch.yaml", "status: proposed", "status: 3")
    result = run("check", "--format", "json", "--root", str(project))
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "path": "scenarios/fire-watch.yaml",
            "line": 12,
            "column": 9,
            "field": "status",
            "message": "expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn, got the number 3",
            "severity": "error",
        },
        {
            "path": "scenarios/river-ships.yaml",
            "line": 44,
            "column": 5,
            "field": "constraints[0]",
            "message": "the en and zh texts are identical; translate one of them",
            "severity": "warning",
        },
    ]
    assert run("check", "--format", "json", "--root", str(FIXTURE)).stdout == "[]\n"


def test_warnings_are_printed_apart_and_do_not_fail(project: Path) -> None:
    edit(project, "river-ships.yaml", "  - {en: BeiDou only., zh: 仅限北斗。}", "  - {en: BeiDou only., zh: BeiDou only.}")
    result = run("check", "--root", str(project))
    assert result.returncode == 0
    assert (
        result.stdout
        == "scenarios/river-ships.yaml:44:5: warning: constraints[0]: the en and zh texts are identical; translate one of them\n"
    )
    assert result.stderr == "checked 2 scenarios: no errors, 1 warning(s)\n"


def test_check_named_files_reports_only_their_problems(project: Path) -> None:
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstucted")
    edit(project, "fire-watch.yaml", "status: proposed", "status: 3")
    result = run("check", "--root", str(project), str(project / "scenarios" / "fire-watch.yaml"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "scenarios/fire-watch.yaml:12:9: status: expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn, got the number 3"
    ]


def test_check_named_files_that_are_fine_still_shows_what_blocks_the_catalogue(project: Path) -> None:
    """A pre-commit run on a valid file must not fail silently because another file is broken."""
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstucted")
    result = run("check", "--root", str(project), str(project / "scenarios" / "fire-watch.yaml"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "scenarios/river-ships.yaml:12:9: status: 'reconstucted' is not allowed; did you mean 'reconstructed'? "
        "(expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)"
    ]
