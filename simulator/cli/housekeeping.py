"""What runs before practice or the UI opens: recordings past their retention erased,
sessions a crash interrupted offered for scoring."""

from __future__ import annotations

import sys

import click

from simulator.authoring.workspace import Workspace
from simulator.i18n.catalogue import Text
from simulator.store.privacy import prune_audio
from simulator.store.records import SessionRecord, SessionSummary
from simulator.store.recovery import finish_interrupted, interrupted
from simulator.store.sessions import SessionStore


def apply_retention(store: SessionStore, space: Workspace) -> None:
    """Erase recordings older than the ``audio_retention`` setting allows."""
    erased = prune_audio(store, space.settings.audio_days())
    if erased:
        t = Text(space.interface_locale)
        said = t.plural(erased, "cli.recordings_erased.one", "cli.recordings_erased.many")
        click.echo(f"roleplay: {said}", err=True)


def offer_recovery(store: SessionStore, space: Workspace) -> None:
    """At the start of practice: finish scoring sessions a crash interrupted."""
    found = interrupted(store)
    if not found:
        return
    t = Text(space.interface_locale)
    question = t.plural(len(found), "cli.interrupted_found.one", "cli.interrupted_found.many")
    if sys.stdin.isatty() and click.confirm(question, default=True, err=True):
        recover_sessions(store, space, found)
    else:
        later = t.plural(len(found), "cli.interrupted_later.one", "cli.interrupted_later.many")
        click.echo(f"roleplay: {later}", err=True)


def recover_sessions(store: SessionStore, space: Workspace, sessions: list[SessionSummary]) -> None:
    """Score each interrupted session and say, one line each, what it was and its score."""
    t = Text(space.interface_locale)
    for session in sessions:
        record = store.get(session.id) or SessionRecord.from_summary(session)
        replies = record.agent_turn_count()
        card = finish_interrupted(store, session.id, space)
        overall = card.get("overall")
        click.echo(
            t(
                "cli.recovered",
                id=session.id,
                scenario=record.scenario or "?",
                agent=record.agent,
                when=record.started_at[:16].replace("T", " "),
                replies=t.plural(replies, "cli.count.reply.one", "cli.count.reply.many"),
                overall="–" if overall is None else overall,
            )
        )
