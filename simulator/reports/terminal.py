"""A scorecard as plain text for the terminal: scores, then findings reply by reply."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.findings import DIMENSIONS
from scoring.quoting import in_quotes
from scoring.transcript import Transcript
from simulator.i18n.catalogue import Text
from simulator.reports.replies import place, reply_numbers


def _bar(score: int | None, width: int = 20) -> str:
    if score is None:
        return " " * width
    filled = round(score / 100 * width)
    return "█" * filled + "·" * (width - filled)


def _where(finding: Mapping[str, Any], numbers: Mapping[int, int], t: Text) -> str:
    """The reply a finding is about, or the whole call."""
    return place(finding.get("turn"), numbers, t)


def render_scorecard(
    card: dict[str, Any], outcome: str | None = None, transcript: Transcript | None = None
) -> str:
    """Render a scorecard dictionary (as stored, or from ``Scorecard.to_dict``), in the
    call's language; with the call's ``transcript``, findings and objectives name the
    agent's reply they are about (1, 2, 3…)."""
    t = Text(card.get("locale", "en"))
    numbers = reply_numbers(transcript)
    out: list[str] = []
    overall = card.get("overall")
    out.append(
        f"{t('card.scorecard')} — {t('card.overall')}: "
        f"{overall if overall is not None else '–'}/100"
    )
    unheard = bool(card.get("words_unheard"))
    if outcome:
        judged = f" ({t('card.outcome_not_judged')})" if unheard else ""
        out.append(f"{t('card.outcome')}: {t.named('outcome', outcome)}{judged}")
    if unheard:
        out.append(t("card.words_unheard"))
    objectives = card.get("objectives") or []
    if objectives:
        out += ["", f"{t('call.objectives')}:"]
        for o in objectives:
            where = f" ({place(o['turn'], numbers, t)})" if o.get("turn") is not None else ""
            out.append(f"  {'✓' if o['met'] else '✗'} {o['text']}{where}")
    out.append("")
    for name in DIMENSIONS:
        dim = card["dimensions"].get(name, {})
        score = dim.get("score")
        shown = f"{score:3d}" if score is not None else "  –"
        note = (
            f"  ({t('card.not_scored')}: {t.named('skipped', dim.get('skipped') or '')})"
            if score is None
            else ""
        )
        out.append(f"  {t(f'dimension.{name}'):<18} {_bar(score)} {shown}{note}")
    findings = card.get("findings", [])
    good = [f for f in findings if f["polarity"] == "positive" and f["severity"] == "info"]
    work = [f for f in findings if f not in good]
    if work:
        out += ["", f"{t('card.to_work_on')}:"]
        for f in work:
            where = _where(f, numbers, t)
            quote = f" {in_quotes(f['quote'], t.locale)}" if f.get("quote") else ""
            out.append(f"  - [{where}] {t.named('dimension', f['dimension'])}:{quote}")
            out.append(f"      {f['message']}")
            if f.get("suggestion"):
                out.append(f"      {t('card.instead')}: {f['suggestion']}")
    if good:
        out += ["", f"{t('card.well_done')}:"]
        for f in good:
            where = _where(f, numbers, t)
            quote = f" {in_quotes(f['quote'], t.locale)}" if f.get("quote") else ""
            out.append(f"  + [{where}] {f['message']}{quote}")
    return "\n".join(out)
