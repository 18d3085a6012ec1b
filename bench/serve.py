"""`mkdocs serve` in a child process, and how fast an edited scenario reaches its page.

`Server` is shared with tests/test_serve.py, which checks the rebuild count; the bench measures
the time, which a test must not assert on a shared machine.
"""

from __future__ import annotations

import functools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EDITS = 5  # one per measurement; the median is reported
SUMMARY = "summary:\n  en: >-\n    "  # where the edit goes: the start of a folded English summary


class Server:
    """`mkdocs serve` of a project on a free local port, its log collected line by line."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:  # a free port; the moment between closing and binding it is harmless here
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: list[str] = []
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{self.port}"]
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
        self.process = subprocess.Popen(
            command, cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.rstrip())

    def started(self) -> bool:
        return any("Serving on" in line for line in self.log)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.url}/{path}", timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def builds_since(self, line: int) -> int:
        """How many builds the server started after log line `line`."""
        return sum("Building documentation..." in text for text in self.log[line:])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll `condition` every 20 ms until it holds (True) or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


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
        for edit in range(1, EDITS + 1):
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
            time.sleep(3)  # let any further rebuild start before counting
            rebuilds.append(server.builds_since(before))
        path.write_text(original, encoding="utf-8")
    finally:
        server.stop()
    return LiveEdit(seconds, rebuilds)
