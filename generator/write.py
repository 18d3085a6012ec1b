"""Write rendered files into docs/: only what changed, and remove what lost its source.

Rewriting an unchanged file would wake `mkdocs serve` again and loop, so bytes are compared
first. The files this step owns are listed in a manifest, so a file it did not write is never
deleted. A file that already exists is replaced atomically (written beside it, then renamed), so
a reader never sees half of it; a new file is written in place, as nothing can be reading it yet.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".generated-files"


@dataclass
class WriteReport:
    """What a write changed, in docs-relative paths."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.deleted)


def write(files: dict[str, str], out: Path) -> WriteReport:
    """Make `out` hold exactly `files` among the files it owns."""
    report = WriteReport()
    out.mkdir(parents=True, exist_ok=True)
    folders: set[Path] = {out}
    for relative in sorted(files):
        target = _inside(out, relative)
        data = files[relative].encode("utf-8")
        if target.parent not in folders:  # one mkdir per folder, not per file: thousands of files share a few folders
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        try:
            with target.open("rb") as existing:
                if existing.read() == data:
                    report.unchanged += 1
                    continue
            _replace(target, data)
        except FileNotFoundError:
            _create(target, data)
        report.written.append(relative)

    manifest = out / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    for relative in sorted(previous - files.keys()):
        target = _inside(out, relative)
        if target.is_file():
            target.unlink()
            report.deleted.append(relative)
            _prune_empty_folders(target.parent, out)
    listing = "".join(f"{relative}\n" for relative in sorted(files))
    if not manifest.is_file() or manifest.read_text(encoding="utf-8") != listing:
        _replace(manifest, listing.encode("utf-8"))
    return report


def _inside(out: Path, relative: str) -> Path:
    """`out`/`relative`, refusing a path that could leave `out` (absolute, or with '..')."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(part in ("..", ".", "") for part in parts) or "\\" in relative:
        raise ValueError(f"refusing to write outside {out}: {relative}")
    return out.joinpath(*parts)


def _create(target: Path, data: bytes) -> None:
    try:
        with target.open("xb") as file:
            file.write(data)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _replace(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).chmod(0o644)  # as a newly created file would be, not mkstemp's owner-only
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink()
        raise


def _prune_empty_folders(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
