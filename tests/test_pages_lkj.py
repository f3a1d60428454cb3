"""Penyusunan laporan and the Rapat monev invitation through AppTest: each role sees exactly
its LKj act, a return shows its reason, signing keeps the documents; the Balangan reports and
the e-Kinerja steps; the meeting invitation sent and the meeting archived."""

from __future__ import annotations

import re

import duckdb

from .conftest import login
from .test_pages import _open_url


def _db(app_db, sql: str, params=None):
    con = duckdb.connect(str(app_db))
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _teks(el) -> str:
    """A message as a person reads it (its markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", el.value)


def _tombol(at, label: str):
    return next(b for b in at.button if b.label == label)


def _label(at) -> set[str]:
    return {b.label for b in at.button}


def _buka(user: str):
    at = login(user)
    _open_url(at, "penyusunan-laporan")
    assert not at.exception, at.exception
    assert at.title[0].value == "Penyusunan laporan"
    return at


def test_lkj_chain_through_the_page_by_role(app_db):
    at = _buka("sekretaris")
    assert "Susun konsep LKj" not in _label(at)  # the Sekretaris does not draft
    at = _buka("monev")
    assert at.selectbox(key="lkj_tahun").value == 2025  # last finished year
    _tombol(at, "Susun konsep LKj").click().run()
    assert not at.exception and "LKj kini berstatus Disusun." in _teks(at.success[0])
    at = _buka("sekretaris")
    at.text_area(key="lkj_alasan").input("Lengkapi faktor penghambat")
    _tombol(at, "Kembalikan untuk diperbaiki").click().run()
    at = _buka("sekretaris")
    assert "Lengkapi faktor penghambat" in _teks(at.warning[0])
    assert "Periksa kelengkapan" not in _label(at)
    at = _buka("monev")
    _tombol(at, "Susun konsep LKj").click().run()
    at = _buka("sekretaris")
    _tombol(at, "Periksa kelengkapan").click().run()
    _tombol(at, "Paraf").click().run()
    assert "LKj kini berstatus Diparaf." in _teks(at.success[0])
    at = _buka("kadis")
    _tombol(at, "Tandatangani").click().run()
    at = _buka("monev")
    assert at.text_input(key="lkj_tujuan").value.startswith("Bupati")
    _tombol(at, "Kirim LKj").click().run()
    assert not at.exception
    assert "LKj ditandatangani (PDF)" in {b.label for b in at.get("download_button")}
    ke = [r[0] for r in _db(app_db, "SELECT ke FROM event WHERE objek = 'lkj' ORDER BY id")]
    assert ke == [
        "disusun",
        "disusun",
        "disusun",
        "diperiksa",
        "diparaf",
        "ditandatangani",
        "dikirim",
    ]
    riwayat = at.dataframe[0].value
    assert riwayat["Status"].tolist()[-1] == "Dikirim"


def test_berkala_and_ekinerja_steps(app_db):
    at = _buka("monev")
    at.selectbox(key="berkala_tahun").set_value(2025).run()
    _tombol(at, "Susun laporan Semester I").click().run()
    assert not at.exception and "Laporan Semester I TA 2025 tersusun." in _teks(at.success[0])
    at.selectbox(key="berkala_tahun").set_value(2026).run()
    assert _tombol(at, "Susun laporan Semester II").disabled
    tw2 = _db(app_db, "SELECT id FROM periode WHERE tahun = 2026 AND triwulan = 2")[0][0]
    at.selectbox(key="ek_periode").set_value(tw2).run()
    _tombol(at, "Ekspor Excel untuk e-Kinerja").click().run()
    assert not at.exception
    assert "Unduh Excel e-Kinerja" in {b.label for b in at.get("download_button")}
    at.run()
    _tombol(at, "Konfirmasi data sudah dientri ke e-Kinerja").click().run()
    assert not at.exception
    jenis = [
        r[0]
        for r in _db(
            app_db,
            "SELECT jenis FROM event WHERE objek IN ('ekinerja', 'laporan_berkala') ORDER BY id",
        )
    ]
    assert jenis == ["laporan_semester_disusun", "ekinerja_diekspor", "ekinerja_dientri"]


def test_kadis_reads_without_acts(app_db):
    at = _buka("kadis")
    assert "Ekspor Excel untuk e-Kinerja" not in _label(at)
    assert not any(b.label.startswith("Susun laporan") for b in at.button)


def test_rapat_invitation_sent_and_archived(app_db):
    at = login("monev")
    _open_url(at, "rapat")
    assert not at.exception
    _tombol(at, "Kirim undangan ke peserta").click().run()
    assert "Isi nomor surat undangan" in _teks(at.error[0])
    rid = _db(app_db, "SELECT id FROM rapat ORDER BY waktu DESC, id DESC LIMIT 1")[0][0]
    at.text_input(key=f"und_nomor_{rid}").input("005/88/Sekr")
    _tombol(at, "Kirim undangan ke peserta").click().run()
    assert not at.exception and "Undangan terkirim" in _teks(at.success[0])
    _tombol(at, "Arsipkan rapat").click().run()
    assert "Rapat diarsipkan." in _teks(at.success[0])
    assert "Arsipkan rapat" not in _label(at)
    jenis = [
        r[0]
        for r in _db(
            app_db,
            "SELECT jenis FROM event WHERE objek = 'rapat' AND objek_id = $1 ORDER BY id",
            [str(rid)],
        )
    ]
    assert jenis[-2:] == ["undangan_rapat_dikirim", "rapat_diarsipkan"]
