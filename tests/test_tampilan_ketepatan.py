"""What the Ketepatan waktu SOP page shows, from hand-built step records (pure view functions):
the choice of SOP and year, the headline figures, the tables per step, unit, run and breach,
the trend per quarter or per year, and the events of a run."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.periode import tampilan_ketepatan as tampil
from dashboard.periode.ketepatan import MENIT_HARI_KERJA


def _catatan() -> pd.DataFrame:
    """Two runs of SOP K (TW I and TW II 2026) and one annual run of SOP L."""
    baris = [
        # run, sop, kode, tahun, tw, unit, urutan, pelaksana, dalam, durasi, standar, lebih
        (1, 10, "K", 2026, 1, "Bidang A", 1, "BIDANG", True, 60, 120, None),
        (1, 10, "K", 2026, 1, "Bidang A", 2, "KEPALA DINAS", False, 300, 120, 180),
        (2, 10, "K", 2026, 2, "Bidang B", 1, "BIDANG", True, 30, 120, None),
        (2, 10, "K", 2026, 2, "Bidang B", 2, "KEPALA DINAS", None, 50, None, None),
        (3, 11, "L", 2025, None, None, 1, "Fungsional", False, 900, 510, 390),
    ]
    df = pd.DataFrame(
        baris,
        columns=[
            "run_id",
            "sop_id",
            "kode",
            "tahun",
            "triwulan",
            "unit",
            "urutan",
            "pelaksana",
            "dalam_standar",
            "durasi_menit",
            "standar_menit",
            "kelebihan_menit",
        ],
    )
    mulai = [dt.datetime(2026, 4, 1, 8), dt.datetime(2026, 4, 2, 8)] * 2 + [
        dt.datetime(2026, 1, 5, 8)
    ]
    mulai[2] = dt.datetime(2026, 7, 1, 8)
    mulai[3] = dt.datetime(2026, 7, 1, 9)
    return df.assign(
        sop_nama=df["kode"].map({"K": "Pengumpulan", "L": "Laporan"}),
        no=df["urutan"].astype(str),
        aktivitas=df["urutan"].map({1: "Susun data", 2: "Setujui"}),
        waktu=df["standar_menit"].map(lambda m: None if pd.isna(m) else "2 Jam"),
        ulang=[0, 1, 0, 0, 0],
        tunggu_menit=[0.0, 10.0, 0.0, 5.0, 0.0],
        oleh=["staf", "kadis", None, "kadis", "monev"],
        mulai=mulai,
        selesai=[m + dt.timedelta(hours=1) for m in mulai],
    )


def test_choice_and_headline():
    semua = tampil.rapikan(_catatan())
    assert semua["pelaksana"].tolist()[:2] == ["Bidang", "Kepala Dinas"]
    assert tampil.opsi_sop(semua) == {"K": "Pengumpulan", "L": "Laporan"}
    assert tampil.opsi_tahun(semua) == ["Semua", 2026, 2025]
    assert tampil.label_tahun("Semua") == "Semua" and tampil.label_tahun(2026) == "TA 2026"
    df = tampil.saring(semua, "K", "Semua")
    assert len(df) == 4 and tampil.saring(semua, "K", 2025).empty
    assert df["tepat"].tolist() == [True, False, True, False]
    assert df["lewat"].tolist() == [False, True, False, False]  # no standar: neither
    assert tampil.ringkasan(df) == {
        "Catatan langkah": "4",
        "Dalam standar": "66,7%",
        "Melewati standar": "1",
        "Total kelebihan": "3 jam",
        "Langkah diulang": "1",
    }


def test_tables_per_step_bottleneck_unit_and_trend():
    df = tampil.saring(tampil.rapikan(_catatan()), "K", "Semua")
    langkah = tampil.tabel_langkah(df)
    assert langkah["Standar"].tolist()[-1] == "tanpa standar"
    assert tampil.tabel_hambatan(df, "pelaksana", "Pelaksana").columns[0] == "Pelaksana"
    assert len(tampil.tabel_hambatan(df, "aktivitas", "Langkah", 1)) == 1
    unit = tampil.tabel_unit(df)
    assert unit["Unit"].tolist() == ["Bidang A", "Bidang B"]  # most excess first
    assert unit["Dalam standar"].tolist() == ["50%", "100%"]
    per, tahunan = tampil.tren(df)
    assert not tahunan and per["periode"].tolist() == ["TW I 2026", "TW II 2026"]
    per, tahunan = tampil.tren(tampil.saring(tampil.rapikan(_catatan()), "L", "Semua"))
    assert tahunan and per["periode"].tolist() == ["TA 2025"]


def test_runs_and_breaches():
    df = tampil.saring(tampil.rapikan(_catatan()), "K", "Semua")

    def menit_kerja(a: dt.datetime, b: dt.datetime) -> float:
        return (b - a).total_seconds() / 60

    runs = tampil.tabel_run(df, menit_kerja, {10: 240.0})
    assert runs["Pelaksanaan"].tolist() == ["Bidang B · TW II 2026", "Bidang A · TW I 2026"]
    assert runs["Total waktu"].tolist() == ["2 jam", "2 hari 8 jam"]  # 25 h of 8,5-h days
    assert runs["Melebihi"].tolist() == ["tidak", "ya"]
    lewat = tampil.pelanggaran(df)
    assert tampil.tabel_pelanggaran(lewat).iloc[0][["Langkah", "Kelebihan"]].tolist() == [
        "2. Setujui",
        "3 jam",
    ]
    assert list(tampil.label_pelanggaran(lewat).values()) == [
        "Bidang A · TW I 2026 · langkah 2: lewat 3 jam"
    ]
    run = df[df["run_id"] == 1]
    assert tampil.keterangan_run(run, 1) == (
        "Pelaksanaan #1: total 6 jam terhadap jumlah standar 4 jam; 1 langkah lewat standar."
    )
    assert MENIT_HARI_KERJA == 510  # the day the texts above count in


def test_annual_run_label_and_events():
    r = pd.Series({"tahun": 2025, "triwulan": None, "unit": None})
    assert tampil.label_run(r) == "Tingkat instansi · Tahun 2025"
    ev = pd.DataFrame(
        {
            "waktu": [pd.Timestamp("2026-04-01 08:00")],
            "pengguna": [None],
            "peran": ["kadis"],
            "dari": ["diparaf"],
            "ke": ["disahkan"],
            "catatan": [None],
        }
    )
    assert tampil.tabel_event(ev).iloc[0].tolist() == [
        "1 April 2026 08.00",
        "–",
        "Kepala Dinas",
        "Diparaf",
        "Disahkan",
        "",
    ]


def test_manual_step_log():
    runs = pd.DataFrame(
        {
            "id": [4],
            "unit": [None],
            "tahun": [2026],
            "triwulan": [3],
            "sop_nama": ["SOP Monev"],
            "revisi": [2],
        }
    )
    assert tampil.label_pelaksanaan(runs) == {
        4: "Tingkat instansi · TW III 2026 · SOP Monev (rev. 2)"
    }
    langkah = pd.DataFrame(
        {
            "urutan": [1, 2],
            "no": ["1", "2"],
            "aktivitas": ["Kirim undangan", "Rapat"],
            "waktu": ["1 Hari", None],
        }
    )
    nama = tampil.nama_langkah(langkah)
    assert nama == {1: "1. Kirim undangan (1 Hari)", 2: "2. Rapat (tanpa standar)"}
    tercatat = pd.DataFrame(
        {
            "id": [8, 9],
            "urutan": [1, 2],
            "mulai": pd.to_datetime(["2026-10-01 08:00", "2026-10-02 09:00"]),
            "selesai": pd.to_datetime(["2026-10-01 10:00", None]),
            "pelaku": ["monev", None],
            "catatan": [None, None],
        }
    )
    t = tampil.tabel_tercatat(tercatat, nama)
    assert t["Selesai"].tolist() == ["1 Oktober 2026 10.00", "belum"]
    assert t["Pelaku"].tolist() == ["monev", ""]
    assert tampil.belum_selesai(tercatat)["id"].tolist() == [9]
