"""QR codes made at build time: each scenario page's and the home page's published address, in
both languages, only when the site's address is known; the SVG file itself decodes to the address."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

from generator import qr, write
from generator.addresses import Addresses, Settings
from generator.model import Catalogue
from generator.render import render

SITE = "https://example.org/catalogue/"
MODULE = 8  # pixels a module is drawn with, for the decoder


def decoded(svg: str) -> list[str]:
    """What a decoder reads in the SVG that generator.qr writes: its path drawn module by module
    (segno draws each row as runs, "M4 4.5h7m4 0h1": a move, then horizontal lines and moves)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])  # type: ignore[index]
    image = Image.new("L", (size * MODULE, size * MODULE), 255)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", re.search(r' d="([^"]+)"', svg)[1]):  # type: ignore[index]
        values = [float(n) for n in numbers.replace("-", " -").split()]
        if command in "Mm":
            x, y = (values[0], values[1]) if command == "M" else (x + values[0], y + values[1])
        else:
            row = int(y)
            image.paste(0, (int(x) * MODULE, row * MODULE, int(x + values[0]) * MODULE, (row + 1) * MODULE))
            x += values[0]
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_svg_decodes_to_the_address_and_is_the_same_every_time() -> None:
    address = f"{SITE}zh/scenarios/forest-fire-hotspot-dispatch/"
    svg = qr.svg(address, "QR code of the page")
    assert decoded(svg) == [address]
    assert qr.svg(address, "QR code of the page") == svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox=') and "<title>QR code of the page</title>" in svg
    assert "width=" not in svg.split(">")[0]  # it scales to the size the sheet gives it


def test_the_segno_code_decodes_as_a_picture_too() -> None:
    address = f"{SITE}scenarios/tianmu-nowcasting/"
    png = io.BytesIO()
    qr.code(address).save(png, kind="png", scale=6)
    assert [result.text for result in zxingcpp.read_barcodes(Image.open(png))] == [address]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("directory_urls", [True, False], ids=["folders", "files"])
def test_each_scenario_and_the_home_page_get_the_code_of_their_published_address(
    catalogue: Catalogue, language: str, directory_urls: bool
) -> None:
    settings = Settings(site_url=SITE, directory_urls=directory_urls)
    site = render(catalogue, settings, {}, language)
    codes = {path: text for path, text in site.files.items() if path.endswith("qr.svg")}
    assert sorted(codes) == sorted(["qr.svg", *(f"scenarios/{s.id}/qr.svg" for s in catalogue.scenarios)])
    published = Addresses(settings, language).published
    assert decoded(codes["qr.svg"]) == [published("index.md")]
    for scenario in catalogue.scenarios:
        address = published(f"scenarios/{scenario.id}.md")
        assert address.startswith(SITE + ("zh/" if language == "zh" else "") + "scenarios/")
        assert decoded(codes[f"scenarios/{scenario.id}/qr.svg"]) == [address]
        page = site.pages[f"scenarios/{scenario.id}.md"].body
        link = "qr.svg" if directory_urls else f"{scenario.id}/qr.svg"  # from scenarios/x/ or from scenarios/x.html
        assert f'<img src="{link}" alt=' in page
    # The Zensical writer writes them too, beside the pages' Markdown, which none replaces.
    assert set(codes) <= set(write.files(site)) and not set(codes) & set(site.pages)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_without_the_site_address_there_is_no_code(catalogue: Catalogue, language: str) -> None:
    site = render(catalogue, Settings(), {}, language)
    assert [path for path in site.files if "qr" in path] == []
    assert all("<img" not in page.body for page in site.pages.values())
    briefing = site.pages["briefing.md"].body
    assert 'data-scenario-qr="" data-scenario-address="" data-home-qr="" data-home-address=""' in briefing


def test_the_pack_is_told_where_the_codes_and_the_published_pages_are(catalogue: Catalogue) -> None:
    briefing = render(catalogue, Settings(site_url=SITE), {}, "zh").pages["briefing.md"].body
    assert f'data-scenario-qr="../scenarios/{{id}}/qr.svg" data-scenario-address="{SITE}zh/scenarios/{{id}}/"' in briefing
    assert f'data-home-qr="../qr.svg" data-home-address="{SITE}zh/"' in briefing
