"""Writing: only changed files are rewritten, orphans are removed, failures write nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.build import build, up_to_date
from generator.errors import DataError
from generator.render import Settings
from generator.write import write
from tests.helpers import edit


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file under `folder`."""
    return {
        path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_second_build_rewrites_nothing(project: Path) -> None:
    build(project, Settings())
    before = snapshot(project / "docs")
    _, report = build(project, Settings())
    assert (report.written, report.deleted) == ([], [])
    assert snapshot(project / "docs") == before


def test_only_the_changed_pages_are_rewritten(project: Path) -> None:
    build(project, Settings())
    edit(project, "river-ships.yaml", "Show accuracy measured", "Show accuracy surveyed")
    _, report = build(project, Settings())
    # The scenario's page, its published YAML and JSON, and the catalogue's JSON; nothing else.
    assert report.written == [
        "en/catalogue.json",
        "en/scenarios/river-ships.json",
        "en/scenarios/river-ships.md",
        "en/scenarios/river-ships.yaml",
    ]


def test_pages_whose_source_is_gone_are_deleted(project: Path) -> None:
    build(project, Settings())
    (project / "scenarios" / "fire-watch.yaml").unlink()
    foreign = project / "docs" / "en" / "notes.txt"
    foreign.write_text("not written by the generator", encoding="utf-8")
    _, report = build(project, Settings())
    assert "en/scenarios/fire-watch.md" in report.deleted
    assert "zh/scenarios/fire-watch.md" in report.deleted
    assert not (project / "docs" / "en" / "scenarios" / "fire-watch.md").exists()
    assert foreign.is_file()


def test_nothing_is_written_when_validation_fails(project: Path) -> None:
    build(project, Settings())
    before = snapshot(project / "docs")
    edit(project, "river-ships.yaml", "status: reconstructed", "status: unknown")
    (project / "scenarios" / "fire-watch.yaml").unlink()
    with pytest.raises(DataError):
        build(project, Settings())
    assert snapshot(project / "docs") == before


def test_refuses_paths_outside_the_output(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="refusing to write outside"):
        write({"../escape.md": "x"}, tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()


def test_pages_are_up_to_date_until_an_input_or_a_page_changes(project: Path) -> None:
    """What lets each MkDocs build skip the generator right after `make build` or the other language ran it."""
    settings = Settings()
    assert not up_to_date(project, settings)
    build(project, settings)
    assert up_to_date(project, settings)
    assert not up_to_date(project, Settings(directory_urls=False))

    scenario = project / "scenarios" / "river-ships.yaml"
    os.utime(scenario, ns=(scenario.stat().st_atime_ns, scenario.stat().st_mtime_ns + 1_000_000))
    assert not up_to_date(project, settings)
    build(project, settings)
    assert up_to_date(project, settings)

    (project / "docs" / "zh" / "scenarios" / "fire-watch.md").unlink()
    assert not up_to_date(project, settings)
