"""Entry point: `streamlit run app.py` (what `make run` does) serves the app through `st.App`.

The pages are the script `streamlit_app.py`; in front of it the gate (dashboard/inti/gerbang.py)
adds the sign-in routes `/masuk` and `/keluar`, refuses every other request and the websocket
without an active session, drops server-wide client messages, and sets the security headers.
A bad setting (`config.periksa`) stops the server before it serves a page, with the
file or variable and the key named.
"""

import gc
import sys

import streamlit as st

from dashboard.inti import config, gerbang

try:
    config.periksa()
except config.SetelanSalah as exc:
    print(f"Galat pengaturan: {exc}", file=sys.stderr, flush=True)
    sys.exit(2)

app = st.App("streamlit_app.py", routes=gerbang.routes(), middleware=gerbang.middleware())

# What lives as long as the server (Streamlit, the libraries and the modules imported so far) is
# taken out of the garbage collector's generations (gc.freeze, Python's documented way for a
# long-running server): every full collection under load walked it again, a pause of every
# session's run.
gc.collect()
gc.freeze()
