"""Run a build as a child process and measure it: wall time, peak memory, output sizes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .project import reset_build

ENVIRONMENT = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",  # the banner MkDocs 1.6 prints about 2.0 is noise here
    "CATALOGUE_REPOSITORY": "",  # edit links as on a clean clone, whatever the caller's shell says
}
ENVIRONMENT.pop("CATALOGUE_OFFLINE", None)  # measure the default build, not the offline bundle


class BuildFailed(RuntimeError):
    """A build the bench measures exited with an error; the message holds its output."""


@dataclass(frozen=True)
class Run:
    """One finished child process: wall time and the peak resident memory of that process."""

    seconds: float
    peak_rss: int  # bytes


def timed(command: list[str], cwd: Path) -> Run:
    """Run `command` in `cwd`; raise BuildFailed, with its output, if it fails.

    os.wait4 reports the resource use of exactly this child, where getrusage(RUSAGE_CHILDREN)
    would give the maximum over every child the bench has run so far.
    """
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENVIRONMENT, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
        if process.returncode != 0:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise BuildFailed(f"`{' '.join(command)}` in {cwd} exited {process.returncode}:\n{text}")
    return Run(seconds, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def python(*arguments: str) -> list[str]:
    """A command run by the bench's own interpreter (the project's virtual environment)."""
    return [sys.executable, *arguments]


def mkdocs_build(config: str) -> list[str]:
    """`mkdocs build` as `make build` runs it."""
    return python("-m", "mkdocs", "build", "--strict", "--quiet", "-f", config)


@dataclass(frozen=True)
class Ours:
    """Our build as `make build` runs it: one MkDocs build per language, whose hook validates and
    renders the pages; and the generator alone writing them as files, as it does for Zensical."""

    generator: Run  # `python -m generator build`: validate, render both languages, write the files
    english: Run
    chinese: Run
    page_en: int  # bytes of one scenario page's index.html
    page_zh: int
    index_en: int  # bytes of search/search_index.json
    index_zh: int
    zensical: Run | None  # Zensical's build of the English site from the same pages (None: not installed)
    zensical_pages: int  # scenario pages Zensical built


@dataclass(frozen=True)
class Stock:
    """The hand-written baseline: one MkDocs build of the English pages."""

    english: Run
    page_en: int
    index_en: int


ZENSICAL = Path(sys.executable).parent / "zensical"
# Zensical reads mkdocs.yml; this configuration only sends its site elsewhere, beside ours.
ZENSICAL_CONFIG = "INHERIT: mkdocs.yml\nsite_dir: site-zensical\n"


# The pages as files: for the stock baseline (links as MkDocs reads raw HTML), and for Zensical.
GENERATOR = python("-m", "generator", "build", "--engine", "mkdocs")
GENERATOR_ZENSICAL = python("-m", "generator", "build", "--engine", "zensical")
# The generator takes a second or so, where a neighbour's work on a shared machine shows: each of
# its figures is the median of this many runs.
GENERATOR_RUNS = 3


def build_ours(project: Path, scenario_id: str) -> Ours:
    english = timed(mkdocs_build("mkdocs.yml"), project)
    chinese = timed(mkdocs_build("mkdocs.zh.yml"), project)
    site = project / "site"
    sizes = {
        "page_en": page_bytes(site, scenario_id),
        "page_zh": page_bytes(site / "zh", scenario_id),
        "index_en": index_bytes(site),
        "index_zh": index_bytes(site / "zh"),
    }
    zensical, zensical_pages = build_zensical(project)
    generator = fresh_generator(project)  # last: it leaves docs/en for the stock baseline
    return Ours(generator, english, chinese, **sizes, zensical=zensical, zensical_pages=zensical_pages)


def fresh_generator(project: Path) -> Run:
    """The generator as on a fresh clone, every file new: the median of GENERATOR_RUNS runs, the
    files of each moved away before the next (moved, not deleted: see discard)."""
    runs = []
    for _ in range(GENERATOR_RUNS):
        reset_build(project)
        runs.append(timed(GENERATOR, project))
    return median_run(runs)


def build_zensical(project: Path) -> tuple[Run | None, int]:
    """The exit path: Zensical builds the English site from the generated pages; how many
    scenario pages it made."""
    if not ZENSICAL.is_file():
        return None, 0
    subprocess.run(GENERATOR_ZENSICAL, cwd=project, check=True, capture_output=True)
    (project / "zensical.yml").write_text(ZENSICAL_CONFIG, encoding="utf-8")
    run = timed([str(ZENSICAL), "build", "--clean", "-f", "zensical.yml"], project)
    return run, sum(1 for _ in (project / "site-zensical" / "scenarios").glob("*/index.html"))


def build_stock(project: Path, scenario_id: str) -> Stock:
    english = timed(mkdocs_build("mkdocs.yml"), project)
    site = project / "site"
    return Stock(english, page_en=page_bytes(site, scenario_id), index_en=index_bytes(site))


def page_bytes(site: Path, scenario_id: str) -> int:
    return (site / "scenarios" / scenario_id / "index.html").stat().st_size


def index_bytes(site: Path) -> int:
    return (site / "search" / "search_index.json").stat().st_size


def median_ours(runs: list[Ours]) -> Ours:
    """Each figure's median over repeated builds (sizes barely vary; times and memory do)."""
    return Ours(
        generator=median_run([r.generator for r in runs]),
        english=median_run([r.english for r in runs]),
        chinese=median_run([r.chinese for r in runs]),
        page_en=_median([r.page_en for r in runs]),
        page_zh=_median([r.page_zh for r in runs]),
        index_en=_median([r.index_en for r in runs]),
        index_zh=_median([r.index_zh for r in runs]),
        zensical=median_run([r.zensical for r in runs if r.zensical]) if all(r.zensical for r in runs) else None,
        zensical_pages=min(r.zensical_pages for r in runs),
    )


def median_stock(runs: list[Stock]) -> Stock:
    return Stock(
        english=median_run([r.english for r in runs]),
        page_en=_median([r.page_en for r in runs]),
        index_en=_median([r.index_en for r in runs]),
    )


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), _median([r.peak_rss for r in runs]))


def _median(values: list[int]) -> int:
    return int(statistics.median(values))
