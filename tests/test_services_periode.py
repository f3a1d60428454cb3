"""Reopen requests (docs/DOMAIN.md §6.1), the units listed before a period closes, the next
period offered, the review queue's pure view rules and the evidence a reviewer may open. On a
real demo store: TW III 2026 (periode 11) is open, PAR holds a returned draft, DEP entered
nothing, the others submitted."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import AksesDitolak
from dashboard.inti import bukti, config
from dashboard.periode import layanan_periode as periode
from dashboard.periode import tampilan_periode
from dashboard.review import layanan_review as review
from dashboard.review import tampilan_review

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

TW3 = 11


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _unit(con, kode: str) -> int:
    return con.execute("SELECT id FROM unit WHERE kode = ?", [kode]).fetchone()[0]


@pytest.fixture
def tutup(demo_con):
    """TW III 2026 closed by the Pengelola Monev."""
    periode.tutup_periode(demo_con, _a(demo_con, "monev"), TW3)
    return demo_con


def test_closing_lists_the_units_not_submitted(demo_con):
    belum = periode.belum_mengajukan(demo_con, _a(demo_con, "monev"), TW3)
    assert belum["kode"].tolist() == ["DEP", "PAR"]
    par = belum.set_index("kode").loc["PAR"]
    assert bool(par["dikembalikan"]) and (par["terisi"], par["indikator"]) == (5, 5)
    dep = belum.set_index("kode").loc["DEP"]
    assert dep["terisi"] == 0 and dep.isna()["pengajuan_id"]
    for user in ("kadis", "sekretaris", "staf.par", "admin"):
        with pytest.raises(AksesDitolak):
            periode.belum_mengajukan(demo_con, _a(demo_con, user), TW3)


def test_a_closed_draft_is_shown_to_its_unit_only(tutup):
    par = _a(tutup, "staf.par")
    daftar = periode.periode_ditutup_unit(tutup, par, par.unit_id)
    assert daftar["id"].tolist() == [TW3]
    # DEP entered nothing: the latest closed period is offered too
    dep = _a(tutup, "staf.dep")
    assert periode.periode_ditutup_unit(tutup, dep, dep.unit_id)["id"].tolist() == [TW3]
    # LYN submitted: nothing to ask for
    lyn = _a(tutup, "staf.lyn")
    assert periode.periode_ditutup_unit(tutup, lyn, lyn.unit_id).empty
    with pytest.raises(AksesDitolak):
        periode.periode_ditutup_unit(tutup, lyn, par.unit_id)


def test_only_the_units_own_staf_may_ask_for_a_reopen(tutup):
    par_unit = _unit(tutup, "PAR")
    for user in ("staf.dep", "monev", "kadis", "sekretaris", "admin"):
        with pytest.raises(AksesDitolak):
            periode.minta_buka_kembali(tutup, _a(tutup, user), TW3, par_unit, "data susulan")
    assert tutup.execute("SELECT count(*) FROM permintaan_buka").fetchone()[0] == 0
    mid = periode.minta_buka_kembali(tutup, _a(tutup, "staf.par"), TW3, par_unit, "data susulan")
    row = tutup.execute("SELECT status, oleh FROM permintaan_buka WHERE id = ?", [mid]).fetchone()
    assert row == ("menunggu", "staf.par")
    ev = tutup.execute("SELECT count(*) FROM event WHERE jenis = 'permintaan_buka'").fetchone()
    assert ev[0] == 1


def test_a_reopen_request_is_refused_when_it_makes_no_sense(demo_con):
    par = _a(demo_con, "staf.par")
    with pytest.raises(ValueError, match="masih dibuka"):  # the period is still open
        periode.minta_buka_kembali(demo_con, par, TW3, par.unit_id, "data susulan")
    periode.tutup_periode(demo_con, _a(demo_con, "monev"), TW3)
    with pytest.raises(ValueError, match="alasan"):
        periode.minta_buka_kembali(demo_con, par, TW3, par.unit_id, "  ")
    with pytest.raises(ValueError, match="terlalu panjang"):
        periode.minta_buka_kembali(demo_con, par, TW3, par.unit_id, "x" * 2001)
    periode.minta_buka_kembali(demo_con, par, TW3, par.unit_id, "data susulan")
    with pytest.raises(ValueError, match="sudah dikirim"):  # one waits at a time
        periode.minta_buka_kembali(demo_con, par, TW3, par.unit_id, "lagi")
    lyn = _a(demo_con, "staf.lyn")
    with pytest.raises(ValueError, match="sudah diajukan"):
        periode.minta_buka_kembali(demo_con, lyn, TW3, lyn.unit_id, "ubah data")


def test_granting_reopens_for_the_unit_and_answers_the_request(tutup):
    par = _a(tutup, "staf.par")
    mid = periode.minta_buka_kembali(tutup, par, TW3, par.unit_id, "data susulan")
    for user in ("staf.par", "kadis", "sekretaris", "admin"):
        with pytest.raises(AksesDitolak):
            periode.kabulkan_permintaan(tutup, _a(tutup, user), mid)
    monev = _a(tutup, "monev")
    assert periode.daftar_permintaan_buka(tutup, monev, 1)["status"].tolist() == ["menunggu"]
    periode.kabulkan_permintaan(tutup, monev, mid)
    assert periode.terbuka_untuk(tutup, TW3, par.unit_id)
    assert TW3 in set(periode.periode_entri(tutup, par, par.unit_id)["id"])
    assert periode.periode_ditutup_unit(tutup, par, par.unit_id).empty
    m = periode.daftar_permintaan_buka(tutup, monev, 1).iloc[0]
    assert (m["status"], m["diproses_oleh"]) == ("dikabulkan", "monev")
    assert m["jawaban"] == "Atas permintaan unit: data susulan"
    with pytest.raises(ValueError, match="sudah dijawab"):
        periode.kabulkan_permintaan(tutup, monev, mid)


def test_reopening_by_hand_answers_a_waiting_request(tutup):
    par = _a(tutup, "staf.par")
    periode.minta_buka_kembali(tutup, par, TW3, par.unit_id, "data susulan")
    periode.buka_untuk_unit(tutup, _a(tutup, "monev"), TW3, par.unit_id, "rapat 3 November")
    row = tutup.execute("SELECT status, jawaban FROM permintaan_buka").fetchone()
    assert row == ("dikabulkan", "rapat 3 November")


def test_refusing_needs_a_reason_and_the_unit_may_ask_again(tutup):
    par = _a(tutup, "staf.par")
    monev = _a(tutup, "monev")
    mid = periode.minta_buka_kembali(tutup, par, TW3, par.unit_id, "data susulan")
    with pytest.raises(ValueError, match="Alasan menolak"):
        periode.tolak_permintaan(tutup, monev, mid, " ")
    with pytest.raises(AksesDitolak):
        periode.tolak_permintaan(tutup, par, mid, "tidak")
    periode.tolak_permintaan(tutup, monev, mid, "sudah direkap")
    daftar = periode.periode_ditutup_unit(tutup, par, par.unit_id)
    r = daftar.iloc[0]
    assert (r["permintaan_status"], r["permintaan_jawaban"]) == ("ditolak", "sudah direkap")
    assert not periode.terbuka_untuk(tutup, TW3, par.unit_id)
    periode.minta_buka_kembali(tutup, par, TW3, par.unit_id, "data baru dari UPT")
    assert periode.periode_ditutup_unit(tutup, par, par.unit_id).iloc[0]["permintaan_status"] == (
        "menunggu"
    )


@pytest.mark.parametrize(
    ("ada", "hari_ini", "usul"),
    [
        ([(2026, 1), (2026, 2), (2026, 3)], dt.date(2026, 12, 2), (2026, 4, dt.date(2027, 1, 15))),
        ([(2026, 4), (2026, 3)], dt.date(2026, 12, 2), (2027, 1, dt.date(2027, 4, 15))),
        ([], dt.date(2026, 5, 20), (2026, 2, dt.date(2026, 7, 15))),
        # the quarter after the newest one, its tenggat already past: two weeks from today
        ([(2025, 2)], dt.date(2026, 12, 2), (2025, 3, dt.date(2026, 12, 16))),
    ],
)
def test_the_next_period_offered_never_exists_yet(ada, hari_ini, usul):
    assert tampilan_periode.usulan_periode_baru(ada, hari_ini) == usul
    assert usul[:2] not in ada


def test_bulk_label_names_the_step():
    assert tampilan_review.label_massal(["diajukan"]) == "Verifikasi 1 pengajuan"
    assert tampilan_review.label_massal(["diverifikasi"] * 2) == "Paraf 2 pengajuan"
    assert tampilan_review.label_massal(["diparaf"] * 3) == "Sahkan 3 pengajuan"
    assert (
        tampilan_review.label_massal(["diparaf", "diajukan", "diparaf"])
        == "Proses 3 pengajuan (verifikasi 1, sahkan 2)"
    )
    assert tampilan_review.pesan_massal(["diverifikasi"] * 2) == "2 pengajuan diparaf."
    assert tampilan_review.pesan_massal(["diparaf", "diajukan"]) == "2 pengajuan diproses."


def test_evidence_words_and_preview():
    j = tampilan_review.jenis_bukti
    assert j(bukti.LABEL_BERKAS, "pdf") == "PDF"
    assert j(bukti.LABEL_BERKAS, "jpg") == "Gambar"
    assert j("https://drive.example/x", None) == "Tautan"
    assert j("Laporan kegiatan (berkas fisik)", None) == "Teks"
    assert j(None, None) == j("  ", None) == "–"
    assert [tampilan_review.cara_pratinjau(x) for x in ("pdf", "png", "jpeg", "docx")] == [
        "pdf",
        "gambar",
        "gambar",
        "unduh",
    ]


def test_review_evidence_is_read_through_the_submission(demo_con, tmp_path, monkeypatch):
    """A reviewer opens a file of an indicator of the submission; an indicator of another unit
    through this submission, or a caller outside it, gets nothing."""
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    pka = _unit(demo_con, "PKA")
    sid = demo_con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [TW3, pka]
    ).fetchone()[0]
    ind = demo_con.execute("SELECT id FROM indikator WHERE kode = 'PKA.01'").fetchone()[0]
    lain = demo_con.execute("SELECT id FROM indikator WHERE kode = 'LYN.01'").fetchone()[0]
    tanpa = demo_con.execute("SELECT id FROM indikator WHERE kode = 'PKA.02'").fetchone()[0]
    ref = bukti.simpan_berkas(pka, 2026, 3, "bukti.pdf", b"%PDF-1.4 isi")
    demo_con.execute(
        "UPDATE realisasi SET bukti = ? WHERE indikator_id = ? AND tahun = 2026 AND triwulan = 3",
        [ref, ind],
    )
    for user in ("monev", "sekretaris", "kadis", "staf.pka"):
        nama, jenis, isi = review.berkas_bukti(demo_con, _a(demo_con, user), sid, ind)
        assert (jenis, isi) == ("pdf", b"%PDF-1.4 isi") and nama.startswith("bukti_")
    with pytest.raises(AksesDitolak):
        review.berkas_bukti(demo_con, _a(demo_con, "staf.lyn"), sid, ind)
    with pytest.raises(AksesDitolak):
        review.berkas_bukti(demo_con, _a(demo_con, "monev"), sid, lain)
    assert review.berkas_bukti(demo_con, _a(demo_con, "monev"), sid, tanpa) is None  # no file
