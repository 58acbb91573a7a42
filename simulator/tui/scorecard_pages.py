"""What the scorecard's tabs say, as Rich markup: the objectives met or missed with the
reply that met them, the whole conversation with the agent's replies numbered, the
scenario's model answer, and this attempt against the previous one."""

from __future__ import annotations

from rich.markup import escape

from scoring.findings import DIMENSIONS
from scoring.quoting import in_quotes
from simulator.analytics.progress import Change, Progress
from simulator.conversation.scenario import Scenario
from simulator.i18n.catalogue import Text
from simulator.reports.replies import place, reply_numbers
from simulator.store.records import ObjectiveRecord, SessionRecord

QUOTE = 60
"""How much of a reply an objective quotes."""


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE else text[: QUOTE - 1].rstrip() + "…"


def _where(objective: ObjectiveRecord, session: SessionRecord, t: Text) -> str:
    """The reply that met an objective (or broke one to avoid), quoted."""
    if objective.turn is None:
        return ""
    transcript = session.transcript
    numbers = reply_numbers(transcript)
    number = numbers.get(objective.turn)
    if number is None or transcript is None:
        return f" — {escape(place(objective.turn, numbers, t))}"
    said = in_quotes(_quote(transcript.turns[objective.turn].text), t.locale)
    key = "ui.objective_met_by" if objective.met else "ui.objective_broken_by"
    return f" — {escape(t(key, reply=number, said=said))}"


def objectives_page(session: SessionRecord, t: Text) -> str:
    """Each checked objective, ✓ met or ✗ missed, with the reply that shows it."""
    objectives = session.scorecard.objectives if session.scorecard else []
    if not objectives and session.scorecard is not None and session.scorecard.words_unheard:
        return escape(t("card.words_unheard"))  # the objectives could not be checked
    if not objectives:
        return t("ui.no_objectives")
    met = sum(o.met for o in objectives)
    lines = [f"[b]{t('ui.objectives_count', met=met, total=len(objectives))}[/b]", ""]
    for objective in objectives:
        mark = "[green]✓[/]" if objective.met else "[red]✗[/]"
        lines.append(f"{mark} {escape(objective.text)}{_where(objective, session, t)}")
    return "\n".join(lines)


def transcript_page(session: SessionRecord, t: Text) -> str:
    """The whole conversation, the agent's replies numbered, each followed by the
    objectives it met."""
    transcript = session.transcript
    if transcript is None or not transcript.turns:
        return t("ui.no_transcript")
    numbers = reply_numbers(transcript)
    met_by: dict[int, list[str]] = {}
    for objective in session.scorecard.objectives if session.scorecard else []:
        if objective.met and objective.turn is not None:
            met_by.setdefault(objective.turn, []).append(objective.text)
    lines = []
    for index, turn in enumerate(transcript.turns):
        if turn.speaker == "agent":
            lines.append(
                f"[b cyan]{numbers[index]}. {t('word.you')}:[/] {escape(turn.text or '…')}"
            )
            lines += [f"   [green]✓ {escape(text)}[/]" for text in met_by.get(index, [])]
        else:
            lines.append(f"[b magenta]{t('word.customer')}:[/] {escape(turn.text)}")
        lines.append("")
    return "\n".join(lines).rstrip()


def model_answer_page(scenario: Scenario | None, t: Text, can_listen: bool) -> str:
    """The scenario's good example run, its replies numbered."""
    example = scenario.model_answer() if scenario else None
    if example is None:
        return t("ui.no_model")
    lines = [f"[b]{escape(t('ui.model_intro', name=example.name))}[/b]", ""]
    for n, reply in enumerate(example.replies, start=1):
        lines += [f"[b cyan]{n}.[/] {escape(reply.strip())}", ""]
    if can_listen:
        lines.append(f"[i]{t('ui.model_listen')}[/i]")
    return "\n".join(lines).rstrip()


def _figure(value: float | None, width: int = 0) -> str:
    return f"{'–' if value is None else f'{value:.0f}':>{width}}"


def then_and_now(figure: Change, total: int | None = None, width: int = 0) -> str:
    """ "62 → 78 (+16)": then, now and the difference, when both are known; each figure
    right-aligned in ``width`` for a table."""
    out_of = f"/{total}" if total else ""
    then, now = _figure(figure.before, width), _figure(figure.after, width)
    shown = f"{then}{out_of} → {now}{out_of}"
    delta = figure.delta
    return shown if delta is None else f"{shown} ({delta:+.0f})"


def progress_line(progress: Progress | None, t: Text) -> str:
    """One line for the top of the scorecard: the overall, then and now."""
    if progress is None:
        return ""
    return t("ui.progress_line", what=t("card.overall"), change=then_and_now(progress.overall))


def progress_page(progress: Progress | None, t: Text) -> str:
    """This attempt against the previous one: overall, each dimension, objectives met."""
    if progress is None:
        return t("ui.first_attempt")
    previous = progress.previous
    when = previous.started_at[:16].replace("T", " ")
    rows = [(t("card.overall"), then_and_now(progress.overall, width=3))]
    rows += [
        (t(f"dimension.{d}"), then_and_now(progress.dimensions[d], width=3)) for d in DIMENSIONS
    ]
    objectives = then_and_now(progress.objectives, progress.objectives_total, width=3)
    rows.append((t("ui.objectives_met"), objectives))
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"[b]{escape(t('ui.compared_with', date=when))}[/b]", ""]
    lines += [f"{escape(f'{label:<{width}}')}{shown}" for label, shown in rows]
    return "\n".join(lines)
