"""Scorecards and team reports as a person sees them: opened in headless Chromium, with
no network, in French and in English."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore, open_database
from tests.reports.conftest import find, roleplay
from tests.reports.html_checks import (
    Page,
    accessibility_problems,
    contrast,
    network_references,
    text_and_background_colours,
)

WINDOW = (1200, 2000)


def chromium(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    browser = shutil.which("chromium")
    assert browser, "Chromium is not installed: apt-get install -y chromium"
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'chromium-profile'}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            *args,
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked for (Chromium's own background requests are not the
    page's: they are not made on behalf of a file:// document)."""
    log = json.loads(net_log.read_text())
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start and "file://" in e["params"].get("network_isolation_key", "")
    ]


def open_in_browser(page: Path, tmp: Path) -> tuple[Page, Image.Image, list[str]]:
    png, net_log = tmp / f"{page.stem}.png", tmp / f"{page.stem}-net.json"
    chromium(page, tmp, f"--screenshot={png}")
    dom = chromium(page, tmp, "--dump-dom", f"--log-net-log={net_log}").stdout
    return Page(dom), Image.open(png).convert("RGB"), page_requests(net_log)


def _pixels_near(image: Image.Image, colour: str, tolerance: int = 12) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        count
        for count, rgb in image.getcolors(maxcolors=1 << 20)
        if all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True))
    )


def _reviewed(db: Path, session: SessionRecord, comment: str, reason: str) -> SessionRecord:
    store = SessionStore(open_database(db))
    store.add_comment(session.id, 1, comment, "Dana")
    store.override_score(session.id, "empathy", 45, reason, "Dana")
    return store.get(session.id)


CASES = {
    "en": ("Alex", "en-disputed-charge", "Slow down at the start.", "The apology was sincere."),
    "fr": ("Alex", "fr-facture-contestee", "Reprenons l'accueil.", "Les excuses étaient sincères."),
}
WORDS = {
    "en": ("Scorecard", "Why it matters", "Say instead", "Mood over the call", "original score"),
    "fr": (
        "Bilan",
        "Pourquoi c'est important",
        "Dites plutôt",
        "Humeur au fil de l'appel",
        "note d'origine",
    ),
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_scorecard_in_the_browser(team, tmp_path, locale):
    agent, scenario, comment, reason = CASES[locale]
    session = find(team.sessions(team.alex), agent, scenario)
    session = _reviewed(team.alex, session, comment, reason)
    html = tmp_path / f"scorecard-{locale}.html"
    run = roleplay("report", "session", session.id, "-o", str(html), db=team.alex)
    assert run.code == 0, run.err

    page, image, requests = open_in_browser(html, tmp_path)

    # What happened and what to say instead, in the session's language.
    text = page.text
    for word in WORDS[locale]:
        assert word in text, word
    assert comment in text and reason in text
    phrases = [f for f in session.scorecard.findings if f.dimension == "avoided_phrases"]
    assert phrases
    for finding in phrases:
        assert finding.quote in text and finding.suggestion in text
    for score in session.scores.values():
        if score is not None:
            assert str(score) in text
    assert [e.attrs.get("lang") for e in page.elements if e.tag == "html"] == [locale]

    # The screenshot shows a page, with its charts drawn.
    assert image.size == WINDOW
    assert len(image.getcolors(maxcolors=1 << 20)) > 50
    assert _pixels_near(image, "#ffffff") < image.size[0] * image.size[1] * 0.95
    assert _pixels_near(image, "#c8443a") > 200  # a red bar: the low empathy score
    assert _pixels_near(image, "#1a56b8") > 50  # the mood curve

    # Accessible, readable, and offline.
    assert accessibility_problems(page) == []
    text_colours, backgrounds = text_and_background_colours(page.css)
    assert text_colours and backgrounds
    for fg in text_colours:
        for bg in backgrounds:
            assert contrast(fg, bg) >= 4.5, (fg, bg)
    assert network_references(Page(html.read_text())) == []
    assert requests == []


def test_a_scorecard_prints_to_pdf(team, tmp_path):
    session = find(team.sessions(team.alex), "Alex", "en-disputed-charge")
    html = tmp_path / "card.html"
    assert roleplay("report", "session", session.id, "-o", str(html), db=team.alex).code == 0
    pdf = tmp_path / "card.pdf"
    chromium(html, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 1


def test_the_network_check_sees_a_page_that_fetches(tmp_path):
    """The checks above would catch a page that loads a font or an image."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<html lang="en"><head><link rel="stylesheet" href="https://fonts.example.invalid/f.css">'
        '</head><body><h1>x</h1><img src="http://example.invalid/x.png" alt="x"></body></html>'
    )
    _, _, requests = open_in_browser(leaky, tmp_path)
    found = " ".join(network_references(Page(leaky.read_text())))
    assert "fonts.example.invalid" in found and "x.png" in found
    assert any("example.invalid" in url for url in requests)


def test_team_report_in_the_browser(team, tmp_path):
    lead = tmp_path / "lead" / "roleplay.json"
    for agent_db in (team.alex, team.sam):
        bundle = tmp_path / f"{agent_db.parent.name}.zip"
        assert roleplay("export", "--bundle", str(bundle), db=agent_db).code == 0
        assert roleplay("import", str(bundle), db=lead).code == 0
    html = tmp_path / "team.html"
    run = roleplay("report", "team", "-o", str(html), "--locale", "fr", db=lead)
    assert run.code == 0, run.err
    page, image, requests = open_in_browser(html, tmp_path)
    text = page.text
    assert "Rapport d'équipe" in text and "Alex" in text and "Sam" in text
    assert "« Je sais pas »" in text.replace("\xa0", " ")
    assert accessibility_problems(page) == []
    assert network_references(Page(html.read_text())) == [] and requests == []
    assert len(image.getcolors(maxcolors=1 << 20)) > 50
