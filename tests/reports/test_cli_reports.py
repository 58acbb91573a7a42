"""The report, export and import commands end to end, and every way to get them wrong."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from collections import Counter

import pytest

from simulator.reports.session import find_session
from simulator.store.sessions import SessionStore, open_database
from tests.reports.conftest import Run, roleplay
from tests.reports.html_checks import Page


def _one_clear_message(run: Run, *words: str) -> None:
    assert run.code == 2, (run.code, run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err + run.out
    for word in words:
        assert word in lines[0], (word, lines[0])


def test_two_agents_bundles_make_a_team_report(team, tmp_path):
    """Alex and Sam each export a bundle; their lead imports both and reports on the team."""
    lead = tmp_path / "lead" / "roleplay.json"
    for agent, db in (("Alex", team.alex), ("Sam", team.sam)):
        bundle = tmp_path / f"{agent}.zip"
        made = roleplay("export", "--bundle", str(bundle), "--agent", agent, db=db)
        assert made.code == 0, made.err
        imported = roleplay("import", str(bundle), db=lead)
        assert imported.code == 0 and "3 new sessions" in imported.out, imported.err

    run = roleplay("report", "team", "--format", "md", "--locale", "en", db=lead)
    assert run.code == 0, run.err
    section = run.out.split("## Avoided phrases used most")[1].split("##")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| Phrase")
    # The most frequent phrases come first, each with who said it.
    counts = [int(row.split("|")[2]) for row in rows[1:]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    said_by_both = [row for row in rows[1:] if "Alex (1), Sam (1)" in row]
    assert any(
        "“Je sais pas” ×2" in row and "avoided.je-ne-sais-pas" in row for row in said_by_both
    )
    assert any("“Hold on” ×2" in row for row in said_by_both)
    # The agents' own evidence, straight from their findings.
    every = Counter()
    for db in (team.alex, team.sam):
        for session in team.sessions(db):
            for f in session.scorecard.findings:
                if f.dimension == "avoided_phrases":
                    every[f.rule] += 1
    most = max(every.values())
    assert most == counts[0]
    for rule in (r for r, n in every.items() if n == most):
        assert any(rule in row and f"| {most} |" in row for row in rows[1:]), rule

    html = tmp_path / "team.html"
    made = roleplay("report", "team", "-o", str(html), db=lead)
    assert made.code == 0 and made.out.strip() == str(html)
    text = Page(html.read_text()).text
    assert "Rapport d'équipe" in text  # most sessions were in French
    assert "Alex (1), Sam (1)" in text


def test_team_report_filters(team, tmp_path):
    run = roleplay(
        "report", "team", "--format", "md", "--scenario", "en-disputed-charge", db=team.sam
    )
    assert run.code == 0, run.err
    assert "1 session" in run.out and "en-disputed-charge" in run.out
    assert "fr-facture-contestee" not in run.out
    assert "Scenarios: en-disputed-charge" in run.out


def test_help_lists_the_commands():
    out = subprocess.run(
        [sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True
    ).stdout
    for command in ("report", "export", "import"):
        assert re.search(rf"^  {command}\b", out, re.M), command


def test_an_unknown_session(team):
    _one_clear_message(
        roleplay("report", "session", "0000000000", db=team.alex),
        "no session '0000000000'",
        "roleplay history",
    )


def test_the_start_of_an_id_gives_the_whole_session(tmp_path):
    """The document for the first characters of an id is the session's, not its summary."""
    db = tmp_path / "roleplay.json"
    said = "Je sais pas, c'est pas mon problème.\n"
    run = roleplay(
        "practice", "fr-facture-contestee", "--agent", "Sam", "--text", db=db, stdin=said
    )
    assert run.code == 0, run.err
    session_id = roleplay("history", "--json", db=db).json()[0]["id"]
    whole = roleplay("report", "session", session_id, "--format", "md", db=db)
    short = roleplay("report", "session", session_id[:6], "--format", "md", db=db)
    assert whole.code == 0 and short.code == 0, whole.err + short.err
    # the call went badly: there is work to do
    assert "«\xa0Je sais pas\xa0»" in whole.out
    assert short.out == whole.out


def test_a_start_of_id_shared_by_several_sessions(store):
    ids = [store.start("Alex", "x", "fr") for _ in range(17)]  # two must share a first digit
    first, _ = Counter(i[0] for i in ids).most_common(1)[0]
    from simulator.errors import SimulatorError

    with pytest.raises(SimulatorError, match="could be several sessions"):
        find_session(store, first)


@pytest.mark.parametrize(
    "args,where",
    [
        (("report", "session", "{sid}", "-o", "{file}/card.html"), "not a folder"),
        (("report", "session", "{sid}", "-o", "{folder}"), "it is a folder"),
        (("report", "session", "{sid}", "-o", "{missing}/card.html"), "does not exist"),
        (("report", "team", "-o", "{file}/team.html"), "not a folder"),
        (("export", "--format", "jsonl", "-o", "{file}/all.jsonl"), "not a folder"),
        (("export", "--format", "csv", "-o", "{file}"), "-o names a folder"),
    ],
)
def test_an_output_that_cannot_be_written(team, tmp_path, args, where):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    sid = SessionStore(open_database(team.alex)).history()[0].id
    filled = [
        a.format(sid=sid, file=blocker, folder=folder, missing=tmp_path / "nowhere") for a in args
    ]
    run = roleplay(*filled, db=team.alex)
    _one_clear_message(run, "cannot write", where)
    assert blocker.read_text() == "x" and list(folder.iterdir()) == []


def test_a_team_report_with_nothing_to_report(team, tmp_path):
    _one_clear_message(
        roleplay("report", "team", "--since", "2999-01-01", db=team.alex), "no scored session"
    )
    _one_clear_message(
        roleplay("report", "team", "--agent", "Nobody", db=team.alex), "no sessions of 'Nobody'"
    )
    _one_clear_message(roleplay("report", "team", db=tmp_path / "empty.json"), "no scored session")


def test_a_date_that_is_not_a_date(team):
    run = roleplay("report", "team", "--since", "last tuesday", db=team.alex)
    assert run.code == 2 and "--since" in run.err and "Traceback" not in run.err


def test_bundle_and_output_together_is_a_usage_error(team, tmp_path):
    run = roleplay("export", "--bundle", str(tmp_path / "b.zip"), "-o", "x", db=team.alex)
    assert run.code == 2 and "--bundle" in run.err


def _on_a_terminal(*args: str, db) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run with standard error on a pseudo-terminal, as in an interactive shell."""
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env={**os.environ, "ROLEPLAY_DB": str(db), "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(main)
    return proc.returncode, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args,label",
    [
        (("export", "--format", "jsonl", "-o", "{tmp}/all.jsonl"), "Exporting"),
        (("report", "team", "--format", "md", "-o", "{tmp}/team.md"), "Reading sessions"),
        (("import", "{tmp}/sam.zip"), "Importing sessions"),
    ],
)
def test_long_work_shows_progress_on_a_terminal_only(team, tmp_path, args, label):
    roleplay("export", "--bundle", str(tmp_path / "sam.zip"), db=team.sam)
    filled = [a.format(tmp=tmp_path) for a in args]
    db = tmp_path / "lead.json" if args[0] == "import" else team.alex
    code, terminal = _on_a_terminal(*filled, db=db)
    assert code == 0, terminal
    assert label in terminal and "━" in terminal
    # piped or redirected, standard error stays clean
    if args[0] == "import":
        db = tmp_path / "lead2.json"
    piped = roleplay(*filled, db=db)
    assert piped.code == 0 and piped.err == ""
