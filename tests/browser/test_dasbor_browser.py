"""The Kadis dashboard in a real browser, per role: screenshots kept in test-artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS
from .test_login_browser import _buka, _heading, _login

pytestmark = [pytest.mark.browser]

PENGGUNA = ["kadis", "sekretaris", "monev", "admin", "staf.lyn"]


def _tunggu_grafik(page: Page) -> None:
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text("Running...")).to_have_count(0)


@pytest.mark.parametrize("user", PENGGUNA)
def test_dasbor_screenshot_per_role(server, page: Page, user: str):
    _login(page, server["url"], user)
    expect(_heading(page, "Beranda")).to_be_visible()
    expect(page.get_by_text("Sangat Tinggi").first).to_be_visible()
    _tunggu_grafik(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dasbor-{user}.png"), full_page=True)
    if user == "kadis":
        page.get_by_role("tab", name="Indikator").click()
        expect(page.get_by_text("Semua indikator: progres dan proyeksi").first).to_be_visible()
        _tunggu_grafik(page)
        page.screenshot(path=str(ARTIFACTS / "dasbor-kadis-indikator.png"), full_page=True)
        page.get_by_role("tab", name="Perlu perhatian").click()
        expect(page.get_by_text("diurutkan dari yang paling berat").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "dasbor-kadis-perhatian.png"), full_page=True)


def test_dasbor_shared_link_survives_a_page_switch(server, page: Page):
    _login(page, server["url"], "kadis")
    expect(_heading(page, "Beranda")).to_be_visible()
    page.goto(f"{server['url']}/?tw=Triwulan+II")  # a link someone shared
    expect(page.get_by_text("Triwulan II TA 2026: 33 indikator").first).to_be_visible()
    _buka(page, "Daftar SOP")
    _buka(page, "Beranda")
    expect(page.get_by_text("Triwulan II TA 2026: 33 indikator").first).to_be_visible()
    assert "tw=Triwulan" in page.url


def test_dasbor_tab_in_the_address_and_a_row_click_opens_the_drill_down(server, page: Page):
    """At 1366x768: switching tabs writes ?bagian=...; clicking the first row of Perlu
    perhatian opens the Indikator tab on that indicator."""
    page.set_viewport_size({"width": 1366, "height": 768})
    _login(page, server["url"], "kadis")
    expect(_heading(page, "Beranda")).to_be_visible()
    _tunggu_grafik(page)
    page.get_by_role("tab", name="Perlu perhatian").click()
    expect(page.get_by_text("diurutkan dari yang paling berat").first).to_be_visible()
    assert "bagian=Perlu+perhatian" in page.url
    grid = page.locator("[data-testid='stDataFrame']:visible").first
    expect(grid).to_be_visible()
    kotak = grid.bounding_box()
    # the first body row, on its Indikator cell (header ~35 px, rows 80 px)
    page.mouse.click(kotak["x"] + 200, kotak["y"] + 35 + 40)
    expect(page.get_by_role("tab", name="Indikator", selected=True)).to_be_visible()
    expect(page.get_by_text("Semua indikator: progres dan proyeksi").first).to_be_visible()
    assert "bagian=Indikator" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dasbor-kadis-klik-baris.png"))
