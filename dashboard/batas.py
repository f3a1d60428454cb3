"""Bounds on what the product stores (docs/DOMAIN.md §10): one home for the limits
that every form, import and service enforces, so a value that passed one door passes them all."""

from __future__ import annotations

import math

BATAS_ANGKA = 1e15  # every stored number is finite and within ±1e15
PANJANG_CATATAN = 2000  # notes, reasons, descriptions
PANJANG_NAMA = 200  # names and titles


def periksa_angka(nilai: float | None) -> str | None:
    """Why a number cannot be stored (non-finite or beyond ±1e15), else None."""
    if nilai is None:
        return None
    if not math.isfinite(nilai):
        return "angka tidak terhingga / bukan angka"
    if abs(nilai) > BATAS_ANGKA:
        return "angka di luar batas ±1.000.000.000.000.000"
    return None
