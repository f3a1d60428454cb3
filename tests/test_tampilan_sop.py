"""What the Daftar SOP page shows, from hand-built service reads (pure view functions): the
caller's own SOPs first, the labels, the step table as the documents lay it out, the sum of
the standard times, and the SOPs an instansi runs."""

from __future__ import annotations

import pandas as pd

from dashboard.sop import tampilan_sop as tampil
from dashboard.sop.mutu_baku import MutuBakuWaktu

DAFTAR = pd.DataFrame(
    {
        "kode": ["a", "b", "c"],
        "nama": ["Arsip", "Monev", "Cuti"],
        "instansi": ["DINAS LAIN", "Dinas Uji", "DINAS LAIN"],
        "nomor": ["1", "2", "3"],
        "revisi": [1, 2, 1],
        "langkah": [5, 7, 3],
    }
)


def test_own_sops_first_then_examples():
    d = tampil.urut_milik(DAFTAR, ["dinas uji"], {"c"})
    assert d["kode"].tolist() == ["c", "b", "a"]  # run by the app, own, then another agency's
    assert d["lain"].tolist() == [False, False, True]
    label = tampil.label_sop(d)
    assert label["c"] == "Cuti (Dinas Lain)"
    assert label["a"] == "Arsip (Dinas Lain) · contoh instansi lain"
    assert tampil.nama_sop(d)["a"] == "Arsip (Dinas Lain)"
    assert list(tampil.tabel_daftar(d).columns) == [
        "Nama SOP",
        "Instansi",
        "Nomor",
        "Revisi",
        "Langkah",
    ]


def test_revision_labels_newest_in_force():
    revisi = pd.DataFrame(
        {"id": [9, 4], "revisi": [2, 1], "catatan_revisi": ["Ubah tenggat", None]}
    )
    assert tampil.label_revisi(revisi) == {9: "Revisi 2 (berlaku): Ubah tenggat", 4: "Revisi 1"}


def test_header_and_step_table_as_the_document():
    header = {
        "instansi": "Dinas Uji",
        "nomor": None,
        "disahkan_oleh": "Kepala",
        "tanggal_pembuatan": "1 Januari 2026",
        "tanggal_revisi": None,
        "tanggal_efektif": None,
    }
    kiri, kanan = tampil.kepala(header)
    assert "**Nomor SOP:** \\-" in kiri  # escaped: not a list item
    assert "**Tanggal revisi:** -" in kanan
    langkah = pd.DataFrame(
        {
            "no": ["1", "2"],
            "aktivitas": ["Susun", "Periksa"],
            "pelaksana": [["BIDANG"], ["KEPALA DINAS", "BIDANG"]],
            "kelengkapan": [None, "Draf"],
            "waktu": ["2 hari", None],
            "standar": [MutuBakuWaktu("2 hari", hari=2, basis="kerja"), MutuBakuWaktu("")],
            "output": [None, "Laporan"],
            "keterangan": [None, None],
        }
    )
    t = tampil.tabel_langkah(["BIDANG", "KEPALA DINAS"], langkah)
    assert list(t.columns) == [
        "No",
        "Aktivitas",
        "Bidang",
        "Kepala Dinas",
        "Kelengkapan",
        "Waktu",
        "Standar terbaca",
        "Output",
        "Keterangan",
    ]
    assert t["Bidang"].tolist() == ["✓", "✓"] and t["Kepala Dinas"].tolist() == ["", "✓"]
    assert t["Standar terbaca"].tolist() == ["2 hari kerja", "Tanpa standar waktu"]
    assert not t.isna().any().any()
    assert tampil.jumlah_standar(langkah).startswith("Jumlah standar waktu: 2 hari kerja dan 0")
    assert tampil.baris_ubah(langkah)["pelaksana"].tolist() == ["BIDANG", "KEPALA DINAS; BIDANG"]


def test_adoption_table_and_mapping_rows():
    adopsi = pd.DataFrame(
        {
            "prosedur_nama": ["Monev", "Laporan"],
            "sop_nama": ["SOP Monev", None],
            "revisi": [2, None],
            "bawaan": [True, False],
            "diadopsi_oleh": [None, "admin"],
        }
    )
    t = tampil.tabel_adopsi(adopsi)
    assert t["SOP"].tolist() == ["SOP Monev", "Belum dipilih"]
    assert t["Revisi berlaku"].tolist() == ["2", "–"]
    assert t["Keterangan"].tolist() == ["bawaan aplikasi", "dipilih oleh admin"]
    peta = pd.DataFrame({"urutan": [1], "cara": [None], "mulai_ke": [None]})
    rows = tampil.baris_peta(peta, ["cara", "mulai_ke"])
    assert rows.iloc[0].tolist() == [1, "", ""]
    assert peta["cara"].isna().all()  # the service's frame is left as it was
    objek, status = tampil.opsi_peta(
        {"transisi": ["pengajuan", "perbaikan"], "langkah": ["sop"]}, {"pengajuan": ["diajukan"]}
    )
    assert objek == ["pengajuan", "perbaikan", "sop"] and status == ["diajukan"]
