"""The ``roleplay`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from simulator.errors import EXIT_USER_ERROR, SimulatorError
from simulator.labels import label


class RoleplayGroup(click.Group):
    """Prints a person's mistakes in plain words and exits 2, never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SimulatorError as exc:
            click.echo(f"roleplay: {exc.message}", err=True)
            ctx.exit(EXIT_USER_ERROR)
        except KeyboardInterrupt:
            click.echo("\nroleplay: interrupted", err=True)
            ctx.exit(130)


def db_option(command: Callable) -> Callable:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $ROLEPLAY_DB, else the user data folder).",
    )(command)


def asr_options(command: Callable) -> Callable:
    command = click.option(
        "--asr-model",
        default=None,
        help="faster-whisper model name or local folder (default: $ROLEPLAY_ASR_MODEL, "
        "else 'asr_model' in settings, else 'small').",
    )(command)
    return click.option(
        "--asr",
        "asr_engine",
        type=click.Choice(["whisper", "sphinx", "none"]),
        default=None,
        help="Speech recogniser: faster-whisper (default), PocketSphinx (English only), or none.",
    )(command)


def _store(ctx: click.Context, db: Path | None):  # type: ignore[no-untyped-def]
    from simulator.paths import database_path
    from simulator.storage import SessionStore, open_database

    path = database_path(db or (ctx.obj or {}).get("db"))
    database = open_database(path)
    for notice in database.notices:
        click.echo(f"roleplay: {notice}", err=True)
    return SessionStore(database), path


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=RoleplayGroup, invoke_without_command=True)
@db_option
@click.version_option(package_name="roleplay")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Practise difficult customer calls, in French or English, and get a scorecard."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            _open_app(ctx, db)
        else:
            click.echo(ctx.get_help())


def _open_app(ctx: click.Context, db: Path | None) -> None:
    """The terminal UI: practise, read the scorecard, review the team."""
    from simulator.cli_data import apply_retention
    from simulator.library import load_all
    from simulator.settings import load_settings
    from simulator.tui.app import make_app
    from simulator.tui.devices import device_player, device_rig_factory
    from simulator.tui.strings import Text, ui_locale

    settings = load_settings()
    store, path = _store(ctx, db)
    apply_retention(store)  # interrupted sessions are offered on the home screen
    library = load_all(_scenario_dirs()).scenarios
    locale = ui_locale(settings.ui_locale)
    app = make_app(
        store,
        library,
        settings,
        store.audio_root,
        locale,
        device_rig_factory(settings, path.parent / "voice-cache", Text(locale)),
        device_player,
    )
    app.run()


@cli.command("ui")
@db_option
@click.pass_context
def ui(ctx: click.Context, db: Path | None) -> None:
    """Open the terminal UI (what 'roleplay' alone does in a terminal)."""
    _open_app(ctx, db)


@cli.command()
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
    default=0.8,
    show_default=True,
    help="Seconds of silence that end your turn.",
)
@click.option("--show-mood", is_flag=True, help="Show the customer's mood after each turn.")
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
    end_of_turn: float,
    show_mood: bool,
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
    from simulator.engine import Conversation
    from simulator.library import find_scenario
    from simulator.settings import load_settings

    settings = load_settings()
    found = find_scenario(scenario, _scenario_dirs())
    if not typed and input_audio is None:
        typed = _offer_typed_mode()
    store, db_path = _store(ctx, db)
    from simulator.cli_data import apply_retention, offer_recovery

    offer_recovery(store)
    apply_retention(store)
    conversation = Conversation(
        found, agent, rule_dirs=settings.rule_dirs, bands=settings.bands(found.locale)
    )
    locale = found.locale
    click.echo(f"{found.title} — {found.customer_name}")
    click.echo(f"{label('brief', locale)}: {conversation.render(found.brief).strip()}")
    click.echo(f"{label('objectives', locale)}:")
    for objective in found.objectives:
        click.echo(f"  - {conversation.render(objective)}")
    if typed:
        click.echo(label("typed_help", locale))
    click.echo("")
    if typed:
        session_id, card = _typed_session(conversation, store, show_mood)
    else:
        session_id, card = _spoken_session(
            conversation,
            store,
            db_path,
            input_audio,
            output_audio,
            fast,
            end_of_turn,
            show_mood,
            asr_engine,
            asr_model,
        )
    from simulator.scorecard_text import render_scorecard

    click.echo("")
    click.echo(render_scorecard(card.to_dict(), conversation.outcome))
    click.echo("")
    click.echo(f"{label('saved', locale)} {session_id}")


def _offer_typed_mode() -> bool:
    """Voice needs a microphone and speakers; without them, offer typed replies."""
    from simulator.audio_io import audio_devices

    has_in, has_out, why = audio_devices()
    if has_in and has_out:
        return False
    message = (
        f"spoken practice needs a microphone and speakers: {why}.\n"
        "Add --text to type your replies, or --input-audio DIR to use recorded ones."
    )
    if sys.stdin.isatty() and click.confirm(
        f"{message}\nType your replies instead?", default=True, err=True
    ):
        return True
    raise SimulatorError(message, "No audio device")


def _typed_session(conversation, store, show_mood: bool, on_step=None):  # type: ignore[no-untyped-def]
    from simulator.session import run_session
    from simulator.textio import PrintedCustomer, TypedAgent

    locale = conversation.scenario.locale
    out = click.get_text_stream("stdout")
    interactive = sys.stdin.isatty()

    class EchoedAgent(TypedAgent):
        def listen(self, turn):  # type: ignore[no-untyped-def]
            reply = super().listen(turn)
            if reply is not None and not interactive:
                self.out.write(f"{label('you', locale)}: {reply.text}\n")
            return reply

    return run_session(
        conversation,
        PrintedCustomer(out, locale, show_mood),
        EchoedAgent(sys.stdin, out, locale, prompt=interactive),
        store,
        on_step=on_step,
    )


def _spoken_session(
    conversation,
    store,
    db_path: Path,
    input_audio: Path | None,  # type: ignore[no-untyped-def]
    output_audio: Path | None,
    fast: bool,
    end_of_turn: float,
    show_mood: bool,
    asr_engine: str | None,
    asr_model: str | None,
):
    from simulator.audio_io import (
        DeviceSpeaker,
        FileReplies,
        Microphone,
        RealClock,
        TimelineSpeaker,
        VirtualClock,
        load_replies,
        write_timeline,
    )
    from simulator.session import run_session
    from simulator.settings import load_settings
    from simulator.textio import PrintedCustomer
    from simulator.tts import RenderCache
    from simulator.vad import EndpointSettings
    from simulator.voice import VoiceAgent, VoiceCustomer, prerender
    from simulator.voice_profile import load_voice

    scenario = conversation.scenario
    locale = scenario.locale
    recogniser = _recogniser(asr_engine, asr_model, locale, required=True)
    if input_audio is not None:
        source = FileReplies(load_replies(input_audio))
        speaker = TimelineSpeaker()
        clock = VirtualClock() if fast else RealClock()
    else:
        source, speaker, clock = Microphone(), DeviceSpeaker(), RealClock()
    profile = load_voice(scenario.persona)
    cache = RenderCache(db_path.parent / "voice-cache")
    prerender(cache, profile, conversation)
    printed = PrintedCustomer(click.get_text_stream("stdout"), locale, show_mood)
    customer = VoiceCustomer(conversation, profile, cache, speaker, clock)
    agent = VoiceAgent(
        conversation, customer, source, recogniser, clock, EndpointSettings(end_of_turn=end_of_turn)
    )

    class Spoken:
        def say(self, turn):  # type: ignore[no-untyped-def]
            printed.say(turn)
            return customer.say(turn)

        def heard(self):  # type: ignore[no-untyped-def]
            return customer.heard()

    class Heard:
        def listen(self, turn):  # type: ignore[no-untyped-def]
            reply = agent.listen(turn)
            if reply is not None:
                click.echo(f"{label('you', locale)}: {reply.text or '…'}")
            return reply

        def settle(self) -> None:
            agent.settle()

    keep_audio = load_settings().audio_days() != 0

    def started(session_id: str) -> None:
        if keep_audio:  # audio_retention: none records nothing
            agent.audio_dir = store.audio_root / session_id

    try:
        result = run_session(conversation, Spoken(), Heard(), store, on_start=started)
    finally:
        agent.close()
        if output_audio is not None:
            customer.write_turns(output_audio)
            write_timeline(
                output_audio / "call.wav", [c for _, c in customer.played], agent.heard_audio
            )
    return result


def _scenario_dirs() -> tuple[Path, ...]:
    from simulator.library import BUNDLED_SCENARIOS
    from simulator.settings import load_settings

    return (BUNDLED_SCENARIOS, *load_settings().scenario_dirs)


def _library():  # type: ignore[no-untyped-def]
    from simulator.library import load_all

    return load_all(_scenario_dirs())


@cli.group()
def scenarios() -> None:
    """List and check scenarios."""


@scenarios.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Only this language.")
def scenarios_list(as_json: bool, locale: str | None) -> None:
    """List the bundled scenarios."""
    report = _library()
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "locale": s.locale,
            "persona": s.persona,
            "channel": s.channel,
            "difficulty": s.difficulty,
        }
        for s in sorted(report.scenarios, key=lambda s: (s.locale, s.id))
        if locale is None or s.locale == locale
    ]
    if as_json:
        _json(rows)
    else:
        for r in rows:
            click.echo(
                f"{r['id']:<34} {r['locale']}  {r['persona']:<17} {r['channel']:<16} "
                f"{r['difficulty']:<7} {r['title']}"
            )
    for problem in report.problems:
        click.echo(f"warning: skipped a broken scenario: {problem}", err=True)


@scenarios.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def scenarios_validate(paths: tuple[Path, ...]) -> None:
    """Check scenario files (all bundled ones when no PATH is given); report every problem."""
    from simulator.library import load_all

    report = load_all(paths) if paths else _library()
    problems = report.problems
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"{path}: no such file or folder", err=True)
    for problem in problems:
        click.echo(str(problem), err=True)
    count = len(report.scenarios)
    if problems or missing:
        click.echo(
            f"{len(problems) + len(missing)} problem(s); {count} scenario(s) valid.", err=True
        )
        sys.exit(EXIT_USER_ERROR)
    click.echo(f"{count} scenario(s) valid.")


@scenarios.command("new")
@click.option("--id", "scenario_id", help="Id and file name, lowercase-with-dashes.")
@click.option("--title", help="Short title.")
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Language of the call.")
@click.option(
    "--persona",
    type=click.Choice(["active_hater", "extreme_critic", "loyal_irritated", "passionate_loyal"]),
    help="Customer type.",
)
@click.option(
    "--channel",
    type=click.Choice(["phone", "counter", "letter_followup", "email", "sms"]),
    help="Where the complaint comes from.",
)
@click.option(
    "--difficulty",
    type=click.Choice(["easy", "medium", "hard"]),
    default="medium",
    show_default=True,
)
@click.option("--customer-name", help="How the customer is addressed.")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write the scenario in.",
)
def scenarios_new(
    scenario_id: str | None,
    title: str | None,
    locale: str | None,
    persona: str | None,
    channel: str | None,
    difficulty: str,
    customer_name: str | None,
    folder: Path,
) -> None:
    """Write a new scenario from a template, asking for what is not given."""
    from simulator.scaffold import write_scenario

    personas = ["active_hater", "extreme_critic", "loyal_irritated", "passionate_loyal"]
    channels = ["phone", "counter", "letter_followup", "email", "sms"]
    interactive = sys.stdin.isatty()
    if not interactive:
        given = (
            ("--locale", locale),
            ("--persona", persona),
            ("--channel", channel),
            ("--title", title),
        )
        missing = [name for name, value in given if not value]
        if missing:
            raise SimulatorError(
                "without a terminal to ask in, give " + ", ".join(missing), "New scenario"
            )
    locale = locale or click.prompt("Language", type=click.Choice(["fr", "en"]))
    persona = persona or click.prompt("Customer type", type=click.Choice(personas))
    channel = channel or click.prompt("Channel", type=click.Choice(channels))
    default_name = "Madame Martin" if locale == "fr" else "Mrs Walker"
    if not customer_name:
        customer_name = (
            click.prompt("Customer name", default=default_name) if interactive else default_name
        )
    title = title or click.prompt("Title")
    scenario_id = scenario_id or _slug(f"{locale}-{title}")
    path = write_scenario(
        folder, scenario_id, title, locale, persona, channel, difficulty, customer_name
    )
    click.echo(f"Wrote {path}")
    click.echo(f"Next: edit it, then 'roleplay scenarios preview {path}' to play it.")


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "scenario"


@scenarios.command("preview")
@click.argument("scenario")
@click.option("--agent", default="preview", help="The name used for {{ agent_name }}.")
def scenarios_preview(scenario: str, agent: str) -> None:
    """Play SCENARIO as text, showing which branch each reply took and why. Nothing is saved."""
    from simulator.engine import Conversation
    from simulator.library import find_scenario
    from simulator.preview import describe_step
    from simulator.settings import load_settings

    settings = load_settings()
    found = find_scenario(scenario, _scenario_dirs())
    conversation = Conversation(
        found, agent, rule_dirs=settings.rule_dirs, bands=settings.bands(found.locale)
    )
    click.echo(f"{found.title} — {found.customer_name} ({found.persona}, mood {found.mood})")
    click.echo(label("typed_help", found.locale))
    click.echo("")
    _typed_session(
        conversation, None, show_mood=True, on_step=lambda step: click.echo(describe_step(step))
    )
    click.echo(f"[end: {conversation.outcome}]")


@scenarios.command("test")
@click.argument("ids", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def scenarios_test(ids: tuple[str, ...], as_json: bool) -> None:
    """Play every example run of the scenarios (all bundled ones when no ID is given)."""
    from dataclasses import asdict

    from simulator.examples import run_examples
    from simulator.library import find_scenario

    if ids:
        chosen = [find_scenario(i, _scenario_dirs()) for i in ids]
    else:
        report = _library()
        if report.errors:
            raise report.errors[0]
        chosen = report.scenarios
    results = [r for s in chosen for r in run_examples(s)]
    failed = [r for r in results if not r.passed]
    if as_json:
        _json([{**asdict(r), "passed": r.passed} for r in results])
    else:
        for r in results:
            mark = "PASS" if r.passed else "FAIL"
            click.echo(f"{mark}  {r.scenario} :: {r.name}  ({' → '.join(r.path)})")
            for difference in r.differences:
                click.echo(f"        {difference}")
        without = [s.id for s in chosen if not s.examples]
        for scenario_id in without:
            click.echo(f"note: {scenario_id} has no example runs")
        click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        sys.exit(1)


@cli.group()
def rules() -> None:
    """Check rule packs (avoided phrases, empathy markers)."""


def _pack_paths(paths: tuple[Path, ...]) -> list[Path]:
    from scoring.packs import BUNDLED_PACKS, pack_files
    from simulator.settings import load_settings

    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    if not paths:
        folders = [BUNDLED_PACKS, *load_settings().rule_dirs]
    return pack_files(folders) + files


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_validate(paths: tuple[Path, ...]) -> None:
    """Check rule-pack files (the bundled and your organisation's when no PATH is given)."""
    from scoring.packs import load_pack
    from simulator.errors import InvalidFileError

    problems, valid = [], 0
    for path in _pack_paths(paths):
        try:
            load_pack(path)
            valid += 1
        except InvalidFileError as exc:
            problems.extend(exc.problems)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s); {valid} pack(s) valid.", err=True)
        sys.exit(EXIT_USER_ERROR)
    click.echo(f"{valid} pack(s) valid.")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_test(paths: tuple[Path, ...]) -> None:
    """Run every rule's own examples: each 'flag' must fire, each 'pass' must not."""
    from scoring.packs import load_pack
    from scoring.rule_examples import check_pack_examples, rules_without_examples

    checks, bare = [], []
    for path in _pack_paths(paths):
        pack = load_pack(path)
        checks.extend(check_pack_examples(pack))
        bare.extend(f"{pack.pack}.{rule}" for rule in rules_without_examples(pack))
    failed = [c for c in checks if not c.passed]
    for check in failed:
        click.echo(f"FAIL  {check.pack}.{check.rule} [{check.kind}] {check.text!r}: {check.detail}")
    for rule in bare:
        click.echo(f"FAIL  {rule}: needs at least one 'flag' and one 'pass' example")
    click.echo(f"{len(checks) - len(failed)} passed, {len(failed) + len(bare)} failed")
    if failed or bare:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
def score(file: Path, as_json: bool) -> None:
    """Score a transcript FILE (JSON interchange format) of a recorded or imported call."""
    from scoring.scorecard import score_transcript
    from scoring.transcript import load_transcript
    from simulator.scorecard_text import render_scorecard
    from simulator.settings import load_settings

    settings = load_settings()
    transcript = load_transcript(file)
    card = score_transcript(
        transcript, bands=settings.bands(transcript.locale), rule_dirs=settings.rule_dirs
    ).to_dict()
    if as_json:
        _json(card)
    else:
        click.echo(render_scorecard(card))


@cli.command()
@click.option("--agent", help="Only this agent's sessions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def history(ctx: click.Context, agent: str | None, as_json: bool, db: Path | None) -> None:
    """Stored sessions, newest first."""
    store, path = _store(ctx, db)
    rows = [
        {
            k: s.get(k)
            for k in (
                "id",
                "agent",
                "scenario",
                "locale",
                "started_at",
                "ended_at",
                "status",
                "outcome",
                "overall",
                "scores",
            )
        }
        for s in store.history(agent)
    ]
    if as_json:
        _json(rows)
        return
    if not rows:
        click.echo(f"No sessions yet in {path}.")
    for r in rows:
        overall = r["overall"] if r["overall"] is not None else "–"
        click.echo(
            f"{r['id']}  {r['started_at']}  {r['agent']:<14} {r['scenario']:<32} "
            f"{overall:>3}  {r['outcome'] or r['status']}"
        )


@cli.command("analyze-audio")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--locale", type=click.Choice(["fr", "en"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@asr_options
def analyze_audio(
    file: Path, locale: str, as_json: bool, asr_engine: str | None, asr_model: str | None
) -> None:
    """Measure the pace of a recording: words per minute, articulation rate, pauses."""
    from simulator.asr import audio_to_16k
    from simulator.audio_files import read_audio
    from simulator.speech_analysis import measure

    samples, rate = read_audio(file)
    recognition, note = None, None
    recogniser = _recogniser(
        asr_engine, asr_model, locale, required=asr_engine is not None or asr_model is not None
    )
    if isinstance(recogniser, str):
        note = recogniser
    elif recogniser is not None:
        recognition = recogniser.recognise(audio_to_16k(samples, rate), locale)
    result = measure(samples, rate, locale, recognition).to_dict()
    if note:
        result["note"] = note
    if as_json:
        _json(result)
        return
    for key, value in result.items():
        if key == "pauses":
            value = ", ".join(f"{p['start']:.2f}–{p['end']:.2f}" for p in value) or "none"
        click.echo(f"{key:>22}: {value}")


def _recogniser(engine: str | None, model: str | None, locale: str, required: bool):  # type: ignore[no-untyped-def]
    """The recogniser to use, or a note saying why there is none (when none was asked for)."""
    from simulator.asr import make_recogniser, model_setting
    from simulator.settings import load_settings

    settings = load_settings()
    engine = engine or settings.asr_engine
    if engine == "none":
        return None
    recogniser = make_recogniser(engine, model_setting(model, settings.asr_model))
    try:
        recogniser.check_locale(locale)
        if hasattr(recogniser, "load"):
            recogniser.load()
    except SimulatorError as exc:
        if required:
            raise
        return f"no speech recognition: {exc.message}"
    return recogniser


from simulator import cli_data, cli_reports  # noqa: E402,F401  (register their commands)


def main() -> None:
    cli(prog_name="roleplay")


if __name__ == "__main__":
    main()
