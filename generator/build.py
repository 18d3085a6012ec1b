"""The pipeline, in one place: load -> validate -> render. The pages go to MkDocs from memory
(hooks.py); only for an engine that runs no hooks are they written as files (write.py)."""

from __future__ import annotations

from pathlib import Path

from .addresses import Settings
from .load import load_project, load_vocabularies
from .model import LANGUAGES, Vocabularies
from .render import Site, render
from .validate import Result, validate, validate_vocabularies
from .write import write_sites


def check(root: Path) -> Result:
    """Load and validate the scenarios under `root`; raise DataError listing every problem."""
    return validate(load_project(root))


def vocabularies(root: Path) -> Vocabularies:
    """Load and validate only the vocabularies under `root`/scenarios; raise DataError on problems."""
    return validate_vocabularies(load_vocabularies(root))


def sites(root: Path, settings: Settings, languages: tuple[str, ...] = LANGUAGES) -> tuple[Result, dict[str, Site]]:
    """Validate, then render the site of each of `languages`; raise DataError on any problem."""
    result = validate(load_project(root))
    return result, {language: render(result.catalogue, settings, result.texts, language) for language in languages}


def build(root: Path, settings: Settings) -> tuple[Result, dict[str, Site]]:
    """Validate, render both languages and write them into `root`/docs/<language>/ as files, for
    an engine that runs no hooks (Zensical). On a problem in the data nothing is written."""
    result, rendered = sites(root, settings)
    write_sites(root / "docs", rendered)
    return result, rendered
