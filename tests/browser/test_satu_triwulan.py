"""Satu triwulan: a whole quarter played in a real browser at 1366x768, as the people do it.

The Pengelola Monev opens Triwulan IV 2026 (the quarter the form offers after the demo's last
one); six units type their realisations row by row, save the draft and submit, one of them
through the Excel template; one submission is returned with a reason, the Bidang reads it on
its Beranda and at the top of Isi realisasi, fixes its value and submits again; every
submission is verified, the Sekretaris initials the six at once (confirmed in a dialog) and the
Kadis signs each (confirmed in a dialog); a monev meeting records a finding with a follow-up
that the unit then updates; the Kadis reads the dashboard (6 of 6 submitted and signed), clicks
a unit's row to open the drill-down, reads the indicator's finding and downloads the quarterly
report as PDF and Excel, whose values are the ones entered.

Every user action is one small step function that finds its controls by their visible label or
role, so a page whose layout changes needs only its step adapted. A screenshot of every step is
kept in test-artifacts/satu-triwulan/NN-step.png, the step's result scrolled into view, with
the server's log beside it. No reruns, no click-again loops and no sleeps: each step waits for
what the user would wait for (the text the page shows once its run ended) and for the run to
end before it uses the page's controls again.
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

from dashboard.alat import demo_katalog
from dashboard.inti import formats
from dashboard.pengumpulan import data_sah

from .conftest import ARTIFACTS
from .test_login_browser import _heading, _login

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
TEMUAN_KODE = "PBP.06"  # Jumlah koleksi bahan pustaka yang ditambah
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
        # the demo's Dinas (the other demo instansi run the other seed SOPs, not this quarter)
        iid = con.execute("SELECT id FROM instansi WHERE kode = 'DISPERPUSIP'").fetchone()[0]
        ada = con.execute(
            "SELECT count(*) FROM periode WHERE instansi_id = ? AND tahun = ? AND triwulan = ?",
            [iid, TAHUN, TW],
        ).fetchone()[0]
        rows = con.execute(
            "SELECT u.kode, i.kode, i.satuan, i.polaritas, t.nilai FROM indikator i "
            "JOIN unit u ON u.id = i.unit_id JOIN target t ON t.indikator_id = i.id "
            "AND t.tahun = ? AND t.triwulan = ? WHERE i.instansi_id = ? ORDER BY i.kode",
            [TAHUN, TW, iid],
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

    def foto(self, langkah: str, lihat: Locator | None = None, blok: str = "center") -> None:
        """What the user sees now (the viewport, 1366x768), once the page's run has ended;
        `lihat`, the step's result, is scrolled into view first (`blok`: where it stands,
        "center", "start" or "end")."""
        _tunggu(self.page)
        expect(self.page.locator(".stSkeleton")).to_have_count(0)  # lazy widgets drawn
        if lihat is not None:
            lihat.evaluate("(e, blok) => e.scrollIntoView({block: blok})", blok)
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


def _halaman(page: Page, link: str) -> None:
    """Open a page from the sidebar (unless it is already open) and let its run end, so no
    control of a previous run is used."""
    _tunggu(page)
    if not _heading(page, link).is_visible():
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=link, exact=True).click()
        expect(_heading(page, link)).to_be_visible()
        _tunggu(page)


def _masuk(page: Page, url: str, user: str) -> None:
    _login(page, url, user)
    expect(_heading(page, "Beranda")).to_be_visible()


def _keluar(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_label("Nama pengguna")).to_be_visible()


# ---------------------------------------------------------------- steps (one user action each)


def _buka_periode(page: Page, catatan: str) -> Locator:
    """Pengelola Monev: open the quarter the form offers (the one after the newest period) with
    its due date and the Nota Dinas text."""
    _halaman(page, "Periode pengumpulan")
    expect(page.get_by_role("spinbutton", name="Tahun")).to_have_value(str(TAHUN))
    expect(_kotak_pilih(page, "Triwulan")).to_have_value(formats.nama_triwulan(TW))
    page.get_by_role("spinbutton", name="day, Tenggat pengisian").click()
    page.keyboard.type(TENGGAT)  # the field moves on to month and year by itself
    page.get_by_label("Catatan (isi Nota Dinas)").fill(catatan)
    page.get_by_role("button", name="Buka periode").click()
    pesan = page.get_by_text(
        f"Periode {PERIODE} dibuka; Nota Dinas permintaan data dikirim ke kotak masuk dan surel "
        "setiap unit."
    )
    expect(pesan).to_be_visible()
    daftar = page.get_by_test_id("stDataFrame").first  # Daftar periode, newest first
    expect(_sel(daftar, 0, 0)).to_have_text(PERIODE)
    expect(_sel(daftar, 2, 0)).to_have_text("Dibuka")
    return pesan


def _pilih_periode_entri(page: Page) -> None:
    """Staf Bidang: Isi realisasi on the new quarter."""
    _halaman(page, "Isi realisasi")
    if PERIODE not in _kotak_pilih(page, "Periode").input_value():
        _pilih(page, "Periode", PERIODE)
    expect(page.get_by_text(f"Realisasi TW {formats.ROMAWI[TW]}", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Status: (Draf|Diajukan|Dikembalikan)"))).to_be_visible()
    _tunggu(page)


def _kotak_realisasi(page: Page, kode: str) -> Locator:
    return page.get_by_role("textbox", name=f"Realisasi {kode}", exact=True)


def _baris_entri(page: Page, kode: str) -> Locator:
    """An indicator's row of columns on Isi realisasi: name and targets, inputs, capaian."""
    return page.get_by_test_id("stHorizontalBlock").filter(has=_kotak_realisasi(page, kode))


def _belum_disimpan(page: Page, kode: list[str]) -> Locator:
    """The bar's notice naming every row typed and not yet saved."""
    return page.get_by_text(f"Ada perubahan belum disimpan: {', '.join(sorted(kode))}.")


def _isi_realisasi(page: Page, baris: list[Isian]) -> Locator:
    """Staf Bidang: type each indicator's value and note into its row, as an operator does
    (Tab leaves a field: the page then checks the row)."""
    _pilih_periode_entri(page)
    for b in baris:
        nilai = _kotak_realisasi(page, b.kode)
        nilai.fill(b.ketik)
        nilai.press("Tab")
        catatan = page.get_by_role("textbox", name=f"Catatan {b.kode}", exact=True)
        catatan.fill(b.catatan)
        catatan.press("Tab")
    pesan = _belum_disimpan(page, [b.kode for b in baris])
    expect(pesan).to_be_visible()
    _tunggu(page)
    for b in baris:  # every value kept as typed through the page's runs
        expect(_kotak_realisasi(page, b.kode)).to_have_value(b.ketik)
    return pesan


def _simpan_draf(page: Page, n: int) -> Locator:
    """Staf Bidang: save the typed rows as a draft."""
    page.get_by_role("button", name="Simpan draf").click()
    pesan = page.get_by_text(f"Draf tersimpan ({n} baris berubah).")
    expect(pesan).to_be_visible()
    expect(page.get_by_text("Ada perubahan belum disimpan")).to_have_count(0)
    return pesan


def _ubah_realisasi(page: Page, b: Isian) -> Locator:
    """Staf Bidang: correct one row's value."""
    _pilih_periode_entri(page)
    nilai = _kotak_realisasi(page, b.kode)
    nilai.fill(b.ketik)
    nilai.press("Tab")
    expect(_belum_disimpan(page, [b.kode])).to_be_visible()
    _tunggu(page)
    expect(nilai).to_have_value(b.ketik)
    return _baris_entri(page, b.kode)


def _isi_lewat_excel(page: Page, baris: list[Isian], foto: Callable[..., None]) -> None:
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
    foto("pratinjau-excel", terapkan)
    terapkan.click()
    expect(page.get_by_text(f"Impor diterapkan: {len(baris)} baris berubah.")).to_be_visible()
    for b in baris:
        expect(_kotak_realisasi(page, b.kode)).to_have_value(b.ketik)


def _ajukan(page: Page) -> Locator:
    """Staf Bidang: submit the quarter to the Pengelola Monev."""
    page.get_by_role("button", name="Ajukan").click()
    pesan = page.get_by_text("Data diajukan ke Pengelola Monev untuk diverifikasi.")
    expect(pesan).to_be_visible()
    expect(page.get_by_text("Status: Diajukan")).to_be_visible()
    return pesan


def _periksa(page: Page, unit: str) -> None:
    """Reviewer: open the unit's submission of this quarter from the queue."""
    _halaman(page, "Antrian review")
    _pilih(page, "Periksa pengajuan", f"{NAMA_UNIT[unit]} · {PERIODE}")
    expect(page.get_by_role("heading", name=f"{NAMA_UNIT[unit]}: {PERIODE}")).to_be_visible()
    _tunggu(page)  # the controls of the submission chosen, not of the one shown before


def _setujui(page: Page, unit: str, tombol: str, pesan: str) -> Locator:
    _periksa(page, unit)
    page.get_by_role("button", name=tombol, exact=True).click()
    hasil = page.get_by_text(pesan)
    expect(hasil).to_be_visible()
    return hasil


def _verifikasi(page: Page, unit: str) -> Locator:
    """Pengelola Monev: verify one submission."""
    return _setujui(page, unit, "Verifikasi", "Pengajuan diverifikasi.")


def _centang_antrian(page: Page, tombol: str) -> int:
    """Reviewer: tick every submission of this quarter in the queue (the row's checkbox); the
    bulk button then names the step and the count. Returns how many were ticked."""
    _halaman(page, "Antrian review")
    grid = page.get_by_test_id("stDataFrame").first
    expect(_sel(grid, 2, 0)).to_be_attached()
    periode = grid.locator("[data-testid^='glide-cell-2-']").all_text_contents()  # 1: Unit
    baris = [i for i, p in enumerate(periode) if p == PERIODE]
    for k, i in enumerate(baris, start=1):
        _klik_baris(page, grid, i, x=20)
        expect(page.get_by_role("button", name=f"{tombol} {k} pengajuan")).to_be_visible()
        _tunggu(page)
    return len(baris)


def _paraf_massal(page: Page, n: int, foto: Callable[..., None]) -> Locator:
    """Sekretaris: initial the ticked submissions at once, confirmed in the dialog; the queue
    keeps the others (an earlier quarter's) and shows them."""
    page.get_by_role("button", name=f"Paraf {n} pengajuan").click()
    dialog = page.get_by_role("dialog", name=f"Paraf {n} pengajuan?")
    for nama in NAMA_UNIT.values():
        expect(dialog).to_contain_text(f"{nama} · {PERIODE}")
    foto("paraf-konfirmasi")
    dialog.get_by_role("button", name=f"Ya, paraf {n} pengajuan").click()
    pesan = page.get_by_text(f"{n} pengajuan diparaf.")
    expect(pesan).to_be_visible()
    expect(dialog).to_have_count(0)
    expect(page.get_by_text(re.compile(r"^\d+ pengajuan menunggu langkah Anda"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    return pesan


def _sahkan(page: Page, unit: str, foto: Callable[..., None] | None = None) -> Locator:
    """Kadis: sign one submission, confirmed in the dialog the button opens."""
    _periksa(page, unit)
    page.get_by_role("button", name="Sahkan", exact=True).click()
    dialog = page.get_by_role("dialog", name="Sahkan pengajuan ini?")
    expect(dialog).to_contain_text(f"{NAMA_UNIT[unit]} · {PERIODE}")
    if foto:
        foto("sahkan-konfirmasi")
    dialog.get_by_role("button", name="Ya, sahkan").click()
    pesan = page.get_by_text("Pengajuan disahkan.")
    expect(pesan).to_be_visible()
    expect(dialog).to_have_count(0)
    return pesan


def _kembalikan(page: Page, unit: str, alasan: str, foto: Callable[..., None]) -> Locator:
    """Pengelola Monev: return a submission to the unit with a reason."""
    _periksa(page, unit)
    kotak = page.get_by_label("Alasan pengembalian (wajib)")
    kotak.fill(alasan)
    tombol = page.get_by_role("button", name="Kembalikan ke unit")
    foto(f"kembalikan-{unit.lower()}", tombol)
    tombol.click()
    pesan = page.get_by_text("Pengajuan dikembalikan dengan alasan tercatat.")
    expect(pesan).to_be_visible()
    return pesan


def _kotak_dikembalikan(page: Page, alasan: str) -> Locator:
    """The notice of a returned submission: "Dikembalikan", by whom and when, and the reason."""
    kotak = page.get_by_test_id("stAlert").filter(has_text="Dikembalikan")
    expect(kotak).to_contain_text(re.compile(r"oleh .+ \(Pengelola Monev\), .+ pukul"))
    expect(kotak).to_contain_text(f"Alasan: {alasan}")
    return kotak


def _baca_alasan(page: Page, alasan: str) -> Locator:
    """Staf Bidang: the unit's Beranda tells why the submission came back."""
    _halaman(page, "Beranda")
    kotak = _kotak_dikembalikan(page, alasan)
    expect(kotak).to_contain_text(PERIODE)
    return kotak


def _buka_perbaikan(page: Page, alasan: str) -> Locator:
    """Staf Bidang: from the notice to Isi realisasi, which says the same at its top."""
    page.get_by_role("link", name="Perbaiki dan ajukan lagi").click()
    expect(_heading(page, "Isi realisasi")).to_be_visible()
    _tunggu(page)
    kotak = _kotak_dikembalikan(page, alasan)
    expect(page.get_by_text("Status: Dikembalikan")).to_be_visible()
    return kotak


def _rapat(page: Page, unit: str, kode: str) -> Locator:
    """Pengelola Monev: record the quarter's monev meeting, a finding on one indicator with
    its follow-up, and make the minutes final. The page opens on the latest meeting."""
    _halaman(page, "Rapat monev")
    expect(_kotak_pilih(page, "Rapat")).not_to_have_value("+ Catat rapat baru")
    _pilih(page, "Rapat", "+ Catat rapat baru")
    expect(page.get_by_role("heading", name="Catat rapat baru")).to_be_visible()
    _tunggu(page)
    expect(_kotak_pilih(page, "Triwulan")).to_have_value(formats.nama_triwulan(TW))
    page.get_by_label("Ringkasan pembahasan").fill(
        f"Capaian kinerja {PERIODE} dibahas per bidang, termasuk pengajuan yang dikembalikan."
    )
    page.get_by_label("Kesimpulan dan keputusan").fill(
        "Bidang dengan capaian di bawah target menyusun langkah percepatan."
    )
    page.get_by_role("button", name="Simpan rapat (draf)").click()
    expect(page.get_by_text("Rapat tersimpan sebagai draf").first).to_be_visible()
    _tunggu(page)
    expect(_kotak_pilih(page, "Rapat")).to_have_value(re.compile(rf"^{PERIODE} · .*\(Draf\)$"))
    _pilih(page, "Unit", NAMA_UNIT[unit])
    _pilih(page, "Indikator (opsional)", f"{kode} ")
    page.get_by_label("Permasalahan", exact=True).fill(TEMUAN)
    page.get_by_label("Penyebab", exact=True).fill("Proses pengadaan koleksi mundur dua bulan.")
    page.get_by_label("Rekomendasi", exact=True).fill("Percepat pengadaan pada triwulan berikut.")
    page.get_by_label("Uraian tindak lanjut").fill(TINDAK)
    page.get_by_role("button", name="Simpan temuan").click()
    expect(page.get_by_text("Temuan dan tindak lanjutnya tersimpan").first).to_be_visible()
    _tunggu(page)
    page.get_by_role("button", name="Finalkan notulen").click()
    expect(page.get_by_text("Notulen final").first).to_be_visible()
    _tunggu(page)
    expect(_kotak_pilih(page, "Rapat")).to_have_value(re.compile(rf"^{PERIODE} · .*\(Final\)$"))
    page.get_by_role("tab", name="Temuan dan tindak lanjut").click()
    expect(page.get_by_text(TEMUAN).first).to_be_attached()  # a grid cell of the findings
    return page.get_by_test_id("stSelectbox").filter(has=_kotak_pilih(page, "Rapat"))


def _tindak_lanjut(page: Page) -> Locator:
    """Staf Bidang: report progress on the unit's follow-up."""
    _halaman(page, "Tindak lanjut")
    _pilih(page, "Pilih tindak lanjut", TINDAK)
    expect(page.get_by_text(f"Tindak lanjut: {TINDAK}")).to_be_visible()
    _tunggu(page)  # the form of the follow-up chosen, not of the one shown before
    page.get_by_test_id("stRadio").get_by_text("Dalam Proses", exact=True).click()
    page.get_by_label("Catatan progres").fill(PROGRES)
    page.get_by_role("button", name="Simpan progres").click()
    pesan = page.get_by_text("Progres tindak lanjut tersimpan").first
    expect(pesan).to_be_visible()
    return pesan


def _angka_kunci(page: Page, label: str) -> Locator:
    """The value of one headline number on the Beranda."""
    kotak = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )
    return kotak.get_by_test_id("stMetricValue")


def _dasbor_kadis(page: Page, n_indikator: int) -> Locator:
    """Kadis: the dashboard opens on the new quarter, all data counted (said on screen)."""
    _halaman(page, "Beranda")
    expect(page.get_by_role("switch", name=data_sah.LABEL_SAKLAR)).not_to_be_checked()
    expect(page.get_by_text(f"{PERIODE}: {n_indikator} indikator").first).to_be_visible()
    n = len(NAMA_UNIT)
    expect(_angka_kunci(page, "Sudah diajukan")).to_have_text(f"{n} dari {n}")
    expect(_angka_kunci(page, "Disahkan")).to_have_text(f"{n} dari {n}")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    return page.get_by_role("heading", name="Angka kunci")


def _klik_baris(page: Page, grid: Locator, baris: int, tinggi: int = 35, x: int = 60) -> None:
    """Click a row with the mouse `x` px from the grid's left edge (20: the row's checkbox,
    60: its first cell; the grid is drawn on a canvas): header 35 px, rows `tinggi` px. The
    pointer enters the row first and the browser draws two frames before the press: a press
    in the same frame as the pointer's entry is dropped by the grid (every time with one
    `mouse.click`, measured), not a matter of time."""
    _tunggu(page)
    grid.scroll_into_view_if_needed()
    kotak = grid.bounding_box()
    assert kotak is not None
    page.mouse.move(kotak["x"] + x, kotak["y"] + 35 + tinggi * baris + tinggi // 2)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.mouse.down()
    page.mouse.up()


def _buka_unit_dari_tabel(page: Page, unit: str) -> Locator:
    """Kadis: click the unit's row in "Capaian per unit": the Indikator tab opens on it."""
    judul = page.get_by_role("heading", name="Capaian per unit", exact=True)
    grid = (
        page.get_by_test_id("stDataFrame")
        .filter(has=page.get_by_text(NAMA_UNIT[unit], exact=True))
        .filter(has=page.get_by_text("Sebaran", exact=True))
    )
    expect(judul).to_be_attached()
    baris = next(
        i
        for i in range(len(NAMA_UNIT))
        if _sel(grid, 1, i).text_content() == NAMA_UNIT[unit]  # 0: the row checkbox
    )
    _klik_baris(page, grid, baris, tinggi=66)
    expect(page.get_by_role("tab", name="Indikator")).to_have_attribute("aria-selected", "true")
    expect(_kotak_pilih(page, "Unit")).to_have_value(NAMA_UNIT[unit])
    expect(page).to_have_url(re.compile(r"bagian=Indikator"))
    return page.get_by_role("tab", name="Indikator")


def _rincian(page: Page, kode: str) -> tuple[Locator, Locator]:
    """Kadis: drill down to one indicator: its calculation, values and the meeting's finding
    (the heading of the quarter's details, and the findings' title)."""
    _pilih(page, "Indikator", f"{kode} ·")
    rincian = page.get_by_role("heading", name=f"Rincian {PERIODE}")
    expect(rincian).to_be_visible()
    expect(page.get_by_text(f"{kode} · ").first).to_be_visible()
    temuan = page.get_by_text("Temuan monev atas indikator ini", exact=True)
    expect(temuan).to_be_visible()
    expect(page.get_by_text(TEMUAN).first).to_be_attached()  # a grid cell of the findings
    _tunggu(page)
    return rincian, temuan


def _unduh_laporan(page: Page) -> tuple[Locator, dict[str, bytes]]:
    """Kadis: the quarterly report of the instansi, downloaded as PDF and as Excel."""
    _halaman(page, "Laporan kinerja")
    expect(_kotak_pilih(page, "Triwulan")).to_have_value(formats.nama_triwulan(TW))
    expect(page.get_by_role("switch", name=data_sah.LABEL_SAKLAR)).not_to_be_checked()
    page.get_by_role("button", name="Buat laporan").click()
    berkas = {}
    for tombol in ("Unduh PDF", "Unduh Excel"):
        with page.expect_download() as unduhan:
            page.get_by_role("button", name=tombol).click()
        berkas[tombol] = Path(unduhan.value.path()).read_bytes()
    return page.get_by_role("button", name="Unduh PDF"), berkas


# ---------------------------------------------------------------- the quarter


def test_satu_triwulan(server, log_server, page: Page, isian: dict[str, list[Isian]]):
    url = server["url"]
    jejak = Jejak(page)
    foto = jejak.foto

    _masuk(page, url, "monev")
    foto("periode-dibuka", _buka_periode(page, f"Nota Dinas permintaan data kinerja {PERIODE}"))
    _keluar(page)

    salah = {b.kode: b for b in isian[DIKEMBALIKAN]}[SALAH]
    for unit, baris in isian.items():
        u = unit.lower()
        _masuk(page, url, f"staf.{u}")
        if unit == LEWAT_EXCEL:
            _isi_lewat_excel(page, baris, foto)
        else:
            ketik = [
                Isian(b.kode, b.nilai * 10, b.catatan) if b.kode == SALAH else b for b in baris
            ]
            foto(f"isi-{u}", _isi_realisasi(page, ketik if unit == DIKEMBALIKAN else baris))
            foto(f"draf-{u}", _simpan_draf(page, len(baris)))
        foto(f"diajukan-{u}", _ajukan(page))
        _keluar(page)

    _masuk(page, url, "monev")
    foto(f"dikembalikan-{DIKEMBALIKAN.lower()}", _kembalikan(page, DIKEMBALIKAN, ALASAN, foto))
    for unit in isian:
        if unit != DIKEMBALIKAN:
            hasil = _verifikasi(page, unit)
    foto("diverifikasi", hasil)
    _keluar(page)

    _masuk(page, url, f"staf.{DIKEMBALIKAN.lower()}")
    foto("alasan-di-beranda", _baca_alasan(page, ALASAN))
    foto("alasan-di-isi-realisasi", _buka_perbaikan(page, ALASAN))
    foto("diperbaiki", _ubah_realisasi(page, salah), "end")
    foto("diajukan-ulang", _ajukan(page))
    _keluar(page)

    _masuk(page, url, "monev")
    foto("diverifikasi-ulang", _verifikasi(page, DIKEMBALIKAN))
    _keluar(page)

    _masuk(page, url, "sekretaris")
    n = _centang_antrian(page, "Paraf")
    assert n == len(NAMA_UNIT)
    foto("paraf", _paraf_massal(page, n, foto))
    _keluar(page)

    _masuk(page, url, "kadis")
    for i, unit in enumerate(isian):
        hasil = _sahkan(page, unit, foto if i == 0 else None)
    foto("sahkan", hasil)
    _keluar(page)

    _masuk(page, url, "monev")
    foto("rapat-monev", _rapat(page, TEMUAN_UNIT, TEMUAN_KODE), "start")
    _keluar(page)

    _masuk(page, url, f"staf.{TEMUAN_UNIT.lower()}")
    foto("tindak-lanjut", _tindak_lanjut(page))
    _keluar(page)

    _masuk(page, url, "kadis")
    foto("beranda-kadis", _dasbor_kadis(page, sum(len(b) for b in isian.values())))
    foto("unit-dari-tabel", _buka_unit_dari_tabel(page, TEMUAN_UNIT))
    rincian, temuan = _rincian(page, TEMUAN_KODE)
    foto("rincian-kadis", rincian, "start")
    foto("temuan-di-rincian", temuan)
    tombol, berkas = _unduh_laporan(page)
    foto("laporan-kadis", tombol)

    # every unit's value of the quarter is in the report, the returned unit's as corrected
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
