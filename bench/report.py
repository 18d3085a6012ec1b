"""The bench's figures as Markdown tables, and the targets of issue 10 marked met or not met."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .measure import Ours, Stock
from .search import Latency
from .serve import LiveEdit

# The targets of issue 10, at the sizes it names (`--at`, `--large` move them, for a quick try).
TARGET_SIZE, LARGE_SIZE = 1500, 10000
PER_LANGUAGE = 0.35  # each language's build ÷ the fair stock build of its pages, at TARGET_SIZE
WHOLE = 0.75  # `make build` (both languages) ÷ the fair stock build of the English pages, at LARGE_SIZE
PEAK_RSS = 1e9  # bytes, any one build process, at LARGE_SIZE
LARGEST_PAGE = 1e6  # bytes of the largest HTML page, at LARGE_SIZE
GROWTH = 7.5  # t(LARGE_SIZE) / t(TARGET_SIZE), each language
LIVE_SECONDS, LIVE_BUILDS = 1.0, 2
GENERATOR_LINES = 3682  # lines of Python in generator/ when issue 10 was filed; the target is fewer
NOT_RUN = "–"


@dataclass(frozen=True)
class SizeResult:
    """Everything measured for one catalogue size."""

    size: int
    runs: int  # builds per figure; the figures are medians when more than one
    ours: Ours
    stock: Stock
    search: dict[str, Latency] = field(default_factory=dict)  # "ours en", "ours zh", "stock en"


@dataclass(frozen=True)
class Target:
    """One target of the issue: what it asks, what this run measured, and whether it is met
    (None: this run did not measure it)."""

    name: str
    measured: str
    met: bool | None

    @property
    def verdict(self) -> str:
        return NOT_RUN + " not run" if self.met is None else "✅ met" if self.met else "❌ not met"


def markdown(
    results: Sequence[SizeResult], live: LiveEdit | None, lines: int, at: int = TARGET_SIZE, large: int = LARGE_SIZE
) -> str:
    """Every table: the targets first, then builds, ratios, output sizes, search, growth, the exit
    path and live editing."""
    sections = [
        ("Targets of issue 10", _targets_table(targets(results, live, lines, at, large))),
        ("Build time and peak memory", _builds(results)),
        ("Ours ÷ stock, in one run", _ratios(results)),
        ("Output sizes", _outputs(results)),
        ("Search in headless Chromium", _searches(results)),
        ("Growth", _growth(results)),
        ("Exit path: Zensical builds the English site from the same pages", _zensical(results)),
        ("Live editing under `mkdocs serve` (the real catalogue)", _live(live)),
    ]
    return "\n\n".join(f"### {title}\n\n{table}" for title, table in sections) + "\n"


def targets(
    results: Sequence[SizeResult], live: LiveEdit | None, lines: int, at: int = TARGET_SIZE, large: int = LARGE_SIZE
) -> list[Target]:
    """The issue's targets, evaluated on this run's figures at sizes `at` and `large`."""
    by_size = {r.size: r for r in results}
    middle, top = by_size.get(at), by_size.get(large)
    return [
        *(_per_language(middle, at, language) for language in ("en", "zh")),
        _whole(top, large),
        _memory(top, large),
        _largest_page(top, large),
        *(_growth_target(middle, top, at, large, language) for language in ("en", "zh")),
        _live_target(live),
        Target(f"lines of Python in generator/ < {GENERATOR_LINES:,}", f"{lines:,}", lines < GENERATOR_LINES),
    ]


def _missing(name: str, size: int) -> Target:
    return Target(name, f"no {size:,}-scenario run (add {size} to --sizes)", None)


def _seconds_of(ours: Ours, language: str) -> float:
    return ours.english.seconds if language == "en" else ours.chinese.seconds


def _per_language(at: SizeResult | None, size: int, language: str) -> Target:
    name = f"N={size:,}: `mkdocs build` {language} ≤ {PER_LANGUAGE} × fair stock {language}"
    if at is None:
        return _missing(name, size)
    ours = _seconds_of(at.ours, language)
    stock = at.stock.english.seconds if language == "en" else at.stock.chinese.seconds
    return Target(name, f"{ours / stock:.2f} ({_seconds(ours)} s ÷ {_seconds(stock)} s)", ours / stock <= PER_LANGUAGE)


def _whole(top: SizeResult | None, size: int) -> Target:
    name = f"N={size:,}: `make build` (both languages) ≤ {WHOLE} × fair stock en"
    if top is None:
        return _missing(name, size)
    ratio = top.ours.make_build / top.stock.english.seconds
    measured = f"{ratio:.2f} ({_seconds(top.ours.make_build)} s ÷ {_seconds(top.stock.english.seconds)} s)"
    return Target(name, measured, ratio <= WHOLE)


def _memory(top: SizeResult | None, size: int) -> Target:
    name = f"N={size:,}: peak RSS of a build < {PEAK_RSS / 1e9:g} GB"
    if top is None:
        return _missing(name, size)
    measured = f"{_mb(top.ours.peak_rss)} MB (en {_mb(top.ours.english.peak_rss)}, zh {_mb(top.ours.chinese.peak_rss)})"
    return Target(name, measured, top.ours.peak_rss < PEAK_RSS)


def _largest_page(top: SizeResult | None, size: int) -> Target:
    name = f"N={size:,}: no HTML page over {LARGEST_PAGE / 1e6:g} MB"
    if top is None:
        return _missing(name, size)
    largest = top.ours.largest
    return Target(name, f"largest {largest.path}, {_kb(largest.size)} KB", largest.size <= LARGEST_PAGE)


def _growth_target(at: SizeResult | None, top: SizeResult | None, small: int, large: int, language: str) -> Target:
    name = f"growth t({large:,}) ÷ t({small:,}) ≤ {GROWTH}, {language}"
    if at is None or top is None:
        return _missing(name, small if at is None else large)
    before, after = _seconds_of(at.ours, language), _seconds_of(top.ours, language)
    return Target(name, f"{after / before:.2f} ({_seconds(after)} s ÷ {_seconds(before)} s)", after / before <= GROWTH)


def _live_target(live: LiveEdit | None) -> Target:
    name = f"live editing: an edit reaches its page ≤ {LIVE_SECONDS:g} s (median), ≤ {LIVE_BUILDS} builds"
    if live is None:
        return Target(name, "not measured (--no-serve)", None)
    measured = f"median {live.median:.2f} s (slowest {max(live.seconds):.2f} s), at most {live.builds} build(s)"
    return Target(name, measured, live.median <= LIVE_SECONDS and live.builds <= LIVE_BUILDS)


def _targets_table(found: Sequence[Target]) -> str:
    return _table(["target", "measured", "verdict"], [[t.name, t.measured, t.verdict] for t in found])


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _builds(results: Sequence[SizeResult]) -> str:
    header = [
        "N",
        "runs",
        "ours en s",
        "ours zh s",
        "`make build` s",
        "fair stock en s",
        "fair stock zh s",
        "flat stock en s",
        "generator s",
        "ours en MB",
        "ours zh MB",
        "fair stock en MB",
    ]
    rows = [
        [
            f"{r.size:,}",
            str(r.runs),
            _seconds(r.ours.english.seconds),
            _seconds(r.ours.chinese.seconds),
            _seconds(r.ours.make_build),
            _seconds(r.stock.english.seconds),
            _seconds(r.stock.chinese.seconds),
            _seconds(r.stock.flat.seconds) if r.stock.flat else NOT_RUN,
            _seconds(r.ours.generator.seconds),
            _mb(r.ours.english.peak_rss),
            _mb(r.ours.chinese.peak_rss),
            _mb(r.stock.english.peak_rss),
        ]
        for r in results
    ]
    return _table(header, rows)


def _ratios(results: Sequence[SizeResult]) -> str:
    header = ["N", "en ÷ fair en", "zh ÷ fair zh", "en ÷ flat en", "`make build` ÷ fair en", "peak RSS en ÷ fair en"]
    rows = [
        [
            f"{r.size:,}",
            _ratio(r.ours.english.seconds, r.stock.english.seconds),
            _ratio(r.ours.chinese.seconds, r.stock.chinese.seconds),
            _ratio(r.ours.english.seconds, r.stock.flat.seconds) if r.stock.flat else NOT_RUN,
            _ratio(r.ours.make_build, r.stock.english.seconds),
            _ratio(r.ours.english.peak_rss, r.stock.english.peak_rss),
        ]
        for r in results
    ]
    return _table(header, rows)


def _outputs(results: Sequence[SizeResult]) -> str:
    header = [
        "N",
        "page ours en KB",
        "page ours zh KB",
        "page fair stock KB",
        "page flat stock KB",
        "largest page of ours",
        "index ours en KB",
        "index ours zh KB",
        "index fair stock KB",
    ]
    rows = [
        [
            f"{r.size:,}",
            _kb(r.ours.page_en),
            _kb(r.ours.page_zh),
            _kb(r.stock.page_en),
            _kb(r.stock.flat_page_en) if r.stock.flat_page_en else NOT_RUN,
            f"{r.ours.largest.path}, {_kb(r.ours.largest.size)} KB",
            _kb(r.ours.index_en),
            _kb(r.ours.index_zh),
            _kb(r.stock.index_en),
        ]
        for r in results
    ]
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


def _growth(results: Sequence[SizeResult]) -> str:
    """t(N) / t(previous N) for each pair of sizes; linear cost gives the ratio of the sizes."""
    header = ["from → to", "size ×", "ours en", "ours zh", "`make build`", "fair stock en", "generator"]
    columns: list[Callable[[SizeResult], float]] = [
        lambda r: r.ours.english.seconds,
        lambda r: r.ours.chinese.seconds,
        lambda r: r.ours.make_build,
        lambda r: r.stock.english.seconds,
        lambda r: r.ours.generator.seconds,
    ]
    rows = [
        [f"{small.size:,} → {large.size:,}", f"{large.size / small.size:g}", *(_ratio(c(large), c(small)) for c in columns)]
        for small, large in itertools.pairwise(results)
    ]
    return _table(header, rows) if rows else "Needs at least two sizes."


def _zensical(results: Sequence[SizeResult]) -> str:
    header = ["N", "zensical en s", "ours en s", "scenario pages built"]
    rows = [
        [
            f"{r.size:,}",
            _seconds(r.ours.zensical.seconds) if r.ours.zensical else NOT_RUN,
            _seconds(r.ours.english.seconds),
            f"{r.ours.zensical_pages:,} of {r.size:,}" if r.ours.zensical else "not built",
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
    rows.append(["median (builds: most)", f"{live.median:.2f}", str(live.builds)])
    return _table(header, rows)


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
