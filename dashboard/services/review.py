"""The review chain: queues per reviewer role, the review view, approve / return, bulk approve."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from dashboard import alur, config, store
from dashboard.akses import Akses, AksesDitolak
from dashboard.services import capaian as svc_capaian
from dashboard.services import pelaksanaan
from dashboard.store import KonflikData


def antrian(
    cur: duckdb.DuckDBPyConnection, akses: Akses, sekarang: dt.datetime | None = None
) -> pd.DataFrame:
    """What waits for the caller: one queue per reviewer role they hold."""
    peran = [p for p in alur.ANTRIAN if akses.punya(p)]
    if not peran:
        raise AksesDitolak("Antrian hanya untuk Pengelola Monev, Sekretaris dan Kepala Dinas.")
    status = [alur.ANTRIAN[p] for p in peran]
    df = store.fetch_df(cur, "antrian", [status, akses.instansi_id])
    sekarang = pd.Timestamp(sekarang or config.sekarang())
    df["menunggu_hari"] = (
        (sekarang - pd.to_datetime(df["status_sejak"])).dt.total_seconds() / 86400
    ).round(1)
    return df


def detail(cur: duckdb.DuckDBPyConnection, akses: Akses, pengajuan_id: int) -> dict:
    """Everything a reviewer needs: values with capaian, notes, evidence, and the history."""
    row = cur.execute(store.sql("pengajuan_get"), [pengajuan_id]).fetchone()
    if not row:
        raise ValueError("Pengajuan tidak ditemukan.")
    keys = (
        "id",
        "periode_id",
        "unit_id",
        "status",
        "diajukan_oleh",
        "diajukan_pada",
        "terlambat",
        "status_sejak",
        "instansi_id",
        "tahun",
        "triwulan",
        "tenggat",
        "unit_nama",
    )
    info = dict(zip(keys, row, strict=True))
    akses.lingkup_unit(info["instansi_id"], info["unit_id"])
    nilai = svc_capaian.capaian_indikator(
        cur, akses, info["instansi_id"], info["tahun"], info["triwulan"], info["unit_id"]
    )
    catatan = store.fetch_df(
        cur, "realisasi_unit_triwulan", [info["unit_id"], info["tahun"], info["triwulan"]]
    )
    nilai = nilai.merge(
        catatan[["indikator_id", "nilai", "catatan", "bukti"]],
        left_on="id",
        right_on="indikator_id",
        how="left",
    )
    riwayat = store.fetch_df(cur, "event_objek", ["pengajuan", str(pengajuan_id)])
    return {"info": info, "nilai": nilai, "riwayat": riwayat}


def proses(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    pengajuan_id: int,
    aksi: str,
    catatan: str | None = None,
    sekarang: dt.datetime | None = None,
) -> str:
    """Approve (the step of the current status) or return; returns the new status."""
    with store.transaction(cur):
        baru = _proses(cur, akses, pengajuan_id, aksi, catatan, sekarang)
    return baru


def _proses(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    pengajuan_id: int,
    aksi: str,
    catatan: str | None,
    sekarang: dt.datetime | None,
) -> str:
    row = cur.execute(store.sql("pengajuan_get"), [pengajuan_id]).fetchone()
    if not row:
        raise ValueError("Pengajuan tidak ditemukan.")
    _, _, unit_id, status, pengaju, *_rest = row
    instansi_id = row[8]
    akses.lingkup_unit(instansi_id, unit_id)
    if aksi == "setujui":
        aksi = alur.PERAN_MENYETUJUI.get(status, "setujui")
    step = alur.transisi(status, aksi, akses.peran, catatan, akses.username, pengaju)
    res = cur.execute(
        store.sql("pengajuan_transisi"),
        [step.ke, sekarang or config.sekarang(), pengajuan_id, status],
    ).fetchone()
    if not res:
        raise KonflikData("Pengajuan ini baru saja diproses pengguna lain; muat ulang antrian.")
    pelaksanaan.pastikan_run(cur, "pengajuan", pengajuan_id)
    store.log_event(
        cur,
        "transisi",
        pengguna=akses.username,
        peran=step.peran,
        objek="pengajuan",
        objek_id=pengajuan_id,
        dari=status,
        ke=step.ke,
        catatan=(catatan or "").strip() or None,
    )
    return step.ke


def proses_massal(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    pengajuan_ids: list[int],
    sekarang: dt.datetime | None = None,
) -> int:
    """Approve several at once: all of them or, if any cannot be approved, none."""
    if not pengajuan_ids:
        raise ValueError("Pilih minimal satu pengajuan.")
    try:
        with store.transaction(cur):
            for pid in pengajuan_ids:
                _proses(cur, akses, pid, "setujui", None, sekarang)
    except duckdb.TransactionException as exc:
        raise KonflikData(
            "Sebagian pengajuan baru saja diproses pengguna lain; tidak ada yang "
            "diubah, muat ulang antrian."
        ) from exc
    return len(pengajuan_ids)
