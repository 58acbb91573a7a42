"""The one error root of the product.

Every mistake a person can make (a malformed scenario, a missing file, a bad
transcript) is raised as a :class:`SimulatorError`. The CLI prints it in plain
words and exits with status 2; the UI shows it in a dialog. Anything else that
escapes is a bug in roleplay, not in the user's input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.quoting import quoted

EXIT_USER_ERROR = 2

__all__ = ["EXIT_USER_ERROR", "InvalidFileError", "Problem", "SimulatorError", "quoted"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file a person wrote."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: "
        if self.key:
            key = self.key if self.key.isprintable() else repr(self.key)[1:-1]
            text += f"{key if len(key) <= 80 else key[:79] + '…'}: "
        text += self.message
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text


class SimulatorError(Exception):
    """A user-facing error: a short title and a message that says how to fix it."""

    def __init__(self, message: str, title: str = "roleplay error") -> None:
        super().__init__(message)
        self.message = message
        self.title = title


@dataclass
class InvalidFileError(SimulatorError):
    """One or more problems found in a file a person wrote (scenario, rule pack, transcript)."""

    problems: list[Problem] = field(default_factory=list)
    kind: str = "file"

    def __post_init__(self) -> None:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {self.kind}"
        body = "\n".join(f"  {p}" for p in self.problems)
        SimulatorError.__init__(self, f"{head}:\n{body}", title=f"Invalid {self.kind}")

    def __str__(self) -> str:
        return self.message
