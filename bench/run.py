"""`python -m bench.run [--sizes 15,150,1500,10000]`: build synthetic catalogues of each size, ours
and stock, print the figures and the targets of issue 10 as Markdown and write them to
bench/results.md.

A benchmark, not a test: it prints what it measures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shlex
import sys
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import yaml

from tests.projects import ROOT, originals

from . import search, serve
from .measure import (
    GENERATOR_RUNS,
    BuildFailed,
    Ours,
    Stock,
    build_ours,
    build_stock,
    median_ours,
    median_stock,
    python_lines,
)
from .project import empty_trash, make_ours, make_real, reset_build
from .report import LARGE_SIZE, TARGET_SIZE, SizeResult, markdown

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results.md"
DEFAULT_SIZES = "15,150,1500"
LIVE_SCENARIO = "yangtze-jialing-beidou-navigation"  # its English summary is a folded text, where the edit goes
# Small builds take seconds and the machine is noisy: their figures are medians of 3 builds.
REPEATS, REPEAT_UP_TO = 3, 150


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    options = _parser().parse_args(argv)
    _check_query_words()
    load = os.getloadavg()[0]  # other users' work, before the bench adds its own
    started = time.perf_counter()
    try:
        results = [_bench(size, options) for size in options.sizes]
        live = None if options.no_serve else _live_editing(options.work)
    except BuildFailed as error:
        print(f"bench: a build failed, nothing was written\n{error}", file=sys.stderr)
        return 1
    finally:
        empty_trash()  # only now: see project.discard
    elapsed = time.perf_counter() - started
    tables = markdown(results, live, python_lines(ROOT / "generator"), options.at, options.large)
    print(tables)
    print(f"total bench time: {elapsed:,.0f} s", file=sys.stderr)
    options.output.write_text(_document(tables, elapsed, load, options, argv), encoding="utf-8")
    print(f"wrote {_shown(options.output)}", file=sys.stderr)
    return 0


def _bench(size: int, options: argparse.Namespace) -> SizeResult:
    """Build the catalogue of `size` scenarios, ours and stock, as many times as it is repeated."""
    work = options.work / f"n{size}"
    ours_project = work / "ours"
    page = make_ours(ours_project, size)[0]  # the scenario page whose HTML is weighed
    others = size <= options.stock_max  # the flat-nav baseline and Zensical
    runs = REPEATS if size <= REPEAT_UP_TO else 1
    ours: list[Ours] = []
    stock: list[Stock] = []
    for run in range(1, runs + 1):
        reset_build(ours_project)
        ours.append(build_ours(ours_project, page, zensical=others))
        _progress(size, run, "ours", ours[-1])
        stock.append(build_stock(work / "stock", ours_project, page, flat=others))
        _progress(size, run, "stock", stock[-1])
    latencies = _search(ours_project, work / "stock" / "fair-en") if size >= options.search_from else {}
    return SizeResult(size, runs, median_ours(ours), median_stock(stock), latencies)


def _live_editing(work: Path) -> serve.LiveEdit:
    """Edit one scenario of the real catalogue several times under `mkdocs serve`."""
    project = work / "live"
    make_real(project)
    live = serve.measure(project, LIVE_SCENARIO)
    print(f"live editing: {', '.join(f'{s:.2f} s' for s in live.seconds)}; builds {live.rebuilds}", file=sys.stderr)
    return live


def _search(ours: Path, stock: Path) -> dict[str, search.Latency]:
    sites = {"ours en": (ours / "site", "en"), "ours zh": (ours / "site", "zh"), "stock en": (stock / "site", "en")}
    latencies = {}
    for name, (site, language) in sites.items():
        latencies[name] = search.measure(site, language)
        samples = ", ".join(f"{ms:.0f}" for ms in latencies[name].samples)
        print(f"  search {name}: median {latencies[name].median:.0f} ms ({samples})", file=sys.stderr)
    return latencies


def _progress(size: int, run: int, name: str, figures: Ours | Stock) -> None:
    """One line per build on stderr, so a long run shows it is alive."""
    if isinstance(figures, Ours):
        steps = (
            f"generator {figures.generator.seconds:.1f} s, en {figures.english.seconds:.1f} s, zh {figures.chinese.seconds:.1f} s"
        )
    else:
        flat = f", flat en {figures.flat.seconds:.1f} s" if figures.flat else ""
        steps = f"en {figures.english.seconds:.1f} s, zh {figures.chinese.seconds:.1f} s{flat}"
    print(f"N={size:,} run {run}: {name}: {steps}", file=sys.stderr)


def _check_query_words() -> None:
    """Stop early if a search word occurs in no title: its query would wait for results in vain."""
    scenarios = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in originals()]
    for language in ("en", "zh"):
        missing = search.missing_words([s["title"][language] for s in scenarios], language)
        if missing:
            raise SystemExit(f"bench: search words {missing} occur in no {language} title; change bench/search.py")


def _document(tables: str, elapsed: float, load: float, options: argparse.Namespace, argv: Sequence[str]) -> str:
    """results.md: when, where and how the figures were taken, then the tables."""
    lines = [
        "# Benchmark: our build against stock MkDocs + Material (issue 10)",
        "",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} cores ({_cpu()}), load average {load:.1f} before the run, shared and noisy",
        f"- Python {platform.python_version()}, mkdocs {metadata.version('mkdocs')}, mkdocs-material {metadata.version('mkdocs-material')}",
        f"- command: `{_command(argv)}`; total run time {elapsed / 60:.1f} min",
        "",
        "How to read it: *ours* is `make build`: `mkdocs build --strict` of mkdocs.yml (en), then of",
        "mkdocs.zh.yml (zh), whose hook validates the scenarios and hands MkDocs the finished pages;",
        "*`make build`* is the two together. *Fair stock* is what a careful user would write: stock",
        "Material, no hooks, no theme overrides, building the pages our generator writes as files",
        "(`python -m generator build --engine mkdocs`: front matter, then the HTML) of one language, with",
        "our short nav (scenario, domain, capability and owner pages reached from the listings) and our",
        "search settings for that language. *Flat stock* is the same English pages with Material's",
        f"defaults and every page in one flat nav, built up to {options.stock_max:,} scenarios (`--stock-max`, as is",
        "Zensical): its cost grows with the square of the size. Every ratio divides two figures of this run.",
        "Times are wall clock of each process; MB is peak RSS of that process (os.wait4; 1 MB = 10⁶ bytes,",
        "1 KB = 10³); *page* is the built index.html of one scenario page; *largest page* is the largest",
        "HTML file of either language; *index* is search/search_index.json. Search times come from",
        f"headless Chromium: *median* from the last keystroke to the first result, over {len(search.ENGLISH)} words from",
        "the titles (the slowest word in brackets); *first* from navigation start to the first result of",
        f"the first query. Sizes up to {REPEAT_UP_TO} are medians of {REPEATS} builds; larger sizes are single builds,",
        "and on a shared machine their times vary by 10-20% from run to run. *generator* is",
        "`python -m generator build` (validate, render both languages, write the files Zensical reads) on",
        f"a fresh clone, the median of {GENERATOR_RUNS} runs. Lines of Python count every line of generator/**/*.py.",
        f"*Live editing* saves {serve.EDITS} edits of one scenario's English summary under `mkdocs serve` and times each",
        "from saving to its page served with the edit; the edits are saved on a clock that steps through",
        f"the watcher's {serve.POLLING_INTERVAL:g} s polling cycle, so that they sample it evenly, as a contributor's saves do.",
        "The bench deletes nothing until it has measured everything: on these machines, creating files",
        "within minutes of deleting thousands is several times slower.",
        "",
        tables,
    ]
    return "\n".join(lines)


def _cpu() -> str:
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as cpuinfo:
            return next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "unknown CPU")
    except OSError:
        return platform.processor() or "unknown CPU"


def _command(argv: Sequence[str]) -> str:
    return shlex.join(["python", "-m", "bench.run", *argv])


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 15,150,1500, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive whole numbers")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Build synthetic catalogues, ours and stock MkDocs + Material, and print what each costs.",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=_sizes(os.environ.get("BENCH_SIZES") or DEFAULT_SIZES),
        help=f"catalogue sizes, comma-separated (default: $BENCH_SIZES or {DEFAULT_SIZES}; add 10000 for the large case)",
    )
    parser.add_argument(
        "--stock-max",
        type=int,
        default=1500,
        help="build the flat-nav stock baseline and Zensical only up to this size; the flat build grows with the square of the size (default: 1500)",
    )
    parser.add_argument(
        "--at", type=int, default=TARGET_SIZE, help=f"the size of the per-language targets (default: {TARGET_SIZE})"
    )
    parser.add_argument(
        "--large",
        type=int,
        default=LARGE_SIZE,
        help=f"the size of the whole-build, memory, page-size and growth targets (default: {LARGE_SIZE})",
    )
    parser.add_argument(
        "--search-from", type=int, default=1500, help="measure search latency for sizes from this one up (default: 1500)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the live-editing measurement under mkdocs serve")
    parser.add_argument("--work", type=Path, default=WORK, help="where to build the projects (default: bench/work)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the Markdown (default: bench/results.md)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
