"""MkDocs hooks: hand MkDocs the generated pages, finished, from memory, and under `mkdocs serve`
also build the Chinese site into /zh/ of the same server, so one preview shows both languages.

Every page of the site is generated: `on_files` validates the scenarios, renders this language's
pages and adds them as generated files; MkDocs then reads no Markdown of ours (`on_page_markdown`
gives it none) and takes each page's HTML as it is (`on_page_content`). Nothing is written
beside the sources, so nothing there can go stale. `make build` runs the two builds separately
(each strict).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs imports hooks by file path, not as part of the package
    sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
import yaml  # noqa: E402
from mkdocs.commands.build import build as build_site  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort, PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page as MkDocsPage  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from generator.addresses import Settings, versioned  # noqa: E402
from generator.build import sites  # noqa: E402
from generator.environment import template_problem  # noqa: E402
from generator.errors import DataError, MachineError  # noqa: E402
from generator.render import Page, Site  # noqa: E402

if TYPE_CHECKING:  # the server is only named: importing it would load watchdog into every build
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.catalogue")
_serving = False
# MkDocs loads this module once per process, for both languages' builds under `mkdocs serve`.
_site: Site | None = None  # the pages and files of the build under way
_last_valid: dict[str, Site] = {}  # by language: what `mkdocs serve` shows while the data has problems
# The pages not yet built. Each page's HTML is handed to MkDocs as the page is built, and let go of
# once it is written (on_post_page): 10,000 scenarios, English build peak 1,286 -> 1,099 MB.
_pending: dict[str, Page] = {}
# Under `mkdocs serve` the Chinese site is built after the English one in a thread of its own, so an
# edit reaches its English page without waiting for the Chinese build (real catalogue, median of
# five edits: 1.82 -> 1.05 s, one run each). Each Chinese build gets a folder of its own and /zh/
# links to the newest finished one, so no reader gets half a site; a request for /zh/ waits until
# the Chinese build of the latest English one is done. Builds are counted: the nth English build's
# Chinese build is the nth.
_chinese: threading.Thread | None = None
_chinese_counts = threading.Condition()  # held to read or change the two counts below
_chinese_due = 1  # the English builds started: the first, then one for each rebuild (on_serve)
_chinese_done = 0  # the count of the English build whose Chinese build ended last, built or not


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    logging.getLogger("jieba").setLevel(logging.WARNING)  # the search plugin's: it announces building its dictionary


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
    _version_theme_files(config)
    if _offline(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM_TARGET if "iframe-worker" in url else url for url in polyfills]
    return config


def _version_theme_files(config: MkDocsConfig) -> None:
    """Give each style sheet and script of ours that every page loads (extra_css, extra_javascript,
    from the theme's overrides) its content's digest as a query, as the pages' own scripts have
    (render.py, `script`): an update reaches a browser that cached the files before it whole.
    Zensical runs no hooks: the pages it builds name these two files unversioned."""
    if config.theme.custom_dir is None:
        return
    custom = Path(config.theme.custom_dir)

    def ours(path: str) -> str:
        file = custom / path
        return versioned(path, file.read_bytes()) if "?" not in path and file.is_file() else path

    config.extra_css = [ours(path) for path in config.extra_css]
    for index, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[index] = ours(script)
        else:
            script.path = ours(script.path)


def _settings(config: MkDocsConfig) -> Settings:
    try:
        return Settings(
            directory_urls=config.use_directory_urls,
            repository=os.environ.get("CATALOGUE_REPOSITORY") or None,
            site_url=os.environ.get("CATALOGUE_SITE_URL") or None,
        )
    except ValueError as error:
        raise PluginError(f"CATALOGUE_REPOSITORY or CATALOGUE_SITE_URL: {error}") from None


class _ThemeProblem(Exception):
    """A template of the theme's overrides that does not compile, under `mkdocs serve`, found before
    MkDocs empties the site folder: the pages built last stay served (on_serve, _build_chinese)."""


def _compile_overrides(config: MkDocsConfig) -> None:
    """Compile each template of the theme's overrides (docs/overrides): one saved mid-edit would
    otherwise fail the build after MkDocs emptied the site folder, and leave the preview hanging."""
    if config.theme.custom_dir is None:
        return
    custom, environment = Path(config.theme.custom_dir), config.theme.get_env()
    for template in sorted(custom.rglob("*.html")):
        environment.get_template(template.relative_to(custom).as_posix())


def on_pre_build(config: MkDocsConfig) -> None:
    """Validate and render before MkDocs empties the site folder: bad data leaves the site as it was."""
    global _site
    language = config.theme["language"]
    try:
        _compile_overrides(config)
    except jinja2.TemplateSyntaxError as error:
        located = template_problem(error)
        if _serving and language in _last_valid:
            raise _ThemeProblem(f"TEMPLATE PROBLEM {located}; the preview shows the last valid pages") from None
        raise PluginError(located) from None
    try:
        result, rendered = sites(Path(config.config_file_path).parent, _settings(config), (language,))
    except (MachineError, OSError) as error:  # a file that cannot be read: the machine's fault, not the data's
        failure = error if isinstance(error, MachineError) else MachineError.of(error, str(error.filename or "the scenarios"))
        _site = _last_valid_pages(language, str(failure), [f"MACHINE PROBLEM {failure}; the preview shows the last valid pages"])
    except (jinja2.TemplateError, yaml.YAMLError) as error:  # a template or the UI strings, saved mid-edit
        # Raised out of a rebuild, MkDocs would leave every request of the preview hanging until it is fixed.
        located = template_problem(error)
        _site = _last_valid_pages(language, located, [f"TEMPLATE PROBLEM {located}; the preview shows the last valid pages"])
    except DataError as error:  # a contributor is mid-edit (a new file still has its TODOs)
        notes = [f"DATA PROBLEM {problem}" for problem in error.problems]
        notes.append(f"the preview shows the last valid pages until the {len(error.errors)} error(s) above are fixed")
        stop = f"{len(error.errors)} error(s) in the scenario data; nothing was built"
        _site = _last_valid_pages(language, stop, notes, error.problems)
    else:
        for problem in result.warnings:
            log.info("DATA %s", problem)
        _site = rendered[language]
        if _serving:
            _last_valid[language] = _site


def _last_valid_pages(language: str, failure: str, notes: list[str], problems: Iterable[object] = ()) -> Site:
    """Under `mkdocs serve`, once `language` was built, the pages to serve on while `notes` say what to
    fix (at the info level: an error or warning would stop the preview, which then appears stuck)."""
    if not (_serving and language in _last_valid):
        for problem in problems:
            log.error(str(problem))
        raise PluginError(failure) from None
    for note in notes:
        log.info(note)
    return _last_valid[language]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site, _pending
    assert _site is not None  # on_pre_build rendered it or raised
    site, _site = _site, None  # held from here on by MkDocs's files and _pending alone
    _pending = dict(site.pages)
    # docs_dir holds nothing of ours but copies written for Zensical: every file comes from here.
    for file in list(files):
        if not file.generated_by and Path(config.docs_dir) in Path(file.abs_src_path or "").parents:
            files.remove(file)
    for path in site.pages:
        files.append(File.generated(config, path, content=""))
    for path, text in site.files.items():
        files.append(_Written.generated(config, path, content=text))
    return files


class _Written(File):
    """A data file (JSON, CSV, YAML source, feed) that lets go of its text once MkDocs has written
    it, before the pages are built; MkDocs would hold it to the end of the build (English build's
    peak, measured: 1,500 scenarios 280 -> 248 MB, 10,000 scenarios 1,099 -> 1,079 MB)."""

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        self.content_bytes = b""


def on_page_markdown(markdown: str, page: MkDocsPage, **_: Any) -> str:
    ours = _pending.get(page.file.src_uri)
    if ours is None:
        return markdown
    # The link preview (main.html) prints the plain title inside an autoescaped block.
    scenario = page.file.src_uri.startswith("scenarios/")
    page.meta = {**ours.meta, "preview": {"title": ours.title, "type": "article" if scenario else "website"}}
    if ours.searchable and scenario:
        # A word that a scenario and a general page share (a district named in About's list of
        # sources) finds the scenario first: it is what the reader is looking for.
        page.meta["search"] = {"boost": 2}
    return ""


def on_page_content(html: str, page: MkDocsPage, **_: Any) -> str:
    ours = _pending.get(page.file.src_uri)
    if ours is None:
        return html
    page.toc = get_toc([{"level": 2, "id": id, "name": str(name), "children": []} for id, name in ours.toc])
    return ""  # MkDocs reads every page before it builds any: the HTML comes when the page is built


@event_priority(100)  # before the search plugin's, which takes the page's words from its HTML
def on_page_context(context: dict[str, Any], page: MkDocsPage, **_: Any) -> dict[str, Any]:
    ours = _pending.pop(page.file.src_uri, None)
    if ours is not None:
        page.content = ours.body
    return context


def on_post_page(output: str, page: MkDocsPage, **_: Any) -> str:
    page.content = None  # written: nothing reads it again (the search plugin took its words before)
    return output


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates as Jinja compiled them, kept for the next build of this process.

    Under `mkdocs serve` each rebuild reads the configuration again, and with it comes a new theme
    environment that compiles Material's templates anew, for each language: 0.35 s of the 1.1 s an
    English rebuild of the real catalogue took (measured). Each compiled template carries a checksum
    of its source, so an edited override is compiled again.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _COMPILED
    return env


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # MkDocs links the 404 page's assets and navigation from the path of site_url, or from "/"
    # without one: the Chinese site's 404 page would lead to the English site. It sits under zh/.
    if template_name == "404.html" and not config.site_url and config.theme["language"] != "en":
        context["base_url"] = f"/{config.theme['language']}/"
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if _offline(config):
        if not SHIM_SOURCE.is_file():
            raise PluginError(f"{SHIM_SOURCE.relative_to(ROOT)} is missing; run `npm ci` (make offline does)")
        target = Path(config.site_dir) / SHIM_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM_SOURCE, target)
    if _serving and config.theme["language"] == "en":
        global _chinese
        arguments = (Path(config.config_file_path).parent, Path(config.site_dir), _chinese_due)
        _chinese = threading.Thread(target=_build_chinese, args=arguments)
        _chinese.start()


def _build_chinese(root: Path, site: Path, count: int) -> None:
    """Build the Chinese site into a new hidden folder of the served one (MkDocs leaves hidden
    files be when it cleans), then point /zh/ at it and remove the one it pointed at before."""
    global _chinese_done
    folder, link, served, built = site / f".zh-{time.monotonic_ns()}", site / ".zh-link", site / "zh", False
    try:
        build_site(load_config(str(root / "mkdocs.zh.yml"), site_dir=str(folder)))
        previous = served.resolve() if served.is_symlink() else None
        link.unlink(missing_ok=True)
        link.symlink_to(folder.name)
        link.replace(served)  # at once: a reader gets the old site or the new one
        built = True
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
    except _ThemeProblem as problem:  # the Chinese site built last stays served
        log.info(str(problem))
    except Abort:  # MkDocs logged why (problems in the data); the English preview goes on
        log.info("the Chinese preview was not rebuilt")
    except Exception:  # a fault of the code, not of the data: shown in full, and the English preview goes on
        log.exception("the Chinese preview was not rebuilt")
    finally:
        if not built:
            shutil.rmtree(folder, ignore_errors=True)
        with _chinese_counts:
            _chinese_done = count
            _chinese_counts.notify_all()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Count each rebuild before it starts, and hold a request for a Chinese page until the
    Chinese site of the latest rebuild is built: a browser that reloads when the English site is
    done then gets the new Chinese page, never the one from before the edit."""
    rebuild, serve, chinese = server.builder, server.serve_request, server.mount_path + "zh/"

    def counted_rebuild() -> None:
        global _chinese_due, _chinese_done
        with _chinese_counts:
            _chinese_due += 1
        if _chinese is not None:  # it shares the search plugin, which loading the English config resets
            _chinese.join()
        try:
            rebuild()
        except _ThemeProblem as problem:  # the site folder is as the last build left it: browsers reload to it
            log.info(str(problem))
            with _chinese_counts:  # and no Chinese build follows
                _chinese_done = _chinese_due
                _chinese_counts.notify_all()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if (environ["PATH_INFO"] + "/").startswith(chinese):
            with _chinese_counts:
                _chinese_counts.wait_for(lambda: _chinese_done >= _chinese_due)
        return serve(environ, start_response)

    server.builder = counted_rebuild
    server.set_app(app)
    return server


def on_shutdown() -> None:
    if _chinese is not None:
        _chinese.join()  # before MkDocs removes the folder it writes into
