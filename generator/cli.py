"""`python -m generator VERB`: the command line. The only place that chooses exit codes.

Exit codes: 0 success, 1 problems in the scenario data, 2 the command was used wrongly, 3 the
machine failed the run (a file it may not read, a full disk): nothing wrong with the data, fix
the machine and run again.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import schema
from .addresses import Settings
from .build import build, check, vocabularies
from .bundle import bundle
from .characters import printable
from .diff import diff
from .errors import DataError, MachineError, Problem, UsageError
from .scaffold import check_id, new_scenario

FORMATS = ("text", "github", "json")
VERBS = ("check", "build", "new", "schema", "diff", "bundle")
EXIT_DATA, EXIT_USAGE, EXIT_MACHINE = 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)  # exits 2 on a usage error
    try:
        return _run(arguments, Path(arguments.root).resolve(), Output(arguments.format))
    except BrokenPipeError:  # the reader of the output went away (`| head`): nobody is left to tell
        _silence_stdout()
        return EXIT_MACHINE


def _run(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    """Run the verb; say what went wrong, if anything, and choose the exit code."""
    try:
        if not (root / "scenarios").is_dir():
            raise UsageError(f"{root} has no scenarios/ folder; run from the project root or pass --root")
        _check_named_files(arguments, root)
        return int(arguments.run(arguments, root, output))
    except UsageError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except MachineError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_MACHINE
    except BrokenPipeError:
        raise
    except OSError as error:  # writing the pages, the schema, a new scenario
        print(f"error: {_machine_failure(error, root, arguments)}", file=sys.stderr)
        return EXIT_MACHINE
    except DataError as error:
        if arguments.verb == "diff":  # its output is Markdown for a page reviewers read: no data there
            print(f"**The scenario files have {len(error.errors)} problem(s)**; the check step lists them.")
            output = Output("text", sys.stderr)
        shown = _only(error.problems, arguments, root)
        if not any(p.severity == "error" for p in shown):  # the named files are fine, the catalogue is not: say where
            shown = error.problems
        output.problems(shown)
        errors = len(error.errors)
        elsewhere = f" ({len(error.problems) - len(shown)} in files not named)" if len(shown) < len(error.problems) else ""
        print(f"{errors} error(s), {len(error.problems) - errors} warning(s){elsewhere}; nothing was written", file=sys.stderr)
        return EXIT_DATA


def _machine_failure(error: OSError, root: Path, arguments: argparse.Namespace) -> MachineError:
    """`error` as a failure of the machine, naming the file (from the project's folder) or the verb."""
    if error.filename is None:
        return MachineError.of(error, f"generator {arguments.verb}")
    path = Path(os.fsdecode(error.filename))
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return MachineError.of(error, shown + "/" if path.is_dir() else shown)


def _silence_stdout() -> None:
    """Point stdout at nothing, so that Python's own flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


class Output:
    """Prints problems as text lines, GitHub Actions annotations or JSON."""

    def __init__(self, format: str | None, stream: TextIO | None = None) -> None:
        self.format = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
        self.stream = stream

    def problems(self, problems: list[Problem]) -> None:
        stream = self.stream or sys.stdout  # looked up when printing: tests and callers may replace it
        if self.format == "json":
            shown = [{k: printable(v) if isinstance(v, str) else v for k, v in dataclasses.asdict(p).items()} for p in problems]
            print(json.dumps(shown, ensure_ascii=False, indent=2), file=stream)
            return
        for problem in problems:
            if self.format == "github":
                title = _escape(printable(problem.field or problem.path), properties=True)
                where = f"file={_escape(printable(problem.path), True)},line={problem.line},col={problem.column},title={title}"
                print(f"::{problem.severity} {where}::{_escape(str(problem), properties=False)}", file=stream)
            else:
                print(problem, file=stream)


def _escape(text: str, properties: bool) -> str:
    """GitHub workflow-command escaping."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def _check_named_files(arguments: argparse.Namespace, root: Path) -> None:
    """Files named on the command line must be files of this project's scenarios/ folder."""
    folder = (root / "scenarios").resolve()
    for name in getattr(arguments, "files", None) or []:
        path = Path(name).resolve()
        if not path.is_relative_to(folder):
            raise UsageError(f"{name} is not in {folder}; name files of the scenarios/ folder")
        if not path.is_file():
            raise UsageError(f"{name} does not exist")


def _only(problems: list[Problem], arguments: argparse.Namespace, root: Path) -> list[Problem]:
    """The problems in the files named on the command line (all of them if none was named)."""
    files = getattr(arguments, "files", None)
    if not files:
        return problems
    named = {Path(file).resolve().relative_to(root).as_posix() for file in files}
    return [p for p in problems if p.path in named]


def _check(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    result = check(root)
    # A vocabulary edited without `make schema`: editors' completion and the field reference lag behind
    late = "out of date with the model and the vocabularies; run `make schema` and commit it"
    warnings = [Problem(name, 1, 1, "", late, "warning") for name in schema.stale(root, result.catalogue.vocabularies)]
    warnings += _only(result.warnings, arguments, root)
    output.problems(warnings)
    print(f"checked {len(result.catalogue.scenarios)} scenarios: no errors, {len(warnings)} warning(s)", file=sys.stderr)
    return 0


def _build(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    try:
        settings = Settings(
            directory_urls=not arguments.no_directory_urls,
            repository=arguments.repository,
            engine=arguments.engine,
            site_url=arguments.site_url,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    result, rendered = build(root, settings)
    output.problems(result.warnings)
    pages = sum(len(site.pages) for site in rendered.values())
    print(f"{len(result.catalogue.scenarios)} scenarios: wrote {pages} pages into docs/en and docs/zh", file=sys.stderr)
    return 0


def _new(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    check_id(arguments.id)  # before the id becomes part of a path
    target = root / "scenarios" / f"{arguments.id}.yaml"
    if target.exists():
        raise UsageError(f"scenarios/{arguments.id}.yaml already exists; choose another id, or edit that file")
    # Only the vocabularies: a half-written scenario elsewhere must not stop the next one.
    text = new_scenario(arguments.id, arguments.domain, vocabularies(root), dt.date.today())
    target.write_text(text, encoding="utf-8")
    print(f"wrote scenarios/{arguments.id}.yaml: replace every TODO, then run `make check`", file=sys.stderr)
    return 0


def _schema(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    schema.write(root, vocabularies(root))
    print(
        "wrote schema/scenario.schema.json, schema/catalogue.schema.json and the field reference in CONTRIBUTING.md",
        file=sys.stderr,
    )
    return 0


def _diff(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    print(diff(root, arguments.revision, dt.date.today()), end="")
    return 0


def _bundle(arguments: argparse.Namespace, root: Path, output: Output) -> int:
    site, target = Path(arguments.site), Path(arguments.zip)
    try:
        count = bundle(site, target, arguments.folder or target.stem)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    print(f"wrote {target} ({count} files, {target.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


Verb = Callable[[argparse.Namespace, Path, Output], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Check the scenario files and generate the catalogue's pages in English and Chinese.",
        epilog="Exit codes: 0 success, 1 problems in the scenario data, 2 usage error, 3 the machine failed (a file that cannot be read, a full disk).",
    )
    verbs = parser.add_subparsers(title="verbs", required=True, metavar="VERB")

    def verb(name: str, run: Verb, help: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help, description=help)
        sub.add_argument("--root", default=".", help="project folder holding scenarios/ (default: here)")
        sub.add_argument("--format", choices=FORMATS, help="how to print problems (default: github on GitHub Actions, else text)")
        sub.set_defaults(run=run, verb=name)
        return sub

    check_verb = verb("check", _check, "validate the scenarios; print every problem as path:line:col: field: message")
    check_verb.add_argument("files", nargs="*", help="report only the problems in these files (all files are still checked)")

    build_verb = verb(
        "build",
        _build,
        "validate, then write the pages of both languages as files into docs/en and docs/zh, for an engine that runs no hooks "
        "(Zensical); MkDocs needs none of this, its hook hands it the pages",
    )
    build_verb.add_argument(
        "--repository",
        default=os.environ.get("CATALOGUE_REPOSITORY") or None,
        help="repository URL for 'edit this scenario' links (default: $CATALOGUE_REPOSITORY)",
    )
    build_verb.add_argument(
        "--site-url",
        default=os.environ.get("CATALOGUE_SITE_URL") or None,
        help="the published English site's address, for absolute links in feeds and the spreadsheet (default: $CATALOGUE_SITE_URL)",
    )
    build_verb.add_argument(
        "--no-directory-urls", action="store_true", help="link pages as page.html, for sites read from file://"
    )
    build_verb.add_argument(
        "--engine",
        choices=("zensical", "mkdocs"),
        default="zensical",
        help="the engine that will read the files: links in raw HTML differ (default: zensical)",
    )

    new_verb = verb("new", _new, "write scenarios/ID.yaml from a commented template to fill in")
    new_verb.add_argument("id", help="the new scenario's id, e.g. bus-lane-watch")
    new_verb.add_argument("--domain", required=True, help="a key of scenarios/vocabularies/domains.yaml")

    verb("schema", _schema, "write the JSON Schemas derived from the model into schema/")

    diff_verb = verb("diff", _diff, "print, as Markdown, how the scenarios changed since a git revision")
    diff_verb.add_argument("revision", help="a git revision, e.g. origin/main")

    bundle_verb = verb("bundle", _bundle, "zip a site built for file:// (make offline) into one archive")
    bundle_verb.add_argument("site", help="the built site folder, English at its root and Chinese in zh/")
    bundle_verb.add_argument("zip", help="the archive to write, e.g. dist/catalogue-offline.zip")
    bundle_verb.add_argument("--folder", help="top folder inside the archive (default: the archive's name)")
    return parser
