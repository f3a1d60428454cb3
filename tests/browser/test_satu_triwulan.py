"""Satu triwulan: a whole quarter played in a real browser at 1366x768, as the people do it.

The Pengelola Monev opens Triwulan IV 2026 (the demo store has targets for it but no period);
six units enter their realisations, one of them through the Excel template, and submit; one
submission is returned with a reason, the Bidang reads it, fixes its value and submits again;
every submission is verified, initialled and signed; a monev meeting records a finding with a
follow-up that the unit then updates; the Kadis reads the dashboard and the drill-down and
downloads the quarterly report as PDF and Excel.

Every user action is one small step function that finds its controls by their visible label or
role, so a page whose layout changes needs only its step adapted. A screenshot of every step is
kept in test-artifacts/satu-triwulan/NN-step.png. No reruns, no click-again loops and no sleeps:
each step waits for what the user would wait for (the text the page shows once its run ended).
"""

from __future__ import annotations

import io
import math
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from dashboard import demo_katalog, formats

from .conftest import ARTIFACTS
from .test_login_browser import _buka, _heading, _login

pytestmark = [pytest.mark.browser]

TAHUN, TW = 2026, 4  # after the demo's last period (TW III 2026 on tests/conftest.py TODAY)
PERIODE = f"{formats.nama_triwulan(TW)} {formats.nama_tahun(TAHUN)}"  # Triwulan IV TA 2026
TENGGAT = "15012027"  # typed into the date field's segments: 15/01/2027
NAMA_UNIT = {u[0]: u[1] for u in demo_katalog.UNIT}
LEWAT_EXCEL = "PKA"  # this unit fills the Excel template instead of the table
DIKEMBALIKAN = "LYN"  # this unit types a wrong value and is returned
SALAH = "LYN.02"  # ... in this indicator: ten times the real visitor count
ALASAN = "LYN.02 tertulis 10 kali lipat dari buku tamu; perbaiki jumlah pengunjung."
TEMUAN_UNIT = "PBP"
TEMUAN = "Koleksi bahan pustaka yang ditambah di bawah target triwulan."
TINDAK = "Menyusun jadwal percepatan pengadaan koleksi Triwulan I 2027"
PROGRES = "Jadwal percepatan disusun; pengadaan tahap pertama sudah dikontrak."
# how each unit performs this quarter against its target (positive indicators; a negative one
# gets the inverse), so the dashboard shows more than one category
MUTU = {"SEK": 1.0, "LYN": 0.97, "PBP": 0.8, "PKA": 1.02, "PAR": 0.92, "DEP": 1.05}
DESIMAL = {"%", "indeks", "nilai", "menit", "hari"}
FOTO = ARTIFACTS / "satu-triwulan"


@dataclass(frozen=True)
class Isian:
    """One row a unit enters: the value as typed (Indonesian format) and its note."""

    kode: str
    nilai: float
    catatan: str

    @property
    def ketik(self) -> str:
        return formats.angka(self.nilai)


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def page(browser):
    """The office laptop: 1366x768, Indonesian locale, the agency's time zone."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 768},
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        accept_downloads=True,
    )
    p = context.new_page()
    p.set_default_timeout(20_000)
    yield p
    context.close()


@pytest.fixture
def log_server(server):
    """The server's log kept beside the screenshots, to read after a failed run."""
    yield
    FOTO.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(server["log"], FOTO / "server.log")


@pytest.fixture(scope="module")
def isian(demo_db: Path) -> dict[str, list[Isian]]:
    return rencana_isian(demo_db)


def rencana_isian(demo_db: Path) -> dict[str, list[Isian]]:
    """What every unit enters for the quarter, from the demo's own targets of Triwulan IV
    (read before the server copies the store). Fails clearly if the demo ever opens it."""
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        ada = con.execute(
            "SELECT count(*) FROM periode WHERE tahun = ? AND triwulan = ?", [TAHUN, TW]
        ).fetchone()[0]
        rows = con.execute(
            "SELECT u.kode, i.kode, i.satuan, i.polaritas, t.nilai FROM indikator i "
            "JOIN unit u ON u.id = i.unit_id JOIN target t ON t.indikator_id = i.id "
            "AND t.tahun = ? AND t.triwulan = ? ORDER BY i.kode",
            [TAHUN, TW],
        ).fetchall()
    finally:
        con.close()
    assert ada == 0, f"the demo store already has {PERIODE}: choose a later quarter"
    assert rows, f"the demo store has no targets for {PERIODE}"
    hasil: dict[str, list[Isian]] = {u: [] for u in NAMA_UNIT}
    for unit, kode, satuan, polaritas, target in rows:
        f = MUTU[unit] if polaritas == "positif" else 1 / MUTU[unit]
        nilai = target * f
        nilai = min(nilai, 100.0) if satuan == "%" else nilai
        nilai = round(nilai, 2) if satuan in DESIMAL else float(math.floor(nilai + 0.5))
        hasil[unit].append(Isian(kode, nilai, f"Realisasi {kode} sesuai laporan bulanan."))
    return hasil


class Jejak:
    """Numbered screenshots of the steps, and how long each took (test-artifacts/)."""

    def __init__(self, page: Page):
        shutil.rmtree(FOTO, ignore_errors=True)
        FOTO.mkdir(parents=True)
        self.page, self.n, self.mulai, self.waktu = page, 0, time.monotonic(), []

    def foto(self, langkah: str) -> None:
        """What the user sees now (the viewport, 1366x768), once the page's run has ended."""
        _tunggu(self.page)
        expect(self.page.locator(".stSkeleton")).to_have_count(0)  # lazy widgets drawn
        self.page.mouse.move(0, 0)  # no hover tooltip over the content
        self.n += 1
        self.page.screenshot(path=str(FOTO / f"{self.n:02d}-{langkah}.png"))
        sekarang = time.monotonic()
        self.waktu.append(f"{self.n:02d}-{langkah}: {sekarang - self.mulai:.1f} s")
        (FOTO / "waktu.txt").write_text("\n".join(self.waktu) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- helpers


def _tunggu(page: Page) -> None:
    """The page's script run has ended. Streamlit marks its app root with the run's state (the
    status widget shows only after half a second); a run a click started is seen by the text
    it shows, which every step waits for first."""
    expect(page.locator("[data-testid=stApp]")).to_have_attribute(
        "data-test-script-state", "notRunning"
    )


def _pilih(page: Page, label: str, *teks: str) -> None:
    """Choose the option of a select box whose text holds every piece of `teks`."""
    kotak = _kotak_pilih(page, label)
    kotak.click()
    kotak.fill(teks[0])  # long lists show only the options in view: narrow it down first
    opsi = page.get_by_role("option")
    for t in teks:
        opsi = opsi.filter(has_text=t)
    opsi.click()
    expect(page.get_by_role("listbox")).to_have_count(0)  # closed: it lay over the page


def _kotak_pilih(page: Page, label: str) -> Locator:
    """A select box by its label; its value is the option shown."""
    return page.get_by_role("combobox", name=label, exact=True)


def _sel(grid: Locator, kolom: int, baris: int) -> Locator:
    """A cell of a data grid (drawn on a canvas; its accessible table mirrors the cells)."""
    return grid.locator(f"[data-testid=glide-cell-{kolom}-{baris}]")


def _pilih_sel(page: Page, grid: Locator, baris: int) -> None:
    """Select a row's first cell with the mouse. Moved there first, then pressed: a click
    dispatched in one go right after a select box was used is dropped by the grid."""
    _tunggu(page)  # a grid redrawn by the page's run would drop the click too
    kotak = grid.bounding_box()
    assert kotak is not None
    page.mouse.move(kotak["x"] + 20, kotak["y"] + 35 + 35 * baris + 17)  # header, rows 35 px
    page.mouse.down()
    page.mouse.up()
    expect(_sel(grid, 0, baris)).to_have_attribute("aria-selected", "true")


def _masuk(page: Page, url: str, user: str) -> None:
    _login(page, url, user)
    expect(_heading(page, "Beranda")).to_be_visible()


def _keluar(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_label("Nama pengguna")).to_be_visible()


# ---------------------------------------------------------------- steps (one user action each)


def _buka_periode(page: Page, catatan: str) -> None:
    """Pengelola Monev: open the quarter with its due date and the Nota Dinas text."""
    _buka(page, "Periode pengumpulan")
    tahun = page.get_by_role("spinbutton", name="Tahun")
    expect(tahun).to_be_visible()
    tahun.fill(str(TAHUN))
    _pilih(page, "Triwulan", formats.nama_triwulan(TW))
    page.get_by_role("spinbutton", name="day, Tenggat pengisian").click()
    page.keyboard.type(TENGGAT)  # the field moves on to month and year by itself
    page.get_by_label("Catatan (isi Nota Dinas)").fill(catatan)
    page.get_by_role("button", name="Buka periode").click()
    expect(page.get_by_text("Periode dibuka; unit dapat mulai mengisi.").first).to_be_visible()


def _pilih_periode_entri(page: Page) -> None:
    """Staf Bidang: Isi realisasi on the new quarter."""
    _buka(page, "Isi realisasi")
    if PERIODE not in _kotak_pilih(page, "Periode").input_value():
        _pilih(page, "Periode", PERIODE)
    expect(page.get_by_text(f"Target {formats.nama_triwulan(TW)}", exact=True)).to_be_attached()
    expect(page.get_by_text(re.compile(r"Status: (Draf|Diajukan)")).first).to_be_visible()
    _tunggu(page)


def _isi_realisasi(page: Page, baris: list[Isian]) -> None:
    """Staf Bidang: type each row's value and note into the entry table, by keyboard as an
    operator does (the grid scrolls the off-screen input columns into view)."""
    _pilih_periode_entri(page)
    grid = page.get_by_test_id("stDataFrame").first
    pratinjau = page.get_by_test_id("stDataFrame").nth(1)
    kode = [b.kode for b in baris]
    for i, k in enumerate(kode):
        expect(_sel(grid, 0, i)).to_have_text(k)
    realisasi = 5 + (TW - 1)  # Kode .. Target TW, earlier quarters, then Realisasi
    _pilih_sel(page, grid, 0)
    for _ in range(realisasi):
        page.keyboard.press("ArrowRight")
    editor = page.locator("textarea.gdg-input")
    for i, b in enumerate(baris):
        expect(_sel(grid, realisasi, i)).to_have_attribute("aria-selected", "true")
        page.keyboard.press("Enter")
        editor.fill(b.ketik)
        page.keyboard.press("Tab")  # keep, and move to Catatan
        expect(_sel(pratinjau, 3, i)).not_to_have_text("Belum Diisi")  # the page has checked it
        _tunggu(page)
        expect(_sel(grid, realisasi + 1, i)).to_have_attribute("aria-selected", "true")
        page.keyboard.press("Enter")
        editor.fill(b.catatan)
        page.keyboard.press("Tab")
        expect(_sel(grid, realisasi + 1, i)).to_have_text(b.catatan)
        _tunggu(page)
        if i + 1 < len(baris):
            for tombol in ("ArrowDown", "ArrowLeft", "ArrowLeft"):
                page.keyboard.press(tombol)
    expect(page.get_by_text("Perbaiki dulu")).to_have_count(0)


def _ubah_realisasi(page: Page, baris: list[Isian], b: Isian) -> None:
    """Staf Bidang: correct one row's value in the entry table."""
    _pilih_periode_entri(page)
    grid = page.get_by_test_id("stDataFrame").first
    pratinjau = page.get_by_test_id("stDataFrame").nth(1)
    i = [x.kode for x in baris].index(b.kode)
    expect(_sel(grid, 0, i)).to_have_text(b.kode)
    realisasi = 5 + (TW - 1)
    _pilih_sel(page, grid, i)
    capaian = _sel(pratinjau, 1, i).text_content()
    for _ in range(realisasi):
        page.keyboard.press("ArrowRight")
    expect(_sel(grid, realisasi, i)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.fill(b.ketik)
    page.keyboard.press("Enter")
    expect(_sel(grid, realisasi, i)).to_have_text(b.ketik)
    expect(_sel(pratinjau, 1, i)).not_to_have_text(capaian or "")  # recomputed by the page
    _tunggu(page)


def _isi_lewat_excel(page: Page, baris: list[Isian], foto: Callable[[str], None]) -> None:
    """Staf Bidang: download the Excel template, fill it (openpyxl), upload it and apply."""
    _pilih_periode_entri(page)
    page.get_by_text("Excel: unduh templat atau unggah isian").click()
    with page.expect_download() as unduhan:
        page.get_by_role("button", name="Unduh templat Excel").click()
    wb = openpyxl.load_workbook(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    ws = wb.worksheets[0]
    kepala = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Kode")
    kolom = {str(c.value): c.column for c in ws[kepala] if c.value}
    nilai = next(c for n, c in kolom.items() if n.endswith("(isi)"))
    isi = {b.kode: b for b in baris}
    for r in range(kepala + 1, ws.max_row + 1):
        b = isi.pop(ws.cell(r, kolom["Kode"]).value, None)
        if b:
            ws.cell(r, nilai).value = b.nilai
            ws.cell(r, kolom["Catatan"]).value = b.catatan
    assert not isi, f"not in the template: {list(isi)}"
    berkas = io.BytesIO()
    wb.save(berkas)
    unggah = page.get_by_test_id("stFileUploader").filter(has_text="Unggah templat")
    unggah.locator("input[type=file]").set_input_files(
        files=[
            {
                "name": f"realisasi_TW{TW}_{TAHUN}_terisi.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": berkas.getvalue(),
            }
        ]
    )
    expect(page.get_by_text(f"Pratinjau: {len(baris)} baris akan berubah.")).to_be_visible()
    terapkan = page.get_by_role("button", name="Terapkan impor")
    terapkan.scroll_into_view_if_needed()
    foto("pratinjau-excel")
    terapkan.click()
    expect(page.get_by_text(f"Impor diterapkan: {len(baris)} baris berubah.").first).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").first
    expect(_sel(grid, 0, 0)).to_have_text(baris[0].kode)


def _ajukan(page: Page) -> None:
    """Staf Bidang: submit the quarter to the Pengelola Monev."""
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Data diajukan ke Pengelola Monev").first).to_be_visible()
    expect(page.get_by_text("Status: Diajukan").first).to_be_visible()


def _periksa(page: Page, unit: str) -> None:
    """Reviewer: open the unit's submission of this quarter from the queue."""
    _buka(page, "Antrian review")
    _pilih(page, "Periksa pengajuan", f"{NAMA_UNIT[unit]} · {PERIODE}")
    expect(page.get_by_role("heading", name=f"{NAMA_UNIT[unit]}: {PERIODE}")).to_be_visible()


def _setujui(page: Page, unit: str, tombol: str, pesan: str) -> None:
    _periksa(page, unit)
    page.get_by_role("button", name=tombol, exact=True).click()
    expect(page.get_by_text(pesan).first).to_be_visible()


def _verifikasi(page: Page, unit: str) -> None:
    """Pengelola Monev: verify one submission."""
    _setujui(page, unit, "Verifikasi", "Pengajuan diverifikasi")


def _paraf(page: Page, unit: str) -> None:
    """Sekretaris: initial one submission."""
    _setujui(page, unit, "Paraf", "Pengajuan diparaf")


def _sahkan(page: Page, unit: str) -> None:
    """Kadis: sign one submission."""
    _setujui(page, unit, "Sahkan", "Pengajuan disahkan")


def _kembalikan(page: Page, unit: str, alasan: str, foto: Callable[[str], None]) -> None:
    """Pengelola Monev: return a submission to the unit with a reason."""
    _periksa(page, unit)
    page.get_by_role("button", name="Kembalikan").click()
    page.get_by_label("Alasan pengembalian (wajib)").fill(alasan)
    foto(f"kembalikan-{unit.lower()}")
    page.get_by_role("button", name="Kembalikan pengajuan").click()
    expect(page.get_by_text("Pengajuan dikembalikan dengan alasan tercatat.").first).to_be_visible()


def _baca_alasan(page: Page, kode: str, alasan: str, foto: Callable[[str], None]) -> None:
    """Staf Bidang: find why the submission came back. On this version the reason shows only
    in the Beranda drill-down of an indicator, in the review events table, whose Catatan column
    is past the right edge: the table is opened full screen to read it."""
    _buka(page, "Beranda")
    page.get_by_role("tab", name="Indikator").click()
    _pilih(page, "Indikator", f"{kode} ·")
    judul = page.get_by_text("Peristiwa review pengajuan unit", exact=True)
    expect(judul).to_be_visible()
    _tunggu(page)
    tabel = page.get_by_test_id("stColumn").filter(has=judul).get_by_test_id("stDataFrame")
    tabel.hover()  # its toolbar shows on hover
    tabel.get_by_role("button", name="Fullscreen").click()
    expect(page.get_by_text(alasan).first).to_be_attached()  # a grid cell, drawn on canvas
    foto("alasan-dibaca")
    page.get_by_role("button", name="Close fullscreen").click()
    expect(page.get_by_role("button", name="Close fullscreen")).to_have_count(0)


def _rapat(page: Page, unit: str, kode: str) -> None:
    """Pengelola Monev: record the quarter's monev meeting, a finding on one indicator with
    its follow-up, and make the minutes final."""
    _buka(page, "Rapat monev")
    expect(page.get_by_role("heading", name="Catat rapat baru")).to_be_visible()
    expect(_kotak_pilih(page, "Triwulan")).to_have_value(formats.nama_triwulan(TW))
    page.get_by_label("Ringkasan pembahasan").fill(
        f"Capaian kinerja {PERIODE} dibahas per bidang, termasuk pengajuan yang dikembalikan."
    )
    page.get_by_label("Kesimpulan dan keputusan").fill(
        "Bidang dengan capaian di bawah target menyusun langkah percepatan."
    )
    page.get_by_role("button", name="Simpan rapat (draf)").click()
    expect(page.get_by_text("Rapat tersimpan sebagai draf").first).to_be_visible()
    _pilih(page, "Unit", NAMA_UNIT[unit])
    _pilih(page, "Indikator (opsional)", f"{kode} ")
    page.get_by_label("Permasalahan", exact=True).fill(TEMUAN)
    page.get_by_label("Penyebab", exact=True).fill("Proses pengadaan koleksi mundur dua bulan.")
    page.get_by_label("Rekomendasi", exact=True).fill("Percepat pengadaan pada triwulan berikut.")
    page.get_by_label("Uraian tindak lanjut").fill(TINDAK)
    page.get_by_role("button", name="Simpan temuan").click()
    expect(page.get_by_text("Temuan dan tindak lanjutnya tersimpan").first).to_be_visible()
    page.get_by_role("button", name="Finalkan notulen").click()
    expect(page.get_by_text("Notulen final").first).to_be_visible()
    page.get_by_role("tab", name="Temuan dan tindak lanjut").click()
    expect(page.get_by_text(TEMUAN).first).to_be_attached()  # a grid cell of the findings
    # the reader's view: from the meeting's choice down to its findings
    _kotak_pilih(page, "Rapat").evaluate("e => e.scrollIntoView({block: 'start'})")


def _tindak_lanjut(page: Page) -> None:
    """Staf Bidang: report progress on the unit's follow-up."""
    _buka(page, "Tindak lanjut")
    _pilih(page, "Pilih tindak lanjut", TINDAK)
    expect(page.get_by_text("Perbarui progres").first).to_be_visible()
    page.locator("label").filter(has_text="Dalam Proses").first.click()
    # the radio's rerun briefly shows the old form beside the new one: wait for it to settle
    expect(page.get_by_label("Catatan progres")).to_have_count(1)
    page.get_by_label("Catatan progres").fill(PROGRES)
    page.get_by_role("button", name="Simpan progres").click()
    expect(page.get_by_text("Progres tindak lanjut tersimpan").first).to_be_visible()


def _dasbor_kadis(page: Page, n_indikator: int) -> None:
    """Kadis: the dashboard opens on the new quarter."""
    _buka(page, "Beranda")
    expect(page.get_by_text(f"{PERIODE}: {n_indikator} indikator").first).to_be_visible()
    n_unit = len(NAMA_UNIT)
    expect(page.get_by_text(f"{n_unit} dari {n_unit}", exact=True)).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()


def _rincian(page: Page, kode: str) -> None:
    """Kadis: drill down to one indicator: its calculation, values and the meeting's finding."""
    page.get_by_role("tab", name="Indikator").click()
    _pilih(page, "Indikator", f"{kode} ·")
    rincian = page.get_by_role("heading", name=f"Rincian {PERIODE}")
    expect(rincian).to_be_visible()
    expect(page.get_by_text(f"{kode} · ").first).to_be_visible()
    expect(page.get_by_text(TEMUAN).first).to_be_attached()  # a grid cell of the findings
    rincian.scroll_into_view_if_needed()


def _unduh_laporan(page: Page) -> dict[str, bytes]:
    """Kadis: the quarterly report of the instansi, downloaded as PDF and as Excel."""
    _buka(page, "Laporan kinerja")
    expect(_kotak_pilih(page, "Triwulan")).to_have_value(formats.nama_triwulan(TW))
    page.get_by_role("button", name="Buat laporan").click()
    berkas = {}
    for tombol in ("Unduh PDF", "Unduh Excel"):
        with page.expect_download() as unduhan:
            page.get_by_role("button", name=tombol).click()
        berkas[tombol] = Path(unduhan.value.path()).read_bytes()
    return berkas


# ---------------------------------------------------------------- the quarter


def test_satu_triwulan(server, log_server, page: Page, isian: dict[str, list[Isian]]):
    url = server["url"]
    jejak = Jejak(page)

    _masuk(page, url, "monev")
    _buka_periode(page, f"Nota Dinas permintaan data kinerja {PERIODE}")
    jejak.foto("periode-dibuka")
    _keluar(page)

    salah = {b.kode: b for b in isian[DIKEMBALIKAN]}[SALAH]
    for unit, baris in isian.items():
        _masuk(page, url, f"staf.{unit.lower()}")
        if unit == LEWAT_EXCEL:
            _isi_lewat_excel(page, baris, jejak.foto)
        else:
            ketik = [
                Isian(b.kode, b.nilai * 10, b.catatan) if b.kode == SALAH else b for b in baris
            ]
            _isi_realisasi(page, ketik if unit == DIKEMBALIKAN else baris)
        jejak.foto(f"isi-{unit.lower()}")
        _ajukan(page)
        jejak.foto(f"diajukan-{unit.lower()}")
        _keluar(page)

    _masuk(page, url, "monev")
    _kembalikan(page, DIKEMBALIKAN, ALASAN, jejak.foto)
    jejak.foto(f"dikembalikan-{DIKEMBALIKAN.lower()}")
    for unit in isian:
        if unit != DIKEMBALIKAN:
            _verifikasi(page, unit)
    jejak.foto("diverifikasi")
    _keluar(page)

    _masuk(page, url, f"staf.{DIKEMBALIKAN.lower()}")
    _baca_alasan(page, SALAH, ALASAN, jejak.foto)
    _ubah_realisasi(page, isian[DIKEMBALIKAN], salah)
    jejak.foto("diperbaiki")
    _ajukan(page)
    jejak.foto("diajukan-ulang")
    _keluar(page)

    _masuk(page, url, "monev")
    _verifikasi(page, DIKEMBALIKAN)
    jejak.foto("diverifikasi-ulang")
    _keluar(page)

    for user, langkah in (("sekretaris", _paraf), ("kadis", _sahkan)):
        _masuk(page, url, user)
        for unit in isian:
            langkah(page, unit)
        jejak.foto(langkah.__name__.strip("_"))
        _keluar(page)

    rendah = next(b for b in isian[TEMUAN_UNIT] if b.nilai > 0)
    _masuk(page, url, "monev")
    _rapat(page, TEMUAN_UNIT, rendah.kode)
    jejak.foto("rapat-monev")
    _keluar(page)

    _masuk(page, url, f"staf.{TEMUAN_UNIT.lower()}")
    _tindak_lanjut(page)
    jejak.foto("tindak-lanjut")
    _keluar(page)

    _masuk(page, url, "kadis")
    _dasbor_kadis(page, sum(len(b) for b in isian.values()))
    jejak.foto("beranda-kadis")
    _rincian(page, rendah.kode)
    jejak.foto("rincian-kadis")
    berkas = _unduh_laporan(page)
    jejak.foto("laporan-kadis")

    # the report counts signed values only: every unit's value of the quarter is in it, the
    # returned unit's as corrected
    pdf = PdfReader(io.BytesIO(berkas["Unduh PDF"]))
    teks = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert f"LAPORAN CAPAIAN KINERJA TRIWULAN IV TAHUN ANGGARAN {TAHUN}" in teks
    assert salah.ketik in teks
    ws = openpyxl.load_workbook(io.BytesIO(berkas["Unduh Excel"])).worksheets[0]
    kepala = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
    kolom = {c.value: c.column for c in ws[kepala]}
    nilai = kolom[f"Realisasi TW {formats.ROMAWI[TW]}"]
    realisasi = {
        ws.cell(r, kolom["Kode"]).value: ws.cell(r, nilai).value
        for r in range(kepala + 1, ws.max_row + 1)
    }
    harapan = {b.kode: b.nilai for v in isian.values() for b in v}
    assert {k: realisasi.get(k) for k in harapan} == pytest.approx(harapan)
