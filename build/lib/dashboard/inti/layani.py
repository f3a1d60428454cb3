"""Several Streamlit processes behind nginx, over one shared store (issue 16, deliverable 4).

`python -m dashboard layani --proses N --port 8501` (`make run-multi`) starts N `streamlit run
app.py` on loopback ports, writes an nginx configuration into a runtime folder and runs Debian's
nginx in the foreground on the public port. Python runs a process's scripts on one core: N
processes use N cores (or N machines, docs/operasi.md "Deployment shapes").

- Sticky sessions. A Streamlit session lives in one process (its websocket, its uploads and
  media), so every request of a browser must reach the process that holds its websocket. nginx
  sets a cookie `monev_proses` naming the process that answered, and routes by it; a request
  without it is routed by `hash $cookie_monev_sesi consistent` (the login cookie: behind one
  office NAT every user has the same address, so never `ip_hash`), and one with neither cookie
  (the sign-in form) goes round robin. The route cookie also covers a process that died and
  came back: its users' websockets reconnected to another process, and their uploads must
  follow them there, not go back to the restarted process (a hash alone would send them back).
- Failover. A process that refuses connections is marked failed for a while (`max_fails`) and
  its requests go to the next process (`proxy_next_upstream`, backup servers). Sessions live in
  the store's login table, so the user is still signed in there: the frontend reconnects, or
  the user reloads, without signing in again.
- Supervision. A dead process is restarted on its port (with a growing pause when it dies right
  after starting); SIGTERM, SIGINT (Ctrl+C) or any exit stops nginx and every process, and each
  child gets SIGTERM from the kernel if the launcher itself is killed: no orphan.
- Only PostgreSQL can be shared: a DuckDB file is opened by one process, so N > 1 over DuckDB is
  refused. Evidence files are in one folder (bukti.folder()) that every process reads: the
  launcher passes its absolute path to each process.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.inti import bukti, config, serve

NGINX = "/usr/sbin/nginx"
COOKIE_PROSES = "monev_proses"
# A process that fails a connection is left out this long before it is tried again.
JEDA_GAGAL_DETIK = 5
# A process that dies sooner than this after it started waits longer before each restart.
HIDUP_MINIMAL_DETIK = 30.0
JEDA_ULANG_MAKS_DETIK = 30.0


class LayaniError(RuntimeError):
    """The launcher cannot start: a message a person can act on (Indonesian)."""


def alamat_db(db: str | None = None) -> str:
    """The store every process serves: --db (a file relative to the working folder, as for
    every command), else MONEV_DB / secrets (relative to the project root), else the default
    file; a file as an absolute path, so every process opens the same one."""
    if db:
        return db if config.adalah_url(db) else str(Path(db).resolve())
    return config.db_url()


def periksa(proses: int, db: str) -> None:
    """Refuse a shape that cannot work, before anything starts."""
    if proses < 1:
        raise LayaniError("Jumlah proses (--proses) minimal 1.")
    if proses > 1 and not config.adalah_url(db):
        raise LayaniError(
            f"{proses} proses perlu PostgreSQL (MONEV_DB=postgresql://...): berkas DuckDB "
            f"{db} hanya dapat dibuka oleh satu proses. Jalankan dengan --proses 1, atau "
            "pindahkan data ke PostgreSQL (python -m dashboard pindah-ke-postgres URL) lalu "
            "pakai --db postgresql://..."
        )
    if not Path(NGINX).exists():
        raise LayaniError(f"nginx tidak ada di {NGINX}: jalankan `make server-deps`.")


def _server(port: int, cadangan: bool = False) -> str:
    opsi = "backup" if cadangan else f"max_fails=1 fail_timeout={JEDA_GAGAL_DETIK}s"
    return f"        server 127.0.0.1:{port} {opsi};"


def konfigurasi_nginx(
    folder: Path,
    alamat: str,
    port: int,
    port_proses: list[int],
    proxy_depan: list[str] | None = None,
) -> str:
    """The nginx configuration: every path inside `folder` (nothing in root-owned system
    folders), the public `alamat:port`, one upstream per process (that process first, the
    others as backups) chosen by the route cookie, and a hashed upstream for the rest. The
    processes get the client's address in X-Forwarded-For (replaced, never appended: a browser
    cannot choose it); behind a balancer (`proxy_depan`, its addresses) the address the
    balancer forwards is taken as the client's."""
    percaya = [f"    set_real_ip_from {a};" for a in proxy_depan or []]
    if percaya:
        percaya += ["    real_ip_header X-Forwarded-For;", "    real_ip_recursive on;"]
    from dashboard.inti.gerbang import COOKIE_SESI

    hulu = [
        "    upstream monev {",
        f"        hash $cookie_{COOKIE_SESI} consistent;",
        *(_server(p) for p in port_proses),
        "        keepalive 32;",
        "    }",
    ]
    pilih = [f"    map $cookie_{COOKIE_PROSES} $monev_hulu {{", "        default monev;"]
    dilayani = ["    map $upstream_addr $monev_dilayani {", '        default "";']
    for i, p in enumerate(port_proses):
        lain = port_proses[i + 1 :] + port_proses[:i]
        hulu += [
            f"    upstream monev_{i} {{",
            _server(p),
            *(_server(q, cadangan=True) for q in lain),
            "        keepalive 16;",
            "    }",
        ]
        pilih.append(f"        {i} monev_{i};")
        # after a failover the last address is the one that answered
        dilayani.append(f'        "~(^|, )127\\.0\\.0\\.1:{p}$" {i};')
    pilih.append("    }")
    dilayani.append("    }")
    log = folder / "logs"
    temp = folder / "temp"
    return "\n".join(
        [
            "# Ditulis oleh `python -m dashboard layani` setiap kali mulai; jangan disunting.",
            "worker_processes auto;",
            f"pid {folder / 'nginx.pid'};",
            f"error_log {log / 'nginx-error.log'} warn;",
            "events {",
            "    worker_connections 4096;",
            "}",
            "http {",
            f"    access_log {log / 'nginx-access.log'} combined buffer=64k flush=5s;",
            f"    client_body_temp_path {temp / 'body'};",
            f"    proxy_temp_path {temp / 'proxy'};",
            f"    fastcgi_temp_path {temp / 'fastcgi'};",
            f"    uwsgi_temp_path {temp / 'uwsgi'};",
            f"    scgi_temp_path {temp / 'scgi'};",
            "    # Streamlit refuses an upload over server.maxUploadSize (5 MB) with a message;",
            "    # the body, with its multipart framing, must reach it.",
            "    client_max_body_size 8m;",
            "    # Streamed both ways: no temporary files (the workers may run as another user),",
            "    # and the websocket and downloads flow as they come.",
            "    proxy_request_buffering off;",
            "    proxy_buffering off;",
            "    server_tokens off;",
            *percaya,
            "    map $http_upgrade $monev_koneksi {",
            "        default upgrade;",
            '        "" "";',
            "    }",
            *pilih,
            *dilayani,
            *hulu,
            "    server {",
            f"        listen {alamat}:{port};",
            "        location / {",
            "            proxy_pass http://$monev_hulu;",
            "            proxy_http_version 1.1;",
            "            proxy_set_header Host $http_host;",
            "            proxy_set_header X-Forwarded-For $remote_addr;",
            "            proxy_set_header X-Forwarded-Proto $scheme;",
            "            proxy_set_header Upgrade $http_upgrade;",
            "            proxy_set_header Connection $monev_koneksi;",
            "            proxy_connect_timeout 3s;",
            "            proxy_read_timeout 3600s;",
            "            proxy_send_timeout 3600s;",
            "            proxy_next_upstream error timeout;",
            f"            proxy_next_upstream_tries {len(port_proses)};",
            f'            add_header Set-Cookie "{COOKIE_PROSES}=$monev_dilayani; Path=/; '
            'HttpOnly; SameSite=Lax" always;',
            "        }",
            "    }",
            "}",
            "",
        ]
    )


def _perintah_nginx(folder: Path, *opsi: str) -> list[str]:
    return [
        NGINX,
        *("-p", f"{folder}/", "-c", str(folder / "nginx.conf")),
        *("-e", str(folder / "logs" / "nginx-error.log")),
        *opsi,
    ]


def _folder_kerja(folder: Path) -> None:
    for sub in ("logs", "temp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)


def uji_nginx(folder: Path) -> None:
    """`nginx -t` on the written configuration: a clear error before anything listens."""
    _folder_kerja(folder)
    uji = subprocess.run(
        _perintah_nginx(folder, "-t", "-q"), capture_output=True, text=True, check=False
    )
    if uji.returncode != 0:
        raise LayaniError(f"Konfigurasi nginx {folder / 'nginx.conf'} ditolak:\n{uji.stderr}")


def jalankan_nginx(folder: Path) -> subprocess.Popen:
    """nginx in the foreground on `folder`/nginx.conf, as a supervised child (its own process
    group; SIGTERM from the kernel if the launcher dies)."""
    _folder_kerja(folder)
    with (folder / "logs" / "nginx-error.log").open("a") as out:
        return subprocess.Popen(
            _perintah_nginx(folder, "-g", "daemon off;"),
            stdout=out,
            stderr=subprocess.STDOUT,
            process_group=0,
            preexec_fn=serve._mati_bersama_induk,
        )


def _ekor(path: Path, baris: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-baris:])
    except OSError:
        return ""


@dataclass
class Proses:
    """One supervised Streamlit process and its restart schedule."""

    indeks: int
    port: int
    log: Path
    proc: subprocess.Popen | None = None
    mulai_pada: float = 0.0
    jeda: float = 1.0
    ulang_pada: float | None = None  # when a dead process is due for a restart


class _Berhenti(Exception):
    """SIGTERM or SIGINT: stop everything."""


def _sinyal(signum: int, _frame: object) -> None:
    raise _Berhenti(signal.Signals(signum).name)


@dataclass
class Layanan:
    """The launcher: N Streamlit processes and nginx, supervised until a signal."""

    proses: int
    port: int
    db: str
    folder: Path
    alamat: str = "0.0.0.0"
    proxy_depan: list[str] = field(default_factory=list)
    keluaran: object = sys.stdout
    anak: list[Proses] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    env_anak: dict[str, str] = field(default_factory=dict)

    def _cetak(self, pesan: str) -> None:
        print(pesan, file=self.keluaran, flush=True)  # type: ignore[call-overload]

    def _env(self) -> dict[str, str]:
        """Every process: the same store, the same absolute evidence folder, the same cookie
        secret (Streamlit's own signed cookies then verify in any process)."""
        return {
            "MONEV_BUKTI_DIR": str(bukti.folder().resolve()),
            "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
            or secrets.token_hex(32),
        }

    def _siapkan_store(self) -> None:
        """Migrate once before the processes start, so N processes never race to migrate; the
        connection is closed again (a DuckDB file admits one process: the server)."""
        from dashboard.inti import store
        from dashboard.inti.bootstrap import prepare

        con = store.connect(self.db)
        try:
            prepare(con, demo=config.demo_mode())
        finally:
            con.close()

    def _jalankan_proses(self, p: Proses, env: dict[str, str]) -> None:
        p.proc = serve.mulai(self.db, p.log, p.port, env, config.demo_mode())
        p.mulai_pada = time.monotonic()
        p.ulang_pada = None

    def _mulai_nginx(self) -> None:
        self.nginx = jalankan_nginx(self.folder)

    def _url_publik(self) -> str:
        host = "127.0.0.1" if self.alamat in ("0.0.0.0", "") else self.alamat
        return f"http://{host}:{self.port}"

    def mulai(self) -> None:
        """Start every process, wait until each answers, then nginx in front of them."""
        _folder_kerja(self.folder)
        self._siapkan_store()
        self.env_anak = self._env()
        ports = [serve.free_port() for _ in range(self.proses)]
        self.anak = [
            Proses(i, port, self.folder / "logs" / f"proses-{i}.log")
            for i, port in enumerate(ports)
        ]
        for p in self.anak:
            self._jalankan_proses(p, self.env_anak)
        for p in self.anak:
            assert p.proc is not None
            serve.tunggu_siap(p.proc, f"http://127.0.0.1:{p.port}", p.log, timeout=120)
        conf = self.folder / "nginx.conf"
        isi = konfigurasi_nginx(self.folder, self.alamat, self.port, ports, self.proxy_depan)
        conf.write_text(isi)
        uji_nginx(self.folder)
        self._mulai_nginx()
        batas = time.monotonic() + 30
        while not serve.siap(self._url_publik()):
            if self.nginx is not None and self.nginx.poll() is not None:
                raise LayaniError(
                    f"nginx berhenti saat mulai (port {self.port} sudah dipakai?):\n"
                    + _ekor(self.folder / "logs" / "nginx-error.log")
                )
            if time.monotonic() > batas:
                raise LayaniError(f"nginx tidak menjawab di {self._url_publik()} dalam 30 detik.")
            time.sleep(0.2)
        self._cetak(
            f"Siap: {self._url_publik()} melayani {self.proses} proses Streamlit "
            f"(port {', '.join(map(str, ports))}) di belakang nginx. Log: {self.folder / 'logs'}. "
            "Hentikan dengan Ctrl+C."
        )

    def jaga_sekali(self) -> None:
        """One supervision step: restart every dead process that is due, and nginx."""
        sekarang = time.monotonic()
        for p in self.anak:
            if p.proc is None or p.proc.poll() is None:
                continue
            if p.ulang_pada is None:
                hidup = sekarang - p.mulai_pada
                p.jeda = (
                    1.0 if hidup >= HIDUP_MINIMAL_DETIK else min(p.jeda * 2, JEDA_ULANG_MAKS_DETIK)
                )
                p.ulang_pada = sekarang + (0 if hidup >= HIDUP_MINIMAL_DETIK else p.jeda)
                self._cetak(
                    f"Proses {p.indeks} (port {p.port}) berhenti dengan kode "
                    f"{p.proc.returncode}; dijalankan ulang. Log: {p.log}"
                )
            if sekarang >= p.ulang_pada:
                self._jalankan_proses(p, self.env_anak)
        if self.nginx is not None and self.nginx.poll() is not None:
            self._cetak(f"nginx berhenti (kode {self.nginx.returncode}); dijalankan ulang.")
            time.sleep(1)
            self._mulai_nginx()

    def hentikan(self) -> None:
        """nginx first (no new requests), then every process; each waited for."""
        if self.nginx is not None:
            serve.berhenti(self.nginx)
        for p in self.anak:
            if p.proc is not None:
                serve.berhenti(p.proc)

    def jalankan(self) -> int:
        """Start, supervise until SIGTERM/SIGINT, stop everything (also on any error)."""
        lama = {s: signal.signal(s, _sinyal) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.mulai()
            while True:
                time.sleep(0.5)
                self.jaga_sekali()
        except _Berhenti as sebab:
            self._cetak(f"Menghentikan nginx dan {self.proses} proses ({sebab}) ...")
            return 0
        finally:
            for s in lama:
                signal.signal(s, signal.SIG_IGN)  # a second Ctrl+C must not cut the cleanup
            self.hentikan()
            for s, h in lama.items():
                signal.signal(s, h)


def cmd_layani(args: argparse.Namespace) -> int:
    """`python -m dashboard layani`: check the shape, then serve until stopped."""
    db = alamat_db(getattr(args, "db", None))
    folder = Path(args.folder).resolve() if args.folder else config.DATA_DIR / "layani"
    try:
        periksa(args.proses, db)
        layanan = Layanan(args.proses, args.port, db, folder, args.alamat, args.proxy_depan or [])
        return layanan.jalankan()
    except (LayaniError, RuntimeError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1


def parser_layani(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "layani",
        help="jalankan beberapa proses Streamlit di belakang nginx (perlu PostgreSQL bila > 1)",
    )
    s.add_argument(
        "--proses",
        type=int,
        default=os.cpu_count() or 1,
        help="jumlah proses Streamlit (bawaan: jumlah inti CPU)",
    )
    s.add_argument("--port", type=int, default=8501, help="port publik nginx (bawaan: 8501)")
    s.add_argument("--alamat", default="0.0.0.0", help="alamat publik nginx (bawaan: semua)")
    s.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="basis data bersama, mis. postgresql://pengguna@host/monev (bawaan: MONEV_DB)",
    )
    s.add_argument(
        "--proxy-depan",
        action="append",
        metavar="ALAMAT",
        help="alamat atau CIDR balancer di depan mesin ini, yang X-Forwarded-For-nya dipercaya "
        "(boleh berulang; bawaan: tidak ada)",
    )
    s.add_argument("--folder", help="folder kerja: konfigurasi nginx dan log (bawaan: data/layani)")
    s.set_defaults(fn=cmd_layani)
