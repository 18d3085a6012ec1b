"""Write the rendered sites as files, for an engine that runs no hooks (Zensical); MkDocs takes
the pages from memory and needs none of this.

Each language's folder is replaced whole: the files are written into a new folder beside it,
which then takes the old one's place. A build stopped at any point leaves the old folder or the
new one, never a mix, and the next build removes whatever a stopped one left behind; so no
page outlives its scenario.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .render import Site, markdown_file

_NEW, _OLD = ".new-", ".old-"  # prefixes of a language's folder while it is being replaced
KEEP = ".gitkeep"  # the folders are in git, empty, as MkDocs wants its docs_dir to exist


def files(site: Site) -> dict[str, str]:
    """Every file of a site by docs path: each page as Markdown for the engine, then the data."""
    return {path: markdown_file(page) for path, page in site.pages.items()} | site.files


def write_sites(docs: Path, sites: dict[str, Site]) -> None:
    """Make docs/<language>/ hold exactly the files of each site."""
    for leftover in sorted(docs.glob(f"{_NEW}*")) + sorted(docs.glob(f"{_OLD}*")):
        shutil.rmtree(leftover)
    for language, site in sites.items():
        _replace_folder(docs / language, files(site))


def _replace_folder(folder: Path, contents: dict[str, str]) -> None:
    new, old = folder.with_name(_NEW + folder.name), folder.with_name(_OLD + folder.name)
    for relative, text in sorted(contents.items()):
        target = new / _inside(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    (new / KEEP).touch()
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    if old.exists():
        shutil.rmtree(old)


def _inside(relative: str) -> str:
    """`relative`, refusing a path that could leave its folder (absolute, or with '..')."""
    parts = relative.split("/")
    if relative.startswith("/") or "\\" in relative or any(part in ("..", ".", "") for part in parts):
        raise ValueError(f"refusing to write outside the folder: {relative}")
    return relative
