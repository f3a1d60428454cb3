"""Backups made from the admin page while the app runs (docs/DOMAIN.md §12.4). A backup holds
the whole store and every evidence file, so only an administrator who may see all of it makes or
downloads one: tied to no instansi, or tied to the only instansi in the store."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.admin import cadangan
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config, store


@dataclass(frozen=True)
class Arsip:
    """One archive in the data folder's cadangan/, as its manifest describes it."""

    nama: str
    path: Path
    ukuran: int
    dibuat_pada: dt.datetime
    oleh: str
    tabel: int
    baris: int
    bukti: int
    versi_skema: int


def boleh(cur: duckdb.DuckDBPyConnection, akses: Akses) -> bool:
    """An admin tied to no instansi, or to the only one in the store (one agency's own server):
    a backup holds every instansi's data and accounts."""
    if not akses.punya("admin"):
        return False
    if akses.instansi_id is None:
        return True
    ada = set(store.fetch_df(cur, "instansi_list")["id"].astype(int))
    return ada <= {akses.instansi_id}


def _wajib(cur: duckdb.DuckDBPyConnection, akses: Akses) -> None:
    akses.wajib("admin")
    if not boleh(cur, akses):
        raise AksesDitolak(
            "Cadangan berisi data semua instansi; hanya administrator untuk semua instansi "
            "yang dapat membuat dan mengunduhnya."
        )


def _arsip(path: Path, manifest: dict) -> Arsip:
    return Arsip(
        nama=path.name,
        path=path,
        ukuran=path.stat().st_size,
        dibuat_pada=dt.datetime.fromisoformat(manifest["dibuat_pada"]),
        oleh=manifest.get("oleh") or "",
        tabel=len(manifest["jumlah_baris"]),
        baris=sum(manifest["jumlah_baris"].values()),
        bukti=sum(b["path"].startswith(cadangan.BUKTI_DIR + "/") for b in manifest["berkas"]),
        versi_skema=int(manifest["versi_skema"]),
    )


def buat_cadangan(cur: duckdb.DuckDBPyConnection, akses: Akses) -> Arsip:
    """A new archive `monev-<time>.tar.gz` of the running store, made through the server's own
    connection (one consistent snapshot while others keep saving), and an event."""
    _wajib(cur, akses)
    folder = cadangan.folder_arsip()
    nama = f"monev-{config.sekarang():%Y%m%d-%H%M%S}"
    tujuan = folder / f"{nama}{cadangan.AKHIRAN_ARSIP}"
    n = 1
    while tujuan.exists():  # two backups in the same second
        n += 1
        tujuan = folder / f"{nama}-{n}{cadangan.AKHIRAN_ARSIP}"
    url = config.db_url()
    if config.adalah_url(url):
        manifest = cadangan.cadangkan_pg(str(url), tujuan, oleh=akses.username)
    else:
        manifest = cadangan.cadangkan(cur, tujuan, oleh=akses.username)
    arsip = _arsip(tujuan, manifest)
    with store.transaction(cur):
        store.log_event(
            cur,
            "cadangan_dibuat",
            pengguna=akses.username,
            peran="admin",
            objek="cadangan",
            objek_id=arsip.nama,
            catatan=f"{arsip.tabel} tabel, {arsip.baris} baris, {arsip.bukti} berkas bukti",
            data=json.dumps({"jumlah_baris": manifest["jumlah_baris"], "ukuran": arsip.ukuran}),
        )
    return arsip


def daftar_cadangan(cur: duckdb.DuckDBPyConnection, akses: Akses) -> list[Arsip]:
    """The archives in the data folder's cadangan/, newest first; unreadable ones left out."""
    _wajib(cur, akses)
    folder = cadangan.folder_arsip()
    if not folder.is_dir():
        return []
    daftar = []
    for path in folder.glob(f"*{cadangan.AKHIRAN_ARSIP}"):
        if path.name.startswith("."):
            continue
        try:
            daftar.append(_arsip(path, cadangan.baca_manifest_arsip(path)))
        except (cadangan.CadanganError, KeyError, ValueError, OSError):
            continue
    return sorted(daftar, key=lambda a: (a.dibuat_pada, a.nama), reverse=True)


def isi_arsip(arsip: Arsip) -> bytes:
    """The bytes of an archive from `daftar_cadangan` (whose caller was checked), read when the
    download button is clicked, not on every run of the page."""
    return arsip.path.read_bytes()
