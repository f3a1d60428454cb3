"""Which realisations count: only the signed ones (disahkan) or all of them. One switch with one
default for the Beranda, the Laporan kinerja page and the report service, so the two pages never
disagree without saying so (docs/DOMAIN.md §9.3). Pure: no Streamlit, no database.
"""

from __future__ import annotations

import pandas as pd

from dashboard.inti import formats
from dashboard.review import alur

STATUS_SAH = alur.DISAHKAN  # the submission state whose values count as signed

# The default of both pages and of the report service: all data, unsigned values included and
# said so on screen (a report that counts them is marked DRAF). During a quarter almost nothing is
# signed yet, so a signed-only default would show the Kadis a dashboard of "Belum Diisi".
TERMASUK_BELUM_SAH_BAWAAN = True

LABEL_SAKLAR = "Hanya data yang sudah disahkan"
BANTUAN_SAKLAR = (
    "Aktif: hanya realisasi yang pengajuannya sudah disahkan Kepala Dinas yang dihitung; yang "
    "lain dibaca Belum Diisi. Nonaktif: semua realisasi yang sudah diisi ikut dihitung. "
    "Bawaan yang sama dipakai di Beranda dan di Laporan kinerja."
)


def keterangan(termasuk_belum_sah: bool, n_belum_sah: int | None = None) -> str:
    """The sentence shown next to the numbers: which data they count and, when known, how many
    values of the period are not signed yet (counted or left out)."""
    if termasuk_belum_sah:
        teks = "Data: semua realisasi, termasuk yang belum disahkan"
        if n_belum_sah:
            teks += f" ({formats.angka(n_belum_sah, 0)} nilai belum disahkan ikut dihitung)"
    else:
        teks = "Data: hanya realisasi yang sudah disahkan"
        if n_belum_sah:
            teks += (
                f" ({formats.angka(n_belum_sah, 0)} nilai belum disahkan tidak dihitung, "
                "dibaca Belum Diisi)"
            )
    return teks + "."


def belum_sah(ind: pd.DataFrame, status: pd.DataFrame, triwulan: int) -> pd.Series:
    """Per indicator row of `ind` (columns id, r1..r4): is its value of `triwulan` present but
    not signed? `status`: indikator_id, triwulan, status (the unit's submission for the quarter,
    NULL when none), as dashboard/queries/laporan_status_realisasi.sql returns it."""
    sah = status.loc[status["triwulan"] == triwulan].set_index("indikator_id")["status"]
    disahkan = ind["id"].map(sah).eq(STATUS_SAH)
    return ind[f"r{triwulan}"].notna() & ~disahkan


def saring(ind: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """`ind` with every realisation r1..r4 that is not signed left out (None): what a signed-only
    view counts."""
    out = ind.copy()
    for q in range(1, 5):
        out[f"r{q}"] = out[f"r{q}"].where(~belum_sah(out, status, q))
    return out
