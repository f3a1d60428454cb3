"""SOP runs (pelaksanaan) and their step records.

Steps the app performs come from the workflow events through `sop_pemetaan` (never copied, so
the audit trail stays the one source); steps done outside the app are logged by the Pengelola
Monev. Timeliness is then computed with the working calendar.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from dashboard import ketepatan, store
from dashboard.akses import Akses, AksesDitolak
from dashboard.batas import PANJANG_NAMA, cek_panjang
from dashboard.services import sop_registry

SOP_ALUR = {
    "pengajuan": "dpk_kalbar_pengumpulan_data_kinerja",
    "perbaikan": "dpk_kalbar_perbaikan_data_kinerja",
}


def sop_untuk(cur: duckdb.DuckDBPyConnection, objek: str) -> int | None:
    """The latest revision of the SOP the app follows for this kind of object."""
    kode = SOP_ALUR[objek]
    row = cur.execute(store.sql("pengaturan_get"), [None, f"sop_{objek}"]).fetchone()
    if row:
        kode = row[0]
    row = cur.execute(store.sql("sop_terbaru"), [kode]).fetchone()
    return int(row[0]) if row else None


def pastikan_run(cur: duckdb.DuckDBPyConnection, objek: str, objek_id: int) -> int | None:
    """The run a submission / correction belongs to, created at its first transition under the
    SOP revision in force then. Call inside the transition's transaction."""
    row = cur.execute(store.sql("sop_run_objek"), [objek, objek_id]).fetchone()
    if row:
        return int(row[0])
    sop_id = sop_untuk(cur, objek)
    if sop_id is None:
        return None
    sql = "pengajuan_lokasi" if objek == "pengajuan" else "perbaikan_lokasi"
    lokasi = cur.execute(store.sql(sql), [objek_id]).fetchone()
    if not lokasi:
        return None
    return int(
        cur.execute(store.sql("sop_run_insert"), [sop_id, *lokasi, objek, objek_id]).fetchone()[0]
    )


def daftar_run(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int | None = None
) -> pd.DataFrame:
    lingkup = akses.lingkup_unit(instansi_id, None)
    return store.fetch_df(cur, "sop_run_list", [instansi_id, tahun, lingkup])


def catat_langkah(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    run_id: int,
    urutan: int,
    mulai: dt.datetime,
    selesai: dt.datetime | None = None,
    pelaku: str | None = None,
    catatan: str | None = None,
) -> int:
    """Log a step done outside the app (a letter, a meeting, archiving)."""
    akses.wajib("pengelola_monev")
    run = cur.execute(store.sql("sop_run_lokasi"), [run_id]).fetchone()
    if not run:
        raise ValueError("Pelaksanaan SOP tidak ditemukan.")
    akses.cek_instansi(run[0])
    if not cur.execute(store.sql("sop_langkah_ada"), [run[2], urutan]).fetchone():
        raise ValueError("Langkah itu tidak ada pada revisi SOP pelaksanaan ini.")
    if selesai is not None and selesai < mulai:
        raise ValueError("Waktu selesai tidak boleh sebelum waktu mulai.")
    cek_panjang(pelaku, "Pelaku", PANJANG_NAMA)
    cek_panjang(catatan, "Catatan")
    with store.transaction(cur):
        lid = cur.execute(
            store.sql("sop_run_langkah_insert"),
            [
                run_id,
                urutan,
                mulai,
                selesai,
                (pelaku or "").strip() or None,
                (catatan or "").strip() or None,
                akses.username,
            ],
        ).fetchone()[0]
        store.log_event(
            cur,
            "langkah_sop",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="sop_run",
            objek_id=run_id,
            ke=str(urutan),
            catatan="mulai" if selesai is None else "selesai",
        )
    return int(lid)


def selesaikan_langkah(
    cur: duckdb.DuckDBPyConnection, akses: Akses, langkah_id: int, selesai: dt.datetime
) -> None:
    """The finish button of a step logged with its start only."""
    akses.wajib("pengelola_monev")
    row = cur.execute(store.sql("sop_run_langkah_get"), [langkah_id]).fetchone()
    if not row:
        raise ValueError("Catatan langkah tidak ditemukan.")
    akses.cek_instansi(row[1])
    if row[2] is not None:
        raise ValueError("Langkah ini sudah selesai.")
    if selesai < row[0]:
        raise ValueError("Waktu selesai tidak boleh sebelum waktu mulai.")
    with store.transaction(cur):
        cur.execute(store.sql("sop_run_langkah_selesai"), [selesai, langkah_id])


def _otomatis(runs: pd.DataFrame, events: pd.DataFrame, peta: pd.DataFrame) -> list[dict]:
    """Step records from the events: each time the step's end status is reached, the step ran
    from the latest start marker before it; repeats after a return are rework. On plain lists
    (a run's events, the mapping of its SOP): filtering small frames once per step and event
    cost a cold Beranda about 100 ms at scale L."""
    ev: dict[tuple[str, str], list[tuple[str, pd.Timestamp]]] = {}
    urut = events.sort_values("waktu", kind="stable")
    for objek, objek_id, ke, waktu in zip(
        urut["objek"], urut["objek_id"], urut["ke"], urut["waktu"], strict=True
    ):
        ev.setdefault((objek, objek_id), []).append((ke, waktu))
    per_sop: dict[str, list] = {}
    for m in peta.itertuples(index=False):
        per_sop.setdefault(m.sop_kode, []).append(m)
    out = []
    for run in runs.itertuples(index=False):
        if pd.isna(run.objek_id):
            continue
        e = ev.get((run.objek, str(int(run.objek_id))))
        if e is None:
            continue
        for m in per_sop.get(run.kode, ()):
            if m.objek != run.objek:
                continue
            ulang = 0
            for ke, akhir in e:
                if ke != m.selesai:
                    continue
                if m.mulai == "periode_dibuka":
                    mulai = run.periode_dibuka
                else:
                    awal = [w for k, w in e if k == m.mulai and w <= akhir]
                    if not awal:
                        continue
                    mulai = awal[-1]
                if pd.isna(mulai) or mulai > akhir:
                    continue
                out.append(
                    {
                        "run_id": run.id,
                        "urutan": m.urutan,
                        "mulai": mulai,
                        "selesai": akhir,
                        "ulang": ulang,
                    }
                )
                ulang += 1
    return out


def catatan_langkah(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int | None = None
) -> pd.DataFrame:
    """Every finished step record of the instansi's runs with duration, standard, excess and
    wait (docs/DOMAIN.md §8.4), scoped to the caller."""
    runs = daftar_run(cur, akses, instansi_id, tahun)
    if runs.empty:
        return ketepatan.nilai(sop_registry.kalender(cur), [])
    ids = [int(i) for i in runs["id"]]
    events = store.fetch_df(cur, "sop_run_event", [ids])
    peta = store.fetch_df(cur, "sop_pemetaan_list")
    manual = store.fetch_df(cur, "sop_run_langkah_list", [ids])
    rec = _otomatis(runs, events, peta) + [
        {
            "run_id": r.run_id,
            "urutan": r.urutan,
            "mulai": r.mulai,
            "selesai": r.selesai,
            "ulang": int(r.ulang),
        }
        for r in manual.itertuples(index=False)
        if pd.notna(r.selesai)
    ]
    steps = store.fetch_df(cur, "sop_langkah_run", [ids])
    std = {(int(r.sop_id), int(r.urutan)): r for r in steps.itertuples(index=False)}
    run_sop = dict(zip(runs["id"].astype(int), runs["sop_id"].astype(int), strict=True))
    catatan = []
    for r in rec:
        s = std.get((run_sop[int(r["run_id"])], int(r["urutan"])))
        if s is None:
            continue
        catatan.append(
            ketepatan.Catatan(
                run_id=int(r["run_id"]),
                urutan=int(r["urutan"]),
                no=s.no,
                aktivitas=s.aktivitas,
                pelaksana=", ".join(json.loads(s.pelaksana)),
                mulai=pd.Timestamp(r["mulai"]).to_pydatetime(),
                selesai=pd.Timestamp(r["selesai"]).to_pydatetime(),
                waktu=sop_registry.waktu_efektif(s),
                ulang=int(r["ulang"]),
            )
        )
    df = ketepatan.nilai(sop_registry.kalender(cur), catatan)
    info = runs[["id", "kode", "sop_nama", "revisi", "tahun", "triwulan", "unit_id", "unit"]]
    return df.merge(info.rename(columns={"id": "run_id"}), on="run_id", how="left")


def langkah_manual(cur: duckdb.DuckDBPyConnection, akses: Akses, run_id: int) -> pd.DataFrame:
    row = cur.execute(store.sql("sop_run_lokasi"), [run_id]).fetchone()
    if not row:
        raise AksesDitolak("Pelaksanaan SOP tidak ditemukan.")
    akses.lingkup_unit(row[0], row[1])  # a staf_bidang reads only its own unit's runs
    return store.fetch_df(cur, "sop_run_langkah_list", [[run_id]])


def event_run(cur: duckdb.DuckDBPyConnection, akses: Akses, run_id: int) -> pd.DataFrame:
    """The workflow events behind a run (drill-down from a breach)."""
    row = cur.execute(store.sql("sop_run_lokasi"), [run_id]).fetchone()
    if not row:
        raise AksesDitolak("Pelaksanaan SOP tidak ditemukan.")
    akses.lingkup_unit(row[0], row[1])
    return store.fetch_df(cur, "sop_run_event", [[run_id]])
