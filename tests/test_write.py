"""Writing files for an engine that runs no hooks (Zensical): each language's folder is replaced
whole, so no page outlives its scenario, a stopped build leaves nothing half-written behind, and
a failure writes nothing. (MkDocs takes the pages from memory: nothing is written for it.)"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.addresses import Settings
from generator.build import build
from generator.errors import DataError
from generator.write import _replace_folder
from tests.conftest import ROOT, site_project
from tests.helpers import edit


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file under `folder`."""
    return {
        path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def written(project: Path) -> set[str]:
    docs = project / "docs"
    return {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}


def test_pages_whose_source_is_gone_are_gone(project: Path) -> None:
    build(project, Settings())
    assert "en/scenarios/fire-watch.md" in written(project)
    (project / "scenarios" / "fire-watch.yaml").unlink()
    build(project, Settings())
    assert not {name for name in written(project) if "fire-watch" in name}


def test_nothing_is_written_when_validation_fails(project: Path) -> None:
    build(project, Settings())
    before = snapshot(project / "docs")
    edit(project, "river-ships.yaml", "status: reconstructed", "status: unknown")
    (project / "scenarios" / "fire-watch.yaml").unlink()
    with pytest.raises(DataError):
        build(project, Settings())
    assert snapshot(project / "docs") == before


def test_a_build_that_fails_half_way_leaves_the_old_pages_and_the_next_cleans_up(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(project, Settings())
    before = snapshot(project / "docs")
    calls = 0
    real = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls > 5:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError, match="No space left"):
        build(project, Settings())
    monkeypatch.undo()
    assert snapshot(project / "docs" / "en") == {k[3:]: v for k, v in before.items() if k.startswith("en/")}
    (project / "scenarios" / "fire-watch.yaml").unlink()
    build(project, Settings())
    names = written(project)
    assert not {name for name in names if "fire-watch" in name or name.startswith((".new-", ".old-"))}


def test_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="refusing to write outside"):
        _replace_folder(tmp_path / "docs" / "en", {"../escape.md": "x"})
    assert not (tmp_path / "docs" / "escape.md").exists()


def large_project(project: Path) -> None:
    """The real catalogue's scenarios, each 20 times: 300 scenarios, a build of a few seconds."""
    shutil.copytree(ROOT / "scenarios" / "vocabularies", project / "scenarios" / "vocabularies")
    for original in sorted((ROOT / "scenarios").glob("*.yaml")):
        text = original.read_text(encoding="utf-8")
        for copy in range(20):
            clone = f"{original.stem}-{copy}"
            (project / "scenarios" / f"{clone}.yaml").write_text(text.replace(f"id: {original.stem}\n", f"id: {clone}\n"))


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.4, 0.8, 1.2, 1.6, 2.0])
def test_a_killed_build_publishes_nothing_stale(tmp_path: Path, after: float) -> None:
    """`python -m generator build` killed (the whole process group) at some point of its run; the
    next build, after a scenario is removed, leaves no page of it and no temporary folder."""
    project = tmp_path / "project"
    large_project(project)
    command = [sys.executable, "-m", "generator", "build", "--root", str(project)]
    environment = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run(command, env=environment, check=True, capture_output=True)
    started = subprocess.Popen(command, env=environment, start_new_session=True, stderr=subprocess.DEVNULL)
    time.sleep(after)
    if started.poll() is None:
        os.killpg(started.pid, signal.SIGKILL)
    started.wait()
    gone = sorted((project / "scenarios").glob("*.yaml"))[0]
    gone.unlink()
    subprocess.run(command, env=environment, check=True, capture_output=True)
    names = written(project)
    of_it = re.compile(rf"(?:^|/){re.escape(gone.stem)}[./]")  # its files, not those of an id it begins
    assert not {name for name in names if of_it.search(name) and not name.startswith("en/catalogue")}
    assert not {name for name in names if name.startswith((".new-", ".old-"))}
    assert f"zh/scenarios/{sorted((project / 'scenarios').glob('*.yaml'))[0].stem}.md" in names


@pytest.mark.site
@pytest.mark.parametrize("whole_group", [True, False])
def test_a_killed_mkdocs_build_publishes_nothing_stale(tmp_path: Path, whole_group: bool) -> None:
    """`mkdocs build` killed half-way (its process group, or the process alone: it starts no other),
    then built again after a scenario is removed: no page of it is left in the site."""
    project = site_project(tmp_path / "project")
    shutil.rmtree(project / "scenarios")
    large_project(project)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"]
    environment = {"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    began = time.monotonic()
    subprocess.run(command, cwd=project, env=environment, check=True, capture_output=True)
    duration = time.monotonic() - began
    started = subprocess.Popen(command, cwd=project, env=environment, start_new_session=True, stderr=subprocess.DEVNULL)
    time.sleep(duration * 0.6)  # past validation, while pages are written
    if whole_group:
        os.killpg(started.pid, signal.SIGKILL)
    else:
        started.kill()
    assert started.wait() == -signal.SIGKILL
    gone = sorted((project / "scenarios").glob("*.yaml"))[0]
    gone.unlink()
    subprocess.run(command, cwd=project, env=environment, check=True, capture_output=True)
    assert not (project / "site" / "scenarios" / gone.stem).exists()
    assert (project / "site" / "scenarios" / sorted((project / "scenarios").glob("*.yaml"))[0].stem / "index.html").is_file()
    assert [path.name for language in ("en", "zh") for path in (project / "docs" / language).rglob("*")] == [".gitkeep"] * 2
