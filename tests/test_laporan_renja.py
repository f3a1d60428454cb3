"""Renja form E.81 (Permendagri 86/2017) against hand computations: the form's column order
(1)..(15) with the number and formula row, K and Rp, column 13 = 6 + 12 over the Renstra years,
the closing rows from the units' notes and the monev follow-ups, two signature blocks from the
settings, the penanggung jawab in the PDF, blanks where a figure is unknown."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.laporan import layanan_laporan as svc
from dashboard.rencana import layanan_renja as svc_renja

from .test_laporan import _build, _p, _teks_pdf

MONEV = Akses("monev", frozenset({"pengelola_monev"}), instansi_id=1)


@pytest.fixture
def toko(con):
    """Dinas X of test_laporan (2025 and 2026) with a Renstra period starting in 2025 and one
    meeting of TW II 2026 with two open follow-ups (one due in 2026, one in 2027) and a closed
    one."""
    _build(con)
    x = con.execute
    x("INSERT INTO target_renstra VALUES (1, 2025, 6000, NULL), (1, 2029, 12000, NULL)")
    x(
        "INSERT INTO rapat (id, instansi_id, tahun, triwulan, judul, waktu, dibuat_oleh) VALUES "
        "(1, 1, 2026, 2, 'Rapat monev TW II', TIMESTAMP '2026-07-10 09:00:00', 'monev')"
    )
    x(
        "INSERT INTO temuan (id, rapat_id, unit_id, indikator_id, permasalahan, dibuat_oleh) "
        "VALUES (1, 1, 2, 3, 'Waktu layanan lambat', 'monev')"
    )
    x(
        "INSERT INTO tindak_lanjut (id, temuan_id, uraian, pic_unit_id, batas_waktu, status) "
        "VALUES (1, 1, 'Tambah loket layanan', 2, DATE '2026-09-30', 'Belum'), "
        "(2, 1, 'Anggarkan aplikasi antrean', 2, DATE '2027-03-31', 'Dalam Proses'), "
        "(3, 1, 'Sudah beres', 2, DATE '2026-08-01', 'Selesai')"
    )
    return con


def _lembar(isi: bytes):
    """The sheet, its header, the number row and {key: row as {header: value}} where the key
    is an indicator's code or a group row's text."""
    ws = openpyxl.load_workbook(io.BytesIO(isi))["Evaluasi Renja"]
    baris = next(r for r in range(1, 30) if ws.cell(r, 1).value == "(1) No")
    header = [c.value for c in ws[baris]]
    nomor = {h: ws.cell(baris + 1, j + 1).value for j, h in enumerate(header) if h}
    rows = {}
    for r in range(baris + 2, ws.max_row + 1):
        sel = {h: ws.cell(r, j + 1).value for j, h in enumerate(header) if h}
        teks = sel.get(header[3]) or sel.get(header[2]) or sel.get(header[1])
        if isinstance(teks, str):
            rows[teks.strip().split(" ")[0] if sel.get(header[3]) else teks.strip()] = sel
    return ws, baris, header, nomor, rows


def test_columns_1_to_15_and_formula_row(toko):
    x = svc.dokumen_laporan(toko, SISTEM, _p("renja"), "xlsx")
    _, _, header, nomor, _ = _lembar(x.isi)
    angka = [h.split(")")[0].strip("(") for h in header if h and h.startswith("(")]
    # 1-4 single, 5-14 as K and Rp pairs, 15 single: the form's order
    assert angka == ["1", "2", "3", "4"] + [str(n) for n in range(5, 15) for _ in "KR"] + ["15"]
    assert [h for h in header if h][4:6] == [
        "(5) Target Renstra akhir periode K",
        "(5) Target Renstra akhir periode Rp",
    ]
    assert header[-1] == "(15) Unit penanggung jawab"
    assert nomor["(13) Realisasi Renstra s.d. 2026 K"] == "13 = 6 + 12"
    assert nomor["(14) Tingkat capaian Renstra s.d. 2026 (%) Rp"] == "14 = 13 / 5 × 100%"
    assert nomor["(12) Realisasi Renja 2026 K"] == "12 = 8 + 9 + 10 + 11"
    assert nomor["(1) No"] == "1" and nomor["(15) Unit penanggung jawab"] == "15"


def test_figures_against_hand_computation(toko):
    """Renstra period from 2025. A1 (SUM): 6 = 2025's 8.200, 12 = 1.800 + 2.600 = 4.400,
    13 = 6 + 12 = 12.600, 14 = 12.600 / 12.000 = 105 %. B1 (negatif LAST, TW II not signed):
    6 = 9 (2025's level), 12 = 12, 13 = the latest level 12, 14 = (2 x 8 - 12) / 8 = 50 %.
    Program 1.01: 6 Rp = 2025's 2.600.000, 7 Rp = 4.000.000, 12 Rp = 1.200.000, 13 Rp =
    3.800.000."""
    _, _, h, _, rows = _lembar(svc.dokumen_laporan(toko, SISTEM, _p("renja"), "xlsx").isi)
    a1 = rows["A1"]
    assert a1["(6) Realisasi Renstra s.d. Renja 2025 K"] == 8200
    assert a1["(12) Realisasi Renja 2026 K"] == 4400
    assert a1["(13) Realisasi Renstra s.d. 2026 K"] == 12600
    assert a1["(14) Tingkat capaian Renstra s.d. 2026 (%) K"] == pytest.approx(105)
    assert a1["(8) Realisasi TW I K"] == 1800 and a1["(10) Realisasi TW III K"] is None
    assert a1["(15) Unit penanggung jawab"] == "Bidang A"
    b1 = rows["B1"]
    assert b1["(6) Realisasi Renstra s.d. Renja 2025 K"] == 9
    assert b1["(13) Realisasi Renstra s.d. 2026 K"] == 12
    assert b1["(14) Tingkat capaian Renstra s.d. 2026 (%) K"] == pytest.approx(50)
    prog = rows["1.01 Program Satu"]
    assert prog["(6) Realisasi Renstra s.d. Renja 2025 Rp"] == 2_600_000
    assert prog["(7) Target Renja 2026 Rp"] == 4_000_000
    assert prog["(8) Realisasi TW I Rp"] == 400_000
    assert prog["(12) Realisasi Renja 2026 Rp"] == 1_200_000
    assert prog["(13) Realisasi Renstra s.d. 2026 Rp"] == 3_800_000
    assert prog["(5) Target Renstra akhir periode Rp"] is None  # not stored: blank
    assert prog["(10) Realisasi TW III Rp"] is None
    # mean of column 14 K over A1 105, A2 41 / 100 = 41, B1 50 = 65,33 Rendah (51-66)
    assert rows["Rata-rata capaian kinerja (%)"][
        "(14) Tingkat capaian Renstra s.d. 2026 (%) K"
    ] == pytest.approx((105 + 41 + 50) / 3)
    assert rows["Predikat kinerja"]["(14) Tingkat capaian Renstra s.d. 2026 (%) K"] == "Rendah"


def test_first_renstra_year_leaves_column_6_blank(toko):
    """2025 is the first Renstra year: nothing before it, so column 6 is blank (never Rp 0)
    and 13 = 12."""
    _, _, _, _, rows = _lembar(svc.dokumen_laporan(toko, SISTEM, _p("renja", 2025, 4), "xlsx").isi)
    prog = rows["1.01 Program Satu"]
    assert prog["(6) Realisasi Renstra s.d. Renja 2024 Rp"] is None
    assert prog["(13) Realisasi Renstra s.d. 2025 Rp"] == prog["(12) Realisasi Renja 2025 Rp"]
    assert rows["A1"]["(6) Realisasi Renstra s.d. Renja 2024 K"] is None
    assert rows["A1"]["(13) Realisasi Renstra s.d. 2025 K"] == 8200


def test_closing_rows_and_two_signatures(toko):
    """TW II 2026 notes: A1 (4.400 / 4.500 = 97,8 %) and A2 (41 / 40 = 102,5 %) signed; B1's
    TW II is not signed (left out). Follow-ups: 1 due 2026 -> next quarter, 2 due 2027 -> next
    Renja, 3 closed -> nowhere."""
    svc_renja.simpan_penandatangan(
        toko,
        MONEV,
        1,
        {
            "dievaluasi": {
                "jabatan": "Kepala Bappeda Kabupaten Uji",
                "nama": "Siti Aminah",
                "nip": "19750505 200001 2 002",
            }
        },
    )
    lap = svc.susun_laporan(toko, SISTEM, _p("renja"))
    penutup = dict(lap.tabel[0].penutup)
    assert list(penutup) == [
        "Faktor pendorong keberhasilan pencapaian",
        "Faktor penghambat pencapaian kinerja",
        "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    ]
    assert penutup["Faktor pendorong keberhasilan pencapaian"] == (
        "1. A2 Indikator A2: catatan 2-2026-2"
    )
    assert penutup["Faktor penghambat pencapaian kinerja"] == "1. A1 Indikator A1: catatan 1-2026-2"
    berikut = penutup["Tindak lanjut yang diperlukan dalam triwulan berikutnya"]
    assert berikut.startswith("1. B1: Tambah loket layanan; PIC Bidang B; batas 30 September 2026")
    renja = penutup["Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya"]
    assert "Anggarkan aplikasi antrean" in renja and "Sudah beres" not in renja + berikut
    disusun, dievaluasi = lap.tanda_tangan
    assert (disusun.keterangan, disusun.jabatan, disusun.nama) == (
        "Disusun",
        "Kepala Dinas X",
        "Budi Santoso",
    )
    assert (dievaluasi.keterangan, dievaluasi.nama, dievaluasi.nip) == (
        "Dievaluasi",
        "Siti Aminah",
        "19750505 200001 2 002",
    )
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, _p("renja"), "pdf").isi)
    for s in (
        "13 = 6 + 12",
        "14 = 13 / 5 × 100%",
        "(15) Unit penanggung jawab",
        "Bidang B",
        "Disusun",
        "Dievaluasi",
        "Siti Aminah",
        "NIP. 19750505 200001 2 002",
        "Budi Santoso",
        "Faktor penghambat pencapaian kinerja:",
        "Tambah loket layanan",
        "Rp 0",
    ):
        if s == "Rp 0":
            assert s not in teks
        else:
            assert s in teks, s
    assert "capaian" not in lap.tabel[0].catatan[0].split("K = kinerja")[1].split(";")[0]


def test_signers_setting_is_checked(toko):
    staf = Akses("staf.a", frozenset({"staf_bidang"}), instansi_id=1, unit_id=1)
    with pytest.raises(AksesDitolak):
        svc_renja.simpan_penandatangan(toko, staf, 1, {})
    with pytest.raises(ValueError, match="NIP"):
        svc_renja.simpan_penandatangan(toko, MONEV, 1, {"dievaluasi": {"nip": "abc"}})
    # without a setting the evaluator's jabatan names the pemda and the name stays blank
    lap = svc.susun_laporan(toko, SISTEM, _p("renja"))
    assert lap.tanda_tangan[1].jabatan == "Kepala Bappeda Kabupaten Uji"
    assert lap.tanda_tangan[1].nama == svc_renja.TITIK and lap.tanda_tangan[1].nip is None


def test_page_sets_the_signers(app_db):
    """The Pengelola Monev sets the evaluator on the Laporan page; a Kepala Dinas only reads."""
    from .conftest import login
    from .test_pages import _open_url

    at = login("monev")
    _open_url(at, "laporan")
    at.selectbox(key="lap_jenis").select("renja").run()
    at.text_input(key="renja_dievaluasi_nama").input("Siti Aminah")
    at.text_input(key="renja_dievaluasi_nip").input("19750505 200001 2 002")
    next(b for b in at.button if b.label == "Simpan penanda tangan").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.text_input(key="renja_dievaluasi_nama").value == "Siti Aminah"
    at.text_input(key="renja_dievaluasi_nip").input("12ab")
    next(b for b in at.button if b.label == "Simpan penanda tangan").click().run()
    assert "hanya boleh berisi angka dan spasi" in at.error[0].value
    kadis = login("kadis")
    _open_url(kadis, "laporan")
    kadis.selectbox(key="lap_jenis").select("renja").run()
    assert not kadis.exception and not [b for b in kadis.button if b.label.startswith("Simpan")]
    assert any("Siti Aminah" in t.value for t in kadis.text)
