"""Worker processes: parts run at once in forked children, results come back in order, and a
failure anywhere is an error here, never a silent gap."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from generator import workers
from generator.build import build
from generator.render import Settings
from tests.test_write import snapshot


def test_split_keeps_order_and_balances_the_parts() -> None:
    assert workers.split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert workers.split(list(range(2)), 4) == [[0], [1]]  # never an empty part
    assert workers.split([], 2) == [[]]


def test_parts_after_the_first_run_in_child_processes() -> None:
    parts = [os.getpid, os.getpid, os.getpid]
    here, *children = workers.run(parts)
    assert here == os.getpid()
    assert len(set(children)) == 2 and here not in children
    assert workers.run(parts, parallel=False) == [os.getpid()] * 3


def test_a_failing_child_is_reported_with_its_traceback() -> None:
    def fail() -> None:
        raise ValueError("scenario 7 is broken")

    with pytest.raises(workers.WorkerFailed, match=r"(?s)a worker process failed:.*ValueError: scenario 7 is broken"):
        workers.run([os.getpid, fail])


def test_children_are_reaped_when_this_process_fails_first() -> None:
    def fail() -> None:
        raise ValueError("here")

    with pytest.raises(ValueError, match="here"):
        workers.run([fail, os.getpid])
    with pytest.raises(ChildProcessError):  # no child left behind, finished or not
        os.waitpid(-1, os.WNOHANG)


def test_with_another_thread_running_every_part_runs_here() -> None:
    """Forking while a thread may hold a lock (as under `mkdocs serve`) could hang the child."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.run([os.getpid, os.getpid]) == [os.getpid()] * 2
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_parallel_build_writes_the_same_bytes(project: Path, tmp_path: Path, jobs: int) -> None:
    parallel = tmp_path / "parallel"
    shutil.copytree(project, parallel)
    _, serial_report = build(project, Settings(), jobs=1)
    _, parallel_report = build(parallel, Settings(), jobs=jobs)
    assert parallel_report == serial_report
    assert _contents(parallel / "docs") == _contents(project / "docs")


def _contents(docs: Path) -> dict[str, str]:
    """Each generated file's content hash; the inputs' fingerprint holds modification times."""
    return {name: digest for name, (digest, _) in snapshot(docs).items() if name != ".generated-inputs"}
