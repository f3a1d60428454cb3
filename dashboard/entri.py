"""Checks of one quarterly entry row (pure): what blocks a save, what only warns, and the
capaian the operator sees as they type."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dashboard import capaian as engine
from dashboard.batas import periksa_panjang
from dashboard.formats import parse_angka
from dashboard.skala import SKALA_BAKU, Skala


@dataclass(frozen=True)
class IndikatorEntri:
    """An indicator as the entry form needs it: rules, targets and earlier quarters."""

    indikator_id: int
    kode: str
    nama: str
    satuan: str
    polaritas: str = "positif"
    cara_agregasi: str = "SUM"
    rumus_negatif: str = "A"
    boleh_negatif: bool = False
    target_tahunan: float | None = None
    target_tahunan_atas: float | None = None
    target: tuple[float | None, ...] = (None, None, None, None)
    target_atas: tuple[float | None, ...] = (None, None, None, None)
    realisasi: tuple[float | None, ...] = (None, None, None, None)
    riwayat: tuple[float, ...] = ()  # values of earlier years, for the plausibility check


@dataclass
class HasilPeriksa:
    nilai: float | None
    capaian: float | None = None
    progres_tahunan: float | None = None
    kategori: str | None = None
    status: str = engine.Status.BELUM_DIISI
    galat: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)

    @property
    def boleh_disimpan(self) -> bool:
        return not self.galat


def _persen(satuan: str) -> bool:
    return satuan.strip().lower() in {"%", "persen", "persentase"}


def periksa(
    ind: IndikatorEntri,
    triwulan: int,
    teks_nilai: str | float | None,
    catatan: str | None,
    skala: Skala = SKALA_BAKU,
) -> HasilPeriksa:
    """Check the value typed for `triwulan` and compute its capaian and category."""
    try:
        nilai = parse_angka(teks_nilai)
    except ValueError as exc:
        return HasilPeriksa(None, galat=[str(exc)])
    hasil = HasilPeriksa(nilai)
    panjang = periksa_panjang(str(catatan).strip() if catatan is not None else None)
    if panjang:
        hasil.galat.append(f"Catatan {panjang}.")
    if nilai is None:
        return hasil
    if nilai < 0 and not ind.boleh_negatif:
        hasil.galat.append("Nilai tidak boleh negatif untuk indikator ini.")
    if _persen(ind.satuan) and nilai > 100:
        hasil.galat.append("Nilai persentase tidak boleh lebih dari 100.")
    realisasi = list(ind.realisasi[:4]) + [None] * (4 - len(ind.realisasi))
    realisasi[triwulan - 1] = nilai
    h = engine.hitung_triwulan(
        engine.Indikator(ind.polaritas, ind.cara_agregasi, ind.rumus_negatif),
        triwulan,
        realisasi,
        list(ind.target),
        ind.target_tahunan,
        list(ind.target_atas) if any(v is not None for v in ind.target_atas) else None,
        ind.target_tahunan_atas,
        skala,
    )
    hasil.capaian, hasil.progres_tahunan = h.capaian, h.progres_tahunan
    hasil.kategori, hasil.status = h.kategori, str(h.status)
    if skala.merah(h.level) and not (catatan or "").strip():  # a red band, by level
        hasil.galat.append(
            f"Kategori {h.kategori}: isi catatan faktor penghambat / kendala terlebih dahulu."
        )
    sebelum = next((v for v in reversed(realisasi[: triwulan - 1]) if v is not None), None)
    if ind.cara_agregasi == engine.Agregasi.LAST and sebelum is not None and nilai < sebelum:
        hasil.peringatan.append(
            "Nilai akhir lebih rendah dari triwulan sebelumnya; pastikan sudah benar."
        )
    lampau = [v for v in ind.riwayat if v is not None]
    if len(lampau) >= 3:
        atas, bawah = max(lampau), min(lampau)
        if (atas > 0 and nilai > 3 * atas) or (bawah > 0 and nilai < bawah / 3):
            hasil.peringatan.append(
                "Nilai jauh di luar riwayat indikator ini; periksa kembali satuan dan angkanya."
            )
    return hasil


def _id_baris(v: object) -> int | None:
    """An editor row's indicator id as an int; None for a blank, text or fractional id."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if isinstance(v, float) and (not math.isfinite(v) or not v.is_integer()):
        return None
    return int(v)


def cek_baris_editor(ids: Sequence[object], harapan: Sequence[int]) -> str | None:
    """Why the rows a table editor sent back cannot be taken, else None: the form's rows must
    come back exactly once each (a forged client can add, delete, duplicate or alter rows)."""
    baca = [_id_baris(v) for v in ids]
    sah = set(harapan)
    if any(v is None for v in baca) and len(baca) > len(harapan):
        return "Ada baris yang ditambahkan ke tabel isian; baris tidak dapat ditambah."
    if any(v is None or v not in sah for v in baca):
        return "Tabel isian memuat indikator yang tidak dikenal; muat ulang tabel."
    if any(n > 1 for n in Counter(baca).values()):
        return "Tabel isian memuat indikator ganda; muat ulang tabel."
    if set(baca) != sah:
        return "Ada baris yang dihapus dari tabel isian; muat ulang tabel."
    return None
