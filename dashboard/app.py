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
# And full collections are rarer than Python's default: with (700, 10, 10) a page run's
# short-lived frames and protobufs set one off every 8 s under 80 sessions, a stop of every
# thread for 0,2-0,45 s each (docs/operasi.md, "Rarer full collections"). Not as rare as
# (5.000, 20, 50): none ran in a 10-minute soak of 100 sessions on two processes, the cyclic
# garbage (figures built again after saves, finished runs' threads) piled up and the memory rose
# all the time (+12 %). At (5.000, 20, 5) one ran every 2,5 minutes per process (0,4-0,5 s) and
# the memory levelled off (+1,6 %) (docs/operasi.md, "Smaller figures, full collections every few
# minutes"). The young generations: every 5.000 new objects.
GC_AMBANG = (5_000, 20, 5)
gc.set_threshold(*GC_AMBANG)
# Threads take turns with the interpreter every millisecond instead of every 5 (Python's
# default). A page run hands the interpreter back at each message it sends to the browser (a
# write to the event loop's socket) and, with other runs busy, waited up to 5 ms to have it
# again, many times per run: at 100 sessions the median run came out 10-15 % shorter and the
# p95 of typing and saving 20-30 % (docs/operasi.md, "Page runs take turns").
GANTIAN_DETIK = 0.001
sys.setswitchinterval(GANTIAN_DETIK)
