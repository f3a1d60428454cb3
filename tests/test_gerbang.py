"""The HTTP gate through Starlette's test client: sign-in and sign-out routes, CSRF, cookie
flags, security headers, the redirect for a visitor without a session, throttling, and the
websocket gate (refused without a session; server-wide messages dropped with one).

The app behind the gate is a stand-in (a page route, a Streamlit-like endpoint and a websocket
that reports what reached it); the gate and the routes are the product's own.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect
from streamlit.proto.BackMsg_pb2 import BackMsg

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import gerbang

from .conftest import sandi_demo

SAMPAI_KE_APP: list[str] = []


async def _halaman(request):
    return PlainTextResponse("aplikasi")


async def _stream(ws: WebSocket):
    await ws.accept()
    while True:
        try:
            data = await ws.receive_bytes()
        except WebSocketDisconnect:
            return
        msg = BackMsg()
        msg.ParseFromString(data)
        SAMPAI_KE_APP.append(msg.WhichOneof("type") or "")
        await ws.send_text("ok")


@pytest.fixture
def client(app_db):
    app = Starlette(
        routes=[
            *gerbang.routes(),
            WebSocketRoute("/_stcore/stream", _stream),
            Route("/_stcore/host-config", _halaman),
            Route("/{path:path}", _halaman),
        ],
        middleware=gerbang.middleware(),
    )
    SAMPAI_KE_APP.clear()
    with TestClient(app, base_url="http://testserver", follow_redirects=False) as c:
        yield c


def _csrf(c: TestClient, path: str = "/masuk") -> str:
    r = c.get(path)
    assert r.status_code == 200
    return re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)


def _masuk(c: TestClient, user: str, sandi: str | None = None, **extra):
    data = {"csrf": _csrf(c), "username": user, "password": sandi or sandi_demo(user), **extra}
    return c.post("/masuk", data=data)


def _set_cookie(r, nama: str) -> str:
    return next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith(nama))


def test_form_is_indonesian_with_the_instansi_and_a_csrf_token(client):
    r = client.get("/masuk")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    for teks in ('lang="id"', "Nama pengguna", "Kata sandi", ">Masuk<", "Kabupaten Sukamaju"):
        assert teks in r.text
    token = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
    kue = _set_cookie(r, "monev_csrf")
    assert f"monev_csrf={token}" in kue and "HttpOnly" in kue and "SameSite=strict" in kue
    assert _csrf(client) == token  # kept: a second request for the form keeps the first valid


def test_sign_in_sets_an_httponly_lax_cookie_and_redirects(client, monkeypatch):
    assert client.get("/").status_code == 303  # no session yet
    r = _masuk(client, "kadis")
    assert r.status_code == 303 and r.headers["location"] == "/"
    kue = _set_cookie(r, "monev_sesi")
    assert "HttpOnly" in kue and "SameSite=lax" in kue and "Path=/" in kue
    assert "Secure" not in kue  # plain HTTP: a Secure cookie would be dropped
    r = client.get("/")
    assert r.status_code == 200 and r.text == "aplikasi"
    assert client.get("/_stcore/host-config").status_code == 200

    monkeypatch.setenv("MONEV_HTTPS", "1")  # served over HTTPS: both cookies are Secure
    with TestClient(client.app, base_url="https://testserver", follow_redirects=False) as c:
        assert "Secure" in _set_cookie(c.get("/masuk"), "monev_csrf")
        assert "Secure" in _set_cookie(_masuk(c, "monev"), "monev_sesi")


def test_csrf_token_is_required(client):
    _csrf(client)
    for data in (
        {"username": "kadis", "password": sandi_demo("kadis")},
        {"username": "kadis", "password": sandi_demo("kadis"), "csrf": "x" * 43},
    ):
        r = client.post("/masuk", data=data)
        assert r.status_code == 403 and "kedaluwarsa" in r.text
        assert "monev_sesi" not in r.headers.get("set-cookie", "")
    client.cookies.clear()  # a cross-site form has the field but not the browser's cookie
    r = client.post(
        "/masuk", data={"csrf": "y" * 43, "username": "kadis", "password": sandi_demo("kadis")}
    )
    assert r.status_code == 403


def test_failure_looks_the_same_whether_the_user_exists_or_not(client):
    def tanpa_token(teks: str) -> str:
        return re.sub(r'name="(csrf|username)" value="[^"]*"', "", teks)

    ada = _masuk(client, "kadis", "SalahSekali1")
    tidak = _masuk(client, "tidak.ada", "SalahSekali1")
    assert ada.status_code == tidak.status_code == 401
    assert pengguna.PESAN_LOGIN_GAGAL in ada.text
    assert tanpa_token(ada.text) == tanpa_token(tidak.text)
    assert "monev_sesi" not in ada.headers.get("set-cookie", "")


def test_visitor_without_session_reaches_the_form_and_nothing_else(client):
    r = client.get("/admin-pengguna?tw=2")
    assert r.status_code == 303
    assert r.headers["location"] == "/masuk?lanjut=%2Fadmin-pengguna%3Ftw%3D2"
    assert client.get("/_stcore/host-config").status_code == 403
    assert client.post("/_stcore/upload_file/x").status_code == 403
    assert client.get("/_stcore/health").status_code == 200  # public
    with pytest.raises(WebSocketDisconnect) as e, client.websocket_connect("/_stcore/stream"):
        pass
    assert e.value.code == 1008
    # a made-up cookie is no session, and the gate clears it
    client.cookies.set("monev_sesi", "x" * 43)
    r = client.get("/")
    assert r.status_code == 303 and 'monev_sesi=""' in r.headers["set-cookie"]


def test_after_sign_in_back_to_the_page_asked_for_never_to_another_site(client):
    tujuan = "/beranda?tw=Triwulan+II&unit=Bidang"
    r = client.get(f"/masuk?lanjut={quote(tujuan, safe='')}")
    assert 'name="lanjut" value="/beranda?tw=Triwulan+II&amp;unit=Bidang"' in r.text
    assert _masuk(client, "kadis", lanjut=tujuan).headers["location"] == tujuan
    for jahat in ("//contoh.com/x", "https://contoh.com", "/\\contoh.com", "/keluar"):
        client.cookies.clear()
        assert _masuk(client, "kadis", lanjut=jahat).headers["location"] == "/"


def test_sign_out_ends_the_session_and_clears_the_cookie(client):
    _masuk(client, "kadis")
    token = client.cookies["monev_sesi"]
    r = client.post("/keluar")
    assert r.status_code == 303 and r.headers["location"] == "/masuk"
    assert 'monev_sesi=""' in r.headers["set-cookie"]
    client.cookies.set("monev_sesi", token)  # a copy of the old cookie opens nothing
    assert client.get("/").status_code == 303
    client.cookies.clear()
    _masuk(client, "kadis")  # a link (GET) to /keluar ends nothing: only the form's POST does
    r = client.get("/keluar")
    assert r.status_code == 303 and client.get("/").status_code == 200


def test_security_headers_on_every_response(client):
    _masuk(client, "kadis")
    tanpa = TestClient(client.app, follow_redirects=False)
    for r in (
        client.get("/"),
        client.get("/masuk"),
        tanpa.get("/"),
        tanpa.get("/_stcore/host-config"),
        tanpa.get("/_stcore/health"),
    ):
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert r.headers["x-frame-options"] == "DENY"


def test_throttled_attempts_answer_429_with_retry_after(client, monkeypatch):
    saat = dt.datetime(2026, 11, 21, 9, 0)
    monkeypatch.setattr(pengguna.config, "sekarang", lambda: saat)  # a clock that stands still
    for _ in range(pengguna.BEBAS_PER_PENGGUNA):
        assert _masuk(client, "admin", "SalahSekali1").status_code == 401
    r = _masuk(client, "admin")  # even the right password waits
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "Coba lagi dalam" in r.text


def test_websocket_with_a_session_drops_server_wide_messages(client):
    _masuk(client, "kadis")
    with client.websocket_connect("/_stcore/stream") as ws:
        for jenis in ("clear_cache", "debug_shutdown_runtime", "stop_script", "app_heartbeat"):
            msg = BackMsg()
            setattr(msg, jenis, True)
            ws.send_bytes(msg.SerializeToString())
        ws.receive_text()
        ws.receive_text()
    assert SAMPAI_KE_APP == ["stop_script", "app_heartbeat"]
