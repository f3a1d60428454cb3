"""LKj Bab III as published (issue 18, deliverable 1; docs/DOMAIN.md §5.2, §9.11): Tabel 3.1
of the IKU / PK indicators by sasaran with the sasaran's average and predikat, formula column
and cap marks; Tabel 3.2 over every year of the Renstra period so far; one capaian kinerja per
program / kegiatan shared by the Beranda and Tabel 3.3. Figures against hand computations on
the small store of tests/test_laporan.py, extended here."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from dashboard.akun.akses import SISTEM
from dashboard.capaian import kinerja_anggaran
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.capaian.skala import SKALA_BAKU
from dashboard.laporan import layanan_laporan as svc

from .conftest import login, tombol
from .test_laporan import _build, _p, _sheet
from .test_pages import _open_url


def _tambah(con) -> None:
    """On Dinas X: N1 (IKU on the sasaran, negatif rumus B, LAST: T 0,64, R 0,18 → capped at
    200), C1 (a kegiatan indicator, not IKU / PK, on Kegiatan A: T 100, R 90 → 90), the
    per-year Renstra targets of A1 (2024-2028) and a batas skor of 120."""
    x = con.execute
    x(
        "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, polaritas, "
        "cara_agregasi, rumus_negatif, sasaran_id) VALUES (4, 1, 1, 'N1', 'Angka kematian', "
        "'IKU', 'per 1.000', 'negatif', 'LAST', 'B', 1)"
    )
    x(
        "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, "
        "cara_agregasi, kegiatan_id) VALUES (5, 1, 1, 'C1', 'Dokumen kegiatan', 'kegiatan', "
        "'%', 'LAST', 1)"
    )
    for i, t, r in ((4, 0.64, 0.18), (5, 100, 90)):
        for tw in range(5):
            x("INSERT INTO target VALUES (?, 2025, ?, ?, NULL)", [i, tw, t])
        for tw in range(1, 5):
            x(
                "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) "
                "VALUES (?, 2025, ?, ?)",
                [i, tw, r],
            )
    for th, v in ((2024, 6000), (2025, 8000), (2026, 9000), (2027, 10000), (2028, 12000)):
        x("INSERT INTO target_renstra VALUES (1, ?, ?, NULL)", [th, v])
    skala = dataclasses.replace(SKALA_BAKU, batas_skor=120.0)
    x(
        "INSERT INTO pengaturan VALUES (1, ?, ?)",
        [svc_capaian.KUNCI_SKALA, skala.ke_json()],
    )


@pytest.fixture
def toko(con):
    _build(con)
    _tambah(con)
    return con


def test_tabel_31_by_sasaran_average_predikat_and_cap_marks(toko):
    x = svc.dokumen_laporan(toko, SISTEM, _p("tahunan", tahun=2025, periode=4), "xlsx")
    ws, baris, header, rows = _sheet(x.isi, "Capaian tahunan")
    assert header[:11] == [
        "No",
        "Sasaran",
        "Kode",
        "Indikator",
        "Satuan",
        "Polaritas / rumus",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Predikat",
        "Ket.",
    ]
    # IKU / PK only: C1 (kegiatan indicator) is not in the published table
    assert set(rows) >= {"A1", "A2", "B1", "N1"} and "C1" not in rows
    assert rows["N1"]["Polaritas / rumus"].value == "Negatif: T / R × 100 (maks. 200)"
    assert rows["A1"]["Polaritas / rumus"].value == "Positif: R / T × 100"
    # 0,64 / 0,18 = 355 % capped at 200 by rumus B (a), above the batas skor 120 (b)
    assert rows["N1"]["Capaian (%)"].value == pytest.approx(200)
    assert rows["N1"]["Ket."].value == "a, b"
    assert rows["A1"]["Ket."].value is None
    # one sasaran: its average row after its four indicators, then the instansi's
    judul = [
        ws.cell(r, header.index("Indikator") + 1).value for r in range(baris + 1, ws.max_row + 1)
    ]
    i_rata = judul.index("Rata-rata capaian sasaran S1")
    assert judul[i_rata - 4 : i_rata] == [
        "Indikator A1",
        "Indikator A2",
        "Indikator B1",
        "Angka kematian",
    ] or sorted(judul[i_rata - 4 : i_rata]) == sorted(
        ["Indikator A1", "Indikator A2", "Indikator B1", "Angka kematian"]
    )
    r = baris + 1 + i_rata
    cap = ws.cell(r, header.index("Capaian (%)") + 1).value
    # A1 102,5; B1 110; N1 200 counted as 120; A2 Belum Diisi left out
    assert cap == pytest.approx((102.5 + 110 + 120) / 3)
    assert ws.cell(r, header.index("Predikat") + 1).value == "Sangat Tinggi"
    assert ws.cell(r, 1).font.bold
    total = judul.index("Rata-rata capaian seluruh indikator kinerja utama")
    assert ws.cell(baris + 1 + total, header.index("Capaian (%)") + 1).value == pytest.approx(
        (102.5 + 110 + 120) / 3
    )
    # the footnotes of both marks, and the scale printed
    catatan = " ".join(str(ws.cell(rr, 1).value or "") for rr in range(baris + 1, ws.max_row + 1))
    assert "a) Rumus negatif B" in catatan and "b) Capaian di atas batas skor 120" in catatan
    assert "≥ 91 Sangat Tinggi" in catatan


def test_tabel_31_option_adds_the_other_indicators_outside_the_average(toko):
    p = _p("tahunan", tahun=2025, periode=4, semua_indikator=True)
    lap = svc.susun_laporan(toko, SISTEM, p)
    t = lap.tabel[0].df
    c1 = t[t["Kode"] == "C1"].iloc[0]
    assert c1["Indikator"] == "Dokumen kegiatan (kegiatan)"
    assert c1["Capaian (%)"] == pytest.approx(90)
    rata = t[t["Indikator"] == "Rata-rata capaian sasaran S1"].iloc[0]
    assert rata["Capaian (%)"] == pytest.approx((102.5 + 110 + 120) / 3)  # C1 not in it


def test_tabel_32_every_renstra_year_so_far_and_targets(toko):
    x = svc.dokumen_laporan(toko, SISTEM, _p("tahunan", tahun=2026, periode=4), "xlsx")
    _, _, header, rows = _sheet(x.isi, "Perbandingan")
    # period 2024-2028 from the stored Renstra targets: 2024 and 2025 before 2026
    assert header[4:8] == [
        "Realisasi 2024",
        "Capaian 2024 (%)",
        "Realisasi 2025",
        "Capaian 2025 (%)",
    ]
    assert header[8:] == [
        "Target PK 2026",
        "Realisasi 2026",
        "Capaian 2026 (%)",
        "Target Renstra 2026",
        "Capaian thd target Renstra 2026 (%)",
        "Target akhir Renstra (2028)",
        "Capaian thd target akhir Renstra (%)",
    ]
    a1 = rows["A1"]
    assert a1["Capaian 2025 (%)"].value == pytest.approx(102.5)
    assert a1["Target Renstra 2026"].value == 9000
    assert a1["Realisasi 2026"].value == 4400  # TW I + II signed
    assert a1["Capaian thd target Renstra 2026 (%)"].value == pytest.approx(4400 / 9000 * 100)
    assert a1["Target akhir Renstra (2028)"].value == 12000
    assert a1["Capaian thd target akhir Renstra (%)"].value == pytest.approx(4400 / 12000 * 100)
    assert "C1" not in rows


def test_capaian_kinerja_is_the_nodes_own_indicators():
    """A kegiatan with its own indicator at 80 and a sub kegiatan indicator at 200 below it:
    the kegiatan's capaian kinerja is 80 (never (80 + 200) / 2), the sub kegiatan's 200, each
    capped at the batas skor first."""
    tingkat = ["kegiatan", "sub kegiatan", "kegiatan", "program", None]
    node = [7, 9, 7, 3, None]
    nilai = [80.0, 200.0, None, 130.0, 95.0]
    hasil = kinerja_anggaran.capaian_kinerja(tingkat, node, nilai)
    assert hasil == {("kegiatan", 7): 80.0, ("sub kegiatan", 9): 200.0, ("program", 3): 130.0}
    dibatasi = kinerja_anggaran.capaian_kinerja(tingkat, node, nilai, batas_skor=120)
    assert dibatasi[("sub kegiatan", 9)] == 120.0
    assert kinerja_anggaran.nilai_indikator("Belum Diisi", "Dinilai", 50.0) is None
    assert kinerja_anggaran.nilai_indikator("Dinilai", "Tidak Ada Target", 50.0) is None
    assert kinerja_anggaran.nilai_indikator("Dinilai", "Dinilai", 50.0) == 50.0


def test_dashboard_and_lkj_give_the_same_capaian_kinerja(toko):
    """Kegiatan A (C1 hangs on it, A2 on its sub kegiatan) and the program (B1): the Beranda's
    Anggaran tab and Tabel 3.3 print the same capaian and efficiency for 2025."""
    x = svc.dokumen_laporan(toko, SISTEM, _p("tahunan", tahun=2025, periode=4), "xlsx")
    _, _, _, ang = _sheet(x.isi, "Anggaran")
    beranda = dasbor.anggaran(toko, SISTEM, 1, 2025, 4).set_index("kode")
    for kode, capaian in (("1.01.2.01", 90.0), ("1.01", 110.0)):
        assert ang[kode]["Capaian kinerja (%)"].value == pytest.approx(capaian)
        assert beranda.loc[kode, "capaian"] == pytest.approx(capaian)
        assert ang[kode]["Indeks efisiensi"].value == pytest.approx(
            beranda.loc[kode, "indeks_efisiensi"]
        )
    # Kegiatan B has no indicator of its own: empty in both, never its sub kegiatan's
    assert ang["1.01.2.02"]["Capaian kinerja (%)"].value is None
    assert pd.isna(beranda.loc["1.01.2.02", "capaian"])


def test_page_tahunan_option_adds_the_other_indicators(app_db):
    """Laporan kinerja, Laporan tahunan: the option appears for the annual report only and
    puts the program, kegiatan and sub kegiatan indicators into Tabel 3.1 on screen."""
    at = login("kadis")
    _open_url(at, "laporan")
    assert not at.checkbox  # not for a quarterly report
    at.selectbox(key="lap_jenis").select("tahunan").run()
    pilih = at.checkbox(key="lap_semua")
    assert pilih.label == "Tabel 3.1: sertakan indikator program, kegiatan dan sub kegiatan"
    tombol(at).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    judul = [m.value for m in at.markdown]
    assert any("Tabel 3.1 Capaian kinerja sasaran strategis" in j for j in judul)
    hanya_utama = len(at.dataframe[0].value)
    pilih.check().run()
    tombol(at).click().run()
    assert not at.exception
    assert len(at.dataframe[0].value) > hanya_utama
    assert any("(kegiatan)" in str(v) for v in at.dataframe[0].value["Indikator"])
