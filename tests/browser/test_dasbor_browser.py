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
        expect(page.get_by_text("Belum ada").first).to_be_visible()
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
