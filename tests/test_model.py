"""The model is the one declaration: a field declared once reaches the checker, the JSON Schema,
the template of a new scenario, the page, the JSON, the CSV, the diff and the field reference,
through the one walk that all of them read."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest

from generator import model
from generator.addresses import Settings
from generator.build import vocabularies
from generator.cli import main
from generator.model import Example, Fact, Help, MaxChars, Unique, Vocabulary
from generator.schema import field_reference, scenario_schema
from tests.helpers import ROOT, edit, problems, rendered_files


@dataclass(frozen=True, kw_only=True)
class WithBudgetLine(model.Scenario):
    """A scenario record with one optional field more, declared here and nowhere else."""

    budget_line: Annotated[
        str | None,
        Help("The budget line the owner would fund it from.", "拟列支的预算科目。"),
        Example("transport-informatisation"),
        MaxChars(40),
        Fact("Budget line", "预算科目"),
    ] = None


@pytest.fixture
def budget_line(monkeypatch: pytest.MonkeyPatch, project: Path) -> Path:
    """The fixture project read with WithBudgetLine as the scenario record, river-ships having one."""
    monkeypatch.setattr(model, "Scenario", WithBudgetLine)
    edit(project, "river-ships.yaml", "status: reconstructed\n", "status: reconstructed\nbudget_line: waterway-fund\n")
    return project


def test_an_added_field_reaches_every_output(budget_line: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems(budget_line) == []

    schema = scenario_schema(vocabularies(budget_line))
    assert schema["properties"]["budget_line"] == {
        "type": "string",
        "minLength": 1,
        "maxLength": 40,
        "description": "The budget line the owner would fund it from. / 拟列支的预算科目。",
        "examples": ["transport-informatisation"],
    }
    assert "budget_line" not in schema["required"]
    assert "| `budget_line` | a text; at most 40 characters (optional · 可选) |" in field_reference()

    assert main(["new", "bus-lanes", "--domain", "transport", "--root", str(budget_line)]) == 0
    template = (budget_line / "scenarios" / "bus-lanes.yaml").read_text(encoding="utf-8")
    assert "# The budget line the owner would fund it from. (Optional.)\n# 拟列支的预算科目。（可选。）\n" in template
    assert "\n# budget_line: TODO\n" in template
    (budget_line / "scenarios" / "bus-lanes.yaml").unlink()

    files = rendered_files(budget_line, Settings())
    hidden = '<span class="visually-hidden">{}</span>'
    fact = f"<div><dt>Budget line{hidden.format(': ')}</dt><dd>waterway-fund{hidden.format('; ')}</dd></div>"
    assert fact in files["en/scenarios/river-ships.md"]
    assert (
        f"<div><dt>预算科目{hidden.format('：')}</dt><dd>waterway-fund{hidden.format('；')}</dd></div>"
        in files["zh/scenarios/river-ships.md"]
    )
    assert "<dt>Budget line" not in files["en/scenarios/fire-watch.md"]  # left out of the record, left off its page
    assert json.loads(files["en/scenarios/river-ships.json"])["budget_line"] == "waterway-fund"
    assert "budget_line" not in json.loads(files["en/scenarios/fire-watch.json"])
    rows = list(csv.DictReader(io.StringIO(files["en/catalogue.csv"].removeprefix("\ufeff"))))
    assert {row["scenario_id"]: row["budget_line"] for row in rows} == {"fire-watch": "", "river-ships": "waterway-fund"}
    assert (
        '<code>budget_line</code></td><td data-label="Meaning">The budget line the owner would fund it from.</td>'
        in files["en/data.md"]
    )
    assert '<code>budget_line</code></td><td data-label="含义">拟列支的预算科目。</td>' in files["zh/data.md"]

    for arguments in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "start"],
    ):
        subprocess.run(["git", "-C", str(budget_line), *arguments], check=True, capture_output=True)
    edit(budget_line, "river-ships.yaml", "budget_line: waterway-fund", "budget_line: river-fund")
    capsys.readouterr()
    assert main(["diff", "HEAD", "--root", str(budget_line)]) == 0
    assert capsys.readouterr().out.endswith(
        "- `river-ships`: `Decimetre positioning for river ships`\n  - budget_line: `waterway-fund` → `river-fund`\n"
        "  - updated: unchanged (`2024-01-15`); set it to the date of this change\n"
    )


def test_the_added_fields_rules_are_checked(budget_line: Path) -> None:
    edit(budget_line, "river-ships.yaml", "budget_line: waterway-fund", "budget_line: " + "x" * 41)
    assert problems(budget_line) == ["scenarios/river-ships.yaml:13:14: budget_line: 41 characters; the limit is 40, shorten it"]


def test_every_field_says_what_it_means_in_both_languages() -> None:
    for field in model.walk(model.Scenario):
        assert field.help.en and field.help.zh, field.path


def test_a_field_without_help_is_refused() -> None:
    @dataclass(frozen=True, kw_only=True)
    class Unexplained:
        name: str

    with pytest.raises(TypeError, match=r"Unexplained\.name has no Help"):
        model.fields(Unexplained)


def test_a_rule_that_is_not_a_rule_object_is_refused() -> None:
    @dataclass(frozen=True, kw_only=True)
    class Bare:
        tags: Annotated[tuple[str, ...], Help("Tags.", "标签。"), model.Unique] = ()  # the class, not Unique()

    with pytest.raises(TypeError, match=r"^Bare\.tags: <class 'generator\.model\.Unique'> is not a rule object$"):
        model.fields(Bare)


def test_a_rule_on_a_kind_it_is_not_checked_on_is_refused() -> None:
    @dataclass(frozen=True, kw_only=True)
    class Misplaced:
        share: Annotated[str | None, Help("Share.", "比例。"), model.Range(0, 1)] = None  # a text has no bounds

    with pytest.raises(TypeError, match=r"^Misplaced\.share: Range is not checked on a text$"):
        model.fields(Misplaced)


def test_a_misspelt_rule_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    # mypy reads no Annotated metadata: only the model's annotations, evaluated as its classes are made, catch it.
    source = Path(model.__file__).read_text(encoding="utf-8").replace("MinItems(1)\n", "MinItem(1)\n", 1)
    misspelt = types.ModuleType("misspelt")
    monkeypatch.setitem(sys.modules, "misspelt", misspelt)
    with pytest.raises(NameError, match="'MinItem' is not defined"):
        exec(compile(source, model.__file__, "exec", dont_inherit=True), misspelt.__dict__)
    bare = source.replace("MinItem(1)\n", "MinItems\n", 1)  # the class for its object: caught by the walk at import
    with pytest.raises(TypeError, match=r"^Scenario\.requirements: <class 'misspelt\.MinItems'> is not a rule object$"):
        exec(compile(bare, model.__file__, "exec", dont_inherit=True), misspelt.__dict__)


def test_a_rule_argument_of_the_wrong_type_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(model.__file__).read_text(encoding="utf-8")
    wrong = types.ModuleType("wrong")
    monkeypatch.setitem(sys.modules, "wrong", wrong)
    for declared, typo, message in (
        ("MinItems(1)\n", 'MinItems("1")\n', "MinItems(count='1'): expected int"),
        ('Vocabulary("metrics")', 'Vocabulary("metric")', "Vocabulary(name='metric'): expected one of 'domains', "),
        ("Range(minimum=0)", "Range(minimum=True)", "Range(minimum=True): expected float | None"),
        ("Length(chars=120)", 'Length(chars="120")', "Length(chars='120'): expected int | None"),
    ):
        assert declared in source
        with pytest.raises(TypeError, match=f"^{re.escape(message)}"):
            exec(compile(source.replace(declared, typo, 1), model.__file__, "exec", dont_inherit=True), wrong.__dict__)


def test_the_walk_gives_paths_into_nested_records() -> None:
    paths = [field.path for field in model.walk(model.Scenario)]
    assert {"locations.codes", "requirements.target.unit", "evidence.source"} <= set(paths)
    assert paths.index("requirements") < paths.index("requirements.id") < paths.index("requirements.target.metric")


def test_the_diff_shows_an_optional_value_given_or_left_out(budget_line: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A value given where there was none printed the bare name, and a value left out Python's
    # None, a word no scenario file holds.
    for arguments in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "start"],
    ):
        subprocess.run(["git", "-C", str(budget_line), *arguments], check=True, capture_output=True)
    edit(budget_line, "river-ships.yaml", "budget_line: waterway-fund\n", "")
    edit(budget_line, "fire-watch.yaml", "status: proposed\n", "status: proposed\nbudget_line: forest-fund\n")
    capsys.readouterr()
    assert main(["diff", "HEAD", "--root", str(budget_line)]) == 0
    changes = [line for line in capsys.readouterr().out.splitlines() if "budget_line" in line]
    assert changes == ["  - budget_line: `forest-fund` added", "  - budget_line: `waterway-fund` removed"]


@dataclass(frozen=True, kw_only=True)
class WithPartners(model.Scenario):
    """A scenario record with an optional list of owners more, shown among the page's facts."""

    partners: Annotated[
        tuple[str, ...],
        Help("Other city bodies that share the need.", "共同提出需求的其他部门。"),
        Example(["forestry-bureau"]),
        Vocabulary("owners"),
        Unique(),
        Fact("Partners", "协作单位"),
    ] = ()


def test_a_listed_fact_is_shown_as_the_names_of_its_keys(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    # The page showed <dd>(&#39;forestry-bureau&#39;, &#39;transportation-commission&#39;)</dd>, the
    # tuple as Python writes it. A list of keys is shown as the page shows capabilities.
    monkeypatch.setattr(model, "Scenario", WithPartners)
    edit(
        project,
        "river-ships.yaml",
        "status: reconstructed\n",
        "status: reconstructed\npartners: [forestry-bureau, transportation-commission]\n",
    )
    assert problems(project) == []
    files = rendered_files(project, Settings())
    english, chinese = files["en/scenarios/river-ships.md"], files["zh/scenarios/river-ships.md"]
    assert (
        '<dt>Partners<span class="visually-hidden">: </span></dt>'
        "<dd>Chongqing Municipal Forestry Bureau, Chongqing Municipal Transport Bureau (now Chongqing Municipal Transportation Commission)<"
        in english  # a renamed owner as the page names it elsewhere
    )
    assert (
        '<dt>协作单位<span class="visually-hidden">：</span></dt><dd>重庆市林业局、重庆市交通局（现重庆市交通运输委员会）<'
        in chinese
    )
    assert "<dt>Partners" not in files["en/scenarios/fire-watch.md"]  # an empty list is left off the page


def test_a_fact_the_page_cannot_show_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    # facts are a scenario's own fields, written in words: a Fact on a requirement's field, or on
    # a record, was accepted at import and shown nowhere, or as Python writes the record.
    source = Path(model.__file__).read_text(encoding="utf-8")
    nested = types.ModuleType("nested_fact")
    monkeypatch.setitem(sys.modules, "nested_fact", nested)
    for declared, message in (
        (
            '        Column("requirement"),\n',
            "Requirement.text: a Fact is shown for a scenario's own fields only, not a Requirement's",
        ),
        (
            '    locations: Annotated[Locations, Help("Where the scenario applies.", "适用地点。")',
            "Scenario.locations: Fact is not checked on a mapping",
        ),
    ):
        assert source.count(declared) == 1, declared
        changed = source.replace(
            declared, declared.rstrip("\n") + (', Fact("A", "甲")' if declared.endswith(")") else '\n        Fact("A", "甲"),\n')
        )
        with pytest.raises(TypeError, match=f"^{re.escape(message)}"):
            exec(compile(changed, model.__file__, "exec", dont_inherit=True), nested.__dict__)


@pytest.mark.parametrize(
    ("value", "plain", "grouped"),
    [
        (20.0, "20", "20"),
        (0.2, "0.2", "0.2"),
        (35 * 0.01, "0.35", "0.35"),  # 0.35000000000000003 in binary
        (1234.5678, "1234.5678", "1,234.5678"),  # six significant digits would show 1,234.57
        (82400.0, "82400", "82,400"),
        (12_500_000.0, "12500000", "12,500,000"),
        (1e-09, "1e-09", "1e-09"),
        (-3.0, "-3", "-3"),
    ],
)
def test_a_figure_keeps_every_digit_a_record_holds_and_no_binary_noise(value: float, plain: str, grouped: str) -> None:
    """Pages, exports, the diff and the checker's messages all write a number this one way."""
    assert model.figure(value) == plain
    assert model.figure(value, "en") == grouped
    assert model.figure(value, "zh") == plain  # as Chinese texts write figures: 约1000个汉字


def test_a_unit_shows_a_target_value_with_every_digit() -> None:
    metre = vocabularies(ROOT).units["m"]
    assert metre.format(1234.5678, "en") == "1,234.5678 m"
    assert metre.format(0.2, "zh") == "0.2米"
    assert metre.format(82400, "zh") == "82400米"  # as Chinese texts write figures: 约1000个汉字
