"""Worker processes: parts run at once in forked children, results come back in order, and a
failure anywhere is an error here, never a silent gap.

A test session runs threads of its own (servers for the browser tests), and workers never fork
while another thread runs; so what must fork runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from bench.project import make_ours
from generator import workers
from tests.conftest import ROOT
from tests.helpers import run_generator
from tests.test_write import snapshot


def in_fresh_python(code: str) -> Any:
    """Run `code` in a new interpreter; what it prints as JSON on its last line."""
    command = [sys.executable, "-c", textwrap.dedent(code)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_split_keeps_order_and_balances_the_parts() -> None:
    assert workers.split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert workers.split(list(range(2)), 4) == [[0], [1]]  # never an empty part
    assert workers.split([], 2) == [[]]


def test_parts_after_the_first_run_in_child_processes_and_come_back_in_order() -> None:
    here, children, serial = in_fresh_python(
        """
        import json, os
        from generator import workers
        pids = workers.run([os.getpid, os.getpid, os.getpid])
        print(json.dumps([pids[0], pids[1:], workers.run([os.getpid] * 3, parallel=False)]))
        """
    )
    assert len(set(children)) == 2 and here not in children
    assert serial == [here] * 3


def test_a_failing_child_is_reported_with_its_traceback() -> None:
    message = in_fresh_python(
        """
        import json, os
        from generator import workers

        def fail():
            raise ValueError("scenario 7 is broken")

        try:
            workers.run([os.getpid, fail])
        except workers.WorkerFailed as error:
            print(json.dumps(str(error)))
        """
    )
    assert message.startswith("a worker process failed:\nTraceback")
    assert message.rstrip().endswith("ValueError: scenario 7 is broken")


@pytest.mark.parametrize(
    "child_part", ["os.getpid", "lambda: 'x' * 200_000"], ids=["small results", "results larger than a pipe holds"]
)
def test_children_end_and_are_reaped_when_this_process_fails_first(child_part: str) -> None:
    """A child blocked writing a large result ends when its pipe is closed, as long as no other
    child holds that pipe's reader; otherwise the run would wait forever."""
    left = in_fresh_python(
        f"""
        import json, os
        from generator import workers

        def fail():
            raise ValueError("here")

        try:
            workers.run([fail, {child_part}, {child_part}, {child_part}])
        except ValueError:
            pass
        try:
            os.waitpid(-1, os.WNOHANG)
            print(json.dumps("a child is left"))
        except ChildProcessError:
            print(json.dumps("none"))
        """
    )
    assert left == "none"


def test_a_result_that_cannot_be_sent_is_reported_with_its_traceback() -> None:
    message = in_fresh_python(
        """
        import json, os, threading
        from generator import workers

        try:
            workers.run([os.getpid, threading.Lock])
        except workers.WorkerFailed as error:
            print(json.dumps(str(error)))
        """
    )
    assert message.startswith("a worker process failed:\nTraceback")
    assert "cannot pickle '_thread.lock' object" in message


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
def test_a_parallel_build_writes_the_same_bytes(tmp_path: Path, jobs: int) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    make_ours(serial, 300)  # enough pieces of work for every process to take some
    shutil.copytree(serial, parallel)
    outputs = []
    for root, count in ((serial, 1), (parallel, jobs)):
        result = run_generator("build", "--jobs", str(count), "--root", str(root))
        assert result.returncode == 0, result.stderr
        outputs.append(result.stderr)
    assert outputs[0] == outputs[1] == "300 scenarios: wrote 1262 file(s), deleted 0, 0 unchanged\n"
    assert _contents(parallel / "docs") == _contents(serial / "docs")


def _contents(docs: Path) -> dict[str, str]:
    """Each generated file's content hash; the inputs' fingerprint holds modification times."""
    return {name: digest for name, (digest, _) in snapshot(docs).items() if name != ".generated-inputs"}
