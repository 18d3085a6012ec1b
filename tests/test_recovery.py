"""A file with a syntax error still gets its other problems in the same run (issue 10).

The block that holds the error is set aside and the rest of the file is checked; the fields set
aside count as reported: they are not said to be missing, and no rule that needs them runs. A
block is set aside only where nothing of it can have been meant for a field elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import model
from generator.load import SCENARIO_OWN, LoadError, load, load_vocabularies
from generator.validate import check_file, check_vocabularies
from tests.helpers import ROOT, edit, problems

F = "scenarios/fire-watch.yaml"
NAME = "fire-watch.yaml"
UNCLOSED = "the '{}' here is not closed on its line, so YAML reads the lines below as part of it; end it with '{}' on this line"
UNCLOSED_LIST = f"{F}:7:15: capabilities: {UNCLOSED.format('[', ']')}"  # and the rest is checked as closed there
STATUSS = f"{F}:12:1: statuss: unknown key 'statuss'; did you mean 'status'? (expected one of {model.names(model.Scenario)})"
CAPABILITIES = "capabilities: [remote-sensing, satellite-navigation]"


def test_a_syntax_error_in_one_field_and_a_misspelt_key_in_another_are_both_reported(project: Path) -> None:
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "status: proposed", "statuss: proposed")
    assert problems(project) == [UNCLOSED_LIST, STATUSS]


def test_a_field_set_aside_is_not_said_to_be_missing_nor_checked_by_the_rules_that_need_it(project: Path) -> None:
    """`sources` does not parse, and a requirement cites one of them: it is not called unknown."""
    edit(project, NAME, "sources: [xinhuanet-cq-2023-03-24, ichongqing-2023-11-21]", "sources: [xinhuanet-cq-2023-03-24")
    edit(project, NAME, "status: proposed", "statuss: proposed")
    unclosed = f"{F}:39:10: sources: {UNCLOSED.format('[', ']')}"
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
    edit(project, NAME, "status: proposed", "statuss: proposed")
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
        f"{F}:26:11: requirements[0].text: {UNCLOSED.format('{', '}')}",
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
    edit(project, NAME, "status: proposed", "statuss: proposed")
    assert problems(project) == [
        f'{F}:3:10: a " opens a quoted text that is not closed on this line; close it or remove it',
        STATUSS,
    ]


def test_a_field_without_its_colon_is_said_so_and_the_rest_is_checked(project: Path) -> None:
    """`- id R1`: the colon is added, and the requirement checked with the others (was: "a ':'
    where a value was expected" on the line below, and the requirement set aside)."""
    edit(project, NAME, "  - id: R1", "  - id R1")
    edit(project, NAME, "value: 90, unit: percent", "value: 90, unit: min")
    assert problems(project) == [
        f"{F}:23:7: requirements[0].id: 'id' has no colon after it, so YAML reads the line as text; write 'id: R1'",
        f"{F}:32:67: requirements[1].target.unit: 'min' measures time but recognition-rate is a ratio; expected one of percent",
    ]


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "status: proposed",
            "status proposed",
            "12:7: status: 'status' has no colon after it, so YAML reads the line as text; write 'status: proposed'",
        ),
        (  # below a text, which YAML could read it as more of
            "domain: forestry",
            "domain forestry",
            "6:7: domain: 'domain' has no colon after it, so YAML reads the line as text; write 'domain: forestry'",
        ),
    ],
)
def test_a_field_of_the_file_without_its_colon_is_said_so_and_the_rest_is_checked(
    project: Path, old: str, new: str, said: str
) -> None:
    edit(project, NAME, old, new)
    edit(project, NAME, "owner: forestry-bureau", "owner: nobody")
    found = problems(project)
    assert f"{F}:{said}" in found and any("'nobody' is not a known owner" in problem for problem in found)
    assert len(found) == 2


def test_every_syntax_error_of_a_file_is_reported_with_the_rest(project: Path) -> None:
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "  zh: 火情发现晚，会沿坡迅速蔓延。", '  zh: "火情发现晚，会沿坡迅速蔓延。')
    edit(project, NAME, "status: proposed", "statuss: proposed")
    quote = f'{F}:18:7: a " opens a quoted text that is not closed on this line; close it or remove it'
    assert problems(project) == [UNCLOSED_LIST, STATUSS, quote]


def test_a_second_syntax_error_whose_block_cannot_be_set_aside_is_said_with_what_is_above_it(project: Path) -> None:
    """A tab before a key: how deep it is meant is not known, so nothing below it is checked; the
    list left open above it is checked as closed, and the misspelt key between them is said."""
    edit(project, NAME, CAPABILITIES, CAPABILITIES.rstrip("]"))
    edit(project, NAME, "  zh: 火情发现晚，会沿坡迅速蔓延。", "\tzh: 火情发现晚，会沿坡迅速蔓延。")
    edit(project, NAME, "status: proposed", "statuss: proposed")
    tab = f"{F}:18:1: tab character; YAML is indented with spaces only, replace the tab with spaces"
    assert problems(project) == [UNCLOSED_LIST, STATUSS, tab]


def test_refused_characters_syntax_errors_and_the_rest_are_placed_in_the_file_as_it_is(project: Path) -> None:
    edit(project, NAME, "Fires found late", "Fires\u200b found late")
    edit(project, NAME, CAPABILITIES, "capabilities: [remote\u200b-sensing, satellite-navigation")
    edit(project, NAME, "status: proposed", "statuss: proposed")
    assert problems(project) == [
        UNCLOSED_LIST,
        f"{F}:7:22: invisible character U+200B (ZERO WIDTH SPACE); delete it",
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
            f"{F}:5:4: summary.zh: wrong indentation: this line is indented deeper than 'en' at {F}:4:3, so it would belong to 'en', "
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
    edit(project, NAME, "status: proposed", "   id: fire-watch-2\nstatus: proposed")
    edit(project, NAME, "owner: forestry-bureau", "owner: nobody")
    assert problems(project) == [
        f"{F}:12:4: wrong indentation: this line is indented deeper than 'codes' at {F}:11:3, so it would belong to "
        "'codes', which has its value already; indent it as far as 'codes' to make it a field beside it"
    ]


def test_a_key_only_the_file_has_is_said_to_start_in_column_1_and_the_rest_is_checked(project: Path) -> None:
    """`status` is no field of anything inside the file: indented under `locations`, it can only
    be meant in column 1, so the file is checked with it there."""
    edit(project, NAME, "status: proposed", "   status: proposed")
    edit(project, NAME, "owner: forestry-bureau", "owner: nobody")
    assert problems(project) == [
        f"{F}:8:8: owner: 'nobody' is not a known owner; expected a key of scenarios/vocabularies/owners.yaml: transportation-commission, forestry-bureau",
        f"{F}:12:4: status: wrong indentation: 'status' is a field of the file, so this line starts in column 1, as far as 'locations' at {F}:9:1",
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
            checked = check_file(document, vocabularies)  # each syntax error given the field it is in, if a value's
            said = [(p.line, p.column, p.message) for p in checked.problems]
            assert said == [(p.line, p.column, p.message) for p in document.syntax], broken
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
        f"{S}:13:3: released: {DEEPER.format(key='status', at=f'{S}:12:1')}",
        f"{S}:14:5: updated: wrong indentation: this line is indented deeper than 'released' at {S}:13:3, so it would belong to 'released', which has its value already; indent it as far as 'released' to make it a field beside it",
        f"{S}:16:3: provenance: duplicate key 'provenance'; it is already set on line 15, keep one",
        f"{S}:16:3: provenance: {DEEPER.format(key='provenance', at=f'{S}:15:1')}",
        f"{S}:36:5: requirements[1].prioirty: unknown key 'prioirty'; did you mean 'priority'? (expected one of id, priority, kind, text, target, source)",
    ]


TAB = "tab character; YAML is indented with spaces only, replace the tab with spaces"
TARGET = '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}'
BLOCK_TARGET = (
    '    target:\n      metric: security-level\n      op: ">="\n      value: 3\n      unit: level\n      basis: typical'
)
RECORD_SLIPS = [  # a key of a record indented otherwise than its siblings, where the model says it belongs
    (
        "deeper-than-its-sibling",
        "    kind: security",
        "      kind: security",
        f"{S}:36:7: requirements[1].kind: {DEEPER.format(key='priority', at=f'{S}:35:5')}",
    ),
    (
        "deeper-in-a-block-target",
        TARGET,
        BLOCK_TARGET.replace("      unit", "        unit"),
        f"{S}:42:9: requirements[1].target.unit: {DEEPER.format(key='value', at=f'{S}:41:7')}",
    ),
    (
        "deeper-than-the-other-language-of-its-text",
        "  zh: 展示在某河段实测的精度。",
        "    zh: 展示在某河段实测的精度。",
        f"{S}:47:5: how_to_respond.zh: {DEEPER.format(key='en', at=f'{S}:46:3')}",
    ),
    (
        "the-last-line-of-the-file",
        "    source: ichongqing-2023-11-21",
        "      source: ichongqing-2023-11-21",
        f"{S}:51:7: evidence[0].source: {DEEPER.format(key='text', at=f'{S}:50:5')}",
    ),
    (  # a requirement's source below its target's last field: the requirement's, not the target's
        "beside-a-key-further-out",
        TARGET,
        BLOCK_TARGET + "\n        source: ichongqing-2023-11-21",
        f"{S}:44:9: requirements[1].source: wrong indentation: this line is indented deeper than 'basis' at {S}:43:7, so it would belong to 'basis', "
        "which has its value already; 'source' is not a field of the mapping of 'basis' but of that of 'target': "
        f"indent it as far as 'target' at {S}:38:5 to make it a field beside it",
    ),
    (  # was said on the line below: 'unit' deeper than 'value', indent it as far as 'value'
        "too-shallow-in-a-block-target",
        TARGET,
        BLOCK_TARGET.replace("      value", "    value"),
        f"{S}:41:5: requirements[1].target.value: wrong indentation: this line is indented less than 'op' at {S}:40:7 above it and 'unit' at {S}:42:7 "
        "below it; indent it as far as 'op' to make it a field beside them",
    ),
    ("a-tab-before-a-field-of-a-requirement", "    kind: security", "\tkind: security", f"{S}:36:1: {TAB}"),
    ("a-tab-after-spaces", "    kind: security", "  \tkind: security", f"{S}:36:3: {TAB}"),
    ("a-tab-before-a-language-of-a-text", "  zh: 展示在某河段实测的精度。", "\tzh: 展示在某河段实测的精度。", f"{S}:47:1: {TAB}"),
    (  # was said alone: the first key of a block goes as deep as its sibling on the next line
        "a-tab-before-the-first-key-of-a-block",
        "    text: {en: Protected systems., zh: 系统安全防护。}",
        "    text:\n\t  en: Protected systems.\n      zh: 系统安全防护。",
        f"{S}:38:1: {TAB}",
    ),
]


def _misspelt(old: str, new: str) -> str:
    line = 48 + new.count("\n") - old.count("\n")
    return (
        f"{S}:{line}:1: sourcse: unknown key 'sourcse'; did you mean 'sources'? (expected one of {model.names(model.Scenario)})"
    )


def _in_order(found: list[str]) -> list[str]:
    return sorted(found, key=lambda problem: [int(part) for part in problem.split(":")[1:3]])


@pytest.mark.parametrize(("old", "new", "said"), [case[1:] for case in RECORD_SLIPS], ids=[case[0] for case in RECORD_SLIPS])
def test_a_key_of_a_record_that_slipped_is_said_once_and_the_rest_is_checked(
    project: Path, old: str, new: str, said: str
) -> None:
    """Its siblings tell which record it is in, and the model which mapping around it has the
    key as a field that it lacks: the line is moved there (a tab replaced by the spaces that put
    it there), and the rest of the file is checked in the same run. Before, only the slip."""
    edit(project, "river-ships.yaml", old, new)
    edit(project, "river-ships.yaml", "sources: [", "sourcse: [")
    assert problems(project) == _in_order([said, _misspelt(old, new)])


LEFT_ALONE = [  # where the line goes is not sure: the slip is said alone, as before (the misspelling comes next run)
    (  # its sibling, text, is an evidence item's as well as a requirement's, and only a requirement has a kind
        "a-key-of-one-of-the-records-its-siblings-fit",
        "    source: ichongqing-2023-11-21",
        "      kind: data",
        f"{S}:51:7: {DEEPER.format(key='text', at=f'{S}:50:5')}",
    ),
    (
        "a-key-no-record-has",
        "    kind: security",
        "      kindd: security",
        f"{S}:36:7: {DEEPER.format(key='priority', at=f'{S}:35:5')}",
    ),
    (  # the requirement has its id, and so has the file
        "a-key-each-record-around-has",
        "    kind: security",
        "    kind: security\n      id: R9",
        f"{S}:37:7: {DEEPER.format(key='kind', at=f'{S}:36:5')}",
    ),
    (  # the first key of a block: the text below is its value, no sibling that says how deep it goes
        "a-tab-before-the-first-key-of-a-block-with-its-text-below",
        "  en: Show accuracy measured on a river section.",
        "\ten: |\n    Show accuracy: measured on a river section.",
        f"{S}:46:1: {TAB}",
    ),
]


@pytest.mark.parametrize(("old", "new", "said"), [case[1:] for case in LEFT_ALONE], ids=[case[0] for case in LEFT_ALONE])
def test_a_key_of_a_record_whose_place_is_not_sure_is_said_alone(project: Path, old: str, new: str, said: str) -> None:
    """A false problem is worse than a late one: moved nowhere, the rest waits for the next run."""
    edit(project, "river-ships.yaml", old, new)
    edit(project, "river-ships.yaml", "sources: [", "sourcse: [")
    assert problems(project) == [said]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (TARGET, BLOCK_TARGET.replace("      ", "        ")),  # deeper than usual, but all alike
        (
            "  en: Show accuracy measured on a river section.",
            "  en: |\n    Show accuracy measured on a river section.\n      unit: m",
        ),
        ("    kind: security", "    kind:    security"),
    ],
    ids=["a-block-indented-deeper-alike", "key-like-lines-in-a-text", "spaces-after-a-colon"],
)
def test_a_valid_file_indented_unusually_stays_valid(project: Path, old: str, new: str) -> None:
    edit(project, "river-ships.yaml", old, new)
    assert problems(project) == []


def test_a_key_after_a_misspelt_sibling_is_moved_beside_it(project: Path) -> None:
    """The keys the model knows tell the record (id: a requirement, inside the file), the
    misspelt one is said as well."""
    edit(project, "river-ships.yaml", "    priority: should\n    kind: security", "    prioirty: should\n      kind: security")
    edit(project, "river-ships.yaml", "sources: [", "sourcse: [")
    assert problems(project) == [
        f"{S}:35:5: requirements[1].prioirty: unknown key 'prioirty'; did you mean 'priority'? (expected one of id, priority, kind, text, target, source)",
        f"{S}:36:7: requirements[1].kind: {DEEPER.format(key='prioirty', at=f'{S}:35:5')}",
        _misspelt("", ""),
    ]


def test_a_vocabulary_entrys_field_that_slipped_is_moved_beside_its_siblings(project: Path) -> None:
    path = project / "scenarios" / "vocabularies" / "owners.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  name_confirmed: true\n  former_name", "    name_confirmed: true\n  former_name", 1
    )
    path.write_text(text.replace("重庆市林业局}\n  name_confirmed", "重庆市林业局}\n  name_confirmd"), encoding="utf-8")
    V = "scenarios/vocabularies/owners.yaml"
    assert problems(project) == [
        f"{V}:3:5: transportation-commission.name_confirmed: {DEEPER.format(key='name', at=f'{V}:2:3')}",
        f"{V}:7:3: forestry-bureau.name_confirmd: unknown key 'name_confirmd'; did you mean 'name_confirmed'? (expected one of name, name_confirmed, former_name, history)",
    ]


KEYS = model.names(model.Scenario)
SLIP = "wrong indentation: '{key}' is a field of the file, so this line starts in column 1, as far as '{first}' at {S}:{at}:1"
TOO_DEEP = "{path}: unknown key '{key}'; it is a field of the file, and this line is indented too deep; indent it as far as '{holder}' at {S}:{at}:1"
SLIPS = [  # a field of the file whose line alone is indented deeper, and what is said of it
    (
        "after-a-list-of-records",
        "constraints:",
        "  constraints:",
        f"{S}:43:3: constraints: " + SLIP.format(key="constraints", first="requirements", S=S, at=28),
    ),
    (
        "as-deep-as-a-text-above",
        "users:",
        "    users:",
        f"{S}:25:5: users: " + SLIP.format(key="users", first="problem", S=S, at=16),
    ),
    (
        "above-a-field-of-its-own",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}\nhow_to_respond:",
        "constraints:\n  - en: BeiDou only.\n    zh: 仅限北斗。\n    how_to_respond:",
        f"{S}:46:5: how_to_respond: " + SLIP.format(key="how_to_respond", first="constraints", S=S, at=43),
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


def _checker(folder: Path, name: str) -> Callable[[list[str]], list[str]]:
    """What the checker says of the lines of the real file `name` as edited, saved in `folder`."""
    vocabularies, _ = check_vocabularies(load_vocabularies(ROOT))
    file = folder / name

    def said(text: list[str]) -> list[str]:
        file.write_text("\n".join(text), encoding="utf-8")
        try:
            return [str(problem) for problem in check_file(load(file, f"scenarios/{name}", SCENARIO_OWN), vocabularies).problems]
        except LoadError as error:
            return [str(problem) for problem in error.problems]

    return said


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(path.name for path in (ROOT / "scenarios").glob("*.yaml")))
def test_no_field_of_the_file_indented_too_deep_hides_another_problem(tmp_path: Path, name: str) -> None:
    """Each field of a real file indented in turn by 1, 2 and 4 columns, with another field's key
    misspelt: the slip is said once, and everything the misspelling alone gets is said too."""
    said = _checker(tmp_path, name)
    lines = (ROOT / "scenarios" / name).read_text(encoding="utf-8").split("\n")
    fields = [number for number, line in enumerate(lines) if number and line[:1].isalpha()]

    for number in fields:
        other = fields[fields.index(number) - 1]  # the field above, or the last one for the first
        misspelt = [*lines[:other], lines[other].replace(":", "x:", 1), *lines[other + 1 :]]
        alone = said(misspelt)
        for depth in (1, 2, 4):
            slipped = [*misspelt[:number], " " * depth + misspelt[number], *misspelt[number + 1 :]]
            found = said(slipped)
            assert len(found) == len(alone) + 1 and set(alone) <= set(found), slipped[number]


def _record_keys(text: str) -> list[int]:
    """The lines (from 0) of each key of a block mapping inside a record that is not the first of
    its mapping: a field with a sibling above it."""
    found, todo = [], [yaml.compose(text)]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            found += [key.start_mark.line for key, _ in node.value[1:] if not node.flow_style and key.start_mark.column]
            todo += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
    return sorted(found)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(path.name for path in (ROOT / "scenarios").glob("*.yaml")))
def test_no_field_of_a_record_indented_too_deep_hides_another_problem(tmp_path: Path, name: str) -> None:
    """Each field of a record of a real file, after a sibling, indented in turn by 2 columns, with
    the file's field above it misspelt: the slip is said once, and everything the misspelling
    alone gets is said too."""
    said = _checker(tmp_path, name)
    text = (ROOT / "scenarios" / name).read_text(encoding="utf-8")
    lines = text.split("\n")

    fields = [number for number, line in enumerate(lines) if number and line[:1].isalpha()]
    for number in _record_keys(text):
        other = max(field for field in fields if field < number)  # the file's field that holds it
        other = fields[fields.index(other) - 1]  # and the one above that
        misspelt = [*lines[:other], lines[other].replace(":", "x:", 1), *lines[other + 1 :]]
        alone = said(misspelt)
        slipped = [*misspelt[:number], "  " + misspelt[number], *misspelt[number + 1 :]]
        found = said(slipped)
        assert len(found) == len(alone) + 1 and set(alone) <= set(found), (slipped[number], found)
