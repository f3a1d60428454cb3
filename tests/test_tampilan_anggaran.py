"""What the admin's Anggaran page shows and reads back (pure view functions): totals and
absorption, the editor rows, the edited rows for the service, and an upload's changed rows."""

from __future__ import annotations

import pandas as pd

from dashboard.capaian import tampilan_anggaran as tampil

DF = pd.DataFrame(
    {
        "sub_kegiatan_id": [3, 4],
        "kode": ["1.01.01.2.01.0001", "1.01.01.2.01.0002"],
        "nama": ["Satu", "Dua"],
        "aktif": [True, False],
        "pagu": [1_000_000.0, None],
        "rp1": [250_000.0, None],
        **{k: [None, None] for k in ("rp2", "rp3", "rp4")},
    }
).astype({k: float for k in ("pagu", "rp1", "rp2", "rp3", "rp4")})  # as the service reads them


def test_totals_and_editor_rows():
    assert tampil.ringkasan(DF, ["rp1", "rp2", "rp3", "rp4"]) == {
        "Pagu": "Rp 1.000.000",
        "Realisasi": "Rp 250.000",
        "Serapan": "25%",
    }
    kosong = DF.assign(pagu=float("nan"), rp1=float("nan"))
    assert tampil.ringkasan(kosong, ["rp1"])["Serapan"] == "–"  # no pagu: no absorption
    rows = tampil.baris_editor(DF)
    assert rows["Sub kegiatan"].tolist() == ["Satu", "Dua (nonaktif)"]
    assert rows["Pagu"].tolist() == ["1.000.000", ""]
    ubah = rows.copy()
    ubah.at[1, "Pagu"] = "500.000"
    baris = tampil.baris_ubah(DF, ubah)
    assert baris[1] == {
        "sub_kegiatan_id": 4,
        "pagu": "500.000",
        "rp1": None,
        "rp2": None,
        "rp3": None,
        "rp4": None,
    }
    assert tampil.awal(DF)[0]["pagu"] == 1_000_000.0


def test_upload_rows_that_change_something():
    hasil = [
        {
            "sub_kegiatan_id": 3,
            "pagu": 1_000_000.0,
            "rp1": 250_000.0,
            "rp2": None,
            "rp3": None,
            "rp4": None,
        },
        {
            "sub_kegiatan_id": 4,
            "pagu": 750_000.0,
            "rp1": None,
            "rp2": None,
            "rp3": None,
            "rp4": None,
        },
    ]
    beda = tampil.berubah(hasil, DF)
    assert [r["sub_kegiatan_id"] for r in beda] == [4]
    t = tampil.tabel_berubah(beda, DF)
    assert t.iloc[0][["Kode", "Pagu", "TW I"]].tolist() == ["1.01.01.2.01.0002", "750.000", ""]
    assert tampil.tabel_masalah("Baris 3: pagu\nBaris 4: kode")["Masalah"].tolist() == [
        "Baris 3: pagu",
        "Baris 4: kode",
    ]
