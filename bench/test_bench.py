"""The bench's projects are valid and its baselines are the ones it names; its verdicts follow the
issue's targets; it runs end to end on a tiny catalogue. Its timings are printed, never asserted.

They stand beside the bench, which they import; no test in tests/ does. `make test` runs them too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import measure, run
from bench.measure import Largest, Ours, Run, Stock, python_lines
from bench.project import empty_trash, make_ours, make_stock, our_config, reset_build
from bench.report import GENERATOR_LINES, SizeResult, targets
from bench.serve import LiveEdit
from generator.addresses import Settings
from generator.build import build


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-scenario project with its pages written as files, as the stock baselines read them."""
    project = tmp_path_factory.mktemp("ours")
    make_ours(project, 3)
    build(project, Settings(engine="mkdocs"))
    return project / "docs"


def stock_config(target: Path) -> dict[str, object]:
    config: dict[str, object] = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_fair_stock_site_has_our_short_nav_and_search_settings_and_nothing_else_of_ours(
    tmp_path: Path, pages: Path, language: str
) -> None:
    make_stock(tmp_path / "stock", pages / language, language)
    config = stock_config(tmp_path / "stock")
    assert config["nav"] == our_config("en")["nav"]
    assert not any(str(page).startswith("scenarios/") for page in our_config("en")["nav"])
    assert config["theme"] == {"name": "material", "language": language}
    assert config["plugins"] == [p for p in our_config(language)["plugins"] if "search" in p]
    assert "hooks" not in config and (tmp_path / "stock" / "docs" / "scenarios").is_dir()


def test_the_flat_stock_site_lists_every_page_in_one_nav_with_home_first(tmp_path: Path, pages: Path) -> None:
    make_stock(tmp_path / "stock", pages / "en", flat=True)
    config = stock_config(tmp_path / "stock")
    listed = sorted(p.relative_to(tmp_path / "stock" / "docs").as_posix() for p in (tmp_path / "stock" / "docs").rglob("*.md"))
    assert isinstance(config["nav"], list) and config["nav"][0] == "index.md" and sorted(config["nav"]) == listed
    assert config["theme"] == {"name": "material", "language": "en"} and config["plugins"] == ["search"]


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


def test_lines_of_python_count_every_line_of_every_python_file(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n\n# why\n", encoding="utf-8")
    (tmp_path / "templates" / "b.py").write_text("y = 2\n", encoding="utf-8")
    (tmp_path / "templates" / "page.html").write_text("<p>\n</p>\n", encoding="utf-8")
    assert python_lines(tmp_path) == 4


def figures(size: int, ours_seconds: float, stock_seconds: float, rss: int = 100_000_000, page: int = 50_000) -> SizeResult:
    """A size's result with every build of ours taking `ours_seconds` and of stock `stock_seconds`."""
    ours, stock = Run(ours_seconds, rss), Run(stock_seconds, rss)
    return SizeResult(
        size,
        1,
        Ours(ours, ours, ours, 1, 1, 1, 1, Largest("catalogue/index.html", page), zensical=None, zensical_pages=0),
        Stock(stock, stock, 1, 1, flat=None, flat_page_en=None),
    )


def verdicts(results: list[SizeResult], live: LiveEdit | None = None, lines: int = 100) -> dict[str, bool | None]:
    return {target.name.split(":")[0].split(" ≤")[0]: target.met for target in targets(results, live, lines)}


def test_targets_are_met_at_the_limits_and_not_beyond() -> None:
    # At 1,500: 3.5 s ÷ 10 s = 0.35; at 10,000: both languages 2 × 26 s ÷ 70 s ≈ 0.743; growth 26 ÷ 3.5 ≈ 7.43.
    met = verdicts([figures(1500, 3.5, 10), figures(10000, 26, 70)], LiveEdit([0.5, 1.0, 2.0], [2, 2, 1]))
    assert all(met.values()), met
    over = verdicts(
        [figures(1500, 3.6, 10), figures(10000, 28, 70, rss=1_000_000_000, page=1_000_001)],
        LiveEdit([1.1, 1.2, 0.5], [1, 3, 1]),
        lines=GENERATOR_LINES,
    )
    assert not any(over.values()), over


def test_a_target_at_a_size_not_run_is_reported_as_not_run() -> None:
    found = targets([figures(15, 1, 1), figures(150, 1, 1)], None, 100)
    assert [t.met for t in found] == [None] * (len(found) - 1) + [True]
    assert "add 1500 to --sizes" in found[0].measured and found[0].verdict.endswith("not run")


@pytest.mark.site
def test_the_bench_runs_end_to_end_on_a_tiny_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "REPEATS", 1)
    monkeypatch.setattr(measure, "GENERATOR_RUNS", 1)
    output = tmp_path / "results.md"
    # No search: Playwright's sync API cannot start inside the session's browser (tests/browser.py).
    sizes = ["--sizes", "2,3", "--at", "2", "--large", "3", "--no-serve", "--stock-max", "2"]
    assert run.main([*sizes, "--work", str(tmp_path / "work"), "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert "| N=2: `mkdocs build` en ≤ 0.35 × fair stock en |" in text
    assert "| N=3: no HTML page over 1 MB | largest " in text
    assert "| growth t(3) ÷ t(2) ≤ 7.5, zh |" in text
    assert "| 3 | 1 | " in text and "not built" in text  # above --stock-max: no flat baseline, no Zensical
