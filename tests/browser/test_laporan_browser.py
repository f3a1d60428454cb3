"""Reports in a real browser: the Pengelola Monev produces the quarterly report and downloads
the Excel and the PDF (both opened and their header checked); a staf_bidang gets only its
unit."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .test_login_browser import _buka, _login

pytestmark = [pytest.mark.browser]

LYN = "Bidang Layanan dan Otomasi Perpustakaan"


def _buat(page: Page) -> None:
    """Press Buat laporan once: the download buttons show."""
    page.get_by_role("button", name="Buat laporan").click()
    expect(page.get_by_role("button", name="Unduh PDF")).to_be_visible()


def _unduh(page: Page, tombol: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=tombol).click()
    unduhan = info.value
    with open(unduhan.path(), "rb") as f:
        return unduhan.suggested_filename, f.read()


def _sheet(isi: bytes):
    """The first sheet: its title lines (column A above the header) and the header row."""
    ws = openpyxl.load_workbook(io.BytesIO(isi)).worksheets[0]
    baris = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
    return ws, [ws.cell(r, 1).value for r in range(1, baris)], [c.value for c in ws[baris]], baris


def test_monev_downloads_excel_and_pdf(server, page: Page):
    _login(page, server["url"], "monev")
    _buka(page, "Laporan kinerja")
    _buat(page)
    nama, isi = _unduh(page, "Unduh Excel")
    assert nama.startswith("laporan-triwulan-DISPERPUSIP-2026-") and nama.endswith(".xlsx")
    ws, judul, header, baris = _sheet(isi)
    assert judul[:2] == [
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "DINAS PERPUSTAKAAN DAN KEARSIPAN KABUPATEN SUKAMAJU",
    ]
    assert judul[2].startswith("LAPORAN CAPAIAN KINERJA TRIWULAN")
    assert header[:4] == ["No", "Sasaran", "Kode", "Indikator"]
    assert isinstance(ws.cell(baris + 1, 1).value, int)  # real numbers, not text
    kode = {ws.cell(r, 3).value for r in range(baris + 1, ws.max_row + 1)} - {None}
    assert len(kode) == 33  # the whole instansi
    nama, isi = _unduh(page, "Unduh PDF")
    assert nama.endswith(".pdf") and isi.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(isi))
    teks = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for s in (
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "LAPORAN CAPAIAN KINERJA TRIWULAN",
        "Faktor pendorong / penghambat",
        "Jumlah / rata-rata instansi",
        "NIP.",
        f"Halaman 1 dari {len(reader.pages)}",
    ):
        assert s in teks, s


def test_staf_bidang_sees_only_its_unit(server, page: Page):
    _login(page, server["url"], "staf.lyn")
    _buka(page, "Laporan kinerja")
    unit = page.get_by_label("Unit kerja")
    expect(unit).to_be_visible()
    unit.click()
    expect(page.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("option", name=LYN)).to_be_visible()
    page.keyboard.press("Escape")
    _buat(page)
    nama, isi = _unduh(page, "Unduh Excel")
    assert "-LYN-" in nama
    ws, judul, header, baris = _sheet(isi)
    assert f"Unit kerja: {LYN}" in judul
    kode = {ws.cell(r, 3).value for r in range(baris + 1, ws.max_row + 1)} - {None}
    assert kode and all(k.startswith("LYN.") for k in kode)
