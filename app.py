"""Entry point: `streamlit run app.py` (what `make run` does) serves the app through `st.App`.

The pages are the script `streamlit_app.py`; in front of it the gate (dashboard/gerbang.py)
adds the sign-in routes `/masuk` and `/keluar`, refuses every other request and the websocket
without an active session, drops server-wide client messages, and sets the security headers.
"""

import streamlit as st

from dashboard import gerbang

app = st.App("streamlit_app.py", routes=gerbang.routes(), middleware=gerbang.middleware())
