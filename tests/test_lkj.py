"""The reporting procedures of issue 17 the app performs: the LKj state machine (pure rules and
the service: roles by record, returns, the signed documents frozen), Balangan's rollup rules,
the e-Kinerja export and entry, the meeting invitation and archive; every write's event with
exactly the names of the event contract (RULES.md, issue 17). Real stores, both backends."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti.store import KonflikData
from dashboard.laporan import berkala, lkj
from dashboard.laporan import layanan_ekinerja as svc_ek
from dashboard.laporan import layanan_lkj as svc
from dashboard.laporan.berkala import StatusTriwulan
from dashboard.laporan.lkj import TransisiLkjDitolak
from dashboard.rapat import layanan_rapat as svc_rapat

MONEV = Akses("monev", frozenset({"pengelola_monev"}), 1, nama="Rina")
SEKR = Akses("sekretaris", frozenset({"sekretaris"}), 1)
KADIS = Akses("kadis", frozenset({"kadis"}), 1)
ADMIN = Akses("admin", frozenset({"admin"}), 1)
LAIN = Akses("monev2", frozenset({"pengelola_monev"}), 2)
P = frozenset


# --- pure rules -----------------------------------------------------------------------------


def test_lkj_chain_each_act_by_its_sop_role():
    urutan = [
        (None, "susun", "pengelola_monev", "disusun"),
        ("disusun", "periksa", "sekretaris", "diperiksa"),
        ("diperiksa", "paraf", "sekretaris", "diparaf"),
        ("diparaf", "tandatangani", "kadis", "ditandatangani"),
        ("ditandatangani", "kirim", "pengelola_monev", "dikirim"),
    ]
    for dari, aksi, peran, ke in urutan:
        assert lkj.transisi(dari, aksi, P({peran})).ke == ke
        lain = P({"kadis", "sekretaris", "pengelola_monev", "admin"} - {peran})
        with pytest.raises(TransisiLkjDitolak, match="hanya untuk peran"):
            lkj.transisi(dari, aksi, lain)


def test_lkj_no_skipping_and_nothing_after_sent():
    with pytest.raises(TransisiLkjDitolak, match="tidak dapat dilakukan"):
        lkj.transisi("disusun", "tandatangani", P({"kadis"}))
    with pytest.raises(TransisiLkjDitolak):
        lkj.transisi(None, "periksa", P({"sekretaris"}))
    assert lkj.aksi_tersedia("dikirim", False, P(lkj.NAMA_PERAN)) == []


def test_lkj_return_needs_reason_goes_to_disusun_and_blocks_check_until_redrafted():
    with pytest.raises(TransisiLkjDitolak, match="Alasan"):
        lkj.transisi("diparaf", "kembalikan", P({"kadis"}), alasan="  ")
    for dari, peran in (
        ("disusun", "sekretaris"),
        ("diperiksa", "sekretaris"),
        ("diparaf", "kadis"),
    ):
        assert lkj.transisi(dari, "kembalikan", P({peran}), alasan="kurang").ke == "disusun"
    with pytest.raises(TransisiLkjDitolak, match="menyusun ulang"):
        lkj.transisi("disusun", "periksa", P({"sekretaris"}), dikembalikan=True)
    assert lkj.aksi_tersedia("disusun", True, P({"sekretaris"})) == []
    assert lkj.aksi_tersedia("disusun", True, P({"pengelola_monev"})) == ["susun"]


def test_tujuan_bawaan_by_level_of_government():
    assert "Gubernur" in lkj.tujuan_bawaan("Pemerintah Provinsi Kalimantan Barat")
    assert "Bupati" in lkj.tujuan_bawaan("Pemerintah Kabupaten Balangan")
    assert "Wali Kota" in lkj.tujuan_bawaan("Pemerintah Kota Pontianak")


def test_rollup_semester_needs_both_quarters_signed_year_needs_both_semesters():
    siap = {q: StatusTriwulan(q, True, 3, 3) for q in (1, 2)}
    assert berkala.kurang("S1", siap, set()) == []
    kurang = berkala.kurang("S1", {1: siap[1], 2: StatusTriwulan(2, True, 3, 2)}, set())
    assert kurang == ["Triwulan II: baru 2 dari 3 unit disahkan"]
    assert berkala.kurang("S2", siap, set()) == [
        "periode Triwulan III belum dibuka",
        "periode Triwulan IV belum dibuka",
    ]
    assert berkala.kurang("S1", {1: StatusTriwulan(1, True, 0, 0), 2: siap[2]}, set()) == [
        "Triwulan I belum memiliki unit dengan indikator"
    ]
    assert berkala.kurang("TH", {}, {"S1"}) == ["laporan Semester II belum disusun"]
    assert berkala.kurang("TH", {}, {"S1", "S2"}) == []
    assert berkala.jenis_event("S2") == "laporan_semester_disusun"
    assert berkala.jenis_event("TH") == "laporan_tahunan_disusun"


# --- services on the demo store -------------------------------------------------------------
# The demo performs these procedures itself, through the same services (dashboard/alat/demo_sop.py):
# the LKj of 2024 and 2025, the e-Kinerja of every past quarter, the invitation and archive of
# its meetings. The tests below act on what the demo leaves untouched (the LKj of 2026, the
# running quarter's e-Kinerja, a meeting they record themselves, instansi 1's semester
# reports) and check the demo's own records against their events.

pytestmark = pytest.mark.dua_backend
TAHUN = 2026  # no LKj in the demo yet


def _event(con, objek: str, objek_id: str) -> list[tuple]:
    return con.execute(
        "SELECT jenis, dari, ke, peran, pengguna, catatan, data FROM event "
        "WHERE objek = $1 AND objek_id = $2 ORDER BY id",
        [objek, objek_id],
    ).fetchall()


def _versi(con) -> int:
    return svc.status_lkj(con, MONEV, 1, TAHUN)["versi"]


def test_demo_records_agree_with_their_events(demo_con):
    """Every LKj, report, e-Kinerja and invitation / archive row of the demo was made by its
    service: its event is there, by the same person at the same moment."""
    c = demo_con
    lkj_rows = c.execute("SELECT tahun, status, status_oleh, status_pada FROM lkj").fetchall()
    assert sorted((t, s) for t, s, *_ in lkj_rows) == [(2024, "dikirim"), (2025, "dikirim")]
    for tahun, status, oleh, pada in lkj_rows:
        ev = c.execute(
            "SELECT ke, pengguna, waktu FROM event WHERE objek = 'lkj' AND objek_id = $1 "
            "ORDER BY id",
            [f"1:{tahun}"],
        ).fetchall()
        assert [e[0] for e in ev] == ["disusun", "diperiksa", "diparaf", "ditandatangani", status]
        assert ev[-1][1:] == (oleh, pada)
        assert svc.dokumen_lkj(c, KADIS, 1, tahun, "pdf").isi.startswith(b"%PDF")
    ek = c.execute("SELECT instansi_id, periode_id, diekspor_pada, dientri_pada FROM ekinerja")
    ek = ek.fetchall()
    assert len(ek) == 10  # every quarter before the running one
    for iid, pid, ekspor, entri in ek:
        ev = c.execute(
            "SELECT jenis, waktu FROM event WHERE objek = 'ekinerja' AND objek_id = $1 ORDER BY id",
            [f"{iid}:{pid}"],
        ).fetchall()
        assert ev == [("ekinerja_diekspor", ekspor), ("ekinerja_dientri", entri)]
    berkala_rows = c.execute("SELECT instansi_id, tahun, bagian, disusun_pada FROM laporan_berkala")
    berkala_rows = berkala_rows.fetchall()
    assert {b for *_, b, _ in berkala_rows} == {"S1", "S2", "TH"}
    for iid, tahun, bagian, pada in berkala_rows:
        ev = c.execute(
            "SELECT jenis, waktu FROM event WHERE objek = 'laporan_berkala' AND objek_id = $1",
            [f"{iid}:{tahun}:{bagian}"],
        ).fetchall()
        assert ev == [(berkala.jenis_event(bagian), pada)]
    for tabel, jenis, kolom in (
        ("rapat_undangan", "undangan_rapat_dikirim", "dikirim_pada"),
        ("rapat_arsip", "rapat_diarsipkan", "pada"),
    ):
        rows = c.execute(f"SELECT rapat_id, {kolom} FROM {tabel} ORDER BY 1").fetchall()
        assert len(rows) == 4  # every demo meeting
        for rid, pada in rows:
            assert _event(c, "rapat", str(rid)) and c.execute(
                "SELECT waktu FROM event WHERE objek = 'rapat' AND objek_id = $1 AND jenis = $2",
                [str(rid), jenis],
            ).fetchall() == [(pada,)]
    # no contract event of these services without its row
    for objek, n in (("lkj", 2), ("ekinerja", len(ek)), ("laporan_berkala", len(berkala_rows))):
        assert (
            c.execute(
                "SELECT count(DISTINCT objek_id) FROM event WHERE objek = $1", [objek]
            ).fetchone()[0]
            == n
        )


def test_lkj_runs_end_to_end_with_contract_events_and_frozen_document(demo_con):
    c = demo_con
    assert svc.status_lkj(c, KADIS, 1, TAHUN) is None and _event(c, "lkj", f"1:{TAHUN}") == []
    assert svc.jalankan_lkj(c, MONEV, 1, TAHUN, "susun", None) == "disusun"
    svc.jalankan_lkj(c, SEKR, 1, TAHUN, "kembalikan", _versi(c), alasan="Lengkapi faktor")
    assert svc.status_lkj(c, KADIS, 1, TAHUN)["dikembalikan"]
    with pytest.raises(TransisiLkjDitolak):
        svc.jalankan_lkj(c, SEKR, 1, TAHUN, "periksa", _versi(c))
    svc.jalankan_lkj(c, MONEV, 1, TAHUN, "susun", _versi(c))
    svc.jalankan_lkj(c, SEKR, 1, TAHUN, "periksa", _versi(c))
    svc.jalankan_lkj(c, SEKR, 1, TAHUN, "paraf", _versi(c))
    with pytest.raises(TransisiLkjDitolak, match="Kepala Dinas"):
        svc.jalankan_lkj(c, SEKR, 1, TAHUN, "tandatangani", _versi(c))
    svc.jalankan_lkj(c, KADIS, 1, TAHUN, "tandatangani", _versi(c))
    pdf = svc.dokumen_lkj(c, KADIS, 1, TAHUN, "pdf")
    judul = PdfReader(io.BytesIO(pdf.isi)).pages[0].extract_text()
    assert f"LAPORAN KINERJA TAHUN {TAHUN}" in judul
    xlsx = svc.dokumen_lkj(c, MONEV, 1, TAHUN, "xlsx")
    assert load_workbook(io.BytesIO(xlsx.isi)).sheetnames
    # later data changes leave the signed document as it was
    c.execute("UPDATE instansi SET kepala_nama = 'Orang Lain' WHERE id = 1")
    assert svc.dokumen_lkj(c, KADIS, 1, TAHUN, "pdf").isi == pdf.isi
    assert svc.jalankan_lkj(c, MONEV, 1, TAHUN, "kirim", _versi(c)) == "dikirim"
    ev = _event(c, "lkj", f"1:{TAHUN}")
    assert {e[0] for e in ev} == {"transisi"}
    assert [(e[1], e[2], e[3]) for e in ev] == [
        (None, "disusun", "pengelola_monev"),
        ("disusun", "disusun", "sekretaris"),
        ("disusun", "disusun", "pengelola_monev"),
        ("disusun", "diperiksa", "sekretaris"),
        ("diperiksa", "diparaf", "sekretaris"),
        ("diparaf", "ditandatangani", "kadis"),
        ("ditandatangani", "dikirim", "pengelola_monev"),
    ]
    assert ev[1][5] == "Lengkapi faktor" and json.loads(ev[1][6]) == {"aksi": "kembalikan"}
    assert "Bupati" in ev[-1][5]
    # the demo's LKj of the year before is untouched
    assert svc.status_lkj(c, KADIS, 1, TAHUN - 1)["status"] == "dikirim"
    assert len(_event(c, "lkj", f"1:{TAHUN - 1}")) == 5


def test_lkj_permissions_by_record_and_stale_version(demo_con):
    c = demo_con
    with pytest.raises(AksesDitolak):
        svc.jalankan_lkj(c, LAIN, 1, TAHUN, "susun", None)  # another instansi's pengelola
    with pytest.raises(TransisiLkjDitolak):
        svc.jalankan_lkj(c, ADMIN, 1, TAHUN, "susun", None)
    svc.jalankan_lkj(c, MONEV, 1, TAHUN, "susun", None)
    lama = _versi(c)
    svc.jalankan_lkj(c, SEKR, 1, TAHUN, "periksa", lama)
    with pytest.raises(KonflikData):
        svc.jalankan_lkj(c, SEKR, 1, TAHUN, "kembalikan", lama, alasan="x")
    with pytest.raises(ValueError, match="belum ditandatangani"):
        svc.dokumen_lkj(c, KADIS, 1, TAHUN, "pdf")
    with pytest.raises(AksesDitolak):
        svc.status_lkj(c, LAIN, 1, TAHUN)
    assert len(_event(c, "lkj", f"1:{TAHUN}")) == 2
    with pytest.raises(TransisiLkjDitolak):  # a sent LKj takes no further act
        svc.jalankan_lkj(
            c, MONEV, 1, TAHUN - 1, "susun", svc.status_lkj(c, MONEV, 1, TAHUN - 1)["versi"]
        )


def test_berkala_rollup_events_and_refusal(demo_con):
    c = demo_con
    assert _event(c, "laporan_berkala", "1:2025:S1") == []  # the demo's are Balangan's instansi
    with pytest.raises(ValueError, match="Semester I belum disusun"):
        svc.susun_berkala(c, MONEV, 1, 2025, "TH")
    for b in ("S1", "S2", "TH"):
        svc.susun_berkala(c, MONEV, 1, 2025, b)
    with pytest.raises(ValueError, match="Triwulan III: baru 1 dari 6 unit disahkan"):
        svc.susun_berkala(c, MONEV, 1, 2026, "S2")
    with pytest.raises(AksesDitolak):
        svc.susun_berkala(c, SEKR, 1, 2025, "S1")
    assert _event(c, "laporan_berkala", "1:2025:S1")[0][0] == "laporan_semester_disusun"
    assert _event(c, "laporan_berkala", "1:2025:S2")[0][0] == "laporan_semester_disusun"
    assert _event(c, "laporan_berkala", "1:2025:TH")[0][0] == "laporan_tahunan_disusun"
    assert _event(c, "laporan_berkala", "1:2026:S2") == []
    teks = PdfReader(io.BytesIO(svc.dokumen_berkala(c, KADIS, 1, 2025, "S1", "pdf").isi))
    assert "SEMESTER I" in teks.pages[0].extract_text().upper()


def test_ekinerja_export_signed_only_then_entry_once(demo_con):
    c = demo_con
    periode = {
        (t, q): i
        for i, t, q in c.execute(
            "SELECT id, tahun, triwulan FROM periode WHERE instansi_id = 1"
        ).fetchall()
    }
    tw2, tw3 = periode[(2026, 2)], periode[(2026, 3)]
    # the demo exported and entered TW II; the running TW III is the test's
    with pytest.raises(ValueError, match="sudah dikonfirmasi"):
        svc_ek.konfirmasi_entri(c, MONEV, tw2)
    assert _event(c, "ekinerja", f"1:{tw3}") == []
    with pytest.raises(ValueError, match="Ekspor data periode ini"):
        svc_ek.konfirmasi_entri(c, MONEV, tw3)
    dok = svc_ek.ekspor(c, MONEV, tw3)
    ws = load_workbook(io.BytesIO(dok.isi)).active
    kepala = [ws.cell(7, j).value for j in range(1, 10)]
    assert kepala[2:] == [
        "Indikator kinerja",
        "Satuan",
        "Target tahunan",
        "Target s.d. triwulan",
        "Realisasi s.d. triwulan",
        "Capaian (%)",
        "Keterangan",
    ]
    # TW III: one unit signed, the others' rows say they are not signed (never a number)
    df = svc_ek.tabel(c, MONEV, tw3)
    belum = df[df["Keterangan"] == "Belum ada realisasi yang disahkan; tidak untuk dientri."]
    assert len(belum) and belum["Realisasi s.d. triwulan"].isna().all()
    with pytest.raises(AksesDitolak):
        svc_ek.konfirmasi_entri(c, KADIS, tw3)
    svc_ek.konfirmasi_entri(c, MONEV, tw3, "entri selesai")
    with pytest.raises(ValueError, match="sudah dikonfirmasi"):
        svc_ek.konfirmasi_entri(c, MONEV, tw3)
    ev = _event(c, "ekinerja", f"1:{tw3}")
    assert [e[0] for e in ev] == ["ekinerja_diekspor", "ekinerja_dientri"]
    assert ev[1][5] == "entri selesai"


def _rapat_baru(c) -> int:
    """A meeting of the running quarter recorded by the test, with the demo meeting's
    participants, one finding, made final (the demo's own are already archived)."""
    lama = int(svc_rapat.daftar_rapat(c, MONEV, 1)["id"].iloc[0])
    peserta = svc_rapat.detail_rapat(c, MONEV, lama)["peserta"]
    rid = svc_rapat.buat_rapat(
        c,
        MONEV,
        1,
        {
            "tahun": 2026,
            "triwulan": 3,
            "judul": "Rapat Monev Capaian Kinerja Triwulan III Tahun 2026",
            "waktu": dt.datetime(2026, 11, 26, 9, 0),
            "tempat": "Ruang Rapat Kepala Dinas",
            "pimpinan": "Kepala Dinas",
            "notulis": "Pengelola Monev",
            "kesimpulan": "Percepat entri.",
        },
        [
            {"nama": n, "jabatan": j}
            for n, j in zip(peserta["nama"], peserta["jabatan"], strict=True)
        ],
        [],
    )
    svc_rapat.tambah_temuan(
        c,
        MONEV,
        rid,
        {"unit_id": 2, "permasalahan": "Data terlambat disampaikan"},
        [{"uraian": "Tetapkan operator cadangan", "pic_unit_id": 2, "batas_waktu": "2026-12-31"}],
    )
    svc_rapat.finalkan_rapat(c, MONEV, rid, 1)
    return rid


def test_undangan_document_sent_and_meeting_archived(demo_con):
    c = demo_con
    rid = _rapat_baru(c)
    assert svc_rapat.status_undangan(c, KADIS, rid)["nomor"] is None
    pdf = svc_rapat.undangan(c, MONEV, rid, "pdf", "005/12/Sekr")
    teks = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "005/12/Sekr" in teks and "Undangan Rapat Monitoring" in teks and "Yth." in teks
    peserta = svc_rapat.detail_rapat(c, MONEV, rid)["peserta"]["nama"]
    assert all(n in teks for n in peserta)
    with pytest.raises(ValueError, match="nomor surat"):
        svc_rapat.kirim_undangan(c, MONEV, rid, " ")
    with pytest.raises(AksesDitolak):
        svc_rapat.kirim_undangan(c, KADIS, rid, "005/1")
    svc_rapat.kirim_undangan(c, MONEV, rid, "005/77/Sekr")
    docx = Document(io.BytesIO(svc_rapat.undangan(c, KADIS, rid, "docx")))
    assert any("005/77/Sekr" in p.text for p in docx.paragraphs)  # the number it was sent under
    svc_rapat.arsipkan_rapat(c, MONEV, rid)
    with pytest.raises(ValueError, match="sudah diarsipkan"):
        svc_rapat.arsipkan_rapat(c, MONEV, rid)
    jenis = [e[0] for e in _event(c, "rapat", str(rid))]
    assert jenis == [
        "rapat_dibuat",
        "temuan_ditambah",
        "rapat_difinalkan",
        "undangan_rapat_dikirim",
        "rapat_diarsipkan",
    ]
    assert svc_rapat.status_undangan(c, KADIS, rid)["diarsipkan_oleh"] == "monev"


def test_draft_meeting_cannot_be_archived(demo_con):
    c = demo_con
    c.execute("UPDATE rapat SET status = 'draf' WHERE id = 1")
    with pytest.raises(ValueError, match="Finalkan"):
        svc_rapat.arsipkan_rapat(c, MONEV, 1)
