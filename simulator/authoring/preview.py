"""What preview shows after each reply: the findings, the mood change and the branch, the
branch's conditions written in words in the reader's language."""

from __future__ import annotations

from scoring.quoting import in_quotes
from simulator.conversation.engine import Step
from simulator.conversation.scenario import Condition
from simulator.errors import quoted
from simulator.i18n.catalogue import Phrase, Text


def _joined(parts: list[str], key: str, t: Text) -> str:
    """ "a, b and c" (``author.when.and``) or "a, b or c" (``author.when.or``)."""
    if len(parts) < 2:
        return "".join(parts)
    return t(key, first=", ".join(parts[:-1]), last=parts[-1])


def describe_condition(when: Condition | None, t: Text) -> str:
    """A branch's ``when`` in words: "at least 2 signs of empathy and no phrase to avoid
    was said"; a branch without one applies otherwise."""
    if when is None:
        return t("author.when.otherwise")
    said: list[str] = []
    for key, value in when.model_dump(exclude_none=True).items():
        if key in ("avoided_phrase", "silent"):
            said.append(t(f"author.when.{key}.{str(value).lower()}"))
        elif key == "empathy":
            parts = [t(f"author.empathy.{part}") for part in value]
            said.append(t("author.when.empathy", parts=_joined(parts, "author.when.or", t)))
        elif key == "empathy_min":
            one, many = "author.when.empathy_min.one", "author.when.empathy_min.many"
            said.append(t.plural(value, one, many))
        elif key == "says":
            patterns = [quoted(p) for p in value]
            said.append(t("author.when.says", patterns=_joined(patterns, "author.when.or", t)))
        elif key == "interrupted":
            said.append(t(f"author.when.interrupted.{value}"))
        elif key in ("mood_below", "mood_at_least"):
            said.append(t(f"author.when.{key}", value=value))
        elif key == "objectives":
            names = [quoted(o) for o in value]
            said.append(t("author.when.objectives", names=_joined(names, "author.when.and", t)))
        else:  # a condition newer than these words: its key and value, as written
            said.append(t("author.when.other", key=key, value=value))
    return _joined(said, "author.when.and", t) if said else t("author.when.otherwise")


def describe_step(step: Step, locale: str) -> str:
    t = Text(locale)
    lines = []
    for finding in step.findings:
        kind = "+" if finding.polarity == "positive" else "-"
        lines.append(f"   {kind} {finding.rule}: {in_quotes(finding.quote, locale)}")
    mood = t("author.preview.mood", before=step.mood_before, after=step.mood_after)
    lines.append(f"   {mood}" + (f" ({'; '.join(step.reasons)})" if step.reasons else ""))
    if step.branch is not None:
        number = step.branch_index + 1 if step.branch_index is not None else "?"
        condition = describe_condition(step.branch.when, t)
        branch = t(
            "author.preview.branch", number=number, condition=condition, node=step.branch.goto
        )
        why = f" — {step.branch.because}" if step.branch.because else ""
        lines.append(f"   {branch}{why}")
    elif step.next.end is not None:
        ending = Phrase(f"outcome.{step.next.end}")
        lines.append(f"   {t('author.preview.ends', node=step.next.node, outcome=ending)}")
    else:
        lines.append(f"   {t('author.preview.stays', node=step.next.node)}")
    return "\n".join(lines)
