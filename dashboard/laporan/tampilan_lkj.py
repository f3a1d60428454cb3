"""What the Penyusunan laporan page shows, as pure functions over the services' frames: the
LKj's progress through its five states, its history in words, the semester / annual reports'
readiness, and the e-Kinerja records (no Streamlit, no store)."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.akun.akses import NAMA_PERAN
from dashboard.inti import bingkai, formats
from dashboard.laporan import berkala, lkj


def langkah_lkj(status: str | None) -> list[tuple[str, bool]]:
    """The five states in order, each with whether the LKj has reached it."""
    sampai = lkj.STATUS.index(status) if status in lkj.STATUS else -1
    return [(lkj.LABEL_STATUS[s], i <= sampai) for i, s in enumerate(lkj.STATUS)]


def jejak(langkah: list[tuple[str, bool]]) -> str:
    """ "✓ Disusun → ✓ Diperiksa → ○ Diparaf ..." for a caption."""
    return " → ".join(f"{'✓' if ok else '○'} {nama}" for nama, ok in langkah)


def _aksi(data: object) -> str | None:
    try:
        return json.loads(data)["aksi"] if isinstance(data, str) else None
    except (ValueError, KeyError, TypeError):
        return None


def riwayat(ev: pd.DataFrame) -> pd.DataFrame:
    """The LKj's events as rows a person reads: when, who (role), what, note."""
    if ev.empty:
        return pd.DataFrame(columns=["Waktu", "Oleh", "Tindakan", "Status", "Catatan"])
    return pd.DataFrame(
        {
            "Waktu": [formats.waktu(w) for w in ev["waktu"]],
            "Oleh": [
                f"{u} ({NAMA_PERAN.get(p, p or '–')})"
                for u, p in zip(ev["pengguna"], ev["peran"], strict=True)
            ],
            "Tindakan": [
                lkj.LABEL_AKSI.get(_aksi(d) or "", "Perubahan status")
                for d in ev.get("data", pd.Series([None] * len(ev)))
            ],
            "Status": [lkj.LABEL_STATUS.get(k, k) for k in ev["ke"]],
            "Catatan": [c if isinstance(c, str) else "" for c in ev["catatan"]],
        }
    )


def tabel_berkala(
    triwulan: dict[int, berkala.StatusTriwulan], tersusun: pd.DataFrame
) -> pd.DataFrame:
    """Per report (Semester I, II, Tahunan): composed when and by whom, or what is missing."""
    ada = {r.bagian: r for r in bingkai.baris(tersusun)}
    rows = []
    for b in berkala.BAGIAN:
        kurang = berkala.kurang(b, triwulan, set(ada))
        if b in ada:
            keadaan = f"Disusun {formats.waktu(ada[b].disusun_pada)} oleh {ada[b].disusun_oleh}"
        elif kurang:
            keadaan = "Belum dapat disusun: " + "; ".join(kurang)
        else:
            keadaan = "Siap disusun"
        rows.append({"Laporan": berkala.LABEL_BAGIAN[b], "Keadaan": keadaan})
    return pd.DataFrame(rows)


def keadaan_ekinerja(baris: pd.DataFrame) -> str:
    """One period's e-Kinerja record in a sentence."""
    if baris.empty:
        return "Belum diekspor."
    r = baris.iloc[0]
    teks = (
        f"Diekspor {formats.waktu(r['diekspor_pada'])} oleh {r['diekspor_oleh']} "
        f"({formats.angka(r['jumlah'], 0)} indikator siap dientri)."
    )
    if pd.notna(r["dientri_pada"]):
        teks += (
            f" Dientri ke e-Kinerja {formats.waktu(r['dientri_pada'])} oleh {r['dientri_oleh']}."
        )
    else:
        teks += " Belum dikonfirmasi telah dientri ke e-Kinerja."
    return teks


# --- e-Kinerja tab of Penyusunan laporan ---


def label_periode_ekinerja(per: pd.DataFrame) -> dict[int, str]:
    """ "Triwulan III TA 2026 (4 unit disahkan)"."""
    return {
        int(r.id): f"{formats.nama_triwulan(int(r.triwulan))} {formats.nama_tahun(int(r.tahun))}"
        f" ({formats.angka(r.disahkan, 0)} unit disahkan)"
        for r in bingkai.baris(per)
    }


def periode_ekinerja_awal(per: pd.DataFrame) -> int:
    """Position of the period first offered: the newest with signed data (what e-Kinerja can
    take), else the first."""
    ada_sah = [i for i, n in enumerate(per["disahkan"]) if n]
    return ada_sah[0] if ada_sah else 0


def tabel_ekinerja(df: pd.DataFrame) -> pd.DataFrame:
    """The e-Kinerja sheet in Indonesian numbers: capaian as a percentage, other figures
    formatted except the row number, blanks empty."""
    return pd.DataFrame(
        {
            k: [
                formats.persen(v)
                if k == "Capaian (%)" and v is not None
                else formats.angka(v)
                if isinstance(v, float | int) and k != "No"
                else ("" if v is None else v)
                for v in df[k]
            ]
            for k in df.columns
        }
    )
