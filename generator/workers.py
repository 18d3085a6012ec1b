"""Run a stage's independent parts at once, one per processor, in processes forked from this one.

Most of a build is per scenario file (parse, check, render two pages) and each part is pure, so
it splits cleanly across processors. A forked child starts with everything this process has
already loaded (the catalogue, the compiled templates), runs its part, sends back the result
pickled through a pipe and exits. Where forking is unsafe (another thread is running, as under
`mkdocs serve`) or impossible, the parts run one after another here, with the same result.
"""

from __future__ import annotations

import io
import itertools
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class WorkerFailed(RuntimeError):
    """A part run in a child process raised; the message holds its traceback."""


def available() -> int:
    """How many processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`items` in at most `parts` contiguous runs of nearly equal length, in order, none empty."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    starts = [index * size + min(index, extra) for index in range(parts + 1)]
    return [items[start:end] for start, end in itertools.pairwise(starts)]


class Turns:
    """The numbers 0 to `count` - 1, each handed to exactly one of the processes that take turns:
    made before forking, then take() in each until it gives None.

    How the work of a stage is shared out as it goes, so that a process slowed by other work
    (the whole catalogue's pages, a busy neighbour on a shared machine) simply takes fewer turns.
    The numbers wait in a pipe, four bytes each; a read of four bytes from a pipe is atomic.
    """

    LIMIT = 1024  # 4 KiB: the least a pipe buffers, so writing them all cannot block

    def __init__(self, count: int) -> None:
        if not 0 <= count <= self.LIMIT:
            raise ValueError(f"between 0 and {self.LIMIT} turns, not {count}")
        self._reader, writer = os.pipe()
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(b"".join(number.to_bytes(4, "little") for number in range(count)))

    def take(self) -> int | None:
        data = os.read(self._reader, 4)
        return int.from_bytes(data, "little") if data else None

    def __enter__(self) -> Turns:
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self._reader)


def run(parts: Sequence[Callable[[], T]], parallel: bool = True) -> list[T]:
    """Each part's result, in order: the first part runs here, each other in a child process
    (or all here, one after another, when not `parallel`)."""
    if not parallel or len(parts) < 2 or not _can_fork():
        return [part() for part in parts]
    children = [_start(part) for part in parts[1:]]
    try:
        results = [parts[0]()]
        for pid, pipe in children:
            results.append(_finish(pid, pipe))
    finally:
        for pid, pipe in children:  # only left running if this process failed first
            if not pipe.closed:
                pipe.close()
                os.waitpid(pid, 0)
    return results


def _can_fork() -> bool:
    # A thread holding a lock at the moment of the fork would leave it locked in the child forever.
    return hasattr(os, "fork") and threading.active_count() == 1


def _start(part: Callable[[], object]) -> tuple[int, io.BufferedReader]:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the part, send its outcome, never return to the caller
        status = 1
        try:
            os.close(reader)
            try:
                outcome: tuple[bool, object] = (True, part())
            except BaseException:  # every failure goes back to the parent
                import traceback  # here: most runs never need it

                outcome = (False, traceback.format_exc())
            with os.fdopen(writer, "wb") as pipe:
                pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, os.fdopen(reader, "rb")


def _finish(pid: int, pipe: io.BufferedReader) -> Any:
    with pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise WorkerFailed(f"a worker process ended without a result (exit status {os.waitstatus_to_exitcode(status)})")
    succeeded, value = pickle.loads(data)
    if not succeeded:
        raise WorkerFailed(f"a worker process failed:\n{value}")
    return value
