"""The bench's projects: ours with N cloned scenarios (tests/projects.py makes them), the stock
sites a user would write from the same pages, and moving finished builds out of the way.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tests.projects import ROOT, empty_docs, real_project, synthetic_project


def make_ours(target: Path, size: int) -> list[str]:
    """Our project in `target` with `size` scenarios cloned round-robin; returns the new ids, sorted."""
    _reset(target)
    return synthetic_project(target, size)


def make_real(target: Path) -> None:
    """Our project in `target` with the real scenarios, as a contributor's clone has them."""
    _reset(target)
    real_project(target)


def reset_build(project: Path, sites: bool = True) -> None:
    """Move generated pages and (unless not `sites`) built sites away, so the next build starts as
    on a clean clone."""
    built = ("docs/en", "docs/zh", *(("site", "site-zensical", ".cache") if sites else ()))
    for generated in built:
        if (project / generated).exists():
            discard(project / generated, project / _TRASH)  # not in docs/, where an engine might read it
    empty_docs(project)


_TRASH = ".trash"
_trashes: set[Path] = set()


def discard(path: Path, trash: Path | None = None) -> None:
    """Move `path` into a trash folder (beside it, by default; on the same file system in any
    case), to delete with empty_trash() once measuring is over.

    Deleting thousands of files makes creating files for minutes afterwards several times slower
    on this project's machines (perf shows ext4's recently_deleted check on every new file): a
    bench that deleted the last build's pages would charge the next build for it.
    """
    trash = trash or path.parent / _TRASH
    trash.mkdir(exist_ok=True)
    _trashes.add(trash)
    path.rename(Path(tempfile.mkdtemp(dir=trash)) / path.name)


def empty_trash() -> None:
    """Delete what discard() moved away."""
    for trash in sorted(_trashes):
        shutil.rmtree(trash, ignore_errors=True)
    _trashes.clear()


class _Config(yaml.SafeLoader):
    """Reads our MkDocs configuration as data: `!ENV [NAME, default]` is taken as its default."""


_Config.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]


def our_config(language: str) -> dict[str, Any]:
    """Our MkDocs configuration of `language` as data (the Chinese one without what it inherits)."""
    name = "mkdocs.yml" if language == "en" else f"mkdocs.{language}.yml"
    config: dict[str, Any] = yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Config)
    return config


def make_stock(target: Path, pages: Path, language: str = "en", flat: bool = False) -> None:
    """A baseline a careful user would write: stock Material, no hooks and no theme overrides,
    building our generated pages of `language` as files (front matter, then the HTML, which
    Markdown passes through).

    The fair baseline has our short nav (scenario, domain, capability and owner pages reached from
    the listings, not the nav) and our search settings for the language; `flat` lists every page
    in one nav instead, with Material's defaults, as a user who wrote nothing would.
    """
    _reset(target)
    shutil.copytree(pages, target / "docs")
    config: dict[str, Any] = {
        "site_name": f"Stock MkDocs + Material baseline ({language})",
        "theme": {"name": "material", "language": language},
    }
    if flat:
        listed = sorted(path.relative_to(target / "docs").as_posix() for path in (target / "docs").rglob("*.md"))
        listed.sort(key=lambda page: page != "index.md")  # the home page first, as a person would list it
        config |= {"plugins": ["search"], "nav": listed}
    else:
        search = [plugin for plugin in our_config(language)["plugins"] if isinstance(plugin, dict) and "search" in plugin]
        config |= {"plugins": search, "nav": our_config("en")["nav"]}  # the Chinese site inherits the nav
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")


def _reset(folder: Path) -> None:
    if folder.exists():
        discard(folder)
    folder.mkdir(parents=True)
