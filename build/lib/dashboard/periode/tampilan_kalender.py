"""What the admin's Kalender kerja page shows (pure: no Streamlit, no store): the days off of a
year, national holidays (from the holidays package) merged with the agency's cuti bersama and
local days off, in date order."""

from __future__ import annotations

import pandas as pd

from dashboard.inti import formats
from dashboard.periode.kalender import libur_nasional

JENIS_LIBUR = {"cuti_bersama": "Cuti bersama", "lokal": "Libur lokal"}  # the agency's own


def tabel_libur(tahun: int, tambahan: pd.DataFrame) -> pd.DataFrame:
    """Every day off of `tahun`: national ones and the agency's (`tambahan`, tanggal as date)."""
    nasional = pd.DataFrame(
        [(d, n, "Libur nasional") for d, n in sorted(libur_nasional(int(tahun)).items())],
        columns=["tanggal", "keterangan", "jenis"],
    )
    sendiri = tambahan[pd.to_datetime(tambahan["tanggal"]).dt.year == tahun].assign(
        jenis=lambda d: d["jenis"].map(JENIS_LIBUR)
    )
    semua = pd.concat([nasional, sendiri]).sort_values("tanggal")
    return semua.assign(tanggal=semua["tanggal"].map(formats.tanggal)).rename(
        columns={"tanggal": "Tanggal", "keterangan": "Keterangan", "jenis": "Jenis"}
    )
