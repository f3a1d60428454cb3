"""A client that speaks Streamlit's websocket protocol, one instance per browser tab.

It signs in through the gate's `POST /masuk` (CSRF field + cookie, then the session cookie),
opens `/_stcore/stream` with that cookie and asks for script runs the way the frontend does: a
`rerun_script` BackMsg carrying the page's script hash, the URL's query string, every widget
value the tab holds (plus one-shot triggers) and the hashes of the large messages it has cached.
It reads ForwardMsgs until the run finishes (through `st.rerun()`s) and keeps the elements and
blocks of the last run with their widget ids and labels, so a scenario can find a widget by label
or key and set it. Only public protobuf classes are used, never Streamlit's server internals.
"""

from __future__ import annotations

import html
import http.client
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect
from websockets.typing import Subprotocol

COOKIE_SESI = "monev_sesi"  # dashboard/inti/gerbang.py
COOKIE_CSRF = "monev_csrf"
_CSRF = re.compile(r'name="csrf" value="([^"]*)"')
_TANPA_ESCAPE = re.compile(r"\\(.)")

# ForwardMsg.ScriptFinishedStatus
SELESAI = 0
SELESAI_UNTUK_RERUN = 2  # cut short by st.rerun() or a newer request: a new run follows
SELESAI_FRAGMEN = 3  # a fragment's own rerun finished

# the WidgetState field a browser fills for each kind of widget
_NILAI = {
    "text_input": "string_value",
    "text_area": "string_value",
    "selectbox": "string_value",
    "radio": "string_value",
    "tab_container": "string_value",
    "checkbox": "bool_value",
    "number_input": "double_value",
    "multiselect": "string_array_value",
    "button_group": "string_array_value",
}


class GalatKlien(Exception):
    """Something a user would notice: the sign-in failed, a run did not finish, the socket
    closed."""


@dataclass
class Elemen:
    """One element (or block, e.g. a tab container) of the last run."""

    kind: str
    proto: Any
    fragment_id: str = ""  # the fragment that drew it ("" outside any fragment)

    @property
    def id(self) -> str:
        return getattr(self.proto, "id", "") or ""

    @property
    def label(self) -> str:
        return getattr(self.proto, "label", "") or ""

    @property
    def key(self) -> str | None:
        """The user key of a widget (Streamlit's element ids end in `-<key>`)."""
        return self.id.split("-", 2)[2] if self.id.startswith("$$ID-") else None

    @property
    def teks(self) -> str:
        """The text a user reads (markdown escapes such as `\\.` undone)."""
        if self.kind == "exception":
            return f"{self.proto.type}: {self.proto.message}"
        return _TANPA_ESCAPE.sub(r"\1", getattr(self.proto, "body", "") or "")


def _koneksi(url: str, timeout: float) -> http.client.HTTPConnection:
    u = urlsplit(url)
    kelas = http.client.HTTPSConnection if u.scheme == "https" else http.client.HTTPConnection
    return kelas(u.hostname or "127.0.0.1", u.port, timeout=timeout)


def _cookie(resp: http.client.HTTPResponse, nama: str) -> str | None:
    for nilai in resp.headers.get_all("set-cookie") or []:
        c = SimpleCookie()
        c.load(nilai)
        if nama in c and c[nama].value:
            return c[nama].value
    return None


def masuk(url: str, username: str, sandi: str, timeout: float = 60) -> str:
    """Sign in like the browser's form does; the `Cookie` header of the new session."""
    con = _koneksi(url, timeout)
    try:
        con.request("GET", "/masuk", headers={"User-Agent": "monev-beban"})
        r = con.getresponse()
        isi = r.read().decode("utf-8", "replace")
        csrf = _cookie(r, COOKIE_CSRF)
        cocok = _CSRF.search(isi)
        if r.status != 200 or not csrf or not cocok:
            raise GalatKlien(f"formulir masuk tidak terbaca (HTTP {r.status})")
        body = urlencode(
            {"csrf": html.unescape(cocok.group(1)), "username": username, "password": sandi}
        )
        con.request(
            "POST",
            "/masuk",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{COOKIE_CSRF}={csrf}",
                "User-Agent": "monev-beban",
            },
        )
        r = con.getresponse()
        r.read()
        token = _cookie(r, COOKIE_SESI)
        if r.status != 303 or not token:
            raise GalatKlien(f"{username} gagal masuk (HTTP {r.status})")
        return f"{COOKIE_SESI}={token}"
    finally:
        con.close()


@dataclass
class Hasil:
    """What one request for a run brought back."""

    detik: float
    status: list[int] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)

    @property
    def selesai(self) -> bool:
        return bool(self.status) and self.status[-1] in (SELESAI, SELESAI_FRAGMEN)


class Sesi:
    """One browser tab: a websocket session with its page, query string and widget values."""

    def __init__(self, url: str, cookie: str, timeout: float = 120) -> None:
        u = urlsplit(url)
        ws = ("wss" if u.scheme == "https" else "ws") + f"://{u.netloc}{u.path.rstrip('/')}"
        self.timeout = timeout
        self.ws = connect(
            f"{ws}/_stcore/stream",
            subprotocols=[Subprotocol("streamlit")],
            additional_headers={"Cookie": cookie},
            max_size=2**27,
            open_timeout=timeout,
            close_timeout=5,
            ping_interval=None,  # a browser sends no pings of its own (the server may)
            proxy=None,  # straight to the server, whatever the environment's proxy says
            legacy=True,  # a connection held open across calls, not a `with` block
        )
        self.halaman: dict[str, str] = {}  # page title (as in the menu) -> page script hash
        self.hash_halaman = ""  # the page shown ("" until the first run names it)
        self.query = ""
        self.widget: dict[str, tuple[str, Any]] = {}  # id -> (WidgetState field, value)
        self.elemen: list[Elemen] = []
        # the tab's elements by delta path, with the run that drew each (kept across a
        # fragment's own rerun, which redraws only that fragment)
        self._jalur: dict[tuple[int, ...], tuple[int, Elemen]] = {}
        self._fragmen = ""  # the fragment of the widget last changed: its rerun's scope
        self._cache: dict[str, tuple[int, ForwardMsg]] = {}  # hash -> (run number, message)
        self._run = 0

    def tutup(self) -> None:
        self.ws.close()

    @property
    def halaman_aktif(self) -> str:
        """The title of the page shown."""
        return next((p for p, h in self.halaman.items() if h == self.hash_halaman), "")

    # ------------------------------------------------------------ widgets of the last run
    def cari(
        self, label: str | None = None, key: str | None = None, kind: str | None = None
    ) -> Elemen | None:
        for e in self.elemen:
            if not e.id or (kind and e.kind != kind):
                continue
            if (label is None or e.label == label) and (key is None or e.key == key):
                return e
        return None

    def semua(self, kind: str) -> list[Elemen]:
        return [e for e in self.elemen if e.kind == kind]

    def pesan(self, format_: int) -> list[str]:
        """Texts of the alerts of one kind (Alert.SUCCESS, Alert.ERROR, ...)."""
        return [e.teks for e in self.elemen if e.kind == "alert" and e.proto.format == format_]

    def sukses(self) -> list[str]:
        return self.pesan(Alert.SUCCESS)

    def galat(self) -> list[str]:
        return self.pesan(Alert.ERROR)

    def atur(self, e: Elemen, nilai: Any) -> None:
        """Give a widget a value, as the tab would hold it from now on."""
        jenis = _NILAI.get(e.kind)
        if jenis is None:
            raise ValueError(f"widget {e.kind} belum didukung klien beban")
        self.widget[e.id] = (jenis, nilai)
        self._fragmen = e.fragment_id  # like the browser: a widget of a fragment reruns it

    # ------------------------------------------------------------ runs
    def jalankan(self, halaman: str | None = None, pemicu: Elemen | None = None) -> Hasil:
        """Ask for a run (of another page when `halaman` names its title; `pemicu`: a
        button clicked) and read until it finished."""
        bm = BackMsg()
        rs = bm.rerun_script
        if halaman is not None and self.halaman.get(halaman, "") != self.hash_halaman:
            self.hash_halaman = self.halaman.get(halaman, "")
            self.query = ""
            self.widget.clear()  # the other page's widgets are gone from the tab
            self._fragmen = ""
        rs.fragment_id = pemicu.fragment_id if pemicu is not None else self._fragmen
        self._fragmen = ""
        rs.query_string = self.query
        rs.page_script_hash = self.hash_halaman
        rs.page_name = ""
        for wid, (jenis, nilai) in self.widget.items():
            w = rs.widget_states.widgets.add()
            w.id = wid
            if jenis.endswith("array_value"):
                getattr(w, jenis).data.extend(nilai)
            else:
                setattr(w, jenis, nilai)
        if pemicu is not None:
            w = rs.widget_states.widgets.add()
            w.id = pemicu.id
            w.trigger_value = True
        rs.cached_message_hashes.extend(self._cache)
        t0 = time.perf_counter()
        self.ws.send(bm.SerializeToString())
        hasil = self._baca()
        hasil.detik = time.perf_counter() - t0
        return hasil

    def _baca(self) -> Hasil:
        hasil = Hasil(0.0)
        jalur = self._jalur
        lari: set[str] = set()  # the fragments the current run reruns (none: the whole page)
        batas = time.monotonic() + self.timeout
        while True:
            sisa = batas - time.monotonic()
            if sisa <= 0:
                raise GalatKlien(f"run tidak selesai dalam {self.timeout:.0f} detik")
            try:
                raw = self.ws.recv(timeout=sisa)
            except TimeoutError as exc:
                raise GalatKlien(f"run tidak selesai dalam {self.timeout:.0f} detik") from exc
            except Exception as exc:  # noqa: BLE001 - a closed socket ends the session
                raise GalatKlien(f"websocket tertutup: {type(exc).__name__}") from exc
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            t = fm.WhichOneof("type")
            if t == "ref_hash":  # a large message the tab said it has cached
                if fm.ref_hash not in self._cache:
                    raise GalatKlien("server merujuk pesan yang tidak ada di cache klien")
                path = tuple(fm.metadata.delta_path)
                fm = self._cache[fm.ref_hash][1]
                self._cache[fm.hash] = (self._run, fm)
                t = "delta"
            else:
                path = tuple(fm.metadata.delta_path)
                if fm.metadata.cacheable and fm.hash:
                    self._cache[fm.hash] = (self._run, fm)
            if t == "new_session":  # sent when a run starts: a full run starts afresh
                self._run += 1
                lari = set(fm.metadata.run.fragment_ids)
                if not lari:
                    jalur.clear()
                for p in fm.new_session.app_pages:
                    self.halaman[p.page_name] = p.page_script_hash
            elif t == "navigation":
                self.halaman = {p.page_name: p.page_script_hash for p in fm.navigation.app_pages}
                self.hash_halaman = fm.navigation.page_script_hash
            elif t == "page_info_changed":
                self.query = fm.page_info_changed.query_string
            elif t == "delta":
                d = fm.delta
                jenis = d.WhichOneof("type")
                if jenis == "new_element":
                    kind = d.new_element.WhichOneof("type")
                    if kind is None:
                        raise GalatKlien("server mengirim elemen tanpa jenis")
                    e = Elemen(kind, getattr(d.new_element, kind), d.fragment_id)
                    jalur[path] = (self._run, e)
                    ikuti_server(self.widget, e)
                    if kind == "exception":
                        hasil.exceptions.append(e.teks)
                elif jenis == "add_block":
                    blok = d.add_block.WhichOneof("type")
                    if blok:
                        jalur[path] = (
                            self._run,
                            Elemen(blok, getattr(d.add_block, blok), d.fragment_id),
                        )
            elif t == "script_finished":
                hasil.status.append(fm.script_finished)
                if fm.script_finished != SELESAI_UNTUK_RERUN:
                    break
        if lari:
            _buang_basi(jalur, lari, self._run)
        self.elemen = [e for _, e in jalur.values()]
        aktif = {e.id for e in self.elemen if e.id}
        self.widget = {k: v for k, v in self.widget.items() if k in aktif}
        # like the frontend: a cached message unused for two runs is dropped
        self._cache = {h: v for h, v in self._cache.items() if v[0] >= self._run - 2}
        return hasil


def ikuti_server(widget: dict[str, tuple[str, Any]], e: Elemen) -> None:
    """A widget whose value the server set (through Session State, e.g. the entry page's
    inputs after a save): the browser shows that value and sends it from then on, so what
    this client typed into it before is forgotten."""
    if getattr(e.proto, "set_value", False):
        widget.pop(e.id, None)


def _buang_basi(jalur: dict[tuple[int, ...], tuple[int, Elemen]], lari: set[str], run: int) -> None:
    """After a fragment's own rerun, as the browser does: what those fragments drew before and
    did not draw again is gone, and so is anything inside a container they drew again."""
    diganti = {p for p, (r, e) in jalur.items() if r == run and e.fragment_id in lari}
    for p, (r, e) in list(jalur.items()):
        if r == run:
            continue
        if e.fragment_id in lari or any(p[:k] in diganti for k in range(1, len(p))):
            del jalur[p]
