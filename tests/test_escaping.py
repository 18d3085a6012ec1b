"""Safe by construction: whatever a text holds, every output shows it as text. The model is
poisoned directly, bypassing the validator (whose rules exist for clear messages, not for
safety), and every page of both languages and every export is read back."""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest

from generator import export
from generator.addresses import Settings
from generator.build import check
from generator.model import Catalogue, Text
from generator.render import DATA_SCRIPT, Site, render
from tests.conftest import FIXTURE

# Plain texts (titles, names, requirements...): markup, script, styles that load from elsewhere,
# formulas, template syntax, entities, and text outside the Basic Multilingual Plane.
PLAIN = [
    "<https://x/ autofocus tabindex=1 onfocus=alert(document.domain)>",
    "<https://x/ style=background:url(https://evil.example/t.png)>",
    '<img src=x onerror="alert(1)">',
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)' x='",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1)) ![i](https://evil.example/t.png)",
    '=HYPERLINK("https://evil.example/","x")',
    '+cmd|" /C calc"!A0',
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "{{ config }} {% raw %} ${7*7}",
    "<style>body{background:url(https://evil.example/t.png)}</style>",
    "𠮷野家 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "&lt;b&gt; &amp; &#106;avascript:",
    "<svg onload=alert(1)>",
    "</title></textarea><script>alert(1)</script>",
    "]]><!-- --><![CDATA[x]]>",
]
# Limited Markdown (problem, how to respond): links and images that must not survive.
PROSE = [
    '[x][n]\n\n[n]: javascript:0,alert(1) "t"',
    "[j](JaVaScRiPt:alert(1)) [v](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD4=)",
    "<javascript:alert(1)> <https://x/ onfocus=alert(1)>",
    "[p](//evil.example/) ![img](https://evil.example/t.png)",
    '<div onclick="alert(1)">x</div> <iframe src="https://evil.example/"></iframe>',
    '[s](https://ok.example/ "t\\" onmouseover=\\"alert(1)") [t](java\tscript:alert(1))',
    *PLAIN,
]


def poisoned() -> Catalogue:
    """The fixture catalogue with every text of every record and vocabulary entry replaced by a
    hostile one (the limited-Markdown fields by hostile Markdown), and every source address too."""
    catalogue = check(FIXTURE).catalogue
    plain, prose = itertools.cycle(PLAIN), itertools.cycle(PROSE)

    def poison(value: Any, name: str = "") -> Any:
        if isinstance(value, Text):
            texts = prose if name in ("problem", "how_to_respond") else plain
            return Text(en=next(texts), zh=next(texts) + " 中文")
        if isinstance(value, tuple):
            return tuple(poison(item, name) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {field.name: poison(getattr(value, field.name), field.name) for field in dataclasses.fields(value)}
            if "url" in changes:
                changes["url"] = "javascript:alert(1)//"
            return dataclasses.replace(value, **changes)
        return value

    vocabularies = catalogue.vocabularies
    entries = {
        field.name: {key: poison(entry) for key, entry in getattr(vocabularies, field.name).items()}
        for field in dataclasses.fields(vocabularies)
    }
    return Catalogue(tuple(poison(scenario) for scenario in catalogue.scenarios), type(vocabularies)(**entries))


# Module fixtures, not module constants: collecting the tests validates and renders nothing, so a
# change that breaks the fixture project fails these tests with its problems, not the collection.
@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return poisoned()


@pytest.fixture(scope="module")
def sites(catalogue: Catalogue) -> dict[str, Site]:
    return {language: render(catalogue, Settings(site_url="https://example.org/cq/"), {}, language) for language in ("en", "zh")}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


# What the templates write, and nothing a text could add: no script, frame, image, style or
# metadata element; the SVG charts' own elements are ours.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "br",
    "button",
    "caption",
    "code",
    "datalist",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "g",
    "h1",
    "h2",
    "h3",
    "hr",
    "input",
    "label",
    "legend",
    "li",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "rect",
    "select",
    "span",
    "strong",
    "summary",
    "svg",
    "table",
    "tbody",
    "td",
    "text",
    "th",
    "thead",
    "time",
    "title",
    "desc",
    "tr",
    "ul",
    "wbr",  # between the words of a Chinese title (chinese.phrased)
}
SAFE_LINK = re.compile(r"(?:https?://|#|\.\.?/|[a-z0-9-]+/|[a-z0-9-]+\.(?:json|csv|xml|yaml|html|js)\b|\?)", re.IGNORECASE)


OUR_SCRIPT = re.compile(
    r"(?:(?:(?:\.\./)*(?:catalogue|requirements)/)?data\.js|(?:\.\./)*assets/catalogue/(?:compare|briefing)\.js)\?v=[0-9a-f]{10}"
)
# The one image a page holds: a scenario page's QR code, printed, made at build time.
OUR_IMAGE = re.compile(r"(?:[a-z0-9-]+/)?qr\.svg")


def test_no_text_becomes_an_element_an_attribute_or_a_link(sites: dict[str, Site]) -> None:
    for language, site in sites.items():
        for path, page in site.pages.items():
            _holds_only_our_markup(f"{language}/{path}", page.body)


def _holds_only_our_markup(path: str, body: str) -> None:
    parsed = Elements(body)
    # Script elements are ours: a listing's first page loads its data file, the comparison and the
    # briefing pack a script of their own beside it.
    scripts = [attributes for tag, attributes in parsed.tags if tag == "script"]
    assert all(dict(attributes).keys() == {"src", "defer"} for attributes in scripts), path
    assert all(OUR_SCRIPT.fullmatch(str(dict(attributes)["src"])) for attributes in scripts), path
    images = [dict(attributes) for tag, attributes in parsed.tags if tag == "img"]
    assert all(
        image.keys() == {"src", "alt", "width", "height"} and OUR_IMAGE.fullmatch(str(image["src"])) for image in images
    ), path
    assert len(images) == (1 if path.split("/")[1] == "scenarios" else 0), path  # the sites are rendered with a site_url
    assert {tag for tag, _ in parsed.tags} - {"script", "img"} <= ALLOWED_TAGS, path
    for tag, attributes in parsed.tags:
        for name, value in attributes:
            assert not name.startswith("on") and name != "style", (path, tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href") and tag != "img":
                assert value is not None and SAFE_LINK.match(value), (path, tag, name, value)
                assert not value.startswith("//"), (path, tag, name, value)


def test_the_hostile_texts_are_shown_as_the_text_they_are(sites: dict[str, Site], catalogue: Catalogue) -> None:
    scenario = catalogue.scenarios[0]
    for language, site in sites.items():
        page = site.pages[f"scenarios/{scenario.id}.md"]
        shown = "".join(Elements(page.body).text)
        title = scenario.title.get(language)
        assert page.title == " ".join(title.split())
        assert " ".join(title.split()) in " ".join(shown.split())
        for requirement in scenario.requirements:
            assert " ".join(requirement.text.get(language).split()) in " ".join(shown.split())


def test_feeds_are_xml_that_hold_the_texts(sites: dict[str, Site], catalogue: Catalogue) -> None:
    for language, site in sites.items():
        feed = ET.fromstring(site.files["feed.xml"])
        titles = [
            entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in feed.iter("{http://www.w3.org/2005/Atom}entry")
        ]
        expected = [scenario.title.get(language).replace("\t", "") for scenario in catalogue.scenarios]
        assert len(titles) == len(expected)
        assert all(any((title or "").endswith(text) for title in titles) for text in expected)


def test_json_holds_every_text_exactly(sites: dict[str, Site], catalogue: Catalogue) -> None:
    data = json.loads(sites["en"].files["catalogue.json"])
    titles = sorted(scenario["title"]["zh"] for scenario in data["scenarios"])
    assert titles == sorted(scenario.title.zh for scenario in catalogue.scenarios)
    assert "𠮷" in sites["en"].files["catalogue.json"]  # written as itself, not as surrogate escapes


def test_listing_data_holds_every_text_and_nothing_that_could_end_a_script(sites: dict[str, Site], catalogue: Catalogue) -> None:
    suffix = ";\n"
    for language, site in sites.items():
        for name, listing in (("catalogue/data.js", "scenarios"), ("requirements/data.js", "requirements")):
            text = site.files[name]
            assert text.startswith(DATA_SCRIPT.format(name=listing)) and text.endswith(suffix)
            assert not set("<>&\u2028\u2029") & set(text), name  # JSON escapes them: \u003c ...
        prefix = DATA_SCRIPT.format(name="scenarios")
        data = json.loads(site.files["catalogue/data.js"].removeprefix(prefix).removesuffix(suffix))
        assert sorted(row[1] for row in data["rows"]) == sorted(s.title.get(language) for s in catalogue.scenarios)
        prefix = DATA_SCRIPT.format(name="requirements")
        data = json.loads(site.files["requirements/data.js"].removeprefix(prefix).removesuffix(suffix))
        assert sorted(row[1] for row in data["scenarios"]) == sorted(s.title.get(language) for s in catalogue.scenarios)
        texts = sorted(r.text.get(language) for s in catalogue.scenarios for r in s.requirements)
        assert sorted(row[3] for row in data["rows"]) == texts


def test_no_csv_cell_starts_a_formula_and_numbers_stay_numbers(sites: dict[str, Site]) -> None:
    rows = list(csv.DictReader(io.StringIO(sites["en"].files["catalogue.csv"].removeprefix("\ufeff"))))
    assert rows
    for row in rows:
        for column, cell in row.items():
            assert not cell.lstrip(" ").startswith(tuple("=+-@\t\r|%")), (column, cell)
        if row["value"]:
            float(row["value"])  # a number, not a text with an apostrophe
    neutralised = {cell[:2] for row in rows for cell in row.values() if cell.startswith("'")}
    assert neutralised >= {"'+", "'-", "'@", "'\t"}, neutralised


def test_page_titles_reach_mkdocs_as_the_plain_text_they_are(sites: dict[str, Site]) -> None:
    site: Site = sites["zh"]
    for path, page in site.pages.items():
        assert "<" not in page.title or path.startswith(("scenarios/", "domains/", "capabilities/", "owners/"))
    assert all("\x00" not in page.body for page in site.pages.values())


def test_a_key_that_names_a_page_of_the_site_cannot_replace_it() -> None:
    catalogue = check(FIXTURE).catalogue
    vocabularies = catalogue.vocabularies
    domains = {**vocabularies.domains, "index": next(iter(vocabularies.domains.values()))}
    hijacked = Catalogue(catalogue.scenarios, dataclasses.replace(vocabularies, domains=domains))
    with pytest.raises(ValueError, match=r"would replace the page domains/index\.md"):
        render(hijacked, Settings(), {}, "en")


@pytest.mark.parametrize("cell", ["\u200b=HYPERLINK(1)", "\ufeff=1+1", " \u2060@SUM(1)", "\u202e-1+cmd|x"])
def test_invisible_characters_before_a_formula_do_not_hide_it(cell: str) -> None:
    assert export.spreadsheet_text(cell) == "'" + cell
