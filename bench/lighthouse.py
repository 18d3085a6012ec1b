"""Lighthouse scores of the built site, served locally and loaded in Debian's chromium.

A measuring script, not a test: scores move with the machine's load, so they are printed, not
asserted. Run `make lighthouse` (it builds the site and installs Lighthouse from npm, pinned in
bench/lighthouse/package-lock.json). Prints the four category scores of the home, catalogue,
requirements explorer and a scenario page in both languages, and writes them to bench/lighthouse.md.

Lighthouse's default is a mobile device with simulated slow 4G and a 4x slower processor. The
local server compresses text with gzip, as production hosts (GitHub Pages, nginx) do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.localhost import CHROMIUM, CHROMIUM_ARGUMENTS, QuietHandler, serving

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = (
    ("home", ""),
    ("catalogue", "catalogue/"),
    ("explorer", "requirements/"),
    ("scenario", "scenarios/yangtze-jialing-beidou-navigation/"),
)
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGUMENTS])


class _CompressingHandler(QuietHandler):
    """Serves the site as a production host would: text compressed with gzip when the browser asks."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not _compressible(kind):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _compressible(kind: str) -> bool:
    return kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml")


def scores(url: str, report: Path) -> dict[str, int]:
    """Run Lighthouse once on `url`; the four category scores out of 100."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def table(rows: list[tuple[str, dict[str, int]]]) -> str:
    header = "| page | " + " | ".join(CATEGORIES) + " |"
    lines = [header, "|---|" + "--:|" * len(CATEGORIES)]
    for name, result in rows:
        lines.append(f"| {name} | " + " | ".join(str(result[c]) for c in CATEGORIES) + " |")
    target = " | ".join(f"{'≥ ' if c == 'performance' else ''}{TARGETS[c]}" for c in CATEGORIES)
    lines.append(f"| *target* | {target} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/, from make build)")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} is missing; `make lighthouse` installs it", file=sys.stderr)
        return 2
    if not (arguments.site / "index.html").is_file():
        print(f"{arguments.site} holds no built site; run `make build` first", file=sys.stderr)
        return 2
    rows = []
    with serving(arguments.site, _CompressingHandler) as base, tempfile.TemporaryDirectory() as scratch:
        for language in ("en", "zh"):
            for name, path in PAGES:
                url = f"{base}/{'zh/' if language == 'zh' else ''}{path}"
                result = scores(url, Path(scratch) / "report.json")
                rows.append((f"{name} ({language})", result))
                print(f"{name} ({language}): " + ", ".join(f"{c} {result[c]}" for c in CATEGORIES), flush=True)
    text = table(rows)
    met = all(result[c] >= TARGETS[c] for _, result in rows for c in CATEGORIES)
    print()
    print(text)
    print(f"\nevery target met: {'yes' if met else 'no'}")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    out = ROOT / "bench" / "lighthouse.md"
    out.write_text(
        f"# Lighthouse scores\n\nMeasured {dt.date.today()} with Lighthouse {version} and {chromium} "
        f"(mobile preset, simulated throttling) on the site served from 127.0.0.1 by `make lighthouse`.\n\n{text}\n",
        encoding="utf-8",
    )
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
