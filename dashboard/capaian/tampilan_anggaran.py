"""What the admin's Anggaran page shows and reads back (pure: no Streamlit, no store): the
year's totals, the budget table as editor rows, the edited rows as the service takes them,
and which rows of an uploaded template change anything."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.inti import bingkai, formats

# pagu/rp1..rp4 -> short column titles, so the table fits a 1366 px screen
JUDUL = {"pagu": "Pagu", "rp1": "TW I", "rp2": "TW II", "rp3": "TW III", "rp4": "TW IV"}


def _teks(v: Any) -> str:
    return formats.angka(v, 2, kosong="")


def ringkasan(df: pd.DataFrame, kolom_rp: Sequence[str]) -> dict[str, str]:
    """Pagu, spending (the four quarters) and absorption of the year, label -> value."""
    pagu = float(df["pagu"].fillna(0).sum())
    real = float(df[list(kolom_rp)].fillna(0).to_numpy().sum())
    return {
        "Pagu": formats.rupiah(pagu),
        "Realisasi": formats.rupiah(real),
        "Serapan": formats.persen(100 * real / pagu if pagu else None),
    }


def baris_editor(df: pd.DataFrame) -> pd.DataFrame:
    """Each sub kegiatan with its amounts as typed text (Indonesian format, blank for none)."""
    return pd.DataFrame(
        {
            "Kode": df["kode"],
            "Sub kegiatan": df["nama"] + df["aktif"].map({True: "", False: " (nonaktif)"}),
            **{judul: [_teks(v) for v in df[k]] for k, judul in JUDUL.items()},
        }
    )


def awal(df: pd.DataFrame) -> list[dict]:
    """The amounts as read, for the service's check that nobody changed them meanwhile."""
    return bingkai.baris_dict(df[["sub_kegiatan_id", *JUDUL]])


def baris_ubah(df: pd.DataFrame, ubah: pd.DataFrame) -> list[dict]:
    """The edited table as the service takes it (the service reads the typed numbers)."""
    return [
        {
            "sub_kegiatan_id": int(sid),
            **{k: ubah.at[i, judul] or None for k, judul in JUDUL.items()},
        }
        for i, sid in enumerate(df["sub_kegiatan_id"])
    ]


def berubah(hasil: list[dict], df: pd.DataFrame) -> list[dict]:
    """The uploaded rows whose amounts differ (as shown) from the stored ones."""
    lama = df.set_index("sub_kegiatan_id")
    return [
        r
        for r in hasil
        if any(_teks(r[k]) != _teks(lama.at[r["sub_kegiatan_id"], k]) for k in JUDUL)
    ]


def tabel_berubah(beda: list[dict], df: pd.DataFrame) -> pd.DataFrame:
    lama = df.set_index("sub_kegiatan_id")
    return pd.DataFrame(
        {
            "Kode": [lama.at[r["sub_kegiatan_id"], "kode"] for r in beda],
            **{j: [_teks(r[k]) for r in beda] for k, j in JUDUL.items()},
        }
    )


def tabel_masalah(pesan: str) -> pd.DataFrame:
    """A refused upload's problems, one per row."""
    return pd.DataFrame({"Masalah": pesan.split("\n")})
