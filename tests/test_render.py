"""Rendering: golden files for every page of the fixture project, links, determinism.

`make golden` rewrites tests/golden/ from the current templates; review the diff before committing.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.addresses import Settings, relative_path, relative_url
from generator.build import check
from generator.environment import strings
from generator.prose import prose
from tests.conftest import FIXTURE, ROOT
from tests.helpers import rendered_files
from tests.projects import GROWN, synthetic_project

GOLDEN = Path(__file__).resolve().parent / "golden"
SETTINGS = Settings(repository="https://example.org/catalogue")


def rendered(root: Path = FIXTURE, settings: Settings = SETTINGS) -> dict[str, str]:
    return rendered_files(root, settings)


def test_pages_match_golden_files() -> None:
    files = rendered()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(text.encode("utf-8"))
    # Bytes, not text: the CSV's line ends are part of what is pinned.
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "pages added or removed: run `make golden` and review the diff"
    for path in sorted(files):
        assert files[path] == expected[path], f"{path} differs from tests/golden: run `make golden` and review the diff"


def test_every_ui_string_has_both_languages() -> None:
    # Punctuation may be empty in one language: Chinese puts no space between sentences.
    incomplete = [
        key
        for key, text in strings().items()
        if set(text) != {"en", "zh"} or not (all(text.values()) or key.startswith("punct."))
    ]
    assert incomplete == []


def test_without_a_repository_a_scenario_links_its_yaml_and_offers_no_edit_link() -> None:
    page = rendered(settings=Settings())["en/scenarios/river-ships.md"]
    assert "data-edit-link" not in page and "Edit this scenario" not in page
    assert '<a href="../river-ships.yaml">YAML source</a>' in page


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "**a** [b](https://example.org/x?y=1&z=2)",
            '<p><strong>a</strong> <a href="https://example.org/x?y=1&amp;z=2" rel="noopener noreferrer">b</a></p>',
        ),
        ("<b onclick=x>a</b>", "<p>&lt;b onclick=x&gt;a&lt;/b&gt;</p>"),
        ("<https://x/ autofocus onfocus=alert(1)>", "<p>&lt;https://x/ autofocus onfocus=alert(1)&gt;</p>"),
        ('[x][n]\n\n[n]: javascript:0,alert(1) "t"', '<p>[x][n]</p>\n<p>[n]: javascript:0,alert(1) "t"</p>'),
        (
            "[x](java\tscript:alert(1)) [y](//evil.example/) [z](data:text/html,x)",
            "<p>[x](java\tscript:alert(1)) [y](//evil.example/) [z](data:text/html,x)</p>",
        ),
        ("![i](https://evil.example/t.png)", '<p>!<a href="https://evil.example/t.png" rel="noopener noreferrer">i</a></p>'),
        ("# heading", "<p># heading</p>"),
        (
            "[in the site](../../catalogue/) [r](/etc/passwd) [q](?next=x)",
            "<p>[in the site](../../catalogue/) [r](/etc/passwd) [q](?next=x)</p>",
        ),
        (
            "[a](https://www.cq.gov.cn@evil.example/) [b](https://)",
            "<p>[a](https://www.cq.gov.cn@evil.example/) [b](https://)</p>",
        ),
        (  # a definition refused is text: a link in its title comes to life only if it is one the renderer keeps
            "[r]: https:// '[x](/etc/passwd)'",
            "<p>[r]: https:// '[x](/etc/passwd)'</p>",
        ),
        ('[t](https://ok.example/ "a tooltip")', '<p><a href="https://ok.example/" rel="noopener noreferrer">t</a></p>'),
    ],
)
def test_contributor_markdown_cannot_become_markup_a_script_link_or_an_image(text: str, html: str) -> None:
    assert prose(text).strip() == html


def test_a_paragraph_indented_in_the_file_stays_a_paragraph_and_code_is_fenced() -> None:
    # was: <pre><code>, as CommonMark reads four spaces of indentation
    assert prose("Channels are narrow.\n\n    Bridges too.").strip() == "<p>Channels are narrow.</p>\n<p>Bridges too.</p>"
    assert prose("```\nop: <=\n```").strip() == "<pre><code>op: &lt;=\n</code></pre>"
    assert prose("Name it `<vendor>.zip`.").strip() == "<p>Name it <code>&lt;vendor&gt;.zip</code>.</p>"


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "expected"),
    [
        ("index.md", "catalogue.md", True, "catalogue/"),
        ("index.md", "index.md", True, "./"),
        ("catalogue.md", "scenarios/a.md", True, "../scenarios/a/"),
        ("scenarios/a.md", "index.md", True, "../../"),
        ("scenarios/a.md", "domains/index.md", True, "../../domains/"),
        ("scenarios/a.md", "scenarios/a.yaml", True, "../a.yaml"),
        ("index.md", "catalogue.md", False, "catalogue.html"),
        ("scenarios/a.md", "index.md", False, "../index.html"),
        ("catalogue.md", "scenarios/a.md", False, "scenarios/a.html"),
        ("domains/index.md", "domains/x.md", False, "x.html"),
    ],
)
def test_relative_url(source: str, target: str, directory_urls: bool, expected: str) -> None:
    assert relative_url(source, target, directory_urls) == expected


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("index.md", "catalogue.md"),
        ("scenarios/a.md", "catalogue.md"),
        ("scenarios/a.md", "scenarios/b.md"),
        ("scenarios/a.md", "domains/x.md"),
        ("domains/index.md", "domains/x.md"),
        ("a/b/c.md", "a/d/e.md"),
        ("a/b/c.md", "index.md"),
    ],
)
def test_relative_path_answers_as_posixpath_relpath(source: str, target: str) -> None:
    assert relative_path(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_same_input_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """The real catalogue, generated in two processes with different hash seeds, is identical."""
    digests = []
    for seed in ("1", "2"):
        copy = tmp_path / seed
        shutil.copytree(ROOT / "scenarios", copy / "scenarios")
        environment = {"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(copy)], env=environment, check=True)
        digests.append(tree_digest(copy / "docs"))
    assert digests[0] == digests[1]


def test_a_home_card_lists_five_scenarios_and_links_to_the_rest(tmp_path: Path) -> None:
    """With thousands of scenarios, listing them all would make the home page megabytes long."""
    synthetic_project(tmp_path, GROWN)
    count = sum(s.domain == "natural-resources" for s in check(tmp_path).catalogue.scenarios)
    assert count > 5
    home = rendered(tmp_path, Settings())["en/index.md"]
    card = home.split(f'<a href="domains/natural-resources/">Natural resources</a></strong>&nbsp;· {count} scenarios', 1)[1]
    card = card.split("</li>\n<li>\n", 1)[0]
    assert card.count('href="scenarios/') == 5
    assert f'<li><a href="domains/natural-resources/">All {count} scenarios →</a></li>' in card
