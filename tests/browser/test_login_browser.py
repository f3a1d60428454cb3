"""Login, cookies and role navigation in a real browser (Playwright + Debian chromium)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from ..conftest import COOKIE_KEY, sandi_demo
from .conftest import ARTIFACTS

# A real browser against an asynchronous UI: a test that fails once is run again (at most twice)
# before it counts as failed; a real defect fails every time.
pytestmark = [pytest.mark.browser, pytest.mark.flaky(reruns=2)]
PESAN_GAGAL = "Nama pengguna atau kata sandi salah"


def _login(page: Page, url: str, user: str, password: str | None = None) -> None:
    page.goto(url)
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(password or sandi_demo(user))
    page.get_by_role("button", name="Masuk").click()


def _heading(page: Page, text: str):
    """A page title; `.first` because during a rerun the stale and the new title may both be
    in the page for a moment."""
    return page.get_by_role("heading", name=text, exact=True).first


def _buka(page: Page, link: str, judul: str | None = None) -> None:
    """Open a page from the sidebar. A click that lands while the app is still rerunning (the
    cookie component reruns it once after login) can be dropped by Streamlit, as it would be
    for a person, who clicks again; so do we, up to three times."""
    for _ in range(3):
        page.get_by_role("link", name=link).click()
        try:
            expect(_heading(page, judul or link)).to_be_visible(timeout=7_000)
            return
        except AssertionError:
            continue
    expect(_heading(page, judul or link)).to_be_visible()


def test_login_reload_subpage_and_logout(server, page: Page):
    url = server["url"]
    _login(page, url, "admin")
    expect(_heading(page, "Beranda")).to_be_visible()  # one login is enough
    expect(page.get_by_text("Administrator Sistem").first).to_be_visible()
    page.wait_for_timeout(1500)  # let the cookie component write the cookie
    assert any(c["name"] == "monev_auth" for c in page.context.cookies())

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
    expect(page.get_by_label("Nama pengguna").first).to_be_visible()
    page.wait_for_timeout(1500)
    page.reload()
    expect(page.get_by_label("Nama pengguna").first).to_be_visible()


def test_wrong_password_and_lockout(server, page: Page):
    url = server["url"]
    _login(page, url, "tidak.ada", "SalahSekali1")
    expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    for _ in range(3):  # MONEV_MAX_GAGAL_LOGIN=3 in the server fixture
        _login(page, url, "kadis", "SalahSekali1")
        expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    _login(page, url, "kadis")  # right password, but locked: same message
    expect(page.get_by_text(PESAN_GAGAL).first).to_be_visible()
    expect(_heading(page, "Beranda")).to_have_count(0)

    _login(page, url, "admin")
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Pengguna")
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
    page.wait_for_timeout(1500)
    page.goto(f"{url}/admin-pengguna")
    expect(page.get_by_text(re.compile("Bidang Layanan dan Otomasi")).first).to_be_visible()
    expect(_heading(page, "Pengguna")).to_have_count(0)
    expect(page.get_by_text("Administrator Sistem")).to_have_count(0)


def test_first_request_of_a_new_server_to_a_page_file_is_refused(server, page: Page):
    """Streamlit's legacy pages/ discovery is active until the first st.navigation call: the
    page guard must refuse a page script reached that way."""
    page.goto(f"{server['url']}/admin_pengguna")
    expect(
        page.get_by_label("Nama pengguna").or_(page.get_by_text("tidak tersedia"))
    ).to_be_visible()
    expect(page.get_by_text("Administrator Sistem")).to_have_count(0)


def _cookie_masuk(page: Page, url: str, username: str, kunci: str) -> None:
    """Put a login cookie for `username`, signed with `kunci`, into the browser, as an
    attacker who guessed the format would (streamlit-authenticator: HS256 JWT)."""
    import time

    import jwt

    token = jwt.encode(
        {"username": username, "exp_date": time.time() + 3600}, kunci, algorithm="HS256"
    )
    page.context.add_cookies([{"name": "monev_auth", "value": token, "url": url}])


def test_cookie_signed_with_another_key_is_refused(server, page: Page):
    """The login cookie is honoured only when signed with the configured key: the same cookie
    signed with any other key (or tampered) leaves the visitor at the login form."""
    url = server["url"]
    for kunci in ("kunci-lain-yang-cukup-panjang-0123456789", COOKIE_KEY + "x"):
        page.context.clear_cookies()
        _cookie_masuk(page, url, "admin", kunci)
        page.goto(url)
        expect(page.get_by_role("button", name="Masuk")).to_be_visible()
        page.wait_for_timeout(1500)  # a wrongly accepted cookie would log in by now
        expect(_heading(page, "Beranda")).to_have_count(0)
        expect(page.get_by_text("Administrator Sistem")).to_have_count(0)

    # control: the same cookie signed with the configured key logs in, so the refusals above
    # are about the signature and nothing else
    page.context.clear_cookies()
    _cookie_masuk(page, url, "admin", COOKIE_KEY)
    page.goto(url)
    expect(_heading(page, "Beranda")).to_be_visible()
    expect(page.get_by_text("Administrator Sistem").first).to_be_visible()
