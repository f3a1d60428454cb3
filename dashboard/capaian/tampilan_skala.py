"""What the admin's Skala kategori page shows and reads back (pure: no Streamlit, no store):
the scale in force as a table, a scale as rows of the editor, the scoring-cap note, and the
edited rows as the service takes them (with the field named when a number cannot be read)."""

from __future__ import annotations

import pandas as pd

from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, formats


def tabel_skala(sk: Skala) -> pd.DataFrame:
    """The bands, highest first, with their capaian range and whether they count as red."""
    tingkat = range(1, len(sk.urut) + 1)
    return pd.DataFrame(
        {
            "Tingkat": [str(i) for i in tingkat],
            "Kategori": list(sk.urut),
            "Capaian (dibulatkan 2 desimal)": [sk.rentang(i, "%") for i in tingkat],
            "Merah": ["Ya" if sk.merah(i) else "" for i in tingkat],
        }
    )


def keterangan(sk: Skala) -> str:
    """How a category is decided, and the scoring cap (or its absence)."""
    return (
        "Kategori ditentukan dari capaian yang sudah dibulatkan ke dua desimal (setengah ke atas), "
        "sama dengan angka yang ditampilkan: 90,995 tampil 91,00% dan masuk kategori berbatas "
        "bawah 91. "
        + (
            f"Batas skor {formats.angka(sk.batas_skor)}: tiap capaian di atasnya dihitung "
            f"{formats.angka(sk.batas_skor)} dalam rata-rata dan predikat."
            if sk.batas_skor is not None
            else "Tanpa batas skor: rata-rata memakai capaian apa adanya."
        )
    )


def baris_editor(sk: Skala) -> pd.DataFrame:
    """A scale as the editor's rows (the lower bound as typed text, Indonesian format)."""
    return pd.DataFrame(
        {
            "Kategori": list(sk.urut),
            "Batas bawah (%)": [formats.angka(b.bawah, kosong="") for b in sk.kategori],
            "Warna": [b.warna for b in sk.kategori],
            "Merah": [sk.merah(i) for i in range(1, len(sk.urut) + 1)],
        }
    )


def _angka(label: str, v: object) -> float | None:
    """A typed number (`90,5` or `90.5`); blank gives None; ValueError names the field."""
    try:
        return formats.parse_angka(formats.teks(v))
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from exc


def data_skala(nama: str, edit: pd.DataFrame, batas_teks: str) -> dict:
    """The edited scale as the service takes it; ValueError names the field that is not a
    number (the service checks the rest: order, gaps, colours)."""
    batas_skor = _angka("Batas skor", batas_teks)
    bawah = [
        _angka(f"Batas bawah kategori ke-{i}", v)
        for i, v in enumerate(edit["Batas bawah (%)"], start=1)
    ]
    return {
        "nama": nama,
        "kategori": [
            {
                "nama": formats.teks(r["Kategori"]) or "",
                "bawah": b,
                "warna": formats.teks(r["Warna"]) or "",
                "merah": bool(r["Merah"]) if pd.notna(r["Merah"]) else False,
            }
            for r, b in zip(bingkai.baris_dict(edit), bawah, strict=True)
        ],
        "batas_skor": batas_skor,
    }
