"""The site on 127.0.0.1: a built site served over HTTP, `mkdocs serve` of a project, and the
headless chromium that reads them. Shared by the browser and live-editing tests and by the bench
(search, Lighthouse, live editing), so all of them look at the site alike."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Background networking off: the browser itself must not call out (the tests count every request).
CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the output of whoever serves


@contextlib.contextmanager
def serving(folder: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve `folder` over HTTP on a free local port; yields the base URL, without a final slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
