"""A real agency's first start in a real browser (issue 13, items 1 and 2): a server on a new
store without demo shows "Belum ada administrator"; after `admin-baru` from the shell the first
administrator logs in and adds the instansi."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.inti import config, serve, store

from .conftest import ARTIFACTS, CHROMIUM
from .test_login_browser import _buka, _heading, _login

pytestmark = pytest.mark.browser
SANDI = "Rahasia2026"


def test_first_start_then_first_admin_adds_the_instansi(tmp_path: Path, page: Page):
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium tidak ada: jalankan `make test` (memasang paket Debian chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    db, log = tmp_path / "produksi.duckdb", tmp_path / "server.log"
    env: dict[str, str] = {}  # serve.running leaves the demo off
    with serve.running(db, log, env) as (_, url):
        page.goto(url)
        expect(_heading(page, "Belum ada administrator")).to_be_visible()
        expect(page.get_by_text("admin-baru --username").first).to_be_visible()
        expect(page.get_by_role("button", name="Masuk")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / "belum-ada-administrator.png"))

    perintah = [sys.executable, "-m", "dashboard", "--db", str(db), "admin-baru"]
    out = subprocess.run(
        [*perintah, "--username", "admin.pemda", "--nama", "Admin Pemda"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        env={**os.environ, "MONEV_SANDI_BARU": SANDI},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr

    with serve.running(db, log, env) as (_, url):
        _login(page, url, "admin.pemda", SANDI)
        expect(page.get_by_text("Belum ada data instansi")).to_be_visible()
        page.get_by_test_id("stPageLink-NavLink").click()  # "Tambah instansi" on the Beranda
        expect(_heading(page, "Instansi")).to_be_visible()
        expect(page.get_by_text("View", exact=False)).to_have_count(0)  # menu fully expanded
        page.screenshot(path=str(ARTIFACTS / "admin-instansi-kosong.png"))
        page.get_by_role("textbox", name="Kode", exact=True).fill("INSPEKTORAT")
        page.get_by_role("textbox", name="Nama instansi", exact=True).fill(
            "Inspektorat Daerah Kabupaten Sukamaju"
        )
        page.get_by_role("textbox", name="Pemerintah daerah", exact=True).fill(
            "Pemerintah Kabupaten Sukamaju"
        )
        page.get_by_role("textbox", name="Kota (tempat tanda tangan)", exact=True).fill("Sukamaju")
        page.get_by_role("textbox", name="Nama kepala", exact=True).fill("Drs. Ahmad Yani, M.Si")
        page.get_by_role("textbox", name="Jabatan kepala", exact=True).fill("Inspektur")
        page.get_by_role("textbox", name="NIP kepala", exact=True).fill("19700101 199003 1 001")
        page.get_by_role("button", name="Simpan instansi").click()
        expect(page.get_by_text("Instansi INSPEKTORAT disimpan.")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "admin-instansi.png"))
        _buka(page, "Pengguna")
        expect(page.get_by_role("tab", name="Tambah pengguna")).to_be_visible()
        sel = page.locator('[role="gridcell"]', has_text="Semua instansi")
        expect(sel.first).to_be_attached()  # the admin tied to no instansi
        page.screenshot(path=str(ARTIFACTS / "admin-pengguna-semua.png"), full_page=True)

    con = store.connect(db)
    try:
        row = con.execute("SELECT kode, kepala_nip FROM instansi").fetchall()
        assert row == [("INSPEKTORAT", "19700101 199003 1 001")]
    finally:
        con.close()
