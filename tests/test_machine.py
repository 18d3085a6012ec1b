"""When the machine fails the run (a folder or file it may not read, a full disk): exit 3 and one
line saying what failed and what to do, never a traceback and never a problem blamed on the data.

The tests run as root, whom permissions do not stop, so the failures are simulated.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.conftest import ROOT
from tests.helpers import edit

PERMISSIONS = "Permission denied; check that your user may read and write the project's files (ls -l), then run again"
DISK_FULL = "No space left on device; free some disk space, then run again"


def refuse(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, when: Callable[[str], bool], code: int = errno.EACCES) -> None:
    """Make `owner.name(path, ...)` fail with `code` for the paths `when` picks."""
    original = getattr(owner, name)

    def failing(path: Any, *arguments: Any, **keywords: Any) -> Any:
        if when(os.fspath(path)):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return original(path, *arguments, **keywords)

    monkeypatch.setattr(owner, name, failing)


def run(project: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main([*arguments, "--root", str(project)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("verb", ["check", "build"])
def test_an_unreadable_scenarios_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], verb: str
) -> None:
    refuse(monkeypatch, os, "scandir", lambda path: path.endswith("/scenarios"))
    assert run(project, capsys, verb) == (3, "", f"error: scenarios/: {PERMISSIONS}\n")


def test_an_unreadable_scenario_file(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(monkeypatch, Path, "read_bytes", lambda path: path.endswith("river-ships.yaml"))
    expected = f"error: scenarios/river-ships.yaml: {PERMISSIONS}\n"
    assert run(project, capsys, "check") == (3, "", expected)


def test_an_unreadable_vocabulary(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    refuse(monkeypatch, Path, "read_bytes", lambda path: path.endswith("domains.yaml"), errno.EIO)
    expected = "error: scenarios/vocabularies/domains.yaml: Input/output error; the disk reported an input/output error; check the disk, then run again\n"
    assert run(project, capsys, "check") == (3, "", expected)


def test_an_unreadable_vocabularies_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refuse(monkeypatch, Path, "lstat", lambda path: "/vocabularies/" in path)
    expected = f"error: scenarios/vocabularies/domains.yaml: {PERMISSIONS}\n"
    assert run(project, capsys, "check") == (3, "", expected)


def full_disk(monkeypatch: pytest.MonkeyPatch, under: Path) -> None:
    """Opening any file under `under` for writing fails as on a full disk."""
    for owner, name in ((builtins, "open"), (io, "open"), (os, "fdopen")):
        original = getattr(owner, name)

        def failing(file: Any, mode: str = "r", *arguments: Any, _original: Any = original, **keywords: Any) -> Any:
            target = os.fspath(file) if not isinstance(file, int) else str(Path(f"/proc/self/fd/{file}").readlink())
            if any(letter in mode for letter in "wxa") and target.startswith(str(under)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return _original(file, mode, *arguments, **keywords)

        monkeypatch.setattr(owner, name, failing)


def test_a_full_disk_while_writing_the_pages(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full_disk(monkeypatch, project / "docs")
    assert run(project, capsys, "build") == (3, "", f"error: generator build: {DISK_FULL}\n")


def test_a_full_disk_while_writing_a_new_scenario(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full_disk(monkeypatch, project / "scenarios")
    assert run(project, capsys, "new", "bus-lane-watch", "--domain", "transport") == (
        3,
        "",
        f"error: generator new: {DISK_FULL}\n",
    )


def test_a_reader_that_goes_away_ends_the_run_quietly(project: Path) -> None:
    """`python -m generator check | head -1`: the rest of the output has nowhere to go."""
    for index in range(200):
        (project / "scenarios" / f"broken-{index}.yaml").write_text("id: [\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "check", "--root", str(project)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert (process.wait(), error) == (3, "")


def test_data_problems_still_exit_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, "river-ships.yaml", "status: reconstructed", "status: anounced")
    assert run(project, capsys, "check")[0] == 1
