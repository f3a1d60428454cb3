"""The review chain: queues per reviewer role, the review view, approve / return, bulk approve."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, bukti, config, store, versi_data
from dashboard.inti.batas import cek_panjang
from dashboard.inti.store import KonflikData
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.pengumpulan import layanan_realisasi as svc_realisasi
from dashboard.review import alur
from dashboard.sop import layanan_pelaksanaan as pelaksanaan


def antrian(
    cur: duckdb.DuckDBPyConnection, akses: Akses, sekarang: dt.datetime | None = None
) -> pd.DataFrame:
    """What waits for the caller: one queue per reviewer role they hold."""
    peran = [p for p in alur.ANTRIAN if akses.punya(p)]
    if not peran:
        raise AksesDitolak("Antrian hanya untuk Pengelola Monev, Sekretaris dan Kepala Dinas.")
    status = [alur.ANTRIAN[p] for p in peran]
    df = store.fetch_df(cur, "antrian", {"status": status, "instansi_id": akses.instansi_id})
    sekarang = pd.Timestamp(sekarang or config.sekarang())
    df["menunggu_hari"] = (
        (sekarang - pd.to_datetime(df["status_sejak"])).dt.total_seconds() / 86400
    ).round(1)
    return df


def detail(cur: duckdb.DuckDBPyConnection, akses: Akses, pengajuan_id: int) -> dict:
    """Everything a reviewer needs: values with capaian, notes, evidence, and the history."""
    row = cur.execute(store.sql("pengajuan_get"), {"pengajuan_id": pengajuan_id}).fetchone()
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
        "versi",
    )
    info = dict(zip(keys, row, strict=True))
    akses.lingkup_unit(info["instansi_id"], info["unit_id"])
    nilai = svc_capaian.capaian_indikator(
        cur, akses, info["instansi_id"], info["tahun"], info["triwulan"], info["unit_id"]
    )
    catatan = store.fetch_df(
        cur,
        "realisasi_unit_triwulan",
        {"unit_id": info["unit_id"], "tahun": info["tahun"], "triwulan": info["triwulan"]},
    )
    nilai = nilai.merge(
        catatan[["indikator_id", "nilai", "catatan", "bukti"]],
        left_on="id",
        right_on="indikator_id",
        how="left",
    )
    # the file's type only (for the download's name); never its storage path
    nilai["bukti_jenis"] = nilai["bukti"].map(
        lambda b: b.rsplit(".", 1)[-1] if bukti.rujukan_berkas(b) else None
    )
    nilai["bukti"] = nilai["bukti"].map(lambda b: bukti.label(b) or None)
    n = int(info["triwulan"])
    # the quarter's own figures as typed, beside the to-date ones of docs/DOMAIN.md §4.5
    nilai["target_tw"] = nilai[f"t{n}"]
    nilai["realisasi_tw"] = nilai[f"r{n}"]
    riwayat = store.fetch_df(
        cur, "event_objek", {"objek": "pengajuan", "objek_id": str(pengajuan_id)}
    )
    nama = nama_pengguna(cur, [info["diajukan_oleh"], *riwayat["pengguna"]])
    info["diajukan_oleh_nama"] = nama.get(info["diajukan_oleh"], info["diajukan_oleh"])
    riwayat["nama"] = riwayat["pengguna"].map(lambda u: nama.get(u, u))
    return {"info": info, "nilai": nilai, "riwayat": riwayat}


def nama_pengguna(cur: duckdb.DuckDBPyConnection, usernames: list[object]) -> dict[str, str]:
    """Full names of users (a reviewer reads "Rina Marlina, S.E.", not "monev"); a username
    that no longer exists keeps showing as itself."""
    daftar = sorted({u for u in usernames if isinstance(u, str) and u})
    if not daftar:
        return {}
    return dict(cur.execute(store.sql("pengguna_nama"), {"daftar": daftar}).fetchall())


def berkas_bukti(
    cur: duckdb.DuckDBPyConnection, akses: Akses, pengajuan_id: int, indikator_id: int
) -> tuple[str, str, bytes] | None:
    """The uploaded evidence of one indicator of a submission (file name, type, content), for
    a caller who may read the submission: the indicator must belong to the submission's unit,
    the reference is read from the record and only a file in that unit's folder is served."""
    row = cur.execute(store.sql("pengajuan_get"), {"pengajuan_id": pengajuan_id}).fetchone()
    if not row:
        raise ValueError("Pengajuan tidak ditemukan.")
    unit_id, instansi_id, tahun, triwulan = row[2], row[8], row[9], row[10]
    akses.lingkup_unit(instansi_id, unit_id)
    if lokasi.indikator(cur, indikator_id) != (instansi_id, unit_id):
        raise AksesDitolak("Indikator ini bukan bagian dari pengajuan tersebut.")
    ref = cur.execute(
        store.sql("realisasi_bukti"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    path = bukti.path_berkas(ref[0] if ref else None, unit_id)
    if path is None:
        return None
    return path.name, path.suffix.lstrip(".").lower(), path.read_bytes()


def proses(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    pengajuan_id: int,
    aksi: str,
    catatan: str | None = None,
    sekarang: dt.datetime | None = None,
    versi: int | None = None,
) -> str:
    """Approve (the step of the current status) or return; returns the new status. With
    `versi` (from `detail`) the submission must still be as the reviewer saw it: of two
    reviewers acting on one submission, one wins and the other is told."""
    try:
        with store.kunci(*_kunci(cur, [pengajuan_id])), store.transaction(cur):
            baru = _proses(cur, akses, pengajuan_id, aksi, catatan, sekarang, versi)
    except store.GALAT_TRANSAKSI as exc:
        raise KonflikData(_KONFLIK) from exc
    return baru


def _kunci(cur: duckdb.DuckDBPyConnection, pengajuan_ids: list[int]) -> list[tuple]:
    """Lock keys of the submissions (read before the lock: period and unit never change)."""
    kunci = []
    for pid in pengajuan_ids:
        row = cur.execute(store.sql("pengajuan_get"), {"pengajuan_id": pid}).fetchone()
        if row:
            kunci.append(svc_realisasi.kunci_pengajuan(row[1], row[2]))
    return kunci


_KONFLIK = "Pengajuan ini baru saja diproses pengguna lain; muat ulang antrian."
KUNCI_PEMISAHAN = "pemisahan_tugas"


def pemisahan_tugas_aktif(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> bool:
    """Separation of duties is on unless the instansi switched it off (the default is on)."""
    row = cur.execute(
        store.sql("pengaturan_get"), {"instansi_id": instansi_id, "kunci": KUNCI_PEMISAHAN}
    ).fetchone()
    return True if not row else bool(json.loads(row[0]))


def pemisahan_tugas(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> bool:
    """Is separation of duties on for the instansi (shown on the admin's settings)."""
    akses.cek_instansi(instansi_id)
    return pemisahan_tugas_aktif(cur, instansi_id)


def atur_pemisahan_tugas(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, aktif: bool
) -> None:
    """Switch separation of duties on or off for one instansi (admin only)."""
    akses.wajib("admin")
    akses.cek_instansi(instansi_id)
    with store.transaction(cur):
        cur.execute(
            store.sql("pengaturan_instansi_hapus"),
            {"instansi_id": instansi_id, "kunci": KUNCI_PEMISAHAN},
        )
        cur.execute(
            store.sql("pengaturan_instansi_insert"),
            {
                "instansi_id": instansi_id,
                "kunci": KUNCI_PEMISAHAN,
                "nilai": json.dumps(bool(aktif)),
            },
        )
        store.log_event(
            cur,
            "pengaturan_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="instansi",
            objek_id=instansi_id,
            ke=f"{KUNCI_PEMISAHAN}={'ya' if aktif else 'tidak'}",
        )


def cek_pemisahan(
    cur: duckdb.DuckDBPyConnection,
    instansi_id: int,
    objek: str,
    objek_id: int,
    dari: str,
    pelaku: str,
    pengaju: str | None,
) -> None:
    """Refuse a step by someone who already acted in another step of the same object (the
    submitter included), when the instansi keeps separation of duties (the default)."""
    if not pemisahan_tugas_aktif(cur, instansi_id):
        return
    event = store.fetch_df(cur, "event_objek", {"objek": objek, "objek_id": str(objek_id)})
    riwayat = [
        (r.pengguna, None if pd.isna(r.dari) else r.dari)
        for r in bingkai.baris(event)
        if r.jenis == "transisi"
    ]
    if pengaju:
        riwayat.append((pengaju, None))
    alur.cek_pemisahan(dari, pelaku, riwayat)


def _proses(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    pengajuan_id: int,
    aksi: str,
    catatan: str | None,
    sekarang: dt.datetime | None,
    versi: int | None = None,
) -> str:
    row = cur.execute(store.sql("pengajuan_get"), {"pengajuan_id": pengajuan_id}).fetchone()
    if not row:
        raise ValueError("Pengajuan tidak ditemukan.")
    _, _, unit_id, status, pengaju, *_rest = row
    instansi_id = row[8]
    akses.lingkup_unit(instansi_id, unit_id)
    if versi is not None and row[13] != versi:
        raise KonflikData(_KONFLIK)
    if aksi == "setujui":
        aksi = alur.PERAN_MENYETUJUI.get(status, "setujui")
    cek_panjang(catatan, "Catatan")
    step = alur.transisi(status, aksi, akses.peran, catatan, akses.username, pengaju)
    cek_pemisahan(cur, instansi_id, "pengajuan", pengajuan_id, status, akses.username, pengaju)
    versi_data.sentuh_instansi(instansi_id)
    res = cur.execute(
        store.sql("pengajuan_transisi"),
        {
            "ke": step.ke,
            "waktu": sekarang or config.sekarang(),
            "pengajuan_id": pengajuan_id,
            "dari": status,
            "versi": versi,
        },
    ).fetchone()
    if not res:
        raise KonflikData(_KONFLIK)
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
    if step.aksi == "kembalikan":
        notifikasi.beri_tahu_dikembalikan(cur, pengajuan_id, step.ke, (catatan or "").strip())
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
        with store.kunci(*_kunci(cur, pengajuan_ids)), store.transaction(cur):
            for pid in pengajuan_ids:
                _proses(cur, akses, pid, "setujui", None, sekarang)
    except store.GALAT_TRANSAKSI as exc:
        raise KonflikData(
            "Sebagian pengajuan baru saja diproses pengguna lain; tidak ada yang "
            "diubah, muat ulang antrian."
        ) from exc
    return len(pengajuan_ids)
