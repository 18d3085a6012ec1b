"""MkDocs hooks: regenerate the pages before every build, and under `mkdocs serve` also build
the Chinese site into /zh/ of the same server, so one preview shows both languages.

`make build` runs the two builds separately (each strict); the generator also runs alone
(`python -m generator build`), so engines that run no hooks can still build the site.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs imports hooks by file path, not as part of the package
    sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build as build_site  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from generator import workers  # noqa: E402
from generator.build import build, up_to_date  # noqa: E402
from generator.errors import DataError  # noqa: E402
from generator.render import Settings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.catalogue")
_serving = False
_building_chinese = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    logging.getLogger("jieba").setLevel(logging.WARNING)  # it announces building its dictionary


# Material's offline plugin loads its Web Worker shim from unpkg.com; the bundle must not call
# out, so the shim comes from the pinned npm package and is published beside the site's own files.
SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/catalogue/iframe-worker-shim.js"


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # mkdocs.zh.yml inherits site_url; the Chinese site is published one folder further down.
    if config.site_url and config.theme["language"] != "en" and not config.site_url.endswith("/zh/"):
        config.site_url = config.site_url.rstrip("/") + "/zh/"
    if _offline(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM_TARGET if "iframe-worker" in url else url for url in polyfills]
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if _building_chinese:  # the English build just generated both languages
        return
    root = Path(config.config_file_path).parent
    try:
        settings = Settings(
            directory_urls=config.use_directory_urls,
            repository=os.environ.get("CATALOGUE_REPOSITORY") or None,
            site_url=os.environ.get("CATALOGUE_SITE_URL") or None,
        )
    except ValueError as error:
        raise PluginError(f"CATALOGUE_REPOSITORY or CATALOGUE_SITE_URL: {error}") from None
    if up_to_date(root, settings):  # `make build` generated them a moment ago, or the other language did
        log.debug("generator: pages are up to date")
        return
    try:
        result, report = build(root, settings, workers.available())  # in this process alone under serve (threads)
    except DataError as error:
        if _serving:
            # A contributor is mid-edit (a new file still has its TODOs): keep serving the last valid
            # pages and list what to fix. An error or warning here would stop the preview, which then
            # appears stuck, so the problems go out at the info level, marked.
            for problem in error.problems:
                log.info("DATA PROBLEM %s", problem)
            log.info("the preview shows the last valid pages until the %d error(s) above are fixed", len(error.errors))
            return
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(f"{len(error.errors)} error(s) in the scenario data; the pages were not regenerated") from None
    for problem in result.warnings:
        log.info("data warning: %s", problem)
    if report.changed:
        log.info("generator: wrote %d file(s), deleted %d", len(report.written), len(report.deleted))


def on_post_build(config: MkDocsConfig) -> None:
    global _building_chinese
    if _offline(config):
        if not SHIM_SOURCE.is_file():
            raise PluginError(f"{SHIM_SOURCE.relative_to(ROOT)} is missing; run `npm ci` (make offline does)")
        target = Path(config.site_dir) / SHIM_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM_SOURCE, target)
    if not _serving or config.theme["language"] != "en":
        return
    root = Path(config.config_file_path).parent
    chinese = load_config(str(root / "mkdocs.zh.yml"), site_dir=str(Path(config.site_dir) / "zh"))
    _building_chinese = True
    try:
        build_site(chinese)
    finally:
        _building_chinese = False
