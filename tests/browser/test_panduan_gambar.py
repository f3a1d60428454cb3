"""The user guide's screenshots (docs/panduan/), taken here so they always show the current
screens: each role signs in on the demo at 1366x768, and its first screen and key pages are
written to docs/gambar/<peran>-<halaman>.png (overwritten on every run)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard import config

from .test_login_browser import _heading, _login

pytestmark = [pytest.mark.browser]

GAMBAR = config.ROOT / "docs" / "gambar"
LAYAR = {"width": 1366, "height": 768}  # the smallest office screen the app is checked at

# peran (file name) -> demo user, then (halaman in the file name, page title = its heading).
# The first page is the role's first screen after sign-in (Beranda for every role).
PANDUAN: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "kadis": (
        "kadis",
        [("beranda", "Beranda"), ("antrian", "Antrian review"), ("hasil-monev", "Hasil monev")],
    ),
    "sekretaris": ("sekretaris", [("beranda", "Beranda"), ("antrian", "Antrian review")]),
    "pengelola-monev": (
        "monev",
        [("beranda", "Beranda"), ("periode", "Periode pengumpulan"), ("rapat", "Rapat monev")],
    ),
    "staf-bidang": (
        "staf.par",
        [("beranda", "Beranda"), ("entri", "Isi realisasi"), ("tindak-lanjut", "Tindak lanjut")],
    ),
    "admin": (
        "admin",
        [("beranda", "Beranda"), ("pengguna", "Pengguna"), ("indikator", "Indikator dan target")],
    ),
}
# Pages whose first screen holds a chart: the screenshot waits until it is drawn.
GRAFIK = {"Beranda", "Hasil monev"}


def _buka_menu(page: Page, judul: str) -> None:
    """Open a page from the sidebar menu (the Beranda also links to some pages in its body)."""
    menu = page.get_by_test_id("stSidebarNavItems")
    menu.get_by_role("link", name=judul, exact=True).click()


def _tenang(page: Page, judul: str) -> None:
    """The page's heading is shown and its run has finished (charts drawn on the Beranda)."""
    expect(_heading(page, judul)).to_be_visible()
    if judul in GRAFIK:
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text("Running...")).to_have_count(0)


@pytest.mark.parametrize("peran", list(PANDUAN))
def test_gambar_panduan_per_peran(server, browser, peran: str):
    user, halaman = PANDUAN[peran]
    GAMBAR.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=LAYAR, locale="id-ID")
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        _login(page, server["url"], user)
        for i, (nama, judul) in enumerate(halaman):
            if i:
                _buka_menu(page, judul)
            _tenang(page, judul)
            page.screenshot(path=str(GAMBAR / f"{peran}-{nama}.png"))
    finally:
        context.close()
