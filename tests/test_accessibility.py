"""Accessibility: axe-core finds no violation on any page type, in either language, including the
filtered states of the catalogue and the requirements explorer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.model import Catalogue
from tests.conftest import ROOT
from tests.helpers import compared

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One page of each type; {domain}, {capability}, {owner} and {scenario} are the catalogue's first,
# {compare} three scenarios that share a metric.
PAGE_TYPES = [
    "",
    "catalogue/",
    "catalogue/?domain=forestry&status=reconstructed",
    "requirements/",
    "requirements/?p=horizontal-accuracy:0.5:m&p=availability:99:percent&verdict=misses",
    "stats/",
    "data/",
    "about/",
    "domains/",
    "domains/{domain}/",
    "capabilities/",
    "capabilities/{capability}/",
    "owners/",
    "owners/{owner}/",
    "scenarios/{scenario}/",
    "compare/",
    "compare/?{compare}&s=no-such-scenario",
    "briefing/",
    "briefing/?from=catalogue&domain={domain}&s={scenario}",
    "briefing/?from=profile&p=ground-resolution:1:m&s={scenario}",
    "404.html",
]


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violation(catalogue: Catalogue, page: Page, served: str, axe: str, prefix: str, path: str) -> None:
    first = catalogue.vocabularies
    path = path.format(
        domain=next(iter(first.domains)),
        capability=next(iter(first.capabilities)),
        owner=next(iter(first.owners)),
        scenario=catalogue.scenarios[0].id,
        compare="&".join(f"s={scenario_id}" for scenario_id in compared(catalogue)[1]),
    )
    page.goto(f"{served}/{prefix}{path}", wait_until="networkidle")
    page.add_script_tag(content=axe)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes.length} node(s), first ${v.nodes[0].target.join(" ")}: ${v.help}`)"""
    )
    assert violations == []
