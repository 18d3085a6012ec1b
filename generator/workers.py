"""Run a stage's independent parts at once, one per processor, in processes forked from this one.

Most of a build is per scenario file (parse, check, render two pages) and each part is pure, so
it splits cleanly across processors. A forked child starts with everything this process has
already loaded (the catalogue, the compiled templates), runs its part, sends back the result
pickled through a pipe and exits. Where forking is unsafe (another thread is running, as under
`mkdocs serve`) or impossible, the parts run one after another here, with the same result.
"""

from __future__ import annotations

import itertools
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")


class WorkerFailed(RuntimeError):
    """A part run in a child process raised; the message holds its traceback."""


def available() -> int:
    """How many processes to share work among by default: one per processor this process may run
    on, and at most eight (a container's share of a large machine may be smaller than its
    processor count, and one process renders the catalogue-wide pages whatever the number)."""
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(processors, 8)


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`items` in at most `parts` contiguous runs of nearly equal length, in order, none empty."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    starts = [index * size + min(index, extra) for index in range(parts + 1)]
    return [items[start:end] for start, end in itertools.pairwise(starts)]


class Turns:
    """Pieces of work handed out one at a time: the numbers 0 to `count` - 1, each taken by
    exactly one of the processes forked after it was made (take() gives None when none is left).

    A process slowed by other work (the catalogue-wide pages, a busy neighbour on a shared
    machine) simply takes fewer pieces. The numbers wait in a pipe, four bytes each, and Linux
    serialises reads from a pipe, so no two readers get parts of the same number.
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

    def __iter__(self) -> Iterator[int]:
        """The numbers this process takes, until none is left."""
        return iter(self.take, None)

    def __enter__(self) -> Turns:
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self._reader)


def run(parts: Sequence[Callable[[], T]], parallel: bool = True) -> list[T]:
    """Each part's result, in order: the first part runs here, each other in a child process
    (all here, one after another, when not `parallel`). If any part fails, so does the run."""
    if not parallel or len(parts) < 2 or not _can_fork():
        return [part() for part in parts]
    children: dict[int, _Child] = {}
    here = [0]  # the parts this process runs: the first, and any that no process could be made for
    try:
        for index, part in enumerate(parts[1:], start=1):
            try:
                children[index] = _Child(part, [child.pipe.fileno() for child in children.values()])
            except OSError:  # a limit on processes: not a reason to fail
                here.append(index)
        results = {index: parts[index]() for index in here}
        results.update((index, child.result()) for index, child in children.items())
    finally:
        # After a failure, children may still be running: close every pipe first, so that one
        # still writing gets an error and ends, and only then wait for them all.
        for child in children.values():
            child.pipe.close()
        for child in children.values():
            child.reap()
    return [results[index] for index in range(len(parts))]


def share(first: Callable[[], T], rest: Callable[[], T], processes: int) -> list[T]:
    """Run `first` here and `rest` in each of `processes` - 1 child processes, at once; their
    results, first's first."""
    return run([first, *[rest] * (processes - 1)])


def _can_fork() -> bool:
    # A thread holding a lock at the moment of the fork would leave it locked in the child forever.
    return hasattr(os, "fork") and threading.active_count() == 1


class _Child:
    """A process forked to run one part; its outcome comes back pickled through a pipe."""

    def __init__(self, part: Callable[[], object], inherited: list[int]) -> None:
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            raise
        if pid == 0:
            _run_in_child(part, writer, [reader, *inherited])
        os.close(writer)
        self.pid = pid
        self.pipe = os.fdopen(reader, "rb")
        self.status: int | None = None

    def result(self) -> Any:
        """The part's result; WorkerFailed if it raised or its process ended without one."""
        with self.pipe:
            data = self.pipe.read()
        status = self.reap()
        try:
            succeeded, value = pickle.loads(data)
        except Exception:  # nothing, or half, was sent: the process died
            raise WorkerFailed(f"a worker process ended without a result (exit status {status})") from None
        if not succeeded:
            raise WorkerFailed(f"a worker process failed:\n{value}")
        return value

    def reap(self) -> int:
        if self.status is None:
            _, status = os.waitpid(self.pid, 0)
            self.status = os.waitstatus_to_exitcode(status)
        return self.status


def _run_in_child(part: Callable[[], object], writer: int, others: list[int]) -> NoReturn:
    """Run `part`, send its result or its traceback through `writer`, and end the process without
    returning to the caller. `others` are pipe ends this process must not hold: a pipe whose
    reader the parent has closed must have no other reader, or a child writing to it would wait
    forever."""
    status = 1
    try:
        for descriptor in others:
            os.close(descriptor)
        try:
            data = pickle.dumps((True, part()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # every failure goes back to the parent, pickling the result's included
            import traceback  # here: most runs never need it

            data = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
