"""Any transcript given to 'roleplay score' is scored or refused with a located message."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.authoring.transcripts import load_transcript
from simulator.authoring.workspace import Workspace
from simulator.errors import EXIT_USER_ERROR
from tests.fuzz.budget import fuzz
from tests.fuzz.mutations import deep_list, dump_json, file_contents
from tests.fuzz.outcomes import assert_clean, ends_cleanly, invoke
from tests.fuzz.shipped import GOOD_TRANSCRIPTS

transcript_files = st.sampled_from(GOOD_TRANSCRIPTS).flatmap(
    lambda t: file_contents(t.text, t.data, dump_json)
)


@fuzz(400)
@given(content=transcript_files)
def test_a_transcript_is_scored_or_refused(workdir, content):
    path = workdir / "call.json"
    path.write_bytes(content)
    ends_cleanly(lambda: Workspace().score(load_transcript(path)).to_dict())


@fuzz(120)
@given(content=transcript_files)
def test_roleplay_score_ends_in_success_or_exit_2(workdir, cli_env, content):
    path = workdir / "call.json"
    path.write_bytes(content)
    assert_clean(invoke(["score", str(path), "--json"], cli_env))


CERTAINLY_INVALID = {
    "empty": b"",
    "nested a thousand deep": b'{"locale": "en", "turns": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "nested a hundred deep": json.dumps({"locale": "en", "turns": deep_list(100)}).encode(),
    "infinite time": b'{"locale": "en", "turns": [{"speaker": "agent", "text": "hi", "end": Infinity}]}',
    "NaN time": b'{"locale": "en", "turns": [{"speaker": "agent", "text": "hi", "start": NaN}]}',
    "time beyond a float": b'{"locale": "en", "turns": [{"speaker": "agent", "text": "x", "end": 1e999}]}',
    "YAML, not JSON": b"locale: en\nturns: []\n",
    "not UTF-8": b'{"locale": "en", "customer_name": "\xe9"}',
    "a list": b"[]",
    "a number too long to read": b'{"locale": "en", "turns": [], "n": 1' + b"0" * 5000 + b"}",
}


@pytest.mark.parametrize("case", sorted(CERTAINLY_INVALID))
def test_a_broken_transcript_is_refused_with_exit_2(workdir, cli_env, case):
    path = workdir / "broken.json"
    path.write_bytes(CERTAINLY_INVALID[case])
    assert_clean(invoke(["score", str(path)], cli_env), codes=(EXIT_USER_ERROR,))


def test_a_folder_where_the_transcript_should_be(workdir, cli_env):
    folder = workdir / "a-folder.json"
    folder.mkdir(exist_ok=True)
    result = invoke(["score", str(folder)], cli_env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert "folder, not a file" in result.stderr
