"""Isi realisasi through AppTest on the demo store, as an operator uses it: typing a row, a draft
with a blocked row, a returned submission, values kept across a page switch, a locked quarter.
Demo state in TW III 2026: PAR returned to draft by the Pengelola Monev, DEP not entered, PKA
submitted."""

from __future__ import annotations

import duckdb

from dashboard.inti import bukti

from .conftest import login
from .test_pages import _open_url


def _isian(at, label: str):
    """An input of the page by its (collapsed) label, e.g. "Realisasi DEP.02"."""
    return next(w for w in [*at.text_input, *at.text_area] if w.label == label)


def _ketik(at, label: str, teks: str) -> None:
    """Type into one input as a user does: its row and the bar above the rows rerun (their
    fragments); then a full run, to read the whole page as the browser keeps it on screen
    (AppTest's tree holds only what the last run drew)."""
    _isian(at, label).input(teks).run()
    assert not at.exception, at.exception
    at.run()


def _teks(elemen) -> str:
    """The texts of some elements, Markdown escapes (`formats.md_aman`) taken out."""
    return " ".join(e.value for e in elemen).replace("\\", "")


def _pengingat(at) -> str:
    """The sidebar's "Belum disimpan" links: label and tooltip."""
    return " ".join(
        f"{p.proto.label} {p.proto.help}".replace("\\", "")
        for p in at.sidebar.get("page_link")
        if "Belum disimpan" in p.proto.label
    )


def _nilai_db(app_db, kode: str) -> tuple:
    con = duckdb.connect(str(app_db))  # the configuration of the app's own connection
    try:
        return con.execute(
            "SELECT r.nilai, r.catatan FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.kode = ? AND r.tahun = 2026 AND r.triwulan = 3",
            [kode],
        ).fetchone()
    finally:
        con.close()


def test_inputs_sit_in_each_indicator_row_with_live_checks(app_db):
    at = login("staf.par")
    _open_url(at, "entri")
    assert not at.exception, at.exception
    assert at.title[0].value == "Isi realisasi"
    assert _isian(at, "Realisasi PAR.01").value == "46,25"
    assert _isian(at, "Catatan PAR.01").value.startswith("Partisipasi")
    # live: a value far below target turns the row red and, without a note, blocks Ajukan
    _isian(at, "Realisasi PAR.02").input("10").run()
    _isian(at, "Catatan PAR.02").input("").run()
    assert not at.exception, at.exception
    halaman = _teks(at.markdown)
    assert ":red-badge[Rendah]" in halaman and "**56,67%**" in halaman
    assert "Kategori Rendah: isi catatan faktor penghambat" in halaman
    assert "menghalangi pengajuan" in halaman
    assert "sepertiga nilai triwulan sebelumnya (278)" in halaman


def test_a_typed_value_reruns_its_row_and_the_bar_not_the_page(app_db):
    """Issue 16: a typed value redraws one row (its inputs, capaian and messages) and the bar
    (what is unsaved, the counts, the buttons), not the other rows nor the page around them."""
    at = login("staf.dep")
    _open_url(at, "entri")
    semua = len(at.text_input)
    assert semua >= 8 and at.title
    _isian(at, "Realisasi DEP.02").input("380").run()
    assert not at.exception, at.exception
    assert {w.label for w in at.text_input} == {"Realisasi DEP.02", "Bukti dukung DEP.02"}
    assert [w.label for w in at.text_area] == ["Catatan DEP.02"]
    assert not at.title and not at.selectbox  # the page around the rows was not run
    assert "Ada perubahan belum disimpan**: DEP.02" in _teks(at.warning)  # the bar was
    assert {b.key for b in at.button} >= {"simpan", "ajukan"}
    assert "(DEP.02)" in _pengingat(at)  # and its sidebar link
    at.button(key="simpan").click().run()  # a write reruns the whole page
    assert "Draf tersimpan (1 baris berubah)" in _teks(at.success), _teks(at.error)
    assert len(at.text_input) == semua and at.title
    assert _nilai_db(app_db, "DEP.02") == (380.0, None)


def test_a_save_keeps_every_rows_inputs_the_same_widgets(app_db):
    """Issue 16: the inputs after a save are the widgets of before it (the same ids), showing
    what the store now holds. New widgets every save would leak: Streamlit keeps every
    widget's metadata for the session's life, 60 a save for a page of 20 rows."""
    at = login("staf.dep")
    _open_url(at, "entri")
    sebelum = {w.label: w.id for w in [*at.text_input, *at.text_area]}
    _ketik(at, "Realisasi DEP.02", "1.234,50")
    at.button(key="simpan").click().run()
    assert "Draf tersimpan (1 baris berubah)" in _teks(at.success), _teks(at.error)
    assert {w.label: w.id for w in [*at.text_input, *at.text_area]} == sebelum
    assert _isian(at, "Realisasi DEP.02").value == "1.234,5"  # as stored, not as typed


def test_ajukan_with_a_blocked_typed_row_saves_nothing_and_keeps_it_typed(app_db):
    """Issue 19: Ajukan is one transaction; refused, the typed rows are neither saved nor
    lost."""
    at = login("staf.dep")
    _open_url(at, "entri")
    _ketik(at, "Realisasi DEP.01", "10")  # Rendah without a note: blocks Ajukan
    at.button(key="ajukan").click().run()
    assert not at.exception, at.exception
    assert "DEP.01: Kategori Rendah" in _teks(at.error)
    assert "Tidak ada yang disimpan" in _teks(at.info)
    assert _nilai_db(app_db, "DEP.01") is None
    at.run()
    assert _isian(at, "Realisasi DEP.01").value == "10"
    assert "Ada perubahan belum disimpan**: DEP.01" in _teks(at.warning)


def test_a_draft_with_a_blocked_row_is_saved_and_ajukan_says_why_not(app_db):
    at = login("staf.dep")
    _open_url(at, "entri")
    _ketik(at, "Realisasi DEP.01", "10")  # Rendah without a note: blocks Ajukan
    _ketik(at, "Realisasi DEP.02", "1.234,5")  # 3,3 x TW II: a warning
    _ketik(at, "Realisasi DEP.03", "4,8")  # negatif LAST going down: no warning
    assert not at.exception, at.exception
    halaman = _teks(at.markdown)
    assert "Kategori Rendah: isi catatan" in halaman
    assert "3,3 kali nilai triwulan sebelumnya (374)" in halaman
    assert "lebih rendah dari triwulan sebelumnya" not in halaman
    at.button(key="simpan").click().run()
    assert not at.exception, at.exception
    assert "Draf tersimpan (3 baris berubah)" in _teks(at.success), _teks(at.error)
    assert _nilai_db(app_db, "DEP.01") == (10.0, None)
    assert _nilai_db(app_db, "DEP.02")[0] == 1234.5
    assert _isian(at, "Realisasi DEP.02").value == "1.234,5"  # the saved value shown again
    at.button(key="ajukan").click().run()
    galat = _teks(at.error)
    assert "Belum lengkap" in galat and "DEP.04" in galat
    assert "DEP.01: Kategori Rendah" in galat  # every reason at once


def test_an_unreadable_value_is_kept_on_screen_and_the_rest_saved(app_db):
    at = login("staf.dep")
    _open_url(at, "entri")
    _ketik(at, "Realisasi DEP.01", "dua ribu")
    _ketik(at, "Realisasi DEP.04", "30")
    at.button(key="simpan").click().run()
    assert not at.exception, at.exception
    sukses = _teks(at.success)
    assert "Draf tersimpan (1 baris berubah)" in sukses and "DEP.01" in sukses
    assert _nilai_db(app_db, "DEP.04")[0] == 30 and _nilai_db(app_db, "DEP.01") is None
    assert _isian(at, "Realisasi DEP.01").value == "dua ribu"
    assert "Ada perubahan belum disimpan" in _teks(at.warning)


def test_typed_values_survive_another_page_and_the_sidebar_says_so(app_db):
    at = login("staf.dep")
    _open_url(at, "entri")
    _ketik(at, "Realisasi DEP.02", "380")
    _ketik(at, "Catatan DEP.02", "Dua kegiatan fumigasi")
    assert "Ada perubahan belum disimpan" in _teks(at.warning)
    assert "(DEP.02)" in _pengingat(at)  # in the sidebar, where the user goes to leave
    _open_url(at, "beranda")
    assert not at.exception, at.exception
    assert at.title[0].value == "Beranda"
    assert "perubahan belum disimpan (DEP.02)" in _pengingat(at)
    _open_url(at, "entri")
    assert _isian(at, "Realisasi DEP.02").value == "380"
    assert _isian(at, "Catatan DEP.02").value == "Dua kegiatan fumigasi"
    assert "Ada perubahan belum disimpan**: DEP.02" in _teks(at.warning)
    assert _nilai_db(app_db, "DEP.02") is None  # nothing written until Simpan draf
    at.button(key="simpan").click().run()
    assert _nilai_db(app_db, "DEP.02") == (380.0, "Dua kegiatan fumigasi")
    assert "belum disimpan" not in _teks(at.warning)
    _open_url(at, "beranda")
    assert _pengingat(at) == ""


def test_a_returned_submission_reads_dikembalikan_with_reason_who_and_when(app_db):
    at = login("staf.par")  # lands on Beranda
    kotak = _teks(at.warning)
    for bagian in (
        "Dikembalikan",
        "Triwulan III TA 2026",
        "Rina Marlina, S.E. (Pengelola Monev)",
        "16 Oktober 2026 pukul 08.00 WIB",
        "Bukti dukung belum lengkap untuk beberapa indikator.",
    ):
        assert bagian in kotak, (bagian, kotak)
    assert "Perbaiki dan ajukan lagi" in [p.proto.label for p in at.get("page_link")]
    _open_url(at, "entri")
    assert "Status: **Dikembalikan**" in _teks(at.markdown)
    kotak = _teks(at.warning)
    assert "Dikembalikan" in kotak and "Pengelola Monev" in kotak and "Alasan" in kotak
    at.button(key="ajukan").click().run()
    assert "Data diajukan" in _teks(at.success), _teks(at.error)
    assert "Dikembalikan" not in _teks(at.warning)
    assert "data terkunci" in _teks(at.markdown)
    _open_url(at, "beranda")
    assert "Dikembalikan" not in _teks(at.warning)


def test_other_roles_see_no_return_notice_on_beranda(app_db):
    at = login("monev")
    assert not at.exception, at.exception
    assert "Dikembalikan" not in _teks(at.warning)


def test_a_submitted_quarter_is_read_only(app_db):
    at = login("staf.pka")
    _open_url(at, "entri")
    assert not at.exception, at.exception
    assert _isian(at, "Realisasi PKA.01").disabled
    assert not [b for b in at.button if b.key in ("simpan", "ajukan")]


def test_the_uploader_states_the_real_limit_and_explains_streamlits_english(app_db):
    at = login("staf.dep")
    _open_url(at, "entri")
    label = [u.proto.label for u in at.get("file_uploader")]
    batas = bukti.MAX_BYTES // 1024 // 1024
    assert f"maks. {batas} MB" in label[0]
    assert [u.proto.max_upload_size_mb for u in at.get("file_uploader")] == [batas, batas]
    keterangan = _teks(at.caption)
    assert "**Upload** = pilih berkas" in keterangan and "**5MB per file**" in keterangan


def test_saving_one_row_leaves_the_untouched_rows_as_stored(app_db):
    """Rows are shown rounded to 4 decimals; a row the operator did not touch is not sent, so
    its stored value keeps every decimal."""
    con = duckdb.connect(str(app_db))
    con.execute(
        "UPDATE realisasi SET nilai = 46.123456 WHERE tahun = 2026 AND triwulan = 3 AND "
        "indikator_id = (SELECT id FROM indikator WHERE kode = 'PAR.01')"
    )
    con.close()
    at = login("staf.par")
    _open_url(at, "entri")
    assert _isian(at, "Realisasi PAR.01").value == "46,1235"
    _isian(at, "Realisasi PAR.02").input("260").run()
    at.button(key="simpan").click().run()
    assert "Draf tersimpan (1 baris berubah)" in _teks(at.success), _teks(at.error)
    assert _nilai_db(app_db, "PAR.01")[0] == 46.123456


def test_the_notice_goes_when_the_period_is_closed(app_db):
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.periode import layanan_periode as periode

    at = login("staf.dep")
    _open_url(at, "entri")
    _isian(at, "Realisasi DEP.02").input("380").run()
    _open_url(at, "beranda")
    assert "(DEP.02)" in _pengingat(at)
    con = duckdb.connect(str(app_db))
    try:
        staf, monev = pengguna.akses_untuk(con, "staf.dep"), pengguna.akses_untuk(con, "monev")
        pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
        periode.tutup_periode(con, monev, pid)
    finally:
        con.close()
    _open_url(at, "beranda")
    assert not at.exception, at.exception
    assert _pengingat(at) == ""  # nothing left that could still be saved


def test_excel_preview_names_what_blocks_the_submission(app_db):
    import io

    import openpyxl

    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.pengumpulan import excel_entri
    from dashboard.pengumpulan import layanan_realisasi as realisasi
    from dashboard.periode import layanan_periode as periode

    con = duckdb.connect(str(app_db))
    try:
        staf = pengguna.akses_untuk(con, "staf.dep")
        pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
        data = realisasi.template_excel(con, staf, pid, staf.unit_id)
    finally:
        con.close()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb[excel_entri.SHEET].cell(excel_entri.HEADER_ROW + 1, excel_entri.COL_NILAI + 1).value = 10
    keluar = io.BytesIO()
    wb.save(keluar)
    at = login("staf.dep")
    _open_url(at, "entri")
    at.file_uploader(key="unggah_excel").upload("isian.xlsx", keluar.getvalue()).run()
    assert not at.exception, at.exception
    pratinjau = next(d.value for d in at.dataframe if "Nilai baru" in d.value.columns)
    assert pratinjau["Kode"].tolist() == ["DEP.01"]
    assert "Kategori Rendah" in pratinjau["Perlu diperbaiki sebelum diajukan"].iloc[0]
    at.button(key="terapkan").click().run()
    assert "Impor diterapkan: 1 baris berubah" in _teks(at.success), _teks(at.error)
    assert _nilai_db(app_db, "DEP.01") == (10.0, None)
