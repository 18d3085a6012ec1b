"""Live editing: with `mkdocs serve` running, an edited scenario file updates its page in both
languages after at most two rebuilds, and the server then stays quiet (no rebuild loop).

How fast the page updates is measured by `make bench`, not asserted here."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import localhost
from tests.conftest import site_project
from tests.localhost import Server

pytestmark = pytest.mark.site

SCENARIO = "yangtze-jialing-beidou-navigation"
OLD, NEW = "real-time horizontal position from BeiDou PPP-B2b", "real-time horizontal position from the BeiDou PPP-B2b"
OLD_ZH, NEW_ZH = "获取的船舶实时水平定位精度", "获取的每艘船舶实时水平定位精度"


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    if not localhost.wait_for(condition, seconds):
        pytest.fail(f"timed out waiting for {what}")


def _either(page: str, old: str, new: str) -> bool:
    """True once `page` has the new text; a page with neither is half-built or someone else's."""
    assert old in page or new in page, page[-500:]
    return new in page


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = site_project(tmp_path / "project")
    running = Server(project)
    try:
        wait_for(running.started, 60, "the server to start")
        yield running
    finally:
        running.stop()


def test_an_edit_updates_its_page_after_at_most_two_rebuilds(server: Server, tmp_path: Path) -> None:
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    assert OLD in server.page(f"scenarios/{SCENARIO}/")
    before = len(server.log)

    assert OLD_ZH in server.page(f"zh/scenarios/{SCENARIO}/")
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(OLD, NEW).replace(OLD_ZH, NEW_ZH), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the English page to change")
    # The Chinese site is rebuilt after the English one: asked for meanwhile, its page is the old
    # one or the new one, whole, never missing (server.page raises on a 404).
    wait_for(lambda: _either(server.page(f"zh/scenarios/{SCENARIO}/"), OLD_ZH, NEW_ZH), 60, "the Chinese page to change")
    time.sleep(5)  # long enough for a rebuild loop to show itself

    after = server.log[before:]
    assert 1 <= server.builds_since(before) <= 2, "\n".join(after)
    assert not any("ERROR" in line or "Traceback" in line for line in after), "\n".join(after)


def test_an_edit_during_the_chinese_rebuild_leaves_each_language_its_own_search_index(server: Server, tmp_path: Path) -> None:
    """The two languages' builds share MkDocs's search plugin: an edit saved while the Chinese site
    is still being built (here: at once after the English page changed) must wait for it."""
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    valid = scenario.read_text(encoding="utf-8")
    scenario.write_text(valid.replace(OLD_ZH, NEW_ZH), encoding="utf-8")
    wait_for(lambda: NEW_ZH in server.page(f"zh/scenarios/{SCENARIO}/"), 60, "the Chinese page to change")
    before = len(server.log)
    scenario.write_text(valid.replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the English page to change")
    scenario.write_text(valid.replace(OLD, NEW).replace(OLD_ZH, NEW_ZH), encoding="utf-8")  # the Chinese build is under way
    wait_for(lambda: server.builds_since(before) == 2, 60, "the second rebuild")
    wait_for(lambda: NEW_ZH in server.page(f"zh/scenarios/{SCENARIO}/"), 60, "the Chinese page to change again")
    english, chinese = (json.loads(server.page(f"{prefix}search/search_index.json")) for prefix in ("", "zh/"))
    assert english["config"]["lang"] == ["en"] and chinese["config"]["lang"] == ["en", "zh"]
    assert all(not doc["location"].startswith("zh/") for doc in english["docs"] + chinese["docs"])
    assert NEW in json.dumps(english, ensure_ascii=False)
    assert NEW_ZH in json.dumps(chinese, ensure_ascii=False).replace("\u200b", "")  # the index parts Chinese words so
    assert len(english["docs"]) == len({doc["location"] for doc in english["docs"]})  # each page once
    assert len(chinese["docs"]) == len({doc["location"] for doc in chinese["docs"]})
    assert not any("Traceback" in line for line in server.log[before:])


def test_a_half_written_file_keeps_the_preview_alive_and_lists_its_problems(server: Server, tmp_path: Path) -> None:
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    valid = scenario.read_text(encoding="utf-8")
    before = len(server.log)
    scenario.write_text(valid.replace("status: reconstructed", "status: TODO"), encoding="utf-8")
    wait_for(lambda: any("DATA PROBLEM" in line for line in server.log[before:]), 60, "the problem to be listed")
    listed = [line for line in server.log[before:] if "DATA PROBLEM" in line]
    assert any(f"scenarios/{SCENARIO}.yaml:" in line and "status: 'TODO' is a placeholder" in line for line in listed), listed
    assert OLD in server.page(f"scenarios/{SCENARIO}/")  # the last valid page, served at once

    scenario.write_text(valid.replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the fixed page")


def test_a_broken_template_or_ui_string_keeps_the_preview_alive_and_says_where(server: Server, tmp_path: Path) -> None:
    """A template or the UI strings saved mid-edit: the problem is listed with its place, the last
    valid pages are served at once (MkDocs would leave every request hanging), and the fix shows."""
    templates = tmp_path / "project" / "generator" / "templates"
    template, strings = templates / "scenario.html.j2", templates / "strings.yaml"
    theme = tmp_path / "project" / "docs" / "overrides" / "main.html"
    valid = {file: file.read_text(encoding="utf-8") for file in (template, strings, theme)}
    valid_template, valid_strings = valid[template], valid[strings]
    key = "nav.catalogue:"
    assert valid_strings.count(f"\n{key}") == 1
    assert OLD_ZH in server.page(f"zh/scenarios/{SCENARIO}/")  # the first Chinese build is done: there is a last valid one
    start = len(server.log)
    breaks = [
        (template, valid_template + "{% if %}\n", "generator/templates/scenario.html.j2:"),
        (strings, valid_strings.replace(f"\n{key} {{en: ", f"\n{key} {{en: ["), "generator/templates/strings.yaml:"),
        (strings, valid_strings.replace(f"\n{key}", "\nnav.catalog:"), "'nav.catalogue'"),
        (theme, valid[theme] + "{% if %}\n", "docs/overrides/main.html:"),  # the theme's: MkDocs renders it
    ]
    for file, broken, place in breaks:
        before = len(server.log)
        file.write_text(broken, encoding="utf-8")
        wait_for(lambda: any("TEMPLATE PROBLEM" in line for line in server.log[before:]), 60, "the problem to be listed")  # noqa: B023 (called at once)
        listed = [line for line in server.log[before:] if "TEMPLATE PROBLEM" in line]
        assert any(place in line for line in listed), listed
        assert OLD in server.page(f"scenarios/{SCENARIO}/")
        assert OLD_ZH in server.page(f"zh/scenarios/{SCENARIO}/")
        file.write_text(valid[file], encoding="utf-8")
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the fixed page")
    assert not any("Traceback" in line or "ERROR" in line for line in server.log[start:]), "\n".join(server.log[start:])


def test_a_number_too_long_to_read_is_a_located_problem_and_the_preview_goes_on(server: Server, tmp_path: Path) -> None:
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    valid = scenario.read_text(encoding="utf-8")
    before = len(server.log)
    scenario.write_text(valid.replace("released: 2023-11-20", "released: " + "9" * 5000, 1), encoding="utf-8")
    wait_for(lambda: any("DATA PROBLEM" in line for line in server.log[before:]), 60, "the problem to be listed")
    listed = [line for line in server.log[before:] if "DATA PROBLEM" in line]
    assert any(f"scenarios/{SCENARIO}.yaml:" in line and "released" in line for line in listed), listed
    assert OLD in server.page(f"scenarios/{SCENARIO}/")
    assert not any("Traceback" in line for line in server.log[before:])
