"""The plan workbook (issue 13, item 3): template -> fill -> import, all or nothing, matched by
kode, every bad input with its message by sheet, row and column and nothing applied; the xlsx
safety checks (size, zip bomb, formulas in any attribute order, external links)."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.cli import main
from dashboard.inti import config, store, ui, xlsx_aman
from dashboard.pengumpulan import excel_entri
from dashboard.rencana import layanan_impor as ri
from dashboard.rencana import rencana_xlsx

from .conftest import login

KI = "DISKOMINFO"
DATA = {
    "Instansi": [
        (
            KI,
            "Dinas Komunikasi dan Informatika",
            "Kota Contoh",
            "Jl. Merdeka 1",
            "Contoh",
            "Budi Santoso",
            "Kepala Dinas",
            "197501012000031001",
        ),
    ],
    "Unit": [(KI, "SEK", "Sekretariat", "Sekretariat"), (KI, "TIK", "Bidang TIK", "Bidang")],
    "Rencana": [
        (KI, "Tujuan", "T1", "Meningkatkan tata kelola pemerintahan", None),
        (KI, "Sasaran", "S1", "Meningkatnya kualitas SPBE", "T1"),
        (KI, "Program", "2.16.02", "Program Pengelolaan Informasi", "S1"),
        (KI, "Kegiatan", "2.16.02.2.01", "Pengelolaan Informasi Publik", "2.16.02"),
        (KI, "Sub Kegiatan", "2.16.02.2.01.0001", "Layanan Informasi", "2.16.02.2.01"),
    ],
    "Indikator": [
        (
            KI,
            "IKU1",
            "Indeks SPBE",
            "indeks",
            "IKU",
            "S1",
            "TIK",
            "positif",
            None,
            "LAST",
            "Indeks hasil evaluasi",
            "KemenPAN-RB",
            "2,5",
        ),
        (
            KI,
            "P1",
            "Persentase layanan daring",
            "%",
            "Program",
            "2.16.02",
            "TIK",
            None,
            None,
            None,
            None,
            None,
            None,
        ),
    ],
    "Target": [
        (KI, "IKU1", 2025, "3,1", None, 2.5, 2.7, 2.9, "3,1", None, None, None, None, 3.5),
        (KI, "P1", 2025, 100, None, 25, 25, 25, 25, None, None, None, None, None),
    ],
    "Realisasi": [(KI, "IKU1", 2025, 1, 2.6, "sesuai rencana"), (KI, "P1", 2025, 1, "24,5", None)],
    "Anggaran": [(KI, "2.16.02.2.01.0001", 2025, "1.500.000.000", 300_000_000, None, None, None)],
}
TABEL = [
    *("instansi", "unit", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"),
    *("indikator", "target", "target_renstra", "realisasi", "realisasi_riwayat", "anggaran"),
    *("realisasi_anggaran", "periode", "pengajuan", "event"),
]


def isi(data: dict[str, list[tuple]], ubah=None) -> bytes:
    """The empty template filled with rows, as an agency would."""
    wb = load_workbook(io.BytesIO(rencana_xlsx.templat()))
    for lembar, baris in data.items():
        for r in baris:
            wb[lembar].append(list(r))
    if ubah:
        ubah(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def hitung(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABEL}


def dengan(lembar: str, baris: list[tuple], dasar: dict | None = None) -> dict:
    d = {k: list(v) for k, v in (dasar or DATA).items()}
    d[lembar] = baris
    return d


def pesan(hasil: ri.HasilImpor) -> list[tuple[str, int, str, str]]:
    return [(m.lembar, m.baris, m.kolom, m.pesan) for m in hasil.masalah]


@pytest.fixture
def kosong(con):
    return con


# ---------------------------------------------------------------- round trip, idempotence


def test_template_has_instructions_and_every_sheet_with_exact_columns():
    wb = load_workbook(io.BytesIO(rencana_xlsx.templat()))
    assert wb.sheetnames == ["Petunjuk", *rencana_xlsx.LEMBAR]
    assert "seluruhnya atau tidak sama sekali" in " ".join(
        str(c.value) for c in wb["Petunjuk"]["A"] if c.value
    )
    kolom = {n: tuple(c.value for c in wb[n][1]) for n in rencana_xlsx.LEMBAR}
    assert kolom["Instansi"] == (
        "Kode",
        "Nama",
        "Pemda",
        "Alamat",
        "Kota",
        "Nama Kepala",
        "Jabatan Kepala",
        "NIP Kepala",
    )
    assert kolom["Target"][-1] == "Renstra" and kolom["Anggaran"][3] == "Pagu"
    assert kolom == rencana_xlsx.LEMBAR
    assert xlsx_aman.periksa(rencana_xlsx.templat()).aman


def test_round_trip_loads_the_whole_plan_then_twice_changes_nothing(kosong):
    con = kosong
    data = isi(DATA)
    h = ri.impor_rencana(con, SISTEM, data, setujui_peringatan=True)
    assert h.diterapkan and not h.masalah, pesan(h)
    assert {k: c["baru"] for k, c in h.hitungan.items()} == {
        "Instansi": 1,
        "Unit": 2,
        "Rencana": 5,
        "Indikator": 2,
        "Target": 2,
        "Realisasi": 2,
        "Anggaran": 1,
    }
    ind = con.execute(
        "SELECT kode, jenis, pk, sasaran_id IS NOT NULL, program_id IS NOT NULL, baseline, "
        "target_renstra, cara_agregasi, polaritas FROM indikator ORDER BY kode"
    ).fetchall()
    assert ind == [
        ("IKU1", "IKU", True, True, False, 2.5, 3.5, "LAST", "positif"),
        ("P1", "program", False, False, True, None, None, "SUM", "positif"),
    ]
    assert con.execute(
        "SELECT triwulan, nilai FROM target t JOIN indikator i ON i.id = t.indikator_id "
        "WHERE i.kode = 'IKU1' ORDER BY triwulan"
    ).fetchall() == [(0, 3.1), (1, 2.5), (2, 2.7), (3, 2.9), (4, 3.1)]
    assert con.execute("SELECT tahun, nilai FROM target_renstra").fetchall() == [(2025, 3.5)]
    assert con.execute("SELECT pagu FROM anggaran").fetchone()[0] == 1_500_000_000
    assert con.execute("SELECT triwulan, nilai FROM realisasi_anggaran").fetchall() == [
        (1, 300_000_000)
    ]
    # realisations arrive signed, in a closed period, with the importer named
    assert con.execute("SELECT status FROM periode").fetchall() == [("ditutup",)]
    assert con.execute("SELECT status, diajukan_oleh FROM pengajuan").fetchall() == [
        ("disahkan", "sistem")
    ]
    assert con.execute("SELECT list_sort(list(nilai)) FROM realisasi").fetchone()[0] == [2.6, 24.5]
    ev = con.execute("SELECT pengguna, ke, catatan FROM event WHERE jenis = 'diimpor'").fetchall()
    assert len(ev) == 1 and ev[0][:2] == ("sistem", "disahkan") and "diimpor oleh" in ev[0][2]
    assert con.execute("SELECT DISTINCT sumber FROM realisasi_riwayat").fetchall() == [("impor",)]
    sebelum = hitung(con)
    h2 = ri.impor_rencana(con, SISTEM, data)
    assert h2.diterapkan and not h2.peringatan
    assert all(c["baru"] == c["diubah"] == 0 for c in h2.hitungan.values())
    assert hitung(con) == sebelum


def test_changed_names_and_values_update_matched_by_kode(kosong):
    con = kosong
    ri.impor_rencana(con, SISTEM, isi(DATA))
    d = dengan("Unit", [(KI, "SEK", "Sekretariat Dinas", "Sekretariat"), DATA["Unit"][1]])
    d["Realisasi"] = [(KI, "IKU1", 2025, 1, 2.65, "sesuai rencana"), DATA["Realisasi"][1]]
    sebelum = hitung(con)
    h = ri.impor_rencana(con, SISTEM, isi(d))
    assert h.diterapkan and h.hitungan["Unit"]["diubah"] == 1 and h.hitungan["Unit"]["tetap"] == 1
    assert h.hitungan["Realisasi"]["diubah"] == 1
    assert con.execute("SELECT nama FROM unit WHERE kode = 'SEK'").fetchone()[0] == (
        "Sekretariat Dinas"
    )
    sesudah = hitung(con)
    assert sesudah["unit"] == sebelum["unit"] and sesudah["pengajuan"] == sebelum["pengajuan"]
    assert sesudah["realisasi_riwayat"] == sebelum["realisasi_riwayat"] + 1


def test_periksa_only_applies_nothing(kosong):
    sebelum = hitung(kosong)
    h = ri.impor_rencana(kosong, SISTEM, isi(DATA), terapkan=False)
    assert not h.diterapkan and h.hitungan["Rencana"]["baru"] == 5
    assert hitung(kosong) == sebelum


# ---------------------------------------------------------------- bad input: message, nothing


BURUK = [
    (
        "instansi tidak dikenal",
        dengan("Unit", [("ENTAH", "SEK", "Sekretariat", "Sekretariat")]),
        ("Unit", 2, "Kode Instansi", "tidak dikenal"),
    ),
    (
        "target ganda",
        dengan("Target", [DATA["Target"][1], DATA["Target"][1]]),
        ("Target", 3, "Kode Indikator", "'P1 / 2025' ganda"),
    ),
    (
        "kode ganda",
        dengan("Indikator", [DATA["Indikator"][0], DATA["Indikator"][0]]),
        ("Indikator", 3, "Kode", "ganda"),
    ),
    (
        "induk tidak ada",
        dengan("Rencana", [*DATA["Rencana"][:2], (KI, "Program", "P9", "Program X", "S9")]),
        ("Rencana", 4, "Kode Induk", "tidak ada"),
    ),
    (
        "siklus",
        dengan(
            "Rencana",
            [(KI, "Sasaran", "SA", "Sasaran A", "SB"), (KI, "Sasaran", "SB", "Sasaran B", "SA")],
        ),
        ("Rencana", 2, "Kode Induk", "siklus"),
    ),
    (
        "tingkat induk salah",
        dengan("Rencana", [*DATA["Rencana"][:2], (KI, "Kegiatan", "K9", "Kegiatan X", "S1")]),
        ("Rencana", 4, "Kode Induk", "harus di bawah Program"),
    ),
    (
        "unit indikator tidak dikenal",
        dengan(
            "Indikator",
            [(KI, "X1", "Indikator X", "%", "IKK", None, "ENTAH", *[None] * 6)],
        ),
        ("Indikator", 2, "Kode Unit", "tidak dikenal"),
    ),
    (
        "jenis tidak dikenal",
        dengan("Indikator", [(KI, "X1", "Indikator X", "%", "Utama", None, "TIK", *[None] * 6)]),
        ("Indikator", 2, "Jenis", "pilih salah satu"),
    ),
    (
        "angka di luar batas",
        dengan("Anggaran", [(KI, "2.16.02.2.01.0001", 2025, 2e15, None, None, None, None)]),
        ("Anggaran", 2, "Pagu", "di luar batas"),
    ),
    (
        "bukan angka",
        dengan("Realisasi", [(KI, "IKU1", 2025, 1, "dua koma", None)]),
        ("Realisasi", 2, "Nilai", "bukan angka"),
    ),
    (
        "anggaran bukan sub kegiatan",
        dengan("Anggaran", [(KI, "2.16.02", 2025, 100, None, None, None, None)]),
        ("Anggaran", 2, "Kode Rencana", "adalah Program"),
    ),
    (
        "target tunggal dan rentang dicampur",
        dengan("Target", [(KI, "P1", 2025, 100, 110, 25, 25, 25, 25, *[None] * 5)]),
        ("Target", 2, "Tahunan", "tidak boleh dicampur"),
    ),
    (
        "target triwulan tanpa tahunan",
        dengan("Target", [(KI, "P1", 2025, None, None, 25, 25, 25, 25, *[None] * 5)]),
        ("Target", 2, "Tahunan", "wajib diisi"),
    ),
    (
        "kode wajib",
        dengan("Unit", [(KI, None, "Sekretariat", "Sekretariat")]),
        ("Unit", 2, "Kode", "wajib diisi"),
    ),
]


@pytest.mark.parametrize("nama,data,harapan", BURUK, ids=[b[0] for b in BURUK])
def test_bad_input_has_its_message_and_nothing_is_applied(kosong, nama, data, harapan):
    sebelum = hitung(kosong)
    h = ri.impor_rencana(kosong, SISTEM, isi(data), setujui_peringatan=True)
    assert not h.diterapkan
    lembar, baris, kolom, teks = harapan
    assert any(
        m.lembar == lembar and m.baris == baris and m.kolom == kolom and teks in m.pesan
        for m in h.masalah
    ), pesan(h)
    assert hitung(kosong) == sebelum


def test_every_problem_is_listed_not_only_the_first(kosong):
    d = dengan("Unit", [("ENTAH", "A", "Unit A", "Bidang"), (KI, "B", "Unit B", "Kantor")])
    d["Realisasi"] = [(KI, "IKU1", 2025, 5, 1, None)]
    h = ri.impor_rencana(kosong, SISTEM, isi(d))
    tempat = {(m.lembar, m.baris, m.kolom) for m in h.masalah}
    assert {("Unit", 2, "Kode Instansi"), ("Unit", 3, "Jenis"), ("Realisasi", 2, "Triwulan")} <= (
        tempat
    )


@pytest.mark.parametrize("teks", [b"inf", b"-inf", b"NaN", b"1e400"])
def test_non_finite_number_is_refused_per_cell(kosong, teks):
    def lima(wb):
        wb["Anggaran"]["D2"].value = 5

    data = isi(DATA, lima)
    bagian = _bagian_lembar(data, "Anggaran")
    data = _ganti_xml(data, bagian, lambda x: x.replace(b"<v>5</v>", b"<v>" + teks + b"</v>", 1))
    sebelum = hitung(kosong)
    h = ri.impor_rencana(kosong, SISTEM, data)
    assert not h.diterapkan
    assert [p[:3] for p in pesan(h)] == [("Anggaran", 2, "Pagu")], pesan(h)
    # batas.periksa_angka: infinity is beyond the bound, NaN is no number
    assert any(k in pesan(h)[0][3] for k in ("di luar batas", "bukan angka")), pesan(h)
    assert hitung(kosong) == sebelum


def test_missing_column_is_named(kosong):
    def hapus(wb):
        wb["Unit"]["D1"].value = "Jenis Unit"

    h = ri.impor_rencana(kosong, SISTEM, isi(DATA, hapus))
    assert pesan(h)[0][:3] == ("Unit", 1, "Jenis") and not h.diterapkan
    assert hitung(kosong)["unit"] == 0


def test_target_warning_needs_consent(kosong):
    d = dengan("Target", [(KI, "P1", 2025, 100, None, 25, 25, 25, 20, *[None] * 5)])
    sebelum = hitung(kosong)
    h = ri.impor_rencana(kosong, SISTEM, isi(d))
    assert not h.diterapkan and not h.masalah
    assert h.peringatan[0].lembar == "Target" and "jumlah target TW I-IV" in h.peringatan[0].pesan
    assert hitung(kosong) == sebelum
    assert ri.impor_rencana(kosong, SISTEM, isi(d), setujui_peringatan=True).diterapkan


# ---------------------------------------------------------------- realisations vs the workflow


@pytest.fixture
def demo(demo_con):
    kode = demo_con.execute("SELECT kode FROM instansi ORDER BY id LIMIT 1").fetchone()[0]
    ind = demo_con.execute(
        "SELECT i.kode, u.kode FROM indikator i JOIN unit u ON u.id = i.unit_id "
        "WHERE u.kode = 'DEP' ORDER BY i.id LIMIT 1"
    ).fetchone()
    return demo_con, kode, ind[0]


def _realisasi(kode, ind, tahun, tw, nilai):
    return {"Realisasi": [(kode, ind, tahun, tw, nilai, None)]}


def test_realisation_refused_for_an_open_period(demo):
    con, kode, ind = demo
    sebelum = hitung(con)
    h = ri.impor_rencana(con, SISTEM, isi(_realisasi(kode, ind, 2026, 3, 1)))
    assert pesan(h)[0][:3] == ("Realisasi", 2, "Triwulan") and "sedang dibuka" in pesan(h)[0][3]
    assert hitung(con) == sebelum


def test_realisation_refused_while_a_submission_is_in_progress(demo):
    con, kode, _ = demo
    pka = con.execute(
        "SELECT i.kode FROM indikator i JOIN unit u ON u.id = i.unit_id WHERE u.kode = 'PKA' "
        "LIMIT 1"
    ).fetchone()[0]
    # close TW III so only the submission (PKA: diajukan) stands in the way
    con.execute("UPDATE periode SET status = 'ditutup' WHERE tahun = 2026 AND triwulan = 3")
    sebelum = hitung(con)
    h = ri.impor_rencana(con, SISTEM, isi(_realisasi(kode, pka, 2026, 3, 1)))
    assert "masih berjalan" in pesan(h)[0][3] and not h.diterapkan
    assert hitung(con) == sebelum


def test_signed_through_the_workflow_is_changed_only_by_a_correction(demo):
    con, kode, ind = demo
    nilai, catatan = con.execute(
        "SELECT r.nilai, r.catatan FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "WHERE i.kode = ? AND r.tahun = 2026 AND r.triwulan = 1",
        [ind],
    ).fetchone()
    sebelum = hitung(con)
    h = ri.impor_rencana(con, SISTEM, isi(_realisasi(kode, ind, 2026, 1, nilai + 1)))
    assert "Perbaikan data" in pesan(h)[0][3]
    sama = {"Realisasi": [(kode, ind, 2026, 1, nilai, catatan)]}
    h = ri.impor_rencana(con, SISTEM, isi(sama))
    assert h.diterapkan and h.hitungan["Realisasi"]["tetap"] == 1
    assert hitung(con) == sebelum


def test_history_of_an_earlier_year_lands_signed_and_counts_in_reports(demo):
    con, kode, ind = demo
    h = ri.impor_rencana(con, SISTEM, isi(_realisasi(kode, ind, 2020, 2, 7)))
    assert h.diterapkan, pesan(h)
    status = con.execute(
        store.sql("status_sah_nilai"),
        {
            "indikator_id": con.execute(
                "SELECT id FROM indikator WHERE kode = ?", [ind]
            ).fetchone()[0],
            "tahun": 2020,
            "triwulan": 2,
        },
    ).fetchone()
    assert status == ("disahkan",)


# ---------------------------------------------------------------- permission


def test_admin_of_one_instansi_imports_only_its_own_rows(demo):
    con, kode, _ = demo
    iid = con.execute("SELECT id FROM instansi WHERE kode = ?", [kode]).fetchone()[0]
    admin = Akses("admin", frozenset({"admin"}), instansi_id=iid)
    sebelum = hitung(con)
    with pytest.raises(AksesDitolak, match="instansi Anda sendiri"):
        ri.impor_rencana(con, admin, isi(DATA))
    assert hitung(con) == sebelum
    sendiri = {"Unit": [(kode, "IMP", "Bidang Impor", "Bidang")]}
    assert ri.impor_rencana(con, admin, isi(sendiri)).diterapkan
    with pytest.raises(AksesDitolak):
        ri.impor_rencana(con, Akses("kadis", frozenset({"kadis"}), iid), isi(sendiri))


# ---------------------------------------------------------------- xlsx safety


def _ganti_xml(data: bytes, bagian: str, fn) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            isi_ = src.read(i)
            z.writestr(i, fn(isi_) if i.filename == bagian else isi_)
    return buf.getvalue()


def _bagian_lembar(data: bytes, nama: str) -> str:
    """The sheet's part in a workbook saved by openpyxl (sheetN.xml in sheet order)."""
    urutan = load_workbook(io.BytesIO(data)).sheetnames.index(nama) + 1
    return f"xl/worksheets/sheet{urutan}.xml"


def test_formula_is_refused_whatever_the_attribute_order(kosong):
    def rumus(wb):
        wb["Target"]["D2"].value = "=2+1"

    data = isi(DATA, rumus)
    h = ri.impor_rencana(kosong, SISTEM, data)
    assert ("Target", 2, "Tahunan") in [p[:3] for p in pesan(h)] and not h.diterapkan
    # the same cell written as <c s=".." r=".."> (attributes reversed), which the old scan missed
    bagian = _bagian_lembar(data, "Target")
    balik = _ganti_xml(data, bagian, lambda x: x.replace(b'<c r="D2"', b'<c s="0" r="D2"', 1))
    assert b'<c s="0" r="D2"' in zipfile.ZipFile(io.BytesIO(balik)).read(bagian)
    assert (2, 3) in xlsx_aman.periksa(balik).rumus["Target"]
    assert hitung(kosong)["target"] == 0


def test_external_link_is_refused(kosong):
    data = isi(DATA)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as z:
        for i in src.infolist():
            z.writestr(i, src.read(i))
        z.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    h = ri.impor_rencana(kosong, SISTEM, buf.getvalue())
    assert "tautan ke berkas lain" in pesan(h)[0][3] and hitung(kosong)["instansi"] == 0


def test_file_over_5_mb_is_refused(kosong):
    h = ri.impor_rencana(kosong, SISTEM, b"PK\x03\x04" + b"\0" * xlsx_aman.MAX_BYTES)
    assert "terlalu besar" in pesan(h)[0][3] and hitung(kosong)["instansi"] == 0


def _bom(data: bytes, ukuran: int, bohong: bool) -> bytes:
    """A real workbook plus a member of `ukuran` zero bytes; `bohong`: its header claims 1 KB."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
    ):
        for i in src.infolist():
            z.writestr(i, src.read(i))
        with z.open("xl/media/bom.bin", "w", force_zip64=True) as f:
            potong = b"\0" * (1 << 20)
            for _ in range(ukuran >> 20):
                f.write(potong)
    out = buf.getvalue()
    if bohong:  # rewrite the declared size in the central directory and local header
        z = zipfile.ZipFile(io.BytesIO(out))
        info = z.getinfo("xl/media/bom.bin")
        asli = info.file_size
        out = out.replace(asli.to_bytes(8, "little"), (1024).to_bytes(8, "little"))
    return out


@pytest.mark.parametrize("bohong", [False, True], ids=["ukuran-jujur", "ukuran-bohong"])
def test_zip_bomb_is_refused_before_parsing_with_flat_memory(kosong, bohong):
    bom = _bom(isi(DATA), 1 << 30, bohong)  # 1 GB of zeros
    assert len(bom) < xlsx_aman.MAX_BYTES
    sebelum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    h = ri.impor_rencana(kosong, SISTEM, bom)
    naik_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - sebelum) / 1024
    assert not h.diterapkan and h.masalah[0].lembar == "-", pesan(h)
    assert "melebihi 50 MB" in h.masalah[0].pesan or "rusak" in h.masalah[0].pesan
    assert naik_mb < 300
    assert hitung(kosong)["instansi"] == 0
    # the entry-template import gets the same protection
    rows, masalah = excel_entri.baca_template(bom, None, None)
    assert not rows and masalah[0].baris == 0


# ---------------------------------------------------------------- CLI and page


def test_cli_template_check_and_import(tmp_path, capsys):
    db = str(tmp_path / "cli.duckdb")
    templat = tmp_path / "rencana.xlsx"
    assert main(["--db", db, "templat-rencana", str(templat)]) == 0
    assert load_workbook(templat).sheetnames[0] == "Petunjuk"
    berkas = tmp_path / "isi.xlsx"
    berkas.write_bytes(isi(DATA))
    assert main(["--db", db, "impor-rencana", str(berkas), "--periksa"]) == 0
    out = capsys.readouterr().out
    assert "Rencana: 5 baru" in out and "tidak ada yang disimpan" in out
    salah = tmp_path / "salah.xlsx"
    salah.write_bytes(isi(dengan("Unit", [("ENTAH", "A", "Unit A", "Bidang")])))
    assert main(["--db", db, "impor-rencana", str(salah)]) == 1
    assert "Galat Unit baris 2, kolom Kode Instansi" in capsys.readouterr().err
    peringatan = tmp_path / "peringatan.xlsx"
    peringatan.write_bytes(
        isi(dengan("Target", [(KI, "P1", 2025, 100, None, 25, 25, 25, 20, *[None] * 5)]))
    )
    assert main(["--db", db, "impor-rencana", str(peringatan)]) == 2
    assert "--setujui-peringatan" in capsys.readouterr().err
    assert main(["--db", db, "impor-rencana", str(peringatan), "--setujui-peringatan"]) == 0
    assert "Impor selesai" in capsys.readouterr().out
    con = store.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM indikator").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM unit WHERE kode = 'A'").fetchone()[0] == 0
    finally:
        con.close()
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "--help"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        timeout=120,
    )
    assert "impor-rencana" in out.stdout and "templat-rencana" in out.stdout


def test_page_checks_then_imports(app_db):
    at = login("admin")
    at.switch_page(str(ui.HALAMAN_DIR / "admin_impor_rencana.py")).run()
    assert not at.exception and at.title[0].value == "Impor rencana"
    con = store.connect(app_db)
    kode = con.execute("SELECT kode FROM instansi ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    salah = isi({"Unit": [(kode, "IMP", "Bidang Impor", "Kantor")]})
    at.file_uploader[0].upload("rencana.xlsx", salah).run()
    assert "kesalahan" in at.error[0].value
    tabel = at.dataframe[-1].value
    assert list(tabel.iloc[0][["Lembar", "Kolom"]]) == ["Unit", "Jenis"]
    assert not [b for b in at.button if b.label == "Impor"]
    at.file_uploader[0].set_value(None)
    at.file_uploader[0].upload(
        "rencana.xlsx", isi({"Unit": [(kode, "IMP", "Bidang Impor", "Bidang")]})
    ).run()
    assert not at.exception
    next(b for b in at.button if b.label == "Impor").click().run()
    assert not at.exception
    assert any("Impor selesai" in s.value for s in at.success)
    # the same file again: nothing to import, no button
    assert "sudah sama" in at.info[0].value
    assert not [b for b in at.button if b.label == "Impor"]
    con = store.connect(app_db)
    try:
        assert con.execute("SELECT nama FROM unit WHERE kode = 'IMP'").fetchone() == (
            "Bidang Impor",
        )
    finally:
        con.close()


@pytest.mark.parametrize(
    "baris,kolom,pesan_",
    [(1_048_000, 3, "terlalu banyak baris"), (5, 16_000, "terlalu lebar")],
    ids=["jauh-ke-bawah", "jauh-ke-kanan"],
)
def test_far_apart_cells_are_refused_before_the_reader_builds_the_grid(
    kosong, baris, kolom, pesan_
):
    """Two cells far apart make a 5 KB file whose used rectangle the reader would build whole
    (measured: A1 + row 1.000.000 col 100 took 4 GB in python-calamine)."""

    def jauh(wb):
        wb["Unit"].cell(baris + 1, kolom + 1).value = 1

    data = isi({"Unit": [(KI, "A", "Unit A", "Bidang")]}, jauh)
    assert len(data) < 20_000
    sebelum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    h = ri.impor_rencana(kosong, SISTEM, data)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - sebelum) / 1024 < 300
    assert h.masalah[0].lembar == "-" and pesan_ in h.masalah[0].pesan, pesan(h)
    assert hitung(kosong)["unit"] == 0


def test_cells_without_reference_are_placed_by_the_xml_parse():
    """`r` is optional on a cell: positions (and formulas) are then counted within the row."""
    data = isi({"Unit": [(KI, "A", "Unit A", "Bidang")]})
    bagian = _bagian_lembar(data, "Unit")
    sel = b'<c r="D2" t="inlineStr"><is><t>Bidang</t></is></c>'
    tanpa_r = _ganti_xml(data, bagian, lambda x: x.replace(sel, b"<c><f>1+1</f><v>2</v></c>"))
    assert b"<c><f>" in zipfile.ZipFile(io.BytesIO(tanpa_r)).read(bagian)
    h = xlsx_aman.periksa(tanpa_r)
    assert h.aman and h.rumus == {"Unit": {(2, 3)}}


def test_repeated_long_shared_strings_are_refused(kosong):
    """Each cell gets its own copy of a shared string in the reader: 20.000 cells of one
    32.767-character string made a 55 KB file take 1,3 GB."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Unit")
    ws.write_row(0, 0, rencana_xlsx.LEMBAR["Unit"])
    for r in range(1, 1000):
        ws.write_row(r, 0, ["a" * 32_767] * 4)
    wb.close()
    data = buf.getvalue()
    assert len(data) < 100_000
    sebelum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    h = ri.impor_rencana(kosong, SISTEM, data)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - sebelum) / 1024 < 300
    assert "teks berulang" in h.masalah[0].pesan and hitung(kosong)["unit"] == 0


def test_problems_beyond_a_thousand_are_counted_not_listed(kosong):
    d = {"Unit": [("ENTAH", f"U{i}", "Unit", "Bidang") for i in range(1200)]}
    h = ri.impor_rencana(kosong, SISTEM, isi(d))
    assert len(h.masalah) == 1001 and "200 masalah lain" in h.masalah[-1].pesan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(min_value=-(10**18), max_value=10**18),
        ),
        min_size=13,
        max_size=13,
    )
)
def test_any_cell_values_give_messages_never_an_exception(nilai):
    """Whatever an agency types in the Indikator and Target sheets, the reader answers with
    rows and messages (pure: no store needed)."""
    data = isi({"Indikator": [tuple(nilai)], "Target": [tuple(nilai) + (None,)]})
    rows, masalah = rencana_xlsx.baca(data)
    assert all(isinstance(m, rencana_xlsx.Masalah) for m in masalah)
    assert all(m.lembar in ("Indikator", "Target", "-") for m in masalah)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_cleanly(data):
    h = xlsx_aman.periksa(data)
    assert not h.aman
    rows, masalah = rencana_xlsx.baca(data)
    assert masalah and not any(rows.values())
