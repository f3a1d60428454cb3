"""Real published capaian tables reproduced by the product (issue 13, "Done when").

The sources, with their citations and each agency's rule, are in tests/data/lkj_publikasi.py:
Kabupaten Manggarai Timur (LKjIP 2019, negatif rumus B), Provinsi Lampung (LKj 2015, negatif
rumus A), Polresta Bogor Kota (LKIP 2020, positif), SPKT Polda Jawa Tengah (2018, positif),
Kanwil DJBC Aceh (NKO 2019, positif, capaian capped at 120 %) and Inspektorat Daerah Kabupaten
Sampang (LKjIP 2019, a scale capped at 100, a row without realisation).

Two tests per source:
- `test_mesin_*`: the engine (capaian.capaian) on the published target and realisation gives
  the published capaian, row by row; passes on its own.
- `test_buku_kerja_*`: an empty store, `python -m dashboard init`, `admin-baru` (password from
  MONEV_SANDI_BARU), `impor-rencana` of a plan workbook written with openpyxl in the public sheet
  interface of issue 13, then `report tahunan` for each year: the "Capaian tahunan" sheet gives
  the published capaian. Needs the `admin-baru` and `impor-rencana` commands.

A published figure counts as reproduced when the product's value, rounded half up to the
decimals the publication prints (two at most), equals it. The rows the product does not
reproduce are listed in TIDAK_DIREPRODUKSI with the reason; the tests assert that exactly those
rows differ, so the list can neither grow nor go stale silently.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from dashboard.capaian import capaian as engine
from dashboard.inti import config
from dashboard.inti.formats import parse_angka
from tests.data.lkj_publikasi import SUMBER

# (source, indicator code, year) -> why the product's figure differs from the printed one.
TIDAK_DIREPRODUKSI: dict[tuple[str, str, int], str] = {
    ("MATIM_2019", "IKU-5.1", 2019): (
        "Pembulatan dalam publikasi: tabel mencetak target 0,16 dan realisasi 0,19, tetapi "
        "capaian 87,10 dihitung dari angka tak dibulatkan di teks (162 dan 186 per 100.000 KH: "
        "162 / 186 = 87,10 %). Dari angka tabel, rumus B memberi 0,16 / 0,19 = 84,21 %; dengan "
        "162 dan 186 produk memberi 87,10 % (diuji di test_mesin)."
    ),
    ("MATIM_2019", "IKU-5.3", 2019): (
        "Salah cetak dalam publikasi: realisasi 0,18 jauh di bawah target 0,64 pada indikator "
        "negatif, jadi capaian di atas 100 %; rumus B memberi 355,56 % (produk membatasi rumus "
        "B pada 200 %, nilai R = 0) dan rumus A 171,88 %. Angka 72,52 tidak dapat diturunkan "
        "dari target dan realisasi yang dicetak."
    ),
    ("MATIM_2019", "rata-rata", 2019): (
        "Pemotongan dalam publikasi: rata-rata 87,10; 96,54; 72,52 adalah 85,3867, dicetak "
        "85,38 (dipotong); produk membulatkan setengah ke atas: 85,39."
    ),
    ("POLDAJATENG_2018", "IKU-1", 2018): (
        "Pemotongan dalam publikasi: 90,83 / 65 = 139,7385 %, dicetak 139,73 (dipotong); "
        "produk membulatkan setengah ke atas dua desimal: 139,74."
    ),
    ("DJBC_ACEH_2019", "IKU-1a-CP", 2019): (
        "Aturan: Kementerian Keuangan membatasi capaian IKU pada 120 % di kolom capaian "
        "(90 / 70 = 128,57 % dicetak 120 %). Produk menyimpan dan mencetak capaian tanpa batas "
        "(docs/DOMAIN.md §4.1); batas 120 adalah batas skor instansi (halaman Skala kategori) "
        "yang dipakai pada rata-rata dan predikat: rata-rata dengan batas skor 120 memberi 120 "
        "(diuji di test_mesin)."
    ),
}

# The Permendagri 86/2017 bands worded as many agencies print them (the "Sangat Baik" preset),
# lower bounds high to low; the lowest band has none.
BANDS_BAIK = (
    ("Sangat Baik", 91),
    ("Baik", 76),
    ("Cukup", 66),
    ("Kurang", 51),
    ("Sangat Kurang", None),
)


def _angka(teks: str | None) -> float | None:
    return None if teks is None else parse_angka(teks)


def _bulat(nilai: float, desimal: int) -> Decimal:
    """Round half up, as the product shows a value (docs/DOMAIN.md §4.6)."""
    return Decimal(repr(nilai)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def kategori_baik(nilai: float) -> str:
    """The category of a value as shown (rounded half up to two decimals, docs/DOMAIN.md §4.6)
    on the Sangat Baik .. Sangat Kurang wording of the Permendagri bands."""
    tampil = _bulat(nilai, 2)
    return next(nama for nama, bawah in BANDS_BAIK if bawah is None or tampil >= bawah)


def sama_dengan_cetakan(nilai: float | None, dicetak: str | None) -> bool:
    """The product's value, rounded to the decimals printed (two at most), equals the print."""
    if dicetak is None or nilai is None:
        return dicetak is None and nilai is None
    pecahan = dicetak.split(",")[1] if "," in dicetak else ""
    desimal = min(len(pecahan), 2)
    return _bulat(nilai, desimal) == Decimal(dicetak.replace(".", "").replace(",", "."))


def _baris(kunci: str):
    for b in SUMBER[kunci]["baris"]:
        yield (kunci, b["kode"], b["tahun"]), b


def _hitung(b: dict) -> float | None:
    """Annual capaian of one published row through the engine: the progres tahunan at TW IV,
    quarterly figures included where the source prints them (LAST: levels)."""
    ind = engine.Indikator(
        polaritas=b["polaritas"],
        cara_agregasi=engine.Agregasi.LAST,
        rumus_negatif=b["rumus_negatif"] or "A",
    )
    tw_t = [_angka(t) for t in b.get("target_tw", (None, None, None, b["target"]))]
    tw_r = [_angka(r) for r in b.get("realisasi_tw", (None, None, None, b["realisasi"]))]
    h = engine.hitung_triwulan(ind, 4, tw_r, tw_t, _angka(b["target"]))
    return h.progres_tahunan if h.status_tahunan == engine.Status.DINILAI else None


# ------------------------------------------------------------------ engine, every row


@pytest.mark.parametrize("kunci", sorted(SUMBER))
def test_mesin_mereproduksi_tabel_publikasi(kunci):
    beda = set()
    for id_baris, b in _baris(kunci):
        if not sama_dengan_cetakan(_hitung(b), b["capaian"]):
            beda.add(id_baris)
    diharapkan = {k for k in TIDAK_DIREPRODUKSI if k[0] == kunci and k[1] != "rata-rata"}
    assert beda == diharapkan


def test_mesin_aturan_yang_dinyatakan_sumber():
    """What the sources state beside their tables."""
    # Manggarai Timur: from the unrounded figures of the text, rumus B gives the printed 87,10
    aki = SUMBER["MATIM_2019"]["baris"][0]
    t, r = _angka(aki["target_teks"]), _angka(aki["realisasi_teks"])
    nilai = engine.capaian(t, r, "negatif", "B")
    assert sama_dengan_cetakan(nilai, aki["capaian"])
    assert kategori_baik(_angka(aki["capaian"])) == aki["predikat"]
    # ... and the printed mean is cut off, not rounded
    rata = SUMBER["MATIM_2019"]["rata_rata"]
    dicetak = [_angka(b["capaian"]) for b in SUMBER["MATIM_2019"]["baris"]]
    nilai = engine.rata_rata_capaian(dicetak)
    assert not sama_dengan_cetakan(nilai, rata["dicetak"])
    assert ("MATIM_2019", "rata-rata", 2019) in TIDAK_DIREPRODUKSI
    assert _bulat(nilai, 2) == Decimal("85.39")
    assert kategori_baik(nilai) == rata["predikat"]
    assert kategori_baik(90.996) == "Sangat Baik"  # "91,00%" is never Baik
    # Lampung: rumus A against the Renstra 2019 target, and the category printed
    akb = SUMBER["LAMPUNG_2015"]["baris"][0]
    renstra = engine.capaian(_angka(akb["renstra_2019"]), _angka(akb["realisasi"]), "negatif", "A")
    assert sama_dengan_cetakan(renstra, akb["capaian_renstra"])
    assert engine.kategori(_hitung(akb)) == akb["predikat"]
    # DJBC: the 120 % cap is the scoring cap; in a mean the capped row counts 120
    djbc = SUMBER["DJBC_ACEH_2019"]
    iku1 = djbc["baris"][0]
    assert _bulat(_hitung(iku1), 2) == Decimal("128.57")
    assert engine.rata_rata_capaian([_hitung(iku1)], djbc["aturan"]["batas_skor"]) == 120.0
    assert sama_dengan_cetakan(
        engine.rata_rata_capaian([_hitung(iku1)], djbc["aturan"]["batas_skor"]), iku1["capaian"]
    )
    # Sampang: a scale capped at 100; the row without realisation is not assessed (n/a)
    sampang = SUMBER["SAMPANG_2019"]
    assert engine.rata_rata_capaian([150.0, 80.0], sampang["aturan"]["batas_skor"]) == 90.0
    b = sampang["baris"][0]
    h = engine.hitung_triwulan(
        engine.Indikator(cara_agregasi="LAST"), 4, [None] * 4, [None] * 3 + [55.0], 55.0
    )
    assert h.status == engine.Status.BELUM_DIISI and h.capaian is None and b["capaian"] is None


# ------------------------------------------------------------------ workbook, import, report

SANDI = "Rahasia2026x"


def _lembar(wb, nama: str, kolom: list[str], baris: list[list]) -> None:
    ws = wb.create_sheet(nama)
    ws.append(kolom)
    for r in baris:
        ws.append(r)


def buku_kerja_rencana(kunci: str, teks_indonesia: bool = False) -> bytes:
    """The agency's plan as the issue-13 workbook: Instansi, Unit, Rencana (one tujuan, one
    sasaran), Indikator, Target (annual, TW IV or all quarters), Realisasi (TW IV or all
    quarters), Anggaran (empty). `teks_indonesia` writes numbers as text ("4,88")."""
    s = SUMBER[kunci]
    ki = s["kode_instansi"]

    def n(teks):
        if teks is None:
            return None
        return teks if teks_indonesia else parse_angka(teks)

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _lembar(
        wb,
        "Instansi",
        ["Kode", "Nama", "Pemda", "Alamat", "Kota", "Nama Kepala", "Jabatan Kepala", "NIP Kepala"],
        [[ki, s["instansi"][:200], s["instansi"][:200], None, None, None, "Kepala", None]],
    )
    _lembar(wb, "Unit", ["Kode Instansi", "Kode", "Nama", "Jenis"], [[ki, "U1", "Unit", "Bidang"]])
    _lembar(
        wb,
        "Rencana",
        ["Kode Instansi", "Tingkat", "Kode", "Nama", "Kode Induk"],
        [
            [ki, "Tujuan", "T1", s["sasaran"], None],
            [ki, "Sasaran", "S1", s["sasaran"], "T1"],
        ],
    )
    indikator, target, realisasi = {}, [], []
    for b in s["baris"]:
        indikator[b["kode"]] = [
            ki,
            b["kode"],
            b["indikator"],
            b["satuan"],
            "IKU",
            "S1",
            "U1",
            b["polaritas"],
            b["rumus_negatif"],
            "LAST",
            None,
            s["dokumen"][:200],
            None,
        ]
        tw = b.get("target_tw", (None, None, None, b["target"]))
        target.append(
            [ki, b["kode"], b["tahun"], n(b["target"]), None, *(n(t) for t in tw)]
            + [None] * 4
            + [None]
        )
        for i, r in enumerate(b.get("realisasi_tw", (None, None, None, b["realisasi"])), 1):
            if r is not None:
                realisasi.append([ki, b["kode"], b["tahun"], i, n(r), None])
    _lembar(
        wb,
        "Indikator",
        [
            "Kode Instansi",
            "Kode",
            "Nama",
            "Satuan",
            "Jenis",
            "Kode Rencana",
            "Kode Unit",
            "Polaritas",
            "Rumus Negatif",
            "Cara Agregasi",
            "Definisi",
            "Sumber Data",
            "Baseline",
        ],
        list(indikator.values()),
    )
    _lembar(
        wb,
        "Target",
        [
            "Kode Instansi",
            "Kode Indikator",
            "Tahun",
            "Tahunan",
            "Tahunan Atas",
            "TW I",
            "TW II",
            "TW III",
            "TW IV",
            "TW I Atas",
            "TW II Atas",
            "TW III Atas",
            "TW IV Atas",
            "Renstra",
        ],
        target,
    )
    _lembar(
        wb,
        "Realisasi",
        ["Kode Instansi", "Kode Indikator", "Tahun", "Triwulan", "Nilai", "Catatan"],
        realisasi,
    )
    _lembar(
        wb,
        "Anggaran",
        [
            "Kode Instansi",
            "Kode Rencana",
            "Tahun",
            "Pagu",
            "Realisasi TW I",
            "Realisasi TW II",
            "Realisasi TW III",
            "Realisasi TW IV",
        ],
        [],
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _jalankan(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MONEV_DB": str(db), "MONEV_SANDI_BARU": SANDI}
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, f"{args}: {out.stdout}\n{out.stderr}"
    return out


def capaian_laporan(isi: Path) -> dict[str, float | None]:
    """{kode indikator: Capaian (%)} from the "Capaian tahunan" sheet of the annual report."""
    ws = openpyxl.load_workbook(isi)["Capaian tahunan"]
    baris = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
    header = [c.value for c in ws[baris]]
    kode, nilai = header.index("Kode") + 1, header.index("Capaian (%)") + 1
    return {
        ws.cell(r, kode).value: ws.cell(r, nilai).value
        for r in range(baris + 1, ws.max_row + 1)
        if ws.cell(r, kode).value
    }


@pytest.mark.parametrize("kunci", sorted(SUMBER))
def test_buku_kerja_impor_dan_laporan_tahunan(kunci, tmp_path):
    s = SUMBER[kunci]
    db = tmp_path / "instansi.duckdb"
    berkas = tmp_path / "rencana.xlsx"
    # Lampung's workbook carries Indonesian number text, the others Excel numbers
    berkas.write_bytes(buku_kerja_rencana(kunci, teks_indonesia=kunci == "LAMPUNG_2015"))
    _jalankan(db, "init")
    _jalankan(db, "admin-baru", "--username", "admin", "--nama", "Administrator")
    _jalankan(db, "impor-rencana", str(berkas), "--periksa")
    _jalankan(db, "impor-rencana", str(berkas))
    beda = set()
    for tahun in sorted({b["tahun"] for b in s["baris"]}):
        out = tmp_path / f"lkj-{tahun}.xlsx"
        _jalankan(
            db,
            "report",
            "tahunan",
            "--instansi",
            s["kode_instansi"],
            "--tahun",
            str(tahun),
            "--tanggal",
            "2026-01-31",
            "--out",
            str(out),
        )
        laporan = capaian_laporan(out)
        for id_baris, b in _baris(kunci):
            if b["tahun"] != tahun:
                continue
            assert b["kode"] in laporan, f"{b['kode']} tidak ada di laporan {tahun}"
            if not sama_dengan_cetakan(laporan[b["kode"]], b["capaian"]):
                beda.add(id_baris)
    assert beda == {k for k in TIDAK_DIREPRODUKSI if k[0] == kunci and k[1] != "rata-rata"}
