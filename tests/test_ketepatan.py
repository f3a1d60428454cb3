"""Step timeliness measures on hand-built records."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.periode import ketepatan
from dashboard.periode.kalender import Kalender
from dashboard.periode.ketepatan import Catatan
from dashboard.sop.mutu_baku import parse_waktu

T = dt.datetime
K = Kalender()


def _c(run, urutan, mulai, selesai, waktu, ulang=0):
    return Catatan(
        run,
        urutan,
        str(urutan),
        f"Langkah {urutan}",
        "Fungsional",
        mulai,
        selesai,
        parse_waktu(waktu),
        ulang,
    )


def test_standards_in_minutes():
    assert ketepatan.standar_menit(parse_waktu("30 Menit")) == 30
    assert ketepatan.standar_menit(parse_waktu("3 Jam")) == 180
    assert ketepatan.standar_menit(parse_waktu("2 hari")) == 2 * 510
    assert ketepatan.standar_menit(parse_waktu("1 hari kalender")) == 1440
    assert ketepatan.standar_menit(parse_waktu("Sesuai jadwal yang telah ditentukan")) is None


def test_records_breach_excess_wait_and_no_standard():
    df = ketepatan.nilai(
        K,
        [
            _c(1, 1, T(2026, 11, 18, 8, 0), T(2026, 11, 18, 8, 20), "30 Menit"),  # within
            _c(1, 2, T(2026, 11, 18, 9, 0), T(2026, 11, 18, 12, 0), "2 jam"),  # 1 hour over
            _c(1, 3, T(2026, 11, 18, 13, 0), T(2026, 11, 20, 13, 0), "Sesuai jadwal"),
            _c(1, 4, T(2026, 11, 20, 15, 0), T(2026, 11, 23, 9, 0), "1 hari"),  # over a weekend
        ],
    )
    assert list(df["dalam_standar"]) == [True, False, None, True]
    assert df.loc[1, "kelebihan_menit"] == 60
    assert pd.isna(df.loc[2, "kelebihan_menit"])
    assert list(df["tunggu_menit"]) == [0, 40, 60, 120]
    assert df.loc[3, "durasi_menit"] == 90 + 90


def test_per_step_aggregates_and_rework():
    recs = []
    for run in range(1, 11):
        menit = 10 * run  # 10 .. 100 minutes against a 30-minute standard
        recs.append(
            _c(
                run,
                1,
                T(2026, 11, 18, 8, 0),
                T(2026, 11, 18, 8, 0) + dt.timedelta(minutes=menit),
                "30 Menit",
            )
        )
    recs.append(_c(3, 1, T(2026, 11, 18, 10, 0), T(2026, 11, 18, 10, 10), "30 Menit", ulang=1))
    per = ketepatan.per_langkah(ketepatan.nilai(K, recs)).iloc[0]
    assert per["jumlah"] == 11 and per["ulang"] == 1
    assert per["tepat"] == 4 and per["lewat"] == 7
    assert per["persen_tepat"] == pytest.approx(4 / 11 * 100)
    assert per["median_menit"] == 50
    assert per["kelebihan_menit"] == sum(m - 30 for m in range(40, 101, 10))


def test_run_totals_and_bottlenecks():
    df = ketepatan.nilai(
        K,
        [
            _c(1, 1, T(2026, 11, 18, 8, 0), T(2026, 11, 18, 9, 0), "30 Menit"),
            _c(1, 2, T(2026, 11, 18, 9, 0), T(2026, 11, 18, 9, 10), "15 Menit"),
        ],
    )
    run = ketepatan.per_run(df).iloc[0]
    assert (run["durasi_menit"], run["standar_menit"], run["lewat"]) == (70, 45, 1)
    assert ketepatan.hambatan(df).iloc[0]["aktivitas"] == "Langkah 1"


@pytest.mark.parametrize(
    ("menit", "teks"),
    [(45, "45 menit"), (200, "3 jam 20 menit"), (510 * 2 + 60, "2 hari 1 jam"), (None, "–")],
)
def test_readable_durations(menit, teks):
    assert ketepatan.uraian_menit(menit) == teks
