"""The notification screens (AppTest, real demo store): Kotak masuk with the item of an opened
period, mark read; the email switches on Akun saya; the admin's Notifikasi dan surel."""

from __future__ import annotations

import datetime as dt

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import config, store
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.periode import layanan_periode as periode

from .conftest import login
from .test_pages import _open_url


def _buka_periode() -> None:
    con = store.connect(config.db_url())
    try:
        monev = pengguna.akses_untuk(con, "monev")
        periode.buka_periode(con, monev, 1, 2026, 4, dt.date(2027, 1, 15))
    finally:
        con.close()


def _belum_dibaca(username: str) -> int:
    con = store.connect(config.db_url())
    try:
        return notifikasi.jumlah_belum_dibaca(con, pengguna.akses_untuk(con, username))
    finally:
        con.close()


def test_inbox_shows_the_letter_item_and_marks_it_read(app_db):
    _buka_periode()
    at = login("staf.par")
    _open_url(at, "kotak-masuk")
    assert not at.exception
    assert at.title[0].value == "Kotak masuk"
    judul = [m.value for m in at.markdown if "Permintaan data kinerja" in m.value]
    assert judul == ["**Permintaan data kinerja Triwulan IV 2026**"]  # unread: bold
    assert any("15 Januari 2027" in m.value for m in at.markdown)
    at.button(key=next(b.key for b in at.button if b.key.startswith("kotak_baca_"))).click()
    at.run()
    assert not at.exception
    assert _belum_dibaca("staf.par") == 0
    assert any(m.value == "Permintaan data kinerja Triwulan IV 2026" for m in at.markdown)


def test_empty_inbox_says_so(app_db):
    at = login("kadis")
    _open_url(at, "kotak-masuk")
    assert "Belum ada pemberitahuan" in at.info[0].value


def test_email_switch_on_the_account_page(app_db):
    at = login("staf.par")
    _open_url(at, "akun")
    at.toggle[0].set_value(False)
    at.button(key="simpan_preferensi").click()
    at.run()
    assert not at.exception
    assert "Pengaturan pemberitahuan disimpan" in at.success[0].value
    _buka_periode()
    con = store.connect(config.db_url())
    try:
        kepada = [r[0] for r in con.execute("SELECT penerima FROM surel_keluar").fetchall()]
    finally:
        con.close()
    assert "staf.par" not in kepada and len(kepada) == 5


def test_admin_runs_the_reminders_now(app_db):
    _buka_periode()
    at = login("admin")
    _open_url(at, "admin-notifikasi")
    assert at.title[0].value == "Notifikasi dan surel"
    assert "Surel belum diatur" in at.warning[0].value
    at.button(key="notif_kirim").click()
    at.run()
    assert not at.exception
    assert "pengingat baru" in at.success[0].value
    assert not at.dataframe[0].value.empty  # the queued mails, waiting for a mail server
