"""Values written as people write them in a letter, a Word file or with a Chinese input method
(2023/11/20, 0.2m, ≤2, 0,2, “reconstructed”, ２０, 领域:, [a，b]): each is one problem, where it
is, saying what to write. Only the message changes: what was valid stays valid.

Every case edits the valid fixture scenario `river-ships.yaml` in a fresh copy of the fixture
project, then runs the checker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from tests.helpers import edit, problems

S = "scenarios/river-ships.yaml"
KEYS = model.names(model.Scenario)
YMD = "is not a date: YAML reads dates as YYYY-MM-DD, write"
CURLY = "in curly quotes, which YAML reads as part of the value"
FULL = "written with full-width characters, which YAML does not read as digits, letters or signs"
COLON = "the full-width colon '：' after '{key}' is not YAML's colon; write '{key}: ...', with the ASCII colon ':' and a space"
ENGLISH = "field names are written in English, as in the template"
LIST = "in a list: YAML separates the items with ',' inside '[ ]'; write"
VALUE = f"{S}:33:60: requirements[0].target.value"
ABOUT = "holds a word saying it is approximate"
COMMENT = "YAML reads ' #' and the rest of its line as a comment, so those words are not in the text; put the whole text in quotes, or write the comment on a line of its own"
MEANT = "YAML reads ' #' and the rest of its line as a comment, so those words are not in the text; write a comment on a line of its own, or put the whole text in quotes if those words belong to it"
SINGLE = "put the whole text in single quotes"
COMMENTED = "a line of a block text that starts with '#' is neither a comment (YAML reads none inside a block) nor a heading (the page provides them); remove the '#' to keep its words, or move the comment above the text's key"

# (case id, [(old text, new text), ...], expected problems)
CASES = [
    (
        "date-with-slashes",
        [("released: 2023-11-20", "released: 2023/11/20")],
        [f"{S}:13:11: released: '2023/11/20' {YMD} 2023-11-20"],
    ),
    (
        "date-with-dots",
        [("released: 2023-11-20", "released: 2023.11.20")],
        [f"{S}:13:11: released: '2023.11.20' {YMD} 2023-11-20"],
    ),
    (
        "date-in-chinese",
        [("released: 2023-11-20", "released: 2023年11月20日")],
        [f"{S}:13:11: released: '2023年11月20日' {YMD} 2023-11-20"],
    ),
    (
        "date-in-chinese-with-spaces-and-single-digits",
        [("released: 2023-11-20", "released: 2023 年 1 月 5 日")],
        [f"{S}:13:11: released: '2023 年 1 月 5 日' {YMD} 2023-01-05"],
    ),
    (
        "date-day-first",
        [("released: 2023-11-20", "released: 20-11-2023")],
        [f"{S}:13:11: released: '20-11-2023' {YMD} 2023-11-20"],
    ),
    (
        "date-month-first",
        [("released: 2023-11-20", "released: 11/20/2023")],
        [f"{S}:13:11: released: '11/20/2023' {YMD} 2023-11-20"],
    ),
    (  # 5 November or 11 May: both are offered, the reader knows which
        "date-day-and-month-either-way",
        [("released: 2023-11-20", "released: 05/11/2023")],
        [f"{S}:13:11: released: '05/11/2023' {YMD} 2023-11-05 or 2023-05-11, the one you mean"],
    ),
    (
        "date-without-dashes",
        [("released: 2023-11-20", "released: 20231120")],
        [f"{S}:13:11: released: '20231120' {YMD} 2023-11-20"],
    ),
    (
        "date-with-hours-and-minutes",
        [("released: 2023-11-20", "released: 2023-11-20 10:00")],
        [f"{S}:13:11: released: a date is written without a time: write 2023-11-20"],
    ),
    (
        "date-with-a-t",
        [("released: 2023-11-20", "released: 2023-11-20T10:00")],
        [f"{S}:13:11: released: a date is written without a time: write 2023-11-20"],
    ),
    (
        "date-in-chinese-with-a-time",
        [("released: 2023-11-20", "released: 2023年11月20日 10:00")],
        [f"{S}:13:11: released: a date is written without a time: write 2023-11-20"],
    ),
    (  # the day is not known: nothing to suggest
        "date-without-a-day",
        [("released: 2023-11-20", "released: 2023年11月")],
        [f"{S}:13:11: released: expected a date like 2023-11-20, got the text '2023年11月'"],
    ),
    (
        "date-in-the-future-as-meant",  # the date meant would be refused too: what is said is what was written
        [("updated: 2024-01-15", "updated: 2999/01/15")],
        [f"{S}:14:10: updated: expected a date like 2023-11-20, got the text '2999/01/15'"],
    ),
    (
        "value-with-its-unit",
        [("value: 20, unit: cm", "value: 0.2m, unit: m")],
        [f"{VALUE}: '0.2m' holds its unit: write the number alone, value: 0.2, with the unit in unit: m"],
    ),
    (
        "value-with-a-space-and-its-unit",
        [("value: 20, unit: cm", "value: 20 cm, unit: cm")],
        [f"{VALUE}: '20 cm' holds its unit: write the number alone, value: 20, with the unit in unit: cm"],
    ),
    (
        "value-said-to-be-about",  # 约 (about): how a figure is meant goes in basis
        [("value: 20, unit: cm", "value: 约20, unit: cm")],
        [f"{VALUE}: '约20' {ABOUT}: write the number alone, value: 20, with how it is meant in basis (typical or illustrative)"],
    ),
    (
        "value-with-its-unit-and-said-to-be-about",
        [("value: 20, unit: cm", "value: 20厘米左右, unit: cm")],
        [
            f"{VALUE}: '20厘米左右' holds its unit and {ABOUT[6:]}: write the number alone, value: 20, with the unit in unit: cm and how it is meant in basis (typical or illustrative)"
        ],
    ),
    (
        "value-said-to-be-about-in-english",
        [("value: 20, unit: cm", "value: ~ 20, unit: cm")],
        [f"{VALUE}: '~ 20' {ABOUT}: write the number alone, value: 20, with how it is meant in basis (typical or illustrative)"],
    ),
    (
        "date-that-is-not-a-day",  # as meant (2023-02-30) it is no date either: the message says why
        [("released: 2023-11-20", "released: 2023/02/30")],
        [f"{S}:13:11: released: '2023/02/30' is not a real date: February 2023 has 28 days; expected a date like 2023-11-20"],
    ),
    (
        "date-in-chinese-with-no-such-month",
        [("released: 2023-11-20", "released: 2023年13月1日")],
        [f"{S}:13:11: released: '2023年13月1日' is not a real date: there is no month 13; expected a date like 2023-11-20"],
    ),
    (
        "languages-named-in-chinese",  # 英文/中文 for en/zh: said once each, the texts not also called missing
        [("  en: Show accuracy measured", "  英文: Show accuracy measured"), ("  zh: 展示", "  中文: 展示")],
        [
            f"{S}:46:3: how_to_respond.英文: '英文' names the English language; a text's languages are written en and zh: write en",
            f"{S}:47:3: how_to_respond.中文: '中文' names the Chinese language; a text's languages are written en and zh: write zh",
        ],
    ),
    (
        "language-named-in-english",
        [("{en: Protected systems., zh:", "{English: Protected systems., zh:")],
        [
            f"{S}:37:12: requirements[1].text.English: 'English' names the English language; a text's languages are written en and zh: write en"
        ],
    ),
    (
        "value-with-its-chinese-unit",  # the unit's Chinese symbol names its key
        [("value: 20, unit: cm", "value: 20厘米, unit: cm")],
        [f"{VALUE}: '20厘米' holds its unit: write the number alone, value: 20, with the unit in unit: cm"],
    ),
    (
        "value-with-a-unit-not-in-the-vocabulary",
        [("value: 20, unit: cm", "value: 20 metres, unit: cm")],
        [
            f"{VALUE}: '20 metres' holds its unit: write the number alone, value: 20, with the unit in unit (a key of scenarios/vocabularies/units.yaml)"
        ],
    ),
    (
        "value-with-its-comparison",
        [("value: 20, unit: cm", "value: ≤20, unit: cm")],
        [f"{VALUE}: '≤20' holds its comparison: write the number alone, value: 20, with the comparison in op: \"<=\""],
    ),
    (
        "value-with-its-comparison-in-quotes",
        [("value: 20, unit: cm", 'value: "<= 20", unit: cm')],
        [f"{VALUE}: '<= 20' holds its comparison: write the number alone, value: 20, with the comparison in op: \"<=\""],
    ),
    (
        "value-with-its-comparison-and-unit",
        [("value: 20, unit: cm", "value: ≤0.2 m, unit: cm")],
        [
            f"{VALUE}: '≤0.2 m' holds its comparison and its unit: write the number alone, value: 0.2, with the comparison in op: \"<=\" and the unit in unit: m"
        ],
    ),
    (
        "value-with-full-width-comparison-and-digits",
        [("value: 20, unit: cm", "value: ＜＝２０, unit: cm")],
        [f"{VALUE}: '＜＝２０' holds its comparison: write the number alone, value: 20, with the comparison in op: \"<=\""],
    ),
    (
        "value-with-a-decimal-comma",
        [
            (
                '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
                '    target:\n      metric: horizontal-accuracy\n      op: "<="\n      value: 0,2\n      unit: m\n      basis: typical\n',
            )
        ],
        [f"{S}:36:14: requirements[0].target.value: '0,2' has a decimal comma; write 0.2"],
    ),
    (
        "value-with-thousands-separators",
        [
            (
                '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
                '    target:\n      metric: horizontal-accuracy\n      op: "<="\n      value: 1,500\n      unit: cm\n      basis: typical\n',
            )
        ],
        [f"{S}:36:14: requirements[0].target.value: '1,500' has thousands separators; write 1500"],
    ),
    (
        "value-with-a-decimal-comma-and-its-unit",
        [
            (
                '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
                '    target:\n      metric: horizontal-accuracy\n      op: "<="\n      value: 0,2m\n      unit: m\n      basis: typical\n',
            )
        ],
        [
            f"{S}:36:14: requirements[0].target.value: '0,2m' holds its unit and a decimal comma: write the number alone, value: 0.2, with the unit in unit: m"
        ],
    ),
    (  # was: value 0, and an unknown key '2'
        "value-with-a-decimal-comma-in-braces",
        [("value: 20, unit: cm", "value: 0,2, unit: m")],
        [f"{VALUE}: '0,2' has a decimal comma, which YAML reads as the end of the value in braces; write 0.2"],
    ),
    (
        "value-with-thousands-separators-in-braces",
        [("value: 20, unit: cm", "value: 30,000, unit: cm")],
        [f"{VALUE}: '30,000' has thousands separators, which YAML reads as the end of the value in braces; write 30000"],
    ),
    (  # a unit is no part of a whole number that has no unit beside it: nothing to suggest
        "number-with-a-word-where-no-unit-goes",
        [("codes: [500101, 500105, 500230]", "codes: [500101, 500105 district, 500230]")],
        [
            f"{S}:11:19: locations.codes[1]: expected a key of scenarios/vocabularies/districts.yaml, got the text '500105 district'"
        ],
    ),
    (  # was: unknown key '领域', and domain missing
        "chinese-key-for-the-one-missing-field",
        [("domain: transport", "领域: transport")],
        [f"{S}:6:1: 领域: {ENGLISH}; write domain (the one field missing)"],
    ),
    (
        "chinese-key-in-a-requirement",
        [("    priority: should", "    优先级: should")],
        [f"{S}:35:5: requirements[1].优先级: {ENGLISH}; write priority (the one field missing)"],
    ),
    (  # two fields missing: which is which is not known, and both are said to be missing
        "chinese-keys-for-two-missing-fields",
        [("domain: transport", "领域: transport"), ("status: reconstructed", "状态: reconstructed")],
        [
            f"{S}:1:1: domain: required key 'domain' is missing; add domain: a key of scenarios/vocabularies/domains.yaml",
            f"{S}:1:1: status: required key 'status' is missing; add status: one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn",
            f"{S}:6:1: 领域: {ENGLISH}; expected one of {KEYS}",
            f"{S}:12:1: 状态: {ENGLISH}; expected one of {KEYS}",
        ],
    ),
    (  # nothing is missing: it is a key too many
        "chinese-key-added",
        [("status: reconstructed\n", "status: reconstructed\n备注: 无\n")],
        [f"{S}:13:1: 备注: {ENGLISH}; expected one of {KEYS}"],
    ),
    (
        "key-in-full-width-letters",
        [("domain: transport", "ｄｏｍａｉｎ: transport")],
        [f"{S}:6:1: domain: 'ｄｏｍａｉｎ' is {FULL}; write domain"],
    ),
    (  # was: unknown key 'metric：horizontal-accuracy', and metric missing
        "full-width-colon-in-a-mapping-in-braces",
        [("{metric: horizontal-accuracy, op", "{metric：horizontal-accuracy, op")],
        [f"{S}:33:20: requirements[0].target.metric: {COLON.format(key='metric')}"],
    ),
    (
        "full-width-comma-in-a-list",
        [("capabilities: [satellite-navigation]", "capabilities: [remote-sensing，satellite-navigation]")],
        [f"{S}:7:15: capabilities: '，' {LIST} [remote-sensing, satellite-navigation]"],
    ),
    (
        "enumeration-comma-in-a-list",
        [("capabilities: [satellite-navigation]", "capabilities: [remote-sensing、satellite-navigation]")],
        [f"{S}:7:15: capabilities: '、' {LIST} [remote-sensing, satellite-navigation]"],
    ),
    (
        "lenticular-brackets-around-a-list",
        [("capabilities: [satellite-navigation]", "capabilities: 【remote-sensing, satellite-navigation】")],
        [f"{S}:7:15: capabilities: '【' and '】' {LIST} [remote-sensing, satellite-navigation]"],
    ),
    (
        "full-width-brackets-and-commas-in-a-list-of-numbers",
        [("codes: [500101, 500105, 500230]", "codes: ［500101，500105，500230］")],
        [f"{S}:11:10: locations.codes: '［' and '，' and '］' {LIST} [500101, 500105, 500230]"],
    ),
    (
        "full-width-commas-without-brackets",
        [("capabilities: [satellite-navigation]", "capabilities: remote-sensing，satellite-navigation")],
        [f"{S}:7:15: capabilities: '，' {LIST} [remote-sensing, satellite-navigation]"],
    ),
    (  # a wrong key in the list is said as it is, not hidden behind the comma
        "full-width-comma-and-a-wrong-key",
        [("capabilities: [satellite-navigation]", "capabilities: [remote-sensng，satellite-navigation]")],
        [
            f"{S}:7:16: capabilities[0]: 'remote-sensng，satellite-navigation' is not a known capability; expected a key of scenarios/vocabularies/capabilities.yaml (did you mean 'satellite-navigation'?)"
        ],
    ),
    # From branch contrib (fa846b8): curly quotes and full-width characters around a value that is not prose
    (
        "choice-in-chinese-quotes",
        [("status: reconstructed", "status: “reconstructed”")],
        [f"{S}:12:9: status: '“reconstructed”' is {CURLY}; write reconstructed"],
    ),
    (
        "choice-in-single-curly-quotes",
        [("status: reconstructed", "status: ‘reconstructed’")],
        [f"{S}:12:9: status: '‘reconstructed’' is {CURLY}; write reconstructed"],
    ),
    (
        "key-in-corner-brackets",
        [("domain: transport", "domain: 「transport」")],
        [f"{S}:6:9: domain: '「transport」' is {CURLY}; write transport"],
    ),
    ("number-in-full-width-digits", [("value: 20, unit: cm", "value: ２０, unit: cm")], [f"{VALUE}: '２０' is {FULL}; write 20"]),
    (
        "decimal-in-full-width-digits",
        [("value: 20, unit: cm", "value: ０.２, unit: cm")],
        [f"{VALUE}: '０.２' is {FULL}; write 0.2"],
    ),
    ("number-in-curly-quotes", [("value: 20, unit: cm", "value: “20”, unit: cm")], [f"{VALUE}: '“20”' is {CURLY}; write 20"]),
    (
        "code-in-full-width-digits",
        [("codes: [500101, 500105, 500230]", "codes: [500101, ５００１０５, 500230]")],
        [f"{S}:11:19: locations.codes[1]: '５００１０５' is {FULL}; write 500105"],
    ),
    (
        "date-in-full-width-digits",
        [("released: 2023-11-20", "released: ２０２３-１１-２０")],
        [f"{S}:13:11: released: '２０２３-１１-２０' is {FULL}; write 2023-11-20"],
    ),
    (
        "date-in-chinese-and-full-width-digits",
        [("released: 2023-11-20", "released: ２０２３年１１月２０日")],
        [f"{S}:13:11: released: '２０２３年１１月２０日' {YMD} 2023-11-20"],
    ),
    ("id-in-full-width-letters", [("  - id: R2", "  - id: Ｒ2")], [f"{S}:34:9: requirements[1].id: 'Ｒ2' is {FULL}; write R2"]),
    (
        "operator-in-full-width-signs",
        [('op: "<=", value: 20', "op: ＜＝, value: 20")],
        [f"{S}:33:47: requirements[0].target.op: '＜＝' is {FULL}; write <="],
    ),
    (  # was: "write >=", which YAML reads as a block text
        "operator-in-full-width-signs-that-needs-quotes",
        [('op: ">=", value: 3', "op: ＞＝, value: 3")],
        [f"{S}:38:42: requirements[1].target.op: '＞＝' is {FULL}; write \">=\""],
    ),
    (  # was: "the tag !!value is not allowed", a tag nobody wrote
        "an-operator-yaml-reads-as-a-value-of-its-own",
        [('op: "<=", value: 20', "op: =, value: 20")],
        [f"{S}:33:47: requirements[0].target.op: YAML reads '=' written without quotes as a value of its own; write \"=\""],
    ),
    (  # was: "not valid YAML: while scanning for the next token found character that cannot start any token"
        "an-operator-and-a-unit-without-quotes",
        [('op: ">=", value: 3', "op: >=, value: 3"), ("    priority: should\n", "    priority: >\n")],
        [
            f"{S}:35:15: requirements[1].priority: a value that starts with '>' is read as the start of a block text, empty here; write it in quotes: \">\"",
            f"{S}:38:42: requirements[1].target.op: a value that starts with '>' is read as the start of a block text; write it in quotes: \">=\"",
        ],
    ),
    (  # wrong also when written in ASCII: what is wrong then is said
        "wrong-either-way",
        [("status: reconstructed", "status: “reconstructd”")],
        [
            f"{S}:12:9: status: '“reconstructd”' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)"
        ],
    ),
    # From branch contrib (3863af6): texts pasted under the other language
    (  # was: only 'title.zh: 45 characters; the limit is 40', as if the English title were too long a Chinese one
        "texts-swapped",
        [
            (
                "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
                "title: {en: 内河船舶分米级定位, zh: Decimetre positioning for ships on the rivers}",
            )
        ],
        [f"{S}:2:8: title: the en text is in Chinese and the zh text is not: swap them, English under en, Chinese under zh"],
    ),
    # From branch contrib (d8c2586): a list item written without its '- '
    (  # was: a duplicate key for each of the item's keys, five messages for one missing '- '
        "list-item-without-its-dash",
        [("  - id: R2\n", "    id: R2\n")],
        [
            f"{S}:34:5: requirements[0].id: 'id' and the keys after it are already set, from line 29: if a new item of the list starts here, write '- ' in the two spaces before 'id', as far as the '- ' above"
        ],
    ),
    (
        "key-set-twice-in-a-list-item",
        [("    kind: security\n", "    kind: security\n    priority: must\n")],
        [f"{S}:37:5: requirements[1].priority: duplicate key 'priority'; it is already set on line 35, keep one"],
    ),
    (  # YAML reads the line as text and fails on the next: was "expected 'key: value' here" at 13:1
        "full-width-colon-after-a-key",
        [("status: reconstructed", "status：reconstructed")],
        [f"{S}:12:7: status: {COLON.format(key='status')}"],
    ),
    (
        "full-width-space-after-a-key",
        [("status: reconstructed", "status:\u3000reconstructed")],
        [
            f"{S}:12:7: status: the full-width space after 'status:' is not a space to YAML; write 'status: ...', with an ASCII space"
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation..." at 13:1, the line below
        "colon-without-a-space-after-a-key",
        [("status: reconstructed", "status:reconstructed")],
        [
            f"{S}:12:7: status: 'status:' has no space after its colon, so YAML reads the line as text; write 'status: ...', with a space after the colon"
        ],
    ),
    (  # was: "a ':' where a value was expected; put text containing ': ' in quotes" at 11:8, on codes
        "colon-without-a-space-after-a-key-of-a-record",
        [("  valid_on: 2023-11-20", "  valid_on:2023-11-20"), ("owner: transportation-commission", "owner: nobody")],
        [
            f"{S}:8:8: owner: 'nobody' is not a known owner; expected a key of scenarios/vocabularies/owners.yaml: transportation-commission, forestry-bureau",
            f"{S}:10:11: locations.valid_on: 'valid_on:' has no space after its colon, so YAML reads the line as text; write 'valid_on: ...', with a space after the colon",
        ],
    ),
    (  # pasted from a web page; was: "expected 'key: value' here" at 9:1, the line below
        "no-break-space-after-a-key",
        [("owner: transportation-commission", "owner:\u00a0transportation-commission")],
        [f"{S}:8:6: owner: the no-break space after 'owner:' is not a space to YAML; write 'owner: ...', with an ordinary space"],
    ),
    (  # was: "a ':' where a value was expected; put text containing ': ' in quotes" at 11:8, the line below
        "full-width-space-indenting-a-key",
        [("  valid_on: 2023-11-20", "\u3000valid_on: 2023-11-20")],
        [
            f"{S}:10:1: this line is indented with a full-width space (U+3000), which YAML does not read as a space; indent it with ASCII spaces only"
        ],
    ),
    (  # the rest of the file is checked too
        "full-width-space-indenting-a-key-of-a-list-item",
        [("    kind: security\n", "  \u3000kind: security\n"), ("status: reconstructed", "status: reconstructd")],
        [
            f"{S}:12:9: status: 'reconstructd' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:36:3: this line is indented with a full-width space (U+3000), which YAML does not read as a space; indent it with ASCII spaces only",
        ],
    ),
    (  # below a text: was "wrong indentation: this line is indented less than the first line of the text of 'zh'"
        "full-width-colon-after-a-key-below-a-text",
        [("users:\n", "users：\n")],
        [f"{S}:25:6: users: {COLON.format(key='users')}"],
    ),
    (  # YAML gives up four lines below, where the next key is: was "wrong indentation: ... ends the text below that key"
        "full-width-colon-after-a-language-whose-text-is-below",
        [("  zh: |\n    桥区航道", "  zh：|\n    桥区航道")],
        [f"{S}:21:5: problem.zh: {COLON.format(key='zh')}"],
    ),
    # A vocabulary entry named instead of keyed: its name in either language, its former or
    # short name, a unit's symbol. Was: "'重庆市交通运输委员会' is not a known owner; expected a key of ...: <every key>"
    (
        "owner-by-its-chinese-name",
        [("owner: transportation-commission", "owner: 重庆市交通运输委员会")],
        [
            f"{S}:8:8: owner: '重庆市交通运输委员会' is the name of the owner 'transportation-commission'; write its key: transportation-commission"
        ],
    ),
    (
        "owner-by-its-former-name",
        [("owner: transportation-commission", "owner: Chongqing Municipal Transport Bureau")],
        [
            f"{S}:8:8: owner: 'Chongqing Municipal Transport Bureau' is the former name of the owner 'transportation-commission'; write its key: transportation-commission"
        ],
    ),
    (
        "capability-by-its-english-name",
        [("capabilities: [satellite-navigation]", "capabilities: [Satellite Navigation]")],
        [
            f"{S}:7:16: capabilities[0]: 'Satellite Navigation' is the name of the capability 'satellite-navigation'; write its key: satellite-navigation"
        ],
    ),
    (  # was: "expected a key of scenarios/vocabularies/districts.yaml, got the text '万州区'"
        "district-by-its-name",
        [("codes: [500101, 500105, 500230]", "codes: [万州区, 500105, 500230]")],
        [f"{S}:11:11: locations.codes[0]: '万州区' is the name of the district 500101; write 500101"],
    ),
    (
        "citywide-by-its-name-without-the-part-in-brackets",
        [("codes: [500101, 500105, 500230]", "codes: [重庆市]")],
        [f"{S}:11:11: locations.codes[0]: '重庆市' is the name of the district 500000; write 500000"],
    ),
    (
        "unit-by-its-symbol",
        [("value: 20, unit: cm,", "value: 20, unit: 厘米,"), ("value: 3, unit: level,", "value: 3, unit: 级,")],
        [
            f"{S}:33:70: requirements[0].target.unit: '厘米' is the symbol of the unit 'cm'; write its key: cm",
            f"{S}:38:64: requirements[1].target.unit: '级' is the symbol of the unit 'level'; write its key: level",
        ],
    ),
    (  # was: "write it in quotes" alone, and in the next run: "'%' is the symbol of the unit 'percent'"; then both: its key, written instead, needs no quotes
        "unit-by-a-symbol-that-yaml-cannot-read-without-quotes",
        [("value: 20, unit: cm,", "value: 20, unit: %,"), ("status: reconstructed", "status: recnstructed")],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:33:70: requirements[0].target.unit: '%' is the symbol of the unit 'percent', a ratio, but horizontal-accuracy is a length: expected one of cm, m",
        ],
    ),
    (  # the text, as quoted, is checked too: before, its HTML came in the next run
        "a-text-that-needs-quotes-and-holds-html",
        [("  en: Show accuracy measured on a river section.", "  en: *Show* accuracy <b>measured</b> on a river section.")],
        [
            f"{S}:46:7: how_to_respond.en: a text that starts with '*' is read as an alias (a reference to an anchor); {SINGLE}",
            f"{S}:46:24: how_to_respond.en: HTML is not allowed in texts (at '<b>measured</b> on a river sec…'); write plain text or Markdown",
        ],
    ),
    (  # was: "'％' is not a known unit": the Chinese input method's full-width percent sign
        "unit-by-its-symbol-typed-full-width",
        [("value: 20, unit: cm,", "value: 20, unit: ％,"), ("value: 3, unit: level,", "value: 3, unit: ｌｅｖｅｌ,")],
        [
            f"{S}:33:70: requirements[0].target.unit: '％' is the symbol of the unit 'percent', a ratio, but horizontal-accuracy is a length: expected one of cm, m",
            f"{S}:38:64: requirements[1].target.unit: 'ｌｅｖｅｌ' is {FULL}; write level",
        ],
    ),
    (
        "full-width-colon-after-a-key-of-a-list-item",
        [("    priority: should\n", "    priority：should\n")],
        [f"{S}:35:13: requirements[1].priority: {COLON.format(key='priority')}"],
    ),
    (
        "full-width-colon-after-a-language",
        [("  en: Show accuracy measured on a river section.", "  en：Show accuracy measured on a river section.")],
        [f"{S}:46:5: how_to_respond.en: {COLON.format(key='en')}"],
    ),
    (  # was: valid, and the page said only "Show accuracy"
        "a-hash-in-a-text-without-quotes",
        [("  en: Show accuracy measured on a river section.", "  en: Show accuracy #1 measured on a river section.")],
        [f"{S}:46:7: how_to_respond.en: the text ends before ' #1 measured on a river section.': {COMMENT}"],
    ),
    (
        "a-comment-after-a-text-in-a-list",
        [("    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。", "    zh: 船长：掌握本船在航道图上的位置。  # 待核实")],
        [f"{S}:27:9: users[0].zh: the text ends before ' # 待核实': {MEANT}"],
    ),
    (  # was: valid, and the page showed "# See the release…": YAML reads no comment inside a block
        "a-line-commented-out-in-a-block-text",
        [
            ("    See [the release]", "    # See [the release]"),
            ("    桥区航道**狭窄**。\n", "    桥区航道**狭窄**。\n    #\n"),
        ],
        [
            f"{S}:20:5: problem.en: {COMMENTED}",
            f"{S}:23:5: problem.zh: {COMMENTED}",
        ],
    ),
    (
        "a-line-commented-out-in-a-block-text-that-is-no-markdown",
        [
            (
                "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
                "  en: >-\n    Ships need decimetre-level BeiDou positions\n    # on charts to keep to narrow channels.",
            )
        ],
        [
            f"{S}:6:5: summary.en: a line of a block text that starts with '#' is part of the text, not a comment; remove the '#' to keep its words, or move the comment above the text's key"
        ],
    ),
    (  # was: "'ichongqing-2023-11-21 - xinhuanet-cq-2023-03-24' is not a known source (did you mean …)"
        "an-item-indented-deeper-than-the-dash-above",
        [("sources: [ichongqing-2023-11-21]", "sources:\n  - ichongqing-2023-11-21\n   - xinhuanet-cq-2023-03-24")],
        [
            f"{S}:50:4: sources[0]: this line starts with '- ' but is indented deeper than the '- ' above it, so YAML reads it as the rest of the item above; indent it as far as that '- '"
        ],
    ),
    (  # was: valid, and the page showed one line, 'Show accuracy - on a river - at a bridge'
        "a-markdown-list-in-a-text-without-a-block",
        [("  en: Show accuracy measured on a river section.", "  en: Show accuracy\n    - on a river\n    - at a bridge")],
        [
            f"{S}:47:5: how_to_respond.en: a line of this text starts with '- ', which YAML folds into the line above, as the text is not written as a block; to keep a list, write the text below 'en: |'"
        ],
    ),
    (  # was: valid, and the page showed one paragraph, 'Show accuracy: - Buses lose time - Patrols cannot see'
        "a-markdown-list-in-a-folded-block",
        [
            (
                "  en: Show accuracy measured on a river section.",
                "  en: >-\n    Show accuracy:\n    - Buses lose time\n    - Patrols cannot see",
            ),
            ("  zh: 展示在某河段实测的精度。", "  zh: >\n    - 公交车延误\n    - 巡逻看不到"),
        ],
        [
            f"{S}:48:5: how_to_respond.en: a line of this text starts with '- ', which YAML folds into the line above, as the text is written below 'en: >-', a block that folds its lines; to keep a list, write the text below 'en: |'",
            f"{S}:52:5: how_to_respond.zh: a line of this text starts with '- ', which YAML folds into the line above, as the text is written below 'zh: >', a block that folds its lines; to keep a list, write the text below 'zh: |'",
        ],
    ),
    (  # was: valid, and the page showed '须遵守**《个人信息保护法》<strong>规定，并且</strong>“车道级”**定位'
        "emphasis-marks-beside-punctuation-that-markdown-does-not-read",
        [
            ("桥区航道**狭窄**。", "须遵守**《个人信息保护法》**规定，并且**“车道级”**定位。"),
            ("    Channels are *narrow* at bridges.", "    Channels are narrow at bridges.\n\n    **Note:**see the release."),
        ],
        [
            f"{S}:20:12: problem.en: '**' beside ':' is shown as written: CommonMark reads no bold where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation (**Note**:)",
            f"{S}:24:8: problem.zh: '**' beside '《' is shown as written: CommonMark reads no bold where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation (《**个人信息保护法**》)",
            f"{S}:24:33: problem.zh: '**' beside '”' is shown as written: CommonMark reads no bold where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation (“**车道级**”)",
        ],
    ),
    (
        "italics-marks-beside-punctuation-that-markdown-does-not-read",
        [("  en: Show accuracy measured on a river section.", "  en: Show accuracy at *“lane level”*precision.")],
        [
            f"{S}:46:37: how_to_respond.en: '*' beside '”' is shown as written: CommonMark reads no italics where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation (“*lane level*”)"
        ],
    ),
    (  # was: valid, and the page and its og:description showed the asterisks
        "emphasis-in-a-plain-text",
        [
            (
                "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
                "  en: Buses *must* report **BeiDou** positions.",
            ),
            ("  zh: 船舶需要在航道图上获得分米级北斗定位，以保持在狭窄航道内。", "  zh: 船舶需要**北斗**定位。"),
        ],
        [
            f"{S}:4:13: summary.en: this text is plain text, so '*must*' is shown with its asterisks; remove them (bold and italics are limited Markdown, allowed only in problem and how_to_respond)",
            f"{S}:5:11: summary.zh: this text is plain text, so '**北斗**' is shown with its asterisks; remove them (bold and italics are limited Markdown, allowed only in problem and how_to_respond)",
        ],
    ),
    (  # was: valid, as no word of it was in lower case
        "a-chinese-text-in-latin-capitals",
        [("zh: 仅限北斗。", "zh: BEIDOU ONLY AND NO GPS"), ("zh: 实时水平位置。", "zh: Real Time Horizontal Position")],
        [
            f"{S}:32:11: warning: requirements[0].text: the Chinese (zh) text has no Chinese character; write it in Chinese",
            f"{S}:44:5: warning: constraints[0]: the Chinese (zh) text has no Chinese character; write it in Chinese",
        ],
    ),
    (  # was: "expected ',' or '}' here: a list or mapping in brackets is not closed", and 'unknown language'
        "full-width-marks-in-braces",
        [
            (
                "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
                "title: {en: Decimetre positioning for river ships， zh: 内河船舶分米级定位}",
            ),
            ("  - {en: BeiDou only., zh: 仅限北斗。}", "  - {en: BeiDou only., zh：仅限北斗。}"),
        ],
        [
            f"{S}:2:50: '，' is a full-width comma, which YAML does not read as one; type ',' in the input method's English mode",
            f"{S}:44:26: constraints[0].zh: {COLON.format(key='zh')}",
        ],
    ),
    (  # '#1' at the start of a line is a text's own words
        "a-hash-starting-a-line-of-a-block-text",
        [("    See [the release]", "    #1 source: see [the release]")],
        [],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete"
        "a-line-commented-out-in-a-text-without-quotes",
        [
            (
                "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
                "  en: Ships need decimetre-level BeiDou positions\n    # on charts\n    to keep to narrow channels.",
            ),
            ("status: reconstructed", "status: recnstructed"),
        ],
        [
            f"{S}:6:5: a text without quotes cannot go on after a comment line; delete the comment line above, or remove its '#' to keep its words",
            f"{S}:14:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
        ],
    ),
    (  # was: "not valid YAML: while scanning an alias did not find expected alphabetic or numeric character"
        "markdown-emphasis-at-the-start-of-a-text",
        [("  en: Show accuracy measured on a river section.", "  en: **Show** accuracy measured on a river section.")],
        [f"{S}:46:7: how_to_respond.en: a text that starts with '*' is read as an alias (a reference to an anchor); {SINGLE}"],
    ),
    (
        "markdown-emphasis-at-the-start-of-a-text-with-an-apostrophe",
        [("  en: Show accuracy measured on a river section.", "  en: *Ship's* accuracy measured on a river section.")],
        [
            f"{S}:46:7: how_to_respond.en: a text that starts with '*' is read as an alias (a reference to an anchor); {SINGLE}, and write each ' inside it twice ('')"
        ],
    ),
    (  # was: "found character that cannot start any token"
        "markdown-code-at-the-start-of-a-text",
        [("  en: Show accuracy measured on a river section.", "  en: `RTK` accuracy measured on a river section.")],
        [f"{S}:46:7: how_to_respond.en: a text that starts with '`' is read as a reserved character; {SINGLE}"],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete"
        "brackets-at-the-start-of-a-text",
        [("  en: Show accuracy measured on a river section.", "  en: [Draft] Show accuracy measured on a river section.")],
        [f"{S}:46:7: how_to_respond.en: a text that starts with '[' is read as the start of a list; {SINGLE}"],
    ),
    (  # was: "expected a text, got a list"
        "a-markdown-list-written-as-a-yaml-list",
        [
            (
                "  en: Show accuracy measured on a river section.",
                "  en:\n    - Show accuracy.\n    - Measure it on a river section.",
            )
        ],
        [
            f"{S}:47:5: how_to_respond.en: expected a text, got a list; a list in a text is written in Markdown: write 'en: |' and below it each item on a line of its own, as '- item'"
        ],
    ),
    (
        "a-double-quote-inside-double-quotes",
        [("  en: Show accuracy measured on a river section.", '  en: "Show "measured" accuracy on a river section."')],
        [
            f"{S}:46:7: how_to_respond.en: this text in double quotes holds a '\"' of its own, where YAML ends it; write \\\" for each quote inside it, or put the text in single quotes"
        ],
    ),
    (  # was: "write each ' inside it twice", which gave another syntax error
        "a-text-that-starts-with-a-quoted-word",
        [("  en: Show accuracy measured on a river section.", "  en: 'Smart city' platforms show accuracy.")],
        [
            f"{S}:46:7: how_to_respond.en: this text starts with a quoted part, where YAML ends it, and words follow; put the whole text in quotes: \"'Smart city' platforms show accuracy.\""
        ],
    ),
    (  # was: "wrong indentation: … indent it as far as 'zh'", which moved the problem down the file
        "the-first-item-of-a-list-without-its-dash",
        [("  - id: R1\n    priority: must", "    id: R1\n    priority: must"), ("status: reconstructed", "status: recnstructed")],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:29:3: requirements: the first item of 'requirements' has no '- ', which the items below it have; write '- ' in the two spaces before 'id', as far as the '- ' below",
        ],
    ),
    (
        "the-first-item-of-a-list-without-its-dash-nor-its-indentation",
        [("  - id: R1\n    priority: must", "  id: R1\n    priority: must")],
        [
            f"{S}:29:3: requirements: the first item of 'requirements' has no '- ', which the items below it have; write '- ' before 'id'"
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete", at the next key
        "a-later-item-of-a-list-without-its-dash",
        [
            ("capabilities: [satellite-navigation]", "capabilities:\n  - satellite-navigation\n  remote-sensing"),
            ("  codes: [500101, 500105, 500230]", "  codes:\n    - 500101\n    500105\n\n    500230"),
            ("status: reconstructed", "status: recnstructed"),
        ],
        [
            f"{S}:9:3: capabilities[1]: this item of 'capabilities' has no '- ', which the items above it have; write '- ' before 'remote-sensing'",
            f"{S}:15:5: locations.codes[1]: this item of 'codes' has no '- ', which the items above it have; write '- ' before '500105'",
            f"{S}:17:5: locations.codes[2]: this item of 'codes' has no '- ', which the items above it have; write '- ' before '500230'",
            f"{S}:18:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
        ],
    ),
    (  # a word below a list of records is no item of it: said as before
        "a-word-below-a-list-of-records",
        [
            (
                "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。",
                "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。\n  ship masters",
            )
        ],
        [
            f"{S}:28:3: wrong indentation: this line is indented as far as the list item at {S}:26:3, not as its field 'zh' at {S}:27:5; indent it as far as 'zh' to make it a field beside it"
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete", for each
        "a-quote-of-its-own-in-a-quoted-text-and-chinese-quotes-typed-in-english-mode",
        [
            ("  en: Show accuracy measured on a river section.", "  en: 'Show the ship's accuracy on a river section.'"),
            ("  zh: 展示在某河段实测的精度。", '  zh: "北斗"实测精度'),
        ],
        [
            f"{S}:46:7: how_to_respond.en: this text in single quotes holds a ' of its own, where YAML ends it; write each ' inside it twice ('')",
            f"{S}:47:7: how_to_respond.zh: this text starts with a '\"', where YAML reads a quoted text that ends at the next '\"'; write the Chinese quotation marks “ ” (the input method in Chinese mode)",
        ],
    ),
    # From a review of contributors' slips: the form CONTRIBUTING gives a user, "Group: need",
    # without its quotes; was: "a ':' where a value was expected; put text containing ': ' in
    # quotes", with no field, and the rest of the file unchecked
    (
        "a-users-text-holding-a-colon-without-quotes",
        [
            (
                '  - en: "Ship masters: their own position on the chart, to keep to the channel."',
                "  - en: Ship masters: their own position.",
            ),
            ("status: reconstructed", "status: recnstructed"),
        ],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:26:9: users[0].en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Ship masters: their own position.'",
        ],
    ),
    (  # pasted from a document: the curly quotes are text to YAML
        "a-users-text-in-curly-quotes-holding-a-colon",
        [
            (
                '  - en: "Ship masters: their own position on the chart, to keep to the channel."',
                "  - en: “Ship masters: their own position.”",
            )
        ],
        [
            f"{S}:26:9: users[0].en: this text holds ': ', which YAML reads as a key and its value, and “ ” are no quotes to YAML; put the whole text in single quotes: '“Ship masters: their own position.”'"
        ],
    ),
    (  # the Chinese input method in English mode: the colon a Chinese text means is '：'
        "a-chinese-text-holding-a-colon-typed-in-english-mode",
        [
            ("    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。", "    zh: 船长: 掌握本船在航道图上的位置。"),
            ("unit: cm,", "unit: cn,"),
        ],
        [
            f"{S}:27:9: users[0].zh: this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'",
            f"{S}:33:70: requirements[0].target.unit: 'cn' is not a known unit; horizontal-accuracy is a length: did you mean 'cm'?",
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation…", and nothing else
        "a-text-wrapped-onto-lines-no-deeper-than-its-key",
        [
            (
                "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
                "  en: Ships need decimetre-level BeiDou positions\n  on charts to keep\n  to narrow channels.",
            ),
            (
                '  - en: "Ship masters: their own position on the chart, to keep to the channel."',
                "  - en: Ship masters, on the chart,\n    to keep to the channel.",
            ),
            ("unit: cm,", "unit: cn,"),
        ],
        [
            f"{S}:4:7: summary.en: this text goes on to lines 5–6, indented no further than 'en', so YAML reads a key there; indent lines 5–6 further than 'en' (4 spaces), or join the text into one line",
            f"{S}:28:9: users[0].en: this text goes on to line 29, indented no further than 'en', so YAML reads a key there; indent line 29 further than 'en' (6 spaces), or join the text into one line",
            f"{S}:36:70: requirements[0].target.unit: 'cn' is not a known unit; horizontal-accuracy is a length: did you mean 'cm'?",
        ],
    ),
    (  # was: "a ':' where a value was expected; put text containing ': ' in quotes"
        "a-text-whose-key-is-forgotten-first-below-its-field",
        [
            (
                "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
                "  Ships need decimetre-level BeiDou positions\n  on charts.",
            ),
            ("unit: cm,", "unit: cn,"),
        ],
        [
            f"{S}:4:3: summary: lines 4–5 have words but no key, so YAML reads them with line 6 as one text and cannot place the ':' after 'zh' there; write 'en: ' before the text in English",
            f"{S}:34:70: requirements[0].target.unit: 'cn' is not a known unit; horizontal-accuracy is a length: did you mean 'cm'?",
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete"
        "a-chinese-text-whose-key-is-forgotten-below-the-english-one",
        [("  zh: 展示在某河段实测的精度。", "  展示在某河段实测的精度。"), ("status: reconstructed", "status: recnstructed")],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:47:3: how_to_respond.zh: this line has words but no key, so YAML reads it as a key without its ':'; write 'zh: ' before the text in Chinese",
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete"
        "a-note-between-fields",
        [("status: reconstructed", "Checked with the bureau\nstatus: recnstructed")],
        [
            f"{S}:12:1: this line has words but no key, so YAML reads it as a key without its ':'; write a key before it ('key: value'), or make it a comment by starting it with '# '",
            f"{S}:13:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
        ],
    ),
    (  # words in English above the English text: a note, no Chinese text whose key is forgotten
        "a-note-above-the-first-text-of-a-field",
        [
            ("how_to_respond:\n  en:", "how_to_respond:\n  Checked with the bureau\n  en:"),
            ("status: reconstructed", "status: recnstructed"),
        ],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:46:3: this line has words but no key, so YAML reads it with line 47 as one text and cannot place the ':' after 'en' there; write a key before it ('key: value'), or make it a comment by starting it with '# '",
        ],
    ),
    (  # was: "a ':' where a value was expected; put text containing ': ' in quotes", on line 2
        "a-title-above-the-first-field",
        [("id: river-ships", "Decimetre positioning for river ships\nid: river-ships")],
        [
            f"{S}:1:1: this line has words but no key, so YAML reads it with line 2 as one text and cannot place the ':' after 'id' there; write a key before it ('key: value'), or make it a comment by starting it with '# '"
        ],
    ),
    (  # was: "expected 'key: value' here; check the indentation and that the line above is complete"
        "a-text-wrapped-further-out-than-its-key",
        [
            (
                "    text: {en: Real-time horizontal position., zh: 实时水平位置。}",
                "    text:\n      en: Real-time horizontal\n    position.\n      zh: 实时水平位置。",
            )
        ],
        [
            f"{S}:34:5: this line has words but no key, so YAML reads it as a key without its ':'; if it goes on the text of 'en' on line 33, indent it further than 'en' (8 spaces), or join the text into one line; if not, make it a comment by starting it with '# '"
        ],
    ),
    (  # the key typed in capitals, and a tab after the colon: was "a list or mapping in brackets is not closed"
        "texts-in-braces-with-a-colon-and-a-tab-or-a-key-in-capitals",
        [
            ("{en: BeiDou only., zh: 仅限北斗。}", "{EN: Positions: BeiDou only., zh: 仅限北斗。}"),
            ("text: {en: Protected systems., zh: 系统安全防护。}", "text: {en: Systems:\tprotected., zh: 系统安全防护。}"),
        ],
        [
            f"{S}:37:16: requirements[1].text.en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Systems:\\x09protected.'",
            f"{S}:44:6: constraints[0].EN: unknown language 'EN'; did you mean 'en'? (expected en, zh)",
            f"{S}:44:10: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Positions: BeiDou only.'",
        ],
    ),
    (  # the key of the next text mistyped is no line of the text above
        "a-mistyped-zh-key-below-an-english-text-is-no-wrapped-line",
        [("  zh: 船舶需要", "  zh：船舶需要")],
        [
            f"{S}:5:5: summary.zh: the full-width colon '：' after 'zh' is not YAML's colon; write 'zh: ...', with the ASCII colon ':' and a space"
        ],
    ),
    (  # in braces too; was: "a list or mapping in brackets is not closed", and nothing else
        "texts-in-braces-holding-a-colon-without-quotes",
        [
            ("{en: BeiDou only., zh: 仅限北斗。}", "{en: Note: it's BeiDou only, as agreed., zh: 定位: 仅限北斗。}"),
            ("text: {en: Protected systems., zh: 系统安全防护。}", "text: {en: Protected systems.,\n      zh: 防护: 三级。}"),
            ("status: reconstructed", "status: recnstructed"),
        ],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:38:11: requirements[1].text.zh: this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'",
            f"{S}:45:10: constraints[0].en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Note: it''s BeiDou only, as agreed.'",
            f"{S}:45:50: constraints[0].zh: this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'",
        ],
    ),
    (  # was: the colons alone; the date and the duplicate id came a run later
        "full-width-colons-and-the-rest-of-the-file",
        [
            ("status: reconstructed", "status：reconstructed"),
            ("owner: transportation-commission", "owner：transportation-commission"),
            ("released: 2023-11-20", "released: 2023/11/20"),
            ("  - id: R2", "  - id: R1"),
        ],
        [
            f"{S}:8:6: owner: the full-width colon '：' after 'owner' is not YAML's colon; write 'owner: ...', with the ASCII colon ':' and a space",
            f"{S}:12:7: status: {COLON.format(key='status')}",
            f"{S}:13:11: released: '2023/11/20' is not a date: YAML reads dates as YYYY-MM-DD, write 2023-11-20",
            f"{S}:34:9: requirements[1].id: R1 is used twice; give each requirement its own id",
        ],
    ),
    (  # a list as in Markdown; was: "not valid YAML: while scanning an alias did not find expected alphabetic or numeric character"
        "list-items-marked-as-in-markdown",
        [
            ("capabilities: [satellite-navigation]", "capabilities:\n  * satellite-navigation\n  * remote-sensing"),
            ("unit: cm,", "unit: cn,"),
        ],
        [
            f"{S}:8:5: capabilities[0]: this list item is marked '*'; a list item starts with '- ', a hyphen and a space: write '- satellite-navigation'",
            f"{S}:9:5: capabilities[1]: this list item is marked '*'; a list item starts with '- ', a hyphen and a space: write '- remote-sensing'",
            f"{S}:35:70: requirements[0].target.unit: 'cn' is not a known unit; horizontal-accuracy is a length: did you mean 'cm'?",
        ],
    ),
    (  # was: "write '- ' before '-remote-sensing'", which makes '- -remote-sensing', and "'-remote-sensing' is not a known capability"
        "a-later-list-item-without-the-space-after-its-dash",
        [("capabilities: [satellite-navigation]", "capabilities:\n  - satellite-navigation\n  -remote-sensing")],
        [
            f"{S}:9:4: capabilities[1]: this item of 'capabilities' is marked '-', not '- ' (a hyphen and a space) as the items above it; write '- remote-sensing'"
        ],
    ),
    (  # was: "wrong indentation: … indent it as far as 'priority'", which made 'id' a duplicate key, said a run later
        "a-later-requirement-without-its-dash",
        [("  - id: R2", "  id: R2"), ("status: reconstructed", "status: recnstructed")],
        [
            f"{S}:12:9: status: 'recnstructed' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:34:3: requirements[1]: 'id' starts a new item of 'requirements' without its '- ' (the item above has its 'id' already); write '- ' before 'id'",
        ],
    ),
    (  # pasted from a word processor, every line of the block; was: "field names are written in English", for 'valid_on'
        "a-block-indented-with-full-width-spaces",
        [("  valid_on: 2023-11-20\n  codes:", "\u3000valid_on: 2023-11-20\n\u3000codes:")],
        [
            f"{S}:9:11: locations: the value is empty; expected a mapping (valid_on, codes)",
            f"{S}:10:1: valid_on: this line is indented with a full-width space (U+3000), which YAML does not read as a space; indent it with ASCII spaces only",
            f"{S}:11:1: codes: this line is indented with a full-width space (U+3000), which YAML does not read as a space; indent it with ASCII spaces only",
        ],
    ),
    (  # as far as the fields beside it already; was: "indent it with ASCII spaces only", for lines to go to column 1
        "a-field-with-a-full-width-space-before-it-beside-its-fields",
        [("status: reconstructed", "\u3000status: reconstructed"), ("  valid_on: 2023-11-20", "  \u3000valid_on: 2023-11-20")],
        [
            f"{S}:10:3: locations.valid_on: this line is indented with a full-width space (U+3000), which YAML reads as part of the name 'valid_on'; remove it: the line stands as far as the fields beside it already",
            f"{S}:12:1: status: this line is indented with a full-width space (U+3000), which YAML reads as part of the name 'status'; remove it: the line stands as far as the fields beside it already",
        ],
    ),
    (  # was: "expected ',' or ']' here: a list or mapping in brackets is not closed", on the next field's line, and nothing else
        "a-list-not-closed-on-its-line",
        [
            ("  codes: [500101, 500105, 500230]", "  codes: [500101, 500105, 500230 # checked"),
            ("status: reconstructed", "status: propsed"),
        ],
        [
            f"{S}:11:10: locations.codes: the '[' here is not closed on its line, so YAML reads the lines below as part of it; end it with ']' on this line",
            f"{S}:12:9: status: 'propsed' is not allowed; did you mean 'proposed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
        ],
    ),
    (  # was: the indentation alone, and the misspelt status in the next run
        "a-key-indented-between-two-is-checked-beside-the-one-it-names",
        [("    zh: 船长：掌握本船", "   zh: 船长：掌握本船"), ("status: reconstructed", "status: propsed")],
        [
            f"{S}:12:9: status: 'propsed' is not allowed; did you mean 'proposed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
            f"{S}:27:4: users[0].zh: wrong indentation: this line is indented less than 'en' at {S}:26:5 and more than the list item at {S}:26:3; indent it as far as 'en' to make it a field beside it",
        ],
    ),
    (  # a field that holds no list: a stray '[', not a list to close
        "a-bracket-before-a-text-is-not-closed-for-it",
        [("id: river-ships", "id: [river-ships")],
        [
            f"{S}:2:6: expected ',' or ']' here: a list or mapping in brackets is not closed; close it, or quote text holding brackets"
        ],
    ),
    (  # ']' typed in the Chinese input method's mode is '】'; was: "expected ',' or ']' here", on the line below
        "a-bracket-typed-in-chinese-mode",
        [("capabilities: [satellite-navigation]", "capabilities: [satellite-navigation】"), ("unit: cm,", "unit: cn,")],
        [
            f"{S}:7:36: '】' is a full-width bracket, which YAML does not read as one; type ']' in the input method's English mode",
            f"{S}:33:70: requirements[0].target.unit: 'cn' is not a known unit; horizontal-accuracy is a length: did you mean 'cm'?",
        ],
    ),
    (  # was: "did you mean 'points'?" for a time, and 'km' for a speed: only a unit of the metric's dimension is suggested
        "a-unit-misspelt-for-the-dimension-of-its-metric",
        [("value: 20, unit: cm,", "value: 20, unit: centimetres,"), ("value: 3, unit: level,", "value: 3, unit: km/h,")],
        [
            f"{S}:33:70: requirements[0].target.unit: 'centimetres' is not a known unit; horizontal-accuracy is a length: expected a key of scenarios/vocabularies/units.yaml that measures it: cm, m",
            f"{S}:38:64: requirements[1].target.unit: 'km/h' is not a known unit; security-level is a level: expected a key of scenarios/vocabularies/units.yaml that measures it: level",
        ],
    ),
    (  # in braces YAML reads 'unit cm' as a key with no value; was: "unknown key 'unit cm'; did you mean 'unit'?"
        "a-field-without-its-colon-in-braces",
        [("value: 20, unit: cm,", "value: 20, unit cm,")],
        [
            f"{S}:33:64: requirements[0].target.unit: 'unit' has no colon after it, so YAML reads 'unit cm' as a key; write 'unit: cm'"
        ],
    ),
    (  # a text's '#' is text: the fix keeps all of it (was: the text quoted up to ' #', the rest lost)
        "a-text-holding-a-colon-and-a-hash-without-quotes",
        [
            (
                '  - en: "Ship masters: their own position on the chart, to keep to the channel."',
                "  - en: Ship masters: see #3 for the chart.",
            )
        ],
        [
            f"{S}:26:9: users[0].en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Ship masters: see #3 for the chart.'"
        ],
    ),
    (  # a line of a block text may start with '* ': not said, where the error is below it
        "a-block-text-line-starting-with-a-star-above-an-error",
        [
            ("for context.\n  zh:", "for context.\n    * at Chaotianmen\n  zh:"),
            (
                "  zh: |\n    桥区航道**狭窄**。\n\n    背景见[发布报道](https://www.ichongqing.info/)。",
                "  zh: 问题: 桥区航道狭窄。",
            ),
        ],
        [
            f"{S}:22:7: problem.zh: this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'"
        ],
    ),
    (  # was: "write its key: cm", and in the next run "'cm' measures length but security-level is a level"
        "a-unit-by-the-symbol-of-a-unit-of-another-dimension",
        [("value: 3, unit: level,", "value: 3, unit: 厘米,")],
        [
            f"{S}:38:64: requirements[1].target.unit: '厘米' is the symbol of the unit 'cm', a length, but security-level is a level: expected one of level"
        ],
    ),
]


@pytest.mark.parametrize(("edits", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_value_as_meant(project: Path, edits: list[tuple[str, str]], expected: list[str]) -> None:
    for old, new in edits:
        edit(project, "river-ships.yaml", old, new)
    assert problems(project) == expected


# Valid values that look like the mistakes above: each stays valid.
WELCOME = [
    ("  zh: 船舶需要", "  zh: “北斗”船舶需要２０厘米，精度≤0.2m、2023年11月20日【示意】"),
    ("  en: Ships need", "  en: “Ships” (船舶) need ≤0.2 m, 0,2 or 30,000 from 2023/11/20 on"),
    ("text: {en: Protected systems., zh: 系统安全防护。}", "text: {en: 系统 Protected systems., zh: GNSS}"),
    (
        "text: {en: Real-time horizontal position., zh: 实时水平位置。}",
        'text: {en: "“Real-time: 20 cm”", zh: 实时水平位置：２０厘米。}',
    ),
    ("  en: Show accuracy measured on a river section.", "  en: |-\n    Note：accuracy measured\n    on a river section."),
    ("  zh: |\n    桥区航道", "  zh: |\n    \u3000\u3000桥区航道"),  # a Chinese paragraph's indent, inside a text
    ("  en: Show accuracy measured on a river section.", "  en: 'Note:accuracy\u00a0measured on a river section.'"),
    ("  en: Show accuracy measured on a river section.", '  en: "Show #1 accuracy, \\"measured\\" on a river section."'),
    ("  en: Show accuracy measured on a river section.", "  en: '**Show** [accuracy](https://example.org/#top) #1 measured'"),
    ("  en: Show accuracy measured on a river section.", "  en: Show accuracy#1 measured on C# and F# boats."),
    ("  en: Show accuracy measured on a river section.", "  en: |-\n    Show accuracy #1\n    `measured` on a river section."),
    # Emphasis marks inside the punctuation, and stars that are no emphasis
    ("    桥区航道**狭窄**。", "    须遵守《**个人信息保护法**》规定，并且“**车道级**”定位，5*3，a * b，snake_case_x。"),
    ("  en: Show accuracy measured on a river section.", "  en: Show **“lane-level”** accuracy, 5*3 or a * b."),
    # Stars and underscores in a plain text that mark no emphasis
    ("  en: Ships need", "  en: Ships need 5*3 * 2, *3*, a * b or snake_case_name and"),
    ("  zh: 船舶需要", "  zh: 船舶需要*号、5*3、获得_分米级_"),
    # A name or code of at most 3 words, which a Chinese text writes in Latin letters too
    ("text: {en: Protected systems., zh: 系统安全防护。}", "text: {en: Protected systems., zh: GF-4 BeiDou-3 RTK}"),
    # Below '>', a line after a blank one or indented deeper keeps its line break: a list
    ("  en: Show accuracy measured on a river section.", "  en: >\n    Show accuracy:\n\n    - on a river\n\n    - at a bridge"),
    ("  en: Show accuracy measured on a river section.", "  en: >\n    Show accuracy:\n      - on a river\n      - at a bridge"),
]


@pytest.mark.parametrize(("old", "new"), WELCOME, ids=[f"welcome-{i}" for i in range(len(WELCOME))])
def test_texts_that_look_like_mistakes_stay_valid(project: Path, old: str, new: str) -> None:
    edit(project, "river-ships.yaml", old, new)
    assert problems(project) == []
