"""Any voice profile loads or is refused with a located message; one that loads gives
usable speech settings at every mood."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.authoring.voices import load_voice
from tests.fuzz.budget import fuzz
from tests.fuzz.mutations import dump_yaml, file_contents
from tests.fuzz.outcomes import ends_cleanly
from tests.fuzz.shipped import VOICES

voice_files = st.sampled_from(VOICES).flatmap(
    lambda v: st.tuples(st.just(v.stem), file_contents(v.text, v.data, dump_yaml))
)


@fuzz(400)
@given(case=voice_files, mood=st.integers(-50, 150))
def test_a_voice_profile_loads_or_is_refused(workdir, case, mood):
    name, content = case
    (workdir / f"{name}.yml").write_bytes(content)
    profile = ends_cleanly(lambda: load_voice(name, (workdir,)))
    if profile is not None:
        for locale in ("fr", "en"):
            for engine in ("espeak", "sapi5", "nsss"):
                voice = profile.settings(locale, mood, engine)  # type: ignore[arg-type]
                assert 0 <= voice.pitch <= 100 and 0 <= voice.volume <= 1 and voice.rate > 0


def test_a_missing_profile_or_a_folder_in_its_place(workdir):
    (workdir / "folder_voice.yml").mkdir(exist_ok=True)
    for name in ("folder_voice", "no_such_voice"):
        assert ends_cleanly(lambda name=name: load_voice(name, (workdir,))) is None
