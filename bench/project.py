"""Synthetic catalogues: our project with N cloned scenarios, and the stock site a user would write.

The clones are made by editing the YAML text, not by loading and dumping it, so every clone keeps
its original's layout (block scalars, flow lists, comments) and the generator parses what a real
contributor would have written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What a build of ours reads besides the scenarios; the bench copies these and changes nothing.
PROJECT_FILES = ("mkdocs.yml", "mkdocs.zh.yml")
CODE_FOLDERS = ("generator", "docs/overrides")
PROJECT_FOLDERS = (*CODE_FOLDERS, "scenarios/vocabularies")

_ID = re.compile(r"^id: (\S+)$", re.MULTILINE)
_TITLE = re.compile(r"^(title:\n  en: )(.+)(\n  zh: )(.+)$", re.MULTILINE)


def originals() -> list[Path]:
    """The real scenario files, in a stable order."""
    return sorted((ROOT / "scenarios").glob("*.yaml"))


def clone_id(original_id: str, number: int, size: int) -> str:
    """`forest-change-detection` -> `forest-change-detection-0042`; ids sort in clone order."""
    return f"{original_id}-{number:0{max(4, len(str(size)))}d}"


def clone(text: str, new_id: str, number: str) -> str:
    """The scenario `text` under `new_id`, its titles ending in `number` so each clone is findable."""
    text, ids = _ID.subn(f"id: {new_id}", text)
    text, titles = _TITLE.subn(lambda m: f"{m[1]}{_append(m[2], number)}{m[3]}{_append(m[4], number)}", text)
    if ids != 1 or titles != 1:
        raise ValueError(f"expected one 'id:' line and a 'title:' with en and zh lines, found {ids} and {titles}")
    return text


def _append(scalar: str, suffix: str) -> str:
    """Append to a plain or quoted one-line YAML scalar, inside its quotes."""
    if len(scalar) > 1 and scalar[0] in "'\"" and scalar[-1] == scalar[0]:
        return f"{scalar[:-1]} {suffix}{scalar[-1]}"
    return f"{scalar} {suffix}"


def make_ours(target: Path, size: int) -> list[str]:
    """Our project in `target` with `size` scenarios cloned round-robin; returns the new ids, sorted."""
    _reset(target)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    for folder in PROJECT_FOLDERS:
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    _empty_docs(target)
    sources = [(path.stem, path.read_text(encoding="utf-8")) for path in originals()]
    ids = []
    for index in range(size):
        original_id, text = sources[index % len(sources)]
        new_id = clone_id(original_id, index + 1, size)
        number = new_id.rsplit("-", 1)[1]
        (target / "scenarios" / f"{new_id}.yaml").write_text(clone(text, new_id, number), encoding="utf-8")
        ids.append(new_id)
    return sorted(ids)


def make_real(target: Path) -> None:
    """Our project in `target` with the real scenarios, as a contributor's clone has them."""
    _reset(target)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    for folder in (*CODE_FOLDERS, "scenarios"):  # all of scenarios/, vocabularies included
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    _empty_docs(target)


def _empty_docs(target: Path) -> None:
    """The docs folders as git has them: empty (MkDocs wants them to exist; the hook fills them)."""
    for language in ("en", "zh"):
        (target / "docs" / language).mkdir(parents=True, exist_ok=True)
        (target / "docs" / language / ".gitkeep").touch()


def reset_build(project: Path) -> None:
    """Move generated pages and built sites away, so the next build starts as on a clean clone."""
    for generated in ("docs/en", "docs/zh", "site", "site-zensical", ".cache"):
        if (project / generated).exists():
            discard(project / generated, project / _TRASH)  # not in docs/, where an engine might read it
    _empty_docs(project)


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


def make_stock(target: Path, english_pages: Path) -> None:
    """The baseline: Material with its defaults, our English pages, every page in one flat nav.

    The pages are ours as files (front matter, then the HTML, which Markdown passes through); it
    drops what makes our build ours (hooks, theme overrides, navigation).
    """
    _reset(target)
    shutil.copytree(english_pages, target / "docs")
    pages = sorted(path.relative_to(target / "docs").as_posix() for path in (target / "docs").rglob("*.md"))
    pages.sort(key=lambda page: page != "index.md")  # the home page first, as a person would list it
    config: dict[str, Any] = {
        "site_name": "Stock MkDocs + Material baseline",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "nav": pages,
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")


def _reset(folder: Path) -> None:
    if folder.exists():
        discard(folder)
    folder.mkdir(parents=True)
