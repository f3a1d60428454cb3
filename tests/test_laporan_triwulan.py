"""Quarterly and semester reports against hand computations (issue 18): an annual-only target
assessed at TW IV like the LKj, every indicator accounted for in the per-unit summary, and a
negatif SUM indicator's progress read as the share of its annual ceiling used."""

from __future__ import annotations

import pytest

from dashboard.akun.akses import SISTEM
from dashboard.laporan import layanan_laporan as svc

from .test_laporan import _build, _p, _sheet, _teks_pdf


@pytest.fixture
def toko(con):
    """Dinas X of test_laporan plus A3, an IKM of Bidang A with only an annual target (2025:
    75, realised 80 in TW IV; 2026: 80, realised 78 in TW I), and B2, cases of Bidang B,
    negatif SUM with a ceiling of 100 a year (25 a quarter), 30 cases in TW I 2026."""
    _build(con)
    x = con.execute
    for i, unit, kode, satuan, pol, agr in (
        (4, 1, "A3", "indeks", "positif", "LAST"),
        (5, 2, "B2", "kasus", "negatif", "SUM"),
    ):
        x(
            "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, "
            "polaritas, cara_agregasi, sasaran_id) VALUES (?, 1, ?, ?, ?, 'IKU', ?, ?, ?, 1)",
            [i, unit, kode, f"Indikator {kode}", satuan, pol, agr],
        )
    x("INSERT INTO target VALUES (4, 2025, 0, 75, NULL), (4, 2026, 0, 80, NULL)")
    x("INSERT INTO target VALUES (5, 2026, 0, 100, NULL)")
    for q in range(1, 5):
        x("INSERT INTO target VALUES (5, 2026, ?, 25, NULL)", [q])
    x(
        "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan) VALUES "
        "(4, 2025, 4, 80, 'survei IKM 2025'), (4, 2026, 1, 78, 'survei awal'), "
        "(5, 2026, 1, 30, 'lonjakan musim hujan')"
    )
    return con


def test_annual_only_target_is_assessed_at_tw_iv_as_in_the_lkj(toko):
    """A3 2025: 80 against the annual 75 = 106,67 %, Sangat Tinggi, in the TW IV report and
    in the LKj alike (it read Tidak Ada Target in the quarterly report)."""
    tw4 = svc.dokumen_laporan(toko, SISTEM, _p("triwulan", 2025, 4), "xlsx")
    _, _, header, rows = _sheet(tw4.isi, "Capaian")
    a3 = rows["A3"]
    assert a3["Target s.d. TW IV"].value == 75
    assert a3["Capaian (%)"].value == pytest.approx(80 / 75 * 100)
    assert a3["Kategori"].value == "Sangat Tinggi"
    lkj = svc.dokumen_laporan(toko, SISTEM, _p("tahunan", 2025), "xlsx")
    _, _, _, th = _sheet(lkj.isi, "Capaian tahunan")
    assert th["A3"]["Capaian (%)"].value == pytest.approx(a3["Capaian (%)"].value)
    assert th["A3"]["Predikat"].value == "Sangat Tinggi"  # Tabel 3.1 (LKj Bab III) says Predikat
    sem = svc.dokumen_laporan(toko, SISTEM, _p("semester", 2025, 2), "xlsx")
    _, _, _, s2 = _sheet(sem.isi, "Capaian")
    assert s2["A3"]["Capaian (%)"].value == pytest.approx(80 / 75 * 100)


def test_every_indicator_is_accounted_for_in_the_unit_summary(toko):
    """TW I 2026, Bidang A: A1 (1.800 / 2.000 = 90 %, Tinggi), A2 (18 / 20 = 90 %, Tinggi),
    A3 (realised, annual target only: Tidak Ada Target) = 3 indicators, 3 counted; Bidang B:
    B1 (80 %, Tinggi), B2 (80 %, Tinggi). Instansi: 5 of 5."""
    dok = svc.dokumen_laporan(toko, SISTEM, _p("triwulan", 2026, 1), "xlsx")
    _, _, header, rows = _sheet(dok.isi, "Ringkasan")
    assert "Tidak Ada Target" in header
    hitung = [*(h for h in header[header.index("Kategori") + 1 :] if h)]
    assert hitung[-4:] == [
        "Sangat Rendah",
        "Belum Diisi",
        "Belum Dapat Dinilai",
        "Tidak Ada Target",
    ]
    for unit, jumlah, tinggi, tanpa in (
        ("Bidang A", 3, 2, 1),
        ("Bidang B", 2, 2, 0),
        ("Jumlah / rata-rata instansi", 5, 4, 1),
    ):
        r = rows[unit]
        assert r["Jumlah indikator"].value == jumlah
        assert r["Tinggi"].value == tinggi and r["Tidak Ada Target"].value == tanpa
        assert sum(r[h].value or 0 for h in hitung) == jumlah, unit
    sem = svc.dokumen_laporan(toko, SISTEM, _p("semester", 2026, 1), "xlsx")
    _, _, header, rows = _sheet(sem.isi, "Ringkasan")
    a = rows["Bidang A"]
    assert sum(a[h].value or 0 for h in header[header.index("Kategori") + 1 :] if h) == 3


def test_negatif_sum_progress_reads_as_ceiling_used(toko):
    """B2, TW I 2026: 30 cases, quarter ceiling 25, annual 100: capaian (50 - 30) / 25 = 80 %,
    progres tahunan 30 % of the ceiling used (it read 170 %), marked and explained."""
    dok = svc.dokumen_laporan(toko, SISTEM, _p("triwulan", 2026, 1), "xlsx")
    ws, baris, _, rows = _sheet(dok.isi, "Capaian")
    b2 = rows["B2"]
    assert b2["Capaian (%)"].value == pytest.approx(80)
    assert b2["Progres tahunan (%)"].value == pytest.approx(30)
    assert b2["Indikator"].value == "Indikator B2 *)"
    assert rows["B1"]["Indikator"].value == "Indikator B1"  # negatif LAST: a level, no mark
    catatan = [str(ws.cell(r, 1).value) for r in range(baris + 1, ws.max_row + 1)]
    assert any(c.startswith("*) Indikator negatif yang dijumlahkan") for c in catatan)
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, _p("triwulan", 2026, 1), "pdf").isi)
    assert "bagian batas tahunan yang sudah terpakai" in teks and "170,00%" not in teks
