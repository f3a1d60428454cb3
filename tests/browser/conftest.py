"""Real-browser fixtures: a Streamlit server on a free port with its own demo store, and
Playwright driving Debian's chromium (/usr/bin/chromium; never a downloaded browser)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from dashboard.inti import config, serve

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = config.ROOT / "test-artifacts"


@pytest.fixture
def server(demo_db: Path, tmp_path: Path):
    """A fresh server per test (its own store copy), stopped afterwards."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium tidak ada: jalankan `make test` (memasang paket Debian chromium)")
    db = tmp_path / "browser.duckdb"
    db.write_bytes(demo_db.read_bytes())
    log = tmp_path / "server.log"
    env = {"MONEV_MAX_GAGAL_LOGIN": "3"}
    with serve.running(db, log, env) as (_, url):
        yield {"url": url, "db": db, "log": log}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)  # a cold server's first run opens the store
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    p = context.new_page()
    p.set_default_timeout(20_000)
    yield p
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed browser test, keep a screenshot of the page in test-artifacts/."""
    outcome = yield
    rep = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if rep.when == "call" and rep.failed and page is not None:
        ARTIFACTS.mkdir(exist_ok=True)
        with contextlib.suppress(Exception):  # a screenshot must never hide the real failure
            page.screenshot(path=str(ARTIFACTS / f"GAGAL-{item.name}.png"), full_page=True)
