"""The avoided-phrases packs against the guide's "what not to say / what to say" table.

The French table is read from the guide itself (the seed text shared next to the
repository), so the pack is checked against the source it was written from:
every phrase of "Ce qu'il ne faut pas dire" must be flagged by the matching rule,
and no "Quoi dire" line may be flagged at all. The English pack is checked the
same way against an English rendering of the table kept here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.rules import CompiledRule
from simulator.authoring.packs import rules_for

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TABLE_HEADER = "Ce qu'il ne faut pas dire"

# The rule written for each row of the table, in the table's order.
FR_RULES = [
    "je-ne-sais-pas",
    "je-m-en-fiche",
    "pas-derange",
    "je-ne-vous-aime-pas",
    "je-sais-tout",
    "ne-revenez-pas",
    "j-ai-raison",
    "depechez-attendez",
]

EN_TABLE = [
    # (rule, what not to say, what to say)
    (
        "i-dont-know",
        "I don't know…",
        "Would you mind waiting a minute? I'll do my best to find out…",
    ),
    (
        "i-dont-care",
        "I don't care…",
        "I'm sorry to have kept you waiting, how can I help you?",
    ),
    (
        "cant-be-bothered",
        "I can't be bothered…",
        "Sir, please give me two minutes while I finish this and I'll be right with you.",
    ),
    (
        "dont-like-you",
        "I don't like you… / We don't like your kind here…",
        "Madam, I'm afraid your request is difficult for us to accept. But this is what we can do…",
    ),
    (
        "know-it-all",
        "I know everything… / You know nothing…",
        "Madam, I think there's been a misunderstanding. We only offer replacements, not refunds.",
    ),
    (
        "dont-come-back",
        "Don't come back…",
        "I'm sorry if you feel this way about our service. "
        "But please calm down so that I can help you.",
    ),
    (
        "im-right-youre-wrong",
        "I'm right and you're wrong…",
        "I recognise you have a point, sir. "
        "However, I'm afraid we can't meet your request because…",
    ),
    (
        "hurry-up-wait",
        "Hurry up… / Wait…",
        "Madam, I'm really sorry to rush you, but there are other people I need to help. "
        "Would you be willing to wait two minutes?",
    ),
]


# The guide's advice for "Ne reviens pas" asks the customer to calm down, which the packs
# flag (telling an upset customer to calm down inflames them): that row's advice may be
# flagged by this rule only, and its suggestion keeps the advice's opening without it.
REWORDED = {"ne-revenez-pas": "calmez-vous", "dont-come-back": "calm-down"}


def _seed_rows() -> list[tuple[str, str, str]]:
    """The (avoid, why, say) rows of the table in the seed that holds it."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not available ({SEEDS})")
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith(TABLE_HEADER)]
        if starts:
            break
    else:
        pytest.skip(f"no seed in {SEEDS} holds the table {TABLE_HEADER!r}")
    cells: list[str] = []
    # the header, then a "---|---|---|" line, then one cell per line, each ending in "|"
    for line in lines[starts[0] + 2 :]:
        if not line.rstrip().endswith("|"):
            break
        cells.append(line.rstrip().removesuffix("|").strip())
    assert cells and len(cells) % 3 == 0, f"{path.name}: the table is not made of 3-cell rows"
    return [(cells[i], cells[i + 1], cells[i + 2]) for i in range(0, len(cells), 3)]


def _phrases(cell: str) -> list[str]:
    """'Dépêchez-vous… / Attendez…' holds two phrases."""
    return [p.strip() for p in cell.split(" / ") if p.strip()]


def _avoided(locale: str) -> list[CompiledRule]:
    return rules_for(locale).for_dimension("avoided_phrases")


def _flagged_by(rules: list[CompiledRule], text: str) -> dict[str, list[str]]:
    found = {rule.id: [hit.quote for hit in rule.hits(text)] for rule in rules}
    return {rule_id: quotes for rule_id, quotes in found.items() if quotes}


def test_seed_table_has_a_rule_per_row() -> None:
    rows = _seed_rows()
    assert len(rows) == len(FR_RULES)
    ids = {rule.id for rule in _avoided("fr")}
    assert set(FR_RULES) <= ids


def test_each_seed_phrase_to_avoid_is_flagged_by_its_rule() -> None:
    rules = _avoided("fr")
    for rule_id, (avoid, _, _) in zip(FR_RULES, _seed_rows(), strict=True):
        for phrase in [avoid, *_phrases(avoid)]:
            flagged = _flagged_by(rules, phrase)
            assert rule_id in flagged, f"{phrase!r} should be flagged by {rule_id}: {flagged}"


def test_no_seed_wording_to_use_is_flagged() -> None:
    rules = _avoided("fr")
    for rule_id, (_, _, say) in zip(FR_RULES, _seed_rows(), strict=True):
        flagged = _flagged_by(rules, say)
        assert set(flagged) <= {REWORDED.get(rule_id)}, f"the guide's advice {say!r}: {flagged}"


@pytest.mark.parametrize(("rule_id", "avoid", "say"), EN_TABLE, ids=[r for r, _, _ in EN_TABLE])
def test_english_table(rule_id: str, avoid: str, say: str) -> None:
    rules = _avoided("en")
    for phrase in [avoid, *_phrases(avoid)]:
        flagged = _flagged_by(rules, phrase)
        assert rule_id in flagged, f"{phrase!r} should be flagged by {rule_id}: {flagged}"
    flagged = _flagged_by(rules, say)
    assert set(flagged) <= {REWORDED.get(rule_id)}, f"{say!r} is what to say, yet: {flagged}"


def test_substitutions_suggest_the_tables_wording() -> None:
    """Each table rule suggests its row's "what to say" (the first swap entry)."""
    fr = {rule.id: rule for rule in _avoided("fr")}
    for rule_id, (avoid, _, say) in zip(FR_RULES, _seed_rows(), strict=True):
        hits = fr[rule_id].hits(_phrases(avoid)[0])
        if rule_id in REWORDED:
            opening = say.split(". ")[0]
            assert _comparable(hits[0].suggestion).startswith(_comparable(opening)), rule_id
            assert not _flagged_by(list(fr.values()), hits[0].suggestion or ""), rule_id
            continue
        assert _comparable(hits[0].suggestion) == _comparable(say), rule_id


def _comparable(text: str | None) -> str:
    """Wording without punctuation and spacing, to compare advice with the guide's."""
    return "".join(c for c in (text or "").lower() if c.isalnum())
