"""Capaian kinerja of a program, kegiatan or sub kegiatan: the one definition the Beranda's
Anggaran tab and the LKj budget table (Tabel 3.3) share (docs/DOMAIN.md §5.2).

A node's capaian kinerja is the mean of the indicators hung **directly** on it (its own
outcome / output indicators), never of the indicators of the nodes below it: published LKjs and
the Permendagri 86/2017 Renja form pair each program / kegiatan row's rupiah with that row's own
indicator, and a parent's mean over its children's outputs would count each sub kegiatan again
at every level above it. Pure: frames in, numbers out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from dashboard.capaian import capaian as engine
from dashboard.inti import bingkai

# the column holding a node's id, per level an indicator can hang on
ID_TINGKAT = {"program": "program_id", "kegiatan": "kegiatan_id", "sub kegiatan": "sub_kegiatan_id"}


def _angka(x: Any) -> float | None:
    if x is None or (isinstance(x, float) and x != x) or x is pd.NA:
        return None
    return float(x)


def nilai_indikator(status: str, status_tahunan: str, progres_tahunan: object) -> float | None:
    """What one indicator brings to its node's capaian kinerja: its progres tahunan (to date
    against the annual PK target, as serapan is spending to date against the annual pagu),
    only when it is assessed and its own quarter is filled (a quarter not filled is Belum
    Diisi, §4.3: a late unit never counts with last quarter's figure). At TW IV this is the
    indicator's annual LKj capaian (§4.9)."""
    if status == str(engine.Status.BELUM_DIISI):
        return None
    if status_tahunan != str(engine.Status.DINILAI):
        return None
    return _angka(progres_tahunan)


def nilai_per_indikator(ind: pd.DataFrame) -> list[float | None]:
    """`nilai_indikator` of every row of a frame with status, status_tahunan, progres_tahunan."""
    return [
        nilai_indikator(s, st, p)
        for s, st, p in zip(
            ind["status"], ind["status_tahunan"], ind["progres_tahunan"], strict=True
        )
    ]


def capaian_kinerja(
    tingkat: Iterable[str | None],
    node_id: Iterable[object],
    nilai: Iterable[float | None],
    batas_skor: float | None = None,
) -> dict[tuple[str, int], float | None]:
    """{(tingkat, node id): capaian kinerja} for every program / kegiatan / sub kegiatan that has
    at least one indicator hung directly on it: the mean of those indicators' values (each
    capped at `batas_skor` first, §4.8; values without a number left out). `node_id` is, per
    indicator, the id of the node it hangs on (None for a sasaran or tujuan indicator)."""
    kelompok: dict[tuple[str, int], list[float | None]] = {}
    for t, key, v in zip(tingkat, node_id, nilai, strict=True):
        k = _angka(key)
        if t not in ID_TINGKAT or k is None:
            continue
        kelompok.setdefault((t, int(k)), []).append(v)
    return {k: engine.rata_rata_capaian(v, batas_skor) for k, v in kelompok.items()}


def capaian_kinerja_frame(
    ind: pd.DataFrame, nilai: list[float | None], batas_skor: float | None = None
) -> dict[tuple[str, int], float | None]:
    """`capaian_kinerja` over a frame with `tingkat` and the node id columns of ID_TINGKAT."""
    node = [
        getattr(row, ID_TINGKAT[t]) if t in ID_TINGKAT else None
        for t, row in zip(ind["tingkat"], bingkai.baris(ind), strict=True)
    ]
    return capaian_kinerja(ind["tingkat"], node, nilai, batas_skor)
