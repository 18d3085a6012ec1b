"""Shared fixtures: the repository root, a disposable copy of the small fixture project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "project"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/project: two valid scenarios and small vocabularies."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target
