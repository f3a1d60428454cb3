"""The category scale (capaian/skala.py), pure: the shown-value rounding at every boundary,
levels and red bands, the scoring cap, presets, validation and the stored forms."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.capaian import capaian, proyeksi, skala
from dashboard.capaian.skala import PRESET, SKALA_BAKU, Kategori, Skala, bulat
from dashboard.inti import formats

BAIK = PRESET["baik"]


@pytest.mark.parametrize(
    ("nilai", "tampil", "permendagri", "baik"),
    [
        (90.994, "90,99%", "Tinggi", "Baik"),
        (90.995, "91,00%", "Sangat Tinggi", "Sangat Baik"),
        (90.996, "91,00%", "Sangat Tinggi", "Sangat Baik"),
        (91.0, "91,00%", "Sangat Tinggi", "Sangat Baik"),
        (75.994, "75,99%", "Sedang", "Cukup"),
        (75.995, "76,00%", "Tinggi", "Baik"),
        (75.996, "76,00%", "Tinggi", "Baik"),
        (65.994, "65,99%", "Rendah", "Kurang"),
        (65.995, "66,00%", "Sedang", "Cukup"),
        (65.996, "66,00%", "Sedang", "Cukup"),
        (50.994, "50,99%", "Sangat Rendah", "Sangat Kurang"),
        (50.995, "51,00%", "Rendah", "Kurang"),
        (50.996, "51,00%", "Rendah", "Kurang"),
        (0.0, "0,00%", "Sangat Rendah", "Sangat Kurang"),
        (250.0, "250,00%", "Sangat Tinggi", "Sangat Baik"),
    ],
)
def test_category_is_decided_on_the_value_as_shown(nilai, tampil, permendagri, baik):
    assert formats.persen(nilai, tetap=True) == tampil
    assert capaian.kategori(nilai) == permendagri
    assert capaian.kategori(nilai, BAIK) == baik
    assert SKALA_BAKU.level(nilai) == BAIK.level(nilai)  # same bands, other words


def test_rounding_is_half_up_on_the_decimal_as_written():
    assert bulat(90.995) == Decimal("91.00")  # the binary double is 90.99499999...
    assert bulat(90.985) == Decimal("90.99")  # half even (babel's default) would give 90.98
    assert bulat(2.5, 0) == Decimal("3") and bulat(-2.5, 0) == Decimal("-3")
    assert formats.angka(90.985) == "90,99" and formats.rupiah(2.5) == "Rp 3"
    assert formats.persen(90.995) == "91%"  # the same number, trailing zeros dropped


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_category_of_a_value_is_the_category_of_its_printed_number(v):
    printed = formats.persen(v, tetap=True).rstrip("%").replace(".", "").replace(",", ".")
    assert capaian.kategori(v) == capaian.kategori(float(printed))
    assert capaian.kategori(v, BAIK) == capaian.kategori(float(printed), BAIK)


def test_levels_red_bands_and_texts():
    assert SKALA_BAKU.urut == ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    assert [SKALA_BAKU.merah(lv) for lv in (None, 1, 2, 3, 4, 5)] == [
        False,
        False,
        False,
        False,
        True,
        True,
    ]
    assert BAIK.nama_merah == ("Kurang", "Sangat Kurang")
    assert BAIK.label_merah == "Kurang / Sangat Kurang"
    assert BAIK.level_nama("Cukup") == 3 and BAIK.level_nama("Sedang") is None
    assert SKALA_BAKU.rentang(1, "%") == "≥ 91%"
    assert SKALA_BAKU.rentang(2) == "≥ 76 dan < 91"
    assert SKALA_BAKU.rentang(5, "%") == "< 51%"
    tiga = Skala(
        (
            Kategori("A", 80, "#1a7f37"),
            Kategori("B", 60.5, "#f0ad4e"),
            Kategori("C", None, "#c92a2a"),
        ),
        jumlah_merah=2,
    )
    assert tiga.nama_merah == ("B", "C") and tiga.merah(2) and not tiga.merah(1)
    assert tiga.rentang(2) == "≥ 60,5 dan < 80"
    assert tiga.kategori_nilai(60.494) == "C" and tiga.kategori_nilai(60.495) == "B"


def test_scoring_cap_in_averages_and_predikat():
    cap = PRESET["dibatasi_100"]
    assert cap.batas_skor == 100 and cap.urut == SKALA_BAKU.urut
    assert cap.skor(150) == 100 and SKALA_BAKU.skor(150) == 150
    nilai = [150.0, 40.0, None]
    assert capaian.rata_rata_capaian(nilai) == 95
    assert capaian.rata_rata_capaian(nilai, cap.batas_skor) == 70
    assert cap.kategori_nilai(capaian.rata_rata_capaian(nilai, cap.batas_skor)) == "Sedang"
    assert SKALA_BAKU.kategori_nilai(capaian.rata_rata_capaian(nilai)) == "Sangat Tinggi"


def test_judgements_against_100_and_1_use_the_shown_value():
    assert proyeksi.persen_sesuai_target([99.995, 99.994]) == 50
    assert proyeksi.di_bawah_target(proyeksi.Proyeksi(0, 99.994, None, 0))
    assert not proyeksi.di_bawah_target(proyeksi.Proyeksi(0, 99.995, None, 0))
    assert capaian.efisien(0.995) is True and capaian.efisien(0.994) is False


def _tiga(**kw) -> dict:
    k = [
        Kategori("Baik", 80, "#1a7f37"),
        Kategori("Cukup", 60, "#f0ad4e"),
        Kategori("Kurang", None, "#c92a2a"),
    ]
    return {"kategori": tuple(kw.pop("kategori", k)), "jumlah_merah": 1, **kw}


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"kategori": [Kategori("A", None, "#000000")]}, "2 sampai 7 kategori"),
        (
            {
                "kategori": [Kategori(f"K{i}", 90 - i, "#000000") for i in range(7)]
                + [Kategori("K7", None, "#000000")]
            },
            "2 sampai 7 kategori",
        ),
        (
            {"kategori": [Kategori("Baik", 80, "#1a7f37"), Kategori("baik", None, "#c92a2a")]},
            "lebih dari sekali",
        ),
        (
            {"kategori": [Kategori("A", 80, "#1a7f37"), Kategori("Belum Diisi", None, "#aaa")]},
            "nama status",
        ),
        ({"kategori": [Kategori("A", 80, "merah"), Kategori("B", None, "#c92a2a")]}, "#RRGGBB"),
        ({"kategori": [Kategori("", 80, "#1a7f37"), Kategori("B", None, "#c92a2a")]}, "wajib"),
        (
            {
                "kategori": [
                    Kategori("A", 70, "#1a7f37"),
                    Kategori("B", 75, "#f0ad4e"),
                    Kategori("C", None, "#c92a2a"),
                ]
            },
            "tumpang tindih",
        ),
        (
            {
                "kategori": [
                    Kategori("A", 70, "#1a7f37"),
                    Kategori("B", 70, "#f0ad4e"),
                    Kategori("C", None, "#c92a2a"),
                ]
            },
            "tumpang tindih atau kosong",
        ),
        ({"kategori": [Kategori("A", 80, "#1a7f37"), Kategori("B", 50, "#c92a2a")]}, "terbawah"),
        (
            {
                "kategori": [
                    Kategori("A", 80, "#1a7f37"),
                    Kategori("B", None, "#f0ad4e"),
                    Kategori("C", None, "#c92a2a"),
                ]
            },
            "wajib diisi",
        ),
        (
            {"kategori": [Kategori("A", 80.125, "#1a7f37"), Kategori("B", None, "#c92a2a")]},
            "dua desimal",
        ),
        (
            {"kategori": [Kategori("A", float("inf"), "#1a7f37"), Kategori("B", None, "#c92a2a")]},
            "di luar batas",
        ),
        ({"jumlah_merah": 0}, "Kategori merah"),
        ({"jumlah_merah": 3}, "teratas tidak boleh merah"),
        ({"batas_skor": 70}, "Batas skor"),
        ({"batas_skor": -1}, "lebih dari 0"),
    ],
)
def test_invalid_scales_are_refused_with_a_message(ubah, pesan):
    with pytest.raises(ValueError, match=pesan):
        Skala(**_tiga(**ubah))


def test_presets():
    assert set(PRESET) == {"permendagri", "baik", "dibatasi_100"}
    for p in PRESET.values():
        assert [b.bawah for b in p.kategori] == [91, 76, 66, 51, None]
        assert p.jumlah_merah == 2
    assert BAIK.urut == ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang")
    assert PRESET["permendagri"].batas_skor is None and BAIK.batas_skor is None


def test_stored_form_round_trips_and_the_old_setting_is_still_read():
    for p in PRESET.values():
        assert skala.dari_json(p.ke_json()) == p
    lama = json.dumps([["Kurang", None, 60], ["Baik", 80, None], ["Cukup", 60, 80]])
    s = skala.dari_bands_lama(lama)
    assert s.urut == ("Baik", "Cukup", "Kurang") and s.jumlah_merah == 2
    assert [b.bawah for b in s.kategori] == [80, 60, None]
    assert s.kategori_nilai(79.995) == "Baik"
    with pytest.raises(ValueError, match="bercelah"):
        skala.dari_bands_lama(json.dumps([["A", 80, None], ["B", None, 70]]))
