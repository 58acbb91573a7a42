"""``roleplay practice``: one call, typed or spoken, saved turn by turn and scored."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import click

from simulator.cli.common import asr_options, db_option, interface_locale, open_store, workspace
from simulator.cli.console import announce, run_typed
from simulator.cli.housekeeping import apply_retention, offer_recovery
from simulator.conversation.engine import Conversation
from simulator.conversation.session import run_session
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import text
from simulator.reports.terminal import render_scorecard
from simulator.store.practice import PracticeSink


@click.command()
@click.argument("scenario")
@click.option("--agent", required=True, help="Your name, as stored with the session.")
@click.option("--text", "typed", is_flag=True, help="Type your replies instead of speaking.")
@click.option(
    "--input-audio",
    type=click.Path(path_type=Path),
    default=None,
    help="Take your replies from audio files in this folder, one per turn "
    "(a replies.yml may give each an offset), instead of the microphone.",
)
@click.option(
    "--output-audio",
    type=click.Path(path_type=Path),
    default=None,
    help="Write what the customer said, and the whole call, to this folder.",
)
@click.option(
    "--fast",
    is_flag=True,
    help="With --input-audio: run the timeline as fast as possible, not in real time.",
)
@click.option(
    "--end-of-turn",
    type=click.FloatRange(0.2, 5.0),
    default=None,
    help="Seconds of silence that end your turn (default: 'end_of_turn' in settings, 0.8); "
    "with --turn-end smart, only when none of your words could be recognised.",
)
@click.option(
    "--turn-end",
    type=click.Choice(["smart", "silence"]),
    default=None,
    help="How the end of your turn is told: 'smart' from your words (a finished phrase "
    "ends it after a short pause, one left hanging on 'and', 'the', 'um'… waits for "
    "2.5 s), 'silence' after --end-of-turn seconds of silence (default: 'turn_end' in "
    "settings, smart).",
)
@click.option("--show-mood", is_flag=True, help="Show the customer's mood after each turn.")
@click.option(
    "--seed",
    type=click.IntRange(0),
    default=None,
    help="Make the customer's wording repeatable: the same replies get the same lines "
    "(default: 'seed' in settings; unset, each session varies).",
)
@asr_options
@db_option
@click.pass_context
def practice(
    ctx: click.Context,
    scenario: str,
    agent: str,
    typed: bool,
    input_audio: Path | None,
    output_audio: Path | None,
    fast: bool,
    end_of_turn: float | None,
    turn_end: Literal["smart", "silence"] | None,
    show_mood: bool,
    seed: int | None,
    asr_engine: str | None,
    asr_model: str | None,
    db: Path | None,
) -> None:
    """Practise SCENARIO (an id from 'scenarios list', or a path to a scenario file).

    By voice, the customer speaks and you answer aloud. With --text, replies are
    read from standard input, one per line, so they can be piped in; an empty
    line or the end of input ends the session. The session is saved after every
    turn and scored at the end.
    """
    space = workspace(ctx)
    found = space.scenario(scenario)
    if not typed and input_audio is None:
        typed = _offer_typed_mode()
    if not typed:
        from simulator.voice.rig import VoiceOptions, recogniser_for

        options = VoiceOptions.from_settings(
            space.settings, asr_engine, asr_model, end_of_turn, turn_end
        )
        # the recognition model first: a missing one is said before the brief, not after
        recogniser = recogniser_for(options, found.locale)
    store, db_path = open_store(ctx, db)
    offer_recovery(store, space)
    apply_retention(store, space)
    conversation = space.conversation(found, agent, seed)
    announce(conversation, typed)
    sink = PracticeSink(store)
    if typed:
        session_id, card = run_typed(conversation, sink, show_mood)
    else:
        from simulator.voice.rig import build_rig

        cache = db_path.parent / "voice-cache"
        rig = build_rig(conversation, options, cache, input_audio, fast, recogniser)
        session_id, card = _spoken(
            conversation, sink, rig, space.settings.records_audio, show_mood, output_audio
        )
    locale = found.locale
    if session_id is None or store.get(session_id) is None:  # the agent never replied
        click.echo(text("cli.not_saved", locale))
        return
    click.echo("")
    click.echo(render_scorecard(card.to_dict(), conversation.outcome, conversation.transcript))
    click.echo("")
    click.echo(f"{text('cli.saved', locale)} {session_id}")


def _offer_typed_mode() -> bool:
    """Voice needs a microphone and speakers; without them, offer typed replies."""
    from simulator.voice.devices import audio_devices

    has_in, has_out, why = audio_devices()
    if has_in and has_out:
        return False
    error = SimulatorError("error.no_audio_device_typed", why=why)
    if sys.stdin.isatty():
        locale = interface_locale()
        question = f"{error.render(locale)}\n{text('cli.type_instead', locale)}"
        if click.confirm(question, default=True, err=True):
            return True
    raise error


def _spoken(  # type: ignore[no-untyped-def]
    conversation: Conversation,
    sink: PracticeSink,
    rig,
    keep_audio: bool,
    show_mood: bool,
    output_audio: Path | None,
):
    from simulator.cli.console import PrintedCustomer
    from simulator.voice.recorded import write_timeline

    locale = conversation.scenario.locale
    printed = PrintedCustomer(sys.stdout, locale, show_mood)
    customer, agent = rig.customer, rig.agent

    class Spoken:
        def say(self, turn):  # type: ignore[no-untyped-def]
            printed.say(turn)
            return customer.say(turn)

        def heard(self):  # type: ignore[no-untyped-def]
            return customer.heard()

    class Heard:
        def listen(self, turn):  # type: ignore[no-untyped-def]
            reply = agent.listen(turn)
            if reply is not None and reply.goes_on:
                click.echo(text("call.gave_way", locale))
            if reply is not None:
                click.echo(f"{text('word.you', locale)}: {reply.text or '…'}")
            return reply

        def settle(self) -> None:
            agent.settle()

    # does the microphone hear the speakers? then say so, and cancel their echo
    check = rig.sound_check()
    if check is not None and check.heard:
        click.echo(text("call.use_headphones", locale))

    def started(session_id: str) -> None:
        if keep_audio:  # audio_retention: none records nothing
            rig.record_into(sink.store.audio_root / session_id)
        if check is not None:
            sink.store.change_many([session_id], lambda r: r.update(sound_check=check.as_record()))

    try:
        result = run_session(conversation, Spoken(), Heard(), sink, on_start=started)
        customer.finish()  # the customer's last line is heard to its end
    finally:
        customer.stop_talking()  # stopped early (Ctrl+C, a device lost): not a word more
        agent.close()
        if output_audio is not None:
            customer.write_turns(output_audio)
            write_timeline(
                output_audio / "call.wav", [c for _, c in customer.played], agent.heard_audio
            )
    return result
