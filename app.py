"""Entry script: `streamlit run app.py`. Builds the navigation; pages live in pages/."""

import streamlit as st

from dashboard.ui import halaman_aplikasi

st.set_page_config(page_title="Monev Kinerja", page_icon=":material/monitoring:", layout="wide")
halaman_aplikasi()
