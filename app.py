"""Entry script: `streamlit run app.py`. Login first, then the navigation for the caller's roles."""

import streamlit as st

from dashboard import auth, config, formats, store, ui, web

st.set_page_config(page_title="Monev Kinerja", page_icon=":material/monitoring:", layout="wide")

config.ensure_demo_cookie_key()
if config.cookie_key() is None:
    st.error(
        "Kunci cookie login belum diatur. Isi `cookie_key` (minimal 16 karakter acak) pada "
        "bagian `[auth]` di `.streamlit/secrets.toml`, atau variabel lingkungan "
        "`MONEV_COOKIE_KEY`, lalu jalankan ulang aplikasi. Contoh: "
        '`python -c "import secrets; print(secrets.token_urlsafe(32))"`.',
        icon=":material/key:",
    )
    st.stop()

try:
    web.connection()  # not cached on failure: the next request tries again
except store.StoreError as exc:  # read-only or full data folder, file held by another process
    st.error(formats.md_aman(exc), icon=":material/database:")
    st.stop()

authenticator = auth.authenticator()
auth.pulihkan_sesi(authenticator)
akses = auth.akses_sesi()
st.session_state["akses"] = akses

if akses is None and not auth.ada_administrator():
    halaman = st.navigation(
        [
            st.Page(
                auth.halaman_tanpa_admin,
                title="Belum ada administrator",
                icon=":material/admin_panel_settings:",
                url_path="belum-ada-admin",
            )
        ],
        position="hidden",
    )
elif akses is None:
    halaman = st.navigation(
        [
            st.Page(
                auth.form_login,
                title="Masuk",
                icon=":material/login:",
                url_path="masuk",
            )
        ],
        position="hidden",
    )
else:
    halaman = ui.navigasi(akses)
    ui.sidebar_pengguna(akses)
    auth.tombol_logout(authenticator)
halaman.run()
