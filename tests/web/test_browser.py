"""The UI in a real browser: Debian's Chromium driven by Playwright against a real ``communique serve``.

Never downloads a browser: Playwright launches the system executable. Without Chromium these tests
fail and say how to install it (they are part of the suite, not optional).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (1280, 390)


def _chromium() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.fail("the browser tests need Debian's Chromium at /usr/bin/chromium: install it with "
                    "`sudo apt-get install chromium` (Playwright never downloads a browser here)", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium with a fresh profile in a temporary folder."""
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True, args=ARGS)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh tab that records console errors and every request to a host other than the server."""
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    tab = browser.new_page()
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.errors = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))  # type: ignore[attr-defined]
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))  # type: ignore[attr-defined]
    tab.on("request", lambda r: r.url.startswith((server, "data:")) or tab.errors.append(f"off-site: {r.url}"))  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        tab.close()


def _first_incident(server: str) -> str:
    return str(httpx.get(server + "/api/incidents?limit=1").json()["items"][0]["id"])


def test_every_page_loads_at_desktop_and_phone_width(page: object, server: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    paths = ["/", "/search?q=ceasefire", "/articles/gaza-truce-doha", "/incidents", f"/incidents/{_first_incident(server)}",
             "/actors", "/actors/org:hamas", "/network", "/docs"]
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = page.goto(server + path)
            assert response is not None and response.status == 200, path
            assert page.locator("h1").first.is_visible(), path
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} scrolls sideways at {width} px"
            name = path.strip("/").replace("/", "_").replace("?", "_").replace(":", "_") or "overview"
            page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]
    assert len(list(tmp_path.glob("*.png"))) == 2 * len(paths)


def test_search_from_the_overview_highlights_the_matched_words(page: object, server: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(server + "/")
    page.get_by_label("Search quotes and articles").first.fill("hostages")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=hostages*")
    marks = page.locator(".snippet mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 2
    assert all("hostage" in t.lower() for t in marks.all_inner_texts())
    expect(page.locator(".count")).to_contain_text("hits for")
    page.screenshot(path=str(tmp_path / "search.png"))


def test_search_with_a_malformed_query_shows_a_readable_error(page: object, server: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    response = page.goto(server + '/search?q=%22unfinished')
    assert response is not None and response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("malformed search query")


def test_article_marks_a_known_quote_with_its_speaker(page: object, server: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(server + "/articles/gaza-truce-doha")
    quote = page.locator("span.quote", has_text="Hamas knows what it has to do")
    expect(quote).to_have_count(1)
    expect(quote).to_have_attribute("data-speaker", "Benjamin Netanyahu")
    expect(quote).to_have_attribute("data-cue", "said")
    quote.hover()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Benjamin Netanyahu")
    page.screenshot(path=str(tmp_path / "article-hover.png"))
    # the same quote is reached by keyboard focus, and its tooltip then describes it
    page.keyboard.press("Escape")
    quote.focus()
    expect(tip).to_be_visible()
    expect(quote).to_have_attribute("aria-describedby", "tip")
    # events are underlined marks with their type, time expressions are <time> marks
    assert page.locator("span.event[data-type]").count() >= 5
    assert page.locator("time.timex").count() >= 5
    with page.expect_navigation():
        page.get_by_role("link", name="JSON").click()
    assert '"schema": "communique.analysis/1"' in page.content() or "communique.analysis/1" in page.content()


def test_keyboard_reaches_marks_and_controls_have_names(page: object, server: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(server + "/articles/gaza-truce-doha")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-tip')"):
            break
    else:
        pytest.fail("Tab never reached a marked quote, event or time")
    for path in ("/", "/search?q=talks", "/incidents", "/network", "/actors"):
        page.goto(server + path)
        unnamed = page.evaluate("""() => [...document.querySelectorAll('input, select, button, textarea')]
            .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                         && !(e.tagName === 'BUTTON' && e.textContent.trim()))
            .map(e => e.outerHTML)""")
        assert unnamed == [], (path, unnamed)


def test_network_node_opens_the_actor_page(page: object, server: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(server + "/network")
    node = page.locator('#network a.node[data-key="org:hamas"]')
    expect(node).to_have_count(1)
    page.screenshot(path=str(tmp_path / "network.png"))
    with page.expect_navigation():
        node.locator("circle").click()  # the node itself, as a user would
    assert page.url.endswith(("/actors/org:hamas", "/actors/org%3Ahamas"))
    expect(page.locator("h1")).to_have_text("Hamas")
    expect(page.get_by_role("heading", name="Counterparts")).to_be_visible()
    # by keyboard: a node is a link, so focusing it and pressing Enter opens its page too
    page.goto(server + "/network")
    other = page.locator("#network a.node").first
    key = other.get_attribute("data-key")
    other.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert key and page.url.split("/actors/")[1] in (key, key.replace(":", "%3A"))


def test_incidents_filter_by_type_keeps_only_that_type(page: object, server: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(server + "/incidents")
    page.get_by_label("Type").select_option("ASSAULT")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**type=ASSAULT*")
    types = page.locator(".timeline .type").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    first = page.locator(".timeline li a").first
    with page.expect_navigation():
        first.click()
    expect(page.get_by_role("heading", name="Reports", exact=True)).to_be_visible()
