"""Checks of one quarterly entry row (pure): what cannot be stored, what blocks a submission, what
only warns, the capaian the operator sees as they type, and whether a typed row is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from dashboard.capaian import capaian as engine
from dashboard.capaian.skala import SKALA_BAKU, Skala
from dashboard.inti.batas import periksa_panjang
from dashboard.inti.formats import angka, parse_angka, teks


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
    """The checks of one row. `galat`: the row cannot be stored at all (not a number, beyond
    the bounds, a note too long); `penghalang`: it can be kept in the draft but blocks the
    submission (docs/DOMAIN.md §6.2); `peringatan`: worth a second look, never blocks."""

    nilai: float | None
    capaian: float | None = None
    progres_tahunan: float | None = None
    progres_terpakai: bool = False  # the share of an annual ceiling used (negatif SUM, §4.5)
    kategori: str | None = None
    status: str = engine.Status.BELUM_DIISI
    galat: list[str] = field(default_factory=list)
    penghalang: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)

    @property
    def boleh_disimpan(self) -> bool:
        """May go into the draft."""
        return not self.galat

    @property
    def boleh_diajukan(self) -> bool:
        """May be submitted (a blank value is caught by the completeness check instead)."""
        return not self.galat and not self.penghalang


# A value this many times the previous one (or this fraction of it) is most likely a typo.
LONJAKAN = 3.0


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
        hasil.penghalang.append("Nilai tidak boleh negatif untuk indikator ini.")
    if _persen(ind.satuan) and nilai > 100:
        hasil.penghalang.append("Nilai persentase tidak boleh lebih dari 100.")
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
    hasil.progres_terpakai = h.progres_terpakai
    hasil.kategori, hasil.status = h.kategori, str(h.status)
    if skala.merah(h.level) and not (catatan or "").strip():  # a red band, by level
        hasil.penghalang.append(
            f"Kategori {h.kategori}: isi catatan faktor penghambat / kendala terlebih dahulu."
        )
    sebelum = next((v for v in reversed(realisasi[: triwulan - 1]) if v is not None), None)
    hasil.peringatan += peringatan_arah(ind, nilai, sebelum)
    lonjakan = peringatan_lonjakan(nilai, sebelum)
    hasil.peringatan += lonjakan
    lampau = [v for v in ind.riwayat if v is not None]
    if len(lampau) >= 3 and not lonjakan:  # one warning about the size is enough
        atas, bawah = max(lampau), min(lampau)
        if (atas > 0 and nilai > 3 * atas) or (bawah > 0 and nilai < bawah / 3):
            hasil.peringatan.append(
                "Nilai jauh di luar riwayat indikator ini; periksa kembali satuan dan angkanya."
            )
    return hasil


def peringatan_arah(ind: IndikatorEntri, nilai: float, sebelum: float | None) -> list[str]:
    """A LAST indicator (its value is the state at the quarter's end) that moved the wrong way
    since the previous quarter: down when higher is better, up when lower is better. Moving
    the good way never warns (a negatif indicator going down is progress)."""
    if ind.cara_agregasi != engine.Agregasi.LAST or sebelum is None or nilai == sebelum:
        return []
    negatif = ind.polaritas == engine.Polaritas.NEGATIF
    if negatif and nilai > sebelum:
        return [
            f"Nilai akhir lebih tinggi dari triwulan sebelumnya ({angka(sebelum)}), padahal "
            "untuk indikator ini makin rendah makin baik; pastikan sudah benar."
        ]
    if not negatif and nilai < sebelum:
        return [
            f"Nilai akhir lebih rendah dari triwulan sebelumnya ({angka(sebelum)}); "
            "pastikan sudah benar."
        ]
    return []


def peringatan_lonjakan(nilai: float, sebelum: float | None) -> list[str]:
    """A value at least `LONJAKAN` times the previous quarter's of the same year, or at most a
    `LONJAKAN`th of it: most often a typo (1.234,5 typed for 123,45), whatever the polarity
    and the cara agregasi."""
    if sebelum is None or sebelum <= 0 or nilai < 0:
        return []
    if nilai >= LONJAKAN * sebelum:
        return [
            f"Nilai {angka(nilai / sebelum, 1)} kali nilai triwulan sebelumnya "
            f"({angka(sebelum)}); periksa kembali angkanya (salah ketik koma atau titik?)."
        ]
    if nilai * LONJAKAN <= sebelum:
        return [
            f"Nilai kurang dari sepertiga nilai triwulan sebelumnya ({angka(sebelum)}); "
            "periksa kembali angkanya (salah ketik koma atau titik?)."
        ]
    return []


class Isian(NamedTuple):
    """One row as the operator typed it: the three texts of the form."""

    nilai: str = ""
    catatan: str = ""
    bukti: str = ""


def _angka_atau_teks(v: str) -> float | str | None:
    try:
        return parse_angka(v)
    except ValueError:
        return v.strip()


def sama_isian(a: Isian, b: Isian) -> bool:
    """Whether two rows hold the same data: "1234,5" is "1.234,5", spaces around a note do not
    count (what a save would store, not how it was typed)."""
    return (
        _angka_atau_teks(a.nilai) == _angka_atau_teks(b.nilai)
        and teks(a.catatan) == teks(b.catatan)
        and teks(a.bukti) == teks(b.bukti)
    )


def belum_disimpan(kini: dict[int, Isian], tersimpan: dict[int, Isian]) -> dict[int, Isian]:
    """The rows typed differently from what is stored (a row not stored yet is blank)."""
    return {i: v for i, v in kini.items() if not sama_isian(v, tersimpan.get(i, Isian()))}
