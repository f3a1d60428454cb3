"""What the admin's Indikator dan target page shows and reads back (pure: no Streamlit, no
store): the indicator list with where each hangs in the plan, the plan-node and indicator
labels, numbers as the form shows them, and the typed targets as the service takes them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.inti import bingkai, formats
from dashboard.rencana import rencana

_KOLOM = {
    "kode": "Kode",
    "nama": "Nama",
    "rencana": "Kedudukan",
    "jenis": "Jenis",
    "pk_teks": "PK",
    "unit": "Unit",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "cara_agregasi": "Agregasi",
    "rumus_negatif": "Rumus",
    "aktif": "Aktif",
}


def kedudukan(baris: dict) -> tuple[str, int] | None:
    """The plan node an indicator row hangs on (tingkat, id), from its five link columns."""
    for t, kolom in rencana.KOLOM_INDIKATOR.items():
        v = baris.get(kolom)
        if v is not None and pd.notna(v):
            return (t, int(v))
    return None


def label_simpul(pohon: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Every plan node an indicator can hang on: (tingkat, id) -> "Sasaran S1 ..."."""
    return {
        (t, int(i)): f"{t} {k} {n}" + ("" if a else " (nonaktif)")
        for t, i, k, n, a in zip(
            pohon["tingkat"], pohon["id"], pohon["kode"], pohon["nama"], pohon["aktif"], strict=True
        )
    }


def tabel_indikator(indikator: pd.DataFrame, pohon: pd.DataFrame) -> pd.DataFrame:
    """The indicator list; Kedudukan names the plan node by level and code."""
    kode = {
        (t, int(i)): k for t, i, k in zip(pohon["tingkat"], pohon["id"], pohon["kode"], strict=True)
    }
    t = indikator.assign(
        rencana=[
            f"{k[0]} {kode.get(k, '')}" if k else "belum ditautkan"
            for k in map(kedudukan, bingkai.baris_dict(indikator))
        ],
        pk_teks=indikator["pk"].map({True: "Ya", False: ""}),
    )
    return t[list(_KOLOM)].rename(columns=_KOLOM)


def label_indikator(indikator: pd.DataFrame) -> dict[int, str]:
    return dict(
        zip(indikator["id"].astype(int), indikator["kode"] + " " + indikator["nama"], strict=True)
    )


def teks(nilai: float | None) -> str:
    """A stored number as the form shows it ('' for none), in Indonesian format."""
    return "" if nilai is None or nilai != nilai else formats.angka(nilai, 4)


def target_dari_isian(
    tahun: int,
    tahunan: str,
    tahunan_atas: str,
    triwulan: Sequence[str],
    triwulan_atas: Sequence[str],
) -> dict | None:
    """The typed targets of one year as the service takes them; None when neither the annual
    nor any quarterly target is typed (the indicator is saved without targets). A number that
    cannot be read raises ValueError with the message to show."""
    angka = formats.parse_angka
    nilai = angka(tahunan)
    if nilai is None and not any(v.strip() for v in triwulan):
        return None
    return {
        "tahun": int(tahun),
        "tahunan": nilai,
        "tahunan_atas": angka(tahunan_atas),
        "triwulan": [angka(v) for v in triwulan],
        "triwulan_atas": [angka(v) for v in triwulan_atas],
    }


def renstra_tersimpan(renstra: pd.DataFrame) -> dict[int, tuple]:
    """Stored Renstra targets: year -> (value, upper bound)."""
    return {int(t): (n, a) for t, n, a in bingkai.baris(renstra)}


def renstra_luar(ada: dict[int, tuple], mulai: int) -> list[int]:
    """Stored years outside the five shown: kept as they are when the form is saved."""
    return sorted(set(ada) - set(rencana.rentang_renstra(mulai)))


def baris_renstra(isian: list[tuple[int, str, str]], ada: dict[int, tuple], mulai: int) -> list:
    """The Renstra rows to save: the five typed years, and the stored years outside them as
    they are. A number that cannot be read raises ValueError."""
    return [
        {"tahun": t, "nilai": formats.parse_angka(n), "nilai_atas": formats.parse_angka(a)}
        for t, n, a in isian
    ] + [
        {"tahun": t, "nilai": ada[t][0], "nilai_atas": ada[t][1]} for t in renstra_luar(ada, mulai)
    ]
