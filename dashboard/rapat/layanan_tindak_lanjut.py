"""Follow-ups (tindak lanjut) of monev findings: the PIC Bidang reports progress and evidence and
asks to close; the Pengelola Monev closes (Selesai) or refuses with a reason; the Kadis sees what
is overdue per unit. Every change checks the version it was loaded at (two people, one row)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import bukti, config, store
from dashboard.inti.batas import cek_panjang
from dashboard.inti.formats import teks
from dashboard.inti.store import KonflikData
from dashboard.rapat import agenda
from dashboard.rapat import tindak_lanjut as aturan

_KONFLIK = "Tindak lanjut ini baru saja diubah pengguna lain; data dimuat ulang."


def _hari_ini(hari_ini: dt.date | None) -> dt.date:
    return hari_ini or config.hari_ini()


def daftar_tindak_lanjut(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    unit_id: int | None = None,
    hari_ini: dt.date | None = None,
) -> pd.DataFrame:
    """Follow-ups of the instansi with `terlambat`; a staf_bidang sees its own unit's only."""
    lingkup = akses.lingkup_unit(instansi_id, unit_id)
    df = store.fetch_df(
        cur,
        "tindak_lanjut_list",
        {"instansi_id": instansi_id, "lingkup": lingkup, "rapat_id": None},
    )
    df["terlambat"] = agenda.lewat_batas(df["batas_waktu"], df["status"], _hari_ini(hari_ini))
    return df


def rekap_unit(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    hari_ini: dt.date | None = None,
) -> pd.DataFrame:
    """Per PIC unit: open, overdue, asked to close, done (the Kadis view)."""
    akses.wajib("kadis", "sekretaris", "pengelola_monev", "admin")
    df = daftar_tindak_lanjut(cur, akses, instansi_id, None, hari_ini)
    return agenda.rekap_per_unit(df, _hari_ini(hari_ini))


def _get(cur: duckdb.DuckDBPyConnection, tl_id: int) -> dict:
    df = store.fetch_df(cur, "tindak_lanjut_get", {"tl_id": tl_id})
    if df.empty:
        raise ValueError("Tindak lanjut tidak ditemukan.")
    return df.iloc[0].to_dict()


def _cek_pic(cur: duckdb.DuckDBPyConnection, akses: Akses, tl_id: int) -> dict:
    """Only a staf_bidang of the PIC unit reports on a follow-up."""
    row = _get(cur, tl_id)
    akses.cek_instansi(int(row["instansi_id"]))
    if not akses.punya("staf_bidang") or akses.unit_id != int(row["pic_unit_id"]):
        raise AksesDitolak("Hanya Staf Bidang unit PIC yang dapat memperbarui tindak lanjut ini.")
    if aturan.sudah_ditutup(row["status"]):
        raise ValueError(f"Tindak lanjut ini sudah ditutup ({row['status']}).")
    return row


def perbarui(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    tl_id: int,
    versi: int,
    status: str,
    catatan_progres: str | None,
    bukti_ref: str | None,
    minta_tutup: bool = False,
    boleh_berkas: bool = False,
) -> None:
    """The PIC Bidang's progress: status Belum / Dalam Proses, note, evidence, close request.
    Selesai is set only by the Pengelola Monev when closing."""
    row = _cek_pic(cur, akses, tl_id)
    if status not in aturan.STATUS_BIDANG:
        raise ValueError(
            f"Status {' / '.join(aturan.STATUS_TUTUP)} ditetapkan Pengelola Monev saat menutup; "
            f"pilih {' atau '.join(aturan.STATUS_BIDANG)}, lalu centang 'Minta ditutup'."
        )
    catatan, ref = teks(catatan_progres), teks(bukti_ref)
    cek_panjang(catatan, "Catatan progres")
    cek_panjang(ref, "Bukti dukung")
    if not boleh_berkas:  # a file reference only comes from an upload, never typed
        ref = bukti.bukti_ketik(ref, teks(row["bukti"]))
    if minta_tutup and not catatan:
        raise ValueError("Isi catatan progres sebelum meminta tindak lanjut ditutup.")
    if minta_tutup:
        status = aturan.status_saat_minta_tutup(status)
    with store.transaction(cur):
        ok = cur.execute(
            store.sql("tindak_lanjut_progres"),
            {
                "tl_id": tl_id,
                "versi": versi,
                "status": status,
                "catatan": catatan,
                "bukti": ref,
                "minta_tutup": bool(minta_tutup),
                "username": akses.username,
                "diperbarui_pada": config.sekarang(),
                "status_boleh": aturan.terbuka_sql(),
            },
        ).fetchone()
        if not ok:
            raise KonflikData(_KONFLIK)
        store.log_event(
            cur,
            "tindak_lanjut_diperbarui",
            pengguna=akses.username,
            peran="staf_bidang",
            objek="tindak_lanjut",
            objek_id=tl_id,
            dari=row["status"],
            ke=status + (" (minta ditutup)" if minta_tutup else ""),
        )


def unggah_bukti(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    tl_id: int,
    versi: int,
    nama: str,
    isi: bytes,
) -> str:
    """Store an evidence file (type and size checked) for the follow-up, keeping its other
    fields; the permission check runs before anything is written."""
    row = _cek_pic(cur, akses, tl_id)
    lama = store.satu(cur.execute(store.sql("tindak_lanjut_isi_pic"), {"tl_id": tl_id}).fetchone())
    ref = bukti.simpan_berkas(
        int(row["pic_unit_id"]), int(row["tahun"]), int(row["triwulan"]), nama, isi
    )
    perbarui(cur, akses, tl_id, versi, lama[0], lama[1], ref, bool(lama[2]), boleh_berkas=True)
    return ref


def berkas_bukti(
    cur: duckdb.DuckDBPyConnection, akses: Akses, tl_id: int
) -> tuple[str, bytes] | None:
    """The evidence file of a follow-up (file name, content) for a caller who may read it (the
    whole agency, or the PIC unit or the finding's unit). The reference comes from the record,
    and only a file inside the PIC unit's folder is served."""
    row = _get(cur, tl_id)
    akses.cek_instansi(int(row["instansi_id"]))
    unit = {int(row["pic_unit_id"]), int(row["temuan_unit_id"])}
    if not akses.seluruh_instansi and akses.unit_id not in unit:
        raise AksesDitolak("Anda hanya berhak mengakses data unit Anda sendiri.")
    path = bukti.path_berkas(teks(row["bukti"]), int(row["pic_unit_id"]))
    return None if path is None else (path.name, path.read_bytes())


def _cek_monev(cur: duckdb.DuckDBPyConnection, akses: Akses, tl_id: int) -> dict:
    akses.wajib("pengelola_monev")
    row = _get(cur, tl_id)
    akses.cek_instansi(int(row["instansi_id"]))
    if aturan.sudah_ditutup(row["status"]):
        raise ValueError(f"Tindak lanjut ini sudah ditutup ({row['status']}).")
    return row


def tutup(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    tl_id: int,
    versi: int,
    catatan: str | None = None,
) -> None:
    """The Pengelola Monev closes a follow-up: status Selesai."""
    row = _cek_monev(cur, akses, tl_id)
    cek_panjang(catatan, "Catatan")
    with store.transaction(cur):
        ok = cur.execute(
            store.sql("tindak_lanjut_tutup"),
            {
                "tl_id": tl_id,
                "versi": versi,
                "username": akses.username,
                "ditutup_pada": config.sekarang(),
                "catatan": teks(catatan),
                "selesai": aturan.SELESAI,
            },
        ).fetchone()
        if not ok:
            raise KonflikData(_KONFLIK)
        store.log_event(
            cur,
            "tindak_lanjut_ditutup",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="tindak_lanjut",
            objek_id=tl_id,
            dari=row["status"],
            ke=aturan.SELESAI,
            catatan=teks(catatan),
        )


def tolak_tutup(
    cur: duckdb.DuckDBPyConnection, akses: Akses, tl_id: int, versi: int, alasan: str
) -> None:
    """Refuse a close request with a reason the Bidang reads; the follow-up stays open."""
    row = _cek_monev(cur, akses, tl_id)
    if not row["minta_tutup"]:
        raise ValueError("Unit PIC belum meminta tindak lanjut ini ditutup.")
    bersih = teks(alasan)
    if not bersih:
        raise ValueError("Alasan penolakan wajib diisi.")
    cek_panjang(bersih, "Alasan penolakan")
    with store.transaction(cur):
        ok = cur.execute(
            store.sql("tindak_lanjut_tolak_tutup"),
            {"tl_id": tl_id, "versi": versi, "bersih": bersih},
        ).fetchone()
        if not ok:
            raise KonflikData(_KONFLIK)
        store.log_event(
            cur,
            "tindak_lanjut_ditolak_tutup",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="tindak_lanjut",
            objek_id=tl_id,
            catatan=bersih,
        )
