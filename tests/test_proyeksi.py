"""Year-end projection, pace, headline counts, submission status and warning reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.capaian import proyeksi as p
from dashboard.capaian.capaian import Indikator

SUM = Indikator("positif", "SUM")
LAST = Indikator("positif", "LAST")


def test_sum_projects_average_quarter_and_pace():
    # docs/DOMAIN.md §4.5 SUM example: annual 10.000, R = 1.800, 2.600 after TW II
    r = p.proyeksi(SUM, 2, [1800, 2600, None, None], 10_000)
    assert r.realisasi_akhir == pytest.approx(8800)
    assert r.capaian_akhir == pytest.approx(88)
    assert r.laju == pytest.approx((10_000 - 4400) / 2)
    assert r.sisa_triwulan == 2


def test_quarter_not_entered_yet_is_not_zero():
    r = p.proyeksi(SUM, 3, [1800, 2600, None, None], 10_000)
    assert r.realisasi_akhir == pytest.approx(8800)  # as of TW II, not 4.400 / 3 * 4
    assert r.sisa_triwulan == 2


def test_last_follows_the_line_and_needs_the_gap():
    # LAST example: quarters 20/40/60/80, R = 18, 41 -> line reaches 87 at TW IV
    r = p.proyeksi(LAST, 2, [18, 41, None, None], 80)
    assert r.realisasi_akhir == pytest.approx(87)
    assert r.capaian_akhir == pytest.approx(108.75)
    assert r.laju == pytest.approx((80 - 41) / 2)


def test_avg_and_max_and_negatif():
    avg = p.proyeksi(Indikator("positif", "AVG"), 2, [70, 80, None, None], 80)
    assert avg.realisasi_akhir == pytest.approx(75)
    assert avg.laju == pytest.approx(85)  # (80 * 4 - 150) / 2
    mx = p.proyeksi(Indikator("positif", "MAX"), 2, [50, 40, None, None], 60)
    assert mx.realisasi_akhir == pytest.approx(50)  # falling line never below the maximum
    neg = p.proyeksi(Indikator("negatif", "SUM"), 2, [3, 5, None, None], 10)
    assert neg.realisasi_akhir == pytest.approx(16)
    assert neg.capaian_akhir == pytest.approx(40)  # rumus A: (20 - 16) / 10
    assert neg.laju == pytest.approx(1)  # at most 1 a quarter left
    over = p.proyeksi(Indikator("negatif", "SUM"), 2, [8, 5, None, None], 10)
    assert over.laju == 0


def test_nothing_filled_no_target_or_year_done():
    assert p.proyeksi(SUM, 2, [None] * 4, 100) == p.Proyeksi(None, None, None, 2)
    r = p.proyeksi(SUM, 1, [10, None, None, None], None)
    assert r.realisasi_akhir == 40 and r.capaian_akhir is None and r.laju is None
    done = p.proyeksi(SUM, 4, [1, 1, 1, 1], 4)
    assert done.capaian_akhir == 100 and done.laju is None and done.sisa_triwulan == 0


def test_headline_counts_keep_unassessed_apart():
    status = ["Dinilai", "Dinilai", "Belum Diisi", "Belum Dapat Dinilai", "Tidak Ada Target"]
    level = [1, 4, None, None, None]
    h = p.hitung_kategori(status, level)
    assert h["Sangat Tinggi"] == 1 and h["Rendah"] == 1 and h["Sangat Rendah"] == 0
    assert h["Belum Diisi"] == 1 and h["Belum Dapat Dinilai"] == 2
    assert p.persen_sesuai_target([120, 99.9, None, 100]) == pytest.approx(200 / 3)
    assert p.persen_sesuai_target([None]) is None


def test_submission_status():
    hari = dt.date(2026, 11, 21)
    tenggat = dt.date(2026, 10, 15)
    waktu = dt.datetime(2026, 10, 14, 9)
    assert p.status_kirim("diajukan", waktu, False, tenggat, hari) == "Tepat waktu"
    assert p.status_kirim("disahkan", waktu, True, tenggat, hari) == "Terlambat"
    assert p.status_kirim("draf", None, False, tenggat, hari) == "Terlambat"
    assert p.status_kirim("draf", None, False, tenggat, dt.date(2026, 10, 1)) == "Belum diajukan"
    assert p.status_kirim("draf", None, False, None, hari) == "Belum diajukan"


def test_warning_reasons():
    rendah = p.proyeksi(SUM, 2, [10, 10, None, None], 100)
    assert p.alasan_perhatian("Dinilai", "Rendah", True, rendah) == [
        "Kategori Rendah",
        "Proyeksi akhir tahun di bawah target",
    ]
    baik = p.proyeksi(SUM, 2, [30, 30, None, None], 100)
    assert p.alasan_perhatian("Dinilai", "Sangat Tinggi", False, baik) == []
    assert p.alasan_perhatian("Belum Dapat Dinilai", None, False, rendah) == []


def test_formula_text_shows_the_numbers():
    assert p.uraian_perhitungan(SUM, "Dinilai", 4500, 4400, 97.7778) == (
        "Capaian = R / T × 100 = 4.400 / 4.500 × 100 = 97,78%"
    )
    neg = Indikator("negatif", "SUM", "A")
    assert "(2 × 10 − 12) / 10" in p.uraian_perhitungan(neg, "Dinilai", 10, 12, 80)
    assert "T / R" in p.uraian_perhitungan(Indikator("negatif", "SUM", "B"), "Dinilai", 10, 8, 125)
    assert "rentang" in p.uraian_perhitungan(SUM, "Dinilai", 80, 85, 100, 90)
    assert "belum diisi" in p.uraian_perhitungan(SUM, "Belum Diisi", 10, 5, None)
    assert "Tidak ada target" in p.uraian_perhitungan(SUM, "Tidak Ada Target", 0, 5, None)
