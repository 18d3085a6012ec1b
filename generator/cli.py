"""`python -m generator VERB`: the command line. The only place that chooses exit codes.

Exit codes: 0 success, 1 problems in the scenario data, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import build, check
from .errors import DataError, Problem, UsageError
from .render import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)  # exits 2 on a usage error
    root = Path(arguments.root).resolve()
    try:
        if not (root / "scenarios").is_dir():
            raise UsageError(f"{root} has no scenarios/ folder; run from the project root or pass --root")
        return int(arguments.run(arguments, root))
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except DataError as error:
        _print_problems(error.problems)
        errors = len(error.errors)
        print(f"{errors} error(s), {len(error.problems) - errors} warning(s); nothing was written", file=sys.stderr)
        return 1


def _check(arguments: argparse.Namespace, root: Path) -> int:
    result = check(root)
    _print_problems(result.warnings)
    count = len(result.catalogue.scenarios)
    print(f"checked {count} scenarios: no errors, {len(result.warnings)} warning(s)", file=sys.stderr)
    return 0


def _build(arguments: argparse.Namespace, root: Path) -> int:
    settings = Settings(directory_urls=not arguments.no_directory_urls, repository=arguments.repository)
    result, report = build(root, settings)
    _print_problems(result.warnings)
    print(
        f"{len(result.catalogue.scenarios)} scenarios: wrote {len(report.written)} file(s), "
        f"deleted {len(report.deleted)}, {report.unchanged} unchanged",
        file=sys.stderr,
    )
    return 0


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        prefix = "warning: " if problem.severity == "warning" else ""
        print(f"{prefix}{problem}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    verbs = parser.add_subparsers(title="verbs", required=True, metavar="VERB")

    def verb(name: str, run, help: str) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        sub = verbs.add_parser(name, help=help, description=help)
        sub.add_argument("--root", default=".", help="project folder holding scenarios/ (default: here)")
        sub.set_defaults(run=run)
        return sub

    verb("check", _check, "validate the scenarios; print every problem as path:line:col: field: message")
    build_verb = verb("build", _build, "validate, then write the Markdown pages of both languages into docs/")
    build_verb.add_argument(
        "--repository",
        default=os.environ.get("CATALOGUE_REPOSITORY") or None,
        help="repository URL for 'edit this scenario' links (default: $CATALOGUE_REPOSITORY)",
    )
    build_verb.add_argument(
        "--no-directory-urls", action="store_true", help="link pages as page.html, for sites read from file://"
    )
    return parser
