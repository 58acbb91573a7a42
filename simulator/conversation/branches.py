"""Which way the call goes after a reply: the first branch whose conditions hold.

A spoken reply whose words are unknown (spoken with no recogniser: when the agent spoke
and for how long was heard, not what they said) can show no empathy, say no phrase and
meet no objective. Conditions on words are then not held against the agent: the
customer follows the scenario's main path — the way its model answer goes, or off that
way the nearest way to a resolved ending — while what was heard (an interruption, the
mood it left) still decides as usual.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from scoring.rules import compile_pattern
from simulator.conversation.scenario import Branch, Condition, Node, Scenario, Tag

WORD_CONDITIONS = ("avoided_phrase", "empathy", "empathy_min", "says", "objectives")
"""The conditions only a reply's words can meet."""


@dataclass(frozen=True)
class MainPath:
    """The scenario's main path: where its model answer goes from each node it passes
    (from its last passage, when it passes a node twice), and how many replies each
    node is from a resolved ending."""

    next: dict[str, str]
    to_resolve: dict[str, int]


@dataclass(frozen=True)
class Reading:
    """What the customer made of a reply, as branch conditions ask it."""

    empathy: frozenset[str]
    """The parts of empathy it showed."""
    avoided: bool
    """It used a phrase to avoid."""
    said: str
    """Its words, normalised as rule patterns read them."""
    cut_into: Tag | None
    silent: bool
    mood: int
    """The customer's mood after it."""
    words_known: bool = True
    """False for speech heard with no word recognised."""


def needs_words(when: Condition) -> bool:
    """Whether the condition asks anything of the reply's words."""
    return any(getattr(when, key) is not None for key in WORD_CONDITIONS)


def replies_to_resolve(scenario: Scenario) -> dict[str, int]:
    """The fewest replies from each node to an ending the scenario marks resolved; nodes
    from which no branch leads there are left out."""
    leads_to: dict[str, set[str]] = {}
    for node_id, node in scenario.nodes.items():
        for branch in node.next:
            leads_to.setdefault(branch.goto, set()).add(node_id)
    distance = {n: 0 for n, node in scenario.nodes.items() if node.end == "resolved"}
    queue = deque(distance)
    while queue:
        reached = queue.popleft()
        for before in leads_to.get(reached, ()):
            if before not in distance:
                distance[before] = distance[reached] + 1
                queue.append(before)
    return distance


def main_path(scenario: Scenario, visited: list[str]) -> MainPath:
    """The main path, from the nodes the model answer ``visited`` in order."""
    return MainPath(dict(pairwise(visited)), replies_to_resolve(scenario))


def on_main_path(node_id: str, node: Node, branch: Branch, path: MainPath) -> bool:
    """Whether a branch's conditions on words are taken as met by a reply whose words are
    unknown. A phrase to avoid never is. On the model answer's way, the branches to its
    next node are. Off it, empathy shown and objectives met are; ``says`` asks for the
    right words in one branch and the wrong ones (a promise not to make, a manager to
    fetch) in the next, so it is only for the branch that leads nearest a resolved
    ending: none of the node's branches nearer, and nearer than its fallback (or than
    staying put, when there is none)."""
    when = branch.when
    if when is None:
        return True
    if when.avoided_phrase:
        return False
    if node_id in path.next:
        return branch.goto == path.next[node_id]
    if when.says is None:
        return True
    distance = path.to_resolve
    far = len(distance) + 1  # farther than any node that leads to the ending
    fallback = next((b.goto for b in node.next if b.when is None), node_id)
    nearest = min(distance.get(b.goto, far) for b in node.next)
    here = distance.get(branch.goto, far)
    return here == nearest and here < distance.get(fallback, far)


def holds(when: Condition, reading: Reading, met: Callable[[], set[str]]) -> bool:
    """Whether every condition given holds for the reply; conditions on words are left
    out when its words are unknown (:func:`on_main_path` decides those)."""
    checks = []
    if reading.words_known:
        if when.avoided_phrase is not None:
            checks.append(reading.avoided == when.avoided_phrase)
        if when.empathy is not None:
            checks.append(bool(reading.empathy & set(when.empathy)))
        if when.empathy_min is not None:
            checks.append(len(reading.empathy) >= when.empathy_min)
        if when.says is not None:
            checks.append(any(compile_pattern(p).search(reading.said) for p in when.says))
        if when.objectives is not None:
            checks.append(set(when.objectives) <= met())
    if when.interrupted is not None:
        checks.append(reading.cut_into == when.interrupted)
    if when.silent is not None:
        checks.append(reading.silent == when.silent)
    if when.mood_below is not None:
        checks.append(reading.mood < when.mood_below)
    if when.mood_at_least is not None:
        checks.append(reading.mood >= when.mood_at_least)
    return all(checks)


def choose(
    scenario: Scenario,
    node_id: str,
    reading: Reading,
    met: Callable[[], set[str]],
    path: Callable[[], MainPath],
) -> tuple[int, Branch]:
    """The first branch of the node that holds, and its position; ``met`` gives the
    objectives the call has met so far, ``path`` the main path (asked only when the
    reply's words are unknown)."""
    node = scenario.nodes[node_id]
    for index, branch in enumerate(node.next):
        when = branch.when
        if when is None:
            return index, branch
        unknown = not reading.words_known and needs_words(when)
        if unknown and not on_main_path(node_id, node, branch, path()):
            continue
        if holds(when, reading, met):
            return index, branch
    # Validation guarantees a fallback; stay put if a hand-built scenario has none.
    return len(node.next), Branch(goto=node_id)
