"""The project's own conventions: workflow, issue form, pull-request template, pre-commit hook and
CONTRIBUTING.md parse, and name only commands, targets and vocabulary keys that exist."""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import VERBS
from generator.model import Catalogue
from tests.conftest import ROOT

MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def load(path: str) -> Any:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def commands_in(script: str) -> list[list[str]]:
    """Each simple command of a shell snippet, as words."""
    commands = []
    for line in script.splitlines():
        for part in re.split(r"&&|\|\||;|\|", line.split(" >>")[0]):
            if part.strip() and not part.strip().startswith("#"):
                commands.append(shlex.split(part))
    return commands


def assert_command_exists(words: list[str]) -> None:
    if words[0] == "make":
        assert set(words[1:]) <= MAKE_TARGETS, words
    elif words[:2] == ["git", "config"]:
        pass
    elif words[0] == "bash":
        assert (ROOT / words[1]).is_file(), words
    elif words[:3] == [".venv/bin/python", "-m", "generator"] or words[:3] == ["python", "-m", "generator"]:
        assert words[3] in VERBS, words
    else:
        raise AssertionError(f"unexpected command {words}")


def test_workflow_runs_existing_commands_on_pull_requests_and_publishes_main() -> None:
    workflow = load(".github/workflows/ci.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "test", "pages"}
    for job in jobs.values():
        for step in job["steps"]:
            if "run" in step:
                for words in commands_in(step["run"]):
                    assert_command_exists(words)
    steps = [step.get("run", step.get("uses", "")) for step in jobs["check"]["steps"]]
    assert "make check" in steps
    assert any("generator diff" in step for step in steps)
    assert "bash .ci/run" in [step.get("run") for step in jobs["test"]["steps"]]
    assert "make build" in [step.get("run") for step in jobs["test"]["steps"]]
    assert jobs["pages"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs["pages"]["steps"])


def test_issue_form_is_well_formed_and_offers_the_vocabularies(catalogue: Catalogue) -> None:
    form = load(".github/ISSUE_TEMPLATE/propose-scenario.yml")
    assert {"name", "description", "body"} <= set(form)
    ids = [item.get("id") for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] != "markdown":
            assert item["attributes"]["label"]
    by_id = {item.get("id"): item for item in form["body"]}
    for field, vocabulary in (("domain", catalogue.vocabularies.domains), ("capabilities", catalogue.vocabularies.capabilities)):
        offered = [option.split(":")[0] for option in by_id[field]["attributes"]["options"]]
        assert offered == list(vocabulary), f"the {field} options are out of step with the vocabulary"
    required = {key for key, item in by_id.items() if item.get("validations", {}).get("required")}
    assert {"title", "domain", "capabilities", "problem", "requirements", "sources", "provenance"} <= required


def test_pull_request_template_asks_for_the_checks() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "make check" in text and "provenance" in text and "schema" in text


def test_pre_commit_hook_runs_the_checker_on_scenario_files() -> None:
    (hook,) = load(".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert_command_exists(shlex.split(hook["entry"]))
    assert hook["pass_filenames"] is True
    assert re.search(hook["files"], "scenarios/tianmu-nowcasting.yaml")
    assert re.search(hook["files"], "scenarios/vocabularies/domains.yaml")
    assert not re.search(hook["files"], "generator/cli.py")


@pytest.mark.parametrize("heading", ["## English", "## 中文"])
def test_contributing_guide_in_both_languages(heading: str) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    for command in ("make new ID=", "make check", "make serve", "python -m generator diff", "python -m generator schema"):
        assert command in section, command
    for value in ("official", "illustrative", "community"):
        assert f"`{value}`" in section


def test_contributing_guide_names_existing_commands() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8") + (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"`make ([a-z-]+)", text):
        assert target in MAKE_TARGETS, target
    for verb in re.findall(r"python -m generator ([a-z]+)", text):
        assert verb in VERBS, verb


BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (".github/workflows/ci.yml", "vendor.github-workflows"),
        (".github/ISSUE_TEMPLATE/propose-scenario.yml", "vendor.github-issue-forms"),
        (".github/ISSUE_TEMPLATE/config.yml", "vendor.github-issue-config"),
    ],
)
def test_github_files_follow_githubs_own_schemas(path: str, schema: str) -> None:
    """GitHub rejects a workflow or issue form with a wrong key only once it is pushed; check it here."""
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(ROOT / path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_accepts_the_configuration() -> None:
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def workflow_faults(text: str) -> list[str]:
    """What makes a workflow unsafe to run on a pull request: a ${{ }} expression inside a run:
    script (a branch name or title could become a command), an action not pinned to a commit, or
    with no tag comment, and a checkout that leaves the token for the code it checks out."""
    faults = []
    workflow = yaml.safe_load(text)
    lines = text.splitlines()
    for job_name, job in workflow["jobs"].items():
        steps = [*job.get("steps", []), *([{"uses": job["uses"]}] if "uses" in job else [])]
        for number, step in enumerate(steps):
            where = f"{job_name}.steps[{number}]"
            if "${{" in step.get("run", ""):
                faults.append(f"{where}: an expression inside run:, pass it through env:")
            uses = step.get("uses")
            if uses is None or uses.startswith("./"):
                continue
            if not PINNED.match(uses):
                faults.append(f"{where}: {uses} is not pinned to a commit")
            elif not any(re.search(rf"uses: {re.escape(uses)} # v\d", line) for line in lines):
                faults.append(f"{where}: {uses} has no '# vX' comment naming its tag")
            if uses.startswith("actions/checkout@") and step.get("with", {}).get("persist-credentials") is not False:
                faults.append(f"{where}: checkout without persist-credentials: false")
    return faults


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflows_are_safe_to_run_on_pull_requests(path: Path) -> None:
    assert workflow_faults(path.read_text(encoding="utf-8")) == []


def test_the_workflow_check_finds_each_fault() -> None:
    unsafe = """
jobs:
  a:
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065
      - run: echo "${{ github.head_ref }}"
  b:
    uses: octo/reusable/.github/workflows/x.yml@main
"""
    assert workflow_faults(unsafe) == [
        "a.steps[0]: actions/checkout@v4 is not pinned to a commit",
        "a.steps[0]: checkout without persist-credentials: false",
        "a.steps[1]: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 has no '# vX' comment naming its tag",
        "a.steps[2]: an expression inside run:, pass it through env:",
        "b.steps[0]: octo/reusable/.github/workflows/x.yml@main is not pinned to a commit",
    ]


def test_no_test_imports_the_bench() -> None:
    """The suite stands without bench/ (the bench may use tests/, not the other way round); the
    bench's own tests are bench/test_bench.py."""
    importing = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name == "bench" or name.startswith("bench.") for name in names):
                importing.append(path.name)
    assert importing == []
