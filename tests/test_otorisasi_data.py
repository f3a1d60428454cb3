"""Authorisation by record (issue 14, "Data"): evidence files served only to who may read the
value they belong to, separation of duties over the whole review chain, the draft check inside
the save's transaction, one winner between two reviewers, forged editor rows. Real DuckDB files,
real threads on separate cursors."""

from __future__ import annotations

import io
import threading

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import AksesDitolak
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.capaian import tabel_dasbor
from dashboard.inti import bukti, config
from dashboard.pengumpulan import excel_entri
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, KonflikData, ValidasiEntri
from dashboard.rapat import layanan_tindak_lanjut as tindak_lanjut
from dashboard.review import layanan_perbaikan as perbaikan
from dashboard.review import layanan_review as review
from dashboard.review.alur import TransisiDitolak

from .test_services_workflow import _a, _periode
from .test_services_workflow import _isi_target as _isi

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(autouse=True)
def _folder(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)


def _nilai_unit(con, unit_id):
    return dict(
        con.execute(
            "SELECT r.indikator_id, r.catatan FROM realisasi r JOIN indikator i "
            "ON i.id = r.indikator_id WHERE i.unit_id = ? AND r.tahun = 2026 AND r.triwulan = 3",
            [unit_id],
        ).fetchall()
    )


# --- evidence files ------------------------------------------------------------------------


def _bukti_pbp(con):
    """PBP uploads an evidence file for its first indicator through the service."""
    pbp = _a(con, "staf.pbp")
    con.execute("UPDATE pengajuan SET status = 'draf' WHERE unit_id = ?", [pbp.unit_id])
    pid = _periode(con, pbp)
    ind = realisasi.form_entri(con, pbp, pid, pbp.unit_id).indikator[0].indikator_id
    realisasi.unggah_bukti(con, pbp, pid, pbp.unit_id, ind, "rahasia pbp.pdf", PDF)
    ref = con.execute(
        "SELECT bukti FROM realisasi WHERE indikator_id = ? AND tahun = 2026 AND triwulan = 3",
        [ind],
    ).fetchone()[0]
    assert ref.startswith(bukti.PREFIX)
    return pbp, ind, ref


def test_typed_file_reference_is_refused_at_save(demo_con):
    _, _, ref = _bukti_pbp(demo_con)
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    rows = _isi(demo_con, dep, pid)
    rows[0].bukti = ref  # another Bidang's file, typed into one's own evidence cell
    with pytest.raises(ValidasiEntri, match="unggah"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    rows[0].bukti = "  " + ref.upper()
    with pytest.raises(ValidasiEntri):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, rows)
    assert not any(v for v in _nilai_unit(demo_con, dep.unit_id).values())


def test_file_is_served_by_record_only_to_readers_of_the_value(demo_con):
    pbp, ind, ref = _bukti_pbp(demo_con)
    nama, isi = realisasi.berkas_bukti(demo_con, pbp, ind, 2026, 3)
    assert isi == PDF and nama.endswith(".pdf") and "/" not in nama
    assert realisasi.berkas_bukti(demo_con, _a(demo_con, "kadis"), ind, 2026, 3)[1] == PDF
    with pytest.raises(AksesDitolak):
        realisasi.berkas_bukti(demo_con, _a(demo_con, "staf.dep"), ind, 2026, 3)
    # a reference planted in another unit's record (old data) is not served either
    dep = _a(demo_con, "staf.dep")
    ind_dep = demo_con.execute(
        "SELECT min(id) FROM indikator WHERE unit_id = ?", [dep.unit_id]
    ).fetchone()[0]
    demo_con.execute(
        "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, bukti, versi, diubah_oleh) "
        "VALUES (?, 2026, 3, 1, ?, 1, 'x')",
        [ind_dep, ref],
    )
    assert realisasi.berkas_bukti(demo_con, dep, ind_dep, 2026, 3) is None


def test_unchanged_upload_reference_saves_and_editor_shows_a_label(demo_con):
    pbp, ind, ref = _bukti_pbp(demo_con)
    pid = _periode(demo_con, pbp)
    form = realisasi.form_entri(demo_con, pbp, pid, pbp.unit_id)
    assert bukti.LABEL_BERKAS in set(form.baris["bukti"])
    assert not form.baris["bukti"].fillna("").str.contains(bukti.PREFIX).any()
    rows = _isi(demo_con, pbp, pid, "catatan baru")
    lama = form.baris.set_index("indikator_id")["bukti"]
    for r in rows:
        r.bukti = lama.get(r.indikator_id)
    realisasi.simpan(demo_con, pbp, pid, pbp.unit_id, rows)
    assert realisasi.berkas_bukti(demo_con, pbp, ind, 2026, 3)[1] == PDF


def test_excel_template_shows_no_storage_path(demo_con):
    from openpyxl import load_workbook

    pbp, _, ref = _bukti_pbp(demo_con)
    pid = _periode(demo_con, pbp)
    data = realisasi.template_excel(demo_con, pbp, pid, pbp.unit_id)
    ws = load_workbook(io.BytesIO(data))[excel_entri.SHEET]
    sel = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(bukti.PREFIX in s for s in sel)
    # the unchanged template imports without touching the stored file
    perubahan, masalah = realisasi.pratinjau_impor(demo_con, pbp, pid, pbp.unit_id, data)
    assert not masalah
    assert perubahan.empty or not perubahan["bukti_baru"].fillna("").str.contains("berkas").any()


def test_kadis_drilldown_and_its_export_show_a_label(demo_con):
    pbp, ind, ref = _bukti_pbp(demo_con)
    r = dasbor.rincian(demo_con, _a(demo_con, "kadis"), ind, 2026, 3)
    assert not r.entri["bukti"].fillna("").str.contains(bukti.PREFIX).any()
    tabel = tabel_dasbor.nilai_tahun(r.entri)
    assert bukti.LABEL_BERKAS in set(tabel["Bukti dukung"])
    assert ref not in tabel.to_csv()


def test_correction_refuses_a_typed_file_reference(demo_con):
    _, _, ref = _bukti_pbp(demo_con)
    staf = _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT min(id) FROM indikator WHERE unit_id = ?", [staf.unit_id]
    ).fetchone()[0]
    with pytest.raises(ValueError, match="unggah"):
        perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "7", "salah ketik", ref)


def _tl_terbuka(con, kecuali: int | None = None):
    """An open follow-up (id, versi, PIC staf) of a PIC unit other than `kecuali`."""
    tl, versi, pic = con.execute(
        "SELECT id, versi, pic_unit_id FROM tindak_lanjut WHERE status <> 'Selesai' "
        "AND pic_unit_id IS DISTINCT FROM ? AND pic_unit_id IN (SELECT unit_id FROM pengguna) "
        "ORDER BY id LIMIT 1",
        [kecuali],
    ).fetchone()
    user = con.execute("SELECT username FROM pengguna WHERE unit_id = ?", [pic]).fetchone()[0]
    return tl, versi, _a(con, user)


def test_follow_up_evidence_by_record_and_no_typed_reference(demo_con):
    tl, versi, staf = _tl_terbuka(demo_con)
    ref = tindak_lanjut.unggah_bukti(demo_con, staf, tl, versi, "bukti tl.pdf", PDF)
    assert tindak_lanjut.berkas_bukti(demo_con, staf, tl)[1] == PDF
    assert tindak_lanjut.berkas_bukti(demo_con, _a(demo_con, "kadis"), tl)[1] == PDF
    tl2, versi2, lain = _tl_terbuka(demo_con, staf.unit_id)
    with pytest.raises(ValueError, match="unggah"):
        tindak_lanjut.perbarui(demo_con, lain, tl2, versi2, "Dalam Proses", "lihat", ref)
    with pytest.raises(AksesDitolak):
        tindak_lanjut.berkas_bukti(demo_con, lain, tl)
    # the label shown for an uploaded file keeps that file when the form is sent back
    versi = int(
        demo_con.execute("SELECT versi FROM tindak_lanjut WHERE id = ?", [tl]).fetchone()[0]
    )
    tindak_lanjut.perbarui(demo_con, staf, tl, versi, "Dalam Proses", "lanjut", bukti.LABEL_BERKAS)
    assert tindak_lanjut.berkas_bukti(demo_con, staf, tl)[1] == PDF


# --- separation of duties -------------------------------------------------------------------


def _beri_peran(con, username, peran):
    admin = _a(con, "admin")
    a = _a(con, username)
    pengguna.ubah_pengguna(
        con,
        admin,
        username,
        {
            "nama": a.nama or username,
            "peran": peran,
            "unit_id": a.unit_id,
            "instansi_id": a.instansi_id,
        },
    )
    return _a(con, username)


def _ajukan_dep(con, staf):
    pid = _periode(con, staf)
    realisasi.simpan(con, staf, pid, staf.unit_id, _isi(con, staf, pid))
    realisasi.ajukan(con, staf, pid, staf.unit_id)
    return con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, staf.unit_id]
    ).fetchone()[0]


def test_submitter_with_every_role_cannot_initial_or_sign_own(demo_con):
    semua = _beri_peran(demo_con, "staf.dep", ["staf_bidang", "sekretaris", "kadis"])
    sid = _ajukan_dep(demo_con, semua)
    assert review.proses(demo_con, _a(demo_con, "monev"), sid, "setujui") == "diverifikasi"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        review.proses(demo_con, semua, sid, "setujui")
    assert review.proses(demo_con, _a(demo_con, "sekretaris"), sid, "setujui") == "diparaf"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        review.proses(demo_con, semua, sid, "setujui")
    assert review.proses(demo_con, _a(demo_con, "kadis"), sid, "setujui") == "disahkan"


def test_one_reviewer_with_three_roles_acts_in_one_step_only(demo_con):
    rangkap = _beri_peran(demo_con, "monev", ["pengelola_monev", "sekretaris", "kadis"])
    sid = _ajukan_dep(demo_con, _a(demo_con, "staf.dep"))
    assert review.proses(demo_con, rangkap, sid, "setujui") == "diverifikasi"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        review.proses(demo_con, rangkap, sid, "setujui")
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        review.proses_massal(demo_con, rangkap, [sid])
    assert review.proses(demo_con, _a(demo_con, "sekretaris"), sid, "setujui") == "diparaf"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        review.proses(demo_con, rangkap, sid, "setujui")


def test_separation_of_duties_can_be_switched_off_per_instansi(demo_con):
    admin = _a(demo_con, "admin")
    rangkap = _beri_peran(demo_con, "monev", ["pengelola_monev", "sekretaris", "kadis"])
    assert review.pemisahan_tugas(demo_con, admin, admin.instansi_id or 1) is True
    with pytest.raises(AksesDitolak):
        review.atur_pemisahan_tugas(demo_con, rangkap, rangkap.instansi_id or 1, False)
    iid = demo_con.execute(
        "SELECT instansi_id FROM unit WHERE id = ?", [_a(demo_con, "staf.dep").unit_id]
    ).fetchone()[0]
    review.atur_pemisahan_tugas(demo_con, admin, iid, False)
    assert review.pemisahan_tugas(demo_con, admin, iid) is False
    sid = _ajukan_dep(demo_con, _a(demo_con, "staf.dep"))
    for ke in ("diverifikasi", "diparaf", "disahkan"):
        assert review.proses(demo_con, rangkap, sid, "setujui") == ke


def test_correction_chain_separates_duties(demo_con):
    rangkap = _beri_peran(demo_con, "monev", ["pengelola_monev", "sekretaris", "kadis"])
    staf = _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT r.indikator_id FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "WHERE i.unit_id = ? AND r.tahun = 2026 AND r.triwulan = 3 LIMIT 1",
        [staf.unit_id],
    ).fetchone()[0]
    fid = perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "77", "salah ketik")
    assert perbaikan.proses(demo_con, rangkap, fid, "setujui") == "diverifikasi"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        perbaikan.proses(demo_con, rangkap, fid, "setujui")
    # the submitter holding kadis may not sign its own correction either
    semua = _beri_peran(demo_con, "staf.sek", ["staf_bidang", "kadis"])
    assert perbaikan.proses(demo_con, _a(demo_con, "sekretaris"), fid, "setujui") == "diparaf"
    with pytest.raises(TransisiDitolak, match="satu langkah"):
        perbaikan.proses(demo_con, semua, fid, "setujui")


# --- the draft check inside the save's transaction -----------------------------------------


def _unit_besar(con, n=3000):
    """DEP with `n` extra indicators, every value of TW III 2026 saved once."""
    dep = _a(con, "staf.dep")
    iid = con.execute("SELECT instansi_id FROM unit WHERE id = ?", [dep.unit_id]).fetchone()[0]
    con.execute(
        "INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan) "
        "SELECT ?, ?, 'UJI.' || i, 'Indikator uji ' || i, 'IKK', 'dokumen' "
        "FROM generate_series(1, ?) t(i)",
        [iid, dep.unit_id, n],
    )
    pid = _periode(con, dep)
    realisasi.simpan(con, dep, pid, dep.unit_id, _isi(con, dep, pid, "awal"))
    return dep, pid


def test_values_are_not_saved_after_the_submission_is_locked(demo_con, monkeypatch):
    """Session A saves 3.000 values; session B submits between A's checks and A's writes.
    None of A's values may land in the locked submission."""
    dep, pid = _unit_besar(demo_con)
    rows_a = _isi(demo_con, dep, pid, "setelah dikunci")
    assert len(rows_a) > 3000
    diperiksa, dikunci = threading.Event(), threading.Event()
    asli = realisasi._periksa_semua

    def jeda(*args, **kwargs):
        hasil = asli(*args, **kwargs)
        if threading.current_thread().name == "A":
            diperiksa.set()
            assert dikunci.wait(60)
        return hasil

    monkeypatch.setattr(realisasi, "_periksa_semua", jeda)
    hasil = {}

    def simpan_a():
        cur = demo_con.cursor()
        try:
            hasil["A"] = realisasi.simpan(cur, dep, pid, dep.unit_id, rows_a)
        except Exception as exc:  # noqa: BLE001 - the outcome is the assertion
            hasil["A"] = exc
        finally:
            cur.close()

    a = threading.Thread(target=simpan_a, name="A")
    a.start()
    assert diperiksa.wait(120)
    cur_b = demo_con.cursor()
    realisasi.ajukan(cur_b, dep, pid, dep.unit_id)  # B locks the submission
    cur_b.close()
    dikunci.set()
    a.join(120)
    assert isinstance(hasil["A"], ValueError), hasil
    assert "terkunci" in str(hasil["A"]) or isinstance(hasil["A"], KonflikData)
    assert set(_nilai_unit(demo_con, dep.unit_id).values()) == {"awal"}


def test_submit_during_the_writes_waits_for_the_save(demo_con, monkeypatch):
    """B submits while A's transaction is writing: B's submit starts only after A's save has
    committed whole, so the locked submission holds exactly what A saved."""
    dep, pid = _unit_besar(demo_con, 500)
    rows_a = _isi(demo_con, dep, pid, "tersimpan")
    menulis, lanjut = threading.Event(), threading.Event()
    asli = realisasi._massal

    def jeda(*args, **kwargs):
        n = asli(*args, **kwargs)
        if threading.current_thread().name == "A" and not menulis.is_set():
            menulis.set()
            assert lanjut.wait(60)
        return n

    monkeypatch.setattr(realisasi, "_massal", jeda)
    hasil = {}

    def jalan(nama, fn):
        cur = demo_con.cursor()
        try:
            hasil[nama] = fn(cur)
        except Exception as exc:  # noqa: BLE001 - the outcome is the assertion
            hasil[nama] = exc
        finally:
            cur.close()

    a = threading.Thread(
        target=jalan,
        name="A",
        args=("A", lambda c: realisasi.simpan(c, dep, pid, dep.unit_id, rows_a)),
    )
    b = threading.Thread(
        target=jalan, name="B", args=("B", lambda c: realisasi.ajukan(c, dep, pid, dep.unit_id))
    )
    a.start()
    assert menulis.wait(120)
    b.start()
    b.join(1.0)
    selesai_sebelum = "B" in hasil
    lanjut.set()
    a.join(120)
    b.join(120)
    assert hasil["A"] == len(rows_a), hasil
    assert not selesai_sebelum or isinstance(hasil["B"], KonflikData), hasil
    status = realisasi.status_pengajuan(demo_con, pid, dep.unit_id)
    # ajukan returns how many typed rows it saved (none here): an exception means refused
    assert (status == "diajukan") == (not isinstance(hasil["B"], Exception)), hasil
    assert set(_nilai_unit(demo_con, dep.unit_id).values()) == {"tersimpan"}


# --- two reviewers on one submission --------------------------------------------------------


def test_two_reviewers_one_wins_the_other_is_told(demo_con):
    sid = demo_con.execute("SELECT id FROM pengajuan WHERE status = 'diajukan'").fetchone()[0]
    monev = _a(demo_con, "monev")
    lain = _beri_peran(demo_con, "sekretaris", ["pengelola_monev"])
    versi = review.detail(demo_con, monev, sid)["info"]["versi"]
    assert review.proses(demo_con, monev, sid, "setujui", versi=versi) == "diverifikasi"
    with pytest.raises(KonflikData, match="pengguna lain"):
        review.proses(demo_con, lain, sid, "kembalikan", "kurang", versi=versi)


def _serentak(monkeypatch, fns):
    """Run the calls in threads at the same moment, each pausing after it read the object
    (in the pure transition check), so both read it before either writes."""
    from dashboard.review import alur

    asli = alur.transisi

    def lambat(*args, **kwargs):
        langkah = asli(*args, **kwargs)
        threading.Event().wait(0.5)
        return langkah

    monkeypatch.setattr(alur, "transisi", lambat)
    hasil, mulai = {}, threading.Barrier(len(fns))

    def jalan(k, fn, cur):
        mulai.wait()
        try:
            hasil[k] = fn(cur)
        except Exception as exc:  # noqa: BLE001 - the outcome is the assertion
            hasil[k] = exc
        finally:
            cur.close()

    threads = [
        threading.Thread(target=jalan, args=(k, fn, demo_cur)) for k, (fn, demo_cur) in fns.items()
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return hasil


def test_two_reviewers_at_the_same_moment(demo_con, monkeypatch):
    """Two reviewers press at once on the same submission: one wins, the other is told."""
    sid = demo_con.execute("SELECT id FROM pengajuan WHERE status = 'diajukan'").fetchone()[0]
    monev = _a(demo_con, "monev")
    lain = _beri_peran(demo_con, "sekretaris", ["pengelola_monev"])
    versi = review.detail(demo_con, monev, sid)["info"]["versi"]
    hasil = _serentak(
        monkeypatch,
        {
            "A": (
                lambda c: review.proses(c, monev, sid, "setujui", versi=versi),
                demo_con.cursor(),
            ),
            "B": (
                lambda c: review.proses(c, lain, sid, "kembalikan", "kurang", versi=versi),
                demo_con.cursor(),
            ),
        },
    )
    menang = [k for k, v in hasil.items() if isinstance(v, str)]
    assert len(menang) == 1, hasil
    kalah = hasil["B" if menang == ["A"] else "A"]
    assert isinstance(kalah, KonflikData), hasil
    status = review.detail(demo_con, monev, sid)["info"]["status"]
    assert status == hasil[menang[0]]
    n = demo_con.execute(
        "SELECT count(*) FROM event WHERE objek = 'pengajuan' AND objek_id = ? "
        "AND dari = 'diajukan' AND jenis = 'transisi'",
        [str(sid)],
    ).fetchone()[0]
    sebelum = demo_con.execute(
        "SELECT count(*) FROM event WHERE objek = 'pengajuan' AND objek_id = ? AND ke = 'diajukan'",
        [str(sid)],
    ).fetchone()[0]
    assert n == sebelum  # one move out of 'diajukan' per move into it: no lost update


def test_two_reviewers_of_a_correction_at_the_same_moment(demo_con, monkeypatch):
    staf = _a(demo_con, "staf.sek")
    ind = demo_con.execute(
        "SELECT r.indikator_id FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "WHERE i.unit_id = ? AND r.tahun = 2026 AND r.triwulan = 3 LIMIT 1",
        [staf.unit_id],
    ).fetchone()[0]
    fid = perbaikan.ajukan(demo_con, staf, ind, 2026, 3, "77", "salah ketik")
    monev = _a(demo_con, "monev")
    lain = _beri_peran(demo_con, "sekretaris", ["pengelola_monev"])
    hasil = _serentak(
        monkeypatch,
        {
            "A": (lambda c: perbaikan.proses(c, monev, fid, "setujui"), demo_con.cursor()),
            "B": (
                lambda c: perbaikan.proses(c, lain, fid, "kembalikan", "kurang"),
                demo_con.cursor(),
            ),
        },
    )
    menang = [k for k, v in hasil.items() if isinstance(v, str)]
    assert len(menang) == 1, hasil
    assert isinstance(hasil["B" if menang == ["A"] else "A"], KonflikData), hasil


def test_two_rows_of_one_indicator_are_refused_and_write_no_history(demo_con):
    dep = _a(demo_con, "staf.dep")
    pid = _periode(demo_con, dep)
    realisasi.simpan(demo_con, dep, pid, dep.unit_id, _isi(demo_con, dep, pid))
    rows = _isi(demo_con, dep, pid)
    kembar = BarisSimpan(rows[0].indikator_id, 5, "kembar", versi=rows[0].versi)
    rows[0].nilai = 4
    sebelum = demo_con.execute("SELECT count(*) FROM realisasi_riwayat").fetchone()[0]
    with pytest.raises(ValidasiEntri, match="lebih dari sekali"):
        realisasi.simpan(demo_con, dep, pid, dep.unit_id, [*rows, kembar])
    assert demo_con.execute("SELECT count(*) FROM realisasi_riwayat").fetchone()[0] == sebelum
    # every history value is a value that was stored at some time
    tersimpan = {
        r[0]
        for r in demo_con.execute(
            "SELECT nilai FROM realisasi WHERE indikator_id = ?", [rows[0].indikator_id]
        ).fetchall()
    }
    baru = {
        r[0]
        for r in demo_con.execute(
            "SELECT nilai_baru FROM realisasi_riwayat WHERE indikator_id = ? AND tahun = 2026 "
            "AND triwulan = 3",
            [rows[0].indikator_id],
        ).fetchall()
    }
    assert baru <= tersimpan


# --- the Excel import checks unit and period whatever the sheet names ----------------------


def _templat_lain(con):
    """DEP's own template of the previous quarter (same codes), to import into this quarter."""
    from openpyxl import load_workbook

    dep = _a(con, "staf.dep")
    pid = _periode(con, dep)
    lalu = con.execute(
        "SELECT p2.id FROM periode p JOIN periode p2 ON p2.instansi_id = p.instansi_id "
        "AND p2.tahun = p.tahun AND p2.triwulan = p.triwulan - 1 WHERE p.id = ?",
        [pid],
    ).fetchone()[0]
    data = realisasi.template_excel(con, _a(con, "monev"), lalu, dep.unit_id)
    return load_workbook(io.BytesIO(data)), dep, pid


def _bytes(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("ubah", ["rename", "delete", "rename_realisasi_copy"])
def test_import_checks_unit_and_period_whatever_the_sheet_names(demo_con, ubah):
    wb, dep, pid = _templat_lain(demo_con)
    if ubah == "rename":
        wb[excel_entri.META].title = "lain"
    elif ubah == "delete":
        del wb[excel_entri.META]
    else:
        wb[excel_entri.META].title = "Sheet9"
        wb.create_sheet(excel_entri.META)  # an empty decoy under the old name
    _, masalah = realisasi.pratinjau_impor(demo_con, dep, pid, dep.unit_id, _bytes(wb))
    pesan = " ".join(m.pesan for m in masalah)
    assert "periode lain" in pesan or "tidak dikenali" in pesan, pesan


def test_entry_and_review_pages_show_no_storage_path(app_db, monkeypatch, tmp_path):
    """The unit's inputs, its download button and the reviewer's view carry the label and a
    download by record, never the `berkas:` reference."""
    import duckdb

    from .conftest import login
    from .test_pages import _open_url

    con = duckdb.connect(str(app_db))
    pka = _a(con, "staf.pka")
    con.execute("UPDATE pengajuan SET status = 'draf' WHERE unit_id = ?", [pka.unit_id])
    pid = _periode(con, pka)
    ind = realisasi.form_entri(con, pka, pid, pka.unit_id).indikator[0].indikator_id
    realisasi.unggah_bukti(con, pka, pid, pka.unit_id, ind, "rahasia.pdf", PDF)
    con.close()
    at = login("staf.pka")
    _open_url(at, "entri")
    assert not at.exception, at.exception
    teks = (
        str([e.proto for e in at.get("arrow_data_frame")])
        + str([b.proto for b in at.get("download_button")])
        + str([t.value for t in at.text_input])
    )
    assert "berkas:" not in teks and "rahasia" not in teks
    assert bukti.LABEL_BERKAS in teks


def test_admin_switches_separation_of_duties_on_the_unit_page(app_db):
    from .conftest import login
    from .test_pages import _open_url

    at = login("admin")
    _open_url(at, "admin-unit")
    assert not at.exception, at.exception
    sakelar = next(t for t in at.toggle if "Pemisahan tugas" in t.label)
    assert sakelar.value is True
    sakelar.set_value(False).run()
    assert not at.exception, at.exception
    assert any("dinonaktifkan" in s.value for s in at.success)
    assert next(t for t in at.toggle if "Pemisahan tugas" in t.label).value is False
