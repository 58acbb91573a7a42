"""What runs before practice or the UI opens: recordings past their retention erased,
sessions a crash interrupted offered for scoring."""

from __future__ import annotations

import sys

import click

from simulator.authoring.workspace import Workspace
from simulator.store.privacy import prune_audio
from simulator.store.records import SessionRecord, SessionSummary
from simulator.store.recovery import describe, finish_interrupted, interrupted
from simulator.store.sessions import SessionStore


def apply_retention(store: SessionStore, space: Workspace) -> None:
    """Erase recordings older than the ``audio_retention`` setting allows."""
    erased = prune_audio(store, space.settings.audio_days())
    if erased:
        click.echo(
            f"roleplay: erased {erased} recording(s) past the audio_retention setting.", err=True
        )


def offer_recovery(store: SessionStore, space: Workspace) -> None:
    """At the start of practice: finish scoring sessions a crash interrupted."""
    found = interrupted(store)
    if not found:
        return
    what = f"{len(found)} practice session(s) stopped before being scored"
    if sys.stdin.isatty() and click.confirm(f"{what}. Score them now?", default=True, err=True):
        recover_sessions(store, space, found)
    else:
        click.echo(f"roleplay: {what}; 'roleplay recover' scores them.", err=True)


def recover_sessions(store: SessionStore, space: Workspace, sessions: list[SessionSummary]) -> None:
    for session in sessions:
        line = describe(store.get(session.id) or SessionRecord.from_summary(session))
        card = finish_interrupted(store, session.id, space)
        click.echo(f"{session.id}: {line} — overall {card.get('overall')}")
