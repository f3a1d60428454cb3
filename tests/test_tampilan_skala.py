"""What the admin's Skala kategori page shows and reads back (pure view functions): the scale
as a table and as editor rows, the cap note, and the edited rows as the service takes them."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard.capaian import tampilan_skala as tampil
from dashboard.capaian.skala import SKALA_BAKU


def test_scale_table_note_and_editor_rows_round_trip():
    t = tampil.tabel_skala(SKALA_BAKU)
    assert t["Tingkat"].tolist()[0] == "1" and len(t) == len(SKALA_BAKU.urut)
    assert set(t["Merah"]) <= {"Ya", ""} and "Ya" in set(t["Merah"])
    for batas, akhir in (
        (None, "Tanpa batas skor: rata-rata memakai capaian apa adanya."),
        (110.0, "dihitung 110 dalam rata-rata dan predikat."),
    ):
        assert tampil.keterangan(replace(SKALA_BAKU, batas_skor=batas)).endswith(akhir)
    rows = tampil.baris_editor(SKALA_BAKU)
    assert rows["Batas bawah (%)"].tolist()[-1] == ""  # the lowest band has no lower bound
    data = tampil.data_skala("Skala uji", rows, "100")
    assert data["batas_skor"] == 100.0
    assert [k["nama"] for k in data["kategori"]] == list(SKALA_BAKU.urut)
    assert [k["bawah"] for k in data["kategori"]] == [b.bawah for b in SKALA_BAKU.kategori]
    assert [k["merah"] for k in data["kategori"]] == [
        SKALA_BAKU.merah(i) for i in range(1, len(SKALA_BAKU.urut) + 1)
    ]


def test_unreadable_numbers_name_the_field():
    rows = pd.DataFrame(
        {"Kategori": ["Baik", None], "Batas bawah (%)": ["90,5", "x"], "Warna": ["#000000", None]}
    ).assign(Merah=[None, True])
    with pytest.raises(ValueError, match="Batas bawah kategori ke-2"):
        tampil.data_skala("Uji", rows, "")
    with pytest.raises(ValueError, match="Batas skor"):
        tampil.data_skala("Uji", rows.iloc[:1], "seratus")
    data = tampil.data_skala("Uji", rows.iloc[:1], "")
    assert data["kategori"] == [{"nama": "Baik", "bawah": 90.5, "warna": "#000000", "merah": False}]
    assert data["batas_skor"] is None
