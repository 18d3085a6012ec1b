"""The exit path from Material for MkDocs: Zensical, its maintained successor, reads mkdocs.yml but
runs no MkDocs hooks. With the pages generated for it first (`python -m generator build --engine
zensical`), it builds both languages, every scenario page, and links that all lead where they
should; README.md says what is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import Catalogue
from tests.conftest import site_project
from tests.helpers import broken_links

pytestmark = pytest.mark.site

ZENSICAL = Path(sys.executable).parent / "zensical"


def test_zensical_builds_every_scenario_page_in_both_languages(catalogue: Catalogue, tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    environment = {"PYTHONPATH": str(project), "PATH": f"{ZENSICAL.parent}:/usr/bin:/bin"}
    commands = [
        [sys.executable, "-m", "generator", "build", "--engine", "zensical"],
        [str(ZENSICAL), "build", "--strict", "-f", "mkdocs.yml"],
        [str(ZENSICAL), "build", "--strict", "-f", "mkdocs.zh.yml"],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"

    site = project / "site"
    for scenario in catalogue.scenarios:
        english = (site / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
        chinese = (site / "zh" / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
        assert f"<title>{scenario.title.en} - " in english.replace("&#39;", "'")
        assert f"<title>{scenario.title.zh} - " in chinese
    # The theme overrides carry over: the per-page language switch and the catalogue's filters.
    page = (site / "scenarios" / catalogue.scenarios[0].id / "index.html").read_text(encoding="utf-8")
    assert 'data-language-switch="zh"' in page
    assert 'class="filters"' in (site / "catalogue" / "index.html").read_text(encoding="utf-8")
    # Links in the listings' raw HTML are Zensical's to rewrite: they must reach the right page,
    # in the page's own language, and stay inside the site (as they would under a subpath).
    assert broken_links(site) == []
