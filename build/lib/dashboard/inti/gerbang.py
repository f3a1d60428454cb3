"""The HTTP gate in front of the Streamlit app (served by `st.App` in app.py).

- `GET /masuk`: a plain HTML sign-in form (no websocket, no script run), with the instansi's
  name and a CSRF token (double submit: the same random value in a cookie and a hidden field).
- `POST /masuk` (`username`, `password`, `csrf`): sign in (services/pengguna.masuk: throttled,
  one bcrypt check whatever the username), set the session cookie (HttpOnly, SameSite=Lax,
  Secure when config.https()) and redirect (303) to the app; a failure shows the form again
  with the same status and message whether the user exists or not.
- `POST /keluar`: end the cookie's session, clear the cookie, redirect to the form.
- `Gerbang` middleware: a request without an active session reaches the form, the static
  assets and the health check, and nothing else (the page redirects to the form, Streamlit's
  endpoints and websocket refuse); on an open websocket it drops the client messages that act
  on the whole server (`clear_cache`, debug messages), from anyone; and every HTTP response
  gets the security headers.

The two routes are an interface: scripts and the load test sign in with them.
"""

from __future__ import annotations

import hmac
import html
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from functools import partial
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

from dashboard.akun import layanan_pengguna as svc
from dashboard.akun.akses import Akses
from dashboard.inti import config, store

log = logging.getLogger("monev")

COOKIE_SESI = "monev_sesi"
COOKIE_CSRF = "monev_csrf"
_TOKEN_CSRF = re.compile(r"[A-Za-z0-9_-]{43}")
JALUR_MASUK = "/masuk"
JALUR_KELUAR = "/keluar"

# Reached without a session: the form, the health check Streamlit's tooling polls, and the
# static assets (the same public JavaScript and CSS for everyone).
_PUBLIK = {JALUR_MASUK, JALUR_KELUAR, "/_stcore/health", "/favicon.png", "/manifest.json"}
_PUBLIK_AWALAN = ("/static/",)
# Client messages that act on the whole server, never on one's own session: dropped.
_PESAN_DITOLAK = {"clear_cache", "debug_shutdown_runtime", "debug_disconnect_websocket"}

# Streamlit's frontend needs inline styles (emotion) and its own scripts; nothing is loaded
# from another origin, and no page may frame the app.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADER_KEAMANAN = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def _dengan_kursor(fn: Callable[..., Any], *args: Any) -> Any:
    from dashboard.inti import web  # the process's shared connection (also used by script runs)

    with web.cursor() as cur:
        return fn(cur, *args)


async def _db(fn: Callable[..., Any], *args: Any) -> Any:
    """Store work (and bcrypt) in a worker thread, never on the event loop."""
    return await anyio.to_thread.run_sync(partial(_dengan_kursor, fn, *args))


def _nama_instansi(cur) -> tuple[str, str]:
    rows = store.fetch_all(cur, "instansi_list")
    if len(rows) == 1:
        return rows[0][2], rows[0][3] or ""
    pemda = {r[3] for r in rows}
    return ("Monev Kinerja", pemda.pop() if len(pemda) == 1 else "")


_HALAMAN = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk - Monev Kinerja</title>
<style>
body {{ font-family: "Source Sans Pro", system-ui, sans-serif; background: #f1f4f8;
  color: #1f2933; margin: 0; }}
main {{ max-width: 380px; margin: 10vh auto; background: #fff; padding: 2rem 2.2rem;
  border-radius: 10px; box-shadow: 0 2px 10px rgba(0,0,0,.08); }}
h1 {{ font-size: 1.35rem; margin: 0 0 .2rem; }}
p.sub {{ margin: 0 0 1.4rem; color: #52606d; }}
label {{ display: block; margin: .9rem 0 .3rem; font-weight: 600; }}
input[type=text], input[type=password] {{ width: 100%; box-sizing: border-box;
  padding: .55rem .6rem; border: 1px solid #cbd2d9; border-radius: 6px; font-size: 1rem; }}
button {{ margin-top: 1.4rem; width: 100%; padding: .6rem; border: 0; border-radius: 6px;
  background: #0b5394; color: #fff; font-size: 1rem; cursor: pointer; }}
.pesan {{ background: #fdecea; color: #8a1c1c; padding: .6rem .8rem; border-radius: 6px;
  margin-bottom: .6rem; }}
</style></head>
<body><main>
<h1>{instansi}</h1>
<p class="sub">{pemda}Monitoring dan evaluasi capaian kinerja. Silakan masuk.</p>
{pesan}
<form method="post" action="{aksi}">
<input type="hidden" name="csrf" value="{csrf}">
<input type="hidden" name="lanjut" value="{lanjut}">
<label for="username">Nama pengguna</label>
<input type="text" id="username" name="username" value="{username}" autocomplete="username"
 autocapitalize="none" required autofocus>
<label for="password">Kata sandi</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Masuk</button>
</form>
</main></body></html>
"""


# Shown instead of the form while the store has no active administrator (a real agency's first
# start, without demo): nobody could sign in, so say exactly how to create the first one.
_TANPA_ADMIN = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Belum ada administrator - Monev Kinerja</title>
<style>
body { font-family: "Source Sans Pro", system-ui, sans-serif; background: #f1f4f8;
  color: #1f2933; margin: 0; }
main { max-width: 680px; margin: 8vh auto; background: #fff; padding: 2rem 2.2rem;
  border-radius: 10px; box-shadow: 0 2px 10px rgba(0,0,0,.08); line-height: 1.5; }
h1 { font-size: 1.35rem; margin: 0 0 .8rem; }
pre { background: #f1f4f8; padding: .7rem .9rem; border-radius: 6px; overflow-x: auto; }
small { color: #52606d; }
</style></head>
<body><main>
<h1>Belum ada administrator</h1>
<p>Basis data ini belum memiliki akun administrator yang aktif, sehingga belum ada yang dapat
masuk. Buat administrator pertama dari terminal komputer server, di folder aplikasi:</p>
<ol>
<li>Hentikan server aplikasi ini (tekan Ctrl+C di terminalnya): berkas basis data hanya dapat
dibuka oleh satu proses.</li>
<li>Buat akun administrator. Kata sandi diminta dua kali dan tidak tampil di layar:
<pre>python -m dashboard admin-baru --username admin --nama "Nama Lengkap Anda"</pre></li>
<li>Jalankan server lagi, muat ulang halaman ini, lalu masuk dengan akun tersebut. Setelah
masuk, tambahkan instansi di halaman <b>Instansi</b>, lalu unit kerja dan pengguna.</li>
</ol>
<p><small>Tanpa <code>--instansi KODE</code> administrator mengelola semua instansi; dengan
<code>--instansi</code> hanya instansi itu. Untuk skrip, kata sandi dapat diberikan lewat
variabel lingkungan <code>MONEV_SANDI_BARU</code>. Bila server memakai berkas basis data lain
(<code>MONEV_DB</code>), jalankan perintah dengan <code>MONEV_DB</code> yang sama. Untuk mencoba
aplikasi dengan data contoh, pakai <code>make run</code> (mode demo).</small></p>
</main></body></html>
"""


def _lanjut(nilai: str | None) -> str:
    """Where to go after signing in: a path of this app only (never another site)."""
    nilai = nilai or "/"
    aman = nilai.startswith("/") and not nilai.startswith(("//", "/\\", JALUR_MASUK, JALUR_KELUAR))
    return nilai if aman and len(nilai) <= 2000 and "\\" not in nilai else "/"


async def _form(
    request: Request,
    pesan: str | None = None,
    status: int = 200,
    username: str = "",
    lanjut: str | None = None,
) -> Response:
    """The form with the browser's CSRF token in a cookie and in the hidden field (kept while
    the cookie lives: a second request for the form, say a favicon redirected here, must not
    invalidate the form already shown)."""
    try:
        if not await _db(svc.ada_administrator):
            return HTMLResponse(_TANPA_ADMIN, headers={"cache-control": "no-store"})
    except store.StoreError:
        pass  # the form below says what is wrong with the store
    token = request.cookies.get(COOKIE_CSRF) or ""
    if not _TOKEN_CSRF.fullmatch(token):
        token = secrets.token_urlsafe(32)
    try:
        instansi, pemda = await _db(_nama_instansi)
    except Exception as exc:  # noqa: BLE001 - the form shows even when the store cannot be read
        log.exception("nama instansi tidak terbaca")
        instansi, pemda = "Monev Kinerja", ""
        if isinstance(exc, store.StoreError):  # read-only or full folder: say so, no traceback
            pesan, status = str(exc), 503
    isi = _HALAMAN.format(
        instansi=html.escape(instansi),
        pemda=html.escape(f"{pemda}. ") if pemda else "",
        pesan=f'<div class="pesan" role="alert">{html.escape(pesan)}</div>' if pesan else "",
        aksi=JALUR_MASUK,
        csrf=token,
        username=html.escape(username),
        lanjut=html.escape(_lanjut(lanjut or request.query_params.get("lanjut"))),
    )
    resp = HTMLResponse(isi, status_code=status, headers={"cache-control": "no-store"})
    resp.set_cookie(
        COOKIE_CSRF,
        token,
        httponly=True,
        samesite="strict",
        secure=config.https(),
        path=JALUR_MASUK,
    )
    return resp


async def halaman_masuk(request: Request) -> Response:
    if request.method == "GET":
        return await _form(request)
    form = await request.form(max_files=0, max_fields=10, max_part_size=4096)
    username = str(form.get("username") or "")[:100]
    lanjut = _lanjut(str(form.get("lanjut") or ""))
    sandi = str(form.get("password") or "")
    dikirim = str(form.get("csrf") or "")
    di_cookie = request.cookies.get(COOKIE_CSRF) or ""
    if not dikirim or not hmac.compare_digest(dikirim.encode(), di_cookie.encode()):
        return await _form(
            request, "Formulir kedaluwarsa. Silakan isi dan kirim lagi.", 403, username, lanjut
        )
    alamat = request.client.host if request.client else None
    hasil: svc.HasilMasuk = await _db(
        svc.masuk, username, sandi, alamat, request.headers.get("user-agent")
    )
    if hasil.token is None:
        status = 429 if hasil.tunggu else 401
        resp = await _form(request, hasil.pesan, status, username, lanjut)
        if hasil.tunggu:
            resp.headers["retry-after"] = str(hasil.tunggu)
        return resp
    resp = RedirectResponse(lanjut, status_code=303)
    resp.set_cookie(
        COOKIE_SESI,
        hasil.token,
        max_age=int(config.sesi_maks().total_seconds()),
        httponly=True,
        samesite="lax",
        secure=config.https(),
        path="/",
    )
    resp.delete_cookie(COOKIE_CSRF, path=JALUR_MASUK)
    return resp


async def keluar(request: Request) -> Response:
    """End the cookie's session. No CSRF token needed: the cookie is SameSite=Lax, so a POST
    from another site carries no session to end."""
    if request.method == "GET":  # a link from anywhere must not end a session
        return RedirectResponse("/", status_code=303)
    token = request.cookies.get(COOKIE_SESI)
    if token:
        await _db(svc.akhiri_sesi, token)
    resp = RedirectResponse(JALUR_MASUK, status_code=303)
    resp.delete_cookie(COOKIE_SESI, path="/")
    return resp


def routes() -> list[Route]:
    return [
        Route(JALUR_MASUK, halaman_masuk, methods=["GET", "POST"]),
        Route(JALUR_KELUAR, keluar, methods=["GET", "POST"]),
    ]


def _token(scope: Scope) -> str | None:
    for nama, nilai in scope.get("headers", []):
        if nama == b"cookie":
            c = SimpleCookie()
            try:
                c.load(nilai.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is no session
                return None
            if COOKIE_SESI in c:
                return c[COOKIE_SESI].value
    return None


def _ditolak(data: bytes | None) -> str | None:
    """The type of a client message that must not reach Streamlit, else None."""
    if not data:
        return None
    msg = BackMsg()
    try:
        msg.ParseFromString(data)
    except Exception:  # noqa: BLE001 - Streamlit itself answers a malformed message
        return None
    jenis = msg.WhichOneof("type")
    return jenis if jenis in _PESAN_DITOLAK else None


class Gerbang:
    """Pure ASGI middleware (it must see websockets too, which BaseHTTPMiddleware does not)."""

    def __init__(self, app: ASGIApp, cari: Callable[[str], Awaitable[Akses | None]] | None = None):
        self.app = app
        self.cari = cari or (lambda token: _db(svc.akses_sesi, token))

    async def _akses(self, scope: Scope) -> Akses | None:
        token = _token(scope)
        if not token:
            return None
        try:
            return await self.cari(token)
        except Exception:  # noqa: BLE001 - no session is the safe answer; the cause is logged
            log.exception("sesi tidak dapat diperiksa")
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def kirim(message: Message) -> None:
            if message["type"] == "http.response.start":
                ada = {k.lower() for k, _ in message.get("headers", [])}
                tambahan = [
                    (k.encode(), v.encode())
                    for k, v in HEADER_KEAMANAN.items()
                    if k.encode() not in ada
                ]
                message = {**message, "headers": [*message.get("headers", []), *tambahan]}
            await send(message)

        path = scope["path"]
        if path in _PUBLIK or path.startswith(_PUBLIK_AWALAN):
            await self.app(scope, receive, kirim)
            return
        if await self._akses(scope) is not None:
            await self.app(scope, receive, kirim)
            return
        if scope["method"] in ("GET", "HEAD") and not path.startswith("/_stcore/"):
            asal = path + (
                f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else ""
            )
            tujuan = (
                JALUR_MASUK
                if asal in ("/", "/auth/logout")
                else f"{JALUR_MASUK}?{urlencode({'lanjut': asal})}"
            )
            resp: Response = RedirectResponse(tujuan, status_code=303)
        else:
            resp = Response("Silakan masuk terlebih dahulu.", status_code=403)
        if _token(scope):
            resp.delete_cookie(COOKIE_SESI, path="/")
        await resp(scope, receive, kirim)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        if await self._akses(scope) is None:
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return

        async def terima() -> Message:
            while True:
                message = await receive()
                if message["type"] == "websocket.receive":
                    jenis = _ditolak(message.get("bytes"))
                    if jenis:
                        log.warning("pesan klien %s diabaikan", jenis)
                        continue
                return message

        await self.app(scope, terima, send)


def middleware() -> list[Middleware]:
    return [Middleware(Gerbang)]
