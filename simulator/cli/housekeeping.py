"""What runs before practice or the UI opens: recordings past their retention erased,
sessions a crash interrupted offered for scoring."""

from __future__ import annotations

import sys

import click

from simulator.authoring.workspace import Workspace
from simulator.i18n.catalogue import text
from simulator.store.privacy import prune_audio
from simulator.store.records import SessionRecord, SessionSummary
from simulator.store.recovery import describe, finish_interrupted, interrupted
from simulator.store.sessions import SessionStore


def apply_retention(store: SessionStore, space: Workspace) -> None:
    """Erase recordings older than the ``audio_retention`` setting allows."""
    erased = prune_audio(store, space.settings.audio_days())
    if erased:
        said = text("cli.recordings_erased", space.interface_locale, count=erased)
        click.echo(f"roleplay: {said}", err=True)


def offer_recovery(store: SessionStore, space: Workspace) -> None:
    """At the start of practice: finish scoring sessions a crash interrupted."""
    found = interrupted(store)
    if not found:
        return
    locale = space.interface_locale
    what = text("cli.interrupted_found", locale, count=len(found))
    question = text("cli.interrupted_score_now", locale, found=what)
    if sys.stdin.isatty() and click.confirm(question, default=True, err=True):
        recover_sessions(store, space, found)
    else:
        click.echo(f"roleplay: {text('cli.interrupted_later', locale, found=what)}", err=True)


def recover_sessions(store: SessionStore, space: Workspace, sessions: list[SessionSummary]) -> None:
    for session in sessions:
        line = describe(store.get(session.id) or SessionRecord.from_summary(session))
        card = finish_interrupted(store, session.id, space)
        click.echo(f"{session.id}: {line} — overall {card.get('overall')}")
