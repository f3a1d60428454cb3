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
    if math.isnan(nilai):
        return "bukan angka"
    if abs(nilai) > BATAS_ANGKA:  # infinity included: "9" typed 400 times reads as inf
        return "angka di luar batas ±1.000.000.000.000.000"
    return None


def periksa_panjang(teks: str | None, batas: int = PANJANG_CATATAN) -> str | None:
    """Why a text is too long to store (more than `batas` characters), else None."""
    if teks is None or len(teks) <= batas:
        return None
    return f"terlalu panjang ({len(teks):,} karakter; maksimal {batas:,})".replace(",", ".")


def cek_panjang(teks: str | None, label: str, batas: int = PANJANG_CATATAN) -> None:
    """Raise an Indonesian ValueError when a text is too long to store (services call this
    before every write of a note, reason or name)."""
    alasan = periksa_panjang((teks or "").strip() or None, batas)
    if alasan:
        raise ValueError(f"{label} {alasan}.")
