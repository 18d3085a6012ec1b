"""`generator new`: a template that names every field, refuses bad ids, and passes once filled."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from generator import model
from generator.cli import main
from tests.conftest import ROOT
from tests.helpers import problems


def fill(text: str) -> str:
    """Replace every placeholder of a fresh template with a plausible value."""
    replacements = iter(
        [
            "Watch on bus lanes",
            "公交专用道监测",
            "Cameras miss lane violations on mountain roads; BeiDou can fill the gap.",
            "山区道路摄像头难以发现占道行为，北斗可以弥补。",
        ]
    )
    lines = []
    for line in text.splitlines():
        if line.lstrip().startswith("#") or "TODO" not in line:
            lines.append(line)
            continue
        key = line.strip().split(":")[0].lstrip("- ")
        value = {
            "capabilities": "satellite-navigation",
            "owner": "transportation-commission",
            "codes": "500101",
            "metric": "horizontal-accuracy",
            "value": "20",
            "unit": "cm",
            "basis": "illustrative",
            "sources": "ichongqing-2023-11-21",
        }.get(key)
        if value is None:  # a text: title and summary first, then plain sentences
            value = next(replacements, "Lanes reserved for buses need watching." if key == "en" else "公交专用道需要监测。")
        lines.append(line.replace("TODO", value))
    return "\n".join(lines) + "\n"


def test_new_writes_a_template_that_check_rejects_until_filled(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "bus-lane-watch", "--domain", "transport", "--root", str(project)]) == 0
    path = project / "scenarios" / "bus-lane-watch.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/scenario.schema.json\n")
    lines = text.splitlines()
    placeholders = {number for number, line in enumerate(lines, 1) if "TODO" in line and not line.lstrip().startswith("#")}
    found = problems(project)
    assert {int(problem.split(":")[1]) for problem in found} == placeholders  # one problem on each TODO line, no other
    title = lines.index("title:") + 2  # its en line
    assert (
        f"scenarios/bus-lane-watch.yaml:{title}:7: title.en: 'TODO' is a placeholder from the template; replace it with a text"
        in found
    )

    path.write_text(fill(text), encoding="utf-8")
    assert problems(project) == []


def test_template_names_every_field_with_both_help_texts(project: Path) -> None:
    assert main(["new", "bus-lane-watch", "--domain", "transport", "--root", str(project)]) == 0
    text = (project / "scenarios" / "bus-lane-watch.yaml").read_text(encoding="utf-8")
    for field in model.walk(model.Scenario):
        assert re.search(rf"^\s*(- |# )?{field.name}:", text, re.MULTILINE), field.path
        assert f"# {field.help.en}" in text
        assert f"# {field.help.zh}" in text
        if field.kind.name == "choice":
            assert "Allowed / 可选值: " + ", ".join(field.kind.choices) in text
    assert f"released: {dt.date.today().isoformat()}" in text
    assert "provenance: community" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["river-ships", "--domain", "transport"],
            "error: scenarios/river-ships.yaml already exists; choose another id, or edit that file\n",
        ),
        (
            ["Bus_Lanes", "--domain", "transport"],
            "error: 'Bus_Lanes' is not a valid id; did you mean 'bus-lanes'? (expected lowercase letters, digits and single hyphens, like 'forest-fire-watch', at most 64 characters)\n",
        ),
        (
            ["bus-lane-watch.yaml", "--domain", "transport"],
            "error: 'bus-lane-watch.yaml' is not a valid id; drop '.yaml': the file is named after the id, so give bus-lane-watch\n",
        ),
        (
            ["scenarios/bus-lane-watch.yml", "--domain", "transport"],
            "error: 'scenarios/bus-lane-watch.yml' is not a valid id; drop 'scenarios/' and '.yml': the file is named after the id, so give bus-lane-watch\n",
        ),
        (  # as a file manager on Windows may show it
            ["Bus-Lane-Watch.YAML", "--domain", "transport"],
            "error: 'Bus-Lane-Watch.YAML' is not a valid id; drop '.YAML': the file is named after the id, so give bus-lane-watch\n",
        ),
        (
            ["bus-lanes", "--domain", "transportation"],
            "error: 'transportation' is not a domain; did you mean 'transport'? (expected one of transport, forestry, meteorology)\n",
        ),
        (
            ["bus-lanes", "--domain", "Transport"],
            "error: 'Transport' is not a domain; did you mean 'transport'? (expected one of transport, forestry, meteorology)\n",
        ),
        (
            ["../escape", "--domain", "transport"],
            "error: '../escape' is not a valid id; expected lowercase letters, digits and single hyphens, like 'forest-fire-watch', at most 64 characters\n",
        ),
        (
            ["bus-lanes", "--domain", "roads"],
            "error: 'roads' is not a domain; expected one of transport, forestry, meteorology\n",
        ),
    ],
)
def test_new_refuses_bad_requests(project: Path, arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in (project / "scenarios").iterdir())
    assert main(["new", *arguments, "--root", str(project)]) == 2
    assert capsys.readouterr().err == message
    assert sorted(p.name for p in (project / "scenarios").iterdir()) == before


def test_new_works_while_another_scenario_is_still_a_template(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the vocabularies must be valid: a half-written scenario does not block the next one."""
    assert main(["new", "bus-lanes", "--domain", "transport", "--root", str(project)]) == 0
    assert main(["new", "ferry-lines", "--domain", "transport", "--root", str(project)]) == 0
    assert (project / "scenarios" / "ferry-lines.yaml").is_file()
    assert main(["new", "vocabularies/domains", "--domain", "transport", "--root", str(project)]) == 2
    assert "'vocabularies/domains' is not a valid id" in capsys.readouterr().err


def test_make_new_writes_the_template(project: Path) -> None:
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to(sys.executable)
    (project / ".venv" / ".runtime").touch()  # the virtual environment is there; make must not rebuild it
    (project / "requirements.txt").touch()
    os.utime(project / ".venv" / ".runtime")
    result = subprocess.run(
        ["make", "--no-print-directory", "new", "ID=bus-lanes", "DOMAIN=transport"],
        cwd=project,
        # The stand-in .venv has no packages of its own: it borrows this interpreter's.
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *site.getsitepackages()])},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "scenarios" / "bus-lanes.yaml").read_text(encoding="utf-8").count("TODO") > 10
    usage = subprocess.run(["make", "--no-print-directory", "new"], cwd=project, capture_output=True, text=True, check=False)
    assert usage.returncode == 2
    assert usage.stderr.startswith("usage: make new ID=<id> DOMAIN=<domain key>")
