"""A new contributor's path, as they would walk it: clone, scaffold, fill in, check, build, and
find the new scenario's page in both languages and through search. Plus the guarantee that no
text from a scenario can run script in the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page

from tests.browser import heading, search
from tests.conftest import ROOT, build_site, site_project
from tests.localhost import serving
from tests.test_scaffold import fill

pytestmark = [pytest.mark.browser, pytest.mark.site]


def generator(clone: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments],
        cwd=clone,
        env={"PYTHONPATH": str(clone), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_contributor_from_a_clean_clone(tmp_path: Path, page: Page) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)

    assert generator(clone, "new", "river-ferry-tracking", "--domain", "transport").returncode == 0
    path = clone / "scenarios" / "river-ferry-tracking.yaml"
    assert generator(clone, "check").returncode == 1  # the template's TODOs are still there

    text = fill(path.read_text(encoding="utf-8"))
    text = text.replace("Watch on bus lanes", "BeiDou tracking of river ferries").replace("公交专用道监测", "内河渡船北斗跟踪")
    path.write_text(text, encoding="utf-8")
    result = generator(clone, "check")
    assert result.returncode == 0, result.stdout

    site = build_site(clone, tmp_path / "site")
    assert (site / "scenarios" / "river-ferry-tracking" / "index.html").is_file()
    assert (site / "zh" / "scenarios" / "river-ferry-tracking" / "index.html").is_file()
    with serving(site) as url:
        page.goto(f"{url}/scenarios/river-ferry-tracking/")
        assert heading(page) == "BeiDou tracking of river ferries"
        assert search(page, "ferries")[0] == "/scenarios/river-ferry-tracking/"
        page.goto(f"{url}/zh/")
        assert search(page, "渡船")[0] == "/zh/scenarios/river-ferry-tracking/"


PROBE = """\
id: probe
title: {en: "Probe \\"quoted\\" & 'single' <= 2 m {{ config }} snake_case_name *y `y`", zh: "探针 \\"引号\\" & 'single' <= 2 米"}
summary:
  en: "Summary with \\" onmouseover=\\"alert(1) and {% raw %} and javascript alert."
  zh: "摘要 \\" onmouseover=\\"alert(1)"
domain: transport
capabilities: [satellite-navigation]
owner: transportation-commission
locations: {valid_on: 2023-11-20, codes: [500000]}
status: proposed
released: 2023-11-20
updated: 2023-11-20
provenance: community
problem:
  en: |
    A [link](https://example.org/ "t\\" onmouseover=\\"alert(1)") and [another](https://example.org/?a=1&b=\\"x\\") and
    <https://example.org/"onmouseover=alert(1)>.
  zh: 链接 [link](https://example.org/ "t\\" onmouseover=\\"alert(1)")。
users: [{en: "As a tester, I need \\"quotes\\" so that nothing runs.", zh: 作为测试者，我需要引号。}]
requirements:
  - id: R1
    priority: must
    kind: performance
    text: {en: "R1 \\" onclick=\\"alert(1)", zh: "需求 \\" onclick=\\"alert(1)"}
    target: {metric: horizontal-accuracy, op: "<=", value: 1, unit: m, basis: illustrative}
constraints: [{en: "Constraint with | pipes | and [brackets] (x), which are no link here", zh: 约束。}]
how_to_respond: {en: "Respond ' onfocus='alert(1)", zh: 响应。}
sources: [ichongqing-2023-11-21]
"""


def test_scenario_text_never_runs_script(tmp_path: Path, page: Page) -> None:
    project = site_project(tmp_path / "project")
    (project / "scenarios" / "probe.yaml").write_text(PROBE, encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    with serving(site) as url:
        for path in ("/scenarios/probe/", "/zh/scenarios/probe/", "/catalogue/", "/domains/transport/"):
            page.goto(url + path)
            handlers = page.evaluate(
                """() => [...document.querySelectorAll('.md-content *')].flatMap(element =>
                    [...element.attributes].filter(a => a.name.startsWith('on')).map(a => element.tagName + ' ' + a.name))"""
            )
            assert handlers == [], path
            # the one script in a page's content is ours: a listing's data file
            assert page.locator(".md-content script:not([src*='data.js?'])").count() == 0, path
            page.mouse.move(400, 300)
        page.goto(url + "/scenarios/probe/")
        assert page.title().startswith("Probe \"quoted\" & 'single' <= 2 m {{ config }} snake_case_name *y `y`")
        assert heading(page) == "Probe \"quoted\" & 'single' <= 2 m {{ config }} snake_case_name *y `y`"
        assert page.locator("meta[name=description]").get_attribute("content") == (
            'Summary with " onmouseover="alert(1) and {% raw %} and javascript alert.'
        )
        for link in page.locator(".md-content a").all():
            link.hover()
        search(page, "Probe")
    assert dialogs == []
