"""`roleplay practice --seed N` makes a session repeatable; without a seed the customer
varies, so a second attempt is not a memory test."""

from __future__ import annotations

import re

REPLIES = "Hello, I'm sorry to hear that. Can I have your account number?\nI see.\n"


def _customer(out: str) -> list[str]:
    """What the customer said, in order (the lines the CLI prints for them)."""
    return [line for line in out.splitlines() if re.match(r"^(?:Customer|Client)\b", line)]


def test_the_same_seed_gives_the_same_customer(roleplay):
    runs = [
        roleplay(
            "practice",
            "en-disputed-charge",
            "--agent",
            "Sam",
            "--text",
            "--seed",
            "7",
            stdin=REPLIES,
        )
        for _ in range(2)
    ]
    assert all(r.code == 0 for r in runs), runs[0].err
    assert _customer(runs[0].out) and _customer(runs[0].out) == _customer(runs[1].out)


def test_without_a_seed_the_customer_varies(roleplay):
    heard = {
        tuple(
            _customer(
                roleplay(
                    "practice", "en-disputed-charge", "--agent", "Sam", "--text", stdin=REPLIES
                ).out
            )
        )
        for _ in range(4)
    }
    assert len(heard) > 1
