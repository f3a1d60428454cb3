"""The steps of SOP Monitoring Evaluasi Kinerja Secara Periodik a meeting has been through,
in words for the Rapat monev page (pure: no Streamlit, no store)."""

from __future__ import annotations

import pandas as pd

from dashboard import formats


def langkah_sop(und: dict, final: bool) -> str:
    """ "✓ Undangan dikirim (nomor ..., 3 Juli 2026) → ✓ Notulen final → ○ Diarsipkan"."""
    if und.get("nomor"):
        kirim = (
            f"✓ Undangan dikirim (nomor {und['nomor']}, "
            f"{formats.tanggal(pd.Timestamp(und['tanggal']).date())})"
        )
    else:
        kirim = "○ Undangan belum dikirim"
    notulen = "✓ Notulen final" if final else "○ Notulen masih draf"
    if und.get("diarsipkan_pada") is not None:
        arsip = f"✓ Diarsipkan {formats.waktu(und['diarsipkan_pada'])}"
    else:
        arsip = "○ Belum diarsipkan"
    return f"{kirim} → {notulen} → {arsip}"
