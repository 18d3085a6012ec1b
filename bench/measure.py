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

from .project import make_stock, reset_build

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
    largest: Largest  # the largest HTML page of either language
    zensical: Run | None  # Zensical's build of the English site from the same pages (None: not run)
    zensical_pages: int  # scenario pages Zensical built

    @property
    def make_build(self) -> float:
        """Seconds of `make build`: the two MkDocs builds, one after the other."""
        return self.english.seconds + self.chinese.seconds

    @property
    def peak_rss(self) -> int:
        return max(self.english.peak_rss, self.chinese.peak_rss)


@dataclass(frozen=True)
class Largest:
    """The largest HTML page of a built site: its path in the site and its bytes."""

    path: str
    size: int


@dataclass(frozen=True)
class Stock:
    """The baselines: stock Material building our generated pages with our short nav, for each
    language (fair), and the English pages in one flat nav (None where it was not built)."""

    english: Run
    chinese: Run
    page_en: int
    index_en: int
    flat: Run | None
    flat_page_en: int | None


ZENSICAL = Path(sys.executable).parent / "zensical"
# Zensical reads mkdocs.yml; this configuration only sends its site elsewhere, beside ours.
ZENSICAL_CONFIG = "INHERIT: mkdocs.yml\nsite_dir: site-zensical\n"


# The pages as files: for the stock baseline (links as MkDocs reads raw HTML), and for Zensical.
GENERATOR = python("-m", "generator", "build", "--engine", "mkdocs")
GENERATOR_ZENSICAL = python("-m", "generator", "build", "--engine", "zensical")
# The generator takes a second or so, where a neighbour's work on a shared machine shows: each of
# its figures is the median of this many runs.
GENERATOR_RUNS = 3


def build_ours(project: Path, scenario_id: str, zensical: bool = True) -> Ours:
    english = timed(mkdocs_build("mkdocs.yml"), project)
    chinese = timed(mkdocs_build("mkdocs.zh.yml"), project)
    site = project / "site"
    sizes = {
        "page_en": page_bytes(site, scenario_id),
        "page_zh": page_bytes(site / "zh", scenario_id),
        "index_en": index_bytes(site),
        "index_zh": index_bytes(site / "zh"),
    }
    largest = largest_page(site)
    zensical_run, zensical_pages = build_zensical(project) if zensical else (None, 0)
    generator = fresh_generator(project)  # last: it leaves docs/en and docs/zh for the stock baselines
    return Ours(generator, english, chinese, **sizes, largest=largest, zensical=zensical_run, zensical_pages=zensical_pages)


def largest_page(site: Path) -> Largest:
    """The largest .html file under `site` (the Chinese site, in site/zh, included)."""
    pages = ((path.stat().st_size, path.relative_to(site).as_posix()) for path in site.rglob("*.html"))
    size, path = max(pages)
    return Largest(path, size)


def fresh_generator(project: Path) -> Run:
    """The generator as on a fresh clone, every file new: the median of GENERATOR_RUNS runs, the
    files of each moved away before the next (moved, not deleted: see discard)."""
    runs = []
    for _ in range(GENERATOR_RUNS):
        reset_build(project, sites=False)  # the built sites stay, for the search measurement
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


def build_stock(work: Path, ours: Path, scenario_id: str, flat: bool) -> Stock:
    """The stock baselines in `work`, from the pages the generator left in `ours`/docs."""
    runs, sites = {}, {}
    for language in ("en", "zh"):
        sites[language] = work / f"fair-{language}"
        make_stock(sites[language], ours / "docs" / language, language)
        runs[language] = timed(mkdocs_build("mkdocs.yml"), sites[language])
    flat_run = flat_page = None
    if flat:
        make_stock(work / "flat-en", ours / "docs" / "en", "en", flat=True)
        flat_run = timed(mkdocs_build("mkdocs.yml"), work / "flat-en")
        flat_page = page_bytes(work / "flat-en" / "site", scenario_id)
    site = sites["en"] / "site"
    return Stock(runs["en"], runs["zh"], page_bytes(site, scenario_id), index_bytes(site), flat=flat_run, flat_page_en=flat_page)


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
        largest=max(runs, key=lambda r: r.largest.size).largest,
        zensical=median_run([r.zensical for r in runs if r.zensical]) if all(r.zensical for r in runs) else None,
        zensical_pages=min(r.zensical_pages for r in runs),
    )


def median_stock(runs: list[Stock]) -> Stock:
    flats = [r.flat for r in runs if r.flat]
    flat_pages = [r.flat_page_en for r in runs if r.flat_page_en]
    return Stock(
        english=median_run([r.english for r in runs]),
        chinese=median_run([r.chinese for r in runs]),
        page_en=_median([r.page_en for r in runs]),
        index_en=_median([r.index_en for r in runs]),
        flat=median_run(flats) if flats else None,
        flat_page_en=_median(flat_pages) if flat_pages else None,
    )


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), _median([r.peak_rss for r in runs]))


def _median(values: list[int]) -> int:
    return int(statistics.median(values))


def python_lines(folder: Path) -> int:
    """Lines of every Python file under `folder`, blank lines and comments included (as `wc -l`)."""
    return sum(len(path.read_text(encoding="utf-8").splitlines()) for path in sorted(folder.rglob("*.py")))
