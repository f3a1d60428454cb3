"""The capaian engine against docs/DOMAIN.md §4, worked examples first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.capaian.capaian import (
    SKALA_BAKU,
    Indikator,
    Status,
    capaian,
    efisien,
    hitung_triwulan,
    indeks_efisiensi,
    kategori,
    rata_rata_capaian,
    realisasi_renstra_sd,
    realisasi_sd,
    rekap_status,
    serapan,
    target_sd,
)
from dashboard.capaian.skala import Kategori, Skala

WORKED = [
    # polaritas, rumus, T, T_atas, R, expected
    ("positif", "A", 80, None, 90, 112.5),
    ("positif", "A", 100, None, 90.5, 90.5),
    ("negatif", "A", 10, None, 8, 120.0),
    ("negatif", "A", 10, None, 12, 80.0),
    ("negatif", "A", 10, None, 25, 0.0),
    ("negatif", "B", 10, None, 8, 125.0),
    ("negatif", "A", 7, None, 6.5, 107.14),
    ("positif", "A", 80, 90, 92, 102.22),
    ("positif", "A", 80, 90, 70, 87.5),
    ("positif", "A", 80, 90, 85, 100.0),
]


@pytest.mark.parametrize(("pol", "rumus", "t", "t_atas", "r", "expected"), WORKED)
def test_worked_examples(pol, rumus, t, t_atas, r, expected):
    assert round(capaian(t, r, pol, rumus, t_atas), 2) == pytest.approx(expected)


def test_negatif_rumus_b_zero_realisation_takes_rumus_a_value():
    assert capaian(10, 0, "negatif", "B") == 200.0
    assert capaian(10, 0, "negatif", "A") == 200.0


def test_special_cases():
    assert capaian(80, None) is None  # Belum Diisi
    assert capaian(0, 5, "positif") is None  # Belum Dapat Dinilai
    assert capaian(0, 0, "negatif") == 100.0
    assert capaian(0, 3, "negatif") == 0.0
    assert capaian(None, 3) is None


def test_range_negatif_uses_nearer_bound():
    assert capaian(5, 6, "negatif", "A", 8) == 100.0  # inside 5-8
    assert capaian(8, 4, "negatif", "A", 5) == pytest.approx((2 * 5 - 4) / 5 * 100)  # below
    assert capaian(5, 10, "negatif", "A", 8) == pytest.approx((2 * 8 - 10) / 8 * 100)


@pytest.mark.parametrize(
    ("nilai", "expected"),
    [
        (91, "Sangat Tinggi"),
        (150, "Sangat Tinggi"),
        (90.5, "Tinggi"),
        (76, "Tinggi"),
        (75.99, "Sedang"),
        (66, "Sedang"),
        (65.9, "Rendah"),
        (51, "Rendah"),
        (50.5, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (None, None),
    ],
)
def test_kategori_default_bands(nilai, expected):
    assert kategori(nilai) == expected


def test_bands_configurable_and_overlap_rejected():
    baik = Skala((Kategori("Baik", 80, "#1a7f37"), Kategori("Kurang", None, "#c92a2a")), 1)
    assert kategori(85, baik) == "Baik"
    assert kategori(79.9, baik) == "Kurang"
    with pytest.raises(ValueError, match="tumpang tindih"):
        Skala(
            (
                Kategori("A", 70, "#1a7f37"),
                Kategori("B", 75, "#f0ad4e"),
                Kategori("C", None, "#c92a2a"),
            ),
            1,
        )
    assert SKALA_BAKU.urut[0] == "Sangat Tinggi"


def test_sum_example_from_domain():
    ind = Indikator("positif", "SUM")
    h = hitung_triwulan(ind, 2, [1800, 2600, None, None], [2000, 2500, 2500, 3000], 10000)
    assert h.target_sd == 4500 and h.realisasi_sd == 4400
    assert round(h.capaian, 2) == 97.78
    assert h.kategori == "Sangat Tinggi"
    assert h.progres_tahunan == pytest.approx(44.0)


def test_last_example_from_domain():
    ind = Indikator("positif", "LAST")
    h = hitung_triwulan(ind, 2, [18, 41, None, None], [20, 40, 60, 80], 80)
    assert h.capaian == pytest.approx(102.5)
    assert h.progres_tahunan == pytest.approx(51.25)


def test_aggregations():
    vals = [10, None, 30, 20]
    assert realisasi_sd(vals, "SUM", 4) == 60
    assert realisasi_sd(vals, "LAST", 4) == 20
    assert realisasi_sd(vals, "LAST", 2) == 10  # last filled quarter <= n
    assert realisasi_sd(vals, "AVG", 4) == 20
    assert realisasi_sd(vals, "MAX", 4) == 30
    assert realisasi_sd([None, None], "SUM", 2) is None
    t = [10, 20, 30, 40]
    assert target_sd(t, "SUM", 3) == 60
    assert target_sd(t, "AVG", 2) == 15
    assert target_sd(t, "LAST", 3) == 30
    assert target_sd(t, "MAX", 3) == 30


def test_zero_to_date_target_is_belum_dapat_dinilai_not_red():
    ind = Indikator("positif", "SUM")
    h = hitung_triwulan(ind, 2, [0, 0, None, None], [0, 0, 1, 0], 1)
    assert h.status == Status.BELUM_DAPAT_DINILAI
    assert h.capaian is None and h.kategori is None


def test_statuses():
    ind = Indikator("positif", "SUM")
    assert (
        hitung_triwulan(ind, 3, [5, 5, None, None], [5, 5, 5, 5], 20).status == Status.BELUM_DIISI
    )
    assert (
        hitung_triwulan(ind, 1, [5, None, None, None], [0, 0, 0, 0], 0).status
        == Status.TIDAK_ADA_TARGET
    )
    h = hitung_triwulan(Indikator("negatif", "LAST", "A"), 1, [8], [10, 10, 10, 10], 10)
    assert h.status == Status.DINILAI and h.capaian == pytest.approx(120)


def test_range_targets_per_quarter():
    ind = Indikator("positif", "LAST")
    h = hitung_triwulan(ind, 1, [85], [80, 80, 80, 80], 80, [90, 90, 90, 90], 90)
    assert h.capaian == 100.0
    assert h.target_atas_sd == 90


def test_budget():
    assert serapan(750, 1000) == 75.0
    assert serapan(10, 0) is None
    ie = indeks_efisiensi(90, 75)
    assert ie == pytest.approx(1.2) and efisien(ie) is True
    assert efisien(indeks_efisiensi(60, 80)) is False
    assert indeks_efisiensi(None, 80) is None


def test_average_leaves_out_unassessed_and_caps():
    assert rata_rata_capaian([100, None, 50]) == 75
    assert rata_rata_capaian([200, 100], batas_skor=120) == 110
    assert rata_rata_capaian([None]) is None


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
positive = st.floats(min_value=1e-6, max_value=1e9, allow_nan=False)
nonneg = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@given(t=positive, r1=nonneg, r2=nonneg, atas=st.one_of(st.none(), positive))
def test_positif_never_decreases(t, r1, r2, atas):
    lo, hi = sorted((r1, r2))
    a, b = capaian(t, lo, "positif", "A", atas), capaian(t, hi, "positif", "A", atas)
    assert a is not None and b is not None
    assert b >= a - 1e-9


@given(
    t=positive,
    r1=nonneg,
    r2=nonneg,
    rumus=st.sampled_from(["A", "B"]),
    atas=st.one_of(st.none(), positive),
)
def test_negatif_never_increases(t, r1, r2, rumus, atas):
    lo, hi = sorted((r1, r2))
    a, b = capaian(t, lo, "negatif", rumus, atas), capaian(t, hi, "negatif", rumus, atas)
    assert a is not None and b is not None
    assert b <= a + 1e-9


@given(
    t=finite,
    r=finite,
    pol=st.sampled_from(["positif", "negatif"]),
    rumus=st.sampled_from(["A", "B"]),
    atas=st.one_of(st.none(), finite),
)
def test_no_exception_and_never_below_zero(t, r, pol, rumus, atas):
    v = capaian(t, r, pol, rumus, atas)
    assert v is None or v >= 0
    kategori(v)


@given(v=st.floats(allow_nan=False))
def test_every_value_has_a_category(v):
    assert kategori(v) in SKALA_BAKU.urut


# ---------------------------------------------------------------- issue 18: quarterly rules


def test_annual_only_target_is_assessed_at_tw_iv_like_the_lkj():
    """An IKM measured once a year (annual target 80, no quarterly target, R = 85 in TW IV):
    TW I-III have nothing to assess, TW IV is assessed against the annual target, and the
    quarterly figure equals the LKj's annual capaian (85 / 80 = 106,25 %)."""
    ind = Indikator("positif", "LAST")
    kosong = [None, None, None, None]
    h1 = hitung_triwulan(ind, 1, [78, None, None, None], kosong, 80)
    assert h1.status == Status.TIDAK_ADA_TARGET and h1.capaian is None
    h4 = hitung_triwulan(ind, 4, [None, None, None, 85], kosong, 80)
    assert h4.target_sd == 80
    assert h4.status == Status.DINILAI and h4.capaian == pytest.approx(106.25)
    assert h4.kategori == "Sangat Tinggi"
    assert h4.capaian == pytest.approx(h4.capaian_tahunan)
    # SUM: the annual total; LAST without a TW IV target: the annual target too
    h = hitung_triwulan(Indikator("positif", "SUM"), 4, [None, None, None, 450], kosong, 500)
    assert h.capaian == pytest.approx(90)
    h = hitung_triwulan(ind, 4, [60, 70, 75, 85], [60, 70, 75, None], 80)
    assert h.target_sd == 80 and h.capaian == pytest.approx(106.25)


def test_negatif_sum_progress_is_the_share_of_the_ceiling_used():
    """30 cases in TW I against an annual ceiling of 100 (25 a quarter): capaian triwulan
    (2 x 25 - 30) / 25 = 80 %, progres tahunan 30 % of the ceiling used (it read 170 %). The
    annual capaian (LKj, §4.9) keeps the negatif formula: 120 cases in the year = 80 %."""
    ind = Indikator("negatif", "SUM", "A")
    t = [25, 25, 25, 25]
    h = hitung_triwulan(ind, 1, [30, None, None, None], t, 100)
    assert h.capaian == pytest.approx(80)
    assert h.progres_tahunan == pytest.approx(30) and h.progres_terpakai
    h = hitung_triwulan(ind, 4, [30, 30, 30, 30], t, 100)
    assert h.progres_tahunan == pytest.approx(120)  # the ceiling exceeded by a fifth
    assert h.capaian_tahunan == pytest.approx(80) and h.capaian == pytest.approx(80)
    # a negatif level (LAST) keeps its formula: the level at the end against the target
    h = hitung_triwulan(Indikator("negatif", "LAST"), 1, [8], t, 10)
    assert h.progres_tahunan == pytest.approx(120) and not h.progres_terpakai


def test_rekap_status_accounts_for_every_indicator():
    """3 indicators (Sangat Tinggi, Tidak Ada Target, Belum Diisi): 3 accounted for."""
    hitung = rekap_status(["Dinilai", "Tidak Ada Target", "Belum Diisi"], [1, None, None])
    assert hitung["Sangat Tinggi"] == 1 and hitung["Tidak Ada Target"] == 1
    assert hitung["Belum Diisi"] == 1 and sum(hitung.values()) == 3
    with pytest.raises(ValueError, match="tidak dikenal"):
        rekap_status(["Entah"], [None])


def test_realisasi_renstra_sd():
    """E.81 column 6 / 13 (= 6 + 12) over the Renstra years: counts add up, levels take the
    latest year filled, no figure at all is a blank."""
    assert realisasi_renstra_sd([2000, 8200, 4400], "SUM") == 14600
    assert realisasi_renstra_sd([70, None, 82], "LAST") == 82
    assert realisasi_renstra_sd([70, 82, None], "LAST") == 82
    assert realisasi_renstra_sd([None, None], "SUM") is None
    assert realisasi_renstra_sd([], "SUM") is None


# ---------------------------------------------------------------- the formula in words


def _hitung_teks(teks: str) -> float:
    """Evaluate a formula written with numbers ("(2 × 10 − 12) / 10 × 100")."""
    ekspresi = teks.replace("×", "*").replace("−", "-")
    assert set(ekspresi) <= set("0123456789.+-*/() "), teks
    return float(eval(ekspresi))  # noqa: S307 - digits and operators only, checked above


@given(
    st.floats(min_value=0.5, max_value=1e6),
    st.floats(min_value=0.5, max_value=1e6),
    st.sampled_from([("positif", "A"), ("negatif", "A"), ("negatif", "B")]),
)
def test_teks_rumus_dihitung_sama_dengan_mesin(t, r, rumus):
    """The words every page shows are the engine's formula: the text with the numbers put in
    gives the engine's value wherever no floor or ceiling applies."""
    from dashboard.capaian import capaian as engine

    teks = engine.rumus(*rumus, t=repr(t), r=repr(r))
    nilai = capaian(t, r, *rumus)
    dari_teks = _hitung_teks(teks)
    if 0 < dari_teks < engine.BATAS_RUMUS_B:
        assert nilai == pytest.approx(dari_teks)


def test_nama_rumus_dan_uraian_dari_satu_definisi():
    from dashboard.capaian import capaian as engine

    assert engine.nama_rumus("positif", "A") == "Positif: R / T × 100"
    assert engine.nama_rumus("negatif", "A") == "Negatif: (2T − R) / T × 100"
    assert engine.nama_rumus("negatif", "b") == "Negatif: T / R × 100 (maks. 200)"
    assert engine.BATAS_RUMUS_B == capaian(10, 0, "negatif", "B") == 200
    neg = Indikator("negatif", "SUM", "A")
    assert engine.uraian_perhitungan(neg, "Dinilai", 10, 12, 80) == (
        "Capaian (negatif, rumus A) = (2T − R) / T × 100 = (2 × 10 − 12) / 10 × 100 = 80% "
        "(paling rendah 0%)"
    )


def test_dibatasi_hanya_rumus_b_di_atas_batas():
    from dashboard.capaian import capaian as engine

    assert engine.dibatasi(10, 0, "negatif", "B") and engine.dibatasi(10, 4, "negatif", "b")
    assert not engine.dibatasi(10, 5, "negatif", "B")  # exactly 200: the formula's own value
    assert not engine.dibatasi(10, 4, "negatif", "A") and not engine.dibatasi(10, 0, "positif")
