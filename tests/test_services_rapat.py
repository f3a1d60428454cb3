"""Monev meetings, findings and follow-ups on a real store: the agenda proposed from hand-built
data, the draft -> final -> revision lifecycle, follow-up progress and closing, every
permission denial, version conflicts, and the generated documents opened and read back."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from docx import Document
from pypdf import PdfReader

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config
from dashboard.inti.store import KonflikData
from dashboard.rapat import layanan_rapat as svc
from dashboard.rapat import layanan_tindak_lanjut as svc_tl

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

HARI_INI = dt.date(2026, 11, 21)
MONEV = Akses("monev", frozenset({"pengelola_monev"}), 1, nama="Rina Marlina")
KADIS = Akses("kadis", frozenset({"kadis"}), 1)
STAF_A = Akses("staf.a", frozenset({"staf_bidang"}), 1, unit_id=1)
STAF_B = Akses("staf.b", frozenset({"staf_bidang"}), 1, unit_id=2)
MONEV_LAIN = Akses("monev2", frozenset({"pengelola_monev"}), 2)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
JAHAT = "<b>Tebal</b> & <a href='x'>tautan</a> =SUM(A1) **bintang**"


@pytest.fixture
def dunia(con):
    """Two instansi; instansi 1 with units A and B, three indicators of A for 2026 TW I (one
    Sangat Rendah, one Rendah, one on target), a period where A submitted late and B nothing,
    and an earlier meeting with one overdue follow-up for B."""
    con.execute(
        "INSERT INTO instansi (id, kode, nama, pemda, kota, alamat, kepala_nama, kepala_jabatan) "
        "VALUES (1, 'D1', 'Dinas Uji', 'Pemerintah Kabupaten Contoh', 'Contoh', 'Jl. Uji 1', "
        "'Budi', 'Kepala Dinas Uji'), (2, 'D2', 'Dinas Lain', 'Kabupaten Lain', NULL, NULL, "
        "NULL, NULL)"
    )
    con.execute(
        "INSERT INTO unit (id, instansi_id, kode, nama, jenis) VALUES "
        "(1, 1, 'A', 'Bidang A', 'Bidang'), (2, 1, 'B', 'Bidang B', 'Bidang'), "
        "(3, 2, 'X', 'Bidang X', 'Bidang')"
    )
    for i, (kode, r) in enumerate((("A.01", 10), ("A.02", 15), ("A.03", 25)), start=1):
        con.execute(
            "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan) "
            "VALUES ($1, 1, 1, $2, $3, 'IKU', 'dokumen')",
            [i, kode, f"Indikator {kode}"],
        )
        con.execute(
            "INSERT INTO target VALUES ($1, 2026, 0, 100, NULL), ($1, 2026, 1, 25, NULL)", [i]
        )
        con.execute(
            "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) VALUES ($1, 2026, 1, $2)",
            [i, r],
        )
    con.execute(
        "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan) "
        "VALUES (9, 2, 3, 'X.01', 'Lain', 'IKU', '%')"
    )
    con.execute(
        "INSERT INTO periode (id, instansi_id, tahun, triwulan, tenggat, status) "
        "VALUES (1, 1, 2026, 1, DATE '2026-04-15', 'ditutup')"
    )
    con.execute(
        "INSERT INTO pengajuan (id, periode_id, unit_id, status, diajukan_pada, terlambat) "
        "VALUES (1, 1, 1, 'disahkan', TIMESTAMP '2026-04-20 10:00', TRUE)"
    )
    rid = svc.buat_rapat(con, MONEV, 1, _data(2025, 4), [{"nama": "Budi"}], [])
    svc.tambah_temuan(
        con,
        MONEV,
        rid,
        {"unit_id": 2, "permasalahan": "Data terlambat disampaikan"},
        [
            {
                "uraian": "Tetapkan operator cadangan",
                "pic_unit_id": 2,
                "batas_waktu": dt.date(2026, 3, 1),
            }
        ],
    )
    return con


def _data(tahun=2026, triwulan=1, **ubah):
    return {
        "tahun": tahun,
        "triwulan": triwulan,
        "judul": "Rapat Monev Triwulan I",
        "waktu": dt.datetime(2026, 4, 29, 9, 0),
        "tempat": "Ruang Rapat",
        "pimpinan": "Budi, Kepala Dinas Uji",
        "notulis": "Rina Marlina",
        "ringkasan": "Pembahasan capaian.",
        "kesimpulan": None,
        **ubah,
    }


def _jumlah(con, tabel):
    return con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]


def test_agenda_proposed_from_hand_built_data(dunia):
    items = svc.usulan_agenda(dunia, MONEV, 1, 2026, 1, HARI_INI)
    uraian = [(i.jenis, i.uraian) for i in items]
    assert uraian[0] == (
        "indikator_rendah",
        "Capaian A.01 Indikator A.01 (Bidang A): 40%, kategori Sangat Rendah",
    )
    assert uraian[1][0] == "indikator_rendah" and "60%" in uraian[1][1]
    assert ("unit_terlambat", "Bidang A: menyampaikan data terlambat (20 April 2026)") in uraian
    assert ("unit_terlambat", "Bidang B: belum menyampaikan data") in uraian
    tl = [u for j, u in uraian if j == "tindak_lanjut"]
    assert len(tl) == 1 and "Tetapkan operator cadangan" in tl[0] and "lewat batas" in tl[0]
    assert not any(j == "indikator_rendah" and "A.03" in u for j, u in uraian)
    # a period never opened proposes no unit items; another instansi's data never shows
    assert not [
        i
        for i in svc.usulan_agenda(dunia, MONEV, 1, 2026, 2, HARI_INI)
        if i.jenis == "unit_terlambat"
    ]
    with pytest.raises(AksesDitolak):
        svc.usulan_agenda(dunia, MONEV_LAIN, 1, 2026, 1, HARI_INI)
    with pytest.raises(AksesDitolak):
        svc.usulan_agenda(dunia, STAF_A, 1, 2026, 1, HARI_INI)


def test_meeting_draft_final_and_revision(dunia):
    items = svc.usulan_agenda(dunia, MONEV, 1, 2026, 1, HARI_INI)
    ag = [
        {
            "jenis": i.jenis,
            "uraian": i.uraian,
            "sumber": "usulan",
            "objek": i.objek,
            "objek_id": i.objek_id,
        }
        for i in items[:2]
    ] + [{"uraian": "Rencana aksi TW II"}, {"uraian": None, "bahas": True}]
    # the participants table as edited: a blank row, someone outside the units (unit 0)
    peserta = [
        {"nama": " Budi ", "jabatan": "Kepala Dinas", "unit_id": svc.TANPA_UNIT},
        {"nama": None, "jabatan": float("nan"), "unit_id": float("nan")},
        {"nama": "Siti", "jabatan": "Kepala Bidang A", "unit_id": 1},
    ]
    rid = svc.buat_rapat(dunia, MONEV, 1, _data(), peserta, ag)
    assert dunia.execute(
        "SELECT urutan, nama, jabatan, unit_id FROM rapat_peserta WHERE rapat_id = $1 "
        "ORDER BY urutan",
        [rid],
    ).fetchall() == [(1, "Budi", "Kepala Dinas", None), (2, "Siti", "Kepala Bidang A", 1)]
    d = svc.detail_rapat(dunia, KADIS, rid)
    assert d["info"]["status"] == "draf" and list(d["agenda"]["sumber"]) == [
        "usulan",
        "usulan",
        "manual",
    ]
    assert d["agenda"]["objek_id"].iloc[0] == 1

    with pytest.raises(ValueError, match="kesimpulan, minimal satu temuan"):
        svc.finalkan_rapat(dunia, MONEV, rid, 1)
    svc.ubah_rapat(
        dunia, MONEV, rid, 1, _data(kesimpulan="Percepat kegiatan."), peserta
    )  # draft: no reason
    assert _jumlah(dunia, "rapat_revisi") == 0
    assert len(svc.detail_rapat(dunia, MONEV, rid)["agenda"]) == 3  # agenda kept
    svc.tambah_temuan(
        dunia,
        MONEV,
        rid,
        {
            "unit_id": 1,
            "indikator_id": 1,
            "permasalahan": "Capaian sangat rendah",
            "rekomendasi": "Percepat",
        },
        [
            {
                "uraian": "Susun jadwal percepatan",
                "pic_unit_id": 1,
                "batas_waktu": dt.date(2026, 6, 30),
            }
        ],
    )
    with pytest.raises(KonflikData):
        svc.finalkan_rapat(dunia, MONEV, rid, 1)  # loaded before the edit
    svc.finalkan_rapat(dunia, MONEV, rid, 2)
    info = svc.detail_rapat(dunia, MONEV, rid)["info"]
    assert info["status"] == "final" and info["difinalkan_oleh"] == "monev"

    # a final record changes only as a revision with its reason, the old record kept
    with pytest.raises(ValueError, match="alasan perubahan"):
        svc.ubah_rapat(
            dunia, MONEV, rid, 3, _data(judul="Judul baru sekali", kesimpulan="x"), peserta
        )
    svc.ubah_rapat(
        dunia,
        MONEV,
        rid,
        3,
        _data(judul="Judul baru sekali", kesimpulan="x"),
        peserta,
        None,
        "Salah ketik judul",
    )
    with pytest.raises(ValueError, match="alasan perubahan"):
        svc.tambah_tindak_lanjut(
            dunia,
            MONEV,
            2,
            {"uraian": "Tambahan kegiatan", "pic_unit_id": 1, "batas_waktu": dt.date(2026, 7, 1)},
        )
    d = svc.detail_rapat(dunia, MONEV, rid)
    assert d["info"]["revisi"] == 1 and d["info"]["judul"] == "Judul baru sekali"
    rev = d["revisi"].iloc[0]
    assert rev["alasan"] == "Salah ketik judul" and rev["oleh"] == "monev"
    sebelum = json.loads(rev["sebelum"])
    assert sebelum["rapat"]["judul"] == "Rapat Monev Triwulan I" and len(sebelum["temuan"]) == 1
    with pytest.raises(ValueError, match="sudah final"):
        svc.finalkan_rapat(dunia, MONEV, rid, 4)
    jenis = [
        r[0]
        for r in dunia.execute(
            "SELECT jenis FROM event WHERE objek = 'rapat' ORDER BY id"
        ).fetchall()
    ]
    assert {
        "rapat_dibuat",
        "rapat_diubah",
        "temuan_ditambah",
        "rapat_difinalkan",
        "rapat_direvisi",
    } <= set(jenis)


def test_agenda_kept_dropped_reordered_added_on_draft_then_only_as_revision(dunia):
    items = svc.usulan_agenda(dunia, MONEV, 1, 2026, 1, HARI_INI)
    usul = [
        {
            "jenis": i.jenis,
            "uraian": i.uraian,
            "sumber": "usulan",
            "objek": i.objek,
            "objek_id": i.objek_id,
        }
        for i in items[:3]
    ]
    rid = svc.buat_rapat(dunia, MONEV, 1, _data(), [{"nama": "Budi"}], usul)

    def agenda():
        return [
            (r.urutan, r.uraian, r.sumber, int(r.objek_id) if pd.notna(r.objek_id) else None)
            for r in svc.detail_rapat(dunia, MONEV, rid)["agenda"].itertuples()
        ]

    # the table as edited: item 1 unticked, item 3 moved first, a row added without a number
    tabel = [
        {**usul[0], "bahas": False, "urutan": 1},
        {**usul[1], "bahas": True, "urutan": 2},
        {**usul[2], "bahas": True, "urutan": 1},
        {"bahas": True, "urutan": None, "uraian": "Rencana aksi TW II", "jenis": None},
    ]
    svc.ubah_rapat(dunia, MONEV, rid, 1, _data(), [{"nama": "Budi"}], tabel)
    assert agenda() == [
        (1, usul[2]["uraian"], "usulan", usul[2]["objek_id"]),
        (2, usul[1]["uraian"], "usulan", usul[1]["objek_id"]),
        (3, "Rencana aksi TW II", "manual", None),
    ]
    assert _jumlah(dunia, "rapat_revisi") == 0

    svc.ubah_rapat(dunia, MONEV, rid, 2, _data(kesimpulan="Percepat."), [{"nama": "Budi"}])
    svc.tambah_temuan(
        dunia,
        MONEV,
        rid,
        {"unit_id": 1, "permasalahan": "Capaian rendah"},
        [{"uraian": "Susun jadwal", "pic_unit_id": 1, "batas_waktu": dt.date(2026, 6, 1)}],
    )
    svc.finalkan_rapat(dunia, MONEV, rid, 3)
    dipangkas = [{"uraian": "Rencana aksi TW II"}]
    with pytest.raises(ValueError, match="alasan perubahan"):
        svc.ubah_rapat(
            dunia, MONEV, rid, 4, _data(kesimpulan="Percepat."), [{"nama": "Budi"}], dipangkas
        )
    assert len(agenda()) == 3
    svc.ubah_rapat(
        dunia,
        MONEV,
        rid,
        4,
        _data(kesimpulan="Percepat."),
        [{"nama": "Budi"}],
        dipangkas,
        "Agenda disesuaikan dengan yang dibahas",
    )
    assert agenda() == [(1, "Rencana aksi TW II", "manual", None)]
    sebelum = json.loads(svc.detail_rapat(dunia, MONEV, rid)["revisi"].iloc[0]["sebelum"])
    assert [a["uraian"] for a in sebelum["agenda"]][0] == usul[2]["uraian"]


def test_bad_input_saves_nothing(dunia):
    n = _jumlah(dunia, "rapat"), _jumlah(dunia, "temuan"), _jumlah(dunia, "tindak_lanjut")
    with pytest.raises(ValueError, match="Judul rapat: terlalu pendek"):
        svc.buat_rapat(dunia, MONEV, 1, _data(judul="R"), [], [])
    with pytest.raises(ValueError, match=r"Peserta baris 2: isi nama peserta \(atau hapus"):
        svc.buat_rapat(
            dunia, MONEV, 1, _data(), [{"nama": "Budi"}, {"jabatan": "Kabid", "unit_id": 1}], []
        )
    with pytest.raises(ValueError, match="Peserta baris 1: Nama peserta: terlalu pendek"):
        svc.buat_rapat(dunia, MONEV, 1, _data(), [{"nama": "B"}], [])
    with pytest.raises(ValueError, match="3: budi sudah tercatat di baris 1; hapus salah"):
        svc.buat_rapat(
            dunia, MONEV, 1, _data(), [{"nama": "Budi"}, {"nama": "Siti"}, {"nama": "budi "}], []
        )
    with pytest.raises(ValueError, match="Agenda baris 2: Uraian: terlalu pendek"):
        svc.buat_rapat(dunia, MONEV, 1, _data(), [], [{"uraian": "Bahas"}, {"uraian": "ok"}])
    with pytest.raises(ValueError, match="unit bukan bagian"):
        svc.buat_rapat(dunia, MONEV, 1, _data(), [{"nama": "Xavier", "unit_id": 3}], [])
    with pytest.raises(ValueError, match="Agenda baris 1: Jenis agenda"):
        svc.buat_rapat(dunia, MONEV, 1, _data(), [], [{"jenis": "apa", "uraian": "Bahas"}])
    rid = int(dunia.execute("SELECT min(id) FROM rapat").fetchone()[0])
    tl = [{"uraian": "Susun jadwal", "pic_unit_id": 1, "batas_waktu": dt.date(2026, 6, 1)}]
    with pytest.raises(ValueError, match="Indikator temuan"):
        svc.tambah_temuan(
            dunia, MONEV, rid, {"unit_id": 2, "indikator_id": 1, "permasalahan": "Masalah"}, tl
        )
    with pytest.raises(ValueError, match="minimal satu tindak lanjut"):
        svc.tambah_temuan(dunia, MONEV, rid, {"unit_id": 1, "permasalahan": "Masalah"}, [])
    with pytest.raises(ValueError, match="Tindak lanjut ke-2: unit PIC"):
        svc.tambah_temuan(
            dunia,
            MONEV,
            rid,
            {"unit_id": 1, "permasalahan": "Masalah"},
            [*tl, {**tl[0], "pic_unit_id": 3}],
        )
    with pytest.raises(ValueError, match="Batas waktu"):
        svc.tambah_temuan(
            dunia,
            MONEV,
            rid,
            {"unit_id": 1, "permasalahan": "Masalah"},
            [{**tl[0], "batas_waktu": "besok"}],
        )
    assert (_jumlah(dunia, "rapat"), _jumlah(dunia, "temuan"), _jumlah(dunia, "tindak_lanjut")) == n


def test_meeting_permissions(dunia):
    rid = int(dunia.execute("SELECT min(id) FROM rapat").fetchone()[0])
    tid = int(dunia.execute("SELECT min(id) FROM temuan").fetchone()[0])
    for akses in (KADIS, STAF_A):
        with pytest.raises(AksesDitolak):
            svc.buat_rapat(dunia, akses, 1, _data(), [], [])
        with pytest.raises(AksesDitolak):
            svc.ubah_rapat(dunia, akses, rid, 1, _data(), [])
        with pytest.raises(AksesDitolak):
            svc.finalkan_rapat(dunia, akses, rid, 1)
        with pytest.raises(AksesDitolak):
            svc.tambah_temuan(dunia, akses, rid, {"unit_id": 1, "permasalahan": "Masalah"}, [])
        with pytest.raises(AksesDitolak):
            svc.hapus_temuan(dunia, akses, tid)
    with pytest.raises(AksesDitolak):
        svc.buat_rapat(dunia, MONEV_LAIN, 1, _data(), [], [])
    with pytest.raises(AksesDitolak):
        svc.hapus_temuan(dunia, MONEV_LAIN, tid)
    for akses in (STAF_A, MONEV_LAIN):
        with pytest.raises(AksesDitolak):
            svc.daftar_rapat(dunia, akses, 1)
        with pytest.raises(AksesDitolak):
            svc.detail_rapat(dunia, akses, rid)
        with pytest.raises(AksesDitolak):
            svc.notulen(dunia, akses, rid)
    assert len(svc.daftar_rapat(dunia, KADIS, 1)) == 1
    svc.hapus_temuan(dunia, MONEV, tid)  # a draft: no reason needed
    assert _jumlah(dunia, "tindak_lanjut") == 0


def _tl_id(con, unit_id=2):
    return int(
        con.execute(
            "SELECT min(id) FROM tindak_lanjut WHERE pic_unit_id = $1", [unit_id]
        ).fetchone()[0]
    )


def _versi(con, tl_id):
    return int(con.execute("SELECT versi FROM tindak_lanjut WHERE id = $1", [tl_id]).fetchone()[0])


def test_follow_up_progress_close_and_denials(dunia):
    tl = _tl_id(dunia)
    # scope: a Bidang sees its own unit's follow-ups only; asking for another unit is refused
    assert svc_tl.daftar_tindak_lanjut(dunia, STAF_A, 1, hari_ini=HARI_INI).empty
    lihat = svc_tl.daftar_tindak_lanjut(dunia, STAF_B, 1, hari_ini=HARI_INI)
    assert lihat["id"].tolist() == [tl] and bool(lihat["terlambat"].iloc[0])
    with pytest.raises(AksesDitolak):
        svc_tl.daftar_tindak_lanjut(dunia, STAF_A, 1, unit_id=2)
    with pytest.raises(AksesDitolak):
        svc_tl.rekap_unit(dunia, STAF_B, 1)
    # who may report: the PIC unit's staff only
    for akses in (STAF_A, KADIS, MONEV):
        with pytest.raises(AksesDitolak):
            svc_tl.perbarui(dunia, akses, tl, 1, "Dalam Proses", "x", None)
    with pytest.raises(ValueError, match="Status Selesai ditetapkan"):
        svc_tl.perbarui(dunia, STAF_B, tl, 1, "Selesai", "x", None)
    with pytest.raises(ValueError, match="Isi catatan progres"):
        svc_tl.perbarui(dunia, STAF_B, tl, 1, "Dalam Proses", " ", None, True)
    svc_tl.perbarui(dunia, STAF_B, tl, 1, "Belum", JAHAT, "https://contoh.go.id/bukti", True)
    row = dunia.execute(
        "SELECT status, catatan_progres, minta_tutup, diperbarui_oleh FROM tindak_lanjut "
        "WHERE id = $1",
        [tl],
    ).fetchone()
    assert row == ("Dalam Proses", JAHAT, True, "staf.b")  # asking to close means work was done
    with pytest.raises(KonflikData):
        svc_tl.perbarui(dunia, STAF_B, tl, 1, "Dalam Proses", "lama", None)
    # the Pengelola Monev refuses (reason required) or closes; nobody else does
    for akses in (STAF_B, KADIS, MONEV_LAIN):
        with pytest.raises(AksesDitolak):
            svc_tl.tutup(dunia, akses, tl, 2)
        with pytest.raises(AksesDitolak):
            svc_tl.tolak_tutup(dunia, akses, tl, 2, "belum")
    with pytest.raises(ValueError, match="Alasan penolakan"):
        svc_tl.tolak_tutup(dunia, MONEV, tl, 2, "  ")
    svc_tl.tolak_tutup(dunia, MONEV, tl, 2, "Lampirkan SK operator.")
    assert dunia.execute(
        "SELECT minta_tutup, catatan_monev FROM tindak_lanjut WHERE id = $1", [tl]
    ).fetchone() == (False, "Lampirkan SK operator.")
    with pytest.raises(ValueError, match="belum meminta"):
        svc_tl.tolak_tutup(dunia, MONEV, tl, 3, "lagi")
    with pytest.raises(KonflikData):
        svc_tl.tutup(dunia, MONEV, tl, 2)
    svc_tl.tutup(dunia, MONEV, tl, 3, "Cukup.")
    st = svc_tl.daftar_tindak_lanjut(dunia, KADIS, 1, hari_ini=HARI_INI).iloc[0]
    assert st["status"] == "Selesai" and not st["terlambat"] and st["ditutup_oleh"] == "monev"
    with pytest.raises(ValueError, match="sudah ditutup"):
        svc_tl.perbarui(dunia, STAF_B, tl, 4, "Dalam Proses", "x", None)
    with pytest.raises(ValueError, match="sudah ditutup"):
        svc_tl.tutup(dunia, MONEV, tl, 4)
    ev = [
        r[0]
        for r in dunia.execute(
            "SELECT jenis FROM event WHERE objek = 'tindak_lanjut' ORDER BY id"
        ).fetchall()
    ]
    assert ev == [
        "tindak_lanjut_diperbarui",
        "tindak_lanjut_ditolak_tutup",
        "tindak_lanjut_ditutup",
    ]
    # closed follow-ups no longer carry into the next meeting's agenda
    assert not [
        i
        for i in svc.usulan_agenda(dunia, MONEV, 1, 2026, 1, HARI_INI)
        if i.jenis == "tindak_lanjut"
    ]


def test_evidence_file_checked_before_stored(dunia, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    tl = _tl_id(dunia)
    with pytest.raises(AksesDitolak):
        svc_tl.unggah_bukti(dunia, STAF_A, tl, 1, "bukti.pdf", PDF)
    assert not (tmp_path / "bukti").exists()
    with pytest.raises(ValueError, match="tidak sesuai"):
        svc_tl.unggah_bukti(dunia, STAF_B, tl, 1, "bukti.pdf", b"bukan pdf")
    ref = svc_tl.unggah_bukti(dunia, STAF_B, tl, 1, "SK operator.pdf", PDF)
    assert dunia.execute("SELECT bukti FROM tindak_lanjut WHERE id = $1", [tl]).fetchone()[0] == ref
    assert "/2025-TW4/" in ref and (tmp_path / "bukti").exists()


def test_rekap_unit_for_kadis(dunia):
    r = svc_tl.rekap_unit(dunia, KADIS, 1, HARI_INI)
    assert r.to_dict("records") == [
        {
            "pic_unit": "Bidang B",
            "jumlah": 1,
            "terbuka": 1,
            "terlambat": 1,
            "minta_tutup": 0,
            "selesai": 0,
        }
    ]


def _teks_pdf(data: bytes) -> str:
    """The PDF's text with line breaks of wrapped cells as spaces."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_minutes_pdf_and_docx_inert_and_indonesian(dunia):
    rid = svc.buat_rapat(
        dunia,
        MONEV,
        1,
        _data(ringkasan=JAHAT, kesimpulan="1. Percepat.\n2. Tepat waktu."),
        [{"nama": "Siti <i>Aminah</i>", "jabatan": "Kepala Bidang A", "unit_id": 1}],
        [{"jenis": "lainnya", "uraian": "Rencana aksi =1+1"}],
    )
    svc.tambah_temuan(
        dunia,
        MONEV,
        rid,
        {"unit_id": 1, "indikator_id": 1, "permasalahan": "Capaian <script>x</script> rendah"},
        [
            {
                "uraian": "Susun jadwal percepatan",
                "pic_unit_id": 1,
                "batas_waktu": dt.date(2026, 6, 30),
            }
        ],
    )
    teks = _teks_pdf(svc.notulen(dunia, KADIS, rid, "pdf"))
    for harap in (
        "NOTULEN RAPAT MONITORING DAN EVALUASI KINERJA",
        "PEMERINTAH KABUPATEN CONTOH",
        "Rabu, 29 April 2026",
        "Pukul 09.00 WIB",
        "Triwulan I TA 2026",
        "<b>Tebal</b> & <a href='x'>tautan</a> =SUM(A1) **bintang**",
        "Siti <i>Aminah</i>",
        "Capaian <script>x</script> rendah",
        "A.01 Indikator A.01",
        "30 Juni 2026",
        "Pimpinan Rapat",
        "Notulis",
        "Contoh, 29 April 2026",
        "Halaman 1 dari",
    ):
        assert harap in teks, harap
    assert "PEMERINTAH PEMERINTAH" not in teks

    doc = Document(io.BytesIO(svc.notulen(dunia, MONEV, rid, "docx")))
    semua = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    for harap in (
        JAHAT,
        "Siti <i>Aminah</i>",
        "Rencana aksi =1+1",
        "Rabu, 29 April 2026",
        "Pimpinan Rapat",
    ):
        assert harap in semua, harap
    # follow-ups in their own table, numbered after their finding
    tl_tabel = next(t for t in doc.tables if t.rows[0].cells[1].text == "Tindak lanjut")
    assert [c.text for c in tl_tabel.rows[1].cells] == [
        "1.1",
        "Susun jadwal percepatan",
        "Bidang A",
        "30 Juni 2026",
        "Belum",
    ]
    # the chair typed as "nama, jabatan" is the head of the instansi: the signature block has
    # the jabatan above and the name alone on the name line, level with the notulis' name
    notulis, ketua = (c.text.split("\n") for c in doc.tables[-1].rows[0].cells)
    assert ketua[1:3] == ["Pimpinan Rapat", "Kepala Dinas Uji"] and ketua[-1] == "Budi"
    assert notulis[-1] == "Rina Marlina" and len(notulis) == len(ketua)
    xml = doc.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in xml and 'w:instr="NUMPAGES"' in xml
    body = doc.element.body.xml
    assert "w:fldSimple" not in body and "w:hyperlink" not in body  # typed text stays text


def test_minutes_time_in_the_agency_zone_and_room_to_sign(dunia, monkeypatch):
    from dashboard.rapat import notulen

    from .test_dokumen import _jarak_mm

    assert notulen.pukul(dt.datetime(2026, 4, 29, 9)) == "Pukul 09.00 WIB"
    monkeypatch.setenv("MONEV_TZ", "Asia/Makassar")
    assert notulen.pukul(dt.datetime(2026, 4, 29, 9)) == "Pukul 09.00 WITA"
    monkeypatch.setenv("MONEV_TZ", "Asia/Jayapura")
    assert notulen.pukul(dt.datetime(2026, 4, 29, 13, 30)) == "Pukul 13.30 WIT"
    monkeypatch.delenv("MONEV_TZ")
    rid = svc.buat_rapat(dunia, MONEV, 1, _data(pimpinan="Ir. Tamu Undangan"), [], [])
    isi = svc.notulen(dunia, MONEV, rid, "pdf")
    assert 25 <= _jarak_mm(isi, "Pimpinan Rapat", "Ir. Tamu Undangan") <= 30


def test_meeting_pack_pdf(dunia):
    data = svc.bahan_rapat_pdf(dunia, MONEV, 1, 2026, 1, HARI_INI)
    teks = _teks_pdf(data)
    for harap in (
        "BAHAN RAPAT MONITORING DAN EVALUASI KINERJA",
        "Triwulan I TA 2026",
        "21 November 2026",
        "Capaian triwulan indikator merah",
        "40%",
        "60%",
        "Bidang B",
        "belum menyampaikan data",
        "Tetapkan operator cadangan",
        "1 Maret 2026",
        "Tindak lanjut lewat batas waktu per unit PIC",
        "Pengelola Monev",
        "Rina Marlina",
    ):
        assert harap in teks, harap
    with pytest.raises(AksesDitolak):
        svc.bahan_rapat_pdf(dunia, STAF_A, 1, 2026, 1)


def test_demo_meetings_and_follow_ups(demo_con):
    assert demo_con.execute("SELECT count(*) FROM rapat WHERE status = 'final'").fetchone()[0] == 4
    status = {
        r[0] for r in demo_con.execute("SELECT DISTINCT status FROM tindak_lanjut").fetchall()
    }
    assert status == {"Belum", "Dalam Proses", "Selesai"}
    monev = pengguna.akses_untuk(demo_con, "monev")
    df = svc_tl.daftar_tindak_lanjut(demo_con, monev, 1, hari_ini=dt.date(2026, 11, 21))
    assert df["terlambat"].sum() > 0 and (df["minta_tutup"] & (df["status"] != "Selesai")).any()
    assert (
        demo_con.execute("SELECT count(*) FROM temuan WHERE indikator_id IS NOT NULL").fetchone()[0]
        > 0
    )
    # every finding's indicator belongs to the finding's unit; participants' units match jabatan
    assert (
        demo_con.execute(
            "SELECT count(*) FROM temuan t JOIN indikator i ON i.id = t.indikator_id "
            "WHERE i.unit_id <> t.unit_id"
        ).fetchone()[0]
        == 0
    )
    assert (
        demo_con.execute(
            "SELECT count(*) FROM rapat_peserta p JOIN unit u ON u.id = p.unit_id "
            "WHERE p.jabatan <> 'Kepala ' || u.nama"
        ).fetchone()[0]
        == 0
    )
    staf = pengguna.akses_untuk(demo_con, "staf.lyn")
    assert set(svc_tl.daftar_tindak_lanjut(demo_con, staf, 1)["pic_unit_id"]) == {staf.unit_id}


def test_duplicate_meeting_refused_unless_confirmed(dunia):
    """Same period, same day, same title (case and spaces aside): refused with a message that
    says what exists, until the user confirms it is another meeting; any difference passes."""
    rid = svc.buat_rapat(dunia, MONEV, 1, _data(), [], [])
    n = _jumlah(dunia, "rapat")
    ulang = _data(judul="  rapat monev   TRIWULAN I ", waktu=dt.datetime(2026, 4, 29, 14, 0))
    with pytest.raises(svc.RapatGanda, match="Rapat Monev Triwulan I' pada 29 April 2026"):
        svc.buat_rapat(dunia, MONEV, 1, ulang, [], [])
    assert _jumlah(dunia, "rapat") == n
    kembar = svc.rapat_serupa(dunia, KADIS, 1, 2026, 1, dt.date(2026, 4, 29), ulang["judul"])
    assert kembar["id"].tolist() == [rid]
    # another day, another period or another title is another meeting
    svc.buat_rapat(dunia, MONEV, 1, _data(waktu=dt.datetime(2026, 4, 30, 9)), [], [])
    svc.buat_rapat(dunia, MONEV, 1, _data(triwulan=2), [], [])
    svc.buat_rapat(dunia, MONEV, 1, _data(judul="Rapat Monev Lanjutan"), [], [])
    assert _jumlah(dunia, "rapat") == n + 3
    # confirmed: recorded, and both are listed
    kedua = svc.buat_rapat(dunia, MONEV, 1, ulang, [], [], boleh_ganda=True)
    kembar = svc.rapat_serupa(
        dunia, KADIS, 1, 2026, 1, dt.date(2026, 4, 29), "Rapat Monev Triwulan I"
    )
    assert kembar["id"].tolist() == [rid, kedua]
    with pytest.raises(AksesDitolak):
        svc.rapat_serupa(dunia, STAF_A, 1, 2026, 1, dt.date(2026, 4, 29), "Rapat")


def test_follow_up_without_pic_falls_to_the_findings_unit(dunia):
    rid = svc.buat_rapat(dunia, MONEV, 1, _data(), [], [])
    tid = svc.tambah_temuan(
        dunia,
        MONEV,
        rid,
        {"unit_id": 1, "permasalahan": "Data belum lengkap"},
        [{"uraian": "Lengkapi data", "pic_unit_id": None, "batas_waktu": dt.date(2026, 6, 1)}],
    )
    pic = dunia.execute("SELECT pic_unit_id FROM tindak_lanjut WHERE temuan_id = $1", [tid])
    assert pic.fetchall() == [(1,)]
