"""The bench's figures as Markdown tables, and the issue's targets marked met or not met."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .measure import Ours, Stock
from .search import Latency
from .serve import LiveEdit

TARGET_SIZE = 1500  # the issue states its targets at 1,500 scenarios...
GROWTH_FROM = 150  # ...and growth as t(1,500) / t(150)
NOT_RUN = "–"


@dataclass(frozen=True)
class SizeResult:
    """Everything measured for one catalogue size."""

    size: int
    runs: int  # builds per figure; the figures are medians when more than one
    ours: Ours
    stock: Stock | None  # None when the stock build was skipped as too slow
    search: dict[str, Latency] = field(default_factory=dict)  # "ours en", "ours zh", "stock en"


def markdown(results: Sequence[SizeResult], live: LiveEdit | None) -> str:
    """Every table: builds, output sizes, search, ratios, growth, the exit path, live editing, targets."""
    sections = [
        ("Build time and peak memory", _builds(results)),
        ("Output sizes", _outputs(results)),
        ("Search in headless Chromium", _searches(results)),
        ("Ours / stock", _ratios(results)),
        ("Growth", _growth(results)),
        ("Exit path: Zensical builds the English site from the same pages", _zensical(results)),
        ("Live editing under `mkdocs serve` (the real catalogue)", _live(live)),
        (f"Targets of issue 5 (at {TARGET_SIZE:,} scenarios)", _targets(results, live)),
    ]
    return "\n\n".join(f"### {title}\n\n{table}" for title, table in sections) + "\n"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _builds(results: Sequence[SizeResult]) -> str:
    header = [
        "N",
        "runs",
        "generator s",
        "scenarios/s",
        "ours en s",
        "ours zh s",
        "stock en s",
        "ours en MB",
        "ours zh MB",
        "stock MB",
    ]
    rows = []
    for r in results:
        stock = r.stock
        rows.append(
            [
                f"{r.size:,}",
                str(r.runs),
                _seconds(r.ours.generator.seconds),
                f"{r.size / r.ours.generator.seconds:,.0f}",
                _seconds(r.ours.english.seconds),
                _seconds(r.ours.chinese.seconds),
                _seconds(stock.english.seconds) if stock else NOT_RUN,
                _mb(r.ours.english.peak_rss),
                _mb(r.ours.chinese.peak_rss),
                _mb(stock.english.peak_rss) if stock else NOT_RUN,
            ]
        )
    return _table(header, rows)


def _outputs(results: Sequence[SizeResult]) -> str:
    header = [
        "N",
        "page ours en KB",
        "page ours zh KB",
        "page stock KB",
        "index ours en KB",
        "index ours zh KB",
        "index stock KB",
    ]
    rows = []
    for r in results:
        stock = r.stock
        rows.append(
            [
                f"{r.size:,}",
                _kb(r.ours.page_en),
                _kb(r.ours.page_zh),
                _kb(stock.page_en) if stock else NOT_RUN,
                _kb(r.ours.index_en),
                _kb(r.ours.index_zh),
                _kb(stock.index_en) if stock else NOT_RUN,
            ]
        )
    return _table(header, rows)


SEARCHES = ("ours en", "ours zh", "stock en")


def _searches(results: Sequence[SizeResult]) -> str:
    header = ["N", *(f"{name} median (slowest) ms" for name in SEARCHES), *(f"{name} first ms" for name in SEARCHES)]
    rows = []
    for r in results:
        if not r.search:
            continue
        medians = [_median_and_slowest(r.search[name]) if name in r.search else NOT_RUN for name in SEARCHES]
        firsts = [_ms(r.search[name].first) if name in r.search else NOT_RUN for name in SEARCHES]
        rows.append([f"{r.size:,}", *medians, *firsts])
    return _table(header, rows) if rows else "Not measured in this run."


def _median_and_slowest(latency: Latency) -> str:
    return f"{_ms(latency.median)} ({_ms(latency.slowest)})"


def _ratios(results: Sequence[SizeResult]) -> str:
    header = ["N", "build en", "build zh", "`make build` ÷ 2", "peak RSS en", "page en", "search index en"]
    rows = []
    for r in results:
        if r.stock is None:
            continue
        stock, ours = r.stock, r.ours
        whole = (ours.english.seconds + ours.chinese.seconds) / 2
        rows.append(
            [
                f"{r.size:,}",
                _ratio(ours.english.seconds, stock.english.seconds),
                _ratio(ours.chinese.seconds, stock.english.seconds),
                _ratio(whole, stock.english.seconds),
                _ratio(ours.english.peak_rss, stock.english.peak_rss),
                _ratio(ours.page_en, stock.page_en),
                _ratio(ours.index_en, stock.index_en),
            ]
        )
    return _table(header, rows) if rows else "No stock build in this run."


def _growth(results: Sequence[SizeResult]) -> str:
    """t(N) / t(previous N) for each pair of sizes; linear cost gives the ratio of the sizes."""
    header = ["from → to", "size ×", "generator", "ours en", "ours zh", "stock en"]
    rows = []
    for small, large in itertools.pairwise(results):
        rows.append(
            [
                f"{small.size:,} → {large.size:,}",
                f"{large.size / small.size:g}",
                _grown(small, large, lambda r: r.ours.generator.seconds),
                _grown(small, large, lambda r: r.ours.english.seconds),
                _grown(small, large, lambda r: r.ours.chinese.seconds),
                _grown(small, large, lambda r: r.stock.english.seconds if r.stock else None),
            ]
        )
    return _table(header, rows) if rows else "Needs at least two sizes."


def _grown(small: SizeResult, large: SizeResult, seconds: Callable[[SizeResult], float | None]) -> str:
    before, after = seconds(small), seconds(large)
    return _ratio(after, before) if before and after else NOT_RUN


def _zensical(results: Sequence[SizeResult]) -> str:
    header = ["N", "zensical en s", "ours en s", "scenario pages built"]
    rows = [
        [
            f"{r.size:,}",
            _seconds(r.ours.zensical.seconds) if r.ours.zensical else NOT_RUN,
            _seconds(r.ours.english.seconds),
            f"{r.ours.zensical_pages:,} of {r.size:,}" if r.ours.zensical else "Zensical not installed",
        ]
        for r in results
    ]
    return _table(header, rows)


def _live(live: LiveEdit | None) -> str:
    if live is None:
        return "Not measured in this run."
    header = ["edit", "page served after s", "builds"]
    rows = [
        [str(n), f"{seconds:.2f}", str(builds)]
        for n, (seconds, builds) in enumerate(zip(live.seconds, live.rebuilds, strict=True), 1)
    ]
    rows.append(["median", f"{live.median:.2f}", str(max(live.rebuilds))])
    return _table(header, rows)


def _targets(results: Sequence[SizeResult], live: LiveEdit | None) -> str:
    at = next((r for r in results if r.size == TARGET_SIZE), None)
    before = next((r for r in results if r.size == GROWTH_FROM), None)
    if at is None:
        return f"Not evaluated: this run has no {TARGET_SIZE:,}-scenario catalogue."
    rows = [
        _build_target(at),
        _memory_target(at),
        _growth_target(at, before),
        _page_target(at),
        _generator_target(at),
        _search_target(at),
        _live_target(live),
        _zensical_target(at),
    ]
    return _table(["target", "measured", "verdict"], rows)


def _build_target(at: SizeResult) -> list[str]:
    target = "build per language ≤ ⅓ of stock"
    if at.stock is None:
        return [target, "stock not built", NOT_RUN]
    ratios = [at.ours.english.seconds / at.stock.english.seconds, at.ours.chinese.seconds / at.stock.english.seconds]
    return [target, f"en {ratios[0]:.2f}, zh {ratios[1]:.2f} of stock", _verdict(max(ratios) <= 1 / 3)]


def _memory_target(at: SizeResult) -> list[str]:
    peak = max(at.ours.english.peak_rss, at.ours.chinese.peak_rss)
    return [
        "peak RSS < 600 MB",
        f"en {_mb(at.ours.english.peak_rss)}, zh {_mb(at.ours.chinese.peak_rss)} MB",
        _verdict(peak < 600e6),
    ]


def _growth_target(at: SizeResult, before: SizeResult | None) -> list[str]:
    target = f"t({TARGET_SIZE:,}) / t({GROWTH_FROM}) ≤ 12"
    if before is None:
        return [target, f"no {GROWTH_FROM}-scenario run", NOT_RUN]
    en = at.ours.english.seconds / before.ours.english.seconds
    zh = at.ours.chinese.seconds / before.ours.chinese.seconds
    return [target, f"en {en:.1f}, zh {zh:.1f}", _verdict(max(en, zh) <= 12)]


def _page_target(at: SizeResult) -> list[str]:
    largest = max(at.ours.page_en, at.ours.page_zh)
    return ["scenario page ≤ 60 KB", f"en {_kb(at.ours.page_en)}, zh {_kb(at.ours.page_zh)} KB", _verdict(largest <= 60_000)]


def _generator_target(at: SizeResult) -> list[str]:
    rate = at.size / at.ours.generator.seconds
    return ["generator ≥ 1,000 scenarios/s", f"{rate:,.0f}/s (both languages, files written)", _verdict(rate >= 1000)]


def _live_target(live: LiveEdit | None) -> list[str]:
    target = "an edit reaches its page ≤ 2 s, ≤ 2 rebuilds"
    if live is None:
        return [target, "not measured", NOT_RUN]
    measured = f"median {live.median:.2f} s (slowest {max(live.seconds):.2f} s), at most {max(live.rebuilds)} build(s)"
    return [target, measured, _verdict(live.median <= 2 and max(live.rebuilds) <= 2)]


def _zensical_target(at: SizeResult) -> list[str]:
    target = "Zensical builds every scenario page"
    if at.ours.zensical is None:
        return [target, "Zensical not installed", NOT_RUN]
    return [target, f"{at.ours.zensical_pages:,} of {at.size:,}", _verdict(at.ours.zensical_pages == at.size)]


def _search_target(at: SizeResult) -> list[str]:
    target = "search shows results ≤ 300 ms"
    measured = {name.split()[1]: at.search[name] for name in ("ours en", "ours zh") if name in at.search}
    if not measured:
        return [target, "not measured", NOT_RUN]
    text = ", ".join(f"{language} {_median_and_slowest(latency)} ms" for language, latency in measured.items())
    return [target, f"median (slowest word) {text}", _verdict(max(m.median for m in measured.values()) <= 300)]


def _verdict(met: bool) -> str:
    return "✅ met" if met else "❌ not met"


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def _mb(size: int) -> str:
    return f"{size / 1e6:,.0f}"


def _kb(size: int) -> str:
    return f"{size / 1e3:,.1f}"


def _ms(milliseconds: float) -> str:
    return f"{milliseconds:,.0f}"


def _ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}"
