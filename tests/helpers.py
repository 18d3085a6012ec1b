"""Helpers the tests share: run the checker on a project and read its problems as text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.addresses import Settings
from generator.build import check
from generator.errors import DataError, Problem
from generator.load import load_project
from generator.model import LANGUAGES, Catalogue, Requirement
from generator.render import render
from generator.validate import validate
from generator.write import files

ROOT = Path(__file__).resolve().parent.parent


def run_generator(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGUMENTS` in a process of its own, with a plain environment."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def problems(root: Path) -> list[str]:
    """Every problem `check` reports for the project at `root`, one string each; [] if valid."""
    try:
        result = check(root)
    except DataError as error:
        return _shown(error.problems)
    return _shown(result.warnings)


def _shown(found: list[Problem]) -> list[str]:
    return [str(p) for p in found]


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in scenarios/`name` (fails if it is not exactly once)."""
    path = root / "scenarios" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


TAG = re.compile(r"<[a-z]+\s[^>]*>")
LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#?]*)""")


def broken_links(site: Path) -> list[str]:
    """Every relative href and src, on every page of a built site, that leads to no file of the
    site, or to a Chinese page's English twin (a link from zh/ that leaves zh/ for another page)."""
    broken = []
    root = site.resolve()
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served for any missing path, so its links are relative to the root
            continue
        chinese = page.resolve().is_relative_to(root / "zh")
        for tag in TAG.findall(page.read_text(encoding="utf-8")):
            language_switch = "data-language-switch" in tag  # leads to the other language on purpose
            reference = next(iter(LINK.findall(tag)), "")
            if not reference or re.match(r"[a-z][a-z0-9+.-]*:|//", reference):
                continue
            target = (page.parent / reference).resolve()
            if target.is_dir():
                target = target / "index.html"
            leaves_chinese = (
                chinese and not language_switch and target.suffix == ".html" and not target.is_relative_to(root / "zh")
            )
            if not target.is_file() or not target.is_relative_to(root) or leaves_chinese:
                broken.append(f"{page.relative_to(site)}: {reference}")
    return broken


def rendered_files(root: Path, settings: Settings) -> dict[str, str]:
    """Every file the generator renders for the project at `root`, by language and docs path
    ("en/scenarios/x.md"): each page as the Markdown file written for Zensical (front matter, then
    the HTML MkDocs gets), and the data files."""
    result = validate(load_project(root))
    return {
        f"{language}/{path}": text
        for language in LANGUAGES
        for path, text in files(render(result.catalogue, settings, result.texts, language)).items()
    }


def compared(catalogue: Catalogue) -> tuple[str, list[str]]:
    """Three scenarios to compare that share a metric: the first metric (in the vocabulary's order)
    that three or more scenarios set a target on, and the first three of them by id."""
    for metric in catalogue.vocabularies.metrics:
        holding = [s.id for s in catalogue.scenarios if any(r.target and r.target.metric == metric for r in s.requirements)]
        if len(holding) >= 3:
            return metric, holding[:3]
    raise AssertionError("no metric is shared by three scenarios")


def verdict_of(catalogue: Catalogue, requirement: Requirement, profile: dict[str, float]) -> str:
    """A product profile's verdict on a requirement, the rule of catalogue.js written again from the
    data: the profile's value (base units) against the target, equal within rounding."""
    target = requirement.target
    if target is None or target.metric not in profile:
        return "unmeasured"
    offered, base = profile[target.metric], catalogue.vocabularies.in_base_unit(target)
    slack = 1e-9 * max(abs(offered), abs(base))  # relative: rounding in base units, nothing more
    met = {"<=": offered <= base + slack, "<": offered < base - slack, ">=": offered >= base - slack, ">": offered > base + slack}
    return "meets" if met.get(target.op, abs(offered - base) <= slack) else "misses"
