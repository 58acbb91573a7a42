"""The settings file is read once per command and handed down: nothing below the command
line reads it behind the caller's back (practice once parsed it five times)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import simulator.authoring.settings as settings_module
from simulator.cli.main import cli
from tests.functional.conftest import DATA

REPLIES = "I'm sorry, Mr Okafor.\nI will refund the fee today.\n\n"


class Reads:
    """Each read of the settings file, as a line in a file: worker processes count too."""

    def __init__(self, log) -> None:  # type: ignore[no-untyped-def]
        self.log = log
        log.write_text("")

    def __len__(self) -> int:
        return len(self.log.read_text().splitlines())

    def clear(self) -> None:
        self.log.write_text("")


@pytest.fixture
def reads(tmp_path, monkeypatch) -> Reads:
    settings = tmp_path / "settings.yml"
    settings.write_text("pacing: {en: {max_wpm: 175}}\n")
    monkeypatch.setenv("ROLEPLAY_SETTINGS", str(settings))
    monkeypatch.setenv("ROLEPLAY_DB", str(tmp_path / "roleplay.json"))
    seen = Reads(tmp_path / "reads.log")
    real = settings_module.load_model

    def counted(path, model, kind, context=None):  # type: ignore[no-untyped-def]
        if model is settings_module.Settings:
            with seen.log.open("a") as log:
                log.write(f"{path}\n")
        return real(path, model, kind, context)

    monkeypatch.setattr(settings_module, "load_model", counted)
    return seen


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["practice", "en-disputed-charge", "--agent", "Sam", "--text"], REPLIES),
        (["score", str(DATA / "transcripts" / "en-good.json")], ""),
        (["scenarios", "test", "en-disputed-charge"], ""),
        (["scenarios", "list"], ""),
        (["rules", "validate"], ""),
    ],
)
def test_a_command_reads_the_settings_once(reads, args, stdin):
    done = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert len(reads) == 1


def test_recover_and_rescore_score_with_the_settings_they_were_given(reads):
    runner = CliRunner()
    typed = ["practice", "en-disputed-charge", "--agent", "Sam", "--text"]
    assert runner.invoke(cli, typed, input=REPLIES).exit_code == 0
    reads.clear()
    done = runner.invoke(cli, ["rescore", "--jobs", "2"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert len(reads) == 1  # the workers were handed the settings, not left to read them
