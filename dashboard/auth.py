"""Login with streamlit-authenticator 0.4.x; credentials come from the users table as a dict.

Pitfalls of the library handled here:
- The cookie is read from `st.context.cookies` on the first run of a session, before the
  navigation is built, so a reload on a sub-page stays on that page.
- The password is checked in the submit button's callback, which Streamlit runs before the
  script. Checked inside the script (the library's own form), a rerun request arriving
  meanwhile - the library's cookie component reporting, late when the server is busy - dropped
  the click and the form stayed up (most of 5 concurrent browsers in the load test). Every read
  or write of `st.session_state` is a point where a pending request interrupts, even in a
  callback, so the callback writes its result only into a dict held in the session and
  `pulihkan_sesi` applies it at the start of the next run, again after an interruption. With
  `runner.fastReruns` off (.streamlit/config.toml) a request waits for the callback instead of
  starting a second run beside it. Logout deletes the cookie on the next run, because a cookie
  component sent in a run that is cut short by `st.rerun` may never reach the browser.
- Failed attempts are counted in the store, not in the library's in-memory dict.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
import streamlit_authenticator as stauth
from streamlit.runtime.scriptrunner import RerunException
from streamlit_authenticator.utilities import LoginError

from dashboard import config, web
from dashboard.akses import Akses
from dashboard.services import pengguna as svc

COOKIE_NAME = "monev_auth"
COOKIE_DAYS = 1.0
LABEL_LOGIN = {
    "Form name": "Masuk",
    "Username": "Nama pengguna",
    "Password": "Kata sandi",
    "Login": "Masuk",
    "Captcha": "Captcha",
}
_SET_COOKIE = "_monev_set_cookie"
_HAPUS_COOKIE = "_monev_hapus_cookie"
_LOGGED = "_monev_login_dicatat"
_NAMA, _SANDI, _KOTAK = "_monev_masuk_nama", "_monev_masuk_sandi", "_monev_masuk_hasil"


def _credentials() -> dict:
    with web.cursor() as cur:
        return svc.credentials(cur)


def authenticator() -> stauth.Authenticate:
    """One Authenticate per script run (it renders the cookie manager component)."""
    key = config.cookie_key()
    if key is None:
        raise RuntimeError("cookie key missing")  # app.py checks before calling
    return stauth.Authenticate(
        _credentials(), COOKIE_NAME, key, COOKIE_DAYS, auto_hash=False, login_sleep_time=0
    )


def pulihkan_sesi(auth: stauth.Authenticate) -> None:
    """Apply a form login (`_masuk`), or log in from a valid signed cookie (reload, new tab),
    before the navigation is built."""
    kotak = _kotak()
    masuk = kotak.get("masuk")
    if masuk and not st.session_state.get("authentication_status"):
        for kunci, nilai in masuk.items():
            st.session_state[kunci] = nilai
        st.session_state["logout"] = None
        st.session_state[_SET_COOKIE] = True
        st.session_state["authentication_status"] = True  # last: the others are set
    kotak.pop("masuk", None)
    token = auth.cookie_controller.get_cookie()
    if token and not st.session_state.get("authentication_status") and _dicabut(token):
        st.session_state["logout"] = True  # the library then ignores the cookie
        st.session_state[_HAPUS_COOKIE] = True
    try:
        auth.login(location="unrendered")
    except LoginError:
        # a cookie for an account that is now inactive or locked: treat as logged out
        st.session_state["authentication_status"] = None
    if st.session_state.get(_SET_COOKIE) and st.session_state.get("authentication_status"):
        # rendered on every run until the browser reports the cookie stored (the library's
        # component key "set"): a run cut short right after it may never reach the browser
        if st.session_state.get("set") is True:
            del st.session_state[_SET_COOKIE]
        else:
            auth.cookie_controller.set_cookie()
    if st.session_state.pop(_HAPUS_COOKIE, False):
        auth.cookie_controller.delete_cookie()


def _dicabut(token: dict) -> bool:
    """A cookie issued before the user's last logout no longer logs in."""
    try:
        diterbitkan = dt.datetime.fromtimestamp(float(token["exp_date"]) - COOKIE_DAYS * 86400)
    except (KeyError, TypeError, ValueError):
        return True
    with web.cursor() as cur:
        return svc.cookie_dicabut(cur, str(token.get("username")), diterbitkan)


def akses_sesi() -> Akses | None:
    """The caller of this run, re-read from the store, so a deactivated or locked account loses
    access at its next click even with a valid cookie."""
    username = st.session_state.get("username")
    if not st.session_state.get("authentication_status") or not username:
        return None
    with web.cursor() as cur:
        akses = svc.akses_untuk(cur, username)
    if akses is None:
        for k in ("authentication_status", "username", "name", "roles"):
            st.session_state[k] = None
        return None
    if st.session_state.get(_LOGGED) != username:
        with web.cursor() as cur:
            svc.catat_login(cur, username)
        st.session_state[_LOGGED] = username
    return akses


def _kotak() -> dict:
    """The session's dict the login callback fills without touching session keys."""
    if _KOTAK not in st.session_state:
        st.session_state[_KOTAK] = {}
    return st.session_state[_KOTAK]


def form_login() -> None:
    """The login form; the check runs in `_masuk` (see the module docstring)."""
    st.title("Monev Kinerja")
    st.caption("Monitoring dan evaluasi capaian kinerja perangkat daerah. Silakan masuk.")
    kotak = _kotak()
    with st.form("form_masuk"):
        st.subheader(LABEL_LOGIN["Form name"])
        st.text_input(LABEL_LOGIN["Username"], key=_NAMA, autocomplete="off")
        st.text_input(LABEL_LOGIN["Password"], type="password", key=_SANDI, autocomplete="off")
        st.form_submit_button(LABEL_LOGIN["Login"], on_click=_masuk, args=(kotak,))
    if kotak.pop("gagal", False):
        st.error(svc.PESAN_LOGIN_GAGAL, icon=":material/lock:")


def ada_administrator() -> bool:
    """Whether the store has an active administrator (checked while nobody is logged in)."""
    with web.cursor() as cur:
        return svc.ada_administrator(cur)


def halaman_tanpa_admin() -> None:
    """Shown instead of the login form while the store has no active administrator (a real
    agency's first start, without demo): exactly how to create the first one."""
    st.title("Belum ada administrator")
    st.write(
        "Basis data ini belum memiliki akun administrator yang aktif, sehingga belum ada yang "
        "dapat masuk. Buat administrator pertama dari terminal komputer server, di folder "
        "aplikasi:"
    )
    st.markdown(
        "1. Hentikan server aplikasi ini (tekan Ctrl+C di terminalnya): berkas basis data hanya "
        "dapat dibuka oleh satu proses.\n"
        "2. Buat akun administrator. Kata sandi diminta dua kali dan tidak tampil di layar:"
    )
    st.code(
        'python -m dashboard admin-baru --username admin --nama "Nama Lengkap Anda"',
        language="bash",
    )
    st.markdown(
        "3. Jalankan server lagi, muat ulang halaman ini, lalu masuk dengan akun tersebut. "
        "Setelah masuk, tambahkan instansi di halaman **Instansi**, lalu unit kerja dan "
        "pengguna."
    )
    st.caption(
        "Tanpa `--instansi KODE` administrator mengelola semua instansi; dengan `--instansi` "
        "hanya instansi itu. Untuk skrip, kata sandi dapat diberikan lewat variabel lingkungan "
        "`MONEV_SANDI_BARU`. Bila server memakai berkas basis data lain (`MONEV_DB`), jalankan "
        "perintah dengan `MONEV_DB` yang sama atau tambahkan `--db BERKAS` sebelum `admin-baru`. "
        "Untuk mencoba aplikasi dengan data contoh, pakai `make run` (mode demo)."
    )


def _masuk(kotak: dict) -> None:
    """Check the password against the store (a locked or inactive account fails like a wrong
    password) and put the result into `kotak`; count a failure in the store, where the lock
    lives. A rerun request met while reading the two fields is raised again only after the
    check, so the click is never lost (the rerun then applies the result)."""
    sela = None
    for _ in range(5):
        try:
            nama = str(st.session_state.get(_NAMA) or "").lower().strip()
            sandi = str(st.session_state.get(_SANDI) or "").strip()
            break
        except RerunException as exc:  # consumed: the next read goes through
            sela = exc
    else:
        raise sela
    try:
        _periksa(kotak, nama, sandi)
    finally:
        if sela is not None:
            raise sela


def _periksa(kotak: dict, nama: str, sandi: str) -> None:
    """The check itself; it neither reads nor writes session keys (no interruption point)."""
    with web.cursor() as cur:
        user = svc.credentials(cur)["usernames"].get(nama)
        if user and sandi and svc.cocok_sandi(sandi, user["password"]):
            kotak["masuk"] = {
                "username": nama,
                "name": user["name"],
                "email": user["email"],
                "roles": user["roles"],
            }
            return
        terkunci = svc.catat_login_gagal(cur, nama if user else None)
    if terkunci:
        # only a lock changes what a cached page shows (the admin's user list); clearing every
        # user's cached reads on each failed attempt would let anyone at the form cool the app
        web.clear_cache()
    kotak["gagal"] = True


def tombol_logout(auth: stauth.Authenticate) -> None:
    username = st.session_state.get("username")
    if st.sidebar.button("Keluar", icon=":material/logout:", key="tombol_keluar", width="stretch"):
        auth.authentication_controller.logout()
        st.session_state[_HAPUS_COOKIE] = True
        st.session_state.pop(_LOGGED, None)
        with web.cursor() as cur:
            svc.catat_logout(cur, username)
        st.rerun()
