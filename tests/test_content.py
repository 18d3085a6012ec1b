"""Honest content: what the catalogue's own scenario files must and must not say."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from generator.build import check
from generator.model import Scenario, Text
from tests.conftest import ROOT

CATALOGUE = check(ROOT).catalogue
ANNOUNCED = {"public-security", "natural-resources", "transport", "emergency-management", "forestry", "energy"}


def texts(value: object) -> Iterator[str]:
    """Every human-readable text inside a scenario."""
    if isinstance(value, Text):
        yield value.en
        yield value.zh
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from texts(getattr(value, name))


def test_the_announced_domains_are_all_covered() -> None:
    assert {s.domain for s in CATALOGUE.scenarios} >= ANNOUNCED
    assert {key for key, domain in CATALOGUE.vocabularies.domains.items() if domain.announced} == ANNOUNCED


@pytest.mark.parametrize("scenario", CATALOGUE.scenarios, ids=lambda s: s.id)
def test_no_contact_details_or_money(scenario: Scenario) -> None:
    forbidden = {
        "e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
        "phone number": re.compile(r"(?<!\d)(?:\+?86[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}[ -]?\d{7,8})(?!\d)"),
        "amount of money": re.compile(r"(?:¥|RMB|CNY|yuan\b|[0-9０-９]\s*(?:万|亿)?元)", re.IGNORECASE),
    }
    found = [(kind, text) for text in texts(scenario) for kind, pattern in forbidden.items() if pattern.search(text)]
    assert found == []


@pytest.mark.parametrize("scenario", CATALOGUE.scenarios, ids=lambda s: s.id)
def test_unofficial_records_say_so(scenario: Scenario) -> None:
    # No official text of the 15 scenarios has been published; a record may only claim to be
    # official once one is, and then it must cite it (review rule in CONTRIBUTING.md).
    assert scenario.provenance == "illustrative"
