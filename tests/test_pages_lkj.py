"""Penyusunan laporan and the Rapat monev invitation through AppTest: each role sees exactly
its LKj act, a return shows its reason, signing keeps the documents; the Balangan reports and
the e-Kinerja steps; the meeting invitation sent and the meeting archived. The demo performs
these procedures itself (the LKj of 2024 and 2025, the past quarters' e-Kinerja, its meetings'
invitations and archive): the tests read what it left and act on what it left untouched."""

from __future__ import annotations

import re

import duckdb

from dashboard.inti import config, store, versi_data

from .conftest import login
from .test_lkj import _rapat_baru
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


def _buka(user: str, tahun: int | None = None):
    at = login(user)
    _open_url(at, "penyusunan-laporan")
    assert not at.exception, at.exception
    assert at.title[0].value == "Penyusunan laporan"
    if tahun is not None:
        at.selectbox(key="lkj_tahun").set_value(tahun).run()
        assert not at.exception, at.exception
    return at


def _event_baru(app_db, sejak: int, objek: tuple[str, ...]) -> list[tuple]:
    """(jenis, objek_id) of the events after id `sejak` on these objects: what the test did."""
    return _db(
        app_db,
        "SELECT jenis, objek_id FROM event WHERE id > $1 AND list_contains($2, objek) ORDER BY id",
        [sejak, list(objek)],
    )


def _id_terakhir(app_db) -> int:
    return _db(app_db, "SELECT max(id) FROM event")[0][0]


def test_demo_lkj_of_last_year_reads_as_sent(app_db):
    """The demo's LKj of the last finished year went through the chain in the app: the page
    shows it sent, its signed documents and its five acts, and offers no act."""
    for user in ("kadis", "monev"):
        at = _buka(user)
        assert at.selectbox(key="lkj_tahun").value == 2025  # last finished year
        assert "**Status: Dikirim**" in [m.value for m in at.markdown]
        assert "Dikirim kepada Bupati" in _teks(at.success[0])
        assert "LKj ditandatangani (PDF)" in {b.label for b in at.get("download_button")}
        assert not any(b.label in ("Susun konsep LKj", "Kirim LKj") for b in at.button)
        riwayat = at.dataframe[0].value
        assert riwayat["Status"].tolist() == [
            "Disusun",
            "Diperiksa",
            "Diparaf",
            "Ditandatangani",
            "Dikirim",
        ]


def test_lkj_chain_through_the_page_by_role(app_db):
    th = 2026  # the demo has no LKj of the running year
    sejak = _id_terakhir(app_db)
    at = _buka("sekretaris", th)
    assert "Susun konsep LKj" not in _label(at)  # the Sekretaris does not draft
    at = _buka("monev", th)
    _tombol(at, "Susun konsep LKj").click().run()
    assert not at.exception and "LKj kini berstatus Disusun." in _teks(at.success[0])
    at = _buka("sekretaris", th)
    at.text_area(key="lkj_alasan").input("Lengkapi faktor penghambat")
    _tombol(at, "Kembalikan untuk diperbaiki").click().run()
    at = _buka("sekretaris", th)
    assert "Lengkapi faktor penghambat" in _teks(at.warning[0])
    assert "Periksa kelengkapan" not in _label(at)
    at = _buka("monev", th)
    _tombol(at, "Susun konsep LKj").click().run()
    at = _buka("sekretaris", th)
    _tombol(at, "Periksa kelengkapan").click().run()
    _tombol(at, "Paraf").click().run()
    assert "LKj kini berstatus Diparaf." in _teks(at.success[0])
    at = _buka("kadis", th)
    _tombol(at, "Tandatangani").click().run()
    at = _buka("monev", th)
    assert at.text_input(key="lkj_tujuan").value.startswith("Bupati")
    _tombol(at, "Kirim LKj").click().run()
    assert not at.exception
    assert "LKj ditandatangani (PDF)" in {b.label for b in at.get("download_button")}
    ke = [
        r[0]
        for r in _db(
            app_db, "SELECT ke FROM event WHERE id > $1 AND objek = 'lkj' ORDER BY id", [sejak]
        )
    ]
    assert ke == [
        "disusun",
        "disusun",
        "disusun",
        "diperiksa",
        "diparaf",
        "ditandatangani",
        "dikirim",
    ]
    assert {r[0] for r in _event_baru(app_db, sejak, ("lkj",))} == {"transisi"}
    assert {r[1] for r in _event_baru(app_db, sejak, ("lkj",))} == {f"1:{th}"}
    riwayat = at.dataframe[0].value
    assert riwayat["Status"].tolist()[-1] == "Dikirim"


def test_berkala_and_ekinerja_steps(app_db):
    sejak = _id_terakhir(app_db)
    at = _buka("monev")
    at.selectbox(key="berkala_tahun").set_value(2025).run()
    _tombol(at, "Susun laporan Semester I").click().run()
    assert not at.exception and "Laporan Semester I TA 2025 tersusun." in _teks(at.success[0])
    at.selectbox(key="berkala_tahun").set_value(2026).run()
    assert _tombol(at, "Susun laporan Semester II").disabled
    # the demo exported and entered every past quarter; the running TW III is left to do
    tw3 = _db(
        app_db, "SELECT id FROM periode WHERE instansi_id = 1 AND tahun = 2026 AND triwulan = 3"
    )[0][0]
    at.selectbox(key="ek_periode").set_value(tw3).run()
    _tombol(at, "Ekspor Excel untuk e-Kinerja").click().run()
    assert not at.exception
    assert "Unduh Excel e-Kinerja" in {b.label for b in at.get("download_button")}
    at.run()
    _tombol(at, "Konfirmasi data sudah dientri ke e-Kinerja").click().run()
    assert not at.exception
    assert _event_baru(app_db, sejak, ("ekinerja", "laporan_berkala")) == [
        ("laporan_semester_disusun", "1:2025:S1"),
        ("ekinerja_diekspor", f"1:{tw3}"),
        ("ekinerja_dientri", f"1:{tw3}"),
    ]


def test_kadis_reads_without_acts(app_db):
    at = _buka("kadis")
    assert "Ekspor Excel untuk e-Kinerja" not in _label(at)
    assert not any(b.label.startswith("Susun laporan") for b in at.button)


def test_rapat_invitation_sent_and_archived(app_db):
    # the demo's meetings are invited and archived: the page says so and offers no archiving
    at = login("monev")
    _open_url(at, "rapat")
    assert not at.exception
    assert "Kirim ulang undangan" in _label(at) and "Arsipkan rapat" not in _label(at)
    # a new meeting of the running quarter, final, not yet invited: the page's steps
    con = store.connect(config.db_url())  # the app's database instance in this process
    try:
        rid = _rapat_baru(con)
        # written outside a page: the pages' cached reads are told as a page's write would
        versi_data.naikkan(con, [versi_data.lingkup_instansi(1)])
    finally:
        con.close()
    at = login("monev")
    _open_url(at, "rapat")
    assert not at.exception
    _tombol(at, "Kirim undangan ke peserta").click().run()
    assert "Isi nomor surat undangan" in _teks(at.error[0])
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


def test_ketepatan_of_the_demo_lkj_agrees_with_the_page(app_db):
    """Ketepatan waktu SOP for the LKj: two yearly runs, the trend drawn per year (an annual
    procedure has no quarter; its chart was empty)."""
    import json

    at = login("kadis")
    _open_url(at, "ketepatan")
    assert not at.exception
    at.selectbox(key="ktp_sop").set_value("dpk_kalbar_penyusunan_laporan_kinerja").run()
    assert not at.exception
    grafik = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert grafik["data"][0]["x"] == ["TA 2024", "TA 2025"]
    assert "per tahun" in grafik["layout"]["title"]["text"]
