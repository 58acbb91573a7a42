"""A scorecard as plain text for the terminal: scores, then findings turn by turn."""

from __future__ import annotations

from typing import Any

from scoring.findings import DIMENSIONS
from simulator.i18n.labels import label


def _bar(score: int | None, width: int = 20) -> str:
    if score is None:
        return " " * width
    filled = round(score / 100 * width)
    return "█" * filled + "·" * (width - filled)


def render_scorecard(card: dict[str, Any], outcome: str | None = None) -> str:
    """Render a scorecard dictionary (as stored, or from ``Scorecard.to_dict``)."""
    locale = card.get("locale", "en")
    out: list[str] = []
    overall = card.get("overall")
    out.append(
        f"{label('scorecard', locale)} — {label('overall', locale)}: "
        f"{overall if overall is not None else '–'}/100"
    )
    if outcome:
        out.append(f"{label('outcome', locale)}: {label(outcome, locale)}")
    out.append("")
    for name in DIMENSIONS:
        dim = card["dimensions"].get(name, {})
        score = dim.get("score")
        shown = f"{score:3d}" if score is not None else "  –"
        note = (
            f"  ({label('not_scored', locale)}: {label(dim.get('skipped') or '', locale)})"
            if score is None
            else ""
        )
        out.append(f"  {label(name, locale):<18} {_bar(score)} {shown}{note}")
    findings = card.get("findings", [])
    good = [f for f in findings if f["polarity"] == "positive" and f["severity"] == "info"]
    work = [f for f in findings if f not in good]
    if work:
        out += ["", f"{label('to_work_on', locale)}:"]
        for f in work:
            where = (
                f"{label('turn', locale)} {f['turn']}"
                if f["turn"] is not None
                else label("whole_call", locale)
            )
            quote = f" «{f['quote']}»" if f.get("quote") else ""
            out.append(f"  - [{where}] {label(f['dimension'], locale)}:{quote}")
            out.append(f"      {f['message']}")
            if f.get("suggestion"):
                out.append(f"      {label('instead', locale)}: {f['suggestion']}")
    if good:
        out += ["", f"{label('well_done', locale)}:"]
        for f in good:
            where = f"{label('turn', locale)} {f['turn']}" if f["turn"] is not None else ""
            quote = f" «{f['quote']}»" if f.get("quote") else ""
            out.append(f"  + [{where}] {f['message']}{quote}")
    return "\n".join(out)
