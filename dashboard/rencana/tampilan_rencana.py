"""What the admin's Rencana kinerja page shows (pure: no Streamlit, no store): the planning
tree depth first with names indented by level, and the labels of the nodes of one level and
of the parents a node may hang under."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.inti import bingkai
from dashboard.rencana import rencana


def urut_pohon(df: pd.DataFrame) -> pd.DataFrame:
    """Nodes depth first (each under its parent, siblings by code), with their depth."""
    anak: dict[tuple | None, list] = {}
    for r in bingkai.baris(df):
        induk = (rencana.induk_tingkat(r.tingkat), r.induk_id) if pd.notna(r.induk_id) else None
        anak.setdefault(induk, []).append(r)
    keluar: list[dict] = []

    def jalan(kunci: tuple | None, dalam: int) -> None:
        for r in sorted(anak.get(kunci, []), key=lambda x: x.kode):
            keluar.append({**r._asdict(), "dalam": dalam})
            jalan((r.tingkat, r.id), dalam + 1)

    jalan(None, 0)
    return pd.DataFrame(keluar, columns=[*df.columns, "dalam"])


def tabel_pohon(pohon: pd.DataFrame, unit_nama: dict[int, str], semua: bool) -> pd.DataFrame:
    """The tree as a table (retired nodes only when `semua`), names indented by level."""
    t = urut_pohon(pohon)
    if not semua:  # a boolean mask even when empty (an empty object column selects columns)
        t = t[t["aktif"].astype(bool)]
    return pd.DataFrame(
        {
            "Tingkat": t["tingkat"],
            "Kode": t["kode"],
            "Nama / uraian": [
                "\u00a0" * 4 * d + n for d, n in zip(t["dalam"], t["nama"], strict=True)
            ],
            "Unit": [unit_nama.get(int(u)) if pd.notna(u) else "" for u in t["unit_id"]],
            "Indikator": t["n_indikator"],
            "Aktif": t["aktif"].map({True: "Ya", False: "Tidak"}),
        }
    )


def label_simpul(level: pd.DataFrame) -> dict[int, str]:
    """The nodes of one level: "S1 Name", a retired one marked."""
    return {
        int(i): f"{k} {n}" + ("" if a else " (nonaktif)")
        for i, k, n, a in zip(
            level["id"], level["kode"], level["nama"], level["aktif"], strict=True
        )
    }


def label_induk(pohon: pd.DataFrame, tingkat_induk: str, induk_sekarang: object) -> dict[int, str]:
    """The parents a node may hang under: the active nodes of the level above, and the node's
    current parent even when retired (so an edit does not move it)."""
    atas = pohon[pohon["tingkat"] == tingkat_induk]
    atas = atas[atas["aktif"] | (atas["id"] == induk_sekarang)]
    return {
        int(i): f"{k} {n}" for i, k, n in zip(atas["id"], atas["kode"], atas["nama"], strict=True)
    }


# --- Impor rencana (one workbook: check first, then all or nothing) ---


def tabel_masalah(daftar: list) -> pd.DataFrame:
    """Problems or warnings of a workbook: sheet, row ("-" for the sheet as a whole), column,
    message."""
    return pd.DataFrame(
        [(m.lembar, m.baris or "-", m.kolom, m.pesan) for m in daftar],
        columns=["Lembar", "Baris", "Kolom", "Pesan"],
    )


def tabel_hitungan(hitungan: Mapping[str, Mapping[str, int]]) -> pd.DataFrame:
    """Rows per sheet that are new, changed or already the same (sheets with none left out)."""
    return pd.DataFrame(
        [
            (lembar, c["baru"], c["diubah"], c["tetap"])
            for lembar, c in hitungan.items()
            if sum(c.values())
        ],
        columns=["Lembar", "Baru", "Diubah", "Tetap"],
    )


def ada_perubahan(hitungan: Mapping[str, Mapping[str, int]]) -> bool:
    """Whether importing would add or change anything."""
    return any(c["baru"] + c["diubah"] for c in hitungan.values())
