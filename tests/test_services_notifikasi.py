"""Notifications and the request letter on a real demo store (docs/DOMAIN.md §14): what opening
a period writes, the reminders (idempotent), the email switches, retries after a failure and a
real SMTP server (aiosmtpd, started by the test). Demo: TW III 2026 (periode 11) is open with
tenggat 15 Oktober 2026; DEP and PAR have not submitted it."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import AksesDitolak
from dashboard.inti import surel
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.periode import layanan_periode as periode
from dashboard.review import layanan_review as review

from .smtp_lokal import server_smtp

pytestmark = pytest.mark.dua_backend

TENGGAT = dt.date(2027, 1, 15)
STAF = ["staf.dep", "staf.lyn", "staf.par", "staf.pbp", "staf.pka", "staf.sek"]


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _buka(con) -> int:
    return periode.buka_periode(con, _a(con, "monev"), 1, 2026, 4, TENGGAT)


def _kotak(con, jenis: str) -> list[str]:
    rows = con.execute(
        "SELECT penerima FROM notifikasi WHERE jenis = ? ORDER BY penerima", [jenis]
    ).fetchall()
    return [r[0] for r in rows]


def _smtp(port: int) -> surel.SetelanSmtp:
    return surel.SetelanSmtp("127.0.0.1", port, "monev@contoh.go.id", "none", batas_waktu=5)


def test_opening_a_period_writes_the_letter_and_tells_every_unit(demo_con):
    pid = _buka(demo_con)
    nomor, tujuan = demo_con.execute(
        "SELECT nomor, tujuan FROM surat_permintaan WHERE periode_id = ?", [pid]
    ).fetchone()
    assert nomor == "000/001/DISPERPUSIP/2026"
    assert "Bidang Pengelolaan Arsip" in tujuan
    ev = demo_con.execute(
        "SELECT objek, objek_id FROM event WHERE jenis = 'surat_permintaan_dikirim' "
        "AND objek_id = ?",
        [str(pid)],
    ).fetchall()
    assert ev == [("periode", str(pid))]  # the demo's periods have their own (demo_sop.py)
    assert _kotak(demo_con, "periode_dibuka") == STAF
    kepada = demo_con.execute("SELECT kepada FROM surel_keluar ORDER BY kepada").fetchall()
    assert [k[0] for k in kepada] == [f"{s}@contoh.go.id" for s in STAF]


def test_the_next_letter_of_the_year_gets_the_next_number(demo_con):
    monev = _a(demo_con, "monev")
    periode.buka_periode(demo_con, monev, 1, 2026, 4, TENGGAT)
    pid = periode.buka_periode(demo_con, monev, 1, 2027, 1, dt.date(2027, 4, 15))
    pid2 = periode.buka_periode(demo_con, monev, 1, 2027, 2, dt.date(2027, 7, 15))
    assert notifikasi.surat(demo_con, monev, pid).nomor == "000/001/DISPERPUSIP/2027"
    assert notifikasi.surat(demo_con, monev, pid2).nomor == "000/002/DISPERPUSIP/2027"


def test_letter_files_name_the_units_the_due_date_and_what_to_send(demo_con):
    from docx import Document
    from pypdf import PdfReader

    pid = _buka(demo_con)
    pdf = notifikasi.berkas_surat(demo_con, _a(demo_con, "staf.par"), pid, "pdf")
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    teks = " ".join(teks.split())
    for isi in (
        "NOTA DINAS",
        "000/001/DISPERPUSIP/2026",
        "Kepala Bidang Pengelolaan Arsip",
        "Jumat, 15 Januari 2027",
        "bukti dukung",
        "Triwulan IV Tahun 2026",
    ):
        assert isi in teks, isi
    docx = notifikasi.berkas_surat(demo_con, _a(demo_con, "kadis"), pid, "docx")
    kata = " ".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert "000/001/DISPERPUSIP/2026" in kata and "15 Januari 2027" in kata


def test_a_period_opened_before_letters_existed_has_none(demo_con):
    with pytest.raises(ValueError, match="belum memiliki Nota Dinas"):
        notifikasi.surat(demo_con, _a(demo_con, "monev"), 11)


def test_reminders_by_day_and_never_twice(demo_con):
    _buka(demo_con)
    admin = _a(demo_con, "admin")
    h = notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2027, 1, 11, 9))
    assert "tenggat_h3" not in h.baru  # four days before: nothing for the new period
    assert h.baru["terlambat"] == 2  # TW III: DEP and PAR are overdue
    h = notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2027, 1, 12, 9))
    assert h.baru["tenggat_h3"] == 6 and "terlambat" not in h.baru
    assert not notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2027, 1, 12, 10)).baru
    assert _kotak(demo_con, "terlambat") == ["staf.dep", "staf.par"]
    h = notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2027, 1, 14, 9))
    assert h.baru["tenggat_h1"] == 6
    h = notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2027, 1, 16, 9))
    assert h.baru["terlambat"] == 6


def test_reminders_skip_units_that_submitted(demo_con):
    admin = _a(demo_con, "admin")
    # TW III: LYN, PBP, PKA and SEK submitted; only DEP and PAR are told it is overdue
    notifikasi.jalankan_pengingat(demo_con, admin, dt.datetime(2026, 10, 20, 9))
    assert _kotak(demo_con, "terlambat") == ["staf.dep", "staf.par"]


def test_email_off_keeps_the_inbox_item_and_queues_no_mail(demo_con):
    notifikasi.simpan_preferensi(demo_con, _a(demo_con, "staf.par"), False, False)
    _buka(demo_con)
    assert "staf.par" in _kotak(demo_con, "periode_dibuka")
    kepada = [r[0] for r in demo_con.execute("SELECT penerima FROM surel_keluar").fetchall()]
    assert "staf.par" not in kepada and len(kepada) == 5


def test_mark_read_only_ones_own(demo_con):
    _buka(demo_con)
    par, dep = _a(demo_con, "staf.par"), _a(demo_con, "staf.dep")
    assert notifikasi.jumlah_belum_dibaca(demo_con, par) == 1
    item = int(notifikasi.kotak_masuk(demo_con, par)["id"].iloc[0])
    assert not notifikasi.tandai_dibaca(demo_con, dep, item)  # not DEP's: left unread
    assert notifikasi.jumlah_belum_dibaca(demo_con, par) == 1
    assert notifikasi.tandai_dibaca(demo_con, par, item)
    assert notifikasi.jumlah_belum_dibaca(demo_con, par) == 0
    notifikasi.tandai_semua_dibaca(demo_con, dep)
    assert notifikasi.jumlah_belum_dibaca(demo_con, dep) == 0


def test_a_returned_submission_tells_the_unit_with_the_reason(demo_con):
    sid = demo_con.execute(
        "SELECT s.id FROM pengajuan s JOIN unit u ON u.id = s.unit_id "
        "WHERE s.periode_id = 11 AND s.status = 'diajukan' ORDER BY s.id LIMIT 1"
    ).fetchone()[0]
    review.proses(demo_con, _a(demo_con, "monev"), sid, "kembalikan", "Bukti dukung kurang.")
    isi = demo_con.execute("SELECT penerima, isi FROM notifikasi WHERE jenis = 'dikembalikan'")
    rows = isi.fetchall()
    assert len(rows) == 1 and "Bukti dukung kurang." in rows[0][1]
    assert rows[0][0].startswith("staf.")


def test_a_reviewer_is_told_when_a_queue_waits_past_the_standard(demo_con):
    admin = _a(demo_con, "admin")
    sejak = demo_con.execute(
        "SELECT min(status_sejak) FROM pengajuan WHERE status = 'diajukan'"
    ).fetchone()[0]
    h = notifikasi.jalankan_pengingat(demo_con, admin, sejak + dt.timedelta(minutes=1))
    assert "antrian_lewat" not in h.baru
    h = notifikasi.jalankan_pengingat(demo_con, admin, sejak + dt.timedelta(days=30))
    assert h.baru.get("antrian_lewat", 0) >= 1
    assert "monev" in _kotak(demo_con, "antrian_lewat")


def test_only_an_administrator_runs_the_reminders(demo_con):
    with pytest.raises(AksesDitolak):
        notifikasi.jalankan_pengingat(demo_con, _a(demo_con, "monev"))


def test_a_failed_send_is_kept_and_retried_later(demo_con):
    _buka(demo_con)
    admin = _a(demo_con, "admin")
    t0 = dt.datetime(2027, 1, 2, 9)
    with server_smtp() as (port, kotak):
        kotak.tolak = True
        h = notifikasi.kirim_outbox(demo_con, admin, _smtp(port), sekarang=t0)
        assert (h.terkirim, h.gagal) == (0, 6) and kotak.surat == []
        rows = demo_con.execute(
            "SELECT percobaan, galat_terakhir, terkirim_pada FROM surel_keluar"
        ).fetchall()
        assert all(r[0] == 1 and "451" in r[1] and r[2] is None for r in rows)
        kotak.tolak = False
        # not due yet: nothing is tried again
        h = notifikasi.kirim_outbox(demo_con, admin, _smtp(port), sekarang=t0)
        assert (h.terkirim, h.gagal) == (0, 0)
        lagi = t0 + dt.timedelta(minutes=5)  # the first retry is due 5 minutes later
        h = notifikasi.kirim_outbox(demo_con, admin, _smtp(port), sekarang=lagi)
        assert h.terkirim == 6 and len(kotak.surat) == 6
    sisa = demo_con.execute("SELECT count(*) FROM surel_keluar WHERE terkirim_pada IS NULL")
    assert sisa.fetchone()[0] == 0


def test_a_server_that_is_down_never_undoes_the_period(demo_con, monkeypatch):
    port = __import__("dashboard.inti.serve", fromlist=["free_port"]).free_port()  # nobody listens
    monkeypatch.setenv("MONEV_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MONEV_SMTP_PORT", str(port))
    monkeypatch.setenv("MONEV_SMTP_TLS", "none")
    pid = _buka(demo_con)  # the best-effort send right after the commit fails
    assert notifikasi.surat(demo_con, _a(demo_con, "monev"), pid)
    row = demo_con.execute(
        "SELECT count(*), max(percobaan) FROM surel_keluar WHERE terkirim_pada IS NULL"
    ).fetchone()
    assert row == (6, 1)  # the first failure stops the immediate send; all wait for the command


def test_real_smtp_server_receives_one_mail_per_unit_recipient(demo_con, monkeypatch):
    with server_smtp() as (port, kotak):
        monkeypatch.setenv("MONEV_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("MONEV_SMTP_PORT", str(port))
        monkeypatch.setenv("MONEV_SMTP_TLS", "none")
        _buka(demo_con)  # sent right after the commit
        assert kotak.penerima() == [f"{s}@contoh.go.id" for s in STAF]
        _, pesan = kotak.surat[0]
        assert pesan["Subject"] == "[Monev Kinerja] Permintaan data kinerja Triwulan IV 2026"
        assert "000/001/DISPERPUSIP/2026" in pesan.get_content()
        # the command sends its own reminders, never the period's mails again
        notifikasi.jalankan(demo_con, notifikasi.SISTEM_PENGIRIM)
        subjek = [p["Subject"] for _, p in kotak.surat]
        assert subjek.count(pesan["Subject"]) == 6


def test_a_key_read_beforehand_is_not_written_again_and_the_others_are(demo_con):
    """A reminder run reads the keys earlier runs wrote and skips them without a write (one
    attempted write per due item held the server for a second at 40 instansi); a key it did
    not read still goes through the store's own deduplication."""
    penerima = notifikasi.penerima_unit(demo_con, [1, 2])
    assert len(penerima) >= 2
    pesan = notifikasi.aturan.pesan_tenggat("tenggat_h3", 2026, 4, TENGGAT, "Unit", 1)
    lewati = f"uji:{penerima['username'].iloc[0]}"
    assert notifikasi.kirim(demo_con, pesan, penerima, "uji", ada={lewati}) == len(penerima) - 1
    assert lewati.split(":")[1] not in _kotak(demo_con, "tenggat_h3")
    assert notifikasi.kirim(demo_con, pesan, penerima, "uji") == 1  # only the skipped one
    assert len(_kotak(demo_con, "tenggat_h3")) == len(penerima)
