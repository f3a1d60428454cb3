"""The pages' script, served by app.py's `st.App` behind the sign-in gate: the caller's session
first (looked up on every run), then the navigation for the caller's roles."""

import streamlit as st

from dashboard.akun import auth
from dashboard.inti import config, formats, giliran, store, ui, web
from dashboard.pengumpulan import isian_sesi

# A local icon: a material-symbol one (also a page's icon, when none is set here) is fetched
# from another origin, which the Content-Security-Policy refuses.
st.set_page_config(page_title="Monev Kinerja", page_icon=str(config.IKON), layout="wide")

# one turn of at most `giliran.serentak()` runs at once (dashboard/inti/giliran.py)
with giliran.giliran():
    try:
        web.connection()  # not cached on failure: the next request tries again
    except store.StoreError as exc:  # read-only or full data folder, file held by another process
        st.error(formats.md_aman(exc), icon=":material/database:")
        st.stop()

    ui.lepas_halaman_lalu()  # the previous page run's namespace, a cycle (inti/ui.py)
    web.awal_run()  # this run's cached reads key on the data versions read now (DOMAIN.md §13)
    akses = auth.akses_sesi()
    st.session_state["akses"] = akses

    if akses is None:
        halaman = st.navigation(
            [st.Page(auth.sesi_berakhir, title="Masuk", icon=":material/login:", url_path="sesi")],
            position="hidden",
        )
    else:
        halaman = ui.navigasi(akses)
        ui.kepala_halaman(akses, auth.tombol_keluar)
        isian_sesi.pengingat_sidebar(akses, halaman.url_path)  # typed in Isi realisasi, not saved
    halaman.run()
