"""The entry service's draft and submission checks, and the lookup of a returned submission, on
the demo store (TW III 2026: PAR returned to draft, DEP not entered, PKA submitted)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import AksesDitolak
from dashboard.capaian.skala import SKALA_BAKU
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan import tampilan_pengajuan
from dashboard.pengumpulan.entri import IndikatorEntri
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, Pengembalian, ValidasiEntri
from dashboard.pengumpulan.tampilan_entri import teks_target, warna_badge
from dashboard.periode import layanan_periode as periode
from dashboard.review import layanan_review as review

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _periode(con, akses) -> int:
    return int(periode.periode_entri(con, akses, akses.unit_id)["id"].iloc[0])


def _baris(con, akses, pid, nilai: dict[str, str], catatan: str | None = None):
    form = realisasi.form_entri(con, akses, pid, akses.unit_id)
    return [
        BarisSimpan(i.indikator_id, nilai.get(i.kode), catatan)
        for i in form.indikator
        if i.kode in nilai
    ]


def test_a_draft_keeps_rows_that_only_block_the_submission(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    # DEP.01 far below target without a note (red); DEP.03 a negative percentage
    rows = _baris(demo_con, dep, pid, {"DEP.01": "10", "DEP.03": "-1"})
    assert realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows) == 2
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    assert sorted(form.baris["nilai"].tolist()) == [-1.0, 10.0]
    with pytest.raises(ValidasiEntri) as err:
        realisasi.ajukan(demo_con, dep, pid, dep.unit_id)
    pesan = str(err.value)
    assert pesan.startswith("Belum lengkap") and "DEP.02" in pesan
    assert (
        "DEP.01: Kategori Rendah: isi catatan" in pesan
        and "DEP.03: Nilai tidak boleh negatif" in pesan
    )


def test_a_complete_quarter_with_a_blocked_row_is_refused_at_submission(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, i.target[2], "sesuai rencana") for i in form.indikator]
    rows[0].nilai, rows[0].catatan = 10, None
    realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    with pytest.raises(ValidasiEntri, match="Data belum dapat diajukan: DEP.01: Kategori"):
        realisasi.ajukan(demo_con, dep, pid, dep.unit_id)


def test_what_cannot_be_stored_still_refuses_the_draft(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    rows = _baris(demo_con, dep, pid, {"DEP.01": "sepuluh", "DEP.02": "300"})
    with pytest.raises(ValidasiEntri, match="Data belum dapat disimpan: DEP.01"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    assert realisasi.form_entri(demo_con, dep, pid, dep.unit_id).baris.empty


def test_a_returned_submission_tells_why_who_and_when(demo_con):
    par = _a(demo_con, "staf.par")
    pid = _periode(demo_con, par)
    info = realisasi.pengembalian(demo_con, par, pid, par.unit_id)
    assert info is not None
    assert (info.oleh, info.peran) == ("Rina Marlina, S.E.", "pengelola_monev")
    assert info.alasan == "Bukti dukung belum lengkap untuk beberapa indikator."
    assert info.waktu == dt.datetime(2026, 10, 16, 8, 0)
    assert realisasi.pengembalian_unit(demo_con, par, par.unit_id) == [info]
    # the reviewers read it too (they may read the unit); another Bidang may not
    assert realisasi.pengembalian(demo_con, _a(demo_con, "monev"), pid, par.unit_id) == info
    with pytest.raises(AksesDitolak):
        realisasi.pengembalian(demo_con, _a(demo_con, "staf.dep"), pid, par.unit_id)


def test_the_notice_goes_once_resubmitted_and_never_shows_for_a_plain_draft(demo_con):
    par, dep = _a(demo_con, "staf.par"), _a(demo_con, "staf.dep")
    pid = _periode(demo_con, par)
    assert realisasi.pengembalian(demo_con, dep, pid, dep.unit_id) is None  # never submitted
    realisasi.ajukan(demo_con, par, pid, par.unit_id)
    assert realisasi.pengembalian(demo_con, par, pid, par.unit_id) is None
    # returned again, by the Pengelola Monev with another reason: the latest return counts
    sid = demo_con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, par.unit_id]
    ).fetchone()[0]
    review.proses(demo_con, _a(demo_con, "monev"), sid, "kembalikan", "Catatan PAR.03 kosong.")
    info = realisasi.pengembalian(demo_con, par, pid, par.unit_id)
    assert info is not None and info.alasan == "Catatan PAR.03 kosong."


def test_the_notice_reads_as_people_say_it():
    info = Pengembalian(
        11,
        2026,
        3,
        "Bukti *belum* lengkap.",
        "Rina Marlina, S.E.",
        "pengelola_monev",
        dt.datetime(2026, 10, 16, 13, 5),
    )
    teks = tampilan_pengajuan.teks_dikembalikan(info, periode=True).replace("\\", "")
    assert teks.startswith("**Dikembalikan** (Triwulan III TA 2026) oleh Rina Marlina, S.E.")
    assert "(Pengelola Monev), Jumat, 16 Oktober 2026 pukul 13.05 WIB." in teks
    assert "**Alasan:** Bukti *belum* lengkap." in teks  # escaped: shown as typed
    assert "pengelola_monev" not in teks


def test_the_zone_is_named_as_written_in_indonesia(monkeypatch):
    monkeypatch.setenv("MONEV_TZ", "Asia/Makassar")
    assert tampilan_pengajuan.zona() == "WITA"
    monkeypatch.setenv("MONEV_TZ", "Asia/Jakarta")
    assert tampilan_pengajuan.zona() == "WIB"


def test_read_only_figures_of_a_row_in_one_line():
    ind = IndikatorEntri(
        1,
        "DEP.03",
        "Persentase koleksi rusak",
        "%",
        polaritas="negatif",
        cara_agregasi="LAST",
        target_tahunan=5,
        target=(6, 5.5, 5, 5),
        target_atas=(None, None, 6, None),
        realisasi=(6.24, 6.39, None, None),
    )
    assert teks_target(ind, 3) == (
        "Target TW III: 5–6 % · tahunan: 5 · TW I: 6,24 · TW II: 6,39 · makin rendah makin baik"
    )


def test_red_bands_get_a_red_badge_whatever_their_own_colour():
    assert warna_badge("Rendah", SKALA_BAKU) == "red"  # #e8590c, an orange
    assert warna_badge("Sangat Rendah", SKALA_BAKU) == "red"
    assert warna_badge("Sangat Tinggi", SKALA_BAKU) == "green"
    assert warna_badge("Sedang", SKALA_BAKU) == "orange"
    assert warna_badge("Belum Diisi", SKALA_BAKU) == "gray"


def test_a_draft_save_names_only_the_entered_values_a_submission_the_instansi(demo_con):
    """DOMAIN §13.6: Simpan draf raises the instansi's `isian` scope (the follow-ups, units and
    SOP records of the Kadis's dashboard stay cached); Ajukan raises the instansi's."""
    from dashboard.inti import versi_data

    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, i.target[2], "sesuai rencana") for i in form.indikator]
    with versi_data.catat() as draf:
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    assert draf == {versi_data.lingkup_isian(dep.instansi_id)}
    with versi_data.catat() as ajukan:
        realisasi.ajukan(demo_con, dep, pid, dep.unit_id)
    assert versi_data.lingkup_instansi(dep.instansi_id) in ajukan


def _status(con, akses, pid) -> str:
    return realisasi.status_pengajuan(con, pid, akses.unit_id)


def test_typed_rows_are_saved_and_submitted_in_one_transaction(demo_con):
    """Ajukan with rows typed but not saved: both happen, or neither (issue 19)."""
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, i.target[2], "sesuai rencana") for i in form.indikator]
    rows[0].nilai, rows[0].catatan = 10, None  # red without a note: blocks the submission
    with pytest.raises(ValidasiEntri, match="DEP.01: Kategori Rendah"):
        realisasi.ajukan(demo_con, dep, pid, dep.unit_id, rows)
    # nothing written: not the draft either, and the quarter is still a draft
    assert realisasi.form_entri(demo_con, dep, pid, dep.unit_id).baris.empty
    assert _status(demo_con, dep, pid) == "draf"
    rows[0].catatan = "Kegiatan tertunda"
    assert realisasi.ajukan(demo_con, dep, pid, dep.unit_id, rows) == len(rows)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    assert len(form.baris) == len(rows) and form.baris["nilai"].notna().all()
    assert _status(demo_con, dep, pid) == "diajukan"


def test_a_typed_row_completes_the_stored_ones_at_submission(demo_con):
    """The completeness check counts the typed rows: the stored quarter lacks one value, the
    form has it."""
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    rows = [BarisSimpan(i.indikator_id, i.target[2], "sesuai rencana") for i in form.indikator]
    realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows[1:])
    with pytest.raises(ValidasiEntri, match="Belum lengkap"):
        realisasi.ajukan(demo_con, dep, pid, dep.unit_id)
    assert realisasi.ajukan(demo_con, dep, pid, dep.unit_id, rows[:1]) == 1
    assert _status(demo_con, dep, pid) == "diajukan"


PDF = b"%PDF-1.4 bukti"


def _berkas(folder) -> list:
    return sorted(p for p in (folder / "bukti").rglob("*") if p.is_file())


def test_an_upload_refused_by_the_service_leaves_no_file(demo_con, tmp_path, monkeypatch):
    """The file is written after the service's checks: an upload to a period closed for the
    unit, or to a submitted quarter, is refused with nothing on disk (issue 19)."""
    monkeypatch.setenv("MONEV_BUKTI_DIR", str(tmp_path / "bukti"))
    dep, pka = _a(demo_con, "staf.dep"), _a(demo_con, "staf.pka")
    pid = _periode(demo_con, dep)
    ind = realisasi.form_entri(demo_con, dep, pid, dep.unit_id).indikator[0].indikator_id
    periode.tutup_periode(demo_con, _a(demo_con, "monev"), pid)
    with pytest.raises(ValueError, match="sudah ditutup"):
        realisasi.unggah_bukti(demo_con, dep, pid, dep.unit_id, ind, "bukti.pdf", PDF)
    assert _berkas(tmp_path) == []
    with pytest.raises(ValueError):
        ind_pka = realisasi.form_entri(demo_con, pka, pid, pka.unit_id).indikator[0]
        realisasi.unggah_bukti(demo_con, pka, pid, pka.unit_id, ind_pka.indikator_id, "b.pdf", PDF)
    assert _berkas(tmp_path) == []


def test_an_accepted_upload_is_written_and_recorded(demo_con, tmp_path, monkeypatch):
    monkeypatch.setenv("MONEV_BUKTI_DIR", str(tmp_path / "bukti"))
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    ind = realisasi.form_entri(demo_con, dep, pid, dep.unit_id).indikator[0].indikator_id
    assert realisasi.unggah_bukti(demo_con, dep, pid, dep.unit_id, ind, "bukti.pdf", PDF) == 1
    (berkas,) = _berkas(tmp_path)
    assert berkas.read_bytes() == PDF
    form = realisasi.form_entri(demo_con, dep, pid, dep.unit_id)
    assert form.bukti_tersimpan[ind].endswith(berkas.name)


def test_a_failed_write_removes_the_file_it_wrote(demo_con, tmp_path, monkeypatch):
    """A transaction that fails after the upload's file was written (its commit, a conflict)
    removes the file: no file is left that no record points to."""
    from dashboard.inti import bukti

    monkeypatch.setenv("MONEV_BUKTI_DIR", str(tmp_path / "bukti"))
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    ref = bukti.rujukan_baru(dep.unit_id, 2026, 3, "bukti.pdf", PDF)
    rencana = realisasi._Rencana(berkas={ref: PDF})
    with (
        pytest.raises(RuntimeError),
        realisasi._transaksi(demo_con, pid, dep.unit_id, rencana, "konflik"),
    ):
        bukti.tulis_berkas(ref, PDF)
        assert len(_berkas(tmp_path)) == 1
        raise RuntimeError("commit gagal")
    assert _berkas(tmp_path) == []


def test_a_draft_is_checked_against_the_same_indicators_and_rows_as_the_form(demo_con):
    """The light read a draft save uses (no targets, no history) names the same active
    indicators and stored rows as the form the page shows."""
    for user in ("staf.par", "staf.dep", "staf.pka"):
        a = _a(demo_con, user)
        pid = _periode(demo_con, a)
        form = realisasi.form_entri(demo_con, a, pid, a.unit_id)
        draf = realisasi._form_draf(demo_con, a, pid, a.unit_id)
        assert [i.kode for i in draf.indikator] == [i.kode for i in form.indikator]
        assert draf.baris.equals(form.baris) and draf.status == form.status
        assert draf.bukti_tersimpan == form.bukti_tersimpan
