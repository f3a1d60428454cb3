"""What the entry page shows beside each input (pure): the read-only figures of an indicator in
one line, and the badge colour of a category."""

from __future__ import annotations

import colorsys

from dashboard import charts, formats
from dashboard.entri import HasilPeriksa, IndikatorEntri
from dashboard.skala import Skala


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
