"""Write rendered files into docs/: only what changed, and remove what lost its source.

Rewriting an unchanged file would wake `mkdocs serve` again and loop, so bytes are compared
first. The files this step owns are listed in a manifest, so a file it did not write is never
deleted. A file that already exists is replaced atomically (written beside it, then renamed), so
a reader never sees half of it; a new file is written in place, as nothing can be reading it yet.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generated-files"


@dataclass
class WriteReport:
    """What a write changed, in docs-relative paths."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    owned: list[str] = field(default_factory=list)  # every file put in place, written or not

    @classmethod
    def merged(cls, reports: Iterable[WriteReport]) -> WriteReport:
        """One report for writes done in parts."""
        reports = list(reports)
        return cls(
            written=sorted(name for report in reports for name in report.written),
            deleted=sorted(name for report in reports for name in report.deleted),
            unchanged=sum(report.unchanged for report in reports),
            owned=sorted(name for report in reports for name in report.owned),
        )

    @property
    def changed(self) -> bool:
        return bool(self.written or self.deleted)


def write(files: dict[str, str], out: Path) -> WriteReport:
    """Make `out` hold exactly `files` among the files it owns."""
    report = put(files, out)
    tidy(out, report)
    return report


def put(files: dict[str, str], out: Path) -> WriteReport:
    """Write each of `files` whose bytes differ from what `out` holds; delete nothing.

    Each folder is listed once, so a file it does not hold (every file, on a fresh clone) is
    created without first trying to open it.
    """
    report = WriteReport()
    present: dict[str, set[str]] = {}
    root = os.fspath(out)
    for relative in sorted(files):  # plain strings, not Paths: pathlib would be a third of the time here
        report.owned.append(relative)
        target = _inside(root, relative)
        folder, name = os.path.split(target)
        names = present.get(folder)
        if names is None:  # once per folder: thousands of files share a few folders
            os.makedirs(folder, exist_ok=True)
            names = present[folder] = set(os.listdir(folder))
        data = files[relative].encode("utf-8")
        if name not in names and _created(target, data):
            report.written.append(relative)
        elif _holds(target, data):
            report.unchanged += 1
        else:
            _replace(target, data)
            report.written.append(relative)
    return report


def tidy(out: Path, report: WriteReport) -> None:
    """Delete the files an earlier write owned that `report` does not own any more, and record
    the ones it owns as the files `out` now owns."""
    manifest = out / MANIFEST
    recorded = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    owned = set(report.owned)
    for relative in sorted(set(recorded.splitlines()) - owned):
        target = Path(_inside(os.fspath(out), relative))
        if target.is_file():
            target.unlink()
            report.deleted.append(relative)
            _prune_empty_folders(target.parent, out)
    listing = "".join(f"{relative}\n" for relative in sorted(owned))
    if listing != recorded or not manifest.is_file():
        _replace(manifest, listing.encode("utf-8"))


def _inside(out: str, relative: str) -> str:
    """`out`/`relative`, refusing a path that could leave `out` (absolute, or with '..')."""
    if (
        not relative
        or relative.startswith("/")
        or "\\" in relative
        or any(part in ("..", ".", "") for part in relative.split("/"))
    ):
        raise ValueError(f"refusing to write outside {out}: {relative}")
    return os.path.join(out, relative)


def _created(target: str, data: bytes) -> bool:
    """Write a new file; False if one appeared since its folder was listed."""
    try:
        file = open(target, "xb")  # noqa: SIM115 - closed below
    except FileExistsError:
        return False
    try:
        with file:
            file.write(data)
    except BaseException:
        Path(target).unlink(missing_ok=True)
        raise
    return True


def _holds(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as existing:
            return existing.read() == data
    except FileNotFoundError:
        return False


def _replace(target: str | Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-")
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
