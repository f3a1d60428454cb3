"""The e-Kinerja tab of Penyusunan laporan (pure view functions): the periods offered, the
one chosen first, and the sheet in Indonesian numbers."""

from __future__ import annotations

import pandas as pd

from dashboard.laporan import tampilan_lkj as tampil


def test_periods_and_the_first_offered():
    per = pd.DataFrame({"id": [9, 8, 7], "tahun": [2026] * 3, "triwulan": [3, 2, 1]})
    per = per.assign(disahkan=[0, 4, 6])
    assert tampil.label_periode_ekinerja(per)[8] == "Triwulan II TA 2026 (4 unit disahkan)"
    assert tampil.periode_ekinerja_awal(per) == 1  # the newest with signed data
    assert tampil.periode_ekinerja_awal(per.assign(disahkan=0)) == 0


def test_sheet_in_indonesian_numbers():
    df = pd.DataFrame(
        {
            "No": [1, 2],
            "Indikator": ["A", "B"],
            "Target": [1234.5, None],
            "Capaian (%)": [98.5, None],
            "Keterangan": [None, "ok"],
        }
    )
    t = tampil.tabel_ekinerja(df)
    assert t.iloc[0].tolist() == [1, "A", "1.234,5", "98,5%", ""]
    assert t.iloc[1][["Target", "Capaian (%)", "Keterangan"]].tolist()[2] == "ok"
