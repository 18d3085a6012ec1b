"""The bench's synthetic catalogues are valid projects (its timings are printed, never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.project import clone, empty_trash, make_ours, make_stock, originals, reset_build
from generator.addresses import Settings
from generator.build import build, check


def test_clones_are_valid_scenarios_with_numbered_titles(tmp_path: Path) -> None:
    ids = make_ours(tmp_path, 20)
    scenarios = check(tmp_path).catalogue.scenarios
    assert [s.id for s in scenarios] == ids
    assert len(ids) == 20 and ids[0].endswith("-0001")
    first = next(s for s in scenarios if s.id.endswith("-0001"))
    assert first.title.en.endswith(" 0001") and first.title.zh.endswith(" 0001")


def test_a_clone_keeps_quotes_around_its_title() -> None:
    text = 'id: a\ntitle:\n  en: "Quoted: title"\n  zh: 标题\n'
    assert yaml.safe_load(clone(text, "a-0007", "0007")) == {
        "id": "a-0007",
        "title": {"en": "Quoted: title 0007", "zh": "标题 0007"},
    }


def test_a_scenario_without_the_expected_title_lines_is_refused() -> None:
    with pytest.raises(ValueError, match="one 'id:' line"):
        clone("id: a\ntitle: {en: A, zh: 甲}\n", "a-0001", "0001")


def test_every_real_scenario_can_be_cloned() -> None:
    for path in originals():
        clone(path.read_text(encoding="utf-8"), f"{path.stem}-0001", "0001")


def test_stock_site_lists_every_page_in_one_flat_nav_with_home_first(tmp_path: Path) -> None:
    make_ours(tmp_path / "ours", 3)
    build(tmp_path / "ours", Settings(engine="mkdocs"))
    make_stock(tmp_path / "stock", tmp_path / "ours" / "docs" / "en")
    config = yaml.safe_load((tmp_path / "stock" / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = sorted(p.relative_to(tmp_path / "stock" / "docs").as_posix() for p in (tmp_path / "stock" / "docs").rglob("*.md"))
    assert config["nav"][0] == "index.md" and sorted(config["nav"]) == pages
    assert config["theme"] == {"name": "material"} and config["plugins"] == ["search"]
    assert "hooks" not in config and "custom_dir" not in config["theme"]


def test_a_reset_moves_the_last_build_away_and_deletes_it_only_when_told(tmp_path: Path) -> None:
    """Deleting right before a build would slow the build the bench measures (see discard)."""
    make_ours(tmp_path / "ours", 3)
    build(tmp_path / "ours", Settings())
    reset_build(tmp_path / "ours")
    assert [path.name for path in (tmp_path / "ours" / "docs" / "en").iterdir()] == [".gitkeep"]
    moved = list((tmp_path / "ours" / ".trash").rglob("index.md"))
    assert moved
    empty_trash()
    assert not (tmp_path / "ours" / ".trash").exists()
