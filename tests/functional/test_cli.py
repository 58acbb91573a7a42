from tests.functional.conftest import DATA

TRANSCRIPTS = DATA / "transcripts"


def _no_traceback(run) -> None:
    assert "Traceback" not in run.err and "Traceback" not in run.out


def test_scenarios_list_json_has_the_fields(roleplay):
    run = roleplay("scenarios", "list", "--json")
    assert run.code == 0
    rows = run.json()
    assert rows and set(rows[0]) == {"id", "title", "locale", "persona", "channel", "difficulty"}
    assert {r["locale"] for r in rows} == {"fr", "en"}


def test_validate_all_bundled_scenarios(roleplay):
    run = roleplay("scenarios", "validate")
    assert run.code == 0, run.err
    assert "valid" in run.out


def test_validate_reports_every_broken_file_at_once(roleplay):
    run = roleplay("scenarios", "validate", str(DATA / "scenarios_bad"))
    assert run.code == 2
    _no_traceback(run)
    broken = {
        line.split(":")[0].rsplit("/", 1)[-1] for line in run.err.splitlines() if ".yml:" in line
    }
    assert len(broken) == len(list((DATA / "scenarios_bad").glob("*.yml")))


def test_validate_a_missing_path(roleplay):
    run = roleplay("scenarios", "validate", "nowhere.yml")
    assert run.code == 2
    assert "nowhere.yml" in run.err
    _no_traceback(run)


def test_score_json_shape(roleplay):
    run = roleplay("score", str(TRANSCRIPTS / "fr-balagtas.json"), "--json")
    assert run.code == 0, run.err
    card = run.json()
    assert set(card["dimensions"]) == {"pacing", "interruptions", "empathy", "avoided_phrases"}
    assert all("score" in d for d in card["dimensions"].values())
    assert isinstance(card["overall"], int)
    for finding in card["findings"]:
        assert {
            "dimension",
            "turn",
            "polarity",
            "quote",
            "message",
            "suggestion",
            "rule",
            "severity",
        } <= set(finding)


def test_score_without_timing_skips_pacing_and_interruptions(roleplay):
    card = roleplay("score", str(TRANSCRIPTS / "no-timing.json"), "--json").json()
    assert card["dimensions"]["pacing"]["score"] is None
    assert card["dimensions"]["interruptions"]["score"] is None
    assert card["dimensions"]["empathy"]["score"] is not None


def test_score_readable_scorecard(roleplay):
    run = roleplay("score", str(TRANSCRIPTS / "fr-balagtas.json"))
    assert run.code == 0
    assert "Note globale" in run.out and "Rythme" in run.out


def test_bad_transcripts_name_file_line_and_key(roleplay):
    cases = {
        "bad-json.json": ":3:",
        "bad-fields.json": "turns[1].txt",
        "bad-locale.json": "locale",
    }
    for name, expected in cases.items():
        run = roleplay("score", str(TRANSCRIPTS / name))
        assert run.code == 2, name
        assert name in run.err and expected in run.err, run.err
        _no_traceback(run)


def test_score_a_missing_file(roleplay):
    run = roleplay("score", "missing.json")
    assert run.code == 2 and "no such file" in run.err
    _no_traceback(run)


def test_practice_piped_replies_saves_a_scored_session(roleplay):
    replies = (
        "Je comprends votre agacement, Monsieur Balagtas, et je suis désolé.\n"
        "Je retire l'option aujourd'hui, vous recevrez un e-mail d'ici vendredi.\n"
    )
    run = roleplay("practice", "fr-facture-contestee", "--agent", "Alex", "--text", stdin=replies)
    assert run.code == 0, run.err
    assert "Client:" in run.out and "Vous: Je comprends" in run.out
    assert "Note globale" in run.out
    history = roleplay("history", "--json").json()
    assert len(history) == 1
    session = history[0]
    assert session["agent"] == "Alex" and session["scenario"] == "fr-facture-contestee"
    assert session["status"] == "scored" and session["id"] in run.out


def test_practice_empty_line_ends_the_session(roleplay):
    run = roleplay(
        "practice", "fr-facture-contestee", "--agent", "Alex", "--text", stdin="Bonjour.\n\n"
    )
    assert run.code == 0
    session = roleplay("history", "--json").json()[0]
    assert session["outcome"] == "stopped"


def test_a_session_ended_before_any_reply_is_not_kept(roleplay):
    run = roleplay("practice", "fr-facture-contestee", "--agent", "Alex", "--text", stdin="\n")
    assert run.code == 0, run.err
    assert "la séance n'a pas été enregistrée" in run.out  # in the call's language
    assert "Séance enregistrée sous" not in run.out
    assert roleplay("history", "--json").json() == []


def test_history_filters_by_agent_and_db_option(roleplay, tmp_path):
    db = tmp_path / "other.json"
    for agent in ("Alex", "Sam"):
        roleplay(
            "practice",
            "fr-facture-contestee",
            "--agent",
            agent,
            "--text",
            "--db",
            str(db),
            stdin="Bonjour.\n",
        )
    rows = roleplay("history", "--agent", "Sam", "--json", "--db", str(db)).json()
    assert [r["agent"] for r in rows] == ["Sam"]
    assert roleplay("history", "--json").json() == []  # the default database was not touched


def test_unknown_scenario_suggests_the_closest(roleplay):
    run = roleplay("practice", "fr-facture-contestée", "--agent", "Alex", "--text")
    assert run.code == 2
    assert "did you mean 'fr-facture-contestee'" in run.err
    _no_traceback(run)


def test_practice_a_broken_scenario_file(roleplay):
    run = roleplay(
        "practice", str(DATA / "scenarios_bad" / "missing-node.yml"), "--agent", "A", "--text"
    )
    assert run.code == 2 and "missing-node.yml:33" in run.err
    _no_traceback(run)


def test_practice_without_text_mode_explains(roleplay):
    run = roleplay("practice", "fr-facture-contestee", "--agent", "Alex")
    assert run.code == 2 and "--text" in run.err
    _no_traceback(run)


def test_damaged_database_is_kept_aside_and_what_can_be_read_recovered(roleplay, tmp_path):
    db = tmp_path / "broken.json"
    for agent in ("Alex", "Sam"):
        roleplay(
            "practice",
            "fr-facture-contestee",
            "--agent",
            agent,
            "--text",
            "--db",
            str(db),
            stdin="Bonjour.\n",
        )
    damaged = db.read_text()[:-40]  # cut short, as a full disk or a crash would leave it
    db.write_text(damaged)
    run = roleplay("history", "--json", "--db", str(db))
    assert run.code == 0, run.err
    assert "damaged" in run.err and len(run.err.strip().splitlines()) == 1
    assert sorted(r["agent"] for r in run.json()) == ["Alex", "Sam"]
    (backup,) = tmp_path.glob("broken.json.damaged-*")
    assert backup.read_text() == damaged
    again = roleplay("history", "--json", "--db", str(db))
    assert again.err == "" and len(again.json()) == 2
    _no_traceback(run)


def test_usage_error_exits_2(roleplay):
    run = roleplay("practice")
    assert run.code == 2


def test_new_scenario_without_a_terminal_names_the_missing_options(roleplay, tmp_path):
    run = roleplay("scenarios", "new", "--dir", str(tmp_path), "--locale", "fr")
    assert run.code == 2 and "--persona, --channel, --title" in run.err


def test_new_scenario_refuses_to_overwrite(roleplay, tmp_path):
    args = (
        "scenarios",
        "new",
        "--dir",
        str(tmp_path),
        "--locale",
        "en",
        "--persona",
        "extreme_critic",
        "--channel",
        "email",
        "--title",
        "Late refund",
    )
    assert roleplay(*args).code == 0
    again = roleplay(*args)
    assert again.code == 2 and "already exists" in again.err


def test_new_scenario_from_each_template_plays_its_examples(roleplay, tmp_path):
    for locale in ("fr", "en"):
        for persona in ("active_hater", "extreme_critic", "loyal_irritated", "passionate_loyal"):
            run = roleplay(
                "scenarios",
                "new",
                "--dir",
                str(tmp_path),
                "--locale",
                locale,
                "--persona",
                persona,
                "--channel",
                "phone",
                "--id",
                f"{locale}-{persona.replace('_', '-')}",
                "--title",
                "T",
            )
            assert run.code == 0, run.err
    tested = roleplay("scenarios", "test", *map(str, sorted(tmp_path.glob("*.yml"))))
    assert tested.code == 0, tested.out
    assert "16 passed, 0 failed" in tested.out


def test_preview_saves_nothing(roleplay):
    run = roleplay("scenarios", "preview", "fr-facture-contestee", stdin="Je sais pas.\n")
    assert run.code == 0 and "avoided.je-ne-sais-pas" in run.out and "→" in run.out
    assert roleplay("history", "--json").json() == []
