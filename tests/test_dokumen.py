"""Shared document pieces: a screen table exported to Excel keeps its numbers as numbers."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from dashboard import dokumen


def test_screen_numbers_go_back_into_excel_as_numbers():
    tampil = pd.DataFrame(
        {
            "Kode": ["1.01.01", "LYN.01", "2.230"],
            "Indikator": ["=SUM(A1)", "Jumlah pengunjung", "Indeks"],
            "Capaian": ["54,18%", "–", "102,5%"],
            "Pagu": ["Rp 1.512.500.000", "Rp 0", None],
            "Jumlah": ["1.234", "2", "15"],
            "Campur": ["12%", "Rp 5", "3"],
        }
    )
    df, fmt = dokumen.angka_tampilan(tampil)
    assert df["Capaian"].tolist() == [54.18, None, 102.5]
    assert df["Pagu"].tolist() == [1_512_500_000.0, 0.0, None]
    assert df["Jumlah"].tolist() == [1234.0, 2.0, 15.0]
    assert df["Kode"].tolist() == ["1.01.01", "LYN.01", "2.230"]  # not every cell a number
    assert df["Campur"].tolist() == ["12%", "Rp 5", "3"]  # mixed kinds stay text
    assert fmt == {
        "Capaian": dokumen.FORMAT_PERSEN + '"%"',
        "Pagu": dokumen.FORMAT_RUPIAH,
        "Jumlah": dokumen.FORMAT_BULAT,
    }

    ws = openpyxl.load_workbook(io.BytesIO(dokumen.excel_tabel(tampil, "uji", ["Judul"])))["uji"]
    header = [c.value for c in ws[3]]
    baris = {h: ws.cell(row=4, column=i + 1) for i, h in enumerate(header)}
    assert baris["Capaian"].value == 54.18 and baris["Capaian"].number_format.endswith('"%"')
    assert baris["Pagu"].value == 1_512_500_000 and "Rp" in baris["Pagu"].number_format
    assert baris["Indikator"].value == "'=SUM(A1)"  # text stays inert
    assert ws.cell(row=5, column=header.index("Capaian") + 1).value is None
