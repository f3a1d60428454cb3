"""Sign-in, sessions and role navigation in a real browser (Playwright + Debian chromium).

No reruns and no click-again loops: a click the app drops is a defect.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from ..conftest import sandi_demo
from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser]
PESAN_GAGAL = "Nama pengguna atau kata sandi salah"


def _login(page: Page, url: str, user: str, password: str | None = None) -> None:
    """Sign in through the HTTP form (`/masuk`); the browser then lands on the app."""
    page.goto(f"{url}/masuk")
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(password or sandi_demo(user))
    page.get_by_role("button", name="Masuk").click()


def _heading(page: Page, text: str):
    """A page title; `.first` because during a rerun the stale and the new title may both be
    in the page for a moment."""
    return page.get_by_role("heading", name=text, exact=True).first


def _buka(page: Page, link: str, judul: str | None = None) -> None:
    """Open a page from the sidebar: one click."""
    page.get_by_role("link", name=link).click()
    expect(_heading(page, judul or link)).to_be_visible()


def _kotak(page: Page, label: str):
    return page.get_by_role("textbox", name=label, exact=True)


def _form_masuk(page: Page):
    return page.get_by_role("button", name="Masuk")


def test_login_reload_subpage_and_logout(server, page: Page):
    url = server["url"]
    page.goto(url)  # no session: the sign-in form, nothing of the app
    expect(_form_masuk(page)).to_be_visible()
    assert page.url.endswith("/masuk")
    _login(page, url, "admin")
    expect(_heading(page, "Beranda")).to_be_visible()  # one login is enough
    expect(page.get_by_text("Administrator Sistem").first).to_be_visible()
    kue = {c["name"]: c for c in page.context.cookies()}
    assert kue["monev_sesi"]["httpOnly"] and kue["monev_sesi"]["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("monev_sesi") < 0  # not readable by scripts

    page.reload()
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Pengguna")
    assert page.url.endswith("/admin-pengguna")
    page.reload()  # reload on a sub-page stays there, still logged in
    expect(_heading(page, "Pengguna")).to_be_visible()
    assert page.url.endswith("/admin-pengguna")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-pengguna.png"))

    page.get_by_role("button", name="Keluar").click()
    expect(_form_masuk(page)).to_be_visible()
    page.goto(f"{url}/admin-pengguna")  # the old cookie no longer opens anything
    expect(_form_masuk(page)).to_be_visible()
    expect(page.get_by_text("Administrator Sistem")).to_have_count(0)


def test_wrong_password_and_lockout(server, page: Page):
    url = server["url"]
    _login(page, url, "tidak.ada", "SalahSekali1")
    expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    for _ in range(3):  # MONEV_MAX_GAGAL_LOGIN=3 in the server fixture
        _login(page, url, "kadis", "SalahSekali1")
        expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    page.wait_for_timeout(1_200)  # the third failure asks for a second's pause
    _login(page, url, "kadis")  # right password, but locked: same message
    expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    expect(_heading(page, "Beranda")).to_have_count(0)

    _login(page, url, "admin")
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Pengguna")
    # a grid cell (the data grid keeps its cells as hidden accessible nodes)
    expect(page.get_by_text(re.compile(r"Terkunci sampai \d\d\.\d\d")).first).to_be_attached()
    page.get_by_role("tab", name="Ubah pengguna").click()
    page.get_by_label("Pilih pengguna").click()
    page.get_by_role("option", name="kadis", exact=True).click()
    page.get_by_role("button", name="Buka kunci akun").click()
    expect(page.get_by_text("Akun kadis dibuka kembali").first).to_be_visible()


def test_staf_bidang_cannot_open_admin_url(server, page: Page):
    url = server["url"]
    _login(page, url, "staf.lyn")
    expect(_heading(page, "Beranda")).to_be_visible()
    expect(page.get_by_role("link", name="Pengguna")).to_have_count(0)
    page.goto(f"{url}/admin-pengguna")
    expect(page.get_by_text(re.compile("Bidang Layanan dan Otomasi")).first).to_be_visible()
    expect(_heading(page, "Pengguna")).to_have_count(0)
    expect(page.get_by_text("Administrator Sistem")).to_have_count(0)


def test_first_request_of_a_new_server_to_a_page_file_is_refused(server, page: Page):
    """Without a session the gate answers every page URL, a page script's name too, with the
    sign-in form."""
    page.goto(f"{server['url']}/admin_pengguna")
    expect(_form_masuk(page)).to_be_visible()
    expect(page.get_by_text("Administrator Sistem")).to_have_count(0)


def test_forged_session_cookie_is_refused(server, page: Page):
    """A cookie that is not an active session's token (made up, or from another server) leaves
    the visitor at the sign-in form, and the gate clears it."""
    url = server["url"]
    page.context.add_cookies([{"name": "monev_sesi", "value": "x" * 43, "url": url}])
    page.goto(url)
    expect(_form_masuk(page)).to_be_visible()
    assert "monev_sesi" not in {c["name"] for c in page.context.cookies()}


def test_logout_in_one_tab_ends_the_other_tab_at_its_next_click(server, page: Page):
    url = server["url"]
    _login(page, url, "kadis")
    expect(_heading(page, "Beranda")).to_be_visible()
    lain = page.context.new_page()
    lain.goto(f"{url}/laporan")
    expect(_heading(lain, "Laporan kinerja")).to_be_visible()

    page.get_by_role("button", name="Keluar").click()
    expect(_form_masuk(page)).to_be_visible()

    lain.get_by_role("link", name="Beranda").click()  # the other tab's next click
    expect(_form_masuk(lain)).to_be_visible()
    expect(_heading(lain, "Beranda")).to_have_count(0)


def test_password_change_ends_every_session(server, page: Page):
    url = server["url"]
    baru = "Pohon#Mangga#Tua77"
    _login(page, url, "sekretaris")
    expect(_heading(page, "Beranda")).to_be_visible()
    lain = page.context.new_page()
    lain.goto(url)
    expect(_heading(lain, "Beranda")).to_be_visible()

    _buka(page, "Akun saya")
    expect(page.get_by_text("perangkat ini").first).to_be_attached()  # the sessions grid
    _kotak(page, "Kata sandi lama").fill(sandi_demo("sekretaris"))
    _kotak(page, "Kata sandi baru").fill("sekretaris2026ok")
    _kotak(page, "Ulangi kata sandi baru").fill("sekretaris2026ok")
    page.get_by_role("button", name="Simpan kata sandi").click()
    expect(page.get_by_text("tidak boleh memuat nama pengguna").first).to_be_visible()
    _kotak(page, "Kata sandi lama").fill(sandi_demo("sekretaris"))
    _kotak(page, "Kata sandi baru").fill(baru)
    _kotak(page, "Ulangi kata sandi baru").fill(baru)
    page.get_by_role("button", name="Simpan kata sandi").click()
    expect(page.get_by_text("Kata sandi berhasil diganti").first).to_be_visible()

    lain.get_by_role("link", name="Laporan kinerja").click()
    expect(_form_masuk(lain)).to_be_visible()

    _login(lain, url, "sekretaris")  # the old password no longer works
    expect(lain.get_by_text(PESAN_GAGAL).first).to_be_visible()
    _login(lain, url, "sekretaris", baru)
    expect(_heading(lain, "Beranda")).to_be_visible()


def test_app_renders_under_the_csp_without_console_errors(server, page: Page):
    """The Content-Security-Policy the gate sets lets Streamlit, plotly and the tables work."""
    galat: list[str] = []
    page.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
    url = server["url"]
    _login(page, url, "kadis")
    expect(_heading(page, "Beranda")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    _buka(page, "Laporan kinerja")
    _buka(page, "Daftar SOP")
    page.wait_for_timeout(1_000)
    assert not [g for g in galat if "Content Security Policy" in g or "CSP" in g], galat
    resp = page.request.get(url)
    assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]


def test_websocket_without_a_session_is_refused(server, page: Page):
    """A client with no session cannot open Streamlit's websocket, so none of its messages
    (clear_cache among them) reach the server."""
    url = server["url"]
    page.goto(f"{url}/masuk")
    hasil = page.evaluate(
        """(alamat) => new Promise((selesai) => {
            const ws = new WebSocket(alamat);
            ws.onopen = () => selesai("terbuka");
            ws.onclose = (e) => selesai("ditutup " + e.code);
        })""",
        url.replace("http", "ws") + "/_stcore/stream",
    )
    assert hasil.startswith("ditutup"), hasil


def test_fresh_server_first_page_after_sign_in_has_the_real_menu(server, page: Page):
    """The sign-in returns to the URL asked for. On a fresh server that first run of a page URL
    shows the caller's menu (with a `pages/` folder Streamlit's legacy discovery listed every
    page file instead; the scripts live in `app_pages/`)."""
    url = server["url"]
    page.goto(f"{url}/akun")
    assert "/masuk?lanjut=%2Fakun" in page.url
    page.get_by_label("Nama pengguna").fill("monev")
    page.get_by_label("Kata sandi").fill(sandi_demo("monev"))
    page.get_by_role("button", name="Masuk").click()
    expect(_heading(page, "Akun saya")).to_be_visible()
    expect(page.get_by_role("link", name="Beranda")).to_be_visible()
    expect(page.get_by_role("link", name="admin pengguna")).to_have_count(0)
    expect(page.get_by_role("button", name="Keluar").first).to_be_visible()
