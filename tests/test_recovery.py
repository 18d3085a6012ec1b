"""A file with a syntax error still gets its other problems in the same run (issue 10).

The block that holds the error is set aside and the rest of the file is checked; the fields set
aside count as reported: they are not said to be missing, and no rule that needs them runs. A
block is set aside only where nothing of it can have been meant for a field elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from generator.load import SCENARIO_OWN, LoadError, load, load_vocabularies
from generator.validate import check_file, check_vocabularies
from tests.helpers import ROOT, edit, problems

F = "scenarios/fire-watch.yaml"
NAME = "fire-watch.yaml"
UNCLOSED_LIST = (
    f"{F}:8:6: expected ',' or ']' here: a list or mapping in brackets is not closed; close it, or quote text holding brackets"
)
STATUSS = f"{F}:12:1: statuss: unknown key 'statuss'; did you mean 'status'? (expected one of {model.names(model.Scenario)})"
CAPABILITIES = "capabilities: [remote-sensing, satellite-navigation]"


def test_a_syntax_error_in_one_field_and_a_misspelt_key_in_another_are_both_reported(project: Path) -> None:
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "status: piloting", "statuss: piloting")
    assert problems(project) == [UNCLOSED_LIST, STATUSS]


def test_a_field_set_aside_is_not_said_to_be_missing_nor_checked_by_the_rules_that_need_it(project: Path) -> None:
    """`sources` does not parse, and a requirement cites one of them: it is not called unknown."""
    edit(project, NAME, "sources: [xinhuanet-cq-2023-03-24, ichongqing-2023-11-21]", "sources: [xinhuanet-cq-2023-03-24")
    edit(project, NAME, "status: piloting", "statuss: piloting")
    unclosed = f"{F}:40:1: expected ',' or ']' here: a list or mapping in brackets is not closed; close it, or quote text holding brackets"
    assert problems(project) == [STATUSS, unclosed]


def test_one_item_of_a_list_is_set_aside_and_the_list_is_not_checked_as_a_whole(project: Path) -> None:
    """An unclosed quote in one source of a block list: the other problems are found, and no
    requirement's source is called unknown, as the list is not known whole."""
    edit(
        project,
        NAME,
        "sources: [xinhuanet-cq-2023-03-24, ichongqing-2023-11-21]",
        'sources:\n  - xinhuanet-cq-2023-03-24\n  - "ichongqing',
    )
    edit(project, NAME, "status: piloting", "statuss: piloting")
    quote = f'{F}:41:5: a " opens a quoted text that is not closed on this line; close it or remove it'
    assert problems(project) == [STATUSS, quote]


def test_a_syntax_error_in_one_requirement_leaves_the_others_checked(project: Path) -> None:
    edit(
        project,
        NAME,
        "text: {en: Look every half hour., zh: 每半小时观测一次。}",
        "text: {en: Look every half hour., zh: 每半小时观测一次。",
    )
    edit(project, NAME, "value: 90, unit: percent", "value: 90, unit: min")
    assert problems(project) == [
        f"{F}:27:11: expected ',' or '}}' here: a list or mapping in brackets is not closed; close it, or quote text holding brackets",
        f"{F}:32:67: requirements[1].target.unit: 'min' measures time but recognition-rate is a ratio; expected one of percent",
    ]


def test_a_field_set_aside_keeps_the_place_of_those_after_it(project: Path) -> None:
    """A quote left open in the first requirement's kind: the second requirement is still
    requirements[1], and its id is checked against the first's."""
    edit(project, NAME, "    kind: performance\n    text: {en: Look", '    kind: "performance\n    text: {en: Look')
    edit(project, NAME, "  - id: R2", "  - id: R1")
    assert problems(project) == [
        f'{F}:25:11: a " opens a quoted text that is not closed on this line; close it or remove it',
        f"{F}:28:9: requirements[1].id: R1 is used twice; give each requirement its own id",
    ]  # only the first requirement's kind is set aside


def test_what_went_wrong_after_a_key_whose_value_is_below_sets_that_field_aside(project: Path) -> None:
    """A quote typed after `summary:`, whose texts are on the lines below."""
    edit(project, NAME, "summary:\n", 'summary: "\n')
    edit(project, NAME, "status: piloting", "statuss: piloting")
    assert problems(project) == [
        f'{F}:3:10: a " opens a quoted text that is not closed on this line; close it or remove it',
        STATUSS,
    ]


def test_a_key_without_its_colon_sets_aside_the_record_it_begins(project: Path) -> None:
    """`- id R1`: the first requirement is set aside, the second is checked."""
    edit(project, NAME, "  - id: R1", "  - id R1")
    edit(project, NAME, "value: 90, unit: percent", "value: 90, unit: min")
    assert problems(project) == [
        f"{F}:24:13: a ':' where a value was expected; put text containing ': ' in quotes",
        f"{F}:32:67: requirements[1].target.unit: 'min' measures time but recognition-rate is a ratio; expected one of percent",
    ]


def test_every_syntax_error_of_a_file_is_reported_with_the_rest(project: Path) -> None:
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "  zh: 火情发现晚，会沿坡迅速蔓延。", '  zh: "火情发现晚，会沿坡迅速蔓延。')
    edit(project, NAME, "status: piloting", "statuss: piloting")
    quote = f'{F}:18:7: a " opens a quoted text that is not closed on this line; close it or remove it'
    assert problems(project) == [UNCLOSED_LIST, STATUSS, quote]


def test_a_second_syntax_error_whose_block_cannot_be_set_aside_is_said_without_the_rest(project: Path) -> None:
    """A tab before a key: how deep it is meant is not known, so nothing is checked after the
    first syntax error but the second; the misspelt key comes in the next run."""
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "  zh: 火情发现晚，会沿坡迅速蔓延。", "\tzh: 火情发现晚，会沿坡迅速蔓延。")
    edit(project, NAME, "status: piloting", "statuss: piloting")
    tab = f"{F}:18:1: tab character; YAML is indented with spaces only, replace the tab with spaces"
    assert problems(project) == [UNCLOSED_LIST, tab]


def test_refused_characters_syntax_errors_and_the_rest_are_placed_in_the_file_as_it_is(project: Path) -> None:
    edit(project, NAME, "Fires found late", "Fires\u200b found late")
    edit(project, NAME, CAPABILITIES, "capabilities: [remote\u200b-sensing, satellite-navigation")
    edit(project, NAME, "status: piloting", "statuss: piloting")
    assert problems(project) == [
        f"{F}:7:22: invisible character U+200B (ZERO WIDTH SPACE); delete it",
        UNCLOSED_LIST,
        STATUSS,
        f"{F}:17:12: invisible character U+200B (ZERO WIDTH SPACE); delete it",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (CAPABILITIES, CAPABILITIES.rstrip("]"), UNCLOSED_LIST),
        (
            "  zh: 卫星每30分钟对全市开展一次热点监测。",
            "\tzh: 卫星每30分钟对全市开展一次热点监测。",
            f"{F}:5:1: tab character; YAML is indented with spaces only, replace the tab with spaces",
        ),
        (
            "  en: Fires found late spread quickly uphill.",
            '  en: "Fires found late spread quickly uphill.',
            f'{F}:17:7: a " opens a quoted text that is not closed on this line; close it or remove it',
        ),
        (
            "  zh: 卫星每30分钟对全市开展一次热点监测。",
            "   zh: 卫星每30分钟对全市开展一次热点监测。",
            f"{F}:5:6: wrong indentation: this line is indented deeper than 'en' at {F}:4:3, so it would belong to 'en', "
            "which has its value already; indent it as far as 'en' to make it a field beside it",
        ),
    ],
    ids=["unclosed-bracket", "tab", "unclosed-quote", "bad-indent"],
)
def test_a_file_whose_only_problem_is_a_syntax_error_gets_that_one_problem(
    project: Path, old: str, new: str, expected: str
) -> None:
    edit(project, NAME, old, new)
    assert problems(project) == [expected]


def test_a_key_indented_as_no_field_can_be_sets_nothing_aside(project: Path) -> None:
    """`id` indented under `locations`: a requirement has an id too, so the line may be meant at
    another level than the file's; setting `locations` aside would call it missing. Only the
    syntax error is said (the unknown owner comes in the next run)."""
    edit(project, NAME, "status: piloting", "   id: fire-watch-2\nstatus: piloting")
    edit(project, NAME, "owner: forestry-bureau", "owner: nobody")
    assert problems(project) == [
        f"{F}:12:6: wrong indentation: this line is indented deeper than 'codes' at {F}:11:3, so it would belong to "
        "'codes', which has its value already; indent it as far as 'codes' to make it a field beside it"
    ]


def test_a_key_only_the_file_has_is_said_to_start_in_column_1_and_the_rest_is_checked(project: Path) -> None:
    """`status` is no field of anything inside the file: indented under `locations`, it can only
    be meant in column 1, so the file is checked with it there."""
    edit(project, NAME, "status: piloting", "   status: piloting")
    edit(project, NAME, "owner: forestry-bureau", "owner: nobody")
    assert problems(project) == [
        f"{F}:8:8: owner: 'nobody' is not a known owner; expected a key of scenarios/vocabularies/owners.yaml: transportation-commission, forestry-bureau",
        f"{F}:12:4: wrong indentation: 'status' is a field of the file, so this line starts in column 1, as far as 'locations' at {F}:9:1",
    ]


def test_a_vocabulary_with_a_syntax_error_gets_its_other_problems_and_is_not_used(project: Path) -> None:
    """Its keys are not known whole, so no scenario is told that a key of it is unknown."""
    path = project / "scenarios" / "vocabularies" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", '  language: "en\n', 1).replace("  language: zh\n", "  language: zz\n", 1)
    path.write_text(text, encoding="utf-8")
    found = problems(project)
    assert found == [
        'scenarios/vocabularies/sources.yaml:5:13: a " opens a quoted text that is not closed on this line; close it or remove it',
        "scenarios/vocabularies/sources.yaml:11:13: xinhuanet-cq-2023-03-24.language: 'zz' is not allowed; did you mean 'zh'? (expected one of en, zh)",
    ]


@pytest.mark.parametrize("name", ["tianmu-nowcasting.yaml", "geohazard-beidou-monitoring.yaml"])
def test_no_break_of_one_line_of_a_valid_file_adds_any_problem_to_its_syntax_errors(tmp_path: Path, name: str) -> None:
    """Each line of a real file broken in turn (a tab before it, a quote or a bracket opened after
    its key): whether or not its block could be set aside, the file gets its syntax errors only."""
    vocabularies, _ = check_vocabularies(load_vocabularies(ROOT))
    lines = (ROOT / "scenarios" / name).read_text(encoding="utf-8").split("\n")
    file, recovered = tmp_path / name, 0
    for number, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        breaks = ["\t" + line.lstrip(" "), line.replace(": ", ': "', 1), line.replace(": ", ": [", 1)]
        for broken in dict.fromkeys(breaks):
            file.write_text("\n".join([*lines[:number], broken, *lines[number + 1 :]]), encoding="utf-8")
            try:
                document = load(file, f"scenarios/{name}")
            except LoadError:  # no block could be set aside: the syntax error alone, as before
                continue
            checked = check_file(document, vocabularies)
            assert checked.problems == list(document.syntax), broken
            recovered += bool(document.syntax)
    assert recovered > 100  # most breaks are recovered from


S = "scenarios/river-ships.yaml"
DEEPER = "wrong indentation: this line is indented deeper than '{key}' at {at}, so it would belong to '{key}', which has its value already; indent it as far as '{key}' to make it a field beside it"


def test_a_field_of_the_file_indented_too_deep_is_moved_back_and_the_rest_is_checked(project: Path) -> None:
    """The message says where the line goes, and a field of the file can go nowhere else: the
    file is checked as its contributor will fix it, each problem where it is in the file (the
    moved lines' columns too). Before, the misspelt key and the second slip came a run later."""
    edit(project, "river-ships.yaml", "status: reconstructed\nreleased:", "status: reconstructed\n  released:")
    edit(project, "river-ships.yaml", "    priority: should\n", "    prioirty: should\n")
    edit(project, "river-ships.yaml", "updated: 2024-", "    updated: 2024-")
    edit(project, "river-ships.yaml", "provenance: illustrative", "provenance: illustrative\n  provenance: community")
    assert problems(project) == [
        f"{S}:13:11: {DEEPER.format(key='status', at=f'{S}:12:1')}",
        f"{S}:14:12: wrong indentation: this line is indented deeper than 'released' at {S}:13:3, so it would belong to 'released', which has its value already; indent it as far as 'released' to make it a field beside it",
        f"{S}:16:3: provenance: duplicate key 'provenance'; it is already set on line 15, keep one",
        f"{S}:16:13: {DEEPER.format(key='provenance', at=f'{S}:15:1')}",
        f"{S}:36:5: requirements[1].prioirty: unknown key 'prioirty'; did you mean 'priority'? (expected one of id, priority, kind, text, target, source)",
    ]


def test_a_field_of_a_record_indented_too_deep_is_said_alone(project: Path) -> None:
    """Deeper than a field inside a record, a line may be meant beside that field or at a level
    further out: neither can be checked without guessing, so only the slip is said."""
    edit(
        project,
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.\n  zh:",
        "  en: Show accuracy measured on a river section.\n    zh:",
    )
    edit(project, "river-ships.yaml", "    priority: should\n", "    prioirty: should\n")
    assert problems(project) == [f"{S}:47:7: {DEEPER.format(key='en', at=f'{S}:46:3')}"]


KEYS = model.names(model.Scenario)
SLIP = "wrong indentation: '{key}' is a field of the file, so this line starts in column 1, as far as '{first}' at {S}:{at}:1"
TOO_DEEP = "{path}: unknown key '{key}'; it is a field of the file, and this line is indented too deep; indent it as far as '{holder}' at {S}:{at}:1"
SLIPS = [  # a field of the file whose line alone is indented deeper, and what is said of it
    (
        "after-a-list-of-records",
        "constraints:",
        "  constraints:",
        f"{S}:43:3: " + SLIP.format(key="constraints", first="requirements", S=S, at=28),
    ),
    ("as-deep-as-a-text-above", "users:", "    users:", f"{S}:25:5: " + SLIP.format(key="users", first="problem", S=S, at=16)),
    (
        "above-a-field-of-its-own",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}\nhow_to_respond:",
        "constraints:\n  - en: BeiDou only.\n    zh: 仅限北斗。\n    how_to_respond:",
        f"{S}:46:5: " + SLIP.format(key="how_to_respond", first="constraints", S=S, at=43),
    ),
    (  # valid YAML: the keys below it are read as the text's, not said as duplicates
        "under-a-text",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}\nsummary:",
        "title:\n  en: Decimetre positioning for river ships\n  zh: 内河船舶分米级定位\n  summary:",
        f"{S}:5:3: " + TOO_DEEP.format(path="title.summary", key="summary", holder="title", S=S, at=2),
    ),
    (  # valid YAML: the items below it are read as the list's, not said as users missing en and zh
        "as-the-last-field-of-a-list-item",
        "requirements:",
        "    requirements:",
        f"{S}:28:5: " + TOO_DEEP.format(path="users[0].requirements", key="requirements", holder="users", S=S, at=25),
    ),
]


@pytest.mark.parametrize(("old", "new", "said"), [case[1:] for case in SLIPS], ids=[case[0] for case in SLIPS])
def test_a_field_of_the_file_that_slipped_is_said_once_and_the_rest_is_checked(
    project: Path, old: str, new: str, said: str
) -> None:
    """The contributor indented one line: it is said once, and the rest of the file is checked as
    it will be once that line is moved back (a misspelt key further down is said in the same run)."""
    edit(project, "river-ships.yaml", old, new)
    edit(project, "river-ships.yaml", "sources: [", "sourcse: [")
    misspelt = f"{S}:{48 + new.count(chr(10)) - old.count(chr(10))}:1: sourcse: unknown key 'sourcse'; did you mean 'sources'? (expected one of {KEYS})"
    assert problems(project) == [said, misspelt]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(path.name for path in (ROOT / "scenarios").glob("*.yaml")))
def test_no_field_of_the_file_indented_too_deep_hides_another_problem(tmp_path: Path, name: str) -> None:
    """Each field of a real file indented in turn by 1, 2 and 4 columns, with another field's key
    misspelt: the slip is said once, and everything the misspelling alone gets is said too."""
    vocabularies, _ = check_vocabularies(load_vocabularies(ROOT))
    lines = (ROOT / "scenarios" / name).read_text(encoding="utf-8").split("\n")
    fields = [number for number, line in enumerate(lines) if number and line[:1].isalpha()]
    file = tmp_path / name

    def said(text: list[str]) -> list[str]:
        file.write_text("\n".join(text), encoding="utf-8")
        try:
            return [str(problem) for problem in check_file(load(file, f"scenarios/{name}", SCENARIO_OWN), vocabularies).problems]
        except LoadError as error:
            return [str(problem) for problem in error.problems]

    for number in fields:
        other = fields[fields.index(number) - 1]  # the field above, or the last one for the first
        misspelt = [*lines[:other], lines[other].replace(":", "x:", 1), *lines[other + 1 :]]
        alone = said(misspelt)
        for depth in (1, 2, 4):
            slipped = [*misspelt[:number], " " * depth + misspelt[number], *misspelt[number + 1 :]]
            found = said(slipped)
            assert len(found) == len(alone) + 1 and set(alone) <= set(found), slipped[number]
