"""What can go wrong, as values. Library code raises these; only the CLI and the hook pick exit codes."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Literal

from .characters import printable

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file, in the words a contributor can act on."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        """The problem on one line, for a terminal: a control character from the data (in a
        file name, a key, a quoted value) is shown as an escape, never acted on. A warning says so
        after its place, as compilers do, so an editor that reads 'path:line:col:' finds it too."""
        where = f"{self.path}:{self.line}:{self.column}" + (": warning" if self.severity == "warning" else "")
        return printable(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}")


def shortened(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, '...' marking the cut: a value or a field's name quoted in
    a message, which must fit on a line however long the data made it."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


class DataError(Exception):
    """The scenario data has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the scenario data")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class UsageError(Exception):
    """The command was called wrongly (exit 2), as opposed to the data being wrong (exit 1)."""


class MachineError(Exception):
    """The machine let the run down (exit 3): a file or folder that cannot be read, a full disk.
    Neither the data nor the command is at fault; the message says what failed and what to do."""

    @classmethod
    def of(cls, error: OSError, what: str) -> MachineError:
        """The failure `error` of the operating system on `what` (a path, or what was being done)."""
        advice = _ADVICE.get(error.errno or 0, "check the disk and the permissions of the project's folder, then run again")
        return cls(printable(f"{what}: {error.strerror or error}; {advice}"))


_PERMISSIONS = "check that your user may read and write the project's files (ls -l), then run again"
_ADVICE = {
    errno.ENOSPC: "free some disk space, then run again",
    errno.EDQUOT: "your disk quota is used up; free some space, then run again",
    errno.EACCES: _PERMISSIONS,
    errno.EPERM: _PERMISSIONS,
    errno.EROFS: "the file system is read-only; run in a writable copy of the project",
    errno.EIO: "the disk reported an input/output error; check the disk, then run again",
    errno.EMFILE: "too many files are open; raise the limit (ulimit -n) or close programs, then run again",
    errno.ENFILE: "too many files are open; raise the limit (ulimit -n) or close programs, then run again",
    errno.ENOMEM: "the machine is out of memory; free some, then run again",
}
