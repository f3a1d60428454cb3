"""What the Antrian review page shows, from hand-built service reads (pure view functions):
the caller's steps, the queue and its labels, a submission's heading, values and history."""

from __future__ import annotations

import pandas as pd

from dashboard import tampilan_review as tampil
from dashboard.akses import Akses

ANTRIAN = pd.DataFrame(
    {
        "id": [11, 12],
        "unit": ["Bidang A", "Bidang B"],
        "tahun": [2026, 2026],
        "triwulan": [3, 3],
        "status": ["diajukan", "diverifikasi"],
        "status_sejak": pd.to_datetime(["2026-10-10 08:00", "2026-10-12 14:30"]),
        "menunggu_hari": [3.25, 1.0],
        "terlambat": [True, False],
    }
)


def test_steps_of_the_callers_roles():
    dua = Akses("x", frozenset({"sekretaris", "kadis"}), 1)
    assert tampil.langkah_saya(dua) == ["paraf (Sekretaris)", "sahkan (Kepala Dinas)"]
    assert tampil.langkah_saya(Akses("s", frozenset({"staf_bidang"}), 1, unit_id=1)) == []


def test_queue_and_its_labels():
    t = tampil.tabel_antrian(ANTRIAN)
    assert t["id"].tolist() == [11, 12]
    assert t["Periode"].tolist() == ["Triwulan III TA 2026"] * 2
    assert t["Status"].tolist() == ["Diajukan", "Diverifikasi"]
    assert t["Hari"].tolist() == ["3,3", "1"]
    assert t["Terlambat"].tolist() == ["Terlambat", ""]
    assert tampil.nama_pengajuan(t) == {
        11: "Bidang A · Triwulan III TA 2026",
        12: "Bidang B · Triwulan III TA 2026",
    }
    assert tampil.label_pengajuan(t)[12] == "Bidang B · Triwulan III TA 2026 · Diverifikasi"


def test_submission_heading_values_and_history():
    info = {
        "unit_nama": "Bidang *A*",
        "tahun": 2026,
        "triwulan": 3,
        "status": "diajukan",
        "diajukan_oleh_nama": None,
        "diajukan_pada": pd.Timestamp("2026-10-10 08:00"),
        "terlambat": True,
        "tenggat": pd.Timestamp("2026-10-05").date(),
    }
    assert tampil.judul_pengajuan(info).endswith(": Triwulan III TA 2026")
    assert "*A*" not in tampil.judul_pengajuan(info)
    assert tampil.keterangan_pengajuan(info) == (
        "Status **Diajukan** · diajukan oleh – pada 10 Oktober 2026 08.00 · **terlambat** · "
        "tenggat 5 Oktober 2026"
    )
    assert tampil.singkat_tw(3) == "TW III"
    nilai = pd.DataFrame(
        {
            "kode": ["A.01", "A.02"],
            "nama": ["Satu", "Dua"],
            "satuan": ["%", "dokumen"],
            "realisasi_tw": [12.5, None],
            "target_tw": [10.0, 5.0],
            "realisasi_sd": [40.0, None],
            "target_sd": [50.0, 20.0],
            "capaian": [80.0, None],
            "kategori": ["Baik", None],
            "status": ["ada", "Belum diisi"],
            "bukti": ["https://contoh.id", None],
            "bukti_jenis": [None, None],
        }
    )
    t = tampil.tabel_nilai(nilai, "TW III")
    assert list(t.columns)[2:5] == [
        "Realisasi TW III",
        "Realisasi s.d. TW III",
        "Target s.d. TW III",
    ]
    assert t["Kategori"].tolist() == ["Baik", "Belum diisi"]
    assert t["Bukti"].tolist() == ["Tautan", "–"]
    assert t["Realisasi TW III"].tolist()[0] == "12,5"
    assert tampil.ringkasan_indikator(nilai.iloc[0], "TW III").startswith(
        "**A\\.01 · Satu** (%): realisasi TW III **12,5**, target TW III 10"
    )
    riwayat = pd.DataFrame(
        {
            "waktu": pd.to_datetime(["2026-10-10 08:00"]),
            "nama": ["Dewi"],
            "peran": ["staf_bidang"],
            "dari": ["draf"],
            "ke": ["diajukan"],
            "catatan": [None],
        }
    )
    r = tampil.tabel_riwayat(riwayat).iloc[0]
    assert r[["Peran", "Dari", "Ke", "Catatan"]].tolist() == ["Staf Bidang", "Draf", "Diajukan", ""]
