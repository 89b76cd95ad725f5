"""The workbench in a real browser: headless Debian chromium driven by Playwright.

Each page of the demo store loads without a console error (a script the
Content-Security-Policy blocked is one), the timeline, network and map draw, and an
event links to its highlighted sentence. Screenshots go to bench/out/ for the record.
Skipped, saying why, where no chromium is installed (`.ci/run` installs Debian's).
"""

import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from serve_store import build

SCREENSHOTS = Path(__file__).resolve().parents[1] / "bench" / "out"
CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium browser found (apt-get install chromium): browser tests skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The workbench on the demo store, served by uvicorn in a thread, as `dragoman serve` does."""
    import uvicorn

    from dragoman.serve.app import create_app

    store = build(tmp_path_factory.mktemp("browser") / "demo.db")
    port = _free_port()
    running = uvicorn.Server(uvicorn.Config(create_app(str(store)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the workbench did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda exc: opened.problems.append(str(exc)))
    yield opened
    context.close()


def _visit(page, url: str, screenshot: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"serve-{screenshot}.png"), full_page=True)
    assert page.problems == [], f"{url}: {page.problems}"


@pytest.mark.parametrize("path, name", [
    ("/search?q=ceasefire", "search"), ("/events", "events"), ("/articles/hostile", "article-hostile"),
    ("/quotes?speaker=colonna", "quotes"), ("/events/seed/E1", "event"), ("/events?mentions=1", "mentions"),
    ("/stories", "stories"), ("/fused/hostile%23E3", "fused-hostile"), ("/trace/seed/E1", "trace"),
])
def test_each_page_loads_without_errors(server, page, path, name):
    _visit(page, server + path, name)
    assert page.evaluate("window.__hostile === undefined")  # no script in an article ran
    assert not page.locator("img[src=x]").count()


def test_the_actor_page_draws_a_timeline_and_a_neighbourhood(server, page):
    _visit(page, server + "/actor?name=Antony%20Blinken", "actor")
    assert page.locator("#timeline rect").count() > 0
    page.wait_for_selector("#network[data-rendered] canvas")
    assert int(page.get_attribute("#network", "data-rendered")) > 1


def test_the_network_renders(server, page):
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-rendered] canvas")
    assert int(page.get_attribute("#network", "data-rendered")) >= 10
    _visit(page, server + "/network", "network")


def test_the_map_draws_the_offline_basemap_and_the_events(server, page):
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-rendered]")
    assert page.locator("#map path.leaflet-interactive").count() > 100  # the countries
    assert page.locator("#map .leaflet-marker-icon").count() > 0  # events or their clusters
    _visit(page, server + "/map", "map")


def test_an_event_links_to_its_highlighted_sentence(server, page):
    page.goto(server + "/events?type=CONSULT&mentions=1")
    trigger = page.locator("table.events tbody tr").first.locator("td").last.inner_text()
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/*/*")
    sentence = page.locator("mark#sentence")
    assert sentence.is_visible()
    assert trigger in sentence.inner_text()
    _visit(page, page.url, "event-sentence")


def test_the_story_page_draws_its_timeline_and_map(server, page):
    page.goto(server + "/story/S:seed")
    page.wait_for_selector("#map[data-rendered]")
    assert page.locator("#timeline rect").count() > 0
    assert page.locator("#map path.leaflet-interactive").count() > 100
    assert page.locator("#map .leaflet-marker-icon").count() > 0
    _visit(page, server + "/story/S:seed", "story")


def test_a_fused_event_links_each_source_to_its_sentence(server, page):
    _visit(page, server + "/events", "events-fused")
    page.locator("a.fused-link").first.click()
    page.wait_for_url("**/fused/*")
    trigger = page.locator("table.mentions mark.trigger").first.inner_text()
    page.locator("a.mention-link").first.click()
    page.wait_for_url("**/events/*/*")
    assert trigger in page.locator("mark#sentence").inner_text()
    _visit(page, page.url, "fused-mention")


def test_the_filter_form_chooses_several_types_and_keeps_the_rest(server, page):
    page.goto(server + "/events?article=seed&undated=1&type=CONSULT&sort=-date")
    page.select_option("select[name=type]", ["CONSULT", "AID"])
    page.fill("input[name=since]", "2024-01-01")
    page.click("form.filters button.filter")
    page.wait_for_url("**/events?*since=2024-01-01*")
    kept = parse_qsl(urlsplit(page.url).query)
    assert sorted((k, v) for k, v in kept if v) == [("article", "seed"), ("since", "2024-01-01"), ("sort", "-date"),
                                                    ("type", "AID"), ("type", "CONSULT"), ("undated", "1")]
    assert page.locator("select[name=type] option:checked").all_inner_texts() == ["CONSULT", "AID"]
    assert page.locator("input[name=undated]").is_checked()


def _values(url: str, name: str) -> list[str]:
    return [v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True) if k == name and v]


def test_a_plus_adds_a_box_in_place_and_enter_filters(server, page):
    page.goto(server + "/events?mentions=1&actor=FRA")
    page.click("form.filters button.add[value=actor]")
    boxes = page.locator("form.filters input[name=actor]")
    assert boxes.count() == 2 and page.url.endswith("/events?mentions=1&actor=FRA")  # no reload: added in place
    boxes.nth(1).fill("USA")
    boxes.nth(1).press("Enter")  # the form's first button, not a +
    page.wait_for_url("**actor=USA*")
    assert _values(page.url, "actor") == ["FRA", "USA"] and not _values(page.url, "add")
    _visit(page, page.url, "events-two-actors")
    assert page.locator("form.filters input[name=actor]").count() == 2


def test_a_plus_adds_a_box_without_scripts_too(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/events?mentions=1&place=Berlin")
        page.click("form.filters button.add[value=place]")
        page.wait_for_url("**add=place*")
        boxes = page.locator("form.filters input[name=place]")
        assert boxes.count() == 2
        boxes.nth(1).fill("Tel Aviv")
        page.click("form.filters button.filter")
        page.wait_for_url("**place=Tel*")
        assert _values(page.url, "place") == ["Berlin", "Tel Aviv"] and not _values(page.url, "add")
        assert page.locator("table.events tbody tr").count() >= 2
    finally:
        context.close()


def test_the_stories_chips_drop_a_filter_unticked_or_by_their_cross(server, page):
    _visit(page, server + "/stories?recipient=USA&place=Paris&min_sources=1", "stories-chips")
    assert page.locator(".chip").count() == 3
    page.uncheck("form.filters .chip input[name=recipient]")
    page.click("form.filters button.filter")
    page.wait_for_url(lambda url: "recipient" not in url)
    assert _values(page.url, "place") == ["Paris"] and _values(page.url, "min_sources") == ["1"]
    page.locator(".chip:has(input[name=place]) a.remove").click()
    page.wait_for_url(lambda url: "place" not in url)
    assert _values(page.url, "min_sources") == ["1"] and page.locator(".chip").count() == 1
