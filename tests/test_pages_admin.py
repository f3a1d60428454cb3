"""AppTest of a production first start and the agency set-up pages (issue 13, items 1 and 2):
"Belum ada administrator", Instansi, Unit kerja and Pengguna for an admin tied to one instansi
and for an admin tied to none."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.admin import layanan_instansi as instansi
from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import SISTEM
from dashboard.cli import main
from dashboard.inti import config, store
from dashboard.inti.batas import PANJANG_NAMA

from .conftest import login, new_app, tombol
from .test_pages import _open_url

SANDI = "Rahasia2026"


@pytest.fixture
def kosong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A server's first start on a new store: no MONEV_DEMO, a configured cookie key."""
    path = tmp_path / "produksi.duckdb"
    monkeypatch.setenv("MONEV_DB", str(path))
    monkeypatch.delenv("MONEV_DEMO", raising=False)
    return path


def _hitung(path: Path, tabel: str) -> int:
    con = store.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
    finally:
        con.close()


def test_demo_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("MONEV_DEMO", raising=False)
    assert config.demo_mode() is False
    for nilai, hasil in (("1", True), ("ya", True), ("0", False), ("tidak", False)):
        monkeypatch.setenv("MONEV_DEMO", nilai)
        assert config.demo_mode() is hasil


def test_first_start_without_demo_shows_how_to_create_an_admin(kosong, monkeypatch):
    """The sign-in route of a store without an administrator explains how to create one (no
    form: there is nobody to sign in); after `admin-baru` the form is there and works."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard.inti import gerbang

    app = Starlette(routes=gerbang.routes(), middleware=gerbang.middleware())
    with TestClient(app, base_url="http://testserver", follow_redirects=False) as c:
        r = c.get("/masuk")
        assert r.status_code == 200 and "Belum ada administrator" in r.text
        assert "python -m dashboard admin-baru --username" in r.text and "--nama" in r.text
        assert "Hentikan server" in r.text and "MONEV_SANDI_BARU" in r.text
        assert 'name="password"' not in r.text
        assert _hitung(kosong, "instansi") == 0 and _hitung(kosong, "pengguna") == 0  # no demo

        monkeypatch.setenv("MONEV_SANDI_BARU", SANDI)
        assert main(["admin-baru", "--username", "admin.pemda", "--nama", "Admin Pemda"]) == 0
        r = c.get("/masuk")
        assert 'name="password"' in r.text and "Belum ada administrator" not in r.text
    at = login("admin.pemda", SANDI)
    assert at.title[0].value == "Beranda"
    assert "Belum ada data instansi" in at.info[0].value  # next step: the Instansi page


def test_demo_loaded_only_when_asked(kosong, demo_db, monkeypatch):
    monkeypatch.setenv("MONEV_DEMO", "1")
    at = new_app()
    at.run()
    assert not at.exception
    assert _hitung(kosong, "instansi") == _hitung(demo_db, "instansi")  # the demo, loaded once
    assert _hitung(kosong, "pengguna") > 0


def _admin_pemda(db: Path, instansi_kedua: bool = True) -> int | None:
    """An admin tied to no instansi in the test store, and optionally a second instansi."""
    con = store.connect(db)
    try:
        pengguna.buat_pengguna(
            con,
            SISTEM,
            {"username": "admin.pemda", "nama": "Admin Pemda", "peran": ["admin"]},
            SANDI,
            rounds=4,
        )
        if instansi_kedua:
            return instansi.simpan_instansi(
                con, SISTEM, {"kode": "BAPPEDA", "nama": "Bappeda Sukamaju", "pemda": "Kab"}
            )
    finally:
        con.close()
    return None


def _isi(at, nilai: dict[str, str]) -> None:
    kotak = {t.label: t for t in at.text_input}
    for label, isi in nilai.items():
        kotak[label].input(isi)


def test_admin_of_none_creates_an_instansi(app_db):
    _admin_pemda(app_db, instansi_kedua=False)
    at = login("admin.pemda", SANDI)
    _open_url(at, "admin-instansi")
    assert not at.exception and at.title[0].value == "Instansi"
    assert at.selectbox(key="instansi_pilih").value is None  # "(instansi baru)"
    _isi(
        at,
        {
            "Kode": "INSPEKTORAT",
            "Nama instansi": "Inspektorat Daerah",
            "Pemerintah daerah": "Pemerintah Kabupaten Sukamaju",
            "NIP kepala": "1970",
        },
    )
    sebelum = _hitung(app_db, "instansi")
    tombol(at).click().run()
    assert "harus 18 angka" in at.error[0].value
    assert _hitung(app_db, "instansi") == sebelum  # nothing saved
    _isi(at, {"NIP kepala": "19700101 199003 1 001", "Nama kepala": "Drs. Ahmad"})
    tombol(at).click().run()
    assert not at.exception
    assert "INSPEKTORAT disimpan" in at.success[0].value
    assert "Inspektorat Daerah" in at.dataframe[0].value["Nama"].tolist()
    assert {t.label: t.value for t in at.text_input}["Kode"] == ""  # the new form is empty


def test_admin_of_one_edits_only_its_own_instansi(app_db):
    _admin_pemda(app_db)  # a second instansi exists
    at = login("admin")
    _open_url(at, "admin-instansi")
    assert not at.exception
    pilih = at.selectbox(key="instansi_pilih")
    assert pilih.options == [pilih.format_func(1)]  # its own only; no "(instansi baru)"
    assert len(at.dataframe[0].value) == 1
    _isi(at, {"Kota (tempat tanda tangan)": "Sukamaju Kota"})
    tombol(at).click().run()
    assert "disimpan" in at.success[0].value
    con = store.connect(app_db)
    assert con.execute("SELECT kota FROM instansi WHERE id = 1").fetchone()[0] == "Sukamaju Kota"
    con.close()


def test_units_page_for_admin_of_none_chooses_the_instansi(app_db):
    iid = _admin_pemda(app_db)
    at = login("admin.pemda", SANDI)
    _open_url(at, "admin-unit")
    assert not at.exception
    at.selectbox(key="pilih_instansi").set_value(iid).run()
    assert at.dataframe[0].value.empty
    assert {t.label: t.max_chars for t in at.text_input}["Nama"] == PANJANG_NAMA
    _isi(at, {"Kode": "SEK", "Nama": "Sekretariat Bappeda"})
    tombol(at).click().run()
    assert "Unit disimpan" in at.success[0].value
    assert at.dataframe[0].value["Nama"].tolist() == ["Sekretariat Bappeda"]
    con = store.connect(app_db)
    assert con.execute(
        "SELECT instansi_id FROM unit WHERE nama = 'Sekretariat Bappeda'"
    ).fetchone()[0] == (iid)
    con.close()


def test_admin_of_none_creates_a_user_for_every_instansi(app_db):
    _admin_pemda(app_db)
    at = login("admin.pemda", SANDI)
    _open_url(at, "admin-pengguna")
    assert not at.exception
    at.text_input(key="baru_username").input("setda")
    at.text_input(key="baru_nama").input("Sekretariat Daerah")
    at.multiselect(key="baru_peran").select("kadis")
    at.selectbox(key="baru_instansi").select_index(0)  # "Semua instansi (Setda / ...)"
    at.text_input(key="baru_sandi").input(SANDI)
    tombol(at).click().run()
    assert "setda ditambahkan" in at.success[0].value
    tabel = at.dataframe[0].value.set_index("Nama pengguna")
    assert tabel.loc["setda", "Instansi"] == "Semua instansi"
    setda = login("setda", SANDI)
    assert setda.session_state["akses"].instansi_id is None
    nama = setda.selectbox(key="instansi").options  # the Beranda offers every instansi
    assert len(nama) == _hitung(app_db, "instansi") > 2


def test_admin_of_one_is_not_offered_every_instansi(app_db):
    at = login("admin")
    _open_url(at, "admin-pengguna")
    assert not at.exception
    opsi = at.selectbox(key="baru_instansi").options
    assert len(opsi) == 1 and "Semua" not in opsi[0]
    at.text_input(key="baru_username").input("kabid")
    at.text_input(key="baru_nama").input("Kepala Bidang")
    at.multiselect(key="baru_peran").select("sekretaris")
    at.text_input(key="baru_sandi").input(SANDI)
    tombol(at).click().run()
    assert "kabid ditambahkan" in at.success[0].value
    assert login("kabid", SANDI).session_state["akses"].instansi_id == 1


@pytest.mark.parametrize("peran", ["admin", "kadis", "pengelola_monev"])
def test_every_page_works_for_a_user_tied_to_no_instansi(app_db, peran):
    """The Setda / Bappeda / Inspektorat view: every page of the role opens without an error
    and offers every instansi where it asks for one."""
    from dashboard.inti import ui

    con = store.connect(app_db)
    try:
        instansi.simpan_instansi(
            con, SISTEM, {"kode": "BAPPEDA", "nama": "Bappeda", "pemda": "Kab"}
        )
        pengguna.buat_pengguna(
            con,
            SISTEM,
            {"username": "pemda.uji", "nama": "Pemda", "peran": [peran], "instansi_id": None},
            SANDI,
            rounds=4,
        )
    finally:
        con.close()
    jumlah = _hitung(app_db, "instansi")  # the demo's several instansi and Bappeda
    assert jumlah > 2
    at = login("pemda.uji", SANDI)
    for h in ui.halaman_untuk(frozenset({peran})):
        _open_url(at, h.url)
        assert not at.exception, (h.file, at.exception)
        assert at.title[0].value == h.judul
        assert not at.error, (h.file, [e.value for e in at.error])
        pilih = [s for s in at.selectbox if s.label == "Instansi"]
        if pilih and h.file != "admin_pengguna.py":
            assert len(pilih[0].options) == jumlah, h.file
