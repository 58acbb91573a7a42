"""The spoken session: the customer speaks through a speaker, the agent is heard through
a frame source, both on one timeline."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scoring.transcript import MeasuredPacing, Pause, Word
from simulator.authoring.voices import VoiceProfile, mood_step
from simulator.conversation.engine import AgentReply, Conversation, CustomerTurn, Timing
from simulator.conversation.personas import PERSONAS
from simulator.voice.asr import Recogniser, Recognition
from simulator.voice.audio_files import read_audio, write_audio
from simulator.voice.clock import Clock
from simulator.voice.devices import FrameSource, Playback, Speaker
from simulator.voice.echo import EchoCanceller
from simulator.voice.giving_way import goes_on
from simulator.voice.listening import HeardTurn, PhraseTranscriber, joined, listen_turn
from simulator.voice.pace import measure
from simulator.voice.tts import RenderCache
from simulator.voice.vad import SAMPLE_RATE, EndpointSettings


def scenario_lines(conversation: Conversation) -> list[str]:
    """Every customer line of the scenario, every wording, with its variables filled in."""
    lines = [
        conversation.render(wording)
        for node in conversation.scenario.nodes.values()
        for line in node.customer
        for wording in line.wordings
    ]
    return list(dict.fromkeys(lines))


def prerender(
    cache: RenderCache, profile: VoiceProfile, conversation: Conversation
) -> threading.Thread:
    """Render every line at every mood step in the background, the starting mood first."""
    locale = conversation.scenario.locale
    start = mood_step(conversation.mood)
    steps = sorted(range(0, 101, 20), key=lambda m: abs(m - start))
    lines = scenario_lines(conversation)
    work = [(text, profile.settings(locale, m)) for m in steps for text in lines]
    thread = threading.Thread(target=cache.prerender, args=(work,), daemon=True, name="prerender")
    thread.start()
    return thread


@dataclass
class BargeIn:
    time: float
    tag: str
    customer_stopped: bool


@dataclass
class VoiceCustomer:
    """Speaks each customer turn with the persona's voice at the current mood."""

    conversation: Conversation
    profile: VoiceProfile
    cache: RenderCache
    speaker: Speaker
    clock: Clock
    playing: Playback | None = None
    timing: Timing | None = None
    barge_ins: list[BargeIn] = field(default_factory=list)
    played: list[tuple[int, Playback]] = field(default_factory=list)
    replaying: Playback | None = None
    _silenced: threading.Event = field(default_factory=threading.Event)

    def say(self, turn: CustomerTurn) -> Timing | None:
        if not turn.lines:
            return None
        locale = self.conversation.scenario.locale
        voice = self.profile.settings(locale, turn.mood)
        clips = []
        rate = 0
        for line in turn.lines:
            samples, rate = read_audio(self.cache.get(line.text, voice))
            clips.append(samples)
        # a customer who talked on over the agent finishes before saying what comes next
        self.finish()
        if self._silenced.is_set():
            return None
        start = self.clock.now()
        bounds = []
        at = start
        for clip in clips:
            bounds.append((at, at + len(clip) / rate))
            at += len(clip) / rate
        self.playing = self.speaker.play(np.concatenate(clips), rate, self.clock)
        self.timing = Timing(
            self.playing.start,
            self.playing.start + self.playing.duration,
            tuple(
                (s - start + self.playing.start, e - start + self.playing.start) for s, e in bounds
            ),
        )
        self.played.append((len(self.conversation.transcript.turns) - 1, self.playing))
        return self.timing

    def replay(self) -> None:
        """Play the customer's last turn again (it does not count as a new turn)."""
        if self.playing is not None:
            self._stop_clips()
            self.replaying = self.speaker.play(self.playing.samples, self.playing.rate, self.clock)

    def finish(self) -> None:
        """Return once the customer has finished speaking (or was stopped)."""
        for clip in (self.playing, self.replaying):
            if clip is not None:
                clip.wait(self.clock)

    def quiet_since(self, otherwise: float) -> float | None:
        """When the customer actually stopped talking (``otherwise`` if they have said
        nothing); None while they still are."""
        now = self.clock.now()
        ends = [c.finished(now) for c in (self.playing, self.replaying) if c is not None]
        if None in ends:
            return None
        return max((e for e in ends if e is not None), default=otherwise)

    def sounding(self) -> list[Playback]:
        """The clips that may still be heard: the last two lines (one may still echo
        as the next starts) and a line replayed."""
        clips = [clip for _, clip in self.played[-2:]]
        return clips if self.replaying is None else [*clips, self.replaying]

    def stop_talking(self) -> None:
        """The session is ending: stop now, and say nothing more."""
        self._silenced.set()
        self._stop_clips()

    def _stop_clips(self) -> None:
        now = self.clock.now()
        for clip in (self.playing, self.replaying):
            if clip is not None:
                clip.stop(now)

    def heard(self) -> Timing | None:
        """The last turn's timing as actually heard (shorter if the agent cut in)."""
        if self.timing is None or self.playing is None or self.playing.stopped_at is None:
            return self.timing
        return Timing(
            self.timing.start, self.timing.end, self.timing.lines, stopped=self.playing.stopped_at
        )

    def barge_in(self, moment: float) -> None:
        """The agent started speaking at ``moment``: does the customer stop?"""
        if self.playing is None or self.timing is None or moment >= self.playing.end:
            return
        tag = "core"
        for (start, end), line in zip(self.timing.lines, self._current_lines(), strict=False):
            if start <= moment < end:
                tag = line
        talks_over = PERSONAS[self.conversation.scenario.persona].talks_over
        if not talks_over:
            self.playing.stop(moment)
        self.barge_ins.append(BargeIn(moment, tag, not talks_over))

    def give_way(self, moment: float) -> None:
        """The agent went on with their reply as this line started: the customer stops,
        whoever they are, and it is no interruption (what they started is taken back)."""
        if self.playing is not None:
            self.playing.stop(moment)

    def _current_lines(self) -> list[str]:
        turn = self.conversation.transcript.turns[-1]
        return [s.tag for s in turn.segments or []]

    def write_turns(self, folder: Path) -> list[Path]:
        """What the customer said, as heard, one file per turn (headless runs)."""
        written = []
        for index, clip in self.played:
            written.append(
                write_audio(folder / f"turn-{index:02d}-customer.wav", clip.heard(), clip.rate)
            )
        return written


@dataclass
class VoiceAgent:
    """Hears the agent: endpointing, phrase-by-phrase recognition, pace from the audio."""

    conversation: Conversation
    customer: VoiceCustomer
    source: FrameSource
    recogniser: Recogniser | None
    clock: Clock
    settings: EndpointSettings = field(default_factory=EndpointSettings)
    audio_dir: Path | None = None
    max_wait: float = 10.0
    """Seconds after the customer stops before an agent who says nothing is 'silent'."""
    push_to_talk: bool = False
    """Listen only while the trainee holds the talk key, instead of hands-free."""
    echo: EchoCanceller | None = None
    """Removes the customer's voice coming back through the microphone (set by the
    sound check when the speakers reach it)."""
    heard_audio: list[tuple[float, np.ndarray]] = field(default_factory=list)
    timings: list[dict] = field(default_factory=list)
    _turn: int = 0
    _last: tuple[int, HeardTurn] | None = None
    """The last reply heard, with its place in the transcript: the agent may go on with
    it as the customer starts answering."""

    def __post_init__(self) -> None:
        self.transcriber = PhraseTranscriber(self.recogniser, self.conversation.scenario.locale)
        self._post = ThreadPoolExecutor(max_workers=1, thread_name_prefix="after-turn")
        self._stopped = threading.Event()
        self._end_turn = threading.Event()
        self._held = threading.Event()
        self._after: list[Future[None]] = []
        self._uncompressed: list[tuple[int, np.ndarray]] = []

    def stop_listening(self) -> None:
        """End the current turn and hear no more (the session is ending)."""
        self._stopped.set()

    def hold_to_talk(self, held: bool) -> None:
        """Push-to-talk: open the microphone while held; releasing ends the turn."""
        if held:
            self._held.set()
        else:
            self._held.clear()
            self._end_turn.set()

    def _gated(self, frames):  # type: ignore[no-untyped-def]
        for moment, frame in frames:
            if self.push_to_talk and not self._held.is_set():
                frame = np.zeros_like(frame)
            elif self.echo is not None:
                # what listens (speech start, barge-in, recognition, the recording)
                # hears the agent alone
                frame = self.echo.clean(moment, frame)
            yield moment, frame

    def end_turn(self) -> None:
        """End the current turn now, without waiting for silence (push-to-talk released)."""
        self._end_turn.set()

    def listen(self, turn: CustomerTurn) -> AgentReply | None:
        if self._stopped.is_set():
            return None
        self._end_turn.clear()
        timing = self.customer.timing
        customer_end = timing.end if timing else self.clock.now()
        frames = self.source.frames(self._turn, customer_end, self.clock)
        if frames is None:
            return None
        self._turn += 1

        began = self.clock.now()

        def give_up_at() -> float | None:
            # counted from when the customer actually stopped: a customer who talks on
            # over the agent, or a line replayed, ends later than the line was due to
            quiet = self.customer.quiet_since(began)
            return None if quiet is None else quiet + self.max_wait

        going_on = threading.Event()

        def speech_started(moment: float) -> None:
            if self._goes_on(moment):
                going_on.set()
                self.customer.give_way(moment)
            else:
                self.customer.barge_in(moment)

        heard = listen_turn(
            self._gated(frames),
            self.transcriber,
            self.settings,
            on_speech_start=speech_started,
            give_up_at=give_up_at,
            should_end=lambda: self._end_turn.is_set() or self._stopped.is_set(),
            now=self.clock.now,
        )
        self.timings.append({"heard_end": heard.end, **heard.timings})
        if heard.silent:
            self._last = None
            return AgentReply(text="")
        index = len(self.conversation.transcript.turns)
        if going_on.is_set() and self._last is not None:
            # the same reply, gone on with: it takes the last one's place
            index, heard = self._last[0], joined(self._last[1], heard)
            self.heard_audio.pop()
            self._uncompressed = [(i, s) for i, s in self._uncompressed if i != index]
        self._last = (index, heard)
        self.heard_audio.append((heard.audio_start, heard.samples))
        audio = None
        if self.audio_dir is not None:
            # kept now, as plain WAV (a few milliseconds), so that the turn and its
            # recording are on disk together; compressed to Ogg when the call ends
            audio = f"turn-{index:02d}-agent.wav"
            write_audio(self.audio_dir / audio, heard.samples, SAMPLE_RATE)
            self._uncompressed.append((index, heard.samples))
        # Measuring the pace takes a good fraction of a second on a long turn: it runs
        # after the customer has started answering.
        self._after.append(self._post.submit(self._measure, index, heard))
        words = [
            Word(word=w.word, start=round(w.start, 2), end=round(w.end, 2))
            for w in heard.recognition.words
        ]
        return AgentReply(
            text=heard.recognition.text,
            start=round(heard.start, 3) if heard.start is not None else None,
            end=round(heard.end, 3) if heard.end is not None else None,
            words=words or None,
            audio=audio,
            goes_on=going_on.is_set(),
        )

    def _goes_on(self, moment: float) -> bool:
        """Is speech starting at ``moment`` the agent going on with their last reply?"""
        last = None if self._last is None else self._last[1].ended_by
        return goes_on(last, self.customer.playing, moment)

    def _measure(self, index: int, heard: HeardTurn) -> None:
        locale = self.conversation.scenario.locale
        # word times are on the call's timeline; the pace reads them as seconds into
        # the samples kept for the turn, which begin at ``audio_start``
        recognition = Recognition(
            heard.recognition.text,
            tuple(heard.recognition.shifted_words(-heard.audio_start)),
            trustworthy=self.recogniser is not None
            and self.recogniser.supports(locale)
            and all(p.trustworthy for p in heard.recognition.pieces),
        )
        pacing = measure(heard.samples, SAMPLE_RATE, locale, recognition)
        shift = heard.audio_start
        measured = MeasuredPacing(
            wpm=None if pacing.wpm is None else round(pacing.wpm, 1),
            articulation_wpm=None
            if pacing.articulation_wpm is None
            else round(pacing.articulation_wpm, 1),
            syllables=pacing.rate.syllables,
            words=round(pacing.words, 1),
            words_source=pacing.words_source,  # type: ignore[arg-type]
            pauses=[
                Pause(start=round(s + shift, 2), end=round(e + shift, 2))
                for s, e in pacing.rate.pauses
            ],
        )
        turns = self.conversation.transcript.turns
        if index < len(turns) and turns[index].speaker == "agent":
            turns[index].measured = measured

    def settle(self) -> None:
        """Wait for every turn's pace measurement; compress the recordings kept so far.

        Each turn's WAV is replaced by an Ogg (Opus) file and the transcript renamed to
        it; killed halfway, a turn names its WAV while its Ogg is there, and
        :func:`simulator.voice.audio_files.find_recording` finds either.
        """
        for job in self._after:
            job.result()
        self._after = []
        turns = self.conversation.transcript.turns
        for index, samples in self._uncompressed:
            turn = turns[index] if index < len(turns) else None
            if self.audio_dir is None or turn is None or not turn.audio:
                continue
            wav = self.audio_dir / turn.audio
            ogg = wav.with_suffix(".ogg")
            write_audio(ogg, samples, SAMPLE_RATE)  # from memory: the WAV is not read back
            turn.audio = ogg.name
            wav.unlink(missing_ok=True)
        self._uncompressed = []

    def close(self) -> None:
        self.source.close()
        self.settle()
        self._post.shutdown()
        self.transcriber.close()
