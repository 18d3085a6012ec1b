"""How fast an edited scenario reaches its page under `mkdocs serve`, and after how many builds.

The server is the one tests/test_serve.py runs (tests/localhost.py), which checks the rebuild
count; the bench measures the time, which a test must not assert on a shared machine.
"""

from __future__ import annotations

import functools
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.localhost import Server, wait_for

EDITS = 8  # one per measurement; the median is reported
# MkDocs's watcher looks at the files every half second (LiveReloadServer's polling_interval), so
# an edit waits 0 to 0.5 s to be seen, by when in that cycle it is saved. Edits saved a fixed time
# after the last one was served would all land at one point of the cycle, the one the build time
# picks. The edits are saved on a clock instead, each 1/EDITS of the interval later in the cycle
# than the one before, so together they sample the cycle evenly, as a contributor's saves do.
POLLING_INTERVAL = 0.5
SETTLE = 3.0  # seconds after an edit is served, for any further rebuild to start before counting
PERIOD = 10 * POLLING_INTERVAL + POLLING_INTERVAL / EDITS  # from one edit to the next
SUMMARY = "summary:\n  en: >-\n    "  # where the edit goes: the start of a folded English summary


def _shows(server: Server, path: str, text: str) -> bool:
    return text in server.page(path)


@dataclass(frozen=True)
class LiveEdit:
    """Seconds from saving an edited scenario to its new English page being served, and the
    builds each edit caused."""

    seconds: list[float]
    rebuilds: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def builds(self) -> int:
        """The most builds any one edit caused."""
        return max(self.rebuilds)


def measure(project: Path, scenario_id: str) -> LiveEdit:
    """Edit the scenario's summary EDITS times under `mkdocs serve`; time each until it is served."""
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, check=True, capture_output=True)
    server = Server(project)
    path = project / "scenarios" / f"{scenario_id}.yaml"
    seconds, rebuilds = [], []
    try:
        if not wait_for(server.started, 120):
            raise RuntimeError("mkdocs serve did not start:\n" + "\n".join(server.log))
        original = path.read_text(encoding="utf-8")
        clock = time.perf_counter()
        for edit in range(1, EDITS + 1):
            clock = max(clock + PERIOD, time.perf_counter())  # later only if the last edit overran
            time.sleep(clock - time.perf_counter())
            marker = f"Edited for the bench, {edit} time(s)."
            before = len(server.log)
            started = time.perf_counter()
            edited = original.replace(SUMMARY, f"{SUMMARY}{marker} ", 1)
            if edited == original:
                raise RuntimeError(f"{path.name} has no folded English summary ({SUMMARY!r}) to edit")
            path.write_text(edited, encoding="utf-8")
            if not wait_for(functools.partial(_shows, server, f"scenarios/{scenario_id}/", marker), 60):
                raise RuntimeError("the edited page was not served within a minute:\n" + "\n".join(server.log[before:]))
            seconds.append(time.perf_counter() - started)
            time.sleep(SETTLE)
            rebuilds.append(server.builds_since(before))
        path.write_text(original, encoding="utf-8")
    finally:
        server.stop()
    return LiveEdit(seconds, rebuilds)
