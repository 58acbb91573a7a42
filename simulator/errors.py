"""The one error root of the product.

Every mistake a person can make (a malformed scenario, a missing file, a bad
transcript) is raised as a :class:`SimulatorError`. The CLI prints it in plain
words, in the interface language, and exits with status 2; the UI shows it in a
notification. Anything else that escapes is a bug in roleplay, not in the user's input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.quoting import quoted
from simulator.i18n.catalogue import FALLBACK, Phrase, worded

EXIT_USER_ERROR = 2

__all__ = [
    "EXIT_USER_ERROR",
    "InvalidFileError",
    "Phrase",
    "Problem",
    "SimulatorError",
    "quoted",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file a person wrote, worded when shown (:meth:`render`).

    ``message`` and ``suggestion`` are catalogue phrases (``problem.*``); a plain string is
    text roleplay did not write (a parser's own English for a rare case), shown as is.
    A ``warning`` does not stop the file from loading: it says what will not work as meant.
    """

    file: str
    message: Phrase | str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    suggestion: Phrase | str | None = None
    warning: bool = False

    def render(self, locale: str) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: "
        if self.warning:
            text += f"{worded(Phrase('author.warning'), locale)}: "
        if self.key:
            key = self.key if self.key.isprintable() else repr(self.key)[1:-1]
            text += f"{key if len(key) <= 80 else key[:79] + '…'}: "
        text += str(worded(self.message, locale))
        if self.suggestion:
            text += f" ({worded(self.suggestion, locale)})"
        return text

    def __str__(self) -> str:
        return self.render(FALLBACK)


def _restore(cls: type[SimulatorError], state: dict[str, object]) -> SimulatorError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


class SimulatorError(Exception):
    """A user-facing error: a catalogue key (``error.*``) and its values, worded in the
    reader's language when shown (:meth:`render`). ``message`` is the English wording,
    for logs and for code that does not know the reader's language."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.phrase = Phrase(key, **values)

    @property
    def key(self) -> str:
        return self.phrase.key

    def render(self, locale: str) -> str:
        return self.phrase.render(locale)

    @property
    def message(self) -> str:
        return self.render(FALLBACK)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # The key and its values live in attributes, not in ``args``: a worker process
        # hands the whole error back, not just its key.
        return (_restore, (type(self), self.__dict__))


@dataclass
class InvalidFileError(SimulatorError):
    """One or more problems found in a file a person wrote (scenario, rule pack, transcript).

    ``kind`` is the catalogue key naming that kind of file (``problem.kind.*``).
    """

    problems: list[Problem] = field(default_factory=list)
    kind: str = "problem.kind.file"

    def __post_init__(self) -> None:
        count = len(self.problems)
        header = "problem.header_one" if count == 1 else "problem.header_many"
        SimulatorError.__init__(self, header, count=count, kind=Phrase(self.kind))

    def render(self, locale: str) -> str:
        lines = [self.phrase.render(locale), *(f"  {p.render(locale)}" for p in self.problems)]
        return "\n".join(lines)
