"""The review chain in a real browser: a Bidang submits, then verify -> paraf -> sign."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS
from .test_login_browser import _buka, _heading, _login

# No reruns and no click-again loops: a click the app drops is a defect.
pytestmark = [pytest.mark.browser]


def _logout(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_label("Nama pengguna").first).to_be_visible()


def _review(page: Page, url: str, user: str, tombol: str, pesan: str) -> None:
    _login(page, url, user)
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Antrian review")
    page.get_by_label("Periksa pengajuan").click()
    page.get_by_role("option").filter(has_text="Bidang Pengelolaan Arsip").click()
    expect(page.get_by_text("Riwayat pengajuan").first).to_be_visible()
    page.get_by_role("button", name=tombol, exact=True).click()
    expect(page.get_by_text(pesan).first).to_be_visible()
    _logout(page)


def test_submit_verify_paraf_sign(server, page: Page):
    url = server["url"]
    _login(page, url, "staf.par")
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Isi realisasi")
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Data diajukan ke Pengelola Monev").first).to_be_visible()
    _logout(page)

    _review(page, url, "monev", "Verifikasi", "Pengajuan diverifikasi")
    _review(page, url, "sekretaris", "Paraf", "Pengajuan diparaf")
    _login(page, url, "kadis")
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Antrian review")
    page.get_by_label("Periksa pengajuan").click()
    page.get_by_role("option").filter(has_text="Bidang Pengelolaan Arsip").click()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "antrian-kadis.png"), full_page=True)
    page.get_by_role("button", name="Sahkan", exact=True).click()
    page.get_by_role("button", name="Ya, sahkan").click()  # a signature is confirmed first
    expect(page.get_by_text("Pengajuan disahkan").first).to_be_visible()
