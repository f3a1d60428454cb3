"""The reporting procedures of issue 17 the app performs: the LKj state machine (pure rules and
the service: roles by record, returns, the signed documents frozen), Balangan's rollup rules,
the e-Kinerja export and entry, the meeting invitation and archive; every write's event with
exactly the names of the event contract (RULES.md, issue 17). Real stores, both backends."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard import berkala, lkj
from dashboard.akses import Akses, AksesDitolak
from dashboard.berkala import StatusTriwulan
from dashboard.lkj import TransisiLkjDitolak
from dashboard.services import ekinerja as svc_ek
from dashboard.services import lkj as svc
from dashboard.services import rapat as svc_rapat
from dashboard.store import KonflikData

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

pytestmark = pytest.mark.dua_backend


def _event(con, objek: str, objek_id: str) -> list[tuple]:
    return con.execute(
        "SELECT jenis, dari, ke, peran, pengguna, catatan, data FROM event "
        "WHERE objek = $1 AND objek_id = $2 ORDER BY id",
        [objek, objek_id],
    ).fetchall()


def _versi(con) -> int:
    return svc.status_lkj(con, MONEV, 1, 2025)["versi"]


def test_lkj_runs_end_to_end_with_contract_events_and_frozen_document(demo_con):
    c = demo_con
    assert svc.jalankan_lkj(c, MONEV, 1, 2025, "susun", None) == "disusun"
    svc.jalankan_lkj(c, SEKR, 1, 2025, "kembalikan", _versi(c), alasan="Lengkapi faktor")
    assert svc.status_lkj(c, KADIS, 1, 2025)["dikembalikan"]
    with pytest.raises(TransisiLkjDitolak):
        svc.jalankan_lkj(c, SEKR, 1, 2025, "periksa", _versi(c))
    svc.jalankan_lkj(c, MONEV, 1, 2025, "susun", _versi(c))
    svc.jalankan_lkj(c, SEKR, 1, 2025, "periksa", _versi(c))
    svc.jalankan_lkj(c, SEKR, 1, 2025, "paraf", _versi(c))
    with pytest.raises(TransisiLkjDitolak, match="Kepala Dinas"):
        svc.jalankan_lkj(c, SEKR, 1, 2025, "tandatangani", _versi(c))
    svc.jalankan_lkj(c, KADIS, 1, 2025, "tandatangani", _versi(c))
    pdf = svc.dokumen_lkj(c, KADIS, 1, 2025, "pdf")
    assert "LAPORAN KINERJA TAHUN 2025" in PdfReader(io.BytesIO(pdf.isi)).pages[0].extract_text()
    xlsx = svc.dokumen_lkj(c, MONEV, 1, 2025, "xlsx")
    assert load_workbook(io.BytesIO(xlsx.isi)).sheetnames
    # later data changes leave the signed document as it was
    c.execute("UPDATE instansi SET kepala_nama = 'Orang Lain' WHERE id = 1")
    assert svc.dokumen_lkj(c, KADIS, 1, 2025, "pdf").isi == pdf.isi
    assert svc.jalankan_lkj(c, MONEV, 1, 2025, "kirim", _versi(c)) == "dikirim"
    ev = _event(c, "lkj", "1:2025")
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


def test_lkj_permissions_by_record_and_stale_version(demo_con):
    c = demo_con
    with pytest.raises(AksesDitolak):
        svc.jalankan_lkj(c, LAIN, 1, 2025, "susun", None)  # another instansi's pengelola
    with pytest.raises(TransisiLkjDitolak):
        svc.jalankan_lkj(c, ADMIN, 1, 2025, "susun", None)
    svc.jalankan_lkj(c, MONEV, 1, 2025, "susun", None)
    lama = _versi(c)
    svc.jalankan_lkj(c, SEKR, 1, 2025, "periksa", lama)
    with pytest.raises(KonflikData):
        svc.jalankan_lkj(c, SEKR, 1, 2025, "kembalikan", lama, alasan="x")
    with pytest.raises(ValueError, match="belum ditandatangani"):
        svc.dokumen_lkj(c, KADIS, 1, 2025, "pdf")
    with pytest.raises(AksesDitolak):
        svc.status_lkj(c, LAIN, 1, 2025)
    assert len(_event(c, "lkj", "1:2025")) == 2


def test_berkala_rollup_events_and_refusal(demo_con):
    c = demo_con
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
        (t, q): i for i, t, q in c.execute("SELECT id, tahun, triwulan FROM periode").fetchall()
    }
    tw2, tw3 = periode[(2026, 2)], periode[(2026, 3)]
    with pytest.raises(ValueError, match="Ekspor data periode ini"):
        svc_ek.konfirmasi_entri(c, MONEV, tw2)
    dok = svc_ek.ekspor(c, MONEV, tw2)
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
        svc_ek.konfirmasi_entri(c, KADIS, tw2)
    svc_ek.konfirmasi_entri(c, MONEV, tw2, "entri selesai")
    with pytest.raises(ValueError, match="sudah dikonfirmasi"):
        svc_ek.konfirmasi_entri(c, MONEV, tw2)
    ev = _event(c, "ekinerja", f"1:{tw2}")
    assert [e[0] for e in ev] == ["ekinerja_diekspor", "ekinerja_dientri"]
    assert ev[1][5] == "entri selesai"


def test_undangan_document_sent_and_meeting_archived(demo_con):
    c = demo_con
    rid = int(svc_rapat.daftar_rapat(c, MONEV, 1)["id"].iloc[0])
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
    assert "undangan_rapat_dikirim" in jenis and jenis[-1] == "rapat_diarsipkan"
    assert svc_rapat.status_undangan(c, KADIS, rid)["diarsipkan_oleh"] == "monev"


def test_draft_meeting_cannot_be_archived(demo_con):
    c = demo_con
    c.execute("UPDATE rapat SET status = 'draf' WHERE id = 1")
    with pytest.raises(ValueError, match="Finalkan"):
        svc_rapat.arsipkan_rapat(c, MONEV, 1)
