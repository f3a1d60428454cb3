"""What the admin's Indikator dan target page shows and reads back (pure view functions): the
plan node an indicator hangs on, the list, numbers as the form shows them, and typed targets."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.rencana import tampilan_indikator as tampil

POHON = pd.DataFrame(
    {
        "tingkat": ["Sasaran", "Program"],
        "id": [1, 4],
        "kode": ["S1", "P2"],
        "nama": ["Layanan meningkat", "Program lama"],
        "aktif": [True, False],
    }
)


def _indikator(**kolom) -> pd.DataFrame:
    dasar = {
        "id": [7, 8],
        "kode": ["A.01", "A.02"],
        "nama": ["Satu", "Dua"],
        "jenis": ["IKU", "IKK"],
        "pk": [True, False],
        "unit": ["Bidang A", "Bidang A"],
        "satuan": ["%", "dokumen"],
        "polaritas": ["positif", "negatif"],
        "cara_agregasi": ["SUM", "LAST"],
        "rumus_negatif": ["A", "B"],
        "aktif": [True, True],
        "tujuan_id": [None, None],
        "sasaran_id": [1, None],
        "program_id": [None, None],
        "kegiatan_id": [None, None],
        "sub_kegiatan_id": [None, None],
    }
    return pd.DataFrame(dasar | kolom)


def test_plan_node_of_an_indicator_and_the_list():
    ind = _indikator()
    assert tampil.kedudukan(ind.iloc[0].to_dict()) == ("Sasaran", 1)
    assert tampil.kedudukan(ind.iloc[1].to_dict()) is None
    assert tampil.label_simpul(POHON) == {
        ("Sasaran", 1): "Sasaran S1 Layanan meningkat",
        ("Program", 4): "Program P2 Program lama (nonaktif)",
    }
    t = tampil.tabel_indikator(ind, POHON)
    assert list(t.columns) == [
        "Kode",
        "Nama",
        "Kedudukan",
        "Jenis",
        "PK",
        "Unit",
        "Satuan",
        "Polaritas",
        "Agregasi",
        "Rumus",
        "Aktif",
    ]
    assert t["Kedudukan"].tolist() == ["Sasaran S1", "belum ditautkan"]
    assert t["PK"].tolist() == ["Ya", ""]
    assert "rencana" not in ind.columns  # the service's frame is left as it was
    assert tampil.label_indikator(ind) == {7: "A.01 Satu", 8: "A.02 Dua"}


def test_numbers_as_the_form_shows_them():
    assert tampil.teks(None) == "" and tampil.teks(float("nan")) == ""
    assert tampil.teks(1234.5) == "1.234,5"


def test_typed_targets():
    kosong = ["", "", "", ""]
    assert tampil.target_dari_isian(2026, "", "", kosong, kosong) is None
    t = tampil.target_dari_isian(2026, "", "", ["10", "", "", ""], kosong)
    assert t == {
        "tahun": 2026,
        "tahunan": None,
        "tahunan_atas": None,
        "triwulan": [10.0, None, None, None],
        "triwulan_atas": [None] * 4,
    }
    assert tampil.target_dari_isian(2026, "1.234,5", "", kosong, kosong)["tahunan"] == 1234.5
    with pytest.raises(ValueError):
        tampil.target_dari_isian(2026, "sepuluh", "", kosong, kosong)


def test_renstra_rows_keep_the_years_outside_the_form():
    renstra = pd.DataFrame({"tahun": [2020, 2025], "nilai": [5.0, 8.0], "nilai_atas": [6.0, 9.0]})
    ada = tampil.renstra_tersimpan(renstra)
    assert tampil.renstra_luar(ada, 2025) == [2020]
    baris = tampil.baris_renstra([(2025, "8,5", ""), (2026, "", "")], ada, 2025)
    assert baris == [
        {"tahun": 2025, "nilai": 8.5, "nilai_atas": None},
        {"tahun": 2026, "nilai": None, "nilai_atas": None},
        {"tahun": 2020, "nilai": 5.0, "nilai_atas": 6.0},
    ]
