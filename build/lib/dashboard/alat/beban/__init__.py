"""`make loadtest` / `make soak`: real-protocol load on a real server.

Each simulated user signs in through `POST /masuk`, opens Streamlit's websocket with the session
cookie and speaks the protocol a browser speaks (the `BackMsg` / `ForwardMsg` classes published in
`streamlit.proto`): klien.py is the client, skenario.py the users' work, siapkan.py the store with
the load users, ukur.py the figures (percentiles, server CPU and RSS), jalankan.py the runner.
"""
