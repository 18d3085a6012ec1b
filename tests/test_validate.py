"""One case per validation rule, each asserting the exact message a contributor sees.

Every case edits the valid fixture scenario `river-ships.yaml` (or a vocabulary) in a fresh copy
of tests/fixtures/project, then runs the checker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from tests.helpers import ROOT, edit, problems
from tests.projects import real_project

S = "scenarios/river-ships.yaml"
KEYS = model.names(model.Scenario)  # the keys a scenario file may have, in the model's order
# The fixture's second requirement, and the start of the third, whose kind is misspelt below it
ITEM = '  - id: R2\n    priority: should\n    kind: security\n    text: {en: Protected systems., zh: 系统安全防护。}\n    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}\n'
NEXT, MISSPELT = "  - id: R3\n    priority: must\n    kind: functional", "  - id: R3\n    priority: must\n    kind: functionl"

# (case id, file, old text, new text, expected problems)
RULES = [
    (
        "unknown-key-suggests",
        "river-ships.yaml",
        "summary:\n",
        "sumary:\n",
        [  # one problem, not also "summary is missing": the suggestion says it all
            f"{S}:3:1: sumary: unknown key 'sumary'; did you mean 'summary'? (expected one of {KEYS})",
        ],
    ),
    (
        "unknown-key-lists",
        "river-ships.yaml",
        "status: reconstructed\n",
        "status: reconstructed\nzzz: 1000000\n",  # like no field's name, whatever fields the model gains
        [f"{S}:13:1: zzz: unknown key 'zzz'; expected one of {KEYS}"],
    ),
    (
        "missing-key",
        "river-ships.yaml",
        "owner: transportation-commission\n",
        "",
        [f"{S}:1:1: owner: required key 'owner' is missing; add owner: a key of scenarios/vocabularies/owners.yaml"],
    ),
    (
        "duplicate-key",
        "river-ships.yaml",
        "status: reconstructed\n",
        "status: reconstructed\nstatus: closed\n",
        [f"{S}:13:1: status: duplicate key 'status'; it is already set on line 12, keep one"],
    ),
    (
        "text-expected-got-number",
        "river-ships.yaml",
        "id: river-ships",
        "id: 2023",
        [f"{S}:1:5: id: expected a text, got the number 2023; put it in quotes"],
    ),
    (
        "choice-suggests",
        "river-ships.yaml",
        "priority: must\n    kind: performance\n    text: {en: Real",
        "priority: mandatory\n    kind: performance\n    text: {en: Real",
        [f"{S}:30:15: requirements[0].priority: 'mandatory' is not allowed; expected one of must, should"],
    ),
    (
        "illustrative-records-are-reconstructions",
        "river-ships.yaml",
        "status: reconstructed",
        "status: announced",
        [
            f"{S}:12:9: status: an illustrative record cannot say the scenario is 'announced'; use reconstructed until an official text gives its status"
        ],
    ),
    (
        "only-illustrative-records-are-reconstructions",
        "fire-watch.yaml",
        "status: proposed",
        "status: reconstructed",
        [
            "scenarios/fire-watch.yaml:12:9: status: a community record cannot say the scenario is 'reconstructed'; use proposed (a contributor's proposal)"
        ],
    ),
    (  # was: valid, and the page said "Open call" of a contributor's proposal
        "community-records-are-proposals",
        "fire-watch.yaml",
        "status: proposed",
        "status: open",
        [
            "scenarios/fire-watch.yaml:12:9: status: a community record cannot say the scenario is 'open'; use proposed (a contributor's proposal)"
        ],
    ),
    (
        "only-community-records-are-proposals",
        "fire-watch.yaml",
        "provenance: community",
        "provenance: official",
        [
            "scenarios/fire-watch.yaml:12:9: status: only a community record is proposed; give the status that the official text supports",
            "scenarios/fire-watch.yaml:15:13: provenance: an official record must cite the official text; add it to scenarios/vocabularies/sources.yaml with official: true and list it under sources",
        ],
    ),
    (
        "no-e-mail-address",
        "river-ships.yaml",
        "Show accuracy measured on a river section.",
        "Write to wang.wei@example.gov.cn for the data.",
        [
            f"{S}:46:16: how_to_respond.en: an e-mail address (at 'wang.wei@example.gov.cn for th…'); the catalogue publishes no personal contact details, name the owner body instead"
        ],
    ),
    (
        "no-phone-number",
        "river-ships.yaml",
        "展示在某河段实测的精度。",
        "请致电023-6388 1234。",
        [
            f"{S}:47:10: how_to_respond.zh: a phone number (at '023-6388 1234。'); the catalogue publishes no personal contact details, name the owner body instead"
        ],
    ),
    (
        "no-money-unless-official",
        "river-ships.yaml",
        "{en: BeiDou only., zh: 仅限北斗。}",
        "{en: BeiDou only., zh: 预算500万元。}",
        [
            f"{S}:44:30: constraints[0].zh: an amount of money (at '500万元。'); a record may state one only when an official text gives it (provenance: official)"
        ],
    ),
    (
        "no-deadline-unless-official",
        "river-ships.yaml",
        "{en: BeiDou only., zh: 仅限北斗。}",
        "{en: Proposals by the deadline of 30 June., zh: 仅限北斗。}",
        [
            f"{S}:44:27: constraints[0].en: a deadline (at 'deadline of 30 June.'); a record may state one only when an official text gives it (provenance: official)"
        ],
    ),
    (  # each was valid: a full-width '＠', formal numerals, a deadline given as a date
        "contact-money-and-deadlines-however-written",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: Responses are due by 31 March 2024., zh: 请于2024年3月31日前提交。}\n  - {en: Write to data＠example.gov.cn., zh: 预算伍佰万元。}",
        [
            f"{S}:44:10: constraints[0].en: a deadline (at 'Responses are due by 31 March…'); a record may state one only when an official text gives it (provenance: official)",
            f"{S}:44:53: constraints[0].zh: a deadline (at '2024年3月31日前提交。'); a record may state one only when an official text gives it (provenance: official)",
            f"{S}:45:19: constraints[1].en: an e-mail address (at 'data@example.gov.cn.'); the catalogue publishes no personal contact details, name the owner body instead",
            f"{S}:45:47: constraints[1].zh: an amount of money (at '伍佰万元。'); a record may state one only when an official text gives it (provenance: official)",
        ],
    ),
    (  # was: said at the text's first line, without the words, however far below they were
        "contact-money-and-deadlines-where-they-are-written",
        "river-ships.yaml",
        "    See [the release](https://www.ichongqing.info/) for context.\n",
        "    See [the release](https://www.ichongqing.info/) for context.\n\n    Of the budget, 30 million\n    yuan is planned.\n",
        [
            f"{S}:22:20: problem.en: an amount of money (at '30 million yuan is planned.'); a record may state one only when an official text gives it (provenance: official)"
        ],
    ),
    (  # a folded text, whose Chinese line breaks are closed up, and a full-width phone number
        "contact-details-where-they-are-written-in-a-folded-text",
        "river-ships.yaml",
        "  zh: 展示在某河段实测的精度。",
        "  zh: >-\n    展示在某河段实测的精度，\n    请致电０２３-６３８８\n    １２３４。",
        [
            f"{S}:49:8: how_to_respond.zh: a phone number (at '023-63881234。'); the catalogue publishes no personal contact details, name the owner body instead"
        ],
    ),
    (  # a date that has passed, a plan's day or year, a code's validity are no deadline of a response
        "dates-that-are-no-deadline",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: Released on 20 November 2023; 1000 stations by 31 December 2025., zh: 于2023年11月20日发布，日前已开展试点。}\n"
        "  - {en: Codes valid until 6 November 2025. Before 20 November 2023 there were 300., zh: 计划2025年12月31日前建成，相关场景于2023年11月20日前后发布。}",
        [],
    ),
    (  # texts an editor writes, which no rule may refuse
        "words-that-look-like-mistakes-and-are-not",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: Per 渝府办发〔2024〕88号., zh: GNSS RTK}\n  - en: >-\n      Every quarter, in all four seasons\n      - four times a year.\n    zh: |\n      #重庆暴雨#话题阅读量超过1亿次。\n      #1 优先。",
        [],
    ),
    (
        "official-needs-an-official-source",
        "river-ships.yaml",
        "status: reconstructed\nreleased: 2023-11-20\nupdated: 2024-01-15\nprovenance: illustrative",
        "status: announced\nreleased: 2023-11-20\nupdated: 2024-01-15\nprovenance: official",
        [
            f"{S}:15:13: provenance: an official record must cite the official text; add it to scenarios/vocabularies/sources.yaml with official: true and list it under sources"
        ],
    ),
    (
        "source-date-not-in-the-future",
        "vocabularies/sources.yaml",
        "  date: 2023-11-21",
        "  date: 2999-11-21",
        [
            "scenarios/vocabularies/sources.yaml:3:9: ichongqing-2023-11-21.date: 2999-11-21 is in the future; a record says what has happened, give the date it happened"
        ],
    ),
    (
        "dates-not-in-the-future",
        "river-ships.yaml",
        "updated: 2024-01-15",
        "updated: 2999-01-15",
        [f"{S}:14:10: updated: 2999-01-15 is in the future; a record says what has happened, give the date it happened"],
    ),
    (
        "choice-did-you-mean",
        "river-ships.yaml",
        "status: reconstructed",
        "status: reconstucted",
        [
            f"{S}:12:9: status: 'reconstucted' is not allowed; did you mean 'reconstructed'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)"
        ],
    ),
    (
        "text-needs-both-languages",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
        "title: Decimetre positioning for river ships",
        [f"{S}:2:8: title: expected a text in both languages, written as {{en: ..., zh: ...}}, got a single text"],
    ),
    (
        "text-missing-language",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
        "title: {en: Decimetre positioning for river ships}",
        [f"{S}:2:8: title: the Chinese (zh) text is missing; every text needs both en and zh"],
    ),
    (
        "text-unknown-language",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位, fr: Positionnement}",
        [f"{S}:2:67: title.fr: unknown language 'fr'; expected en, zh"],
    ),
    (
        "vocabulary-key-suggests",
        "river-ships.yaml",
        "domain: transport",
        "domain: transportation",
        [
            f"{S}:6:9: domain: 'transportation' is not a known domain; expected a key of scenarios/vocabularies/domains.yaml (did you mean 'transport'?)"
        ],
    ),
    (
        "vocabulary-district-code",
        "river-ships.yaml",
        "codes: [500101, 500105, 500230]",
        "codes: [500101, 500199]",
        [
            f"{S}:11:19: locations.codes[1]: '500199' is not a known district; expected a key of scenarios/vocabularies/districts.yaml (did you mean '500157' (Liangjiang New Area)?)"
        ],
    ),
    (
        "date-quoted",
        "river-ships.yaml",
        "released: 2023-11-20",
        'released: "2023-11-20"',
        [f"{S}:13:11: released: '2023-11-20' is quoted text; write the date without quotes, like 2023-11-20"],
    ),
    (
        "date-impossible",
        "river-ships.yaml",
        "released: 2023-11-20",
        "released: 2023-02-30",
        [f"{S}:13:11: released: 2023-02-30 is not a real date: February 2023 has 28 days; expected a date like 2023-11-20"],
    ),
    (
        "date-with-time",
        "river-ships.yaml",
        "released: 2023-11-20",
        "released: 2023-11-20 10:00:00",
        [f"{S}:13:11: released: a date is written without a time: write 2023-11-20"],
    ),
    (
        "date-not-a-date",
        "river-ships.yaml",
        "released: 2023-11-20",
        "released: last week",
        [f"{S}:13:11: released: expected a date like 2023-11-20, got the text 'last week'"],
    ),
    (
        "empty-value",
        "river-ships.yaml",
        "owner: transportation-commission",
        "owner:",
        [f"{S}:8:7: owner: the value is empty; expected a key of scenarios/vocabularies/owners.yaml"],
    ),
    (
        "empty-list",
        "river-ships.yaml",
        "capabilities: [satellite-navigation]",
        "capabilities: []",
        [f"{S}:7:15: capabilities: the list is empty; expected at least 1 item(s)"],
    ),
    (
        "list-expected",
        "river-ships.yaml",
        "capabilities: [satellite-navigation]",
        "capabilities: satellite-navigation",
        [
            f"{S}:7:15: capabilities: expected a list of a key of scenarios/vocabularies/capabilities.yaml, got the text 'satellite-navigation'; write each item on a line starting with '- '"
        ],
    ),
    (
        "list-unique",
        "river-ships.yaml",
        "capabilities: [satellite-navigation]",
        "capabilities: [satellite-navigation, satellite-navigation]",
        [f"{S}:7:38: capabilities: 'satellite-navigation' is listed twice; list each item once"],
    ),
    (
        "mapping-expected",
        "river-ships.yaml",
        "locations:\n  valid_on: 2023-11-20\n  codes: [500101, 500105, 500230]",
        "locations: [500101]",
        [f"{S}:9:12: locations: expected a mapping of fields (valid_on, codes), got a list"],
    ),
    (
        "tag-not-allowed",
        "river-ships.yaml",
        "status: reconstructed",
        "status: !!python/object/apply:os.system [echo hacked]",
        [
            f"{S}:12:9: status: the tag !!python/object/apply:os.system is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
        ],
    ),
    (
        "alias-not-allowed",
        "river-ships.yaml",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}",
        "constraints:\n  - &c {en: BeiDou only., zh: 仅限北斗。}\n  - *c",
        [
            f"{S}:44:5: constraints[0]: '&c' is a YAML anchor, a name for the value that aliases repeat; files here use none, remove it",
            f"{S}:45:5: constraints[1]: a YAML alias (*name) repeats another value; aliases are not allowed, write the value out",
        ],
    ),
    (  # valid YAML too: '!' alone is the tag that makes the value a plain text, dropped from it
        "bare-tag-drops-text",
        "river-ships.yaml",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}",
        "constraints:\n  - en: ! Imagery every week.\n    zh: ! 仅限北斗。",
        [
            f"{S}:44:9: constraints[0].en: a text that starts with '! ' is read as a tag, and YAML drops '!' from it; put the whole text in single quotes",
            f"{S}:45:9: constraints[0].zh: a text that starts with '! ' is read as a tag, and YAML drops '!' from it; put the whole text in single quotes",
        ],
    ),
    (
        "tag-starts-text",
        "river-ships.yaml",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}",
        "constraints:\n  - {en: !Important BeiDou only., zh: 仅限北斗。}",
        [
            f"{S}:44:10: constraints[0].en: a text that starts with '!' is read as a tag (!Important); put the whole text in single quotes"
        ],
    ),
    (
        "bare-tag-on-a-key",
        "river-ships.yaml",
        "status: reconstructed",
        "status: ! reconstructed",
        [f"{S}:12:9: status: '!' is a YAML tag, a type for the value; files here use none, remove it"],
    ),
    (  # valid YAML that reads 'Imagery every week.': the anchor was dropped without a word
        "anchor-drops-text",
        "river-ships.yaml",
        "constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}",
        "constraints:\n  - en: &R Imagery every week.\n    zh: 仅限北斗。",
        [
            f"{S}:44:9: constraints[0].en: a text that starts with '&' is read as an anchor, and YAML drops '&R' from it; put the whole text in single quotes"
        ],
    ),
    (
        "id-pattern",
        "river-ships.yaml",
        "id: river-ships",
        "id: ../River_Ships",
        [
            f"{S}:1:5: id: '../River_Ships' is not valid here; expected lowercase letters, digits and single hyphens, like 'forest-fire-watch'"
        ],
    ),
    (
        "id-equals-file-name",
        "river-ships.yaml",
        "id: river-ships",
        "id: river-boats",
        [f"{S}:1:5: id: the id 'river-boats' differs from the file name 'river-ships.yaml'; rename the file or change the id"],
    ),
    (
        "updated-before-released",
        "river-ships.yaml",
        "updated: 2024-01-15",
        "updated: 2020-01-15",
        [f"{S}:14:10: updated: 2020-01-15 is before released (2023-11-20); a record cannot change before it is published"],
    ),
    (
        "requirement-id-unique",
        "river-ships.yaml",
        "  - id: R2\n",
        "  - id: R1\n",
        [f"{S}:34:9: requirements[1].id: R1 is used twice; give each requirement its own id"],
    ),
    (  # was: "expected a text, got the number 2; put it in quotes", and then "'2' is not valid here"
        "requirement-id-a-number",
        "river-ships.yaml",
        "  - id: R2\n",
        "  - id: 2\n",
        [f"{S}:34:9: requirements[1].id: '2' is not valid here; expected R followed by a number with no leading zero, like R1"],
    ),
    (
        "requirement-id-pattern",
        "river-ships.yaml",
        "  - id: R2\n",
        "  - id: Req-2\n",
        [
            f"{S}:34:9: requirements[1].id: 'Req-2' is not valid here; expected R followed by a number with no leading zero, like R1"
        ],
    ),
    (
        "requirement-source-listed",
        "river-ships.yaml",
        "    kind: functional\n",
        "    kind: functional\n    source: xinhuanet-cq-2023-03-24\n",
        [
            f"{S}:42:13: requirements[2].source: 'xinhuanet-cq-2023-03-24' is not among this scenario's sources (ichongqing-2023-11-21); add it to sources or fix the key"
        ],
    ),
    (
        "figure-needs-a-basis",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 20, unit: cm}",
        [
            f"{S}:33:13: requirements[0].target: the figure 20 cm has no basis; cite it with source (a key of this scenario's sources) or add basis: typical (a typical published value) or basis: illustrative (a threshold chosen for this reconstruction)"
        ],
    ),
    (
        "figure-with-a-source-needs-no-basis",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}\n",
        "value: 20, unit: cm}\n    source: ichongqing-2023-11-21\n",
        [],
    ),
    (
        "evidence-source-listed",
        "river-ships.yaml",
        "    source: ichongqing-2023-11-21\n",
        "    source: xinhuanet-cq-2023-03-24\n",
        [
            f"{S}:51:13: evidence[0].source: 'xinhuanet-cq-2023-03-24' is not among this scenario's sources (ichongqing-2023-11-21); add it to sources or fix the key"
        ],
    ),
    (
        "rate-metric-needs-rate-unit",
        "river-ships.yaml",
        "metric: horizontal-accuracy, op",
        "metric: deformation-rate-accuracy, op",
        [
            f"{S}:33:76: requirements[0].target.unit: 'cm' measures length but deformation-rate-accuracy is a velocity; expected one of mm-per-year"
        ],
    ),
    (
        "district-established",
        "river-ships.yaml",
        "codes: [500101, 500105, 500230]",
        "codes: [500101, 500105, 500230, 500157]",
        [
            f"{S}:11:35: locations.codes[3]: 500157 (Liangjiang New Area) was established on 2025-11-06, after valid_on 2023-11-20; use the divisions valid on that date"
        ],
    ),
    (
        "performance-needs-target",
        "river-ships.yaml",
        '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
        "",
        [f"{S}:29:5: requirements[0]: a performance requirement needs a target (metric, op, value, unit)"],
    ),
    (
        "unit-fits-metric",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 20, unit: min, basis: typical}",
        [
            f"{S}:33:70: requirements[0].target.unit: 'min' measures time but horizontal-accuracy is a length; expected one of cm, m"
        ],
    ),
    (
        "operator-fits-metric",
        "river-ships.yaml",
        'op: "<=", value: 20',
        'op: ">=", value: 20',
        [f"{S}:33:47: requirements[0].target.op: '>=' does not fit horizontal-accuracy, where lower is better; use <= or <"],
    ),
    (
        "number-expected",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        'value: "20", unit: cm, basis: typical}',
        [f"{S}:33:60: requirements[0].target.value: expected a number, got the text '20'; write it without quotes"],
    ),
    (
        "number-minimum",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: -20, unit: cm, basis: typical}",
        [f"{S}:33:60: requirements[0].target.value: -20 is below the minimum; expected 0 or more"],
    ),
    (
        "number-finite",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: .inf, unit: cm, basis: typical}",
        [f"{S}:33:60: requirements[0].target.value: expected a finite number, got .inf"],
    ),
    (
        "number-exponent-without-dot",  # YAML 1.1 reads 1e3 as text: an exponent needs a dot and a sign
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 1e3, unit: cm, basis: typical}",
        [
            f"{S}:33:60: requirements[0].target.value: '1e3' was read as the text '1e3' (YAML 1.1 reads a number with an exponent only with a dot and a signed exponent): write 1000 or 1.0e+3"
        ],
    ),
    (
        "number-exponent-quoted",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        'value: "2e-1", unit: cm, basis: typical}',
        [f"{S}:33:60: requirements[0].target.value: expected a number, got the text '2e-1'; write 0.2 or 2.0e-1, without quotes"],
    ),
    (
        "number-exponent-read-as-number",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 2.0e+1, unit: cm, basis: typical}",
        [],
    ),
    (
        "number-leading-zero-octal",
        "river-ships.yaml",
        "codes: [500101, 500105, 500230]",
        "codes: [0500101, 500105, 500230]",
        [
            f"{S}:11:11: locations.codes[0]: '0500101' was read as the octal number 163905 (a leading 0 makes YAML 1.1 read a number in base 8, or as text if it has an 8 or a 9): write 500101"
        ],
    ),
    (
        "number-leading-zero-text",
        "river-ships.yaml",
        "codes: [500101, 500105, 500230]",
        "codes: [500101, 0500109]",
        [
            f"{S}:11:19: locations.codes[1]: '0500109' was read as the text '0500109' (a leading 0 makes YAML 1.1 read a number in base 8, or as text if it has an 8 or a 9): write 500109"
        ],
    ),
    (
        "number-base-60",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 1:30, unit: cm, basis: typical}",
        [
            f"{S}:33:60: requirements[0].target.value: '1:30' was read as the number 90 (YAML 1.1 reads numbers separated by colons in base 60, as minutes and seconds): write the number you mean in one unit, like 90"
        ],
    ),
    (
        "number-python-cannot-read",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 0x_, unit: cm, basis: typical}",
        [f"{S}:33:60: requirements[0].target.value: '0x_' is not a number; write digits, like 20"],
    ),
    (
        "number-too-large",
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: 1000000000000000, unit: cm, basis: typical}",
        [
            f"{S}:33:60: requirements[0].target.value: the number 1000000000000000 is too large; write at most 15 digits before the decimal point"
        ],
    ),
    (
        "number-too-long",  # 400 digits: more than a float holds; 5,000: more than Python reads
        "river-ships.yaml",
        "value: 20, unit: cm, basis: typical}",
        "value: " + "9" * 400 + ", unit: cm, basis: typical}",
        [
            f"{S}:33:60: requirements[0].target.value: the number 9999999999999999999999999999999999999... is 400 characters long; write at most 15 digits"
        ],
    ),
    (
        "date-without-leading-zeros",
        "river-ships.yaml",
        "released: 2023-11-20",
        "released: 2023-1-5",
        [f"{S}:13:11: released: '2023-1-5' is not a date: YAML reads dates as YYYY-MM-DD, write 2023-01-05"],
    ),
    (
        "citywide-alone",
        "river-ships.yaml",
        "codes: [500101, 500105, 500230]",
        "codes: [500000, 500101]",
        [f"{S}:11:10: locations.codes: 500000 means the whole municipality; list it alone or list districts only"],
    ),
    (
        "district-abolished",
        "river-ships.yaml",
        "valid_on: 2023-11-20",
        "valid_on: 2026-01-01",
        [
            f"{S}:11:19: locations.codes[1]: 500105 (Jiangbei District) was abolished on 2025-11-06, before valid_on 2026-01-01; use the divisions valid on that date"
        ],
    ),
    (
        "html-rejected",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: Show accuracy <script>alert(1)</script>",
        [
            f"{S}:46:21: how_to_respond.en: HTML is not allowed in texts (at '<script>alert(1)</script>'); write plain text or Markdown"
        ],
    ),
    (
        "html-entity-rejected",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: Show accuracy &lt;b&gt;",
        [f"{S}:46:21: how_to_respond.en: HTML is not allowed in texts (at '&lt;b&gt;'); write plain text or Markdown"],
    ),
    (
        "html-entity-without-its-semicolon-rejected",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: Show accuracy &lt b &#62",
        [f"{S}:46:21: how_to_respond.en: HTML is not allowed in texts (at '&lt b &#62'); write plain text or Markdown"],
    ),
    (
        "html-in-code-rejected-outside-it",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: 'Name the file `<vendor>.zip`, as <b>vendor</b>.zip.'",
        [f"{S}:46:41: how_to_respond.en: HTML is not allowed in texts (at '<b>vendor</b>.zip.'); write plain text or Markdown"],
    ),
    (  # "< b", "x<y" and "R&D;" are no tag or reference, and code shows as written: no one means markup
        "comparisons-and-code-are-no-html",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: 'Show that error < limit and x<y<z at every point (R&D; AT&T); name the file `<vendor>.zip`, then `a&lt;b`.'",
        [],
    ),
    (
        "an-html-comment-rejected",
        "river-ships.yaml",
        "  en: Show accuracy measured on a river section.",
        "  en: Show accuracy <!-- to check -->",
        [f"{S}:46:21: how_to_respond.en: HTML is not allowed in texts (at '<!-- to check -->'); write plain text or Markdown"],
    ),
    (
        "javascript-link-rejected",
        "river-ships.yaml",
        "(https://www.ichongqing.info/) for context.",
        "(javascript:alert(1)) for context.",
        [
            f"{S}:20:23: problem.en: 'javascript:' addresses are not allowed (at 'javascript:alert(1)) for conte…'); link to an http or https address"
        ],
    ),
    (
        "markdown-image-rejected",
        "river-ships.yaml",
        "See [the release]",
        "See ![the release]",
        [f"{S}:20:9: problem.en: images are not allowed in texts (they would load from another host); link to the image instead"],
    ),
    (
        "markdown-heading-rejected",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.",
        "    ## Channels",
        [f"{S}:18:5: problem.en: headings (#) are not allowed in texts; the page provides the headings, use **bold** instead"],
    ),
    (
        "markdown-link-absolute",
        "river-ships.yaml",
        "(https://www.ichongqing.info/) for context.",
        "(../secret.md) for context.",
        [
            f"{S}:20:23: problem.en: the link target '../secret.md' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (  # written otherwise than the reader takes it (an escape, a full-width colon): said where and as written
        "markdown-link-targets-written-otherwise",
        "river-ships.yaml",
        "(https://www.ichongqing.info/) for context.",
        "(javascript\\:alert(1)) or [that](<../secret.md>).",
        [
            f"{S}:20:23: problem.en: the link target 'javascript\\:alert(1)' is not a web address; links must start with https:// or http:// and a host",
            f"{S}:20:55: problem.en: the link target '<../secret.md>' is not a web address; links must start with https:// or http:// and a host",
        ],
    ),
    (
        "markdown-link-with-a-full-width-colon",
        "river-ships.yaml",
        "见[发布报道](https://www.ichongqing.info/)。",
        "见[发布报道](javascript：alert(1))。",
        [
            f"{S}:24:15: problem.zh: the link target 'javascript：alert(1)' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (  # the link is a reference defined inside a list item: the renderer reads it, so the checker does
        "markdown-reference-in-a-list-to-another-host",
        "river-ships.yaml",
        "    See [the release](https://www.ichongqing.info/) for context.",
        "    See [the release][r] for context.\n\n    - [r]: //evil.example/r",
        [
            f"{S}:22:12: problem.en: the link target '//evil.example/r' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (  # was: valid; the renderer refused 'https://' alone and read the definition as text, where
        # the link in its title, hidden from the checker, came to life
        "markdown-reference-to-no-host-with-a-link-in-its-title",
        "river-ships.yaml",
        "    See [the release](https://www.ichongqing.info/) for context.",
        "    See the release.\n\n    [r]: https:// 'Read [the form](/etc/passwd)'",
        [
            f"{S}:22:10: problem.en: the link target 'https://' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (  # the address that would go to evil.example, the part before '@' read as a user name
        "markdown-link-with-a-user-name",
        "river-ships.yaml",
        "(https://www.ichongqing.info/) for context.",
        "(https://www.cq.gov.cn@evil.example/) for context.",
        [
            f"{S}:20:23: problem.en: the link target 'https://www.cq.gov.cn@evil.example/' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (
        "markdown-reference-in-a-quote-not-used",
        "river-ships.yaml",
        "    See [the release](https://www.ichongqing.info/) for context.",
        "    See the release.\n\n    > [q]: ftp://files.example/q",
        [
            f"{S}:22:12: problem.en: the link target 'ftp://files.example/q' is not a web address; links must start with https:// or http:// and a host"
        ],
    ),
    (  # was: valid, and the page showed the brackets and the address as written
        "markdown-link-in-a-plain-text",
        "river-ships.yaml",
        "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
        "  en: Ships need [decimetre-level](https://www.ichongqing.info/) BeiDou positions.",
        [
            f"{S}:4:7: summary.en: a link (to 'https://www.ichongqing.info/') in a plain text shows as written, not as a link; write the words alone, and link in problem or how_to_respond, or cite the address in sources"
        ],
    ),
    (
        "autolink-in-a-plain-text",
        "river-ships.yaml",
        "zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。",
        "zh: 船长：掌握本船位置，见<https://www.ichongqing.info/>。",
        [
            f"{S}:27:9: users[0].zh: a link (to 'https://www.ichongqing.info/') in a plain text shows as written, not as a link; write the words alone, and link in problem or how_to_respond, or cite the address in sources"
        ],
    ),
    (
        "javascript-after-which-a-digit",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships,",
        "title: {en: 'Decimetre [positioning](javascript:0,alert(1))',",
        [
            f"{S}:2:38: title.en: 'javascript:' addresses are not allowed (at 'javascript:0,alert(1))'); link to an http or https address"
        ],
    ),
    (
        "text-too-long",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships,",
        "title: {en: " + "Decimetre positioning " * 5 + "for river ships,",
        [f"{S}:2:13: title.en: 125 characters; the limit is 90, shorten it"],
    ),
    (
        "summary-too-many-words",
        "river-ships.yaml",
        "  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.",
        "  en: " + "word " * 61,
        [f"{S}:4:7: summary.en: 61 words; the limit is 60 words, shorten it"],
    ),
    (
        "invisible-character",
        "river-ships.yaml",
        "Decimetre positioning for river ships,",
        "Decimetre positioning for river\u202e ships,",
        [
            f"{S}:2:44: title.en: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) can show text in another order than it is read; delete it"
        ],
    ),
    (
        "text-empty",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        '  - {en: "  ", zh: 仅限北斗。}',
        [f"{S}:44:10: constraints[0].en: the English text is empty; write it"],
    ),
    (
        "functional-requirement-needs-no-target",
        "river-ships.yaml",
        '    kind: performance\n    text: {en: Real-time horizontal position., zh: 实时水平位置。}\n    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
        "    kind: functional\n    text: {en: Real-time horizontal position., zh: 实时水平位置。}\n",
        [],  # R2 still has a target, so the scenario stays measurable
    ),
    (
        "language-in-capitals-suggests",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
        "title: {en: Decimetre positioning for river ships, ZH: 内河船舶分米级定位}",
        [f"{S}:2:52: title.ZH: unknown language 'ZH'; did you mean 'zh'? (expected en, zh)"],
    ),
    (
        "short-misspelling-suggests",
        "river-ships.yaml",
        "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}",
        "title: {en: Decimetre positioning for river ships, zn: 内河船舶分米级定位}",
        [f"{S}:2:52: title.zn: unknown language 'zn'; did you mean 'zh'? (expected en, zh)"],
    ),
    (
        "swapped-letters-say-what-to-write",
        "river-ships.yaml",
        'op: "<=", value: 20, unit: cm, basis: typical}',
        'op: "=<", value: 20, unit: cm, basis: typical}',
        [f"{S}:33:47: requirements[0].target.op: '=<' is not allowed; write <= (expected one of <=, <, >=, >, =)"],
    ),
    (
        "prose-labels-are-not-link-schemes",
        "river-ships.yaml",
        "{en: BeiDou only., zh: 仅限北斗。}",
        "{en: 'Position data: every 5 s. Video file: optional.', zh: 仅限北斗。}",
        [],
    ),
    (
        "over-indented-line",
        "river-ships.yaml",
        "released: 2023-11-20",
        "  released: 2023-11-20",
        [
            f"{S}:13:3: released: wrong indentation: this line is indented deeper than 'status' at {S}:12:1, so it would belong to 'status', which has its value already; indent it as far as 'status' to make it a field beside it"
        ],
    ),
    (
        "over-indented-list-item-field",
        "river-ships.yaml",
        "    priority: should\n",
        "        priority: should\n",
        [
            f"{S}:35:9: requirements[1].priority: wrong indentation: this line is indented deeper than 'id' at {S}:34:5, so it would belong to 'id', which has its value already; indent it as far as 'id' to make it a field beside it"
        ],
    ),
    (
        "under-indented-line",
        "river-ships.yaml",
        "  zh: 船舶需要",
        " zh: 船舶需要",
        [
            f"{S}:5:2: summary.zh: wrong indentation: this line is indented less than 'en' at {S}:4:3 and more than 'summary' at {S}:3:1; indent it as far as 'en' to make it a field beside it"
        ],
    ),
    (  # a key no vocabulary has, before whether the scenario lists it: 'add it to sources' would not do
        "misspelt-source-of-a-requirement",
        "river-ships.yaml",
        '    target: {metric: horizontal-accuracy, op: "<=", value: 20',
        '    source: ichongqing-2023-11-2\n    target: {metric: horizontal-accuracy, op: "<=", value: 20',
        [
            f"{S}:33:13: requirements[0].source: 'ichongqing-2023-11-2' is not a known source; expected a key of scenarios/vocabularies/sources.yaml (did you mean 'ichongqing-2023-11-21'?)"
        ],
    ),
    (  # the line is deleted in memory, so the rest of the file is checked in the same run
        "second-document-marker-between-fields",
        "river-ships.yaml",
        "provenance: illustrative\nproblem:\n",
        "provenance: illustrativ\n---\nproblem:\n",
        [
            f"{S}:15:13: provenance: 'illustrativ' is not allowed; did you mean 'illustrative'? (expected one of official, illustrative, community)",
            f"{S}:16:1: '---' starts a second YAML document here; each file of the catalogue is one document: delete this line",
        ],
    ),
    (  # after a block text: no line of the text indented too little
        "document-end-marker-after-a-text",
        "river-ships.yaml",
        "背景见[发布报道](https://www.ichongqing.info/)。\n",
        "背景见[发布报道](https://www.ichongqing.info/)。\n...\n",
        [
            f"{S}:25:1: '...' ends the YAML document here, before the lines below it; each file of the catalogue is one document: delete this line"
        ],
    ),
    (  # a kind that says what the requirement is not: no 'did you mean' the kind it denies
        "kind-that-negates-one",
        "river-ships.yaml",
        "kind: security",
        "kind: non-functional",
        [
            f"{S}:36:11: requirements[1].kind: 'non-functional' is not allowed; expected one of functional, performance, data, integration, security, compliance"
        ],
    ),
    (  # the key in capitals, which is also the unit's symbol in capitals
        "unit-key-in-capitals",
        "river-ships.yaml",
        "unit: cm, basis",
        "unit: CM, basis",
        [
            f"{S}:33:70: requirements[0].target.unit: 'CM' is not a known unit; write it as scenarios/vocabularies/units.yaml does: cm"
        ],
    ),
    (  # said at the key, and checked on with the comma written: the priority misspelt below is said too
        "comma-missing-in-braces-after-quotes",
        "river-ships.yaml",
        'op: "<=", value: 20, unit: cm, basis: typical}\n  - id: R2\n    priority: should',
        'op: "<=" value: 20, unit: cm, basis: typical}\n  - id: R2\n    priority: shuld',
        [
            f"{S}:33:52: requirements[0].target.value: a ',' is missing before 'value': in braces, the fields are separated by commas; write ', value:'",
            f"{S}:35:15: requirements[1].priority: 'shuld' is not allowed; did you mean 'should'? (expected one of must, should)",
        ],
    ),
    (  # YAML stops at the key's colon, after the value it read as '<= value'
        "comma-missing-in-braces-after-a-plain-value",
        "river-ships.yaml",
        'op: "<=", value: 20',
        "op: <= value: 20",
        [
            f"{S}:33:50: requirements[0].target.value: a ',' is missing before 'value': in braces, the fields are separated by commas; write ', value:'"
        ],
    ),
    (
        "comma-missing-between-the-languages",
        "river-ships.yaml",
        "{en: Real-time horizontal position., zh: 实时水平位置。}",
        '{en: "Real-time horizontal position." zh: 实时水平位置。}',
        [
            f"{S}:32:49: requirements[0].text.zh: a ',' is missing before 'zh': in braces, the fields are separated by commas; write ', zh:'"
        ],
    ),
    (
        "no-space-after-a-colon-in-braces",
        "river-ships.yaml",
        "value: 20, unit: cm",
        "value:20, unit: cm",
        [
            f"{S}:33:53: requirements[0].target.value: 'value' has no space after its colon, so YAML reads 'value:20' as a key; write 'value: 20'"
        ],
    ),
    (  # YAML reads 'en:|' and the text's lines below it as one text, and fails at 'zh' below
        "no-space-after-the-colon-before-a-block-text",
        "river-ships.yaml",
        "  en: |\n    Channels are",
        "  en:|\n    Channels are",
        [
            f"{S}:17:5: problem.en: 'en:' has no space after its colon, so YAML reads the line as text; write 'en: ...', with a space after the colon"
        ],
    ),
    (  # the item is moved with its fields, which stand as far as its key, and the rest is checked
        "list-item-and-its-fields-indented-too-little",
        "river-ships.yaml",
        ITEM + NEXT,
        "".join(line[1:] + "\n" for line in ITEM.splitlines()) + MISSPELT,
        [
            f"{S}:34:2: wrong indentation: this line is indented less than the list item at {S}:29:3 and more than 'requirements' at {S}:28:1; indent it as far as the list item to make it another item of the list",
            f"{S}:41:11: requirements[2].kind: 'functionl' is not allowed; did you mean 'functional'? (expected one of functional, performance, data, integration, security, compliance)",
        ],
    ),
    (  # only its line slipped: moved alone, beside its fields
        "list-item-alone-indented-too-little",
        "river-ships.yaml",
        ITEM + NEXT,
        ITEM[1:] + MISSPELT,
        [
            f"{S}:34:2: wrong indentation: this line is indented less than the list item at {S}:29:3 and more than 'requirements' at {S}:28:1; indent it as far as the list item to make it another item of the list",
            f"{S}:41:11: requirements[2].kind: 'functionl' is not allowed; did you mean 'functional'? (expected one of functional, performance, data, integration, security, compliance)",
        ],
    ),
    (  # not 'indent it as far as target': a list item is no field of a mapping
        "list-item-and-its-fields-indented-too-far",
        "river-ships.yaml",
        ITEM + NEXT,
        "".join(f" {line}\n" for line in ITEM.splitlines()) + MISSPELT,
        [
            f"{S}:34:4: wrong indentation: this line is indented deeper than the list item at {S}:29:3 and less than 'target' at {S}:33:5; indent it as far as the list item to make it another item of the list",
            f"{S}:41:11: requirements[2].kind: 'functionl' is not allowed; did you mean 'functional'? (expected one of functional, performance, data, integration, security, compliance)",
        ],
    ),
    (
        "list-item-alone-indented-too-far",
        "river-ships.yaml",
        ITEM + NEXT,
        " " + ITEM + MISSPELT,
        [
            f"{S}:34:4: wrong indentation: this line is indented deeper than the list item at {S}:29:3 and less than 'target' at {S}:33:5; indent it as far as the list item to make it another item of the list",
            f"{S}:41:11: requirements[2].kind: 'functionl' is not allowed; did you mean 'functional'? (expected one of functional, performance, data, integration, security, compliance)",
        ],
    ),
    (  # the misspelt key is read as the one it misspells, so the rule across the fields runs too
        "misspelt-key-beside-a-unit-of-another-kind",
        "river-ships.yaml",
        'target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm',
        'target: {metrc: horizontal-accuracy, op: "<=", value: 20, unit: min',
        [
            f"{S}:33:14: requirements[0].target.metrc: unknown key 'metrc'; did you mean 'metric'? (expected one of metric, op, value, unit, basis)",
            f"{S}:33:69: requirements[0].target.unit: 'min' measures time but horizontal-accuracy is a length; expected one of cm, m",
        ],
    ),
    (  # each where it is, not the text's '|', and every kind: the heading, the image and the link
        "markdown-problems-each-where-it-is",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.",
        "    ## Channels\n\n    See ![the release](https://www.ichongqing.info/a.png) and [the form](/etc/passwd).",
        [
            f"{S}:18:5: problem.en: headings (#) are not allowed in texts; the page provides the headings, use **bold** instead",
            f"{S}:20:9: problem.en: images are not allowed in texts (they would load from another host); link to the image instead",
            f"{S}:20:74: problem.en: the link target '/etc/passwd' is not a web address; links must start with https:// or http:// and a host",
        ],
    ),
    (  # a tag shown in the excerpt of the one before it is said with it; one further on, where it is
        "html-tags-each-where-it-is",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See",
        "    Channels are <b>narrow</b> at <i>bridges</i>.\n\n    Of the river <u>Yangtze</u>. See",
        [
            f"{S}:18:18: problem.en: HTML is not allowed in texts (at '<b>narrow</b> at <i>bridges</i…'); write plain text or Markdown",
            f"{S}:20:18: problem.en: HTML is not allowed in texts (at '<u>Yangtze</u>. See [the relea…'); write plain text or Markdown",
        ],
    ),
    (  # said at the first line, not at the line below that YAML fails on; checked on as mended
        "first-line-of-a-block-text-indented-deeper",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.\n  zh: |\n    桥区航道**狭窄**。",
        "      Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.\n  zh: |\n    桥区航道<b>狭窄</b>。",
        [
            f"{S}:18:7: wrong indentation: the first line of a text sets how far all its lines are indented, and this one is indented deeper than the line below it; indent it as far as line 20",
            f"{S}:22:9: problem.zh: HTML is not allowed in texts (at '<b>狭窄</b>。 背景见[发布报道](https://…'); write plain text or Markdown",
        ],
    ),
    (  # the page would show the two asterisks as written
        "bold-marks-that-nothing-closes",
        "river-ships.yaml",
        "桥区航道**狭窄**。",
        "桥区航道**狭窄。",
        [
            f"{S}:22:9: problem.zh: '**' before '狭窄。' opens bold text that nothing closes, so it is shown as written; write '**' after the words it marks too, or remove it"
        ],
    ),
    (  # and where they stand after the words alone; not '**' between spaces, which marks nothing
        "bold-marks-that-nothing-opens",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.",
        "    Channels are wide, a ** b, and narrow** at bridges.",
        [
            f"{S}:18:42: problem.en: '**' after 'b, and narrow' closes bold text that nothing opens, so it is shown as written; write '**' before the words it marks too, or remove it"
        ],
    ),
    (
        "empty-key-of-a-vocabulary",
        "river-ships.yaml",
        "domain: transport",
        'domain: ""',
        [f"{S}:6:9: domain: the value is empty; write a key of scenarios/vocabularies/domains.yaml"],
    ),
    (  # a key indented too far below a one-line text is no line of the text indented too little
        "key-below-a-one-line-block-text-indented-too-far",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.\n  zh: |",
        "    Channels are narrow at bridges.\n   zh: |",
        [
            f"{S}:19:4: wrong indentation: this line is indented less than the first line of the text of 'en' at {S}:17:3; indent every line of the text as far as its first"
        ],
    ),
    (  # moved with its fields, whose first line below is its text's: nothing more is said of it
        "list-item-with-a-block-text-indented-too-far",
        "river-ships.yaml",
        "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。\n",
        "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。\n   - en: |\n       Pilots.\n     zh: 引航员。\n",
        [
            f"{S}:28:4: wrong indentation: this line is indented deeper than the list item at {S}:26:3 and less than 'zh' at {S}:27:5; indent it as far as the list item to make it another item of the list"
        ],
    ),
    (  # every comma missing on the line, in one message, so that the rest is read
        "two-commas-missing-in-braces",
        "river-ships.yaml",
        'op: "<=", value: 20, unit: cm',
        'op: "<=" value: 20 unit: cm',
        [
            f"{S}:33:52: requirements[0].target.value: a ',' is missing before 'value' and 'unit': in braces, the fields are separated by commas; write ', value:' and ', unit:'"
        ],
    ),
    (
        "no-space-after-the-colon-of-a-language-in-braces",
        "river-ships.yaml",
        "zh: 内河船舶分米级定位}",
        "zh:内河船舶分米级定位}",
        [
            f"{S}:2:52: title.zh: 'zh' has no space after its colon, so YAML reads 'zh:内河船舶分米级定位' as a key; write 'zh: 内河船舶分米级定位'"
        ],
    ),
    (  # not 'quote the text holding ': '': the ': ' is that of the other language
        "comma-missing-before-the-other-language",
        "river-ships.yaml",
        "{en: Real-time horizontal position., zh: 实时水平位置。}",
        "{en: Real-time horizontal position. zh: 实时水平位置。}",
        [
            f"{S}:32:47: requirements[0].text.zh: a ',' is missing before 'zh': in braces, the fields are separated by commas; write ', zh:'"
        ],
    ),
    (  # the same image twice: each where it is; a link's target where the link is, not where the words stand before
        "markdown-repeated-problems-each-where-it-is",
        "river-ships.yaml",
        "Channels are *narrow* at bridges.",
        "![m](https://x.org/a.png) and ![m](https://x.org/a.png), /x; [a](/x).",
        [
            f"{S}:18:5: problem.en: images are not allowed in texts (they would load from another host); link to the image instead",
            f"{S}:18:35: problem.en: images are not allowed in texts (they would load from another host); link to the image instead",
            f"{S}:18:70: problem.en: the link target '/x' is not a web address; links must start with https:// or http:// and a host",
        ],
    ),
    (  # at the end of a later paragraph, not where '**' first stands; a power ('10**-3') marks nothing
        "bold-marks-that-nothing-opens-at-the-end-of-a-paragraph",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See",
        "    Channels are **narrow** at bridges, error 10**-3 m.\n\n    See it**\n\n    See",
        [
            f"{S}:20:11: problem.en: '**' after 'it' closes bold text that nothing opens, so it is shown as written; write '**' before the words it marks too, or remove it"
        ],
    ),
    (  # the pair before it is read: this one alone is not
        "bold-marks-that-nothing-closes-after-a-pair",
        "river-ships.yaml",
        "桥区航道**狭窄**。",
        "桥区航道**狭窄**，**船舶",
        [
            f"{S}:22:16: problem.zh: '**' before '船舶' opens bold text that nothing closes, so it is shown as written; write '**' after the words it marks too, or remove it"
        ],
    ),
    (  # not a second scenario: no 'id' below it; deleted in memory, so 'status' is a duplicate
        "second-document-marker-before-a-field-written-above",
        "river-ships.yaml",
        "users:\n",
        "---\nstatus: reconstructed\nusers:\n",
        [
            f"{S}:25:1: '---' starts a second YAML document here; each file of the catalogue is one document: delete this line",
            f"{S}:26:1: status: duplicate key 'status'; it is already set on line 12, keep one",
        ],
    ),
    (  # the mended text is checked as written: 150 is read whole, not as 15
        "two-commas-missing-and-a-value-checked-as-written",
        "fire-watch.yaml",
        'op: ">=", value: 90, unit: percent}',
        'op: ">=" value: 150 unit: percent}',
        [
            "scenarios/fire-watch.yaml:32:49: requirements[1].target.value: a ',' is missing before 'value' and 'unit': in braces, the fields are separated by commas; write ', value:' and ', unit:'",
            "scenarios/fire-watch.yaml:32:56: requirements[1].target.value: 150 is more than a ratio can be (at most 100%); check the value",
        ],
    ),
    (  # powers and products, beside each other or alone, mark nothing and are shown as meant
        "powers-are-no-bold-marks",
        "river-ships.yaml",
        "Channels are *narrow* at bridges.",
        "Error is 10**-3 m and x**2, 2**10, a**b, (x+1)**2, 10** -3 and 5**3.",
        [],
    ),
    (  # its fields stand part at its key, part where its key goes: not moved, nothing more said
        "list-item-with-fields-at-two-depths-indented-too-far",
        "river-ships.yaml",
        "  - id: R2\n    priority: should\n    kind: security\n",
        "   - id: R2\n     priority: should\n     kind: security\n",
        [
            f"{S}:34:4: wrong indentation: this line is indented deeper than the list item at {S}:29:3 and less than 'target' at {S}:33:5; indent it as far as the list item to make it another item of the list"
        ],
    ),
    (  # the marks at the text's start pair with those after '）': one message, not also 'nothing closes'
        "bold-marks-at-the-start-beside-punctuation",
        "river-ships.yaml",
        "桥区航道**狭窄**。",
        "**（注意）**航道狭窄。",
        [
            f"{S}:22:11: problem.zh: '**' beside '）' is shown as written: CommonMark reads no bold where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation (（**注意**）)"
        ],
    ),
    (  # two that both open pair with nothing: each is said
        "two-bold-marks-that-both-open",
        "river-ships.yaml",
        "Channels are *narrow* at bridges.",
        "Channels are **narrow at **bridges.",
        [
            f"{S}:18:18: problem.en: '**' before 'narrow at' opens bold text that nothing closes, so it is shown as written; write '**' after the words it marks too, or remove it",
            f"{S}:18:30: problem.en: '**' before 'bridges.' opens bold text that nothing closes, so it is shown as written; write '**' after the words it marks too, or remove it",
        ],
    ),
    (  # the rest of the quoted text, which YAML read as keys after the ',' in it, is not said to be cut
        "no-space-after-a-language-before-a-quoted-text",
        "river-ships.yaml",
        'text: {en: "Show the position',
        'text: {en:"Show the position',
        [
            f"{S}:42:12: requirements[2].text.en: 'en' has no space after its colon, so YAML reads 'en:\"Show the position on charts | wit...' as a key; write 'en: \"Show the position on charts | with 5...'"
        ],
    ),
    (  # in code, an image and a '#' line are shown as written: only the image outside it is said
        "markdown-in-code-is-no-problem",
        "river-ships.yaml",
        "    Channels are *narrow* at bridges.\n\n    See",
        "    Use `![x](y)`, not ![x](https://x.org/a.png).\n\n    ```\n    # a line of code\n    ```\n\n    See",
        [
            f"{S}:18:24: problem.en: images are not allowed in texts (they would load from another host); link to the image instead"
        ],
    ),
    (  # not 'as far as target': a list item is no field; moved there, and the rest is checked
        "list-item-indented-deeper-than-the-field-above",
        "river-ships.yaml",
        ITEM,
        "   " + ITEM.replace("priority: should", "priority: shuld"),
        [
            f"{S}:34:6: wrong indentation: this line is indented deeper than 'target' at {S}:33:5, so it would belong to 'target', which has its value already; indent it as far as the list item at {S}:29:3 to make it another item of the list",
            f"{S}:35:15: requirements[1].priority: 'shuld' is not allowed; did you mean 'should'? (expected one of must, should)",
        ],
    ),
    (  # YAML reads 'en:|', the text's lines, 'zh:|' and its lines as one text: each language is said
        "no-space-after-the-colons-of-both-block-texts",
        "river-ships.yaml",
        "  en: |\n    Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.\n  zh: |",
        "  en:|\n    Use zh:CN names. Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context.\n  zh:|",
        [
            f"{S}:17:3: problem.en: 'en:' has no space after its colon, so YAML reads the line as text; write 'en: ...', with a space after the colon",
            f"{S}:21:3: problem.zh: 'zh:' has no space after its colon, so YAML reads the line as text; write 'zh: ...', with a space after the colon",
        ],
    ),
    (  # the operator alone is quoted, and the comma after it is said to be missing
        "operator-without-quotes-and-comma-in-braces",
        "river-ships.yaml",
        'op: ">=", value: 3',
        "op: >= value: 3",
        [
            f"{S}:38:42: requirements[1].target.op: a value that starts with '>' is read as the start of a block text; write it in quotes: \">=\"",
            f"{S}:38:45: requirements[1].target.value: a ',' is missing before 'value': in braces, the fields are separated by commas; write ', value:'",
        ],
    ),
    (  # 'output' is no field of the record: the whole text is quoted, as before
        "value-without-quotes-before-words-with-a-colon-in-braces",
        "river-ships.yaml",
        "text: {en: Protected systems., zh: 系统安全防护。}",
        "text: {en: `NMEA` output: 1 Hz, zh: 系统安全防护。}",
        [
            f"{S}:37:16: requirements[1].text.en: a value that starts with '`' is read as a reserved character; write it in quotes: \"`NMEA` output: 1 Hz\""
        ],
    ),
    (  # in quotes, 'en:' is the text's own: the text is one, not two with a slip
        "text-in-quotes-that-starts-with-a-language",
        "river-ships.yaml",
        "summary:\n  en: Ships need decimetre-level BeiDou positions on charts to keep to narrow channels.\n  zh: 船舶需要在航道图上获得分米级北斗定位，以保持在狭窄航道内。\n",
        'summary: "en:zh pairs"\n',
        [f"{S}:3:10: summary: expected a text in both languages, written as {{en: ..., zh: ...}}, got a single text"],
    ),
    (  # its '- ' as far as 'target': moved as far as the items, and the rest of it is checked
        "list-item-indented-as-far-as-a-field-above",
        "river-ships.yaml",
        ITEM,
        "".join(f"  {line}\n" for line in ITEM.replace("priority: should", "priority: shuld").splitlines()),
        [
            f"{S}:34:5: wrong indentation: this list item is indented as far as 'target' at {S}:33:5, which has its value already; indent it as far as the list item at {S}:29:3",
            f"{S}:35:17: requirements[1].priority: 'shuld' is not allowed; did you mean 'should'? (expected one of must, should)",
        ],
    ),
    (  # an item with no key ('- {…}') where YAML fails, as one with a key: moved, and the rest checked
        "list-item-in-braces-indented-deeper-than-the-field-above",
        "river-ships.yaml",
        "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。\nrequirements:\n  - id: R1\n    priority: must",
        "    zh: 船长：掌握本船在航道图上的位置，确保在航道内航行。\n     - {en: Pilots., zh: 引航员。}\nrequirements:\n  - id: R1\n    priority: mst",
        [
            f"{S}:28:6: wrong indentation: this line is indented deeper than 'zh' at {S}:27:5, so it would belong to 'zh', which has its value already; indent it as far as the list item at {S}:26:3 to make it another item of the list",
            f"{S}:31:15: requirements[0].priority: 'mst' is not allowed; did you mean 'must'? (expected one of must, should)",
        ],
    ),
    (  # following 'did you mean' would drop one of them
        "two-keys-without-a-comma",
        "river-ships.yaml",
        "capabilities: [satellite-navigation]",
        "capabilities: [satellite-navigation remote-sensing]",
        [
            f"{S}:7:16: capabilities[0]: 'satellite-navigation remote-sensing' is 2 keys of scenarios/vocabularies/capabilities.yaml without a comma between them; in brackets write [satellite-navigation, remote-sensing], in a list below the key a '- ' line each"
        ],
    ),
    (
        "two-keys-for-a-field-of-one",
        "river-ships.yaml",
        "domain: transport",
        "domain: transport forestry",
        [
            f"{S}:6:9: domain: 'transport forestry' is 2 keys of scenarios/vocabularies/domains.yaml; this field takes one: write one of transport, forestry"
        ],
    ),
    (  # the metric meant is no time: the unit is wrong as well, said in the same message
        "misspelt-metric-with-a-unit-of-another-kind",
        "river-ships.yaml",
        'target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm',
        'target: {metric: horizontal-acuracy, op: "<=", value: 20, unit: min',
        [
            f"{S}:33:22: requirements[0].target.metric: 'horizontal-acuracy' is not a known metric; did you mean 'horizontal-accuracy'? It measures a length, and the unit min a time: give it a unit that measures a length"
        ],
    ),
    (  # the key is the requirement's, not the text's: beside 'text', and the rest is checked on
        "field-of-the-record-indented-into-its-text",
        "river-ships.yaml",
        '    text: {en: Real-time horizontal position., zh: 实时水平位置。}\n    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm',
        '    text:\n      en: Real-time horizontal position.\n      zh: 实时水平位置。\n     target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: min',
        [
            f"{S}:35:6: requirements[0].target: wrong indentation: this line is indented less than 'zh' at {S}:34:7 and more than 'text' at {S}:32:5; 'target' is not a field of the mapping of 'zh' but of that of 'text': indent it as far as 'text' at {S}:32:5 to make it a field beside it",
            f"{S}:35:71: requirements[0].target.unit: 'min' measures time but horizontal-accuracy is a length; expected one of cm, m",
        ],
    ),
    (
        "list-item-field-indented-as-the-item",
        "river-ships.yaml",
        "    kind: security",
        "  kind: security",
        [
            f"{S}:36:3: wrong indentation: this line is indented as far as the list item at {S}:34:3, not as its field 'priority' at {S}:35:5; indent it as far as 'priority' to make it a field beside it"
        ],
    ),
    (
        "over-indented-list-item",
        "river-ships.yaml",
        "  - id: R2",
        "    - id: R2",
        [
            f"{S}:34:5: wrong indentation: this list item is indented as far as 'target' at {S}:33:5, which has its value already; indent it as far as the list item at {S}:29:3"
        ],
    ),
    (
        "under-indented-list-item",
        "river-ships.yaml",
        "  - id: R2",
        "- id: R2",
        [
            f"{S}:34:1: wrong indentation: this line is indented less than the list item at {S}:29:3 and as far as 'requirements' at {S}:28:1; indent it as far as the list item to make it another item of the list"
        ],
    ),
    (  # each item of a run indented deeper than the first item is said, each at its line, and the rest checked
        "list-items-indented-deeper-than-the-first",
        "river-ships.yaml",
        ITEM + NEXT + "\n    text:",
        "".join(f" {line}\n" for line in (ITEM + NEXT + "\n    text:").splitlines())[:-1].replace(
            "kind: functional", "kind: functionl"
        ),
        [
            f"{S}:34:4: wrong indentation: this line is indented deeper than the list item at {S}:29:3 and less than 'target' at {S}:33:5; indent it as far as the list item to make it another item of the list",
            f"{S}:39:4: wrong indentation: this list item is indented deeper than the list item at {S}:29:3; indent it as far as that item to make it another item of the list",
            f"{S}:41:12: requirements[2].kind: 'functionl' is not allowed; did you mean 'functional'? (expected one of functional, performance, data, integration, security, compliance)",
        ],
    ),
    (  # the odd one is the first item, deeper than the two below it: said of it, not of the next
        "first-list-item-indented-deeper-than-the-rest",
        "river-ships.yaml",
        '  - id: R1\n    priority: must\n    kind: performance\n    text: {en: Real-time horizontal position., zh: 实时水平位置。}\n    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n'
        + ITEM,
        '   - id: R1\n     priority: must\n     kind: performance\n     text: {en: Real-time horizontal position., zh: 实时水平位置。}\n     target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n'
        + ITEM.replace("priority: should", "priority: shuld"),
        [
            f"{S}:29:4: requirements: wrong indentation: this list item is indented deeper than the items of its list below it, the first at {S}:34:3; indent it as far as they are",
            f"{S}:35:15: requirements[1].priority: 'shuld' is not allowed; did you mean 'should'? (expected one of must, should)",
        ],
    ),
    (  # two items stand as the list's first: the two below them, less indented, are the odd ones, each said
        "list-items-indented-less-than-the-first-two",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}\nhow_to_respond:",
        "  - {en: BeiDou only., zh: 仅限北斗。}\n  - {en: No data abroad., zh: 数据不出境。}\n - {en: Chinese first., zh: 中文优先。}\n - {en: Offline too., zh: 可离线使用。}\nhow_to_respnd:",
        [
            f"{S}:46:2: wrong indentation: this line is indented less than the list item at {S}:44:3 and more than 'constraints' at {S}:43:1; indent it as far as the list item to make it another item of the list",
            f"{S}:47:2: wrong indentation: this list item is indented less than the list item at {S}:44:3; indent it as far as that item to make it another item of the list",
            f"{S}:48:1: how_to_respnd: unknown key 'how_to_respnd'; did you mean 'how_to_respond'? (expected one of {KEYS})",
        ],
    ),
    (  # items below it at other columns than the first item's: each said against the first, all moved, the rest checked
        "list-items-astray-at-several-columns",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}\nhow_to_respond:",
        "  - {en: BeiDou only., zh: 仅限北斗。}\n   - {en: No data abroad., zh: 数据不出境。}\n     - {en: Chinese first., zh: 中文优先。}\n   - {en: Offline too., zh: 可离线使用。}\nhow_to_respnd:",
        [
            f"{S}:45:4: wrong indentation: this line is indented deeper than the list item above it, whose value is on its line; indent it as far as the list item at {S}:44:3 to make it another item of the list",
            f"{S}:46:6: wrong indentation: this list item is indented deeper than the list item at {S}:44:3; indent it as far as that item to make it another item of the list",
            f"{S}:47:4: wrong indentation: this list item is indented deeper than the list item at {S}:44:3; indent it as far as that item to make it another item of the list",
            f"{S}:48:1: how_to_respnd: unknown key 'how_to_respnd'; did you mean 'how_to_respond'? (expected one of {KEYS})",
        ],
    ),
    (  # the list at its key's column: the item as far as the first's fields, and one deeper still, each said
        "list-items-astray-from-a-list-at-its-keys-column",
        "river-ships.yaml",
        '  - id: R1\n    priority: must\n    kind: performance\n    text: {en: Real-time horizontal position., zh: 实时水平位置。}\n    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n'
        + ITEM
        + NEXT
        + "\n    text:",
        '- id: R1\n  priority: must\n  kind: performance\n  text: {en: Real-time horizontal position., zh: 实时水平位置。}\n  target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n'
        + ITEM.replace("priority: should", "prority: should")
        + "".join(f" {line}\n" for line in (NEXT + "\n    text:").splitlines())[:-1],
        [
            f"{S}:34:3: wrong indentation: this list item is indented as far as 'target' at {S}:33:3, which has its value already; indent it as far as the list item at {S}:29:1",
            f"{S}:35:5: requirements[1].prority: unknown key 'prority'; did you mean 'priority'? (expected one of id, priority, kind, text, target, source)",
            f"{S}:39:4: wrong indentation: this list item is indented deeper than the list item at {S}:29:1; indent it as far as that item to make it another item of the list",
        ],
    ),
    (  # '- {…}' deeper than an item whose value is on its line: YAML fails on each
        "keyless-list-items-indented-deeper-than-the-first",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}\nhow_to_respond:",
        "  - {en: BeiDou only., zh: 仅限北斗。}\n   - {en: No data abroad., zh: 数据不出境。}\n   - {en: Chinese first., zh: 中文优先。}\nhow_to_respnd:",
        [
            f"{S}:45:4: wrong indentation: this line is indented deeper than the list item above it, whose value is on its line; indent it as far as the list item at {S}:44:3 to make it another item of the list",
            f"{S}:46:4: wrong indentation: this list item is indented deeper than the list item at {S}:44:3; indent it as far as that item to make it another item of the list",
            f"{S}:47:1: how_to_respnd: unknown key 'how_to_respnd'; did you mean 'how_to_respond'? (expected one of {KEYS})",
        ],
    ),
    (
        "over-indented-last-line",
        "river-ships.yaml",
        "    source: ichongqing-2023-11-21",
        "      source: ichongqing-2023-11-21",
        [
            f"{S}:51:7: evidence[0].source: wrong indentation: this line is indented deeper than 'text' at {S}:50:5, so it would belong to 'text', which has its value already; indent it as far as 'text' to make it a field beside it"
        ],
    ),
    (
        "first-line-indented",
        "river-ships.yaml",
        "id: river-ships",
        "  id: river-ships",
        [f"{S}:1:3: id: wrong indentation: the first field is indented; the fields of a file start in column 1"],
    ),
    (
        "block-text-line-not-indented",
        "river-ships.yaml",
        "    See [the release]",
        "  See [the release]",
        [
            f"{S}:20:3: wrong indentation: this line is indented as far as 'en' at {S}:17:3, not deeper, so it ends the text below that key; indent it as the lines of the text"
        ],
    ),
    (
        "block-text-line-less-indented-than-its-first",  # a later line: its first line is not the odd one
        "river-ships.yaml",
        "for context.\n",
        "for context.\n   More words.\n",
        [
            f"{S}:21:4: wrong indentation: this line is indented less than the first line of the text of 'en' at {S}:17:3; indent every line of the text as far as its first"
        ],
    ),
    (
        "field-indented-under-the-field-above",  # valid YAML: 'status' is read as a field of locations
        "river-ships.yaml",
        "status: reconstructed",
        "  status: reconstructed",
        [
            f"{S}:12:3: locations.status: unknown key 'status'; it is a field of the file, and this line is indented too deep; indent it as far as 'locations' at {S}:9:1"
        ],
    ),
    (
        "requirement-field-indented-under-its-target",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        "    target:\n      metric: security-level\n      op: '>='\n      value: 3\n      unit: level\n      basis: typical\n      source: ichongqing-2023-11-21",
        [
            f"{S}:44:7: requirements[1].target.source: unknown key 'source'; it is a field of requirements[1], and this line is indented too deep; indent it as far as 'target' at {S}:38:5"
        ],
    ),
    (  # was: also "the figure 3 level has no basis; cite it with source…", which the misplaced source gives
        "requirement-field-inside-the-braces-of-its-target",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, source: ichongqing-2023-11-21}',
        [
            f"{S}:38:71: requirements[1].target.source: unknown key 'source'; it is a field of requirements[1], not of 'target'; move it out of the braces, to a line of its own as far as 'target' at {S}:38:5"
        ],
    ),
    (  # was: also "the figure 3 level has no basis…": a misspelt optional key is not read as left out
        "optional-field-misspelt",
        "river-ships.yaml",
        "value: 3, unit: level, basis: typical}",
        "value: 3, unit: level, bases: typical}",
        [
            f"{S}:38:71: requirements[1].target.bases: unknown key 'bases'; did you mean 'basis'? (expected one of metric, op, value, unit, basis)"
        ],
    ),
    (
        "field-indented-less-than-its-mapping",  # valid YAML: 'zh' is read as a field of the file
        "river-ships.yaml",
        "  zh: 船舶需要",
        "zh: 船舶需要",
        [
            f"{S}:4:3: summary: the Chinese (zh) text is missing; every text needs both en and zh",
            f"{S}:5:1: zh: unknown key 'zh'; it is a field of summary, and this line is indented too little; indent it as far as 'en' at {S}:4:3",
        ],
    ),
    (
        "target-field-indented-as-the-requirement",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        "    target:\n      metric: security-level\n      op: '>='\n      value: 3\n      unit: level\n    basis: typical",
        [
            f"{S}:43:5: requirements[1].basis: unknown key 'basis'; it is a field of requirements[1].target, and this line is indented too little; indent it as far as 'metric' at {S}:39:7",
        ],
    ),
    (  # was: "unknown key 'basis'; expected one of id, priority, …", with no word of the target; and
        # "the figure 3 level has no basis", for the basis it was given
        "target-field-below-the-braces-of-the-target",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        '    target: {metric: security-level, op: ">=", value: 3, unit: level}\n    basis: typical',
        [
            f"{S}:39:5: requirements[1].basis: unknown key 'basis'; it is a field of requirements[1].target, written in braces above; move it into them, after a ','",
        ],
    ),
    (
        "under-indented-line-after-a-quoted-text-over-two-lines",  # the quote is closed on the next line
        "river-ships.yaml",
        '  - en: "Ship masters: their own position on the chart, to keep to the channel."\n',
        '  - en: "Ship masters: their own position\n      on the chart, to keep to the channel."\n   zh: x\n',
        [
            f"{S}:28:4: users[0].zh: wrong indentation: this line is indented less than 'en' at {S}:26:5 and more than the list item at {S}:26:3; indent it as far as 'en' to make it a field beside it",
            f"{S}:29:5: users[0].zh: duplicate key 'zh'; it is already set on line 28, keep one",  # checked on as moved
        ],
    ),
    (
        "block-text-line-indented-less-than-its-key",
        "river-ships.yaml",
        "\n    See [the release]",
        "\n See [the release]",
        [
            f"{S}:20:2: wrong indentation: this line is indented less than the first line of the text of 'en' at {S}:17:3; indent every line of the text as far as its first"
        ],
    ),
    (
        "a-lone-quote-is-no-indentation",  # the lines below are inside the quoted text
        "river-ships.yaml",
        "problem:\n",
        'problem: "\n',
        [f'{S}:16:10: a " opens a quoted text that is not closed on this line; close it or remove it'],
    ),
    (  # was: "not valid YAML: while scanning a plain scalar found unexpected ':'"
        "a-colon-right-after-a-value-in-brackets",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: BeiDou only:, zh: 仅限北斗。}",
        [
            f"{S}:44:21: a ':' right after a value in brackets, which YAML cannot read; remove it, or put the whole text in single quotes"
        ],
    ),
    (  # one key on each line of the braces; was: the ',' quoted with the text, and the '}' said not closed
        "a-text-holding-a-colon-in-braces-over-lines",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {\n      en: Positions: BeiDou only.,\n      zh: 仅限北斗。\n    }",
        [
            f"{S}:45:11: constraints[0].en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Positions: BeiDou only.'"
        ],
    ),
    (  # was: said at the file's end, "while scanning a quoted scalar found unexpected end of stream"
        "a-single-quote-that-nothing-closes",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: 'BeiDou only., zh: 仅限北斗。}",
        [f"{S}:44:10: a ' opens a quoted text that is not closed on this line; close it or remove it"],
    ),
    (
        "colon-in-a-list-item-field-is-no-indentation",
        "river-ships.yaml",
        "    priority: should",
        "    priority: should: x",
        [f"{S}:35:21: a ':' where a value was expected; put text containing ': ' in quotes"],
    ),
    (  # was: valid, and each page showed the other language
        "texts-swapped",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: 仅限北斗定位。, zh: BeiDou positions only.}",
        [
            f"{S}:44:5: constraints[0]: the en text is in Chinese and the zh text is not: swap them, English under en, Chinese under zh"
        ],
    ),
    (
        "english-text-in-chinese-warns",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: 仅限北斗定位。, zh: 仅限北斗。}",
        [f"{S}:44:5: warning: constraints[0]: the English (en) text is in Chinese; write it in English"],
    ),
    (  # an English text may name a Chinese document; a Chinese one, a standard
        "a-chinese-name-in-english-and-a-code-in-chinese",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: Protected as GB/T 22239-2019 (网络安全等级保护) says., zh: GB/T 22239-2019}",
        [],
    ),
    (
        "chinese-text-untranslated-warns",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: BeiDou only., zh: BeiDou positions only.}",
        [f"{S}:44:5: warning: constraints[0]: the Chinese (zh) text has no Chinese character; write it in Chinese"],
    ),
    (  # was: "unknown language 'land use'"
        "comma-ends-a-text-in-braces",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: BeiDou, GPS excluded., zh: 仅限北斗。}",
        [
            f"{S}:44:18: constraints[0].GPS excluded.: a ',' ends a text inside {{en: ..., zh: ...}}, so 'GPS excluded.' was read as a key of its own; put the text that holds the comma in quotes"
        ],
    ),
    (  # was: valid, and the page asked for a recognition rate of at least 999 %
        "a-share-of-more-than-the-whole",
        "fire-watch.yaml",
        'op: ">=", value: 90, unit: percent}',
        'op: ">=", value: 999, unit: percent}',
        [
            "scenarios/fire-watch.yaml:32:57: requirements[1].target.value: 999 is more than a ratio can be (at most 100%); check the value"
        ],
    ),
    (  # was: valid, and the page asked for a recognition rate of at least 0.99 %
        "a-share-written-as-a-fraction-where-the-text-says-the-percentage",
        "fire-watch.yaml",
        'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
        'Recognise at least 99% of fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 0.99,',
        [
            "scenarios/fire-watch.yaml:32:57: warning: requirements[1].target.value: 0.99 percent is less than 1% but the en text says 99%; if 99% is meant, write value: 99"
        ],
    ),
    (
        "a-share-written-as-a-fraction-where-the-chinese-text-says-the-percentage",
        "fire-watch.yaml",
        '识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
        '火情识别率不低于99%。}\n    target: {metric: recognition-rate, op: ">=", value: 0.99,',
        [
            "scenarios/fire-watch.yaml:32:57: warning: requirements[1].target.value: 0.99 percent is less than 1% but the zh text says 99%; if 99% is meant, write value: 99"
        ],
    ),
    (  # no text gives a figure: a floor below 1 % is no requirement anyone writes
        "a-floor-between-0-and-1-percent",
        "fire-watch.yaml",
        'op: ">=", value: 90, unit: percent}',
        'op: ">=", value: 0.9, unit: percent}',
        [
            "scenarios/fire-watch.yaml:32:57: warning: requirements[1].target.value: 0.9 percent is less than 1%; if 90% is meant, write value: 90"
        ],
    ),
    (
        "the-whole-written-as-1-percent-where-the-text-says-100-percent",
        "fire-watch.yaml",
        'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
        'Recognise every fire (100%)., zh: 识别全部火情。}\n    target: {metric: recognition-rate, op: ">=", value: 1,',
        [
            "scenarios/fire-watch.yaml:32:57: warning: requirements[1].target.value: 1 percent is 1%, not the whole, but the en text says 100%; if 100% is meant, write value: 100"
        ],
    ),
    (  # 1 itself may be meant: only the text can tell
        "a-floor-of-1-percent-the-text-says-nothing-of",
        "fire-watch.yaml",
        'op: ">=", value: 90, unit: percent}',
        'op: ">=", value: 1, unit: percent}',
        [],
    ),
    (
        "a-small-share-the-text-says-too",
        "fire-watch.yaml",
        'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
        'Recognise at least 0.5% of fires., zh: 识别至少0.5%的火情。}\n    target: {metric: recognition-rate, op: ">=", value: 0.5,',
        [],
    ),
    (
        "a-percentage-in-the-text-that-the-target-contradicts",
        "fire-watch.yaml",
        "Recognise most fires.",
        "Recognise at least 95% of fires.",
        [
            "scenarios/fire-watch.yaml:32:57: warning: requirements[1].target.value: the en text says 95% but the target says >= 90 percent; make them agree"
        ],
    ),
    (  # was: valid, and the page said every 60 minutes above a target of 30
        "a-figure-in-the-text-that-the-target-contradicts",
        "fire-watch.yaml",
        "Look every half hour.",
        "Look every 60 minutes.",
        [
            "scenarios/fire-watch.yaml:27:61: warning: requirements[0].target.value: the en text says 60 minutes but the target says <= 30 min; make them agree"
        ],
    ),
    (
        "a-figure-in-the-chinese-text-that-the-target-contradicts",
        "fire-watch.yaml",
        "每半小时观测一次。",
        "每60分钟观测一次。",
        [
            "scenarios/fire-watch.yaml:27:61: warning: requirements[0].target.value: the zh text says 60分钟 but the target says <= 30 min; make them agree"
        ],
    ),
    (
        "a-figure-joined-to-its-unit-by-a-hyphen",
        "fire-watch.yaml",
        "Look every half hour.",
        "Look at a 60-minute interval.",
        [
            "scenarios/fire-watch.yaml:27:61: warning: requirements[0].target.value: the en text says 60-minute but the target says <= 30 min; make them agree"
        ],
    ),
    (  # the units of a dimension convert: 2 m is not 20 cm
        "a-figure-in-another-unit-that-the-target-contradicts",
        "river-ships.yaml",
        "Real-time horizontal position.",
        "Real-time horizontal position better than 2 m.",
        [
            "scenarios/river-ships.yaml:33:60: warning: requirements[0].target.value: the en text says 2 m but the target says <= 20 cm; make them agree"
        ],
    ),
    (
        "a-level-in-the-text-that-the-target-contradicts",
        "river-ships.yaml",
        "Protected systems., zh: 系统安全防护。",
        "Systems protected at level 2., zh: 系统按2级防护。",
        [
            "scenarios/river-ships.yaml:38:55: warning: requirements[1].target.value: the en text says level 2 but the target says >= 3 level; make them agree"
        ],
    ),
    ("the-text-says-the-target-s-figure", "fire-watch.yaml", "Look every half hour.", "Look every 30 minutes.", []),
    (  # 0.2 m is 20 cm
        "the-text-says-the-target-s-figure-in-another-unit",
        "river-ships.yaml",
        "Real-time horizontal position.",
        "Real-time horizontal position better than 0.2 m.",
        [],
    ),
    (  # a figure of another dimension measures something else
        "the-text-says-a-figure-of-another-dimension",
        "fire-watch.yaml",
        "Look every half hour.",
        "Look for fires of 10 m across.",
        [],
    ),
    ("a-range-in-the-text", "fire-watch.yaml", "Look every half hour.", "Look every 20 to 40 minutes.", []),
    ("a-range-in-the-text-with-a-dash", "fire-watch.yaml", "Look every half hour.", "Look every 20–40 minutes.", []),
    ("a-range-in-the-chinese-text", "fire-watch.yaml", "每半小时观测一次。", "每20～40分钟观测一次。", []),
    # a figure in words beside the one in digits, which is another thing's: no warning
    (
        "a-figure-in-words-beside-another",
        "fire-watch.yaml",
        "Look every half hour.",
        "Within half an hour; refreshed every 5 minutes.",
        [],
    ),
    ("what-is-done-today", "fire-watch.yaml", "Look every half hour.", "Today a look takes 2 hours; it must be quicker.", []),
    ("a-watch-round-the-clock", "fire-watch.yaml", "每半小时观测一次。", "7×24小时值守，半小时内响应。", []),
    ("a-compound-duration", "fire-watch.yaml", "每半小时观测一次。", "每1小时30分钟观测一次。", []),
    ("a-range-of-two-units", "fire-watch.yaml", "Look every half hour.", "Look every 30 min-1 h.", []),
    (  # which of them the target is, only the contributor knows
        "several-figures-in-the-text",
        "fire-watch.yaml",
        "Look every half hour.",
        "Look every 20 minutes and report within 5 minutes.",
        [],
    ),
    (  # an approximate figure is beside the point, not the threshold
        "an-approximate-figure-in-the-text",
        "fire-watch.yaml",
        "Look every half hour.",
        "Look often (about 40 minutes apart).",
        [],
    ),
    (
        "identical-texts-warn",
        "river-ships.yaml",
        "  - {en: BeiDou only., zh: 仅限北斗。}",
        "  - {en: BeiDou only., zh: BeiDou only.}",
        [f"{S}:44:5: warning: constraints[0]: the en and zh texts are identical; translate one of them"],
    ),
    (  # was: the value is empty, then an unknown key for each of its fields
        "a-block-not-indented-under-its-key",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        '    target:\n    metric: security-level\n    op: ">="\n    value: 3\n    unit: m\n    basis: typical',
        [
            f"{S}:38:5: requirements[1].target: the value is empty, and the lines below it (metric, op, value, unit, basis) are fields of target indented as far as 'target'; indent them deeper than 'target' to make them its value",
            f"{S}:42:11: requirements[1].target.unit: 'm' measures length but security-level is a level; expected one of level",
        ],
    ),
    (
        "a-text-not-indented-under-its-key",
        "river-ships.yaml",
        "how_to_respond:\n  en: Show accuracy measured on a river section.\n  zh:",
        "how_to_respond:\nen: Show accuracy measured on a river section.\nzh:",
        [
            f"{S}:45:1: how_to_respond: the value is empty, and the lines below it (en, zh) are fields of how_to_respond indented as far as 'how_to_respond'; indent them deeper than 'how_to_respond' to make them its value"
        ],
    ),
    (  # '~' is a value written: the keys below are not its
        "an-empty-value-written-out-is-not-a-block",
        "river-ships.yaml",
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}',
        "    target: ~\n    metric: security-level",
        [
            f"{S}:38:13: requirements[1].target: the value is empty; expected a mapping (metric, op, value, unit, basis), or remove the key",
            f"{S}:39:5: requirements[1].metric: unknown key 'metric'; expected one of id, priority, kind, text, target, source",
        ],
    ),
    (  # was also: a performance requirement needs a target
        "a-misspelt-optional-field-is-not-said-left-out",
        "river-ships.yaml",
        "    target: {metric: horizontal-accuracy",
        "    targte: {metric: horizontal-accuracy",
        [
            f"{S}:33:5: requirements[0].targte: unknown key 'targte'; did you mean 'target'? (expected one of id, priority, kind, text, target, source)"
        ],
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [case[1:] for case in RULES], ids=[case[0] for case in RULES])
def test_rule(project: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    edit(project, file, old, new)
    assert problems(project) == expected


# A metric whose share is better lower, which the fixture's vocabulary lacks
RATE_WHERE_LOWER_IS_BETTER = (
    "false-alarm-rate:\n  name: {en: False-alarm rate, zh: 误报率}\n  dimension: ratio\n  better: lower\n"
)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (  # an error rate of at most 0.5 % is a fair requirement: no warning
            'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
            'Keep false alarms rare., zh: 误报宜少。}\n    target: {metric: false-alarm-rate, op: "<=", value: 0.5,',
            [],
        ),
        (
            'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
            'Keep false alarms to 0.5%., zh: 误报率不超过0.5%。}\n    target: {metric: false-alarm-rate, op: "<=", value: 0.5,',
            [],
        ),
        (  # an upper bound too, where the text says the percentage
            'Recognise most fires., zh: 识别大多数火情。}\n    target: {metric: recognition-rate, op: ">=", value: 90,',
            'Keep false alarms under 5%., zh: 误报率宜低于5%。}\n    target: {metric: false-alarm-rate, op: "<", value: 0.05,',
            [
                "scenarios/fire-watch.yaml:32:56: warning: requirements[1].target.value: 0.05 percent is less than 1% but the en text says 5%; if 5% is meant, write value: 5"
            ],
        ),
    ],
)
def test_a_small_share_where_lower_is_better(project: Path, old: str, new: str, said: list[str]) -> None:
    edit(project, "vocabularies/metrics.yaml", "recognition-rate:\n", RATE_WHERE_LOWER_IS_BETTER + "recognition-rate:\n")
    edit(project, "fire-watch.yaml", old, new)
    assert problems(project) == said


def test_fixture_is_valid(project: Path) -> None:
    assert problems(project) == []


def test_every_problem_in_every_file_is_reported_at_once(project: Path) -> None:
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstucted")
    edit(project, "river-ships.yaml", "domain: transport", "domain: roads")
    edit(project, "fire-watch.yaml", "owner: forestry-bureau", "owner: forest-bureau")
    assert [line.split(": ", 2)[1] for line in problems(project)] == ["owner", "domain", "status"]


def test_rules_across_fields_run_beside_problems_of_shape(project: Path) -> None:
    """A misspelt key, a wrong value and a target whose unit does not fit its metric, in one run:
    the rules across fields read whatever parts of the record parsed."""
    edit(project, "river-ships.yaml", "summary:\n", "sumary:\n")
    edit(project, "river-ships.yaml", "priority: should", "priority: mandatory")
    edit(project, "river-ships.yaml", "value: 20, unit: cm, basis: typical}", "value: 20, unit: min, basis: typical}")
    edit(
        project,
        "river-ships.yaml",
        "  - id: R3\n    priority: must\n    kind: functional",
        "  - id: R3\n    priority: must\n    kind: performance",
    )
    edit(project, "river-ships.yaml", "updated: 2024-01-15", "updated: 2020-01-15")
    assert problems(project) == [
        f"{S}:3:1: sumary: unknown key 'sumary'; did you mean 'summary'? (expected one of {KEYS})",
        f"{S}:14:10: updated: 2020-01-15 is before released (2023-11-20); a record cannot change before it is published",
        f"{S}:33:70: requirements[0].target.unit: 'min' measures time but horizontal-accuracy is a length; expected one of cm, m",
        f"{S}:35:15: requirements[1].priority: 'mandatory' is not allowed; expected one of must, should",
        f"{S}:39:5: requirements[2]: a performance requirement needs a target (metric, op, value, unit)",
    ]


def test_a_rule_that_needs_a_part_that_did_not_parse_is_skipped(project: Path) -> None:
    """Not 'no basis' for a figure whose value is wrong, nor 'needs a target' for a requirement
    whose target is wrong: the part's own problem says it all."""
    edit(project, "river-ships.yaml", "value: 20, unit: cm, basis: typical}", "value: twenty, unit: cm}")
    edit(project, "river-ships.yaml", '{metric: security-level, op: ">=", value: 3, unit: level, basis: typical}', "[3]")
    assert problems(project) == [
        f"{S}:33:60: requirements[0].target.value: expected a number, got the text 'twenty'",
        f"{S}:38:13: requirements[1].target: expected a mapping of fields (metric, op, value, unit, basis), got a list",
    ]


def test_a_unit_is_checked_beside_an_operator_that_did_not_parse(project: Path) -> None:
    edit(project, "river-ships.yaml", 'op: "<=", value: 20, unit: cm,', 'op: "=<", value: 20, unit: min,')
    assert problems(project) == [
        f"{S}:33:47: requirements[0].target.op: '=<' is not allowed; write <= (expected one of <=, <, >=, >, =)",
        f"{S}:33:70: requirements[0].target.unit: 'min' measures time but horizontal-accuracy is a length; expected one of cm, m",
    ]


def test_the_codes_are_checked_beside_a_valid_on_that_did_not_parse(project: Path) -> None:
    edit(project, "river-ships.yaml", "valid_on: 2023-11-20", "valid_on: yesterday")
    edit(project, "river-ships.yaml", "codes: [500101, 500105, 500230]", "codes: [500000, 500101]")
    assert problems(project) == [
        f"{S}:10:13: locations.valid_on: expected a date like 2023-11-20, got the text 'yesterday'",
        f"{S}:11:10: locations.codes: 500000 means the whole municipality; list it alone or list districts only",
    ]


def test_the_codes_that_are_known_are_checked_beside_one_that_is_not(project: Path) -> None:
    """A list with a bad item is still read for its good items: the citywide code is said beside
    the unknown district in the same run."""
    edit(project, "river-ships.yaml", "codes: [500101, 500105, 500230]", "codes: [500000, 500101, 999999]")
    assert problems(project) == [
        f"{S}:11:10: locations.codes: 500000 means the whole municipality; list it alone or list districts only",
        f"{S}:11:27: locations.codes[2]: '999999' is not a known district; expected a key of scenarios/vocabularies/districts.yaml: 500000, 500101, 500105, 500230, 500157",
    ]


def test_no_rule_over_a_whole_list_is_run_on_the_part_that_was_read(project: Path) -> None:
    """The evidence needs a source of the scenario's list; a list with an unknown key may hold
    that source under a misspelling, so the rule waits for the list to be read whole."""
    edit(
        project,
        "river-ships.yaml",
        "sources: [ichongqing-2023-11-21]",
        "sources: [xinhuanet-cq-2023-03-24, ichongqin-2023-11-21]",
    )
    assert problems(project) == [
        f"{S}:48:36: sources[1]: 'ichongqin-2023-11-21' is not a known source; expected a key of scenarios/vocabularies/sources.yaml (did you mean 'ichongqing-2023-11-21'?)",
    ]


def test_a_field_of_the_file_indented_under_a_text_says_where_it_goes(project: Path) -> None:
    edit(project, "river-ships.yaml", "domain: transport\n", "  domain: transport\n")
    assert problems(project) == [
        f"{S}:6:3: summary.domain: unknown key 'domain'; it is a field of the file, and this line is indented too deep; indent it as far as 'summary' at {S}:3:1"
    ]


def test_the_other_requirements_are_checked_beside_one_that_is_not_a_mapping(project: Path) -> None:
    edit(project, "river-ships.yaml", "  - id: R2\n", "  - 7\n  - id: R2\n")
    edit(
        project,
        "river-ships.yaml",
        '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
        "",
    )
    assert problems(project) == [
        f"{S}:29:5: requirements[0]: a performance requirement needs a target (metric, op, value, unit)",
        f"{S}:33:5: requirements[1]: expected a mapping of fields (id, priority, kind, text, target, source), got the number 7",
    ]


def test_no_target_anywhere(project: Path) -> None:
    for old in (
        '    target: {metric: horizontal-accuracy, op: "<=", value: 20, unit: cm, basis: typical}\n',
        '    target: {metric: security-level, op: ">=", value: 3, unit: level, basis: typical}\n',
    ):
        edit(project, "river-ships.yaml", old, "")
    edit(project, "river-ships.yaml", "kind: performance", "kind: functional")
    assert problems(project) == [
        f"{S}:29:3: requirements: no requirement has a measurable target; give at least one a target (metric, op, value, unit)"
    ]


def test_a_file_name_no_id_may_have_says_to_rename_the_file(project: Path) -> None:
    """Changing the id to match 'River-Ships.yaml' would only trade one problem for another."""
    (project / "scenarios" / "river-ships.yaml").rename(project / "scenarios" / "River_Ships.yaml")
    assert problems(project) == [
        "scenarios/River_Ships.yaml:1:5: id: the id 'river-ships' differs from the file name 'River_Ships.yaml'; rename the file to river-ships.yaml (a file's name is its id, in lowercase letters, digits and single hyphens)"
    ]


def test_duplicate_id_across_files(project: Path) -> None:
    text = (project / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8")
    (project / "scenarios" / "river-ships-copy.yaml").write_text(text, encoding="utf-8")
    assert problems(project) == [
        "scenarios/river-ships-copy.yaml:1:5: id: the id 'river-ships' differs from the file name 'river-ships-copy.yaml'; rename the file or change the id",
        "scenarios/river-ships.yaml:1:5: id: the id 'river-ships' is already used by scenarios/river-ships-copy.yaml; ids must be unique",
    ]


VOCABULARY_RULES = [
    (
        "name-length",
        "domains.yaml",
        "name: {en: Forestry, zh: 林业}",
        "name: {en: Forestry" + "x" * 130 + ", zh: 林业}",
        ["scenarios/vocabularies/domains.yaml:6:14: forestry.name.en: 138 characters; the limit is 120, shorten it"],
    ),
    (
        "tile-map-bounds",
        "districts.yaml",
        "  row: 1\n  col: 0\n  abolished",
        "  row: 100000000\n  col: 0\n  abolished",
        ["scenarios/vocabularies/districts.yaml:17:8: 500105.row: 100000000 is above the maximum; expected 20 or less"],
    ),
    (
        "key-pattern",
        "domains.yaml",
        "transport:\n",
        "Transport:\n",
        [
            "scenarios/vocabularies/domains.yaml:1:1: Transport: 'Transport' is not a valid key; expected lowercase letters, digits and single hyphens, like 'forest-fire-watch'"
        ],
    ),
    (
        "district-code",
        "districts.yaml",
        "500230:",
        "5002300:",
        ["scenarios/vocabularies/districts.yaml:20:1: 5002300: '5002300' is not a key here; expected a six-digit GB/T 2260 code"],
    ),
    (
        "district-code-octal",
        "districts.yaml",
        "500230:",
        "0500230:",
        [
            "scenarios/vocabularies/districts.yaml:20:1: 0500230: '0500230' was read as the octal number 163992 (a leading 0 makes YAML 1.1 read a number in base 8, or as text if it has an 8 or a 9): write 500230"
        ],
    ),
    (
        "district-code-too-long",
        "districts.yaml",
        "500230:",
        "? " + "5" * 5000 + "\n:",
        [
            "scenarios/vocabularies/districts.yaml:20:3: 5555555555555555555555555555555555555...: '5555555555555555555555555555555555555...' is not a key here; expected a six-digit GB/T 2260 code"
        ],
    ),
    *[
        (
            f"key-names-a-page-{file}",
            f"{file}.yaml",
            first,
            f"index:\n{entry}\n{first}",
            [
                f"scenarios/vocabularies/{file}.yaml:1:1: index: 'index' is the name of the page that lists every {singular} ({file}/index.md); choose another key"
            ],
        )
        for file, singular, first, entry in (
            (
                "domains",
                "domain",
                "transport:\n",
                "  name: {en: Index, zh: 索引}\n  description: {en: All., zh: 全部。}\n  announced: true",
            ),
            (
                "capabilities",
                "capability",
                "satellite-navigation:\n",
                "  name: {en: Index, zh: 索引}\n  description: {en: All., zh: 全部。}",
            ),
            ("owners", "owner", "transportation-commission:\n", "  name: {en: Index, zh: 索引}\n  name_confirmed: true"),
        )
    ],
    (
        "tile-unique",
        "districts.yaml",
        "  row: 1\n  col: 1\n",
        "  row: 1\n  col: 0\n",
        [
            "scenarios/vocabularies/districts.yaml:24:8: 500230.row: tile (1, 0) is already used by 500105; give each division its own tile"
        ],
    ),
    (
        "unit-for-dimension",
        "units.yaml",
        "min:\n  symbol: {en: min, zh: 分钟}\n  dimension: time\n  factor: 60\n  words: [minute, minutes]\n",
        "",
        [
            "scenarios/fire-watch.yaml:27:71: requirements[0].target.unit: 'min' is not a known unit; expected a key of scenarios/vocabularies/units.yaml: cm, m, percent, level, mm-per-year",
            "scenarios/vocabularies/metrics.yaml:7:14: observation-interval.dimension: no unit in units.yaml measures time; add one there",
        ],
    ),
    (
        "url",
        "sources.yaml",
        "url: http://cq.news.cn/2023-03/24/c_1129459664.htm",
        "url: cq.news.cn/2023-03/24",
        [
            "scenarios/vocabularies/sources.yaml:10:8: xinhuanet-cq-2023-03-24.url: 'cq.news.cn/2023-03/24' is not a web address; expected one starting with https:// or http://"
        ],
    ),
    (
        "bool",
        "owners.yaml",
        "  name_confirmed: true\n  former_name",
        "  name_confirmed: yes please\n  former_name",
        [
            "scenarios/vocabularies/owners.yaml:3:19: transportation-commission.name_confirmed: expected true or false, got the text 'yes please'"
        ],
    ),
    (  # a target stays on one line, so a longer symbol would widen a phone's table past the screen
        "unit-symbol-too-long",
        "units.yaml",
        "symbol: {en: min, zh: 分钟}",
        "symbol: {en: minutes of the clock on the wall, zh: 分钟}",
        ["scenarios/vocabularies/units.yaml:12:16: min.symbol.en: 32 characters; the limit is 24, shorten it"],
    ),
    (
        "bool-in-quotes",
        "owners.yaml",
        "  name_confirmed: true\n  former_name",
        '  name_confirmed: "True"\n  former_name',
        [
            "scenarios/vocabularies/owners.yaml:3:19: transportation-commission.name_confirmed: expected true or false, got the text 'True'; write true without quotes"
        ],
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), [case[1:] for case in VOCABULARY_RULES], ids=[case[0] for case in VOCABULARY_RULES]
)
def test_vocabulary_rule(project: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    edit(project, f"vocabularies/{file}", old, new)
    assert problems(project) == expected


def test_a_key_a_vocabulary_lost_may_be_its_loss_where_files_use_it(project: Path) -> None:
    """A key renamed or removed in a vocabulary that two files use may not be a misspelling in each:
    their 'did you mean' would lead both astray ('cm' removed from the units is not 'm')."""
    edit(project, "vocabularies/capabilities.yaml", "satellite-navigation:", "satellite-positioning:")
    lost = "'satellite-navigation' is not a known capability; expected a key of scenarios/vocabularies/capabilities.yaml (did you mean 'satellite-positioning'?); 2 scenario files use it: if it was removed from or renamed in scenarios/vocabularies/capabilities.yaml, put it back there"
    assert problems(project) == [
        f"scenarios/fire-watch.yaml:7:32: capabilities[1]: {lost}",
        f"{S}:7:16: capabilities[0]: {lost}",
    ]
    edit(project, "fire-watch.yaml", "capabilities: [remote-sensing, satellite-navigation]", "capabilities: [remote-sensing]")
    assert problems(project) == [  # one file: a misspelling of its own, as far as anyone can tell
        f"{S}:7:16: capabilities[0]: 'satellite-navigation' is not a known capability; expected a key of scenarios/vocabularies/capabilities.yaml (did you mean 'satellite-positioning'?)"
    ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('"≤"', "write <="),
        ('"≦"', "write <="),
        ('"≥"', 'write ">="'),
        ('"≧"', 'write ">="'),
        ('"=>"', 'write ">="'),
        ("＝", 'write "="'),
        ('"=="', 'write "="'),
    ],
)
def test_a_comparison_in_other_signs_is_given_in_ascii(project: Path, written: str, said: str) -> None:
    edit(project, "river-ships.yaml", 'op: "<=", value: 20, unit: cm,', f"op: {written}, value: 20, unit: cm,")
    shown = written.strip('"')
    assert problems(project) == [
        f"{S}:33:47: requirements[0].target.op: '{shown}' is not allowed; {said} (expected one of <=, <, >=, >, =)"
    ]


REAL = "scenarios/yangtze-jialing-beidou-navigation.yaml"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (  # a unit of time: no revisit interval, whose letters are as close
            "metric: position-report-interval, op",
            "metric: report-interval, op",
            f"{REAL}:82:22: requirements[4].target.metric: 'report-interval' is not a known metric; the unit s measures a time: did you mean 'position-report-interval'?",
        ),
        (  # a unit of length: no timing accuracy; the metrics named 'positioning accuracy'
            "metric: horizontal-accuracy, op",
            "metric: positioning-accuracy, op",
            f"{REAL}:53:22: requirements[0].target.metric: 'positioning-accuracy' is not a known metric; the unit cm measures a length: did you mean 'horizontal-accuracy' or 'vertical-accuracy'?",
        ),
        (
            "metric: horizontal-accuracy, op",
            "metric: accuracy, op",
            f"{REAL}:53:22: requirements[0].target.metric: 'accuracy' is not a known metric; the unit cm measures a length: did you mean 'horizontal-accuracy', 'vertical-accuracy', 'deformation-accuracy' or 'location-accuracy'?",
        ),
        (
            "metric: convergence-time, op",
            "metric: converge, op",
            f"{REAL}:61:22: requirements[1].target.metric: 'converge' is not a known metric; the unit min measures a time: did you mean 'convergence-time'?",
        ),
        (
            "metric: convergence-time, op",
            "metric: speed, op",
            f"{REAL}:61:22: requirements[1].target.metric: 'speed' is not a known metric; the unit min measures a time: expected a key of scenarios/vocabularies/metrics.yaml that measures it: "
            "timing-accuracy, revisit-interval, observation-interval, basemap-refresh-interval, first-product-time, data-latency, alert-time, verification-time, dispatch-time, convergence-time, response-time, link-latency, position-report-interval",
        ),
        (  # an unknown unit: the metric is guessed among all
            'metric: position-report-interval, op: "<=", value: 10, unit: s,',
            'metric: report-interval, op: "<=", value: 10, unit: sec,',
            f"{REAL}:82:22: requirements[4].target.metric: 'report-interval' is not a known metric; expected a key of scenarios/vocabularies/metrics.yaml (did you mean 'revisit-interval'?)",
        ),
    ],
)
def test_a_metric_is_guessed_among_those_its_unit_measures(tmp_path: Path, old: str, new: str, said: str) -> None:
    real_project(tmp_path)
    edit(tmp_path, "yangtze-jialing-beidou-navigation.yaml", old, new)
    assert problems(tmp_path)[0] == said


@pytest.mark.parametrize(
    ("new", "said"),
    [
        (  # was: valid, and the page said every 5 s above a target of 10 s
            "every 5 s.",
            [
                f"{REAL}:82:65: warning: requirements[4].target.value: the en text says 5 s but the target says <= 10 s; make them agree"
            ],
        ),
        ("every 10 s.", []),
        ("as often as the systems of the 1990s did.", []),  # a decade, not 1,990 seconds
    ],
)
def test_a_figure_in_a_real_text_against_its_target(tmp_path: Path, new: str, said: list[str]) -> None:
    real_project(tmp_path)
    edit(tmp_path, "yangtze-jialing-beidou-navigation.yaml", "authority at short intervals.", f"authority {new}")
    assert problems(tmp_path) == said


def test_the_real_targets_agree_with_their_texts() -> None:
    """No released record has a share written as a fraction or a figure its target contradicts."""
    assert [problem for problem in problems(ROOT) if ".target.value: " in problem] == []
