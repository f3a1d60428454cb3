"""A real browser behind the several-process launcher (dashboard/inti/layani.py): an evidence upload
(PUT /_stcore/upload_file, then the rerun that stores it) reaches the process that holds the
session; the process is killed, the page reloaded: still signed in, and the next upload reaches
the process now holding the session. One process over DuckDB now; two over PostgreSQL once the
store accepts a postgresql:// URL (skipped with the reason before)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.test_layani import _cmdline, _tunggu_sehat, klaster_pg, layanan

from .conftest import ARTIFACTS
from .test_login_browser import _heading, _login
from .test_satu_triwulan import _tunggu

pytestmark = [pytest.mark.browser]
SHOTS = Path("/work/notes/shots/multi")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _unggah(page: Page, nama: str, buka: bool = True) -> Locator:
    """Staf Bidang: upload an evidence file for the first indicator and store it; `buka`:
    open the page first (after a reload the browser is on it already: a click on its own link
    would start a second run under the upload)."""
    if buka:
        page.get_by_role("link", name="Isi realisasi").click()
    expect(_heading(page, "Isi realisasi")).to_be_visible()
    _tunggu(page)  # the page's run is over: the uploader is the one that stays
    page.get_by_text("Unggah berkas bukti dukung").click()
    unggah = page.get_by_test_id("stFileUploader").filter(has_text="Berkas (PDF")
    unggah.locator("input[type=file]").set_input_files(
        files=[{"name": nama, "mimeType": "application/pdf", "buffer": PDF}]
    )
    expect(unggah.get_by_text(nama)).to_be_visible()
    page.get_by_role("button", name="Simpan bukti").click()
    pesan = page.get_by_text(f"Bukti {nama} tersimpan.")
    expect(pesan).to_be_visible()
    pesan.scroll_into_view_if_needed()
    return pesan


@contextlib.contextmanager
def _bukti_gagal(page: Page, folder: Path, log: Path, bentuk: str) -> Iterator[None]:
    """On a failure, what is needed to explain it: the page as it was (test-artifacts/) and
    the launcher's, every process's and nginx's logs (not the static files), in the failure's
    own message: a run on CI keeps only its output."""
    try:
        yield
    except Exception as sebab:
        ARTIFACTS.mkdir(exist_ok=True)
        with contextlib.suppress(Exception):  # the evidence must never hide the failure
            page.screenshot(path=str(ARTIFACTS / f"GAGAL-layani-{bentuk}.png"), full_page=True)
        logs = [log, *sorted((folder / "logs").glob("*.log"))]
        ekor = "\n".join(
            f"--- {f.name}\n"
            + "\n".join(
                [b for b in f.read_text(errors="replace").splitlines() if "/static/" not in b][-40:]
            )
            for f in logs
            if f.exists()
        )
        raise AssertionError(f"{sebab}\n{ekor}") from sebab


def _port_proses(folder: Path, proses: str) -> int:
    conf = (folder / "nginx.conf").read_text()
    return int(re.search(rf"upstream monev_{proses} \{{\s*server 127\.0\.0\.1:(\d+)", conf)[1])


@pytest.mark.parametrize("bentuk", ["duckdb-1", "postgresql-2"])
def test_unggah_bukti_lewat_nginx_dan_proses_mati(
    bentuk: str, browser, demo_db: Path, tmp_path: Path, monkeypatch
):
    with contextlib.ExitStack() as tumpuk:
        if bentuk.startswith("postgresql"):
            db = tumpuk.enter_context(klaster_pg(tmp_path, monkeypatch))
            env = {"MONEV_DEMO": "1"}
        else:
            db = str(tmp_path / "monev.duckdb")
            Path(db).write_bytes(demo_db.read_bytes())
            env = {}
        proses = int(bentuk.split("-")[1])
        jalan = tumpuk.enter_context(layanan(tmp_path, db, proses, env))
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
        tumpuk.callback(context.close)
        page = context.new_page()
        page.set_default_timeout(30_000)
        tumpuk.enter_context(_bukti_gagal(page, jalan.folder, jalan.log, bentuk))

        _login(page, jalan.url, "staf.dep")
        _unggah(page, "bukti-pertama.pdf")
        # in the launcher's evidence folder, the one every process is given
        assert [f.read_bytes() for f in (tmp_path / "bukti").rglob("bukti-pertama_*.pdf")] == [PDF]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"unggah-{bentuk}.png"))

        # the process holding this browser's session dies; the page is reloaded
        rute = next(c["value"] for c in context.cookies() if c["name"] == "monev_proses")
        port = _port_proses(jalan.folder, rute)
        pid = jalan.streamlit()[port]
        os.kill(pid, signal.SIGKILL)

        def dijalankan_ulang() -> None:
            akhir = time.monotonic() + 120
            while jalan.streamlit().get(port) in (None, pid):
                assert time.monotonic() < akhir, jalan.log.read_text()
                time.sleep(0.3)
            _tunggu_sehat(f"http://127.0.0.1:{port}")

        if proses == 1:  # nowhere else to go: wait for the launcher's restart
            dijalankan_ulang()
        page.reload()  # with two, while the dead one restarts: the other one answers
        expect(_heading(page, "Isi realisasi")).to_be_visible()  # signed in, no form
        if proses > 1:
            dijalankan_ulang()  # the upload must still reach the session's new process
        _unggah(page, "bukti-kedua.pdf", buka=False)
        assert len(list((tmp_path / "bukti").rglob("bukti-kedua_*.pdf"))) == 1
        page.screenshot(path=str(SHOTS / f"unggah-setelah-mati-{bentuk}.png"))
        if proses > 1:
            baru = next(c["value"] for c in context.cookies() if c["name"] == "monev_proses")
            assert baru != rute

        sisa = jalan.berhenti()
        assert not sisa, [(p, _cmdline(p)) for p in sisa]
