"""Issue 17: every seed SOP adopted and run from the app's events, timed credibly
(docs/DOMAIN.md §8.5-8.7), and `sop-status` for scripts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import cli
from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import store
from dashboard.periode import ketepatan
from dashboard.sop import layanan_pelaksanaan as pelaksanaan

ADMIN = Akses("admin", frozenset({"admin"}), instansi_id=None)
KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
KALBAR = "dpk_kalbar_pengumpulan_data_kinerja"
SEED = {
    "setda_tapin_pengumpulan_data_kinerja",
    KALBAR,
    "dpk_kalbar_perbaikan_data_kinerja",
    "dpk_kalbar_penyusunan_laporan_kinerja",
    "dpk_kalbar_e_kinerja",
    "dpk_kalbar_monev_kinerja_periodik",
    "dpk_balangan_pengumpulan_data_kinerja",
    "diskominfotik_anambas_pengumpulan_data_kinerja",
}


def test_step3_menyampaikan_data_runs_from_the_last_draft_save(demo_con):
    """Kalbar step 3 "Menyampaikan data" (20 Menit) starts at the unit's last draft save before
    the submission: timed from the period opening, every Bidang was late every time."""
    df = pelaksanaan.catatan_langkah(demo_con, KADIS, 1)
    s3 = df[(df["kode"] == KALBAR) & (df["urutan"] == 3)]
    assert len(s3) > 50
    simpan = demo_con.execute(
        "SELECT s.id, e.waktu FROM event e JOIN pengajuan s "
        "ON e.objek_id = CAST(s.periode_id AS VARCHAR) || ':' || CAST(s.unit_id AS VARCHAR) "
        "WHERE e.objek = 'pengajuan' AND e.jenis = 'realisasi_disimpan'"
    ).fetchall()
    runs = dict(
        demo_con.execute("SELECT id, objek_id FROM sop_run WHERE objek = 'pengajuan'").fetchall()
    )
    buka = dict(
        demo_con.execute(
            "SELECT r.id, p.dibuka_pada FROM sop_run r JOIN periode p ON p.id = r.periode_id"
        ).fetchall()
    )
    for r in s3.itertuples():
        sebelum = [w for sid, w in simpan if sid == runs[r.run_id] and w <= r.selesai]
        assert pd.Timestamp(r.mulai) == pd.Timestamp(max(sebelum))  # the last save before it
        assert pd.Timestamp(r.mulai) != pd.Timestamp(buka[r.run_id])
    share = s3["dalam_standar"].astype(bool).mean()
    assert 0.5 < share < 1  # a real mix, not 0 % made by the wrong start


def test_every_seed_sop_has_runs_from_events_and_only_manual_steps_by_hand(demo_con):
    peta = store.fetch_df(demo_con, "sop_pemetaan_list")
    assert set(peta["sop_kode"]) == SEED
    manual = {
        (k, u)
        for k, u, c in zip(peta.sop_kode, peta.urutan, peta.cara, strict=True)
        if c == "manual"
    }
    tangan = demo_con.execute(
        "SELECT DISTINCT s.kode, l.urutan FROM sop_run_langkah l JOIN sop_run r ON r.id = l.run_id "
        "JOIN sop s ON s.id = r.sop_id"
    ).fetchall()
    assert set(tangan) <= manual  # nothing the app performs is logged by hand
    dilihat = set()
    for iid in (1, 2, 3, 4):
        df = pelaksanaan.catatan_langkah(demo_con, ADMIN, iid)
        acara = df.merge(peta, left_on=["kode", "urutan"], right_on=["sop_kode", "urutan"])
        dilihat |= set(acara.loc[acara["cara"] == "event", "kode"])
    assert dilihat == SEED  # every seed SOP has steps timed from events


def test_balangan_run_against_its_total_standard(demo_con):
    sid = demo_con.execute(
        "SELECT id FROM sop WHERE kode = 'dpk_balangan_pengumpulan_data_kinerja'"
    ).fetchone()[0]
    assert ketepatan.uraian_menit(pelaksanaan.standar_sop(demo_con, [sid])[sid]) == (
        "122 hari 3 jam"
    )


def test_adoption_by_monev_not_kadis_and_new_runs_follow_it(demo_con):
    monev = pengguna.akses_untuk(demo_con, "monev")
    with pytest.raises(AksesDitolak):
        pelaksanaan.adopsi(
            demo_con, KADIS, 1, "pengumpulan", "setda_tapin_pengumpulan_data_kinerja"
        )
    with pytest.raises(ValueError, match="tidak ditemukan"):
        pelaksanaan.adopsi(demo_con, monev, 1, "pengumpulan", "tidak_ada")
    pelaksanaan.adopsi(demo_con, monev, 1, "pengumpulan", "setda_tapin_pengumpulan_data_kinerja")
    tapin = demo_con.execute(
        "SELECT id FROM sop WHERE kode = 'setda_tapin_pengumpulan_data_kinerja'"
    ).fetchone()[0]
    assert pelaksanaan.sop_untuk(demo_con, 1, "pengumpulan") == tapin
    daftar = pelaksanaan.daftar_adopsi(demo_con, monev, 1).set_index("prosedur")
    assert daftar.loc["pengumpulan", "sop_kode"] == "setda_tapin_pengumpulan_data_kinerja"
    # an event of a procedure no service follows starts its run (the store's hook)
    with store.transaction(demo_con):
        store.log_event(
            demo_con, "transisi", objek="lkj", objek_id="1:2026", dari=None, ke="disusun"
        )
    run = demo_con.execute(
        "SELECT prosedur, objek, tahun, triwulan FROM sop_run WHERE kunci = '1:2026'"
    ).fetchone()
    assert run == ("penyusunan_lkj", "tahun", 2026, None)


def test_sop_status_cli_on_the_demo(demo_db, tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    db.write_bytes(demo_db.read_bytes())
    assert cli.main(["--db", str(db), "sop-status", "--json"]) == 0
    hasil = json.loads(capsys.readouterr().out)
    assert {h["kode"] for h in hasil} == SEED
    con = store.connect(db, read_only=True)
    for h in hasil:
        iid = con.execute("SELECT id FROM instansi WHERE kode = ?", [h["instansi"]]).fetchone()[0]
        df = pelaksanaan.catatan_langkah(con, ADMIN, iid)
        d = df[(df["kode"] == h["kode"]) & df["dalam_standar"].notna()]
        # the share follows from the records: duration within the step's standard
        tepat = int((d["durasi_menit"] <= d["standar_menit"]).sum())
        assert h["langkah_diukur"] == len(d) > 0
        assert h["pelanggaran"] == len(d) - tepat
        assert h["dalam_standar"] == pytest.approx(tepat / len(d), abs=1e-4)
        assert 0 < h["dalam_standar"] < 1 or h["kode"] == "dpk_kalbar_penyusunan_laporan_kinerja"
    con.close()
    assert cli.main(["--db", str(db), "sop-status", "--instansi", "SETDA", "--json"]) == 0
    satu = json.loads(capsys.readouterr().out)
    assert [h["kode"] for h in satu] == ["setda_tapin_pengumpulan_data_kinerja"]
    assert cli.main(["--db", str(db), "sop-status", "--instansi", "XX"]) == 1
    assert "tidak ada" in capsys.readouterr().err
