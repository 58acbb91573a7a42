"""Waiting in Pilot tests for what the app does a few message cycles later."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot


async def until(
    pilot: Pilot, condition: Callable[[], bool], what: str, seconds: float = 10
) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``seconds``.

    A screen change asked for from a worker's thread lands after the worker is done,
    once the app has handled the messages it queued: one pause is not always enough.
    """
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting after {seconds} s: {what}"
        await pilot.pause(0.05)
