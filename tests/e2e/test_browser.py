"""The app in a real browser: `streamlit run` on 127.0.0.1, Debian's Chromium through Playwright.

Run with `make e2e` (plain `pytest` deselects the `e2e` marker). Needs
/usr/bin/chromium; `.ci/run` installs it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000

if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")
Page = playwright_api.Page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _serve(home: Path, log_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port with ``home`` as FOLLOWUP_HOME."""
    port = _free_port()
    env = {
        **os.environ,
        "FOLLOWUP_HOME": str(home),
        "FOLLOWUP_BACKEND": "offline",
    }
    env.pop("OPENAI_API_KEY", None)
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "streamlit"),
                "run",
                "app.py",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:  # noqa: S310
                        if reply.read() == b"ok":
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start; see {log_path}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app shared by the tests that do not care what earlier tests left."""
    home = tmp_path_factory.mktemp("e2e-home")
    with _serve(home, tmp_path_factory.mktemp("e2e-log") / "streamlit.log") as url:
        yield url


@contextlib.contextmanager
def _browser(url: str) -> Iterator[Page]:
    """A fresh headless Chromium page on ``url``, with an empty profile."""
    with (
        playwright_api.sync_playwright() as pw,
        tempfile.TemporaryDirectory() as profile,
    ):
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        tab = context.new_page()
        tab.goto(url)
        tab.wait_for_selector(".st-key-form_submit button")
        try:
            yield tab
        finally:
            context.close()


@pytest.fixture
def page(app_url: str) -> Iterator[Page]:
    with _browser(app_url) as tab:
        yield tab


def _button(page: Page, key: str) -> object:
    # A button with help text renders a hidden twin for measuring; the first is the real one.
    return page.locator(f".st-key-{key} button").first


def _wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the run (no element left stale)."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'"
        " && !document.querySelector('[data-stale=\"true\"]')"
    )


def _type_date(page: Page, key: str, iso: str) -> None:
    page.locator(f".st-key-{key} [data-type=year]").click()
    page.keyboard.type(iso.replace("-", ""))


def _person(page: Page, slot: int, name: str, title: str, topics: str, positives: str) -> None:
    page.locator(f".st-key-form_p{slot}_name input").fill(name)
    page.locator(f".st-key-form_p{slot}_title input").fill(title)
    email = name.lower().replace(" ", ".") + "@harborline.example"
    page.locator(f".st-key-form_p{slot}_email input").fill(email)
    page.locator(f".st-key-form_p{slot}_topics textarea").fill(topics)
    page.locator(f".st-key-form_p{slot}_positives textarea").fill(positives)


def _load_northwind(page: Page) -> None:
    """Paste the six-person Northwind debrief, load it, and wait for its six notes."""
    page.get_by_text("Load or save a debrief file").click()
    yaml_text = (ROOT / "fixtures" / "debriefs" / "northwind-hospital.yaml").read_text("utf-8")
    page.locator(".st-key-load_paste textarea").fill(yaml_text)
    _button(page, "load_paste_button").click()
    page.wait_for_function(
        "() => document.querySelectorAll(\"[class*='st-key-findings_']\").length === 6"
    )
    _wait_idle(page)


def _cards(page: Page) -> list[str]:
    """The class keys of the note cards now on screen, in order."""
    keys = page.eval_on_selector_all(
        "[class*='st-key-card_']",
        "els => els.map(e => [...e.classList].find(c => c.startsWith('st-key-card_')))",
    )
    return [k.removeprefix("st-key-") for k in keys]


def _rounds(page: Page) -> list[int]:
    """The rounds of findings on screen (each new set of notes brings a new round)."""
    keys = page.eval_on_selector_all(
        "[class*='st-key-findings_']",
        "els => els.map(e => [...e.classList].find(c => c.startsWith('st-key-findings_')))",
    )
    return [int(k.split("_")[1]) for k in keys]


def test_new_user_fills_drafts_edits_and_exports(page: Page) -> None:
    """Three people typed in by hand give three distinct notes; 'Hey' is marked; .eml downloads."""
    page.locator(".st-key-form_company input").fill("Harborline Logistics")
    page.locator(".st-key-form_role input").fill("Operations Analyst")
    _type_date(page, "form_date", "2027-03-09")
    page.locator(".st-key-form_candidate_name input").fill("Morgan Hale")
    page.locator(".st-key-form_candidate_email input").fill("morgan@example.com")
    _person(
        page,
        0,
        "Priya Raman",
        "Director of Operations",
        "the move of the Newark warehouse to a new system\ncycling in the Catskills",
        "six years running daily KPI reporting",
    )
    _button(page, "form_add_person").click()
    page.wait_for_selector(".st-key-form_p1_name input")
    _person(
        page,
        1,
        "Tom Okafor",
        "Senior Analyst",
        "the weekly dashboard he built in Power BI",
        "built the same kind of dashboard for a 40-person team",
    )
    _button(page, "form_add_person").click()
    page.wait_for_selector(".st-key-form_p2_name input")
    # What was typed before the two reruns is still there.
    assert page.locator(".st-key-form_p0_name input").input_value() == "Priya Raman"
    _person(
        page,
        2,
        "Dana Whitfield",
        "Recruiting Coordinator",
        "her recommendation of the Thai place on Ferry Street",
        "organised and on time for every step",
    )
    _button(page, "form_submit").click()
    page.wait_for_function(
        "() => document.querySelectorAll(\"[class*='st-key-findings_']\").length === 3"
    )
    _wait_idle(page)
    cards = _cards(page)
    assert len(cards) == 3
    bodies = [page.locator(f".st-key-{c} textarea").first.input_value() for c in cards]
    assert len(set(bodies)) == 3
    assert all(len(b.split()) > 60 for b in bodies)

    first = cards[0]
    area = page.locator(f".st-key-{first} textarea").first
    area.fill("Hey Priya,\n\n" + bodies[0].split("\n", 1)[1].lstrip("\n"))
    page.locator(f".st-key-{first} .fu-card-head").click()  # blur: commits the edit
    mark = page.locator(f".st-key-{first} mark.fu-error", has_text="Hey").first
    mark.wait_for()
    assert mark.inner_text() == "Hey"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(f".st-key-{first}").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "app.png"))
    # The greeting's suggestion rewrites the salutation line; the mark goes.
    page.locator(f".st-key-{first}").get_by_role(
        "button", name=re.compile("Apply suggestion: .Dear")
    ).first.click()
    page.wait_for_function(
        "(key) => document.querySelector(`.st-key-${key} textarea`).value.startsWith('Dear ')",
        arg=first,
    )
    _wait_idle(page)
    assert not page.locator("mark.fu-error", has_text="Hey").count()

    with page.expect_download() as info:
        _button(page, "eml_0").click()
    eml = Path(info.value.path()).read_text(encoding="utf-8")
    assert "To: Priya Raman <priya.raman@harborline.example>" in eml
    assert "Subject: " in eml
    assert "Priya" in eml

    # A reload in the middle: a new session restores the notes as edited.
    page.reload()
    page.wait_for_function(
        "() => document.querySelectorAll(\"[class*='st-key-findings_']\").length === 3"
    )
    _wait_idle(page)
    page.wait_for_function(
        "() => document.querySelectorAll(\"[class*='st-key-card_'] textarea\").length === 3"
    )
    restored = page.eval_on_selector_all(
        "[class*='st-key-card_'] textarea", "els => els.map(e => e.value)"
    )
    assert len(restored) == 3
    assert restored[0].startswith("Dear Priya Raman,")
    assert page.locator(".st-key-form_p2_name input").input_value() == "Dana Whitfield"


def test_six_person_debrief_drafts_in_under_a_second(page: Page) -> None:
    """Submitting a six-person debrief shows six cards with findings; the time is printed."""
    _load_northwind(page)
    timings = []
    for _ in range(3):
        _wait_idle(page)
        shown = _rounds(page)
        started = time.perf_counter()
        _button(page, "form_submit").click()
        # Shown means every card's text box and the last card's findings are on the page.
        page.wait_for_function(
            "(r) => document.querySelectorAll(\"[class*='st-key-card_'] textarea\")"
            ".length === 6 && !!document.querySelector(`.st-key-findings_${r}_5`)",
            arg=max(shown) + 1,
            polling="raf",
        )
        timings.append(time.perf_counter() - started)
        assert len(_cards(page)) == 6

    shown = ", ".join(f"{t * 1000:.0f}" for t in timings)
    median = statistics.median(timings) * 1000
    print(
        f"\nsix-person debrief: drafts and findings shown {median:.0f} ms after the click"
        f" (median of 3 submits: {shown} ms; target < 1000 ms)"
    )
    # A figure, not a timed assert: the target (< 1 s) is reported, and checked by eye in CI.


_KEPT = "followup.typed.v2"
_RESTORED = "Restored what you had typed but not yet saved."


def _kept(page: Page, group: str) -> dict[str, str]:
    """What the browser keeps of one group's unsaved text."""
    raw = page.evaluate(f"() => window.localStorage.getItem('{_KEPT}')")
    kept = json.loads(raw)["groups"].get(group) if raw else None
    return dict(kept["values"]) if kept else {}


def _wait_kept(page: Page, group: str, text: str) -> None:
    page.wait_for_function(
        "([store, group, text]) => JSON.stringify("
        "JSON.parse(localStorage.getItem(store) || '{}').groups?.[group]?.values || {}"
        ").includes(text)",
        arg=[_KEPT, group, text],
    )


def _wait_value(page: Page, selector: str, value: str) -> None:
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel)?.value === want", arg=[selector, value]
    )


def test_text_typed_but_not_submitted_survives_a_reload(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Typed, reloaded, found; submitted text is not overwritten by what the browser kept."""
    home = tmp_path_factory.mktemp("keeper-home")
    company, topics = ".st-key-form_company input", ".st-key-form_p0_topics textarea"
    with (
        _serve(home, tmp_path_factory.mktemp("keeper-log") / "streamlit.log") as url,
        _browser(url) as page,
    ):
        page.locator(company).fill("Keeper & Sons")
        page.locator(topics).fill("the night-shift rota\nher dog, Biscuit")
        _wait_kept(page, "form", "Biscuit")

        page.reload()
        _wait_value(page, company, "Keeper & Sons")
        _wait_value(page, topics, "the night-shift rota\nher dog, Biscuit")
        page.get_by_text(_RESTORED).wait_for()

        # Restored text is the form's own: a submit sends it (the form is incomplete, so
        # it is saved as typed, with errors) and the browser then lets go of its copy.
        _button(page, "form_submit").click()
        page.locator(".fu-field-error").first.wait_for()
        _wait_idle(page)
        saved = json.loads((home / "working.json").read_text(encoding="utf-8"))["form"]
        assert saved["company"] == "Keeper & Sons"
        assert saved["people"][0]["topics"] == "the night-shift rota\nher dog, Biscuit"
        page.wait_for_function(
            f"() => !('form' in JSON.parse(localStorage.getItem('{_KEPT}')).groups)"
        )

        # A debrief loaded from a file replaces the form; text typed before it is not
        # brought back over the file on the next reload.
        page.locator(".st-key-form_role input").fill("Typed before the file")
        _wait_kept(page, "form", "Typed before the file")
        _load_northwind(page)
        role = page.locator(".st-key-form_role input").input_value()
        assert role != "Typed before the file"

        # Once drafted, the people are folded away; text typed into one of them after
        # unfolding it is kept too, and is there again when it is unfolded after a reload.
        second = page.locator("[data-testid='stExpander'] summary", has_text="2. Marcus Bell")
        second.click()
        area = page.locator(".st-key-form_p1_topics textarea")
        area.fill(area.input_value() + "\nthe new badge readers")
        _wait_kept(page, "form", "badge")
        assert "Typed before the file" not in json.dumps(_kept(page, "form"))
        # A note edited without leaving the box (the edit is not sent yet), and a note
        # pasted into the tone check.
        cards = _cards(page)
        body = page.locator(f".st-key-{cards[0]} textarea").first
        body.fill(body.input_value() + "\nP.S. Edited, never blurred.")
        _wait_kept(page, "notes", "never blurred")

        page.reload()
        page.get_by_text(_RESTORED).wait_for()
        _wait_idle(page)
        assert page.locator(".st-key-form_role input").input_value() == role
        second.click()
        page.wait_for_function(
            "() => document.querySelector('.st-key-form_p1_topics textarea')"
            "?.value.endsWith('the new badge readers')"
        )
        # The restored note edit is an edit like any other: kept on disk, checked again.
        page.wait_for_function(
            "(key) => document.querySelector(`.st-key-${key} textarea`)"
            "?.value.endsWith('P.S. Edited, never blurred.')",
            arg=_cards(page)[0],
        )
        _wait_idle(page)
        saved = json.loads((home / "working.json").read_text(encoding="utf-8"))
        assert saved["drafts"][0]["body"].endswith("P.S. Edited, never blurred.")
        assert saved["edited"] is True

        # A note pasted into the tone check is there again after a reload.
        page.get_by_role("tab", name="Tone check").click()
        tone = page.locator(".st-key-tone_note textarea")
        tone.fill("Dear Ms. Park, thank you for the tour of the ward.")
        _wait_kept(page, "pasted", "tour of the ward")
        page.reload()
        page.get_by_text(_RESTORED).wait_for()
        page.get_by_role("tab", name="Tone check").click()
        _wait_value(
            page, ".st-key-tone_note textarea", "Dear Ms. Park, thank you for the tour of the ward."
        )
