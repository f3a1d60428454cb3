"""Checks of one quarterly entry row (pure): what blocks a save, what only warns, and the
capaian the operator sees as they type."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import capaian as engine
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
