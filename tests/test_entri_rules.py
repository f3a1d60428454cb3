"""Checks of one entry row: what blocks, what warns, the live capaian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.entri import IndikatorEntri, periksa

SUM = IndikatorEntri(
    1,
    "A.01",
    "Jumlah pengunjung",
    "orang",
    target_tahunan=10000,
    target=(2000, 2500, 2500, 3000),
    realisasi=(1800, None, None, None),
    riwayat=(1900, 2100, 2400, 2600),
)
PERSEN = IndikatorEntri(
    2,
    "A.02",
    "Persentase dokumen",
    "%",
    cara_agregasi="LAST",
    target_tahunan=80,
    target=(20, 40, 60, 80),
    realisasi=(18, 41, None, None),
)


def test_live_capaian_and_category():
    h = periksa(SUM, 2, "2.600", None)
    assert h.nilai == 2600 and round(h.capaian, 2) == 97.78
    assert h.kategori == "Sangat Tinggi" and h.progres_tahunan == pytest.approx(44)
    assert h.boleh_disimpan and not h.peringatan


@pytest.mark.parametrize(
    ("teks", "pesan"), [("dua ribu", "bukan angka"), ("-5", "negatif"), ("58%", "bukan angka")]
)
def test_blocking_checks(teks, pesan):
    h = periksa(SUM, 2, teks, "catatan")
    assert not h.boleh_disimpan and pesan in h.galat[0]


def test_percentage_above_100_blocks():
    assert "lebih dari 100" in periksa(PERSEN, 3, "100,5", "x").galat[0]
    assert periksa(PERSEN, 3, "100", "x").boleh_disimpan


def test_red_category_requires_note():
    h = periksa(SUM, 2, "100", "")  # (1800 + 100) / 4500 = 42 %
    assert h.kategori == "Sangat Rendah"
    assert any("catatan" in g for g in h.galat)
    assert periksa(SUM, 2, "100", "Anggaran terlambat cair").boleh_disimpan
    assert periksa(SUM, 2, "1.200", "").kategori == "Sedang"  # 66,7 %: no note needed


def test_negative_allowed_when_indicator_allows_it():
    ind = IndikatorEntri(
        3, "A.03", "Pertumbuhan", "poin", boleh_negatif=True, target_tahunan=2, target=(2, 2, 2, 2)
    )
    assert "negatif" not in " ".join(periksa(ind, 1, "-1", "turun").galat)


def test_warnings_do_not_block():
    h = periksa(PERSEN, 3, "35", "turun karena mutasi pegawai")
    assert any("lebih rendah" in w for w in h.peringatan) and h.boleh_disimpan
    h = periksa(SUM, 2, "99.000", "acara besar")
    assert any("jauh di luar" in w for w in h.peringatan) and h.boleh_disimpan


def test_blank_is_not_an_error():
    h = periksa(SUM, 2, "", None)
    assert h.nilai is None and h.boleh_disimpan and h.status == "Belum Diisi"


@given(st.text(max_size=15), st.one_of(st.none(), st.text(max_size=10)))
def test_any_input_gives_a_result_not_an_exception(teks, catatan):
    h = periksa(SUM, 2, teks, catatan)
    assert h.nilai is not None or h.galat or teks.strip() == ""
