"""The web interface in headless Chromium, against `archive serve` running as a subprocess on a free port
over a data dir filled by `archive demo --no-serve`. Screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from conftest import ROOT
from processes import archive

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browserdata")
    imported = archive(data, "demo", "--no-serve")
    assert imported.returncode == 0, imported.stderr
    assert "imported" in imported.stdout
    port = free_port()
    log = tmp_path_factory.mktemp("serverlog") / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "archive", "--data", str(data), "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"server did not start; its log:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.returncode not in (0, -15):
        print(f"server log:\n{log.read_text()}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    opened = context.new_page()
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    opened.on("console", on_console)
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    yield opened
    context.close()
    assert not problems, f"browser console errors (CSP?): {problems}"


def total(page: Page) -> int:
    return int(page.locator(".summary .total strong").inner_text())


def test_search_facets_pages_and_article(page: Page, server: str) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="检索词")
    box.fill("会议")
    box.press("Enter")
    page.wait_for_url("**/?q=*")
    expect(page.locator(".hit .snippet mark").first).to_be_visible()
    assert page.locator(".hit .snippet mark").first.inner_text() == "会议"
    before = total(page)

    # A district facet narrows the list; its count becomes the total and the facet shows it selected.
    value = page.locator('section.facet[data-facet="district"] li').nth(1)
    name = value.locator(".value").inner_text()
    count = int(value.locator(".count").inner_text())
    value.locator("a").click()
    page.wait_for_url("**district=*")
    assert total(page) == count < before
    selected = page.locator('section.facet[data-facet="district"] li.selected')
    expect(selected).to_have_count(1)
    assert selected.locator(".value").inner_text() == name
    assert all(name in page.locator(".hit").nth(i).inner_text() for i in range(page.locator(".hit").count()))

    # Page forward on the unfiltered query.
    page.goto(server + "/?q=会议&per_page=5")
    hrefs = "Array.from(document.querySelectorAll('.hit .title a'), a => a.getAttribute('href'))"
    first_page = page.evaluate(hrefs)
    page.get_by_role("link", name="下一页").click()
    page.wait_for_url("**page=2*")
    expect(page.locator('.pagination [aria-current="page"]')).to_have_text("2")
    assert page.locator(".hit").count() == 5
    assert not set(page.evaluate(hrefs)) & set(first_page)

    # Open a hit: the article page opens at its section, with the query highlighted there.
    link = page.locator(".hit .title a").first
    anchor = str(link.get_attribute("href")).partition("#")[2]
    link.click()
    page.wait_for_url(f"**/article/**#{anchor}")
    section = page.locator(f"section#{anchor}")
    expect(section).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    expect(section.locator("mark").first).to_be_visible()


def test_suggestions_complete_the_query(page: Page, server: str) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="检索词")
    box.press_sequentially("浦东", delay=50)
    options = page.locator("#suggestions [role=option]")
    expect(options.first).to_be_visible()
    # Keystrokes may be slower than the debounce on a busy machine: wait for the list of the whole prefix.
    page.wait_for_function(
        "() => { const o = [...document.querySelectorAll('#suggestions [role=option]')];"
        " return o.length > 0 && o.every(e => e.textContent.includes('浦东')); }"
    )
    texts = options.all_inner_texts()
    assert texts and all("浦东" in text for text in texts)
    options.first.click()
    page.wait_for_url("**/?q=*")
    assert parse_qs(urlsplit(page.url).query)["q"] == [texts[0]]
    assert total(page) > 0


def test_keyboard_choice_of_a_suggestion(page: Page, server: str) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="检索词")
    box.press_sequentially("浦东", delay=50)
    expect(page.locator("#suggestions [role=option]").first).to_be_visible()
    # Keystrokes may be slower than the debounce on a busy machine: wait for the list of the whole prefix.
    page.wait_for_function(
        "() => { const o = [...document.querySelectorAll('#suggestions [role=option]')];"
        " return o.length > 0 && o.every(e => e.textContent.includes('浦东')); }"
    )
    box.press("ArrowDown")
    chosen = page.locator('#suggestions [aria-selected="true"]').inner_text()
    box.press("Enter")
    page.wait_for_url("**/?q=*")
    assert parse_qs(urlsplit(page.url).query)["q"] == [chosen]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_layout(browser: Browser, server: str, width: str) -> None:
    viewport = PHONE if width == "phone" else DESKTOP
    context = browser.new_context(viewport=viewport, locale="zh-CN", device_scale_factor=1)
    page = context.new_page()
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(server + "/?q=会议")
        page.screenshot(path=str(ARTIFACTS / f"search-{width}.png"))
        # Nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        facets = page.locator("aside.facets").bounding_box()
        results = page.locator("section.results").bounding_box()
        assert facets and results
        if width == "phone":
            assert facets["y"] + facets["height"] <= results["y"] + 1, "facets stack above the results"
            assert results["width"] >= viewport["width"] - 40
        else:
            assert facets["x"] + facets["width"] <= results["x"], "facets form a sidebar left of the results"
            assert results["width"] >= 700
        box = page.get_by_role("searchbox", name="检索词").bounding_box()
        assert box and box["width"] >= min(300, viewport["width"] - 120)
        href = page.locator(".hit .title a").first.get_attribute("href")
        page.goto(server + str(href))
        page.screenshot(path=str(ARTIFACTS / f"article-{width}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()
