"""The agent's replies numbered 1, 2, 3…: how every scorecard, document and export names
the reply a finding, an objective or a comment is about.

Findings, objectives and comments keep the transcript's index of their turn (customer
and agent turns counted together); a person reads the agent's reply number instead, the
first reply being 1, and "whole call" for what no one reply holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from scoring.transcript import Transcript
from simulator.i18n.catalogue import Text


def reply_numbers(transcript: Transcript | None) -> dict[int, int]:
    """Each agent turn's number among the agent's replies (1, 2, 3…), by its index in
    the transcript."""
    if transcript is None:
        return {}
    return {index: n for n, (index, _turn) in enumerate(transcript.agent_turns(), start=1)}


def place(turn: int | None, numbers: Mapping[int, int], t: Text) -> str:
    """Where a finding, an objective or a comment is, in words: "reply 2", or "whole
    call" when it is about no one reply. A turn that is not one of the agent's replies
    (a call whose transcript was not kept) is named by its index, as stored."""
    if turn is None:
        return t("card.whole_call")
    number = numbers.get(turn)
    if number is None:
        return f"{t('word.turn')} {turn}"
    return f"{t('word.reply')} {number}"
