"""Every address the site writes: links between its pages, to the data files published once (in
the English site), a page's path from the site's root, and absolute addresses for feeds and
spreadsheets. Plain string work on docs paths ("scenarios/x.md"), so no file system is asked.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Literal

REPOSITORY = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)*/?")


def versioned(address: str, content: bytes) -> str:
    """`address` of a script, a style sheet or a data file with a digest of its `content` as its
    query. A browser caches each file apart: without it, one holding yesterday's data.js runs
    today's script on it, or today's page with yesterday's script. With it, a changed file has a
    new address and a file that did not change stays cached."""
    return f"{address}?v={hashlib.sha256(content).hexdigest()[:10]}"


@dataclass(frozen=True)
class Settings:
    """What the pages depend on besides the data."""

    directory_urls: bool = True  # False for builds read from file:// (the offline bundle)
    repository: str | None = None  # e.g. https://github.com/owner/repo, for "edit this scenario" links (on main)
    # Which engine builds the pages. MkDocs leaves links in raw HTML as they are, so they are
    # written relative to the page's URL; Zensical rewrites them as if relative to the page's
    # source file, so for it they are written that way (`python -m generator build --engine zensical`).
    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    site_url: str | None = None  # the published English site's address, e.g. https://owner.github.io/repo/

    def __post_init__(self) -> None:
        if self.repository is not None and not REPOSITORY.fullmatch(self.repository):
            raise ValueError(f"'{self.repository}' is not a repository address; expected one like https://github.com/owner/repo")
        if self.site_url is not None and not (REPOSITORY.fullmatch(self.site_url) and self.site_url.endswith("/")):
            raise ValueError(f"'{self.site_url}' is not a site address; expected one like https://owner.github.io/repo/")


@dataclass(frozen=True)
class Addresses:
    """The addresses written on the page built from docs path `page` of the `language` site."""

    settings: Settings
    language: str
    page: str = "index.md"

    def on(self, page: str) -> Addresses:
        """The same site's addresses, as written on another page."""
        return replace(self, page=page)

    def link(self, target: str) -> str:
        """Link to the page or file built from docs path `target`, for raw HTML."""
        return self._link(self.page, target)

    def shared(self, target: str) -> str:
        """Link to a file published once, at the root of the English site (data, schemas)."""
        return self._link(self.page if self.language == "en" else f"{self.language}/{self.page}", target)

    def url(self, target: str) -> str:
        """Link to the page built from `target` as the browser resolves it, for links a script
        writes (an engine rewrites only the links it finds in the page)."""
        return relative_url(self.page, target, self.settings.directory_urls)

    def _link(self, source: str, target: str) -> str:
        if self.settings.engine == "zensical":
            return relative_path(source, target)
        return relative_url(source, target, self.settings.directory_urls)

    def site_path(self) -> str:
        """This page's address from the site's root, e.g. /zh/scenarios/x/ (what print shows without script)."""
        return "/" + self._from_root(self.page)

    def published(self, target: str) -> str:
        """Where the page or file built from `target` is published: absolute with a site_url (feeds,
        spreadsheets), else relative to the language's root."""
        if self.settings.site_url is None:
            return _url(target, self.settings.directory_urls) or "./"
        return self.settings.site_url + self._from_root(target)

    def _from_root(self, target: str) -> str:
        return ("" if self.language == "en" else f"{self.language}/") + _url(target, self.settings.directory_urls)

    def edit(self, scenario_id: str) -> str | None:
        """Where a contributor edits a scenario: the repository's editor; none without a repository
        (the page's link to the YAML file is all there is then)."""
        if self.settings.repository:
            return f"{self.settings.repository.rstrip('/')}/edit/main/scenarios/{scenario_id}.yaml"
        return None


def relative_url(source: str, target: str, directory_urls: bool) -> str:
    """The URL of docs file `target` relative to the page built from docs file `source`."""
    up, down = _climb(_url(source, directory_urls), _url(target, directory_urls))  # a trailing "" stands for a folder URL
    return "../" * up + "/".join(down) or "./"


def relative_path(source: str, target: str) -> str:
    """Docs file `target` relative to the folder of docs file `source`: "a/b.md", "c.md" -> "../c.md"."""
    up, down = _climb(source, target)
    return "/".join([".."] * up + down)


def _climb(source: str, target: str) -> tuple[int, list[str]]:
    """From the folder of path `source` to path `target`: how many folders up, then the parts down."""
    folder, parts = source.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folder) and common < len(parts) - 1 and folder[common] == parts[common]:
        common += 1
    return len(folder) - common, parts[common:]


def _url(path: str, directory_urls: bool) -> str:
    """Where MkDocs puts the page for a docs file: 'a/b.md' -> 'a/b/' (or 'a/b.html')."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"
