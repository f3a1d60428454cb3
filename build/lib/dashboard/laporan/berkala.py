"""Balangan's Mekanisme Pengumpulan Data Kinerja (seed 003) as pure rules: two quarterly
reports roll into a semester report (step 6-7), the two semester reports into the annual one
(step 9). docs/DOMAIN.md §9.10.

A quarter's report is ready when its collection period exists and every unit with indicators
has its submission signed (disahkan): the semester report counts signed data only, so a quarter
still under review would read Belum Diisi in it."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.inti import formats

BAGIAN = ("S1", "S2", "TH")
LABEL_BAGIAN = {"S1": "Semester I", "S2": "Semester II", "TH": "Tahunan"}
TRIWULAN_SEMESTER = {"S1": (1, 2), "S2": (3, 4)}
EVENT = {"S1": "laporan_semester_disusun", "S2": "laporan_semester_disusun"}
EVENT_TAHUNAN = "laporan_tahunan_disusun"


@dataclass(frozen=True)
class StatusTriwulan:
    """A quarter of the year: is there a period, how many units report, how many are signed."""

    triwulan: int
    ada_periode: bool
    unit: int
    disahkan: int

    @property
    def siap(self) -> bool:
        return self.ada_periode and self.unit > 0 and self.disahkan >= self.unit


def jenis_event(bagian: str) -> str:
    return EVENT_TAHUNAN if bagian == "TH" else EVENT[bagian]


def kurang(bagian: str, triwulan: dict[int, StatusTriwulan], tersusun: set[str]) -> list[str]:
    """What is still missing before `bagian` may be composed (empty: it may): for a semester,
    each of its two quarters not ready; for the year, each semester report not composed."""
    if bagian not in BAGIAN:
        raise ValueError("Bagian laporan harus S1, S2 atau TH.")
    if bagian == "TH":
        return [
            f"laporan {LABEL_BAGIAN[s]} belum disusun" for s in ("S1", "S2") if s not in tersusun
        ]
    out = []
    for q in TRIWULAN_SEMESTER[bagian]:
        st = triwulan.get(q)
        nama = formats.nama_triwulan(q)
        if st is None or not st.ada_periode:
            out.append(f"periode {nama} belum dibuka")
        elif st.unit == 0:
            out.append(f"{nama} belum memiliki unit dengan indikator")
        elif st.disahkan < st.unit:
            out.append(f"{nama}: baru {st.disahkan} dari {st.unit} unit disahkan")
    return out


def pesan_kurang(bagian: str, daftar: list[str]) -> str:
    """The refusal as a sentence the user can act on."""
    return f"Laporan {LABEL_BAGIAN[bagian]} belum dapat disusun: " + "; ".join(daftar) + "."
