"""Shared fixtures: the repository root, a disposable copy of the small fixture project, the real
catalogue validated once per session, and the real catalogue built once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import check
from generator.model import Catalogue
from tests.localhost import serving
from tests.projects import real_project

pytest_plugins = ["tests.browser"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "project"


@pytest.fixture(autouse=True)
def plain_problem_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub Actions sets GITHUB_ACTIONS=true, which switches problems to annotations; the tests
    expect text unless they ask for another format (as the annotation test does)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The real catalogue, validated once for the session (never at import: a broken scenario
    fails the tests that read it, not the collection of every test)."""
    return check(ROOT).catalogue


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/project: two valid scenarios and small vocabularies."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def build_site(project: Path, target: Path, offline: bool = False, site_url: str = "") -> Path:
    """Strictly build both languages of `project` into `target` (Chinese in target/zh).

    `offline` builds for reading from file:// (Material's offline plugin), as `make offline` does;
    `site_url` is the address the site is published at, as CI sets it (none by default).
    """
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "CATALOGUE_REPOSITORY": "",
        "CATALOGUE_OFFLINE": "true" if offline else "false",
        "CATALOGUE_SITE_URL": site_url,
        "PYTHONPATH": str(project),
    }
    commands = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", str(target)],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.zh.yml", "-d", str(target / "zh")],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{' '.join(command[2:])} failed:\n{result.stdout}{result.stderr}"
    return target


def site_project(tmp: Path) -> Path:
    """A copy of everything a site build reads: configurations, theme overrides, generator, scenarios."""
    real_project(tmp)
    if (ROOT / "node_modules").is_dir():  # the offline build publishes a shim from there
        (tmp / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue built strictly, English in site/ and Chinese in site/zh, in a temp folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """Base URL of a local HTTP server serving the built site."""
    with serving(site) as url:
        yield url
