"""The planning tree on the admin's Rencana kinerja page (pure view functions): depth first,
indented by level, retired nodes on request, and the labels of nodes and possible parents."""

from __future__ import annotations

import pandas as pd

from dashboard.rencana import tampilan_rencana as tampil

POHON = pd.DataFrame(
    {
        "tingkat": ["Sasaran", "Tujuan", "Sasaran", "Tujuan"],
        "id": [11, 1, 12, 2],
        "kode": ["S1.2", "T1", "S1.1", "T2"],
        "nama": ["Kedua", "Tujuan satu", "Pertama", "Tujuan lama"],
        "induk_id": [1, None, 1, None],
        "unit_id": [None, None, 5, None],
        "n_indikator": [0, 0, 3, 0],
        "aktif": [True, True, True, False],
    }
)


def test_tree_depth_first_indented_and_retired_on_request():
    urut = tampil.urut_pohon(POHON)
    assert urut["kode"].tolist() == ["T1", "S1.1", "S1.2", "T2"]
    assert urut["dalam"].tolist() == [0, 1, 1, 0]
    t = tampil.tabel_pohon(POHON, {5: "Bidang A"}, semua=False)
    assert t["Kode"].tolist() == ["T1", "S1.1", "S1.2"]
    assert t["Nama / uraian"].tolist()[1] == "\u00a0" * 4 + "Pertama"
    assert t["Unit"].tolist() == ["", "Bidang A", ""]
    semua = tampil.tabel_pohon(POHON, {}, semua=True)
    assert semua["Aktif"].tolist()[-1] == "Tidak"


def test_an_empty_tree_is_an_empty_table():
    kosong = POHON.iloc[:0].astype({"aktif": object})  # as an empty store returns it
    for semua in (False, True):
        t = tampil.tabel_pohon(kosong, {}, semua=semua)
        assert t.empty and "Kode" in t.columns


def test_labels_of_a_level_and_of_the_parents():
    tujuan = POHON[POHON["tingkat"] == "Tujuan"]
    assert tampil.label_simpul(tujuan) == {1: "T1 Tujuan satu", 2: "T2 Tujuan lama (nonaktif)"}
    assert tampil.label_induk(POHON, "Tujuan", None) == {1: "T1 Tujuan satu"}
    # a node already under a retired parent keeps it on offer
    assert tampil.label_induk(POHON, "Tujuan", 2) == {1: "T1 Tujuan satu", 2: "T2 Tujuan lama"}


def test_workbook_check_tables():
    from types import SimpleNamespace as M

    masalah = [M(lembar="Indikator", baris=4, kolom="kode", pesan="kode ganda")]
    masalah.append(M(lembar="Unit", baris=None, kolom="", pesan="lembar kosong"))
    t = tampil.tabel_masalah(masalah)
    assert t.values.tolist() == [
        ["Indikator", 4, "kode", "kode ganda"],
        ["Unit", "-", "", "lembar kosong"],
    ]
    hitungan = {
        "Unit": {"baru": 0, "diubah": 0, "tetap": 6},
        "Anggaran": {"baru": 0, "diubah": 0, "tetap": 0},
    }
    assert tampil.tabel_hitungan(hitungan)["Lembar"].tolist() == ["Unit"]
    assert not tampil.ada_perubahan(hitungan)
    hitungan["Anggaran"]["diubah"] = 1
    assert tampil.ada_perubahan(hitungan)
    assert tampil.tabel_masalah([]).columns.tolist() == ["Lembar", "Baris", "Kolom", "Pesan"]
