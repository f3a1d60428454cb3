"""What the notification screens show (docs/DOMAIN.md §14): the sidebar count, the inbox rows
and the outbox table, built from the services' reads; the pages only place them."""

from __future__ import annotations

import pandas as pd

from dashboard.akun.akses import Akses
from dashboard.inti import bingkai, formats, web
from dashboard.inti.ui import HALAMAN, HALAMAN_DIR
from dashboard.notifikasi import layanan_notifikasi as svc
from dashboard.notifikasi import notifikasi


def versi_kotak(akses: Akses) -> int:
    """The version of the caller's inbox scope this run (the key of the inbox's cached reads)."""
    return web.versi_lingkup(svc.lingkup_kotak(akses.instansi_id))


def jumlah_belum_dibaca(akses: Akses) -> int:
    """The sidebar count, from the cache until an inbox write of the caller's instansi."""
    return web.cached_read(svc.jumlah_belum_dibaca, isian=False)(akses, versi_kotak(akses))


def judul_kotak(n: int) -> str:
    """The inbox's menu entry: "Kotak masuk (3)" while something is unread."""
    return f"Kotak masuk ({formats.angka(n, 0)})" if n else "Kotak masuk"


def halaman_tujuan(akses: Akses, url: str | None) -> tuple[str, str] | None:
    """The page an item links to (its script path and title), when the caller may open it."""
    h = next((h for h in HALAMAN if h.url == url), None)
    if h is None or not (h.peran & akses.peran):
        return None
    return str(HALAMAN_DIR / h.file), h.judul


def label_jenis(jenis: str) -> str:
    return notifikasi.JENIS.get(jenis, "Pemberitahuan")


def tabel_outbox(df: pd.DataFrame) -> pd.DataFrame:
    """The outbox as the administrator reads it, in Indonesian."""

    def status(r) -> str:
        if not pd.isna(r.terkirim_pada):
            return "Terkirim"
        return "Gagal, dicoba lagi" if r.percobaan else "Menunggu"

    return pd.DataFrame(
        {
            "Status": [status(r) for r in bingkai.baris(df)],
            "Kepada": df["kepada"],
            "Subjek": df["subjek"],
            "Dibuat": df["dibuat_pada"].map(formats.waktu),
            "Percobaan": df["percobaan"].astype(int),
            "Coba lagi": [
                "–" if not pd.isna(r.terkirim_pada) else formats.waktu(r.coba_lagi_pada)
                for r in bingkai.baris(df)
            ],
            "Terkirim": df["terkirim_pada"].map(formats.waktu),
            "Galat terakhir": df["galat_terakhir"].fillna("–"),
        }
    )
