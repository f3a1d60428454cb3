"""Several Streamlit processes behind nginx (dashboard/inti/layani.py, issue 16 deliverable 4).

- The nginx configuration: what it says, that Debian's nginx accepts it, and how it routes,
  against small stand-in HTTP servers (fast, no Streamlit): the route cookie, the hash on the
  login cookie, round robin without either, an upload body passing through, failover to the
  next process and uploads that follow the websocket after the dead process is back.
- The launcher for real: one process over DuckDB (N > 1 over DuckDB is refused), and two over
  PostgreSQL once the store accepts a postgresql:// URL (skipped, with the reason, before):
  sign in through /masuk via nginx, open the websocket via nginx, kill the Streamlit process
  holding the session, reconnect with the same cookies: still signed in. Every process is gone
  afterwards, passed or failed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dashboard import cli
from dashboard.inti import config, layani, pg_lokal, serve, store
from tests.conftest import sandi_demo

pytestmark = pytest.mark.skipif(
    not Path(layani.NGINX).exists(), reason="nginx tidak terpasang (make server-deps)"
)


# --- processes ------------------------------------------------------------------------------


def _hidup(pid: int) -> bool:
    """A running process (a zombie waiting for its parent counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def keturunan(pid: int) -> set[int]:
    """Every living descendant of `pid` (children, grandchildren: nginx's workers)."""
    return {p.pid for p in serve.turunan(pid)}


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@dataclass
class Jalan:
    proc: subprocess.Popen
    url: str
    folder: Path
    log: Path

    def streamlit(self) -> dict[int, int]:
        """Port -> pid of each running Streamlit process of this launcher."""
        hasil = {}
        for pid in keturunan(self.proc.pid):
            m = re.search(r"streamlit run .* --server\.port (\d+)", _cmdline(pid))
            if m and _hidup(pid):
                hasil[int(m.group(1))] = pid
        return hasil

    def berhenti(self) -> list[int]:
        """SIGTERM to the launcher, as a service manager does; the pids still alive after."""
        semua = keturunan(self.proc.pid)
        assert semua, "the launcher had no children"
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)
        return [p for p in semua if _hidup(p)]


@contextlib.contextmanager
def layanan(tmp: Path, db: str, proses: int, env: dict[str, str] | None = None) -> Iterator[Jalan]:
    """`python -m dashboard layani` in a child process until its "Siap" line; afterwards the
    launcher and everything below it is killed if still there (passed or failed)."""
    port = serve.free_port()
    log = tmp / "layani.log"
    folder = tmp / "run"
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "dashboard", "layani"),
            *("--proses", str(proses), "--port", str(port), "--alamat", "127.0.0.1"),
            *("--db", db, "--folder", str(folder)),
        ],
        cwd=config.ROOT,
        env={
            **os.environ,
            "MONEV_BUKTI_DIR": str(tmp / "bukti"),
            "MONEV_DEMO": "0",
            **(env or {}),
        },
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        batas = time.monotonic() + 240
        while "Siap:" not in log.read_text():
            if proc.poll() is not None or time.monotonic() > batas:
                pytest.fail(f"launcher not ready:\n{log.read_text()}")
            time.sleep(0.3)
        yield Jalan(proc, f"http://127.0.0.1:{port}", folder, log)
    finally:
        sisa = keturunan(proc.pid)
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        for pid in sisa:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


# --- a client: /masuk and the websocket through nginx ---------------------------------------


class _TanpaAlih(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Klien:
    """One browser's cookies, signing in through the HTTP form and opening the Beranda over
    Streamlit's websocket protocol (the published protobuf messages)."""

    def __init__(self, url: str):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _TanpaAlih
        )

    def cookie(self, nama: str) -> str | None:
        return next((c.value for c in self.jar if c.name == nama), None)

    def masuk(self, username: str) -> None:
        html = self.op.open(f"{self.url}/masuk").read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        data = {"username": username, "password": sandi_demo(username), "csrf": csrf}
        with pytest.raises(urllib.error.HTTPError) as alih:  # 303 to the app
            self.op.open(f"{self.url}/masuk", urllib.parse.urlencode(data).encode())
        assert alih.value.code == 303
        assert self.cookie("monev_sesi")

    def beranda(self) -> tuple[list[str], str | None]:
        """Open a websocket with this browser's cookies, run the default page; return its
        texts and the process the handshake's route cookie names. In a thread of its own: the
        browser suites' session Playwright keeps an event loop running in this one."""
        with concurrent.futures.ThreadPoolExecutor(1) as pelaksana:
            return pelaksana.submit(asyncio.run, self._beranda()).result()

    async def _beranda(self) -> tuple[list[str], str | None]:
        import websockets
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        kue = "; ".join(f"{c.name}={c.value}" for c in self.jar if c.path == "/")
        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], additional_headers={"Cookie": kue}
        ) as ws:
            proses = None
            for nilai in ws.response.headers.get_all("Set-Cookie"):
                m = re.match(r"monev_proses=(\d*)", nilai)
                if m:
                    proses = m.group(1)
                    self.jar.set_cookie(_cookie("monev_proses", proses))
            pesan = BackMsg()
            pesan.rerun_script.query_string = ""
            pesan.rerun_script.page_script_hash = ""
            await ws.send(pesan.SerializeToString())
            teks: list[str] = []
            while True:
                fm = ForwardMsg()
                fm.ParseFromString(await asyncio.wait_for(ws.recv(), 120))
                if fm.WhichOneof("type") == "delta":
                    _kumpulkan(fm.delta, teks)
                if fm.WhichOneof("type") == "script_finished":
                    return teks, proses


def _cookie(nama: str, nilai: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0, nama, nilai, None, False, "127.0.0.1", False, False, "/", True, False, None, False,
        None, None, {},
    )  # fmt: skip


def _kumpulkan(pesan, teks: list[str]) -> None:
    for _, nilai in pesan.ListFields():
        if isinstance(nilai, str):
            teks.append(nilai)
        elif hasattr(nilai, "ListFields"):
            _kumpulkan(nilai, teks)


def _tunggu_sehat(url: str, batas: float = 120) -> None:
    akhir = time.monotonic() + batas
    while not serve.siap(url):
        assert time.monotonic() < akhir, f"{url} not healthy"
        time.sleep(0.3)


KADIS = "Siti Rahmawati"  # the demo Kadis's name, in the page header once signed in


# --- the configuration ----------------------------------------------------------------------


def test_konfigurasi_nginx_hulu_dan_hash(tmp_path: Path):
    conf = layani.konfigurasi_nginx(tmp_path, "127.0.0.1", 8501, [9001, 9002])
    assert "hash $cookie_monev_sesi consistent;" in conf
    assert "ip_hash" not in conf
    assert "listen 127.0.0.1:8501;" in conf
    hulu = re.findall(r"upstream (\w+) \{(.*?)\}", conf, re.S)
    servers = {n: re.findall(r"server 127\.0\.0\.1:(\d+) ?(backup)?", isi) for n, isi in hulu}
    assert servers == {
        "monev": [("9001", ""), ("9002", "")],
        "monev_0": [("9001", ""), ("9002", "backup")],
        "monev_1": [("9002", ""), ("9001", "backup")],
    }
    assert "0 monev_0;" in conf and "1 monev_1;" in conf
    # the websocket: upgrade headers and hour-long reads
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "proxy_set_header Connection $monev_koneksi;" in conf
    assert "proxy_read_timeout 3600s;" in conf
    assert "proxy_next_upstream error timeout;" in conf
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "set_real_ip_from" not in conf
    balancer = layani.konfigurasi_nginx(tmp_path, "0.0.0.0", 80, [9001], ["10.0.0.0/24"])
    assert "set_real_ip_from 10.0.0.0/24;" in balancer
    assert "real_ip_header X-Forwarded-For;" in balancer
    # every file nginx writes is inside the runtime folder
    for path in re.findall(r"(?:pid|_log|_path) (/\S+?)[; ]", conf):
        assert Path(path).is_relative_to(tmp_path), path
    (tmp_path / "nginx.conf").write_text(conf)
    layani.uji_nginx(tmp_path)  # Debian's nginx accepts it, as this user
    (tmp_path / "nginx.conf").write_text(balancer)
    layani.uji_nginx(tmp_path)


def test_lebih_dari_satu_proses_di_duckdb_ditolak(tmp_path: Path, capsys):
    db = tmp_path / "monev.duckdb"
    rc = cli.main(["layani", "--proses", "2", "--db", str(db), "--folder", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert rc == 1
    assert "perlu PostgreSQL (MONEV_DB=postgresql://...)" in err
    assert "hanya dapat dibuka oleh satu proses" in err
    assert not db.exists() and not (tmp_path / "r").exists()  # nothing was started


def test_db_dari_argumen_atau_lingkungan(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert layani.alamat_db("x.duckdb") == str(tmp_path / "x.duckdb")
    url = "postgresql://monev@db.internal/monev"
    assert layani.alamat_db(url) == url
    monkeypatch.setenv("MONEV_DB", url)
    assert layani.alamat_db() == url
    monkeypatch.setenv("MONEV_DB", "data/lain.duckdb")
    assert layani.alamat_db() == str(config.ROOT / "data" / "lain.duckdb")


# --- routing, against stand-in servers -------------------------------------------------------


class _Pengganti(BaseHTTPRequestHandler):
    """Answers with its process number and the length of the body it received."""

    def _jawab(self) -> None:
        panjang = int(self.headers.get("Content-Length") or 0)
        isi = self.rfile.read(panjang) if panjang else b""
        xff = self.headers.get("X-Forwarded-For", "-")
        body = f"{self.server.nomor} {len(isi)} {xff}".encode()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _jawab

    def log_message(self, *args) -> None:
        pass


def _pengganti(nomor: int, port: int) -> ThreadingHTTPServer:
    srv = ThreadingHTTPServer(("127.0.0.1", port), _Pengganti)
    srv.nomor = nomor  # type: ignore[attr-defined]
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def _minta(
    url: str, kue: dict[str, str], data: bytes | None = None, xff: str | None = None
) -> tuple[int, int, str]:
    """(process that answered, body length it saw, route cookie nginx set)."""
    req = urllib.request.Request(url, data=data, method="PUT" if data else "GET")
    if kue:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in kue.items()))
    if xff:
        req.add_header("X-Forwarded-For", xff)
    with urllib.request.urlopen(req, timeout=10) as r:
        nomor, panjang, diterus = r.read().decode().split(maxsplit=2)
        assert diterus == "127.0.0.1", diterus  # the client's address, never one it sent
        rute = next(
            m.group(1)
            for h in r.headers.get_all("Set-Cookie")
            if (m := re.match(r"monev_proses=(\d*);", h))
        )
    return int(nomor), int(panjang), rute


@pytest.fixture
def nginx_pengganti(tmp_path: Path):
    """nginx with the launcher's configuration in front of three stand-in servers."""
    ports = [serve.free_port() for _ in range(3)]
    servers = [_pengganti(i, p) for i, p in enumerate(ports)]
    port = serve.free_port()
    (tmp_path / "nginx.conf").write_text(
        layani.konfigurasi_nginx(tmp_path, "127.0.0.1", port, ports)
    )
    layani.uji_nginx(tmp_path)
    proc = layani.jalankan_nginx(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        akhir = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError):
                _minta(url, {})
                break
            assert proc.poll() is None and time.monotonic() < akhir, "nginx did not start"
            time.sleep(0.1)
        yield url, ports, servers
    finally:
        anak = keturunan(proc.pid)
        serve.berhenti(proc)
        for srv in servers:
            srv.shutdown()
            srv.server_close()
        assert not [p for p in anak if _hidup(p)], "nginx workers left running"


def test_nginx_merutekan_lengket(nginx_pengganti):
    url, ports, servers = nginx_pengganti
    # without cookies (the sign-in form): round robin, and the route cookie names the answer
    dilayani = [_minta(url, {}) for _ in range(6)]
    assert {n for n, _, _ in dilayani} == {0, 1, 2}
    assert all(str(n) == rute for n, _, rute in dilayani)
    # the login cookie alone: always the same process for one session, spread over sessions
    per_sesi = {}
    for k in range(12):
        kue = {"monev_sesi": f"token-{k}"}
        jawab = {_minta(url, kue)[0] for _ in range(3)}
        assert len(jawab) == 1, jawab
        per_sesi[k] = jawab.pop()
    assert len(set(per_sesi.values())) > 1
    # the route cookie wins over the hash
    for i in range(3):
        for k in range(3):
            assert _minta(url, {"monev_sesi": f"token-{k}", "monev_proses": str(i)})[:1] == (i,)
    # a browser cannot choose the address the processes see (the sign-in throttle's key)
    _minta(url, {}, xff="6.6.6.6")
    # an upload's body reaches its process whole (streamed, no temporary file)
    isi = os.urandom(300_000)
    assert _minta(url, {"monev_proses": "2"}, isi)[:2] == (2, len(isi))


def test_nginx_pindah_saat_proses_mati_dan_unggahan_mengikuti(nginx_pengganti):
    url, ports, servers = nginx_pengganti
    sesi_di_1 = [
        kue
        for k in range(30)
        if _minta(url, kue := {"monev_sesi": f"token-{k}"})[0] == 1  # noqa: B023
    ]
    assert sesi_di_1
    servers[1].shutdown()
    servers[1].server_close()
    # process 1 is dead: its browsers reach another process, and nginx says which
    nomor, _, rute = _minta(url, {"monev_proses": "1"})
    assert nomor != 1 and rute == str(nomor)
    for kue in sesi_di_1:
        assert _minta(url, kue)[0] != 1
    # process 1 is back (restarted on its port): a browser whose websocket moved keeps the
    # route cookie nginx gave it, so its uploads go where its session now lives
    servers[1] = _pengganti(1, ports[1])
    isi = os.urandom(50_000)
    assert _minta(url, {"monev_sesi": sesi_di_1[0]["monev_sesi"], "monev_proses": rute}, isi)[
        :2
    ] == (nomor, len(isi))


# --- the launcher, for real -----------------------------------------------------------------


def test_satu_proses_duckdb_di_belakang_nginx(demo_db: Path, tmp_path: Path):
    db = tmp_path / "monev.duckdb"
    db.write_bytes(demo_db.read_bytes())
    with layanan(tmp_path, str(db), 1) as jalan:
        klien = Klien(jalan.url)
        klien.masuk("kadis")
        teks, proses = klien.beranda()
        assert proses == "0" and any(KADIS in t for t in teks)
        [(port, pid)] = jalan.streamlit().items()
        os.kill(pid, signal.SIGKILL)
        # the launcher restarts it on its port; the same cookies are still signed in
        akhir = time.monotonic() + 120
        while jalan.streamlit().get(port) in (None, pid):
            assert time.monotonic() < akhir, jalan.log.read_text()
            time.sleep(0.3)
        _tunggu_sehat(f"http://127.0.0.1:{port}")
        teks, _ = klien.beranda()
        assert any(KADIS in t for t in teks)
        assert "berhenti dengan kode -9; dijalankan ulang" in jalan.log.read_text()
        sisa = jalan.berhenti()
        assert not sisa, [(p, _cmdline(p)) for p in sisa]
        assert "Menghentikan nginx dan 1 proses (SIGTERM)" in jalan.log.read_text()


def _pg_belum_didukung(url: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """Why the store cannot serve PostgreSQL yet, or None. Before the adapter (issue 16 item
    3), store.connect takes a URL for a file name and creates a DuckDB file under it."""
    monkeypatch.chdir(tmp)
    with contextlib.suppress(Exception):
        store.connect(url).close()
    if (tmp / "postgresql:").exists():
        return (
            "store.connect belum menerima URL postgresql:// (adapter PostgreSQL, issue 16 "
            "butir 3, belum digabung): uji dua proses di atas PostgreSQL dilewati"
        )
    return None


@contextlib.contextmanager
def klaster_pg(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A throwaway PostgreSQL cluster the store can open, else a skip with the reason."""
    if not pg_lokal.tersedia():
        pytest.skip("PostgreSQL tidak terpasang (make server-deps)")
    with pg_lokal.klaster() as url:
        alasan = _pg_belum_didukung(url, tmp, monkeypatch)
        if alasan:
            pytest.skip(alasan)
        yield url


def test_dua_proses_postgres_proses_mati_sesi_tetap(tmp_path: Path, monkeypatch):
    with (
        klaster_pg(tmp_path, monkeypatch) as url,
        layanan(tmp_path, url, 2, {"MONEV_DEMO": "1"}) as jalan,
    ):
        ports = sorted(jalan.streamlit())
        assert len(ports) == 2
        klien = Klien(jalan.url)
        klien.masuk("kadis")
        teks, proses = klien.beranda()
        assert proses in ("0", "1") and any(KADIS in t for t in teks)
        conf = (jalan.folder / "nginx.conf").read_text()
        port = int(re.search(rf"upstream monev_{proses} \{{\s*server 127\.0\.0\.1:(\d+)", conf)[1])
        os.kill(jalan.streamlit()[port], signal.SIGKILL)
        # reload: a new websocket with the same cookies reaches the other process, signed in
        teks, lain = klien.beranda()
        assert lain not in (None, "", proses) and any(KADIS in t for t in teks)
        # a second browser signs in meanwhile (the dead process is being restarted)
        kedua = Klien(jalan.url)
        kedua.masuk("sekretaris")
        assert kedua.beranda()[0]
        sisa = jalan.berhenti()
        assert not sisa, [(p, _cmdline(p)) for p in sisa]
