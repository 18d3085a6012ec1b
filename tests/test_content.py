"""Honest content: what the catalogue's own scenario files must and must not say."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from markupsafe import escape

from generator import chinese
from generator.addresses import Settings
from generator.build import vocabularies
from generator.chinese import close_gaps, keep_figures, phrased
from generator.model import Catalogue, Scenario, Text
from generator.render import render
from tests.conftest import ROOT
from tests.helpers import rendered_files
from tests.projects import originals

CJK = "[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"  # with the quotation marks of Chinese text
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


@pytest.fixture(params=[path.stem for path in originals()])
def scenario(request: pytest.FixtureRequest, catalogue: Catalogue) -> Scenario:
    """Each scenario of the real catalogue in turn (named by its file, so the tests are collected
    without validating the catalogue)."""
    return next(s for s in catalogue.scenarios if s.id == request.param)


def test_the_announced_domains_are_all_covered(catalogue: Catalogue) -> None:
    assert {s.domain for s in catalogue.scenarios} >= ANNOUNCED
    assert {key for key, domain in catalogue.vocabularies.domains.items() if domain.announced} == ANNOUNCED


def test_unofficial_records_say_so(scenario: Scenario) -> None:
    # No official text of the 15 scenarios has been published; a record may only claim to be
    # official once one is, and then it must cite it (review rule in CONTRIBUTING.md).
    assert scenario.provenance == "illustrative"


def test_chinese_pages_leave_no_gap_between_characters() -> None:
    """Folded YAML lines must not show as spaces inside Chinese sentences ("重构； 其表述")."""
    files = rendered_files(ROOT, Settings())
    gap = re.compile(f"{CJK}[ \\t]+{CJK}|{CJK}\\n{CJK}")
    found = [(path, match.group()) for path, text in files.items() if path.startswith("zh/") for match in gap.finditer(text)]
    assert found == []


def test_closing_gaps_keeps_paragraphs_and_spaces_around_latin_text() -> None:
    text = "第一行\n第二行， 接着\n\n新的段落见 GB/T 2260 代码"
    assert close_gaps(text) == "第一行第二行，接着\n\n新的段落见 GB/T 2260 代码"


def test_closing_gaps_beside_chinese_quotation_marks() -> None:
    # a line folded after a closing quotation mark was a gap on the page: "“重庆市交通运输委员会” 名义"
    text = "以“重庆市交通运输委员会”\n名义发布，“天目一号” “北斗”，见 “BeiDou” 与 vendors’ 方案"
    assert close_gaps(text) == "以“重庆市交通运输委员会”名义发布，“天目一号”“北斗”，见“BeiDou”与 vendors’ 方案"


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p>截至2023年底，共1.4万处、420余处，5分钟内</p>", "<p>截至[2023年]底，共[1.4万处]、[420余处]，[5分钟]内</p>"),
        (
            '<td data-label="目标">≥ 1000个汉字，约20厘米，1000个</td>',
            '<td data-label="目标">≥ [1000个汉字]，约[20厘米]，[1000个]</td>',
        ),
        ("<p>2023年11月20日有效；55.06%；R1；GB/T 2260</p>", "<p>[2023年11月20日]有效；55.06%；R1；GB/T 2260</p>"),
        (
            "<p>50纳秒、2毫米/年、30000条/日、12345678901234567890</p>",
            "<p>[50纳秒]、[2毫米/年]、[30000条/日]、12345678901234567890</p>",
        ),
        ('<a href="https://e.example/2023年">见2023年报道</a>', '<a href="https://e.example/2023年">见[2023年]报道</a>'),
    ],
)
def test_a_figure_stays_on_one_line_with_its_chinese_unit(html: str, kept: str) -> None:
    """A line may end between any two Chinese characters, and so between a figure and its unit
    ("截至2023 / 年底"); only the text between tags changes, never an attribute."""
    assert keep_figures(html) == kept.replace("[", '<span class="figure">').replace("]", "</span>")


def test_the_script_keeps_figures_as_the_pages_do() -> None:
    """catalogue.js writes the rows of a listing again: with the same pattern, the same markup."""
    script = (ROOT / "docs" / "overrides" / "assets" / "catalogue" / "catalogue.js").read_text(encoding="utf-8")
    assert f"var FIGURE = /{chinese.FIGURE.replace('/', chr(92) + '/')}/g;" in script


def test_every_chinese_unit_of_the_vocabulary_stays_whole_beside_its_figure() -> None:
    for key, unit in vocabularies(ROOT).units.items():
        symbol = unit.symbol.zh
        if re.match(CJK, symbol):
            assert keep_figures(f"<p>5{symbol}</p>") == f'<p><span class="figure">5{symbol}</span></p>', key


def test_a_figure_in_a_chart_is_left_alone() -> None:
    """In SVG, a span would end the drawing: the chart's labels keep their text as it is."""
    chart = '<svg><text x="0">110公安</text><desc>12345热线</desc></svg><p>110公安</p>'
    assert (
        keep_figures(chart)
        == '<svg><text x="0">110公安</text><desc>12345热线</desc></svg><p><span class="figure">110公</span>安</p>'
    )


def test_chinese_pages_keep_figures_with_their_units() -> None:
    files = rendered_files(ROOT, Settings())
    assert '<span class="figure">2023年</span>' in files["zh/scenarios/forest-fire-hotspot-dispatch.md"]
    assert not any('class="figure"' in text for path, text in files.items() if path.startswith("en/"))


def test_each_page_has_public_evidence(scenario: Scenario) -> None:
    assert scenario.evidence, "say what Chongqing already runs or has announced in this area, with sources"


def test_chinese_reads_as_a_bureaus_document(scenario: Scenario) -> None:
    """No translated user-story frames or colloquialisms (issue 12); requirements are 应/须/宜 statements."""
    found = [text for text in texts(scenario) if re.search(r"作为.{1,20}我需要|我需要|市里|配好|以便……", text)]
    assert found == []
    for requirement in scenario.requirements:
        assert re.search(r"[应须宜]", requirement.text.zh), (requirement.id, requirement.text.zh)


def test_requirements_are_statements_a_bid_team_can_quote(scenario: Scenario) -> None:
    for requirement in scenario.requirements:
        assert re.search(r"\b(shall|should)\b", requirement.text.en), (requirement.id, requirement.text.en)
        assert ("shall" in requirement.text.en) == (requirement.priority == "must"), requirement.id
    assert not any(user.en.startswith("As a") for user in scenario.users)


def test_velocities_are_rates(catalogue: Catalogue) -> None:
    """A requirement about a deformation velocity measures it in a rate unit, never in mm."""
    for scenario in catalogue.scenarios:
        for requirement in scenario.requirements:
            if requirement.target and re.search(r"velocit|速率", requirement.text.en + requirement.text.zh):
                assert catalogue.vocabularies.metrics[requirement.target.metric].dimension == "velocity", (
                    scenario.id,
                    requirement.id,
                )


def test_a_chinese_title_may_break_between_its_words_only() -> None:
    """'掩星数 / 据' split a word: the title marks where its words end, each escaped, and keeps a
    punctuation mark with the word it belongs to ('“孤岛”', '长江、')."""
    title = "基于天目一号掩星数据的本地暴雨短时预报"
    assert "数<wbr>据" not in phrased(title) and phrased(title).replace("<wbr>", "") == title
    assert phrased("受灾“孤岛”乡镇卫星应急通信保障") == "受灾<wbr>“孤岛”<wbr>乡镇<wbr>卫星<wbr>应急<wbr>通信<wbr>保障"
    assert phrased("长江、嘉陵江船舶北斗高精度定位").startswith("长江、<wbr>嘉陵江<wbr>")
    # a figure with its unit and a code are one word each: keep_figures then keeps '30分钟' on a line
    assert phrased("森林火情每30分钟监测") == "森林<wbr>火情<wbr>每<wbr>30分钟<wbr>监测"
    assert '<span class="figure">30分钟</span>' in keep_figures(str(phrased("森林火情每30分钟监测")))
    assert "GF-4<wbr>" in phrased("高分四号GF-4卫星") and "2023年11月<wbr>" in phrased("2023年11月重庆发布")
    hostile = '<img src=x onerror="a">&'
    assert "<img" not in phrased(hostile) and phrased(hostile).replace("<wbr>", "") == escape(hostile)
    assert phrased("") == ""


def test_a_chinese_scenario_title_is_phrased_and_an_english_one_is_not(catalogue: Catalogue) -> None:
    pages = {language: render(catalogue, Settings(), {}, language).pages for language in ("en", "zh")}
    scenario = catalogue.scenarios[0]
    for language, page in pages.items():
        body = page[f"scenarios/{scenario.id}.md"].body
        heading = re.search(r'<h1 id="title" class="phrased">(.*?)</h1>', body)
        assert heading, language
        assert ("<wbr>" in heading[1]) == (language == "zh")
        assert heading[1].replace("<wbr>", "") == str(escape(scenario.title.get(language)))
