"""Real sound devices for the live tests, on a machine with no sound card.

A private PulseAudio daemon holds two null sinks: ``customer_out`` is the speakers
(what roleplay plays is recorded from its monitor) and ``agent_in`` feeds the
microphone (``mic``, a remap of its monitor: a monitor always delivers, silence when
nothing plays). roleplay reaches them as on a desktop: PortAudio, ALSA's ``pulse`` and
``default`` devices (libasound2-plugins), the daemon. The agent "speaks" by playing a WAV
into ``agent_in``; what reached the speakers is recorded as it happens, so a test can
wait for the customer to start or stop talking and answer at a chosen moment. A test can
also loop the speakers into the microphone (``loop_speakers_into_microphone``), as when
no headphones are worn.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16000
"""The speakers are recorded at 16 kHz, mono."""
WINDOW = 0.01
"""Loudness is judged in 10 ms windows."""
LOUD = 0.004
"""RMS above which a window of the recording holds sound (eSpeak speech is ~0.05–0.2)."""
TOOLS = ("pulseaudio", "pactl", "paplay", "parec")


def ctrl_c_as_at_a_terminal() -> None:
    """Roleplay is sent Ctrl+C (SIGINT) as a person at a terminal sends it. A run started
    in the background of a shell without job control (``cmd &`` in a script) ignores
    SIGINT, and every program it starts inherits that: Python then never turns Ctrl+C
    into KeyboardInterrupt. Give the programs started from here the terminal's default
    instead."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class SoundServer:
    """A private PulseAudio daemon with virtual speakers and a virtual microphone."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.run_dir = root / "run"
        self.process: subprocess.Popen[bytes] | None = None
        self._listener: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(self.run_dir),
            "PULSE_SERVER": f"unix:{self.run_dir / 'pulse' / 'native'}",
            "PULSE_CLIENTCONFIG": str(root / "client.conf"),
        }

    def start(self) -> None:
        (self.run_dir / "pulse").mkdir(parents=True)
        self.run_dir.chmod(0o700)
        (self.root / "client.conf").write_text("autospawn = no\n")
        socket = self.run_dir / "pulse" / "native"
        (self.root / "default.pa").write_text(
            f"load-module module-native-protocol-unix auth-anonymous=1 socket={socket}\n"
            "load-module module-null-sink sink_name=customer_out rate=48000 channels=2"
            " sink_properties=device.description=Virtual_speakers\n"
            "load-module module-null-sink sink_name=agent_in rate=16000 channels=1"
            " sink_properties=device.description=Virtual_mic_feed\n"
            "load-module module-remap-source master=agent_in.monitor source_name=mic"
            " source_properties=device.description=Virtual_microphone\n"
            "set-default-sink customer_out\n"
            "set-default-source mic\n"
        )
        # -n: none of the system's default.pa (no hardware probing, no suspend on idle)
        self.process = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "-F",
                str(self.root / "default.pa"),
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--realtime=no",
                "--high-priority=no",
                "--use-pid-file=no",
                f"--log-target=file:{self.root / 'pulseaudio.log'}",
            ],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            info = subprocess.run(["pactl", "info"], env=self.env, capture_output=True)
            if info.returncode == 0:
                self._keep_microphone_awake()
                return
            time.sleep(0.05)
        raise RuntimeError(f"pulseaudio did not start: see {self.root / 'pulseaudio.log'}")

    def _keep_microphone_awake(self) -> None:
        """An idle null sink renders in blocks of up to two seconds, so a stream newly
        opened on the microphone would hear nothing for that long: a sound card does
        not. A listener asking for low latency keeps it rendering in small blocks."""
        self._listener = subprocess.Popen(
            ["parec", "-d", "mic", "--latency-msec=10", "--raw"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def loop_speakers_into_microphone(self, latency_msec: int = 60, volume: int = 100) -> None:
        """What reaches the speakers is heard by the microphone too, ``latency_msec``
        later, mixed with what the agent says: a loudspeaker next to the microphone, or a
        sound server offering the speakers' monitor as the input. ``volume`` is the
        loop's PulseAudio volume in percent (100: as loud as played; 70: about 9 dB
        quieter, a speaker leaking into a microphone the agent speaks into)."""
        subprocess.run(
            [
                "pactl",
                "load-module",
                "module-loopback",
                "source=customer_out.monitor",
                "sink=agent_in",
                f"latency_msec={latency_msec}",
            ],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        if volume == 100:
            return
        listed = subprocess.run(
            ["pactl", "list", "short", "sink-inputs"],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        # the loop's stream is the one module-loopback.c drives (its owner shows as "-")
        ids = [f.split()[0] for f in listed.stdout.splitlines() if "module-loopback" in f]
        assert ids, f"no loop among the streams: {listed.stdout}"
        for stream in ids:
            subprocess.run(
                ["pactl", "set-sink-input-volume", stream, f"{volume}%"],
                env=self.env,
                check=True,
                capture_output=True,
            )

    def kill(self) -> float:
        """The sound server goes away at once (SIGKILL), as when it crashes; returns
        the moment (time.monotonic)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        moment = time.monotonic()
        self.process.wait(5)
        return moment

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.kill()
            self._listener.wait(5)
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def speak(self, wav: Path) -> float:
        """Say ``wav`` into the microphone; returns when it started (time.monotonic)."""
        moment = time.monotonic()
        subprocess.run(
            ["paplay", "--latency-msec=20", "-d", "agent_in", str(wav)],
            env=self.env,
            check=True,
            capture_output=True,
        )
        return moment

    def speakers(self) -> SpeakerRecording:
        """Start recording what reaches the speakers."""
        return SpeakerRecording(self)


class SpeakerRecording:
    """What reached the speakers, recorded as it happens (16 kHz mono). Its times are
    seconds since the recording started; ``at`` turns a time.monotonic into one.
    ``source`` records elsewhere: ``agent_in.monitor`` is what the microphone heard."""

    def __init__(self, server: SoundServer, source: str = "customer_out.monitor") -> None:
        self._process = subprocess.Popen(
            [
                "parec",
                "-d",
                source,
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=20",
            ],
            env=server.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._raw = bytearray()
        self._lock = threading.Lock()
        self._first = threading.Event()
        self.started = 0.0
        self.player: Run | None = None
        """The roleplay process playing: waiting stops if it ends."""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._first.wait(10):
            raise RuntimeError("parec recorded nothing from the virtual speakers")

    def _read(self) -> None:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read1(3200):  # type: ignore[attr-defined]
            with self._lock:
                if not self._raw:
                    self.started = time.monotonic() - len(chunk) / 2 / RATE
                self._raw += chunk
            self._first.set()

    def _check_player(self) -> None:
        if self.player is not None and self.player.process.poll() is not None:
            raise AssertionError(
                f"roleplay ended early ({self.player.process.returncode}):\n"
                f"{self.player.stdout}\n{self.player.stderr}"
            )

    def at(self, moment: float) -> float:
        return moment - self.started

    def samples(self, since: float = 0.0) -> np.ndarray:
        """The recording, from ``since`` seconds on."""
        first = max(0, round(since * RATE)) * 2
        with self._lock:
            raw = bytes(self._raw[first : len(self._raw) // 2 * 2])
        return np.frombuffer(raw, "<i2").astype(np.float32) / 32768

    def stop(self) -> np.ndarray:
        self._process.terminate()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)
        self._reader.join(5)
        return self.samples()

    def wait_for_sound(self, after: float = 0.0, timeout: float = 60) -> float:
        """When sound next started on the speakers, ``after`` a time of the recording."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_player()
            loud = np.flatnonzero(_loudness(self.samples(after)) > LOUD)
            if len(loud):
                return after + float(loud[0]) * WINDOW
            time.sleep(0.03)
        raise AssertionError(f"no sound reached the speakers within {timeout} s")

    def wait_for_call(self, timeout: float = 60) -> float:
        """When the customer's first line started: the first sound, unless it is the
        sound check's tone (0.2 s, then at least 0.4 s of silence), then the next."""
        first = self.wait_for_sound(timeout=timeout)
        while len(self.samples(first)) < 0.5 * RATE:
            self._check_player()
            time.sleep(0.03)
        spans = sound_spans(self.samples(first)[: round(0.5 * RATE)], gap=0.1)
        if spans and spans[0][1] < 0.3 and len(spans) == 1:
            return self.wait_for_sound(after=first + 0.5, timeout=timeout)
        return first

    def wait_for_quiet(self, after: float, quiet: float = 0.6, timeout: float = 60) -> float:
        """When the sound playing at ``after`` (or the next, in silence) stopped, once
        ``quiet`` seconds of silence have followed it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_player()
            samples = self.samples(after)
            spans = sound_spans(samples, gap=quiet)
            if spans and spans[0][1] + quiet <= len(samples) / RATE:
                return after + spans[0][1]
            time.sleep(0.03)
        raise AssertionError(f"the speakers were not quiet within {timeout} s")


def _loudness(samples: np.ndarray) -> np.ndarray:
    size = round(WINDOW * RATE)
    count = len(samples) // size
    frames = samples[: count * size].reshape(count, size)
    return np.sqrt(np.mean(frames**2, axis=1))


def sound_spans(samples: np.ndarray, gap: float = 0.6) -> list[tuple[float, float]]:
    """The stretches of sound, in seconds, pauses shorter than ``gap`` bridged."""
    loud = np.flatnonzero(_loudness(samples) > LOUD)
    spans: list[tuple[float, float]] = []
    for index in loud:
        start, end = index * WINDOW, (index + 1) * WINDOW
        if spans and start - spans[-1][1] < gap:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Heard:
    """How a clip came out of the speakers: where it starts in the recording, how much
    of its sound was missing at its start, at its end and in all, and how well the
    recording matches it (1.0: sample for sample)."""

    at: float
    lost_start: float
    lost_end: float
    lost: float
    match: float


def heard(clip: np.ndarray, rate: int, recording: np.ndarray) -> Heard:
    """Find ``clip`` in ``recording`` (16 kHz) and measure what of it is missing.

    The clip is aligned by cross-correlation; then each 10 ms window where the clip
    sounds must sound in the recording too, at no less than a quarter of its loudness.
    Sound that came out late (a gap inserted) shows as missing windows as well.
    """
    from simulator.voice.asr import audio_to_16k

    reference = audio_to_16k(clip.astype(np.float32), rate) if rate != RATE else clip
    size = len(reference) + len(recording)
    n = 1 << (size - 1).bit_length()
    correlation = np.fft.irfft(np.fft.rfft(recording, n) * np.conj(np.fft.rfft(reference, n)), n)
    shift = int(np.argmax(correlation[: len(recording)]))
    part = recording[shift : shift + len(reference)]
    part = np.pad(part, (0, len(reference) - len(part)))
    norm = float(np.linalg.norm(reference) * np.linalg.norm(part)) or 1.0
    match = float(np.dot(reference, part) / norm)
    want, got = _loudness(reference), _loudness(part)
    sounding = np.flatnonzero(want > LOUD * 2)
    missing = [i for i in sounding if got[i] < want[i] / 4]
    present = [i for i in sounding if got[i] >= want[i] / 4]
    lost_start = (present[0] - sounding[0]) * WINDOW if present else len(sounding) * WINDOW
    lost_end = (sounding[-1] - present[-1]) * WINDOW if present else 0.0
    return Heard(shift / RATE, lost_start, lost_end, len(missing) * WINDOW, match)


class Run:
    """A roleplay process whose output lines are kept with the moment each came."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            args,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out: list[tuple[float, str]] = []
        self.err: list[tuple[float, str]] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.out), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, self.err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        self.ended: float | None = None

    @staticmethod
    def _read(stream, lines: list[tuple[float, str]]) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            lines.append((time.monotonic(), line.rstrip("\n")))

    def wait(self, timeout: float) -> int:
        """The exit status; the process is killed (and the test fails) if it hangs."""
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
            raise AssertionError(
                f"roleplay still ran after {timeout} s; it printed:\n{self.stdout}\n{self.stderr}"
            ) from None
        self.ended = time.monotonic()
        for reader in self._readers:
            reader.join(5)
        return status

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    @property
    def stdout(self) -> str:
        return "\n".join(line for _, line in self.out)

    @property
    def stderr(self) -> str:
        return "\n".join(line for _, line in self.err)
