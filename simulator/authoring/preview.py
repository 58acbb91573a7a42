"""What preview shows after each reply: the findings, the mood change and the branch."""

from __future__ import annotations

from simulator.conversation.engine import Step


def describe_step(step: Step) -> str:
    lines = []
    for finding in step.findings:
        kind = "+" if finding.polarity == "positive" else "-"
        lines.append(f"   {kind} {finding.rule}: «{finding.quote}»")
    lines.append(
        f"   mood {step.mood_before} → {step.mood_after}"
        + (f" ({'; '.join(step.reasons)})" if step.reasons else "")
    )
    if step.branch is not None:
        condition = (
            step.branch.when.model_dump(exclude_none=True)
            if step.branch.when is not None
            else "fallback"
        )
        why = f" — {step.branch.because}" if step.branch.because else ""
        lines.append(
            f"   → branch {step.branch_index + 1 if step.branch_index is not None else '?'}"
            f" {condition} → {step.branch.goto}{why}"
        )
    else:
        lines.append(f"   → {step.next.node} ({step.next.end})")
    return "\n".join(lines)
