"""How far the scorer agrees with a trainer's labels on labelled calls.

    python benchmarks/scoring_agreement.py [FOLDER ...] [--json] [--misses N]

Each folder holds calls in the transcript format with reference labels (the guide is
``LABELS.md`` beside the shared data): ``labels`` on every agent turn and a ``call``
judgement (a 1–5 rating) per call. By default it reads the shared labelled calls
(``../shared/data/harper-valley`` and ``../shared/data/written-calls`` beside the
checkout) and the project's own (``tests/data/labelled-calls``), skipping any folder
that is absent.

Every call is scored exactly as ``roleplay score`` scores it (bundled rule packs,
default pacing bands) and, per folder and language, it prints:

- the rank correlation (Spearman) of the overall score with the call's rating;
- per empathy behaviour, precision, recall and F1 of the scorer's per-turn evidence
  against the per-turn labels;
- per agent turn, precision and recall of "an avoided phrase was flagged" against
  "the trainer names an avoided family", and the flags on turns labelled ``none``;
- pace findings ("too fast", "speeding up") on turns of fewer than 10 words.

``--misses N`` also lists up to N disagreements per measure, to read (never to copy
into a rule: a rule written for one labelled sentence is overfitting).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring.scorecard import Scorecard  # noqa: E402
from scoring.spoken import words  # noqa: E402
from scoring.transcript import Transcript  # noqa: E402
from simulator.authoring.workspace import Workspace  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_FOLDERS = (
    SHARED / "harper-valley",
    SHARED / "written-calls",
    ROOT / "tests" / "data" / "labelled-calls",
)
# The scorer's empathy categories and the label each one is measured against.
BEHAVIOURS = {
    "acknowledge": "acknowledge",
    "apologise": "apology",
    "reformulate": "reformulation",
    "offer_help": "offer_help",
    "next_step": "next_step",
    "name": "name_used",
}
PACE_RULES = {"pacing.too-fast", "pacing.speeding-up"}
SHORT_TURN = 10


def _ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float | None:
    """Spearman's rank correlation: Pearson's correlation of the ranks."""
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    if not sx or not sy:
        return None
    return sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True)) / (sx * sy)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, expected: bool) -> None:
        self.tp += predicted and expected
        self.fp += predicted and not expected
        self.fn += expected and not predicted

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    """Everything measured on one folder and language."""

    overall: list[float] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)
    behaviours: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    avoided: Counts = field(default_factory=Counts)
    flags_on_none: int = 0
    short_pace_flags: int = 0
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def summary(self) -> dict[str, Any]:
        rho = spearman(self.overall, self.ratings)
        pooled = Counts(
            sum(c.tp for c in self.behaviours.values()),
            sum(c.fp for c in self.behaviours.values()),
            sum(c.fn for c in self.behaviours.values()),
        )
        return {
            "calls": len(self.ratings),
            "spearman": rho,
            "distinct_overall": len(set(self.overall)),
            "behaviours": {
                label: {"p": c.precision, "r": c.recall, "f1": c.f1, "support": c.tp + c.fn}
                for label, c in sorted(self.behaviours.items())
            },
            "behaviours_f1": pooled.f1,
            "avoided": {
                "p": self.avoided.precision,
                "r": self.avoided.recall,
                "support": self.avoided.tp + self.avoided.fn,
            },
            "avoided_flags_on_none": self.flags_on_none,
            "pace_flags_on_short_turns": self.short_pace_flags,
        }


def load_call(path: Path) -> tuple[Transcript, list[dict | None], dict]:
    """The transcript to score, each turn's labels (None for customer turns), the call's
    judgement."""
    data = json.loads(path.read_text(encoding="utf-8"))
    labels = [t.get("labels") if t["speaker"] == "agent" else None for t in data["turns"]]
    turns = [{k: v for k, v in t.items() if k != "labels"} for t in data["turns"]]
    transcript = Transcript.model_validate(
        {k: v for k, v in data.items() if k not in {"labels", "source", "call"}} | {"turns": turns}
    )
    return transcript, labels, data["call"]


def measure(path: Path, card: Scorecard, labels: list[dict | None], tally: Tally) -> None:
    shown: dict[int, set[str]] = defaultdict(set)
    avoided: dict[int, list[str]] = defaultdict(list)
    pace: dict[int, set[str]] = defaultdict(set)
    for finding in card.findings:
        if finding.turn is None:
            continue
        if finding.dimension == "empathy" and finding.polarity == "positive":
            shown[finding.turn].add(finding.category or "")
        elif finding.dimension == "avoided_phrases":
            avoided[finding.turn].append(f"{finding.rule}: {finding.quote}")
        elif finding.rule in PACE_RULES:
            pace[finding.turn].add(finding.rule)
    call = json.loads(path.read_text(encoding="utf-8"))
    for index, label in enumerate(labels):
        if label is None:
            continue
        text = call["turns"][index]["text"]
        where = f"{path.stem}#{index}"
        for category, key in BEHAVIOURS.items():
            predicted, expected = category in shown[index], bool(label.get(key))
            tally.behaviours[key].add(predicted, expected)
            if predicted != expected:
                kind = "missed" if expected else "extra"
                tally.misses[key].append(f"{kind:6} {where}: {text}")
        flagged, expected = bool(avoided[index]), label.get("avoided", "none") != "none"
        tally.avoided.add(flagged, expected)
        if flagged and not expected:
            tally.flags_on_none += 1
        if flagged != expected:
            why = "; ".join(avoided[index]) if flagged else label.get("avoided")
            tally.misses["avoided"].append(
                f"{'extra' if flagged else 'missed':6} {where}: {text}  [{why}]"
            )
        if pace[index] and len(words(text)) < SHORT_TURN:
            tally.short_pace_flags += 1
            tally.misses["pace"].append(f"short  {where}: {text}  {sorted(pace[index])}")


def run(folders: list[Path]) -> dict[str, dict[str, Tally]]:
    workspace = Workspace()
    results: dict[str, dict[str, Tally]] = {}
    for folder in folders:
        calls = sorted((folder / "calls").glob("*.json")) or sorted(folder.glob("*.json"))
        if not calls:
            print(f"skipped {folder}: no labelled calls there", file=sys.stderr)
            continue
        per_locale: dict[str, Tally] = defaultdict(Tally)
        for path in calls:
            transcript, labels, judgement = load_call(path)
            card = workspace.score(transcript)
            tally = per_locale[transcript.locale]
            tally.overall.append(card.overall if card.overall is not None else 0)
            tally.ratings.append(int(judgement["rating"]))
            measure(path, card, labels, tally)
        results[folder.name] = dict(per_locale)
    return results


def _pct(value: float | None) -> str:
    return "  —  " if value is None else f"{value:5.2f}"


def report(results: dict[str, dict[str, Tally]], misses: int) -> None:
    for folder, per_locale in results.items():
        for locale, tally in sorted(per_locale.items()):
            s = tally.summary()
            print(f"\n{folder} [{locale}] — {s['calls']} calls")
            print(
                f"  overall vs rating: Spearman {_pct(s['spearman'])}"
                f"  ({s['distinct_overall']} distinct overall scores)"
            )
            print(f"  empathy behaviours, pooled F1 {_pct(s['behaviours_f1'])}")
            for label, m in s["behaviours"].items():
                print(
                    f"    {label:14} P {_pct(m['p'])}  R {_pct(m['r'])}  F1 {_pct(m['f1'])}"
                    f"  (labelled {m['support']})"
                )
            a = s["avoided"]
            print(
                f"  avoided phrases per turn: P {_pct(a['p'])}  R {_pct(a['r'])}"
                f"  (labelled {a['support']}); flags on turns labelled none:"
                f" {s['avoided_flags_on_none']}"
            )
            print(
                f"  pace findings on turns under {SHORT_TURN} words: {s['pace_flags_on_short_turns']}"
            )
            if misses:
                for key, lines in sorted(tally.misses.items()):
                    print(f"  -- {key} disagreements ({len(lines)}):")
                    for line in lines[:misses]:
                        print(f"     {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", type=int, default=0, help="list disagreements")
    args = parser.parse_args()
    folders = args.folders or [f for f in DEFAULT_FOLDERS if f.exists()]
    results = run(folders)
    if args.json:
        print(
            json.dumps(
                {f: {loc: t.summary() for loc, t in p.items()} for f, p in results.items()},
                indent=2,
            )
        )
    else:
        report(results, args.misses)


if __name__ == "__main__":
    main()
