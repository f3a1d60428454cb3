"""Periods, entry, submission, review chain, corrections and lost-update protection, on a real
store. Demo state in TW III 2026: SEK signed, LYN initialled, PBP verified, PKA submitted,
PAR returned to draft, DEP not entered."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import AksesDitolak
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, KonflikData, ValidasiEntri
from dashboard.periode import layanan_periode as periode
from dashboard.review import layanan_perbaikan as perbaikan
from dashboard.review import layanan_review as review
from dashboard.review.alur import TransisiDitolak

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _periode(con, akses):
    return int(periode.periode_entri(con, akses, akses.unit_id)["id"].iloc[0])


def _isi_target(con, akses, pid, catatan="sesuai rencana"):
    """Rows hitting the quarter's target exactly (no red, no warnings)."""
    form = realisasi.form_entri(con, akses, pid, akses.unit_id)
    isi = form.baris.set_index("indikator_id")
    return [
        BarisSimpan(
            i.indikator_id,
            i.target[2] if i.target[2] else 1,
            catatan,
            versi=int(isi.loc[i.indikator_id, "versi"]) if i.indikator_id in isi.index else None,
        )
        for i in form.indikator
    ]


def test_demo_has_every_state_returns_and_late(demo_con):
    statuses = {r[0] for r in demo_con.execute("SELECT status FROM pengajuan").fetchall()}
    assert statuses == {"draf", "diajukan", "diverifikasi", "diparaf", "disahkan"}
    assert demo_con.execute("SELECT count(*) FROM pengajuan WHERE terlambat").fetchone()[0] > 0
    assert (
        demo_con.execute(
            "SELECT count(*) FROM event WHERE jenis = 'transisi' AND ke = 'draf'"
        ).fetchone()[0]
        > 0
    )


def test_periods_open_close_reopen(demo_con):
    monev, staf = _a(demo_con, "monev"), _a(demo_con, "staf.dep")
    with pytest.raises(AksesDitolak):
        periode.buka_periode(demo_con, staf, 1, 2026, 4, dt.date(2027, 1, 15))
    with pytest.raises(ValueError, match="sudah pernah"):
        periode.buka_periode(demo_con, monev, 1, 2026, 3, dt.date(2026, 10, 15))
    with pytest.raises(ValueError, match="Tenggat"):
        periode.buka_periode(demo_con, monev, 1, 2026, 4, dt.date(2026, 6, 1))
    baru = periode.buka_periode(demo_con, monev, 1, 2026, 4, dt.date(2027, 1, 15), "Nota Dinas")
    assert set(periode.periode_entri(demo_con, staf, staf.unit_id)["id"]) >= {baru}
    periode.tutup_periode(demo_con, monev, baru)
    assert baru not in set(periode.periode_entri(demo_con, staf, staf.unit_id)["id"])
    with pytest.raises(ValueError, match="Alasan"):
        periode.buka_untuk_unit(demo_con, monev, baru, staf.unit_id, " ")
    periode.buka_untuk_unit(demo_con, monev, baru, staf.unit_id, "data susulan")
    assert baru in set(periode.periode_entri(demo_con, staf, staf.unit_id)["id"])
    other = _a(demo_con, "staf.lyn")
    assert baru not in set(periode.periode_entri(demo_con, other, other.unit_id)["id"])


def test_save_draft_checks_everything_and_saves_nothing_on_error(demo_con):
    staf = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, staf)
    rows = _isi_target(demo_con, staf, pid)
    rows[0].nilai = "abc"
    rows[1].catatan = "x" * 2001  # what cannot be stored; a rule that only blocks Ajukan does not
    with pytest.raises(ValidasiEntri) as err:
        realisasi.simpan(demo_con, staf, pid, staf.unit_id, rows)
    assert len(err.value.masalah) == 2 and "DEP.01" in str(err.value)
    assert realisasi.form_entri(demo_con, staf, pid, staf.unit_id).baris.empty
    assert (
        realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid)) == 6
    )
    hist = demo_con.execute(
        "SELECT count(*) FROM realisasi_riwayat WHERE sumber = 'entri'"
    ).fetchone()[0]
    assert hist == 6


def test_staf_cannot_write_another_unit_and_reviewers_cannot_enter(demo_con):
    staf, monev = _a(demo_con, "staf.dep"), _a(demo_con, "monev")
    pid = _periode(demo_con, staf)
    lain = demo_con.execute("SELECT id FROM unit WHERE kode = 'LYN'").fetchone()[0]
    with pytest.raises(AksesDitolak):
        realisasi.simpan(demo_con, staf, pid, lain, [])
    with pytest.raises(AksesDitolak):
        realisasi.form_entri(demo_con, staf, pid, lain)
    with pytest.raises(AksesDitolak):
        realisasi.simpan(demo_con, monev, pid, staf.unit_id, [])
    foreign = demo_con.execute(
        "SELECT id FROM indikator WHERE unit_id = ? LIMIT 1", [lain]
    ).fetchone()[0]
    with pytest.raises(ValidasiEntri, match="bukan milik"):
        realisasi.simpan(demo_con, staf, pid, staf.unit_id, [BarisSimpan(foreign, "1")])


def test_submit_needs_complete_data_and_flags_late(demo_con):
    staf = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, staf)
    rows = _isi_target(demo_con, staf, pid)
    realisasi.simpan(demo_con, staf, pid, staf.unit_id, rows[:3])
    with pytest.raises(ValueError, match="Belum lengkap"):
        realisasi.ajukan(demo_con, staf, pid, staf.unit_id)
    realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid))
    realisasi.ajukan(demo_con, staf, pid, staf.unit_id, sekarang=dt.datetime(2026, 11, 21, 9))
    row = demo_con.execute(
        "SELECT status, terlambat FROM pengajuan WHERE periode_id = ? AND unit_id = ?",
        [pid, staf.unit_id],
    ).fetchone()
    assert row == ("diajukan", True)  # tenggat 15 Oktober 2026
    with pytest.raises(ValueError, match="terkunci"):
        realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid))


def test_review_chain_roles_reasons_and_lock(demo_con):
    staf = _a(demo_con, "staf.dep")
    monev, sek, kadis = (_a(demo_con, u) for u in ("monev", "sekretaris", "kadis"))
    pid = _periode(demo_con, staf)
    realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid))
    realisasi.ajukan(demo_con, staf, pid, staf.unit_id)
    sid = demo_con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, staf.unit_id]
    ).fetchone()[0]
    assert sid in set(review.antrian(demo_con, monev)["id"])
    assert sid not in set(review.antrian(demo_con, sek)["id"])
    with pytest.raises(AksesDitolak):
        review.antrian(demo_con, staf)
    for who in (staf, sek, kadis):
        with pytest.raises((TransisiDitolak, AksesDitolak)):
            review.proses(demo_con, who, sid, "setujui")
    with pytest.raises(TransisiDitolak, match="Alasan"):
        review.proses(demo_con, monev, sid, "kembalikan", "")
    assert review.proses(demo_con, monev, sid, "setujui") == "diverifikasi"
    assert review.proses(demo_con, sek, sid, "kembalikan", "bukti kurang") == "diajukan"
    assert review.proses(demo_con, monev, sid, "setujui") == "diverifikasi"
    assert review.proses(demo_con, sek, sid, "setujui") == "diparaf"
    assert review.proses(demo_con, kadis, sid, "kembalikan", "cek IKU") == "diverifikasi"
    assert review.proses(demo_con, sek, sid, "setujui") == "diparaf"
    assert review.proses(demo_con, kadis, sid, "setujui") == "disahkan"
    with pytest.raises(TransisiDitolak):
        review.proses(demo_con, kadis, sid, "kembalikan", "terlambat")
    events = review.detail(demo_con, kadis, sid)["riwayat"]
    assert list(events["ke"]) == [
        "diajukan",
        "diverifikasi",
        "diajukan",
        "diverifikasi",
        "diparaf",
        "diverifikasi",
        "diparaf",
        "disahkan",
    ]
    assert set(events["peran"]) == {"staf_bidang", "pengelola_monev", "sekretaris", "kadis"}
    assert "bukti kurang" in set(events["catatan"])


def test_submitter_with_two_roles_cannot_verify_own(demo_con):
    admin = _a(demo_con, "admin")
    pengguna.ubah_pengguna(
        demo_con,
        admin,
        "staf.dep",
        {
            "nama": "Operator Deposit",
            "peran": ["staf_bidang", "pengelola_monev"],
            "unit_id": _a(demo_con, "staf.dep").unit_id,
        },
    )
    dual = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dual)
    realisasi.simpan(demo_con, dual, pid, dual.unit_id, _isi_target(demo_con, dual, pid))
    realisasi.ajukan(demo_con, dual, pid, dual.unit_id)
    sid = demo_con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, dual.unit_id]
    ).fetchone()[0]
    with pytest.raises(TransisiDitolak, match="sendiri"):
        review.proses(demo_con, dual, sid, "setujui")
    assert review.proses(demo_con, _a(demo_con, "monev"), sid, "setujui") == "diverifikasi"


def test_bulk_approve_is_all_or_nothing(demo_con):
    sek = _a(demo_con, "sekretaris")
    waiting = list(review.antrian(demo_con, sek)["id"])
    assert waiting
    other = demo_con.execute("SELECT id FROM pengajuan WHERE status = 'diajukan'").fetchone()[0]
    with pytest.raises(TransisiDitolak):
        review.proses_massal(demo_con, sek, [*waiting, other])
    assert set(review.antrian(demo_con, sek)["id"]) == set(waiting)
    assert review.proses_massal(demo_con, sek, waiting) == len(waiting)
    assert review.antrian(demo_con, sek).empty


def test_correction_of_signed_value_keeps_history(demo_con):
    staf = _a(demo_con, "staf.sek")  # SEK is signed in TW III 2026
    monev, sek, kadis = (_a(demo_con, u) for u in ("monev", "sekretaris", "kadis"))
    ind, lama = demo_con.execute(
        "SELECT r.indikator_id, r.nilai FROM realisasi r JOIN indikator i ON i.id = "
        "r.indikator_id WHERE i.unit_id = ? AND r.tahun = 2026 AND r.triwulan = 3 LIMIT 1",
        [staf.unit_id],
    ).fetchone()
    with pytest.raises(ValueError, match="Alasan"):
        perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "77", "")
    with pytest.raises(AksesDitolak):
        perbaikan.ajukan(demo_con, _a(demo_con, "staf.lyn"), ind, 2026, 3, "77", "salah")
    fid = perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "77", "salah ketik", "SK revisi")
    with pytest.raises(ValueError, match="sedang diproses"):
        perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "78", "lagi")
    with pytest.raises(TransisiDitolak):
        perbaikan.proses(demo_con, kadis, fid, "setujui")
    assert perbaikan.proses(demo_con, monev, fid, "setujui") == "diverifikasi"
    assert perbaikan.proses(demo_con, sek, fid, "setujui") == "diparaf"
    now = demo_con.execute(
        "SELECT nilai FROM realisasi WHERE indikator_id = ? AND tahun = 2026 AND triwulan = 3",
        [ind],
    ).fetchone()[0]
    assert now == lama  # not applied before signing
    assert perbaikan.proses(demo_con, kadis, fid, "setujui") == "disahkan"
    now = demo_con.execute(
        "SELECT nilai FROM realisasi WHERE indikator_id = ? AND tahun = 2026 AND triwulan = 3",
        [ind],
    ).fetchone()[0]
    assert now == 77
    hist = realisasi.riwayat_nilai(demo_con, staf, ind, 2026, 3)
    assert (hist.iloc[-1]["nilai_lama"], hist.iloc[-1]["nilai_baru"]) == (lama, 77)
    # unsigned data is not corrected through a request
    dep = _a(demo_con, "staf.par")
    ind_par = demo_con.execute(
        "SELECT id FROM indikator WHERE unit_id = ? LIMIT 1", [dep.unit_id]
    ).fetchone()[0]
    with pytest.raises(ValueError, match="disahkan"):
        perbaikan.ajukan(demo_con, dep, ind_par, 2026, 3, "5", "x")


def test_returned_correction_ends(demo_con):
    staf = _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT id FROM indikator WHERE unit_id = ? LIMIT 1", [staf.unit_id]
    ).fetchone()[0]
    fid = perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "70", "salah")
    assert (
        perbaikan.proses(demo_con, _a(demo_con, "monev"), fid, "kembalikan", "bukti tidak ada")
        == "dikembalikan"
    )
    assert perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "70", "dengan bukti", "SK") > fid


def test_second_save_of_same_rows_is_told_not_overwritten(demo_con, tmp_path):
    staf = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, staf)
    realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid))
    # two sessions load the same form
    a = _isi_target(demo_con, staf, pid, "versi A")
    b = _isi_target(demo_con, staf, pid, "versi B")
    assert realisasi.simpan(demo_con, staf, pid, staf.unit_id, a) == 6
    with pytest.raises(KonflikData, match="pengguna lain"):
        realisasi.simpan(demo_con, staf, pid, staf.unit_id, b)
    notes = {
        r[0]
        for r in demo_con.execute(
            "SELECT catatan FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.unit_id = ? AND tahun = 2026 AND triwulan = 3",
            [staf.unit_id],
        ).fetchall()
    }
    assert notes == {"versi A"}


def test_concurrent_saves_from_two_threads(demo_con):
    """Two cursors (two sessions of one server process) save the same rows at once: exactly one
    wins, the other gets a conflict message, never a traceback or a silent overwrite."""
    staf = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, staf)
    realisasi.simpan(demo_con, staf, pid, staf.unit_id, _isi_target(demo_con, staf, pid))
    rows = {k: _isi_target(demo_con, staf, pid, f"sesi {k}") for k in "AB"}
    hasil, barrier = {}, threading.Barrier(2)

    def run(k):
        cur = demo_con.cursor()
        barrier.wait()
        try:
            hasil[k] = realisasi.simpan(cur, staf, pid, staf.unit_id, rows[k])
        except KonflikData as exc:
            hasil[k] = exc
        finally:
            cur.close()

    threads = [threading.Thread(target=run, args=(k,)) for k in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wins = [k for k, v in hasil.items() if v == 6]
    assert len(wins) == 1, hasil
    loser = "B" if wins == ["A"] else "A"
    assert isinstance(hasil[loser], KonflikData)
    notes = {
        r[0]
        for r in demo_con.execute(
            "SELECT catatan FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.unit_id = ? AND tahun = 2026 AND triwulan = 3",
            [staf.unit_id],
        ).fetchall()
    }
    assert notes == {f"sesi {wins[0]}"}
