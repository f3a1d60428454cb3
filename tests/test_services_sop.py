"""SOP registry (import, revisions, manual standards, calendar) and runs from the workflow."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import ketepatan
from dashboard.review import layanan_review as review
from dashboard.sop import layanan_pelaksanaan as pelaksanaan
from dashboard.sop import layanan_registri as sop_registry
from dashboard.sop import sop

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

ADMIN = Akses("admin", frozenset({"admin"}), instansi_id=1)
KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
KODE = "dpk_kalbar_pengumpulan_data_kinerja"


def _id(con, kode=KODE):
    return con.execute(
        "SELECT id FROM sop WHERE kode = ? ORDER BY revisi DESC LIMIT 1", [kode]
    ).fetchone()[0]


def test_registry_lists_eight_with_actor_marks(demo_con):
    daftar = sop_registry.daftar_sop(demo_con)
    assert len(daftar) == 8
    header, langkah = sop_registry.detail(demo_con, _id(demo_con))
    assert header["pelaksana"] == [
        "KADIS",
        "BIDANG",
        "Fungsional",
        "SEKRETARIS",
        "Pengadministrasi",
    ]
    assert list(langkah["no"]).count("10") == 2
    assert not langkah["standar"].iloc[0].ada_standar  # step 1 has no waktu


def test_import_yaml_new_revision_keeps_old_and_runs_keep_theirs(demo_con):
    old = _id(demo_con)
    runs_before = set(demo_con.execute("SELECT DISTINCT sop_id FROM sop_run").fetchall())
    data = yaml.safe_load((config.SOP_DIR / f"{KODE}.yaml").read_text("utf-8"))
    data["langkah"][1]["waktu"] = "60 Menit"
    with pytest.raises(AksesDitolak):
        sop_registry.impor_yaml(demo_con, KADIS, yaml.safe_dump(data), "x.yaml")
    new = sop_registry.impor_yaml(
        demo_con,
        ADMIN,
        yaml.safe_dump(data, allow_unicode=True),
        "revisi.yaml",
        "Nota Dinas dipercepat",
    )
    assert new != old
    assert list(sop_registry.revisi(demo_con, KODE)["revisi"]) == [2, 1]
    _, lama = sop_registry.detail(demo_con, old)
    assert lama.iloc[1]["waktu"] == "90 Menit"  # earlier revision still readable
    assert set(demo_con.execute("SELECT DISTINCT sop_id FROM sop_run").fetchall()) == runs_before
    assert pelaksanaan.sop_untuk(demo_con, 1, "pengumpulan") == new  # new runs use the new one


def test_excel_round_trip_and_bad_excel(demo_con):
    header, langkah = sop_registry.detail(
        demo_con, _id(demo_con, "setda_tapin_pengumpulan_data_kinerja")
    )
    data = sop_registry.ke_excel(header, langkah)
    sid = sop_registry.impor_excel(demo_con, ADMIN, data, "tapin.xlsx", "dari Excel")
    h2, l2 = sop_registry.detail(demo_con, sid)
    assert h2["dasar_hukum"] == header["dasar_hukum"] and h2["revisi"] == 2
    assert list(l2["waktu"]) == list(langkah["waktu"])
    assert list(l2["pelaksana"]) == list(langkah["pelaksana"])
    with pytest.raises(sop.SopError, match="bukan berkas Excel"):
        sop_registry.impor_excel(demo_con, ADMIN, b"bukan excel", "x.xlsx")


def test_edit_and_publish_revision_needs_a_note(demo_con):
    sid = _id(demo_con)
    header, langkah = sop_registry.detail(demo_con, sid)
    langkah = langkah.copy()
    langkah.loc[0, "waktu"] = "10 Menit"
    with pytest.raises(ValueError, match="Catatan revisi"):
        sop_registry.terbitkan_revisi(demo_con, ADMIN, sid, header, langkah, "")
    baru = sop_registry.terbitkan_revisi(demo_con, ADMIN, sid, header, langkah, "step 1 dibakukan")
    _, l2 = sop_registry.detail(demo_con, baru)
    assert l2.iloc[0]["waktu"] == "10 Menit" and l2.iloc[0]["standar"].menit == 10
    langkah.loc[0, "pelaksana"] = "Bupati"
    with pytest.raises(sop.SopError, match="Bupati"):
        sop_registry.terbitkan_revisi(demo_con, ADMIN, baru, header, langkah, "salah")


def test_manual_standard_where_parser_could_not(demo_con):
    tinjau = sop_registry.tinjau_mutu_baku(demo_con, ADMIN)
    tanpa = tinjau[tinjau["terbaca"] == "Tanpa standar waktu"]
    assert "Sesuai jadwal yang telah ditentukan" in set(tanpa["waktu"])
    r = tanpa.iloc[0]
    with pytest.raises(AksesDitolak):
        sop_registry.atur_manual(
            demo_con, KADIS, int(r.sop_id), int(r.urutan), 1, None, "hari_kerja"
        )
    with pytest.raises(ValueError, match="Basis"):
        sop_registry.atur_manual(demo_con, ADMIN, int(r.sop_id), int(r.urutan), 1, None, "jam")
    sop_registry.atur_manual(demo_con, ADMIN, int(r.sop_id), int(r.urutan), 1, None, "hari_kerja")
    again = sop_registry.tinjau_mutu_baku(demo_con, ADMIN)
    row = again[(again["sop_id"] == r.sop_id) & (again["urutan"] == r.urutan)].iloc[0]
    assert row["berlaku"] == "1 hari kerja" and row["terbaca"] == "Tanpa standar waktu"


def test_calendar_settings(demo_con):
    jam = [("08:00", "15:00")] * 5 + [None, None]
    with pytest.raises(AksesDitolak):
        sop_registry.simpan_jam_kerja(demo_con, KADIS, jam)
    sop_registry.simpan_jam_kerja(demo_con, ADMIN, jam)
    assert sop_registry.jam_kerja(demo_con)[0] == ("08:00", "15:00")
    sop_registry.tambah_libur(
        demo_con, ADMIN, dt.date(2026, 12, 24), "Cuti bersama Natal", "cuti_bersama"
    )
    with pytest.raises(ValueError, match="sudah tercatat"):
        sop_registry.tambah_libur(demo_con, ADMIN, dt.date(2026, 12, 24), "lagi", "lokal")
    assert not sop_registry.kalender(demo_con).hari_kerja(dt.date(2026, 12, 24))
    sop_registry.hapus_libur(demo_con, ADMIN, dt.date(2026, 12, 24))
    assert sop_registry.kalender(demo_con).hari_kerja(dt.date(2026, 12, 24))


def test_demo_runs_have_breaches_waits_and_rework(demo_con):
    df = pelaksanaan.catatan_langkah(demo_con, KADIS, 1)
    assert df["run_id"].nunique() > 50
    assert (df["dalam_standar"] == False).sum() > 0  # noqa: E712
    assert (df["tunggu_menit"] > 0).sum() > 0
    assert (df["ulang"] > 0).sum() > 0
    per = ketepatan.per_langkah(df)
    assert set(per["urutan"]) >= {3, 5, 7, 8}  # the steps the app performs


def test_workflow_transitions_make_step_records(demo_con):
    staf = pengguna.akses_untuk(demo_con, "staf.dep")
    monev = pengguna.akses_untuk(demo_con, "monev")
    pid = demo_con.execute("SELECT id FROM periode WHERE status = 'dibuka'").fetchone()[0]
    form = realisasi.form_entri(demo_con, staf, pid, staf.unit_id)
    realisasi.simpan(
        demo_con,
        staf,
        pid,
        staf.unit_id,
        [realisasi.BarisSimpan(i.indikator_id, i.target[2] or 1, "ok") for i in form.indikator],
    )
    realisasi.ajukan(demo_con, staf, pid, staf.unit_id)
    sid = demo_con.execute(
        "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, staf.unit_id]
    ).fetchone()[0]
    review.proses(demo_con, monev, sid, "kembalikan", "lengkapi bukti")
    realisasi.ajukan(demo_con, staf, pid, staf.unit_id)  # resubmitted without a save: not timed
    review.proses(demo_con, monev, sid, "kembalikan", "bukti masih kurang")
    form = realisasi.form_entri(demo_con, staf, pid, staf.unit_id)
    versi = {
        int(r.indikator_id): int(r.versi) for r in form.baris.itertuples() if r.versi == r.versi
    }
    realisasi.simpan(
        demo_con,
        staf,
        pid,
        staf.unit_id,
        [
            realisasi.BarisSimpan(
                i.indikator_id, (i.target[2] or 1) + 1, "bukti", versi=versi.get(i.indikator_id)
            )
            for i in form.indikator
        ],
    )
    realisasi.ajukan(demo_con, staf, pid, staf.unit_id)
    review.proses(demo_con, monev, sid, "setujui")
    run = demo_con.execute(
        "SELECT id, sop_id FROM sop_run WHERE objek = 'pengajuan' AND objek_id = ?", [sid]
    ).fetchone()
    assert run and run[1] == _id(demo_con)
    df = pelaksanaan.catatan_langkah(demo_con, KADIS, 1)
    mine = df[(df["run_id"] == run[0]) & (df["urutan"] != 2)].sort_values(["urutan", "ulang"])
    # step 3 from each draft save to the submission after it; step 5 from the last submission
    assert list(zip(mine["urutan"], mine["ulang"], strict=True)) == [(3, 0), (3, 1), (5, 0)]


def test_manual_steps_logged_by_pengelola_monev(demo_con):
    monev = pengguna.akses_untuk(demo_con, "monev")
    run_id = demo_con.execute("SELECT min(id) FROM sop_run").fetchone()[0]
    with pytest.raises(AksesDitolak):
        pelaksanaan.catat_langkah(demo_con, KADIS, run_id, 2, dt.datetime(2026, 1, 5, 8))
    with pytest.raises(ValueError, match="tidak ada"):
        pelaksanaan.catat_langkah(demo_con, monev, run_id, 99, dt.datetime(2026, 1, 5, 8))
    with pytest.raises(ValueError, match="sebelum"):
        pelaksanaan.catat_langkah(
            demo_con, monev, run_id, 2, dt.datetime(2026, 1, 5, 8), dt.datetime(2026, 1, 5, 7)
        )
    lid = pelaksanaan.catat_langkah(demo_con, monev, run_id, 1, dt.datetime(2026, 1, 5, 8))
    pelaksanaan.selesaikan_langkah(demo_con, monev, lid, dt.datetime(2026, 1, 5, 9, 30))
    with pytest.raises(ValueError, match="sudah selesai"):
        pelaksanaan.selesaikan_langkah(demo_con, monev, lid, dt.datetime(2026, 1, 5, 10))
    df = pelaksanaan.catatan_langkah(demo_con, KADIS, 1)
    row = df[(df["run_id"] == run_id) & (df["urutan"] == 1)].iloc[0]
    assert row["durasi_menit"] == 90 and row["dalam_standar"] is None  # step 1: no standard
    lain = Akses("monev2", frozenset({"pengelola_monev"}), instansi_id=2)
    with pytest.raises(AksesDitolak):
        pelaksanaan.catat_langkah(demo_con, lain, run_id, 2, dt.datetime(2026, 1, 5, 8))


def test_step_mapping_editable_by_admin_only(demo_con):
    peta = sop_registry.pemetaan(demo_con, KODE)
    acara = peta[peta["cara"] == "event"]
    assert list(acara["urutan"]) == [2, 3, 5, 7, 8]
    with pytest.raises(AksesDitolak):
        sop_registry.simpan_pemetaan(demo_con, KADIS, KODE, peta)
    rusak = peta.copy()
    rusak.loc[0, "urutan"] = 99
    with pytest.raises(ValueError, match="urutan"):
        sop_registry.simpan_pemetaan(demo_con, ADMIN, KODE, rusak)
    rusak = peta.copy()
    rusak.loc[2, "selesai_ke"] = "dikirim"  # not a state of a submission
    with pytest.raises(ValueError, match="status selesai"):
        sop_registry.simpan_pemetaan(demo_con, ADMIN, KODE, rusak)
    rusak = peta.copy()
    rusak.loc[2, "mulai_jenis"] = "undangan_dikirim"
    with pytest.raises(ValueError, match="event mulai tidak dikenal"):
        sop_registry.simpan_pemetaan(demo_con, ADMIN, KODE, rusak)
    rusak = peta.copy()  # a draft save ends no step (docs/DOMAIN.md §13.6)
    rusak.loc[2, ["selesai_jenis", "selesai_objek", "selesai_ke"]] = [
        "realisasi_disimpan",
        "pengajuan",
        None,
    ]
    with pytest.raises(ValueError, match="simpan draf tidak mengakhiri langkah"):
        sop_registry.simpan_pemetaan(demo_con, ADMIN, KODE, rusak)
    assert list(sop_registry.pemetaan(demo_con, KODE)["urutan"]) == list(range(1, 12))
    manual = peta.copy()
    manual.loc[manual["urutan"] == 3, "cara"] = "manual"
    assert sop_registry.simpan_pemetaan(demo_con, ADMIN, KODE, manual) == 4
    df = pelaksanaan.catatan_langkah(demo_con, KADIS, 1)
    assert 3 not in set(df.loc[df["kode"] == KODE, "urutan"])  # no longer read from the events
