"""`generator diff REV`: scenario-level changes as Markdown for a pull-request comment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import edit


def git(project: Path, *arguments: str) -> None:
    environment = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@localhost",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@localhost",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True, env=environment)


@pytest.fixture
def repository(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    return project


def test_diff_names_added_removed_and_changed_scenarios(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (repository / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8")
    (repository / "scenarios" / "river-boats.yaml").write_text(
        text.replace("id: river-ships", "id: river-boats"), encoding="utf-8"
    )
    (repository / "scenarios" / "fire-watch.yaml").unlink()
    edit(repository, "river-ships.yaml", "status: reconstructed", "status: open")
    edit(repository, "river-ships.yaml", "provenance: illustrative", "provenance: community")
    edit(repository, "river-ships.yaml", "  zh: 船舶需要在航道图上获得分米级北斗定位", "  zh: 船舶需要分米级北斗定位")
    edit(repository, "river-ships.yaml", "value: 20, unit: cm", "value: 10, unit: cm")
    edit(repository, "river-ships.yaml", "codes: [500101, 500105, 500230]", "codes: [500101, 500230]")
    edit(repository, "river-ships.yaml", "  - id: R3\n    priority: must", "  - id: R4\n    priority: must")

    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == (
        "### Scenario changes since `HEAD`\n"
        "\n"
        "1 added, 1 removed, 1 changed.\n"
        "\n"
        "**Added**\n"
        "\n"
        "- `river-boats`: Decimetre positioning for river ships / 内河船舶分米级定位 (transport, illustrative)\n"
        "\n"
        "**Removed**\n"
        "\n"
        "- `fire-watch`: Forest-fire watch: hotspots every 30 minutes\n"
        "\n"
        "**Changed**\n"
        "\n"
        "- `river-ships`: Decimetre positioning for river ships\n"
        "  - summary (zh)\n"
        "  - locations (codes: −500105)\n"
        "  - status: reconstructed → open\n"
        "  - provenance: illustrative → community\n"
        "  - requirement R1 changed: target (value: 20.0 → 10.0)\n"
        "  - requirement R3 removed\n"
        "  - requirement R4 added\n"
    )


def test_diff_without_changes(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repository / "scenarios" / "fire-watch.yaml").write_text(
        (repository / "scenarios" / "fire-watch.yaml").read_text(encoding="utf-8").replace("\n", "\n\n"), encoding="utf-8"
    )
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == "### Scenario changes since `HEAD`\n\nNo scenario changed.\n"


def test_diff_against_an_unknown_revision_is_a_usage_error(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "no-such-branch", "--root", str(repository)]) == 2
    assert capsys.readouterr().err.startswith("error: git ls-tree failed: ")


def test_a_revision_that_looks_like_an_option_is_refused(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--root", str(repository), "--", "--output=/tmp/x"]) == 2
    assert (
        capsys.readouterr().err == "error: '--output=/tmp/x' is not a revision; name a commit, branch or tag, like origin/main\n"
    )


def test_when_the_old_scenarios_fail_todays_rules_changes_are_listed_by_file(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule added since the base revision must not stop the summary of a pull request."""
    edit(repository, "river-ships.yaml", "status: reconstructed", "status: open")  # illustrative and open: fails today
    git(repository, "commit", "-q", "-am", "before the rule")
    edit(repository, "river-ships.yaml", "status: open", "status: reconstructed")
    (repository / "scenarios" / "fire-watch.yaml").unlink()
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == (
        "### Scenario changes since `HEAD`\n"
        "\n"
        "The scenarios at `HEAD` do not pass today's checks (1 error(s)), so changes are listed by file.\n"
        "\n"
        "0 added, 1 removed, 1 changed.\n"
        "\n"
        "**Removed**\n"
        "\n"
        "- `fire-watch`\n"
        "\n"
        "**Changed**\n"
        "\n"
        "- `river-ships`\n"
    )
