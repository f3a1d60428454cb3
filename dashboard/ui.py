"""Navigation and the shared page chrome (sidebar, who is logged in)."""

from __future__ import annotations

import streamlit as st

from dashboard.akses import SISTEM, Akses

PAGES_DIR = "pages"


def akses_saat_ini() -> Akses:
    """The caller of this script run."""
    return st.session_state.get("akses", SISTEM)


def halaman_aplikasi() -> None:
    pages = [
        st.Page(
            f"{PAGES_DIR}/beranda.py",
            title="Beranda",
            icon=":material/home:",
            url_path="beranda",
            default=True,
        )
    ]
    st.navigation(pages).run()
