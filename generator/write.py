"""Write rendered files into docs/: only what changed, and remove what lost its source.

Rewriting an unchanged file would wake `mkdocs serve` again and loop, so bytes are compared
first. The files this step owns are listed in a manifest, so a file it did not write is never
deleted. Each file is replaced atomically; a failed run leaves the previous files whole.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

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
    for relative in sorted(files):
        target = _inside(out, relative)
        data = files[relative].encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        _replace(target, data)
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
    target = (out / relative).resolve()
    if not target.is_relative_to(out.resolve()):
        raise ValueError(f"refusing to write outside {out}: {relative}")
    return target


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink()
        raise


def _prune_empty_folders(folder: Path, out: Path) -> None:
    while folder != out.resolve() and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
