"""How each of the four customer types reacts to what the agent does.

The seed's four types: the *active hater* who dislikes you whatever you do, the
*extreme critic* who notices every mistake, the *loyal customer now irritated*
who wonders whether to leave, and the *passionate loyal* customer whose
complaint is a crack in the door for competitors. Mood runs from 0 (furious) to
100 (delighted).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.conversation.scenario import Persona


@dataclass(frozen=True)
class Reactions:
    """Mood change for each thing the agent can do, and when the customer gives up."""

    per_empathy: int
    """For each part of empathy shown in a reply."""
    next_step: int
    """Extra for a concrete next step (what, when, who)."""
    per_avoided_phrase: int
    """For each phrase to avoid."""
    talk_over_core: int
    """For cutting into the complaint itself."""
    steer_with_name: int
    """For politely steering a digression back with their name."""
    silence: int
    """For saying nothing."""
    drift: int
    """Each turn, whatever the agent does."""
    hangup_below: int
    """They hang up when their mood falls below this."""
    talks_over: bool
    """With voice: they keep talking when the agent barges in."""


PERSONAS: dict[Persona, Reactions] = {
    # Nothing is ever enough: empathy barely registers, mistakes cost a lot.
    "active_hater": Reactions(2, 4, -25, -15, 0, -10, -2, 5, True),
    # Notices every error; respects facts and concrete steps.
    "extreme_critic": Reactions(4, 10, -15, -10, 2, -8, 0, 5, False),
    # Wants to be heard and won back: empathy and service recovery work.
    "loyal_irritated": Reactions(8, 10, -12, -8, 4, -5, 0, 3, False),
    # Still fond of you; a careless word is a crack in the door.
    "passionate_loyal": Reactions(6, 12, -20, -6, 4, -4, 0, 3, False),
}
