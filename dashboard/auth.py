"""Login with streamlit-authenticator 0.4.x; credentials come from the users table as a dict.

Pitfalls of the library handled here:
- The cookie is read from `st.context.cookies` on the first run of a session, before the
  navigation is built, so a reload on a sub-page stays on that page.
- After a form login we rerun at once so the navigation shows the granted pages (no second
  login), and set the cookie again on the next, complete run, because a cookie component sent
  in a run that is cut short by `st.rerun` may never reach the browser. Logout deletes the
  cookie on the next run for the same reason.
- Failed attempts are counted in the store, not in the library's in-memory dict.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
import streamlit_authenticator as stauth
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
    """Log in from a valid signed cookie (reload, new tab) before the navigation is built."""
    token = auth.cookie_controller.get_cookie()
    if token and not st.session_state.get("authentication_status") and _dicabut(token):
        st.session_state["logout"] = True  # the library then ignores the cookie
        st.session_state[_HAPUS_COOKIE] = True
    try:
        auth.login(location="unrendered")
    except LoginError:
        # a cookie for an account that is now inactive or locked: treat as logged out
        st.session_state["authentication_status"] = None
    if st.session_state.pop(_SET_COOKIE, False) and st.session_state.get("authentication_status"):
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


def form_login(auth: stauth.Authenticate) -> None:
    """The login form; on success rerun into the granted pages."""
    st.title("Monev Kinerja")
    st.caption("Monitoring dan evaluasi capaian kinerja perangkat daerah. Silakan masuk.")
    gagal_sebelum = _gagal(auth)
    try:
        auth.login(location="main", fields=LABEL_LOGIN, key="form_masuk")
    except LoginError:
        st.session_state["authentication_status"] = False
    if st.session_state.get("authentication_status"):
        st.session_state[_SET_COOKIE] = True
        st.session_state["logout"] = None
        st.rerun()
    elif st.session_state.get("authentication_status") is False:
        gagal = [u for u, n in _gagal(auth).items() if n > gagal_sebelum.get(u, 0)]
        with web.cursor() as cur:
            svc.catat_login_gagal(cur, gagal[0] if gagal else None)
        web.clear_cache()
        st.session_state["authentication_status"] = None
        st.error(svc.PESAN_LOGIN_GAGAL, icon=":material/lock:")


def _gagal(auth: stauth.Authenticate) -> dict[str, int]:
    creds = auth.authentication_controller.authentication_model.credentials["usernames"]
    return {u: int(v.get("failed_login_attempts", 0)) for u, v in creds.items()}


def tombol_logout(auth: stauth.Authenticate) -> None:
    username = st.session_state.get("username")
    if st.sidebar.button("Keluar", icon=":material/logout:", key="tombol_keluar", width="stretch"):
        auth.authentication_controller.logout()
        st.session_state[_HAPUS_COOKIE] = True
        st.session_state.pop(_LOGGED, None)
        with web.cursor() as cur:
            svc.catat_logout(cur, username)
        st.rerun()
