"""Issue 17's "done when": opening a period in the browser produces the request letter, an inbox
item for every unit and one email per unit recipient, read from a real SMTP server (aiosmtpd)
that the test starts on 127.0.0.1 and stops at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.inti import serve, store

from ..smtp_lokal import server_smtp
from .conftest import ARTIFACTS, CHROMIUM
from .test_login_browser import _buka, _heading, _login

pytestmark = [pytest.mark.browser]


def _staf_per_unit(db: Path) -> dict[int, list[str]]:
    con = store.connect(db, read_only=True)
    try:
        rows = con.execute(
            "SELECT g.unit_id, g.username FROM pengguna g "
            "JOIN peran_pengguna r ON r.pengguna_id = g.id AND r.peran = 'staf_bidang' "
            "WHERE g.aktif ORDER BY g.username"
        ).fetchall()
    finally:
        con.close()
    out: dict[int, list[str]] = {}
    for unit_id, username in rows:
        out.setdefault(int(unit_id), []).append(username)
    return out


def test_opening_a_period_sends_the_letter_to_every_unit(demo_db: Path, tmp_path: Path, browser):
    assert Path(CHROMIUM).exists()
    db = tmp_path / "notif.duckdb"
    db.write_bytes(demo_db.read_bytes())
    staf = _staf_per_unit(db)
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page: Page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        with server_smtp() as (port, kotak):
            env = {"MONEV_SMTP_HOST": "127.0.0.1", "MONEV_SMTP_PORT": str(port)}
            env["MONEV_SMTP_TLS"] = "none"
            with serve.running(db, tmp_path / "server.log", env) as (_, url):
                _login(page, url, "monev")
                expect(_heading(page, "Beranda")).to_be_visible()
                _buka(page, "Periode pengumpulan")
                page.get_by_role("button", name="Buka periode").click()
                expect(page.get_by_text("Nota Dinas permintaan data dikirim").first).to_be_visible()
                expect(
                    page.get_by_role("heading", name="Nota Dinas permintaan data")
                ).to_be_visible()
                page.screenshot(path=str(ARTIFACTS / "notif-periode.png"), full_page=True)
                with page.expect_download() as unduh:
                    page.get_by_role("button", name="Unduh PDF").click()
                pdf = Path(unduh.value.path()).read_bytes()
                assert pdf.startswith(b"%PDF")
                # sent right after the period's commit: the mailbox holds them already
                alamat = sorted(f"{u}@contoh.go.id" for us in staf.values() for u in us)
                assert kotak.penerima() == alamat
                assert all("Permintaan data kinerja" in p["Subject"] for _, p in kotak.surat)

                page.get_by_role("button", name="Keluar").click()
                expect(page.get_by_label("Nama pengguna").first).to_be_visible()
                _login(page, url, "staf.par")
                expect(_heading(page, "Beranda")).to_be_visible()
                _buka(page, "Kotak masuk (1)", "Kotak masuk")
                expect(page.get_by_text("Permintaan data kinerja").first).to_be_visible()
                page.screenshot(path=str(ARTIFACTS / "notif-kotak-masuk.png"), full_page=True)
        con = store.connect(db, read_only=True)
        try:
            item = con.execute(
                "SELECT penerima FROM notifikasi WHERE jenis = 'periode_dibuka'"
            ).fetchall()
            surat = con.execute("SELECT count(*) FROM surat_permintaan").fetchone()[0]
        finally:
            con.close()
        assert surat == 1
        penerima = {r[0] for r in item}
        for unit_id, users in staf.items():  # every unit has its inbox item
            assert set(users) <= penerima, unit_id
    finally:
        context.close()
