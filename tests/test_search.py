"""The search index: the hook divides each page into the sections the search plugin would, from
libxml2's parse of the page (generator/hooks.py `_sections`) rather than the plugin's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser, Section

from generator.addresses import Settings
from generator.build import sites
from generator.hooks import _sections
from tests.conftest import FIXTURE, ROOT
from tests.test_hostile_site import POISONED_VOCABULARY, VARIANTS, variant

SETTINGS = Settings(directory_urls=True, repository=None, site_url=None)


def plugin_sections(body: str) -> list[Section]:
    parser = Parser()
    parser.feed(body)
    parser.close()
    return list(parser.data)


def shape(sections: list[Section]) -> list[tuple[object, ...]]:
    """What the plugin reads of a section to make an index entry."""
    return [(s.el.tag, s.id, s.is_excluded(), "".join(s.title).strip(), "".join(s.text).strip()) for s in sections]


def hostile_project(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    for number, (_, where, text) in enumerate(VARIANTS):
        (target / "scenarios" / f"hostile-{number:02d}.yaml").write_text(variant(number, where, text), encoding="utf-8")
    for name, old, new in POISONED_VOCABULARY:
        path = target / "scenarios" / "vocabularies" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return target


@pytest.mark.parametrize("project", ["real", "hostile"])
def test_every_searchable_page_has_the_sections_the_plugin_would_give_it(project: str, tmp_path: Path) -> None:
    root = ROOT if project == "real" else hostile_project(tmp_path / "project")
    _, rendered = sites(root, SETTINGS)
    compared = 0
    for language, site in rendered.items():
        for path, page in site.pages.items():
            if page.searchable:
                assert shape(_sections(page.body)) == shape(plugin_sections(page.body)), f"{language}/{path}"
                compared += 1
    assert compared > 2 * 15


@pytest.mark.parametrize(
    "body",
    [
        '<p>before</p><h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2>\n<p>one &amp; <b>two</b></p>',
        '<h1 id="top">Top</h1><p>x<!-- a comment -->y</p><h2 id="b" data-search-exclude>B</h2><p>hidden</p>',
        '<h2 id="c">C</h2><div data-search-exclude><p>no</p><ul><li>no</li></ul></div><ul>\n<li>yes</li>\n</ul>',
        '<h3 id="d">D</h3><pre><code>a  b\n  c</code></pre><p>&lt;script&gt;alert(1)&lt;/script&gt; 𠮷</p>',
        '<h2 id="e">E</h2><table><tr><td>cell<br>next</td></tr></table><script>x()</script><p>after</p>',
        "<p>no heading at all</p>\n\n<p>  spaced   out  </p>",
    ],
)
def test_sections_match_the_plugin_on_html_of_every_kind(body: str) -> None:
    assert shape(_sections(body)) == shape(plugin_sections(body))
