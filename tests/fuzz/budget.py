"""How hard each fuzz test tries: the same examples on every run, few enough for CI.

``ROLEPLAY_FUZZ_SCALE=20 python -m pytest tests/fuzz`` tries twenty times as many.
Hypothesis also draws on constants found in the loaded project modules, so the examples
are fixed for a given command line, not across different selections of tests.
"""

from __future__ import annotations

import os

from hypothesis import settings

SCALE = float(os.environ.get("ROLEPLAY_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    """Deterministic settings for ``examples`` examples (times the scale), no deadline:
    a first example that imports the scorer is slow, and that is not a bug."""
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
    )
