"""What the entry page shows (pure): the read-only figures of an indicator in one line, the badge
colour of a category, the live result and messages of a row, the whole form checked as typed
(what a save sends, what it leaves), and the tables of an Excel upload. The page only lays
these out."""

from __future__ import annotations

import colorsys
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, charts, formats
from dashboard.pengumpulan.entri import HasilPeriksa, IndikatorEntri, Isian, belum_disimpan, periksa


def _nilai(bawah: float | None, atas: float | None) -> str:
    """A target, or a range target as "40–50"."""
    if atas is None or bawah is None or atas == bawah:
        return formats.angka(bawah)
    return f"{formats.angka(bawah)}–{formats.angka(atas)}"


def teks_target(ind: IndikatorEntri, triwulan: int) -> str:
    """`Target TW III 45 % · tahunan 60 · TW I 15,55 · TW II 32,86`: what the value is typed
    against, and the quarters already entered this year."""
    n = triwulan - 1
    satuan = f" {ind.satuan}" if ind.satuan else ""
    bagian = [
        f"Target TW {formats.ROMAWI[triwulan]}: "
        f"{_nilai(ind.target[n], ind.target_atas[n])}{satuan}",
        f"tahunan: {_nilai(ind.target_tahunan, ind.target_tahunan_atas)}",
    ]
    bagian += [f"TW {formats.ROMAWI[k + 1]}: {formats.angka(ind.realisasi[k])}" for k in range(n)]
    arah = "makin rendah makin baik" if ind.polaritas == "negatif" else "makin tinggi makin baik"
    return " · ".join(bagian) + f" · {arah}"


def label_kategori(h: HasilPeriksa) -> str:
    """The category, or the status when there is none (Belum Diisi, Tidak Ada Target ...)."""
    if h.galat and h.nilai is None:
        return "Belum terbaca"
    return h.kategori or h.status


def warna_badge(kategori: str, skala: Skala) -> str:
    """The st.badge colour of a category or status: red for the scale's red bands (whatever
    their own colour), else the named colour nearest the band's own (#rrggbb) by hue; badges
    take only a few named colours."""
    if skala.merah(skala.level_nama(kategori)):
        return "red"
    warna = charts.warna_kategori(skala).get(kategori)
    if not warna or len(warna) != 7:
        return "gray"
    r, g, b = (int(warna[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, sat = colorsys.rgb_to_hls(r, g, b)
    if sat < 0.25:
        return "gray"
    derajat = hue * 360
    for batas, nama in ((15, "red"), (40, "orange"), (70, "yellow"), (170, "green")):
        if derajat < batas:
            return nama
    return "blue" if derajat < 260 else "violet" if derajat < 330 else "red"


def isian_tersimpan(baris: pd.DataFrame) -> dict[int, Isian]:
    """The stored rows of the quarter as the form shows them (indicator id -> its three
    texts): a value in Indonesian notation, no value as an empty field."""
    return {
        int(r.indikator_id): Isian(
            "" if pd.isna(r.nilai) else formats.angka(float(r.nilai), 4),
            "" if pd.isna(r.catatan) else str(r.catatan),
            "" if pd.isna(r.bukti) else str(r.bukti),
        )
        for r in bingkai.baris(baris)
    }


def versi_tersimpan(baris: pd.DataFrame) -> dict[int, int]:
    """The version each stored row was loaded at (a save conflicts when it moved since)."""
    return {int(r.indikator_id): int(r.versi) for r in bingkai.baris(baris)}


@dataclass
class Ringkasan:
    """The whole form as typed: each row's checks, the rows differing from the store
    (`belum`), those of them that cannot be stored (`tak_tersimpan`) and the counts the bar
    shows."""

    hasil: dict[int, HasilPeriksa]
    belum: dict[int, Isian]
    tak_tersimpan: list[int]

    @property
    def terisi(self) -> int:
        return sum(h.nilai is not None for h in self.hasil.values())

    @property
    def menghalangi(self) -> int:
        return sum(not h.boleh_diajukan for h in self.hasil.values())

    @property
    def peringatan(self) -> int:
        return sum(bool(h.peringatan) for h in self.hasil.values())

    @property
    def simpan(self) -> dict[int, Isian]:
        """The rows a save sends: typed differently from the store and storable (a row not
        touched is not sent, so its stored value is never rewritten from its display)."""
        return {i: v for i, v in self.belum.items() if i not in self.tak_tersimpan}

    @property
    def sisa(self) -> dict[int, Isian]:
        """The typed rows a save leaves on the form (they cannot be stored)."""
        return {i: self.belum[i] for i in self.tak_tersimpan}


def ringkas(
    indikator: list[IndikatorEntri],
    triwulan: int,
    kini: dict[int, Isian],
    tersimpan: dict[int, Isian],
    skala: Skala,
    terkunci: bool = False,
) -> Ringkasan:
    """Check every row as typed (a locked quarter has nothing unsaved)."""
    hasil = {
        i.indikator_id: periksa(
            i, triwulan, kini[i.indikator_id].nilai, kini[i.indikator_id].catatan, skala
        )
        for i in indikator
    }
    belum = {} if terkunci else belum_disimpan(kini, tersimpan)
    return Ringkasan(hasil, belum, [i for i in belum if not hasil[i].boleh_disimpan])


def urut_kode(ids: Iterable[int], kode: dict[int, str]) -> list[str]:
    """The codes of some indicators, in code order."""
    return sorted(kode[i] for i in ids)


def pesan_simpan(k: int, tak_tersimpan: list[str]) -> str:
    """What a draft save says: the rows changed, and the typed rows it could not store."""
    pesan = f"Draf tersimpan ({k} baris berubah)."
    if tak_tersimpan:
        pesan += (
            " Belum tersimpan karena isinya tidak dapat dibaca: "
            + ", ".join(tak_tersimpan)
            + "; perbaiki lalu simpan lagi."
        )
    return pesan


def teks_capaian(h: HasilPeriksa, skala: Skala) -> str:
    """The live result beside a row's inputs: capaian, annual progress and the category badge."""
    kategori = label_kategori(h)
    progres = "batas tahunan terpakai" if h.progres_terpakai else "progres tahunan"
    return (
        f"**{formats.persen(h.capaian)}**  \n"
        f":small[{progres} {formats.persen(h.progres_tahunan)}]  \n"
        f":{warna_badge(kategori, skala)}-badge[{formats.md_aman(kategori)}]"
    )


def pesan_baris(h: HasilPeriksa, berubah: bool) -> list[str]:
    """A row's messages, worst first: what cannot be stored (and, once typed, that a save
    leaves the row out), what blocks Ajukan, what only warns."""
    akibat = " Baris ini tidak ikut disimpan." if berubah else ""
    pesan = [f":red[:material/block: {formats.md_aman(g)}{akibat}]" for g in h.galat]
    pesan += [
        f":red[:material/error: {formats.md_aman(g)} (menghalangi pengajuan)]" for g in h.penghalang
    ]
    pesan += [f":orange[:material/warning: {formats.md_aman(w)}]" for w in h.peringatan]
    return pesan


def label_periode(periode: pd.DataFrame) -> dict[int, str]:
    """The periods a unit can enter, as the period selector names them."""
    return {
        int(r.id): f"{formats.nama_triwulan(r.triwulan)} {formats.nama_tahun(r.tahun)} "
        f"(tenggat {formats.tanggal(r.tenggat)})"
        for r in bingkai.baris(periode)
    }


def nama_unduhan_bukti(kode: str, triwulan: int, tahun: int, rujukan: str) -> str:
    """The file name a downloaded evidence file gets (its stored name stays internal)."""
    return f"bukti_{kode}_TW{triwulan}_{tahun}.{rujukan.rsplit('.', 1)[-1]}"


def tabel_masalah(masalah: list) -> pd.DataFrame:
    """The problems of a refused Excel upload, one per line."""
    return pd.DataFrame(
        [{"Baris": m.baris or "-", "Kolom": m.kolom, "Masalah": m.pesan} for m in masalah]
    )


def tabel_pratinjau(perubahan: pd.DataFrame) -> pd.DataFrame:
    """What an Excel upload would change, as the preview shows it."""
    return perubahan.assign(
        nilai_lama=perubahan["nilai_lama"].map(formats.angka),
        nilai_baru=perubahan["nilai_baru"].map(formats.angka),
    )[["kode", "indikator", "nilai_lama", "nilai_baru", "catatan_baru", "penghalang"]].rename(
        columns={
            "kode": "Kode",
            "indikator": "Indikator",
            "nilai_lama": "Nilai lama",
            "nilai_baru": "Nilai baru",
            "catatan_baru": "Catatan",
            "penghalang": "Perlu diperbaiki sebelum diajukan",
        }
    )
