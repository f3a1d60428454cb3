"""Bounds everywhere (issue 14, "Input"): numbers finite and within ±1e15 in every form, import
and service; notes at most 2.000 characters and names at most 200 in the services; pages that
survive out-of-bound values already stored; long text that never breaks a document."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import formats
from dashboard.inti.batas import BATAS_ANGKA, PANJANG_CATATAN, PANJANG_NAMA
from dashboard.laporan import layanan_laporan as laporan
from dashboard.laporan.data import Permintaan
from dashboard.pengumpulan import excel_entri
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, ValidasiEntri
from dashboard.periode import layanan_periode as periode
from dashboard.rapat import layanan_rapat as rapat
from dashboard.rapat import layanan_tindak_lanjut as tindak_lanjut
from dashboard.rencana import layanan_indikator as admin
from dashboard.review import layanan_perbaikan as perbaikan
from dashboard.review import layanan_review as review

from .conftest import login
from .test_pages import _open_url

SEMBILAN_400 = "9" * 400
SATU_308_NOL = "1" + "0" * 308


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _periode(con, akses):
    return int(periode.periode_entri(con, akses, akses.unit_id)["id"].iloc[0])


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks",
    [SEMBILAN_400, SATU_308_NOL, "-" + SEMBILAN_400, 9e25, 1e308, -1e16, "1.000.000.000.000.001"],
)
def test_typed_numbers_beyond_the_bound_are_refused(teks):
    with pytest.raises(ValueError, match="batas|terhingga"):
        formats.parse_angka(teks)


@pytest.mark.parametrize("teks", ["1.000.000.000.000.000", BATAS_ANGKA, -BATAS_ANGKA, "0,5"])
def test_numbers_within_the_bound_pass(teks):
    assert formats.parse_angka(teks) is not None


@pytest.mark.parametrize("x", [9e25, 1e308, -1e308, float("inf"), 1e15])
def test_every_stored_number_can_be_shown(x):
    assert formats.angka(x, 4)
    assert formats.persen(x)
    assert formats.rupiah(x)


def test_save_refuses_400_nines_and_stores_nothing(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, 1, "ok") for i in form.indikator]
    rows[0].nilai = SEMBILAN_400
    with pytest.raises(ValidasiEntri, match="batas"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    rows[0].nilai = SATU_308_NOL
    with pytest.raises(ValidasiEntri, match="batas"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    assert realisasi.form_entri(demo_con, dep, pid, dep.unit_id).baris.empty


@pytest.mark.parametrize("nilai", [9e25, 1e308])
def test_import_refuses_a_huge_number(demo_con, nilai):
    from openpyxl import load_workbook

    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    wb = load_workbook(io.BytesIO(realisasi.template_excel(demo_con, dep, pid, dep.unit_id)))
    ws = wb[excel_entri.SHEET]
    for r in range(excel_entri.HEADER_ROW + 1, ws.max_row + 1):
        ws.cell(r, excel_entri.COL_NILAI + 1).value = 1
    ws.cell(excel_entri.HEADER_ROW + 1, excel_entri.COL_NILAI + 1).value = nilai
    buf = io.BytesIO()
    wb.save(buf)
    _, masalah = realisasi.pratinjau_impor(demo_con, dep, pid, dep.unit_id, buf.getvalue())
    assert any("batas" in m.pesan for m in masalah), masalah


def test_correction_refuses_a_huge_number(demo_con):
    staf = _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT min(id) FROM indikator WHERE unit_id = ?", [staf.unit_id]
    ).fetchone()[0]
    with pytest.raises(ValueError, match="batas"):
        perbaikan.ajukan(demo_con, staf, ind, 2026, 3, SEMBILAN_400, "salah ketik")


def test_admin_refuses_huge_targets_and_baselines(demo_con):
    adm = _a(demo_con, "admin")
    iid, uid = demo_con.execute("SELECT instansi_id, unit_id FROM indikator LIMIT 1").fetchone()
    data = {
        "instansi_id": iid,
        "unit_id": uid,
        "kode": "UJI.BATAS",
        "nama": "Indikator uji batas angka",
        "jenis": "IKK",
        "satuan": "dokumen",
        "baseline": 1e16,
    }
    with pytest.raises(ValueError, match="batas"):
        admin.simpan_indikator(demo_con, adm, data, None)
    data["baseline"] = 1
    target = {"tahun": 2026, "tahunan": 9e25, "triwulan": [1, 2, 3, 4]}
    with pytest.raises(ValueError, match="batas"):
        admin.simpan_indikator(demo_con, adm, data, target)


@pytest.mark.parametrize("nilai", [9e25, 1e308])
def test_entry_page_survives_a_huge_stored_value(app_db, nilai):
    """A value stored before the bounds (or by an old import) must not crash the unit's page on
    every load: the page shows it and asks for a correction."""
    import duckdb

    con = duckdb.connect(str(app_db))
    uid = con.execute("SELECT unit_id FROM pengguna WHERE username = 'staf.par'").fetchone()[0]
    con.execute(
        "UPDATE realisasi SET nilai = ? WHERE tahun = 2026 AND triwulan = 3 AND indikator_id = "
        "(SELECT min(id) FROM indikator WHERE unit_id = ?)",
        [nilai, uid],
    )
    con.close()
    at = login("staf.par")
    _open_url(at, "entri")
    assert not at.exception, at.exception
    assert any("batas" in m.value for m in at.markdown)  # the row's own red message


# --- text lengths ---------------------------------------------------------------------------

PANJANG = "x" * (PANJANG_CATATAN + 1)


def test_a_note_longer_than_2000_is_refused_at_save(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, 1, "ok") for i in form.indikator]
    rows[0].catatan = "a" * 100_000
    with pytest.raises(ValidasiEntri, match="terlalu panjang"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    rows[0].catatan, rows[0].bukti = "ok", PANJANG
    with pytest.raises(ValidasiEntri, match="terlalu panjang"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    rows[0].bukti = "b" * PANJANG_CATATAN
    rows[0].catatan = "c" * PANJANG_CATATAN
    assert realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows) == len(rows)


def test_reasons_and_notes_of_every_service_are_bounded(demo_con):
    monev, staf = _a(demo_con, "monev"), _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT min(id) FROM indikator WHERE unit_id = ?", [staf.unit_id]
    ).fetchone()[0]
    with pytest.raises(ValueError, match="2.000"):
        perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "7", PANJANG)
    sid = demo_con.execute("SELECT id FROM pengajuan WHERE status = 'diajukan'").fetchone()[0]
    with pytest.raises(ValueError, match="2.000"):
        review.proses(demo_con, monev, sid, "kembalikan", PANJANG)
    with pytest.raises(ValueError, match="2.000"):
        periode.buka_periode(demo_con, monev, 1, 2026, 4, dt.date(2027, 1, 15), PANJANG)
    tl = demo_con.execute(
        "SELECT id, versi, pic_unit_id FROM tindak_lanjut WHERE status <> 'Selesai' LIMIT 1"
    ).fetchone()
    pic = next(
        _a(demo_con, u)
        for (u,) in demo_con.execute(
            "SELECT username FROM pengguna WHERE unit_id = ?", [tl[2]]
        ).fetchall()
    )
    with pytest.raises(ValueError, match="2.000"):
        tindak_lanjut.perbarui(demo_con, pic, tl[0], tl[1], "Dalam Proses", PANJANG, None)


def test_names_longer_than_200_are_refused(demo_con):
    adm = _a(demo_con, "admin")
    iid, uid = demo_con.execute("SELECT instansi_id, unit_id FROM indikator LIMIT 1").fetchone()
    data = {
        "instansi_id": iid,
        "unit_id": uid,
        "kode": "UJI.NAMA",
        "nama": "n" * (PANJANG_NAMA + 1),
        "jenis": "IKK",
        "satuan": "dokumen",
    }
    with pytest.raises(ValueError, match="panjang"):
        admin.simpan_indikator(demo_con, adm, data, None)
    data["nama"], data["definisi"] = "Indikator uji", PANJANG
    with pytest.raises(ValueError, match="panjang"):
        admin.simpan_indikator(demo_con, adm, data, None)


# --- long text in every document ------------------------------------------------------------

CATATAN = ("Kendala utama triwulan ini adalah keterlambatan pengadaan; " * 40)[:PANJANG_CATATAN]
NAMA = ("Indikator dengan nama yang sangat panjang sekali " * 5)[:PANJANG_NAMA]
TANPA_SPASI = "k" * PANJANG_CATATAN


def _isi_terpanjang(con, catatan: str) -> None:
    """Every name at 200 characters and every note at 2.000, in every table the documents show."""
    x = con.execute
    x("UPDATE instansi SET nama = ?, alamat = ?, kepala_jabatan = ?", [NAMA, NAMA, NAMA])
    x("UPDATE unit SET nama = ?", [NAMA])
    x("UPDATE indikator SET nama = ?, definisi = ?, sumber_data = ?", [NAMA, catatan, catatan])
    for tabel, kolom in (
        ("tujuan", "uraian"),
        ("sasaran", "uraian"),
        ("program", "nama"),
        ("kegiatan", "nama"),
        ("sub_kegiatan", "nama"),
    ):
        x(f"UPDATE {tabel} SET {kolom} = ?", [NAMA])
    x("UPDATE realisasi SET catatan = ?, bukti = ?", [catatan, catatan])
    x(
        "UPDATE rapat SET judul = ?, tempat = ?, pimpinan = ?, notulis = ?, ringkasan = ?, "
        "kesimpulan = ?",
        [NAMA, NAMA, NAMA, NAMA, catatan, catatan],
    )
    x("UPDATE rapat_peserta SET nama = ?, jabatan = ?", [NAMA, NAMA])
    x("UPDATE rapat_agenda SET uraian = ?", [catatan])
    x("UPDATE temuan SET permasalahan = ?, penyebab = ?, rekomendasi = ?", [catatan] * 3)
    x("UPDATE tindak_lanjut SET uraian = ?, catatan_progres = ?, bukti = ?", [catatan] * 3)


@pytest.mark.parametrize("catatan", [CATATAN, TANPA_SPASI], ids=["kata", "tanpa_spasi"])
def test_every_document_renders_with_the_longest_allowed_text(demo_con, catatan):
    _isi_terpanjang(demo_con, catatan)
    kadis = _a(demo_con, "kadis")
    iid = demo_con.execute("SELECT min(id) FROM instansi").fetchone()[0]
    for jenis, per in (("triwulan", 3), ("semester", 1), ("tahunan", 4), ("renja", 3)):
        p = Permintaan(
            jenis, iid, 2026 if jenis != "tahunan" else 2025, per, termasuk_belum_sah=True
        )
        for fmt in ("pdf", "xlsx"):
            dok = laporan.dokumen_laporan(demo_con, kadis, p, fmt)
            assert dok.isi
            if fmt == "pdf" and jenis != "renja":  # the Renja form has no note column
                teks = "".join(pg.extract_text() for pg in PdfReader(io.BytesIO(dok.isi)).pages)
                assert "".join(catatan[:60].split()) in "".join(teks.split()), jenis
    rid = demo_con.execute("SELECT max(id) FROM rapat").fetchone()[0]
    assert rapat.notulen(demo_con, kadis, rid, "pdf")
    assert rapat.notulen(demo_con, kadis, rid, "docx")
    assert rapat.bahan_rapat_pdf(demo_con, kadis, iid, 2026, 3, dt.date(2026, 11, 21))


def test_report_page_still_offers_excel_when_the_pdf_fails(app_db, monkeypatch):
    from dashboard.laporan import pdf

    def gagal(lap):
        raise RuntimeError("tata letak gagal")

    monkeypatch.setattr(pdf, "pdf_laporan", gagal)
    at = login("kadis")
    _open_url(at, "laporan")
    next(b for b in at.button if b.label == "Buat laporan").click().run()
    assert not at.exception, at.exception
    label = [b.proto.label for b in at.get("download_button")]
    assert "Unduh Excel" in label, label
    assert "Unduh PDF" not in label
    assert any("PDF" in e.value for e in [*at.error, *at.warning]), [e.value for e in at.error]
