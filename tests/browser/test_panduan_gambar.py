"""The user guide's screenshots (docs/panduan/), taken here so they always show the current
screens: each role signs in on the demo at 1366x768, and its first screen and key pages are
written to docs/gambar/<peran>-<halaman>.png (overwritten on every run)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard.inti import config

from .test_login_browser import _heading, _login

pytestmark = [pytest.mark.browser]

GAMBAR = config.ROOT / "docs" / "gambar"
LAYAR = {"width": 1366, "height": 768}  # the smallest office screen the app is checked at

# peran (file name) -> demo user, then per page: (halaman in the file name, page title = its
# heading, a text drawn last on that screen: the screenshot waits for it). The first page is the
# role's first screen after sign-in (Beranda for every role); None: wait for the chart.
Layar = tuple[str, str, str | None]
PANDUAN: dict[str, tuple[str, list[Layar]]] = {
    "kadis": (
        "kadis",
        [
            ("beranda", "Beranda", None),
            ("antrian", "Antrian review", "akumulasi sesuai cara agregasi"),
            ("hasil-monev", "Hasil monev", None),
        ],
    ),
    "sekretaris": (
        "sekretaris",
        [
            ("beranda", "Beranda", None),
            ("antrian", "Antrian review", "akumulasi sesuai cara agregasi"),
        ],
    ),
    "pengelola-monev": (
        "monev",
        [
            ("beranda", "Beranda", None),
            ("periode", "Periode pengumpulan", "Buka periode baru"),
            ("rapat", "Rapat monev", "Notulen (PDF)"),
        ],
    ),
    "staf-bidang": (
        "staf.par",
        [
            ("beranda", "Beranda", None),
            ("entri", "Isi realisasi", "Simpan draf"),
            ("tindak-lanjut", "Tindak lanjut", "Perbarui progres"),
        ],
    ),
    "admin": (
        "admin",
        [
            ("beranda", "Beranda", None),
            ("pengguna", "Pengguna", "Tambah pengguna"),
            ("indikator", "Indikator dan target", "Nama indikator"),
        ],
    ),
}


def _buka_menu(page: Page, judul: str) -> None:
    """Open a page from the sidebar menu (the Beranda also links to some pages in its body)."""
    menu = page.get_by_test_id("stSidebarNavItems")
    menu.get_by_role("link", name=judul, exact=True).click()


def _tenang(page: Page, judul: str, tanda: str | None) -> None:
    """The page's heading is shown and its screen is drawn: its last text, or its chart."""
    expect(_heading(page, judul)).to_be_visible()
    if tanda is None:
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
    else:
        expect(page.get_by_text(tanda).first).to_be_visible()
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
        for i, (nama, judul, tanda) in enumerate(halaman):
            if i:
                _buka_menu(page, judul)
            _tenang(page, judul, tanda)
            page.screenshot(path=str(GAMBAR / f"{peran}-{nama}.png"))
    finally:
        context.close()
