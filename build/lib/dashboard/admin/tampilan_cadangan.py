"""What the admin's Cadangan page shows (pure: no Streamlit, no store): the archives as a
table, in Indonesian numbers and dates, the size in megabytes."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.inti import formats


def tabel_arsip(daftar: Sequence) -> pd.DataFrame:
    """One row per archive (services.cadangan.Arsip), newest first as listed."""
    return pd.DataFrame(
        {
            "Arsip": [a.nama for a in daftar],
            "Dibuat": [formats.waktu(a.dibuat_pada) for a in daftar],
            "Oleh": [a.oleh for a in daftar],
            "Baris": [formats.angka(a.baris, 0) for a in daftar],
            "Berkas bukti": [formats.angka(a.bukti, 0) for a in daftar],
            "Ukuran": [f"{formats.angka(a.ukuran / 1_000_000, 1)} MB" for a in daftar],
        }
    )
