"""The pipeline, in one place: load -> validate -> render -> write."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from . import workers
from .load import load_vocabularies, parse, scenario_files
from .model import Catalogue, Vocabularies
from .render import Settings, prepare, render_catalogue, render_scenarios
from .validate import Checked, Result, check_file, check_vocabularies, combine, validate_vocabularies
from .write import MANIFEST, WriteReport, put, tidy


def check(root: Path, jobs: int = 1) -> Result:
    """Load and validate the scenarios under `root`; raise DataError listing every problem."""
    with _no_cycle_collection():
        return _checked(root, jobs)[0]


def vocabularies(root: Path) -> Vocabularies:
    """Load and validate only the vocabularies under `root`/scenarios; raise DataError on problems."""
    with _no_cycle_collection():
        return validate_vocabularies(load_vocabularies(root))


def build(root: Path, settings: Settings, jobs: int = 1) -> tuple[Result, WriteReport]:
    """Validate, then write both languages' pages into `root`/docs; on any problem in the data,
    write nothing.

    With `jobs` > 1 the work is shared by that many processes (see workers.py); the output is
    the same. (A failure while rendering, a bug rather than a problem in the data, may leave some
    pages written by the other processes; the next build puts them right.)
    """
    inputs = fingerprint(root, settings)
    docs = root / "docs"
    with _no_cycle_collection():
        result, sources = _checked(root, jobs, first=prepare)  # templates compiled while the others check files
        report = _written(result.catalogue, settings, sources, docs, jobs)
        tidy(docs, report)
    recorded = docs / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8") != inputs + "\n":
        recorded.write_text(inputs + "\n", encoding="utf-8")
    return result, report


# Work is handed out in this many pieces, for processes to take in turn: small enough that none
# waits long for another's last piece, large enough that taking a turn costs nothing.
PIECES = 256


def _checked(root: Path, jobs: int, first: Callable[[], object] = lambda: None) -> tuple[Result, dict[str, str]]:
    """The validated catalogue and each scenario's YAML text by id. `jobs` processes take turns
    at parsing and checking pieces of the files; this one does `first` before it takes any."""
    entries, problems = check_vocabularies(load_vocabularies(root))
    pieces = workers.split(scenario_files(root), PIECES)
    with workers.Turns(len(pieces)) as turns:

        def check_pieces() -> list[tuple[int, list[Checked]]]:
            return [(index, [check_file(parse(entry), entries) for entry in pieces[index]]) for index in turns]

        def first_then_check() -> list[tuple[int, list[Checked]]]:
            first()
            return check_pieces()

        done = workers.share(first_then_check, check_pieces, min(jobs, len(pieces)))
    files = [file for _, checked in sorted(itertools.chain.from_iterable(done)) for file in checked]  # piece numbers are unique
    sources = {file.id: file.text for file in files if file.id is not None and file.text is not None}
    return combine(entries, problems, files), sources


def _written(catalogue: Catalogue, settings: Settings, sources: dict[str, str], docs: Path, jobs: int) -> WriteReport:
    """Render and write every file: this process the catalogue-wide files first, then it and
    `jobs` - 1 others take turns at pieces of the scenario pages."""
    pieces = workers.split(catalogue.scenarios, PIECES)
    with workers.Turns(len(pieces)) as turns:

        def pages() -> WriteReport:
            taken = (scenario for index in turns for scenario in pieces[index])
            return put(render_scenarios(catalogue, settings, taken), docs)

        def catalogue_then_pages() -> WriteReport:
            return WriteReport.merged([put(render_catalogue(catalogue, settings, sources), docs), pages()])

        return WriteReport.merged(workers.share(catalogue_then_pages, pages, min(jobs, len(pieces))))


INPUTS = ".generated-inputs"  # the fingerprint of what the pages in docs/ were generated from


def fingerprint(root: Path, settings: Settings) -> str:
    """A digest of everything the generated pages depend on: the scenario and vocabulary files,
    the generator's code and templates (by name, size and modification time) and the settings."""
    digest = hashlib.sha256(repr(settings).encode())
    for folder in ("scenarios", "generator"):
        for name, stat in _files(root / folder, folder):
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files(folder: Path, name: str) -> list[tuple[str, os.stat_result]]:
    """Each file under `folder` (named from `name`, its name from the root) and its status, by
    name; __pycache__ left out. One scandir per folder: a stat per file, not the two of pathlib."""
    found: list[tuple[str, os.stat_result]] = []
    if not folder.is_dir():  # a test project has no generator/ of its own
        return found
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found += _files(Path(entry.path), f"{name}/{entry.name}")
            elif entry.is_file():
                found.append((f"{name}/{entry.name}", entry.stat()))
    return sorted(found)


def up_to_date(root: Path, settings: Settings) -> bool:
    """Whether docs/ holds every page generated from the current inputs, so a build may skip them."""
    docs = root / "docs"
    recorded = docs / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8").strip() != fingerprint(root, settings):
        return False
    listing = docs / MANIFEST
    return listing.is_file() and all((docs / name).is_file() for name in listing.read_text(encoding="utf-8").splitlines())


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the pipeline runs.

    A run holds every scenario's model objects at once, and each file's YAML nodes while it is
    checked, hundreds of thousands of objects, and makes no reference cycles worth collecting; the collector would walk them again and
    again (a third of the generator's time at 1,500 scenarios). Memory is freed as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
