"""The dashboard's headline figures and tables as shown, on hand-built frames."""

from __future__ import annotations

import pandas as pd

from dashboard.capaian import tabel_dasbor as tampil
from dashboard.capaian.skala import SKALA_BAKU


def _ind() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "kode": ["A.01", "A.02", "A.03", "A.04"],
            "nama": ["Satu", "Dua", "Tiga", "Empat"],
            "unit_nama": ["Bidang A"] * 4,
            "status": ["Dinilai", "Dinilai", "Belum Diisi", "Tidak Ada Target"],
            "kategori": ["Sangat Tinggi", "Rendah", None, None],
            "level": [1, 4, None, None],
            "capaian": [120.0, 70.0, None, None],
            "target_sd": [10.0, 10.0, 10.0, None],
            "realisasi_sd": [12.0, 7.0, None, 3.0],
            "catatan": ["", "=SUM(A1)", None, None],
        }
    )


def test_headline_counts_apart_and_follow_ups():
    kirim = pd.DataFrame(
        {
            "lengkap": [True, False, True],
            "status": ["disahkan", "diajukan", "draf"],
            "sudah_diajukan": [True, True, False],
            "pengiriman": ["Tepat waktu", "Terlambat", "Belum diajukan"],
        }
    )
    tl = pd.DataFrame({"terlambat": [True, False, True]})
    sop = pd.DataFrame({"unit": ["Bidang A"]})
    kategori, lain, proses = tampil.headline(_ind(), kirim, tl, sop, SKALA_BAKU)
    assert {a.label: a.nilai for a in kategori} == {
        "Sangat Tinggi": "1",
        "Tinggi": "0",
        "Sedang": "0",
        "Rendah": "1",
        "Sangat Rendah": "0",
    }
    angka = {a.label: a.nilai for a in [*lain, *proses]}
    assert angka["Belum Diisi"] == "1" and angka["Belum Dapat Dinilai"] == "1"
    assert angka["Sesuai target"] == "50%"
    # a complete draft is not submitted: counted by status, never by filled values
    assert angka["Sudah diajukan"] == "2 dari 3" and angka["Disahkan"] == "1 dari 3"
    assert angka["Terlambat"] == "1"
    assert (angka["Tindak lanjut terbuka"], angka["Lewat batas waktu"]) == ("3", "2")
    assert angka["Pelanggaran SOP"] == "1"


def test_list_behind_a_category_box_counts_tidak_ada_target_as_belum_dapat_dinilai():
    ind = _ind()
    assert tampil.indikator_kategori(ind, "Belum Dapat Dinilai")["Kode"].tolist() == ["A.04"]
    rendah = tampil.indikator_kategori(ind, "Rendah")
    assert rendah.iloc[0].to_dict() == {
        "Kode": "A.02",
        "Indikator": "Dua",
        "Unit": "Bidang A",
        "Target s.d.": "10",
        "Realisasi s.d.": "7",
        "Capaian": "70%",
        "Catatan": "=SUM(A1)",  # shown as typed; the exports neutralise it
    }


def test_formula_table_shows_the_numbers_used():
    info = {
        "polaritas": "negatif",
        "cara_agregasi": "SUM",
        "rumus_negatif": "A",
        "satuan": "kasus",
        "definisi": None,
        "sumber_data": " Laporan ",
    }
    hasil = {"target_sd": 1234.5, "realisasi_sd": 1000.0, "capaian": 118.99, "kategori": None}
    t = tampil.perhitungan(info, hasil, "Capaian (negatif, rumus A) = ...")
    nilai = dict(zip(t["Aspek"], t["Nilai"], strict=True))
    assert nilai["Cara agregasi"].startswith("SUM (kumulatif")
    assert nilai["Rumus negatif"] == "A" and nilai["Definisi / rumus"] == "–"
    assert nilai["Sumber data"] == "Laporan"
    assert nilai["Target s.d. triwulan"] == "1.234,5" and nilai["Capaian"] == "118,99%"


def test_review_and_submission_times_in_indonesian():
    event = pd.DataFrame(
        {
            "waktu": [pd.Timestamp("2026-10-05 14:30")],
            "pengguna": ["monev"],
            "peran": ["pengelola_monev"],
            "jenis": ["transisi"],
            "dari": ["diajukan"],
            "ke": ["diverifikasi"],
            "catatan": [None],
        }
    )
    assert tampil.review(event)[["Waktu", "Peran", "Peristiwa"]].values.tolist() == [
        ["5 Oktober 2026 14.30", "Pengelola Monev", "Diajukan → Diverifikasi"]
    ]
    assert tampil.peristiwa("transisi", "diparaf", "diverifikasi") == (
        "Dikembalikan: Diparaf → Diverifikasi"
    )
    assert tampil.peristiwa("periode_dibuka_ulang", None, None) == "Periode dibuka ulang"
    kirim = pd.DataFrame(
        {
            "unit": ["Bidang A", "Bidang B"],
            "status": ["diajukan", None],
            "pengiriman": ["Tepat waktu", "Belum diajukan"],
            "diajukan_pada": [pd.Timestamp("2026-10-05 08:05"), pd.NaT],
            "tenggat": [pd.Timestamp("2026-10-10"), pd.NaT],
            "terisi": [3, 0],
            "indikator": [3, 4],
            "lengkap": [True, False],
            "keadaan": ["Diajukan", "Belum diisi"],
            "sudah_diajukan": [True, False],
        }
    )
    t = tampil.pengajuan(kirim)
    assert t["Diajukan"].tolist() == ["5 Oktober 2026 08.05", "–"]
    assert t["Tenggat"].tolist() == ["10 Oktober 2026", "–"]
    assert t["Terisi"].tolist() == ["3 dari 3", "0 dari 4"]


def test_unit_with_nothing_entered_reads_belum_diisi_not_belum_dapat_dinilai():
    df = pd.DataFrame(
        {
            "unit": ["A", "B", "C"],
            "jumlah_indikator": [2, 2, 2],
            "dinilai": [2, 0, 0],
            "capaian": [95.0, None, None],
            "kategori": ["Sangat Tinggi", None, None],
            **{k: [0, 0, 0] for k in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah")},
            "Sangat Rendah": [0, 0, 0],
            "Belum Diisi": [0, 2, 0],
            "Belum Dapat Dinilai": [0, 0, 2],
        }
    )
    assert tampil.per_unit(df, SKALA_BAKU)["Kategori"].tolist() == [
        "Sangat Tinggi",
        "Belum Diisi",
        "Belum Dapat Dinilai",
    ]


def test_budget_table_in_rupiah_and_indonesian_percentages():
    ang = pd.DataFrame(
        {
            "tingkat": ["Program"],
            "kode": ["2.23.01"],
            "nama": ["Program Penunjang"],
            "pagu": [1512500000.0],
            "realisasi": [819514000.0],
            "serapan": [54.1827],
            "capaian": [76.5],
            "indeks_efisiensi": [1.4119],
            "efisien": [True],
        }
    )
    row = tampil.anggaran(ang).iloc[0]
    assert (row["Pagu"], row["Realisasi"]) == ("Rp 1.512.500.000", "Rp 819.514.000")
    assert (row["Serapan"], row["Capaian kinerja"]) == ("54,18%", "76,5%")
    assert (row["Indeks efisiensi"], row["Efisien"]) == ("1,41", "Ya")


def test_lists_open_on_a_non_empty_category_worst_first():
    opsi = tampil.pilihan_kategori(_ind(), SKALA_BAKU)
    assert opsi == {"Rendah": 1, "Sangat Tinggi": 1, "Belum Diisi": 1, "Belum Dapat Dinilai": 1}
    assert next(iter(opsi)) == "Rendah"  # the list opens here, never on an empty band


def test_range_target_written_as_in_the_report():
    assert tampil.target_teks(80.0, 90.0) == "80 – 90"
    assert tampil.target_teks(90.0, 80.0) == "80 – 90"
    assert tampil.target_teks(1234.5, None) == "1.234,5"


def test_budget_total_row_sums_rupiah_and_recomputes_serapan():
    ang = pd.DataFrame(
        {
            "tingkat": ["Program", "Kegiatan", "Program"],
            "kode": ["1", "1.1", "2"],
            "nama": ["P1", "K1", "P2"],
            "pagu": [1000.0, 1000.0, 3000.0],
            "realisasi": [500.0, 500.0, 1500.0],
            "serapan": [50.0, 50.0, 50.0],
            "capaian": [80.0, 80.0, 40.0],
            "indeks_efisiensi": [1.6, 1.6, 0.8],
            "efisien": [True, True, False],
        }
    )
    t = tampil.anggaran(ang)
    jumlah = t.iloc[-1]
    assert (jumlah["Program / kegiatan"], jumlah["Pagu"]) == ("Jumlah", "Rp 4.000")
    assert (jumlah["Realisasi"], jumlah["Serapan"]) == ("Rp 2.000", "50%")
    assert jumlah["Capaian kinerja"] == ""  # percentages are never added
    assert t["Program / kegiatan"].iloc[1].strip() == "K1"  # kegiatan indented
    assert tampil.KOLOM["anggaran"]["Pagu"]["alignment"] == "right"


def test_bar_labels_cut_at_a_word():
    from dashboard.inti.charts import pendek

    teks = "Persentase fasilitasi layanan yang terlambat menurut standar waktu"
    assert pendek(teks, 45) == "Persentase fasilitasi layanan yang terlambat…"
    assert pendek("Pendek", 45) == "Pendek"
