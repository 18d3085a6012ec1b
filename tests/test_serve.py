"""Live editing: with `mkdocs serve` running, an edited scenario file updates its page in both
languages after at most two rebuilds, and the server then stays quiet (no rebuild loop).

How fast the page updates is measured by `make bench`, not asserted here."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import site_project

pytestmark = pytest.mark.site

SCENARIO = "yangtze-jialing-beidou-navigation"
OLD, NEW = "Real-time horizontal position of the ship", "Real-time horizontal position of every ship"


class Server:
    """`mkdocs serve` of a project in a child process, its log collected line by line."""

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

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.url}/{path}", timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = site_project(tmp_path / "project")
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, check=True, capture_output=True)
    running = Server(project)
    try:
        wait_for(lambda: any("Serving on" in line for line in running.log), 60, "the server to start")
        yield running
    finally:
        running.stop()


def builds(log: list[str]) -> int:
    return sum("Building documentation..." in line for line in log)


def test_an_edit_updates_its_page_after_at_most_two_rebuilds(server: Server, tmp_path: Path) -> None:
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    assert OLD in server.page(f"scenarios/{SCENARIO}/")
    before = len(server.log)

    scenario.write_text(scenario.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the English page to change")
    wait_for(lambda: "北斗" in server.page(f"zh/scenarios/{SCENARIO}/"), 60, "the Chinese page")
    time.sleep(5)  # long enough for a rebuild loop to show itself

    after = server.log[before:]
    assert 1 <= builds(after) <= 2, "\n".join(after)
    assert not any("ERROR" in line or "Traceback" in line for line in after), "\n".join(after)


def test_a_half_written_file_keeps_the_preview_alive_and_lists_its_problems(server: Server, tmp_path: Path) -> None:
    scenario = tmp_path / "project" / "scenarios" / f"{SCENARIO}.yaml"
    valid = scenario.read_text(encoding="utf-8")
    before = len(server.log)
    scenario.write_text(valid.replace("status: announced", "status: TODO"), encoding="utf-8")
    wait_for(lambda: any("DATA PROBLEM" in line for line in server.log[before:]), 60, "the problem to be listed")
    listed = [line for line in server.log[before:] if "DATA PROBLEM" in line]
    assert any(f"scenarios/{SCENARIO}.yaml:" in line and "status: 'TODO' is a placeholder" in line for line in listed), listed
    assert OLD in server.page(f"scenarios/{SCENARIO}/")  # the last valid page, served at once

    scenario.write_text(valid.replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: NEW in server.page(f"scenarios/{SCENARIO}/"), 60, "the fixed page")
