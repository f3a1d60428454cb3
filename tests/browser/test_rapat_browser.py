"""A monev meeting in a real browser: the Pengelola Monev records a meeting whose agenda the data
proposed and assigns a follow-up; the Bidang staff updates it and asks to close it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.inti import config, formats

from .conftest import ARTIFACTS
from .test_alur_browser import _logout
from .test_login_browser import _buka, _heading, _login

# No reruns and no click-again loops: a click the app drops is a defect.
pytestmark = [pytest.mark.browser]

TINDAK = "Menetapkan operator data cadangan uji peramban"


def _masuk(page: Page, url: str, user: str) -> None:
    """Log in and reach Beranda (one click)."""
    _login(page, url, user)
    expect(_heading(page, "Beranda")).to_be_visible()


def test_record_meeting_then_bidang_updates_follow_up(server, page: Page):
    url = server["url"]
    _masuk(page, url, "monev")
    _buka(page, "Rapat monev")
    # the page opens on the latest meeting; a new one is one choice away
    # the selector is drawn afresh when its labels change: wait for the old one to go
    pemilih = page.get_by_role("combobox", name="Rapat", exact=True)
    expect(pemilih).to_have_value(re.compile(r"Triwulan II TA 2026 · .*\(Final\)$"))
    pemilih.click()
    page.get_by_role("option", name="+ Catat rapat baru").click()
    expect(page.get_by_text("Agenda rapat").first).to_be_visible()
    expect(page.get_by_text("Peserta rapat").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "rapat-monev-baru.png"), full_page=True)
    page.get_by_role("button", name="Simpan rapat (draf)").click()
    expect(page.get_by_text("Rapat tersimpan sebagai draf").first).to_be_visible()
    baru = page.locator("input[aria-label='Rapat'][value^='Triwulan III TA 2026'][value$='(Draf)']")
    expect(baru).to_be_visible()
    expect(pemilih).to_have_count(1)

    page.get_by_label("Permasalahan", exact=True).fill("Data TW III belum disampaikan")
    page.get_by_label("Uraian tindak lanjut").fill(TINDAK)
    page.get_by_role("button", name="Simpan temuan").click()
    expect(page.get_by_text("Temuan dan tindak lanjutnya tersimpan").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "rapat-monev.png"), full_page=True)
    # a download changes nothing: the same meeting stays open, with its forms
    with page.expect_download() as unduhan:
        page.get_by_role("button", name="Notulen (PDF)").click()
    assert unduhan.value.suggested_filename.endswith(".pdf")
    expect(pemilih).to_have_count(1)
    expect(baru).to_be_visible()
    expect(page.get_by_role("button", name="Finalkan notulen")).to_be_visible()
    page.get_by_text("Ubah data rapat, peserta dan agenda").click()
    page.get_by_role("button", name="Usulkan ulang agenda dari data").click()
    expect(page.get_by_text("usulan baru dari data").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "rapat-monev-ubah.png"), full_page=True)
    _logout(page)

    _masuk(page, url, "staf.dep")
    _buka(page, "Tindak lanjut")
    page.get_by_label("Pilih tindak lanjut").click()
    page.get_by_role("option").filter(has_text=TINDAK).click()
    # the form of the chosen follow-up (due 60 days after the meeting, dated by the agency's
    # clock: between 00.00 and 07.00 WIB the server's date.today() is a day behind)
    batas = formats.tanggal(config.sekarang().date() + dt.timedelta(days=60))
    expect(page.get_by_text(f"Batas waktu {batas}").first).to_be_visible()
    expect(page.get_by_text("Perbarui progres").first).to_be_visible()
    page.locator("label").filter(has_text="Dalam Proses").first.click()
    # the radio's rerun briefly shows the old form beside the new one: wait for it to settle
    expect(page.get_by_label("Catatan progres")).to_have_count(1)
    page.get_by_label("Catatan progres").fill("Surat tugas operator cadangan sudah terbit.")
    page.get_by_text("Minta ditutup (tindak lanjut sudah tuntas)").click()
    page.get_by_role("button", name="Simpan progres").click()
    expect(page.get_by_text("Permintaan tutup dikirim ke Pengelola Monev").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "tindak-lanjut-bidang.png"), full_page=True)


def test_kadis_reads_overdue_meetings_and_follow_ups(server, page: Page):
    _masuk(page, server["url"], "kadis")
    for judul, berkas in (
        ("Hasil monev", "hasil-monev-kadis.png"),
        ("Rapat monev", "rapat-kadis.png"),
        ("Tindak lanjut", "tindak-lanjut-kadis.png"),
    ):
        _buka(page, judul)
        expect(_heading(page, judul)).to_be_visible()
        page.wait_for_timeout(1500)  # charts drawn
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / berkas), full_page=True)
    _buka(page, "Hasil monev")
    expect(page.get_by_text("Tindak lanjut lewat batas waktu per unit").first).to_be_visible()
    expect(page.get_by_role("button", name="Simpan rapat (draf)")).to_have_count(0)
