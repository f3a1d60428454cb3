"""The session of a script run, looked up in the store from the HttpOnly cookie that the sign-in
route (dashboard/inti/gerbang.py) set. No cookie component, no Streamlit internals: the cookie is
read with `st.context.cookies`, and the session is looked up again in the store (one
primary-key query) at the first run after any change to sessions or accounts anywhere (the
`sesi` data version, read with the run's other versions: no query of its own), and at least
every 30 seconds: a session ended anywhere (logout in another tab, logout everywhere, a
password change, a reset, a deactivation, a lock) loses access at its next click. Leaving goes
through `st.logout()`, whose redirect the gate answers with the sign-in form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from dashboard.akun import layanan_pengguna as svc
from dashboard.akun.akses import Akses
from dashboard.inti import config, versi_data, web
from dashboard.inti.gerbang import COOKIE_SESI, JALUR_MASUK

# AppTest sends no cookies: tests that sign in put the session token here instead.
TOKEN_SESI = "_monev_token_sesi"


_COOKIE = "_monev_cookie_sesi"


def token() -> str | None:
    """The session token of this browser (the cookie, read at the websocket handshake, so kept
    for the session's later runs: parsing the headers again cost a millisecond per run)."""
    if _COOKIE not in st.session_state:
        st.session_state[_COOKIE] = st.context.cookies.get(COOKIE_SESI)
    for t in (st.session_state[_COOKIE], st.session_state.get(TOKEN_SESI)):
        if isinstance(t, str) and t:
            return t
    return None


# How long a session found active is trusted without asking the store again, when nothing
# changed sessions or accounts: an idle or too old session ends at most this much later (an
# idle one at once: its last run is older than this). The lookup cost 4 ms of a 40 ms Beranda run.
PERIKSA_ULANG = dt.timedelta(seconds=30)
_DIPERIKSA = "_monev_sesi_diperiksa"


@dataclass(frozen=True)
class _Diperiksa:
    token: str
    versi: int  # the `sesi` data version it was checked at
    pada: dt.datetime
    akses: Akses


def akses_sesi() -> Akses | None:
    """The caller of this run, or None when there is no active session."""
    t = token()
    if not t:
        return None
    versi, sekarang = web.versi_lingkup(versi_data.SESI), config.sekarang()
    d = st.session_state.get(_DIPERIKSA)
    if (
        isinstance(d, _Diperiksa)
        and (d.token, d.versi) == (t, versi)
        and dt.timedelta(0) <= sekarang - d.pada < PERIKSA_ULANG
    ):
        return d.akses
    with web.cursor() as cur:
        akses = svc.akses_sesi(cur, t, sekarang)
    if akses is None:
        st.session_state.pop(_DIPERIKSA, None)
    else:
        st.session_state[_DIPERIKSA] = _Diperiksa(t, versi, sekarang, akses)
    return akses


def sesi_berakhir() -> None:
    """Shown for a run without an active session (the other tab after a logout, an ended or
    expired session): say so and send the browser to the sign-in form."""
    st.title("Monev Kinerja")
    st.info("Sesi Anda telah berakhir. Silakan masuk kembali.", icon=":material/lock:")
    st.link_button("Masuk", JALUR_MASUK, icon=":material/login:")
    st.logout()


def tombol_keluar() -> None:
    """ "Keluar", at the top right of every page (ui.kepala_halaman): end this session in the
    store and leave. Not in the sidebar, whose menu pushes it below the fold at 1366x657."""
    if st.button("Keluar", icon=":material/logout:", key="tombol_keluar", type="tertiary"):
        keluar()


def keluar(semua: bool = False, akses: Akses | None = None) -> None:
    """End this session (or, with `semua`, every session of the account) and leave."""
    with web.cursor() as cur:
        if semua and akses is not None:
            svc.akhiri_semua_sesi(cur, akses)
        else:
            svc.akhiri_sesi(cur, token())
    st.session_state.pop(TOKEN_SESI, None)
    st.logout()
    st.stop()
