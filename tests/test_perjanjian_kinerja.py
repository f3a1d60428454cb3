"""Perjanjian Kinerja (issue 18, deliverable 4; docs/DOMAIN.md §9.13): from the demo store and
from an agency loaded by the plan workbook, its structure (parties, sasaran / indikator / target
rows, program and anggaran with the total, signature blocks, the Rencana Aksi annex) and its
figures against hand computations; the signers per instansi and year; the page section."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.capaian.capaian import target_sd
from dashboard.inti import formats, store
from dashboard.rencana import layanan_impor as ri
from dashboard.rencana import layanan_pk as svc
from dashboard.rencana import perjanjian_kinerja as pk

from .conftest import login, tombol
from .test_impor_rencana import DATA, KI, isi

ADMIN = Akses("admin", frozenset({"admin"}), 1)
KADIS = Akses("kadis", frozenset({"kadis"}), 1)
STAF = Akses("staf.lyn", frozenset({"staf_bidang"}), 1, 1)
ISIAN = {
    "pertama_nama": "Dra. Hj. SITI RAHMAWATI, M.Si",
    "pertama_jabatan": "Kepala Dinas Perpustakaan dan Kearsipan",
    "pertama_nip": "19680512 199303 2 007",
    "kedua_nama": "H. AHMAD FAUZI, S.H.",
    "kedua_jabatan": "Bupati Sukamaju",
    "kedua_nip": "",
    "kota": "Sukamaju",
    "tanggal": dt.date(2026, 1, 5),
}


def _angka(teks: str) -> float:
    return formats.parse_angka(teks)


def _tahun_demo(con) -> int:
    return con.execute("SELECT max(tahun) FROM target").fetchone()[0]


def _halaman(isi_pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(isi_pdf)).pages]


# ---------------------------------------------------------------- demo store


@pytest.mark.dua_backend
def test_demo_sasaran_program_and_total_against_hand_computation(demo_con):
    tahun = _tahun_demo(demo_con)
    isi_pk = svc.susun(demo_con, ADMIN, 1, tahun)
    # the agreement's indicators: every active IKU or PK-flagged indicator with an annual target
    harap = demo_con.execute(
        "SELECT count(*) FROM indikator i JOIN target t ON t.indikator_id = i.id "
        "AND t.tahun = ? AND t.triwulan = 0 WHERE i.instansi_id = 1 AND i.aktif "
        "AND (i.jenis = 'IKU' OR i.pk)",
        [tahun],
    ).fetchone()[0]
    assert len(isi_pk.sasaran) == harap == 12
    assert [r[0] for r in isi_pk.sasaran if r[0]] == ["1", "2", "3", "4"]
    assert isi_pk.sasaran[0] == (
        "1",
        "S1 Meningkatnya kualitas layanan perpustakaan",
        "Indeks Kepuasan Pemustaka",
        "indeks",
        "80 – 90",
        "IKU",
    )
    assert isi_pk.sasaran[1][2:] == ("Jumlah pengunjung perpustakaan", "orang", "48.000", "PK")
    # the pagu per program, summed by hand from the DPA of its sub kegiatan
    assert [r[2] for r in isi_pk.program] == [
        "1.512.500.000",
        "3.864.300.000",
        "2.252.800.000",
        "2.591.600.000",
        "1.340.900.000",
    ]
    assert isi_pk.total_anggaran == 1_512_500_000 + 3_864_300_000 + 2_252_800_000 + (
        2_591_600_000 + 1_340_900_000
    )
    assert isi_pk.total_anggaran == 11_562_100_000
    assert (
        demo_con.execute(
            "SELECT sum(pagu) FROM anggaran a JOIN sub_kegiatan sk ON sk.id = a.sub_kegiatan_id "
            "JOIN kegiatan k ON k.id = sk.kegiatan_id JOIN program p ON p.id = k.program_id "
            "JOIN sasaran s ON s.id = p.sasaran_id JOIN tujuan t ON t.id = s.tujuan_id "
            "WHERE t.instansi_id = 1 AND a.tahun = ?",
            [tahun],
        ).fetchone()[0]
        == isi_pk.total_anggaran
    )


def test_demo_annex_quarters_give_the_annual_target_by_cara_agregasi(demo_con):
    tahun = _tahun_demo(demo_con)
    isi_pk = svc.susun(demo_con, ADMIN, 1, tahun)
    cara = dict(
        demo_con.execute(
            "SELECT nama, cara_agregasi FROM indikator WHERE instansi_id = 1"
        ).fetchall()
    )
    assert len(isi_pk.rencana_aksi) == len(isi_pk.sasaran)
    assert not isi_pk.tidak_sesuai
    for r in isi_pk.rencana_aksi:
        if "–" in r[4]:  # a range target is read as written
            assert r[5:9] == (r[4],) * 4
            continue
        tahunan, tw = _angka(r[4]), [_angka(x) for x in r[5:9]]
        c = cara[r[2]]
        if c == "SUM":
            assert sum(tw) == pytest.approx(tahunan) and r[9] == "Jumlah TW I–IV"
        elif c in ("LAST", "MAX"):
            assert tw[3] == pytest.approx(tahunan) and r[9] == "TW IV"
        else:
            assert sum(tw) / 4 == pytest.approx(tahunan) and r[9] == "Rata-rata TW I–IV"
    # by hand: visitors 9.600 + 12.000 + 12.000 + 14.400 = 48.000
    pengunjung = next(r for r in isi_pk.rencana_aksi if r[2] == "Jumlah pengunjung perpustakaan")
    assert pengunjung[4:9] == ("48.000", "9.600", "12.000", "12.000", "14.400")


def test_quarters_that_break_the_rule_are_marked():
    assert pk.sesuai_aturan("SUM", 100, [25, 25, 25, 25])
    assert not pk.sesuai_aturan("SUM", 100, [25, 25, 25, 20])
    assert pk.sesuai_aturan("LAST", 3.1, [2.5, 2.7, 2.9, 3.1])
    assert pk.sesuai_aturan("AVG", 70, [60, 70, 70, 80])
    assert not pk.sesuai_aturan("MAX", 10, [10, 12, 11, 9])
    assert target_sd([25, 25, 25, 20], "SUM", 4) == 95


def test_demo_pdf_pages_parties_tables_and_signatures(demo_con):
    tahun = _tahun_demo(demo_con)
    svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, ISIAN)
    d = svc.dokumen_pk(demo_con, ADMIN, 1, tahun, "pdf")
    assert (
        d.mime == "application/pdf"
        and d.nama_berkas == f"perjanjian-kinerja-DISPERPUSIP-{tahun}.pdf"
    )
    h = _halaman(d.isi)
    assert len(h) == 3, "agreement, lampiran, rencana aksi"
    satu = " ".join(h[0].split())
    assert f"PERJANJIAN KINERJA TAHUN {tahun}" in satu
    assert "selanjutnya disebut pihak pertama" in satu and "selaku atasan pihak pertama" in satu
    for teks in (
        "Dra. Hj. SITI RAHMAWATI, M.Si",
        "H. AHMAD FAUZI, S.H.",
        "Bupati Sukamaju",
        "NIP. 19680512 199303 2 007",
        "Sukamaju, 5 Januari 2026",
        "PIHAK KEDUA,",
        "PIHAK PERTAMA,",
    ):
        assert teks in satu, teks
    dua = " ".join(h[1].split())
    for teks in ("Indeks Kepuasan Pemustaka", "80 – 90", "Jumlah 11.562.100.000", "PIHAK KEDUA,"):
        assert teks in dua, teks
    assert dua.count("H. AHMAD FAUZI, S.H.") == 1 and dua.count("SITI RAHMAWATI") == 1
    tiga = " ".join(h[2].split())
    assert f"RENCANA AKSI PERJANJIAN KINERJA TAHUN {tahun}" in tiga
    assert "9.600 12.000 12.000 14.400" in tiga
    assert "PIHAK PERTAMA," in tiga and "PIHAK KEDUA" not in tiga


def test_demo_docx_has_the_same_tables_and_both_signature_blocks(demo_con):
    tahun = _tahun_demo(demo_con)
    svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, ISIAN)
    d = svc.dokumen_pk(demo_con, ADMIN, 1, tahun, "docx")
    doc = docx.Document(io.BytesIO(d.isi))
    teks = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    ttd = [t for t in teks if len(t) == 1 and "PIHAK PERTAMA," in t[0][1]]
    assert len(ttd) == 3
    assert "PIHAK KEDUA," in ttd[0][0][0] and "H. AHMAD FAUZI, S.H." in ttd[0][0][0]
    assert (
        "NIP. 19680512 199303 2 007" in ttd[0][0][1] and "Sukamaju, 5 Januari 2026" in ttd[0][0][1]
    )
    assert ttd[2][0][0].strip() == ""  # the Rencana Aksi: pihak pertama only
    sasaran, program, aksi = (t for t in teks if len(t) > 1)
    assert tuple(sasaran[0]) == pk.KOLOM_SASARAN and len(sasaran) == 13
    assert tuple(program[0]) == pk.KOLOM_PROGRAM and program[-1] == ["", "Jumlah", "11.562.100.000"]
    assert len(program) == 1 + 5 + 1
    assert tuple(aksi[0]) == pk.KOLOM_AKSI and len(aksi) == 13


# ---------------------------------------------------------------- agency from the workbook


@pytest.fixture
def dari_workbook(con):
    h = ri.impor_rencana(con, SISTEM, isi(DATA), setujui_peringatan=True)
    assert h.diterapkan, h.masalah
    return con, con.execute("SELECT id FROM instansi WHERE kode = ?", [KI]).fetchone()[0]


def test_workbook_agency_defaults_and_content(dari_workbook):
    con, iid = dari_workbook
    admin = Akses("admin", frozenset({"admin"}), iid)
    atur, tersimpan = svc.pengaturan(con, admin, iid, 2025)
    assert not tersimpan
    # the head from the Instansi sheet, the pemda's head by its jabatan (name still to fill)
    assert atur.pertama == pk.Pihak("Budi Santoso", "Kepala Dinas", "197501012000031001")
    assert atur.kedua == pk.Pihak("", "Wali Kota Contoh", None)
    assert atur.kota == "Contoh" and atur.tanggal == dt.date(2025, 1, 2)
    assert atur.kurang() == ["nama pihak kedua"]
    isi_pk = svc.susun(con, admin, iid, 2025)
    # IKU1 is IKU (PK by its jenis); P1 is a program indicator the workbook does not flag PK
    assert isi_pk.sasaran == (
        ("1", "S1 Meningkatnya kualitas SPBE", "Indeks SPBE", "indeks", "3,1", "IKU"),
    )
    assert isi_pk.program == (("1", "2.16.02 Program Pengelolaan Informasi", "1.500.000.000"),)
    assert isi_pk.total_anggaran == 1_500_000_000
    assert isi_pk.rencana_aksi == (
        (
            "1",
            "S1 Meningkatnya kualitas SPBE",
            "Indeks SPBE",
            "indeks",
            "3,1",
            "2,5",
            "2,7",
            "2,9",
            "3,1",
            "TW IV",
        ),
    )
    h = _halaman(svc.dokumen_pk(con, admin, iid, 2025, "pdf").isi)
    assert len(h) == 3
    assert "Budi Santoso" in h[0] and "Wali Kota Contoh" in h[0] and "......" in h[0]
    assert "NIP. 19750101 200003 1 001" in h[0]
    assert "Jumlah 1.500.000.000" in " ".join(h[1].split())
    assert "2,5 2,7 2,9 3,1" in " ".join(h[2].split())


def test_workbook_agency_without_targets_of_the_year_is_refused(dari_workbook):
    con, iid = dari_workbook
    admin = Akses("admin", frozenset({"admin"}), iid)
    with pytest.raises(ValueError, match="Belum ada indikator IKU atau PK dengan target"):
        svc.susun(con, admin, iid, 2026)


# ---------------------------------------------------------------- signers per instansi and year


@pytest.mark.dua_backend
def test_signers_saved_per_instansi_and_year_by_admin_only(demo_con):
    tahun = _tahun_demo(demo_con)
    with pytest.raises(AksesDitolak):
        svc.simpan_pengaturan(demo_con, KADIS, 1, tahun, ISIAN)
    with pytest.raises(AksesDitolak):
        svc.pengaturan(demo_con, STAF, 1, tahun)
    with pytest.raises(AksesDitolak):
        svc.simpan_pengaturan(demo_con, Akses("admin", frozenset({"admin"}), 2), 1, tahun, ISIAN)
    disimpan = svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, ISIAN)
    atur, tersimpan = svc.pengaturan(demo_con, KADIS, 1, tahun)
    assert tersimpan and atur == disimpan
    assert atur.kedua == pk.Pihak("H. AHMAD FAUZI, S.H.", "Bupati Sukamaju", None)
    # another year and another instansi keep their defaults
    assert not svc.pengaturan(demo_con, KADIS, 1, tahun - 1)[1]
    assert not svc.pengaturan(demo_con, SISTEM, 2, tahun)[1]
    ev = demo_con.execute(
        "SELECT pengguna, objek_id, ke FROM event WHERE jenis = 'pengaturan_diubah'"
    ).fetchall()
    assert ev[-1] == ("admin", "1", f"perjanjian_kinerja:{tahun}")
    # saved again: replaced, not duplicated
    svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, {**ISIAN, "kota": "Kota Baru"})
    assert svc.pengaturan(demo_con, KADIS, 1, tahun)[0].kota == "Kota Baru"
    assert (
        demo_con.execute(
            "SELECT count(*) FROM pengaturan WHERE kunci = ?", [svc.kunci(tahun)]
        ).fetchone()[0]
        == 1
    )


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"kedua_nama": "  "}, "Isi nama pihak kedua."),
        ({"pertama_jabatan": ""}, "Isi jabatan pihak pertama."),
        ({"pertama_nip": "1968"}, "NIP pihak pertama harus 18 angka"),
        ({"kedua_nip": "abc"}, "NIP pihak kedua harus 18 angka"),
        ({"kota": ""}, "Isi tempat penandatanganan."),
        ({"tanggal": None}, "Isi tanggal penandatanganan."),
        ({"kedua_nama": "x" * 201}, "paling panjang 200 karakter"),
    ],
)
def test_bad_signer_input_has_its_message_and_nothing_is_saved(demo_con, ubah, pesan):
    tahun = _tahun_demo(demo_con)
    with pytest.raises(ValueError, match=pesan):
        svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, {**ISIAN, **ubah})
    assert not svc.pengaturan(demo_con, ADMIN, 1, tahun)[1]
    assert store.fetch_df(
        demo_con, "pengaturan_get", {"instansi_id": 1, "kunci": svc.kunci(tahun)}
    ).empty


def test_typed_markup_stays_text(demo_con):
    tahun = _tahun_demo(demo_con)
    svc.simpan_pengaturan(demo_con, ADMIN, 1, tahun, {**ISIAN, "kedua_nama": "<b>A & B</b>"})
    h = _halaman(svc.dokumen_pk(demo_con, ADMIN, 1, tahun, "pdf").isi)
    assert "<b>A & B</b>" in h[0]


# ---------------------------------------------------------------- page


def _buka_pk(at):
    at.switch_page("app_pages/laporan.py").run()
    assert not at.exception, at.exception
    at.segmented_control(key="lap_dokumen").set_value("Perjanjian Kinerja").run()
    assert not at.exception, at.exception
    return at


def test_page_admin_saves_signers_and_downloads(app_db):
    at = _buka_pk(login("admin"))
    assert "Belum diisi: nama pihak kedua" in " ".join(w.value for w in at.warning)
    tahun = at.selectbox(key="pk_tahun").value

    def isian(nama: str):
        return at.text_input(key=f"pk_{nama}_1_{tahun}")

    assert isian("pertama_nama").value == "Dra. Hj. SITI RAHMAWATI, M.Si"
    assert isian("kedua_nama").value == ""
    assert isian("kedua_jabatan").value == "Bupati Sukamaju"
    isian("kedua_nama").set_value("H. AHMAD FAUZI, S.H.")
    isian("kedua_nip").set_value("123")
    at.button[[b.label for b in at.button].index("Simpan penanda tangan")].click().run()
    assert "NIP pihak kedua harus 18 angka" in " ".join(e.value for e in at.error)
    isian("kedua_nip").set_value("")
    at.button[[b.label for b in at.button].index("Simpan penanda tangan")].click().run()
    assert not at.exception, at.exception
    assert "disimpan" in " ".join(s.value for s in at.success)
    assert not [w for w in at.warning if "Belum diisi" in w.value]
    assert [len(df.value) for df in at.dataframe] == [12, 6, 12]
    assert at.dataframe[1].value.iloc[-1].tolist() == ["", "Jumlah", "11.562.100.000"]
    assert "H. AHMAD FAUZI, S.H." in " ".join(c.value for c in at.caption)


def test_page_kadis_downloads_without_the_form_and_staf_has_only_reports(app_db):
    at = _buka_pk(login("kadis"))
    assert not [b for b in at.button if b.label == "Simpan penanda tangan"]
    assert [len(df.value) for df in at.dataframe] == [12, 6, 12]
    staf = login("staf.lyn")
    staf.switch_page("app_pages/laporan.py").run()
    assert not staf.exception
    assert not [s for s in staf.get("segmented_control")]
    assert tombol(staf).label == "Buat laporan"
