"""`generator diff REV`: scenario-level changes as Markdown for a pull-request comment."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import code
from tests.helpers import edit
from tests.projects import real_project


def git(project: Path, *arguments: str) -> None:
    environment = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@localhost",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@localhost",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True, env=environment)


def summary(counts: str, note: str = "", **sections: list[str]) -> str:
    """The Markdown of `generator diff HEAD`: heading, note, counts, then each section's lines."""
    out = ["### Scenario changes since `HEAD`", ""] + ([note, ""] if note else []) + [counts, ""]
    for title, lines in sections.items():
        out += [f"**{title}**", "", *lines, ""]
    return "\n".join(out)


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
    edit(repository, "river-ships.yaml", "status: reconstructed", "status: proposed")
    edit(repository, "river-ships.yaml", "provenance: illustrative", "provenance: community")
    edit(repository, "river-ships.yaml", "  zh: 船舶需要在航道图上获得分米级北斗定位", "  zh: 船舶需要分米级北斗定位")
    edit(repository, "river-ships.yaml", "value: 20, unit: cm", "value: 10, unit: cm")
    edit(repository, "river-ships.yaml", "codes: [500101, 500105, 500230]", "codes: [500101, 500230]")
    edit(repository, "river-ships.yaml", "  - id: R3\n    priority: must", "  - id: R4\n    priority: must")

    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == summary(
        "1 added, 1 removed, 1 changed.",
        Added=["- `river-boats`: `Decimetre positioning for river ships` / `内河船舶分米级定位` (`transport`, `illustrative`)"],
        Removed=["- `fire-watch`: `Forest-fire watch: hotspots every 30 minutes`"],
        Changed=[
            "- `river-ships`: `Decimetre positioning for river ships`",
            "  - summary (zh)",
            "  - locations (codes: −`500105`)",
            "  - status: `reconstructed` → `proposed`",
            "  - provenance: `illustrative` → `community`",
            "  - requirement R1 changed: target (value: `20` → `10`)",
            "  - requirement R3 renumbered R4: a response citing R3 now finds none",
            "  - updated: unchanged (`2024-01-15`); set it to the date of this change",
        ],
    )


def test_a_renumbered_requirement_is_said_renumbered_not_changed(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Vendors cite requirements by id: R2 deleted and R3 moved up into its place reads as what it
    is, not as R2 changed into another requirement and R3 removed; so do two ids swapped."""
    text = (repository / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8")
    r2 = text[text.index("  - id: R2\n") : text.index("  - id: R3\n")]
    edit(repository, "river-ships.yaml", r2 + "  - id: R3\n", "  - id: R2\n")
    edit(repository, "fire-watch.yaml", "  - id: R1\n", "  - id: R0\n")
    edit(repository, "fire-watch.yaml", "  - id: R2\n", "  - id: R1\n")
    edit(repository, "fire-watch.yaml", "  - id: R0\n", "  - id: R2\n")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == summary(
        "0 added, 0 removed, 2 changed.",
        Changed=[
            "- `fire-watch`: `Forest-fire watch: hotspots every 30 minutes`\n"
            "  - requirement R1 renumbered R2: a response citing R1 now means another requirement\n"
            "  - requirement R2 renumbered R1: a response citing R2 now means another requirement\n"
            "  - updated: unchanged (`2023-11-20`); set it to the date of this change",
            "- `river-ships`: `Decimetre positioning for river ships`\n"
            "  - requirement R2 removed\n"
            "  - requirement R3 renumbered R2: a response citing R3 now finds none\n"
            "  - updated: unchanged (`2024-01-15`); set it to the date of this change",
        ],
    )


def test_diff_names_the_vocabulary_entries_that_changed(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A vocabulary's names and symbols are on every page that uses them: a review sees each change."""
    edit(repository, "vocabularies/units.yaml", "symbol: {en: min, zh: 分钟}", "symbol: {en: minutes, zh: 分钟}")
    text = (repository / "scenarios" / "vocabularies" / "units.yaml").read_text(encoding="utf-8")
    extra = "km:\n  symbol: {en: km, zh: 千米}\n  dimension: length\n  factor: 1000\n"
    (repository / "scenarios" / "vocabularies" / "units.yaml").write_text(text + extra, encoding="utf-8")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == summary(
        "0 added, 0 removed, 0 changed.",
        Vocabularies=["- `units`: `km` added", "- `units`: `min` changed: symbol (en)"],
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
    edit(repository, "vocabularies/domains.yaml", "name: {en: Forestry, zh: 林业}", "name: {en: Forests, zh: 林业}")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == summary(
        "0 added, 1 removed, 1 changed.",
        "The scenarios at `HEAD` do not pass today's checks (1 error(s)), so changes are listed by file.",
        Removed=["- `fire-watch`"],
        Changed=["- `river-ships`"],
        Vocabularies=["- `domains`"],
    )


# Markup a title may hold (it is plain text, so the checker lets it through) that GitHub would
# render: a mention, an issue reference, an autolinked address, a table pipe, code. (Links and
# images are refused in a title; test_code_fences_any_text shows them fenced regardless.)
MARKUP = "@octocat #1 GH-2 www.e.example | `x`"


def test_data_in_the_summary_is_shown_as_code(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repository, "river-ships.yaml", "title: {en: Decimetre positioning for river ships,", f"title: {{en: '{MARKUP}',")
    edit(repository, "river-ships.yaml", "status: reconstructed", "status: proposed")
    edit(repository, "river-ships.yaml", "provenance: illustrative", "provenance: community")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == summary(
        "0 added, 0 removed, 1 changed.",
        Changed=[
            f"- `river-ships`: `` {MARKUP} ``",
            "  - title (en)",
            "  - status: `reconstructed` → `proposed`",
            "  - provenance: `illustrative` → `community`",
            "  - updated: unchanged (`2024-01-15`); set it to the date of this change",
        ],
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "`plain`"),
        ("a `tick`", "`` a `tick` ``"),
        ("``two``", "``` ``two`` ```"),
        ("`", "`` ` ``"),
        ("line\nbreak", "`line break`"),
        ("esc\x1b[2J", "`esc\\x1b[2J`"),
        ("<b>&amp;</b>", "`<b>&amp;</b>`"),
        (
            "![x](https://e.example/t.png) [a](https://e.example) <https://e.example>",
            "`![x](https://e.example/t.png) [a](https://e.example) <https://e.example>`",
        ),
    ],
)
def test_code_fences_any_text(text: str, shown: str) -> None:
    assert code(text) == shown


def test_a_revision_with_backticks_stays_code(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repository, "branch", "we`ird")
    assert main(["diff", "we`ird", "--root", str(repository)]) == 0
    assert capsys.readouterr().out == "### Scenario changes since ``we`ird``\n\nNo scenario changed.\n"


def test_file_names_that_are_not_ascii_in_the_base_revision(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """git quotes such names unless asked not to; the old files must still be found and read."""
    (repository / "scenarios" / "说明.md").write_text("# 场景\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "a note")
    edit(repository, "river-ships.yaml", "status: reconstructed", "status: proposed")
    edit(repository, "river-ships.yaml", "provenance: illustrative", "provenance: community")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "- `river-ships`: `Decimetre positioning for river ships`\n  - status: `reconstructed` → `proposed`\n  - provenance: `illustrative` → `community`\n"
        "  - updated: unchanged (`2024-01-15`); set it to the date of this change\n"
    )


def test_an_old_scenario_file_named_in_chinese_is_listed_by_file(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (repository / "scenarios" / "fire-watch.yaml").read_text(encoding="utf-8")
    (repository / "scenarios" / "江津`x.yaml").write_text(text, encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "a file the checks refuse")
    (repository / "scenarios" / "江津`x.yaml").unlink()
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    out = capsys.readouterr().out
    assert "so changes are listed by file." in out
    assert out.endswith("**Removed**\n\n- ``江津`x``\n")


def test_problems_in_todays_files_stay_out_of_the_summary(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary is Markdown on a page reviewers trust; the problems (which quote data) go to the
    error stream, where the check step's annotations are, and never into the summary."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    edit(repository, "river-ships.yaml", "status: reconstructed", 'status: "<img src=https://evil.example/t.png> **Approved**"')
    assert main(["diff", "HEAD", "--root", str(repository)]) == 1
    out, err = capsys.readouterr()
    assert out == "**The scenario files have 1 problem(s)**; the check step lists them.\n"
    assert "scenarios/river-ships.yaml:12:9: status:" in err


@pytest.fixture
def real_repository(tmp_path: Path) -> Path:
    """The real catalogue, committed in a repository of its own, tianmu-nowcasting last updated on
    a day of its own (what the tests below expect, whatever day the record says now)."""
    project = tmp_path / "real"
    real_project(project)
    record = project / "scenarios" / "tianmu-nowcasting.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^updated: .*$", "updated: 2026-12-01", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    return project


def test_lists_of_texts_and_records_say_which_item_changed_and_how(
    real_repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word changed in a piece of evidence, a user group or a constraint is said as a text's
    change is, at the item's place; an item added or removed is quoted; never a Python object."""
    name = "tianmu-nowcasting.yaml"
    edit(real_repository, name, "is China's first commercial", "is China's first private commercial")
    edit(real_repository, name, "    zh: 面向公众的预警只能通过", "    zh: 面向公众的预警仅通过")
    edit(
        real_repository,
        name,
        "evidence:\n",
        "evidence:\n  - text: {en: A new fact., zh: 新的事实。}\n    source: cqrb-2024-08-31\n",
    )
    users = '  - en: "Forecasters:'
    emergency = '  - en: "Emergency management officers:'
    text = (real_repository / "scenarios" / name).read_text(encoding="utf-8")
    forecasters = text[text.index(users) : text.index(emergency)]
    edit(real_repository, name, forecasters, "")  # the first user group removed
    assert main(["diff", "HEAD", "--root", str(real_repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "- `tianmu-nowcasting`: `Local rainstorm forecasting with Tianmu-1 radio-occultation data`\n"
        "  - users[0]: `Forecasters: occultation profiles over and around Chongqing in their models, to see a rainstorm forming earlier.`"
        " / `预报员：须将重庆及周边地区掩星廓线数据用于数值模式，据以更早研判暴雨形成。` removed\n"
        "  - constraints[0] (zh)\n"
        "  - evidence[0]: {text: `A new fact.` / `新的事实。`, source: `cqrb-2024-08-31`} added, evidence[1] (text (en))\n"
        "  - updated: unchanged (`2026-12-01`); set it to the date of this change\n"
    )


def test_a_list_of_texts_reordered_is_said_reordered(real_repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "tianmu-nowcasting.yaml"
    text = (real_repository / "scenarios" / name).read_text(encoding="utf-8")
    start, middle, end = (text.index(mark) for mark in ('  - en: "Forecasters:', '  - en: "Emergency', "requirements:\n"))
    swapped = text[:start] + text[middle:end] + text[start:middle] + text[end:]
    (real_repository / "scenarios" / name).write_text(swapped, encoding="utf-8")
    assert main(["diff", "HEAD", "--root", str(real_repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "  - users: reordered\n  - updated: unchanged (`2026-12-01`); set it to the date of this change\n"
    )


def test_a_figure_credited_to_another_source_asks_for_that_source_to_be_checked(
    real_repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The figure stands, but on a source that was not checked for it."""
    name = "tianmu-nowcasting.yaml"
    cited = "unit: profiles-per-day}\n    source: people-cn-2025-01-03\n"
    edit(real_repository, name, cited, cited.replace("people-cn-2025-01-03", "people-cn-2023-11-23"))
    edit(real_repository, name, "updated: 2026-12-01", "updated: 2026-12-02")
    assert main(["diff", "HEAD", "--root", str(real_repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "  - updated: `2026-12-01` → `2026-12-02`\n"
        "  - requirement R1 changed: source: `people-cn-2025-01-03` → `people-cn-2023-11-23`"
        " (check it gives the target {metric: `profiles-per-day`, op: `>=`, value: `30000`, unit: `profiles-per-day`})\n"
    )


def test_a_figure_changed_with_its_source_asks_once(real_repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "tianmu-nowcasting.yaml"
    cited = "value: 30000, unit: profiles-per-day}\n    source: people-cn-2025-01-03\n"
    edit(real_repository, name, cited, cited.replace("30000", "35000").replace("people-cn-2025-01-03", "people-cn-2023-11-23"))
    edit(real_repository, name, "updated: 2026-12-01", "updated: 2026-12-02")
    assert main(["diff", "HEAD", "--root", str(real_repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "  - requirement R1 changed: target (value: `30000` → `35000`; cited: `people-cn-2023-11-23`, check the source says it),"
        " source: `people-cn-2025-01-03` → `people-cn-2023-11-23`\n"
    )


def test_a_cited_figure_that_changed_asks_for_its_source_to_be_checked(
    real_repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reviewer re-checks a figure against the source its requirement cites; a figure resting on
    a basis cites none. A record whose `updated` moved with the change needs no reminder."""
    name = "tianmu-nowcasting.yaml"
    edit(real_repository, name, "value: 30000, unit: profiles-per-day}", "value: 35000, unit: profiles-per-day}")
    edit(real_repository, name, "value: 30, unit: min, basis: illustrative", "value: 20, unit: min, basis: illustrative")
    edit(real_repository, name, "updated: 2026-12-01", "updated: 2026-12-02")
    added = (
        "  - id: R5\n    priority: should\n    kind: data\n"
        "    text: {en: Profiles shall be kept for a year., zh: 廓线数据应保存一年。}\n"
        '    target: {metric: profiles-per-day, op: ">=", value: 20000, unit: profiles-per-day}\n'
        "    source: people-cn-2025-01-03\n"
    )
    edit(real_repository, name, "constraints:\n", added + "constraints:\n")
    assert main(["diff", "HEAD", "--root", str(real_repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "  - updated: `2026-12-01` → `2026-12-02`\n"
        "  - requirement R1 changed: target (value: `30000` → `35000`; cited: `people-cn-2025-01-03`, check the source says it)\n"
        "  - requirement R2 changed: target (value: `30` → `20`)\n"
        "  - requirement R5 added: target {metric: `profiles-per-day`, op: `>=`, value: `20000`, unit: `profiles-per-day`};"
        " cited: `people-cn-2025-01-03`, check the source says it\n"
    )


def test_a_record_changed_with_its_updated_date_unchanged_is_said(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pages and the feed date a record's change by `updated`: a change that leaves it is said."""
    edit(repository, "fire-watch.yaml", "domain: forestry", "domain: transport")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert capsys.readouterr().out.endswith(
        "  - domain: `forestry` → `transport`\n  - updated: unchanged (`2023-11-20`); set it to the date of this change\n"
    )
    # Changed again on the day it says, it is right
    today = dt.date.today().isoformat()
    edit(repository, "fire-watch.yaml", "updated: 2023-11-20", f"updated: {today}")
    git(repository, "commit", "-qam", "today")
    edit(repository, "fire-watch.yaml", "domain: transport", "domain: forestry")
    assert main(["diff", "HEAD", "--root", str(repository)]) == 0
    assert "updated: unchanged" not in capsys.readouterr().out
