"""What the Antrian review page shows, from hand-built service reads (pure view functions):
the caller's steps, the queue and its labels, a submission's heading, values and history."""

from __future__ import annotations

import pandas as pd

from dashboard.akun.akses import Akses
from dashboard.review import tampilan_review as tampil

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


PERBAIKAN = pd.DataFrame(
    {
        "id": [5, 6],
        "kode": ["A.01", "A.02"],
        "indikator": ["Satu", "Dua"],
        "unit": ["Bidang A", "Bidang A"],
        "satuan": ["%", None],
        "tahun": [2026, 2026],
        "triwulan": [1, 2],
        "nilai_lama": [10.0, 3.0],
        "nilai_baru": [12.5, 4.0],
        "status": ["diajukan", "diparaf"],
        "diajukan_oleh_nama": ["Dewi", "Dewi"],
        "diajukan_pada": pd.to_datetime(["2026-05-02 09:00", "2026-08-01 10:00"]),
    }
)


def test_corrections_waiting_for_the_caller():
    sekretaris = Akses("s", frozenset({"sekretaris"}), 1)
    kadis = Akses("k", frozenset({"kadis"}), 1)
    assert tampil.menunggu_saya(PERBAIKAN, sekretaris).empty
    assert tampil.menunggu_saya(PERBAIKAN, kadis)["id"].tolist() == [6]
    assert tampil.boleh_proses("diparaf", kadis) == "sahkan"
    assert tampil.boleh_proses("diparaf", sekretaris) is None
    assert tampil.boleh_proses("disahkan", kadis) is None
    assert tampil.label_perbaikan(PERBAIKAN)[5] == "A.01 Satu · Triwulan I TA 2026 · Diajukan"
    t = tampil.tabel_perbaikan(PERBAIKAN)
    assert t.iloc[0][["Indikator", "Nilai lama", "Nilai baru"]].tolist() == [
        "A.01 Satu",
        "10",
        "12,5",
    ]
    judul, status = tampil.ringkasan_perbaikan(PERBAIKAN.set_index("id").loc[6])
    assert judul.endswith("3 → **4** ")  # no unit: nothing after the value
    assert status.startswith("Status **Diparaf** · diajukan oleh Dewi pada 1 Agustus 2026")
    riwayat = pd.DataFrame(
        {
            "pada": pd.to_datetime(["2026-05-03 08:00"]),
            "oleh": ["staf.a"],
            "sumber": ["perbaikan"],
            "nilai_lama": [10.0],
            "nilai_baru": [12.5],
        }
    )
    r = tampil.tabel_riwayat_nilai(riwayat, {"staf.a": "Dewi"}).iloc[0]
    assert r[["Oleh", "Nilai baru"]].tolist() == ["Dewi", "12,5"]
