"""What the Periode pengumpulan page shows, from hand-built service reads (pure view
functions): the period list, the reopen requests waiting and answered, the letters, and the
units named before a period is closed."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.periode import tampilan_periode as tampil

PERIODE = pd.DataFrame(
    {
        "id": [3, 2],
        "tahun": [2026, 2026],
        "triwulan": [3, 2],
        "tenggat": [dt.date(2026, 10, 15), dt.date(2026, 7, 15)],
        "status": ["dibuka", "ditutup"],
        "diajukan": [2, 5],
        "disahkan": [0, 5],
        "terlambat": [1, 0],
        "catatan": [None, "Nota Dinas"],
    }
)
PERMINTAAN = pd.DataFrame(
    {
        "id": [7, 6],
        "unit": ["Bidang A", "Bidang B"],
        "tahun": [2026, 2026],
        "triwulan": [2, 2],
        "alasan": ["Data UPT terlambat", "Lupa"],
        "pada": pd.to_datetime(["2026-07-20 10:00", "2026-07-18 08:30"]),
        "status": ["menunggu", "ditolak"],
        "jawaban": [None, "Sudah direkap"],
        "diproses_pada": pd.to_datetime([None, "2026-07-19 09:00"]),
    }
)


def test_period_list_and_names():
    assert tampil.label_periode(PERIODE) == {3: "Triwulan III TA 2026", 2: "Triwulan II TA 2026"}
    t = tampil.tabel_periode(PERIODE)
    assert t["Status"].tolist() == ["Dibuka", "Ditutup"]
    assert t["Tenggat"].tolist()[0] == "15 Oktober 2026"
    assert t["Catatan"].tolist() == ["", "Nota Dinas"]
    assert tampil.dengan_status(PERIODE, tampil.DIBUKA)["id"].tolist() == [3]
    assert tampil.dengan_status(PERIODE, tampil.DITUTUP)["id"].tolist() == [2]


def test_requests_waiting_then_answered():
    menunggu = tampil.permintaan_menunggu(PERMINTAAN)
    assert menunggu["id"].tolist() == [7]
    assert tampil.label_permintaan(menunggu) == {7: "Bidang A · Triwulan II TA 2026"}
    assert tampil.tabel_permintaan(menunggu)["Diminta"].tolist() == ["20 Juli 2026 10.00"]
    terjawab = tampil.permintaan_menunggu(PERMINTAAN, menunggu=False)
    t = tampil.tabel_terjawab(terjawab)
    assert t.iloc[0][["Jawaban", "Catatan"]].tolist() == ["Ditolak", "Sudah direkap"]


def test_letters_and_units_not_submitted():
    surat = pd.DataFrame({"periode_id": [3], "tahun": [2026], "triwulan": [3], "nomor": ["005/1"]})
    assert tampil.label_surat(surat) == {3: "Triwulan III TA 2026 · Nomor 005/1"}
    belum = pd.DataFrame(
        {
            "unit": ["A", "B", "C"],
            "pengajuan_id": [None, 4, 5],
            "terisi": [0, 2, 3],
            "indikator": [3, 3, 3],
            "dikembalikan": [False, False, True],
        }
    )
    t = tampil.tabel_belum(belum)
    assert t["Status pengajuan"].tolist() == [
        "Belum mengisi",
        "Draf",
        "Dikembalikan, belum diajukan ulang",
    ]
    assert t["Indikator terisi"].tolist() == ["0 dari 3", "2 dari 3", "3 dari 3"]
