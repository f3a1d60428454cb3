"""PostgreSQL as the shared database (issue 16, item 3; docs/postgres.md): the same migrations
and named queries as DuckDB, the adapter's DuckDB-shaped interface, the copy of an embedded
store, and version checks that hold between two OS processes. The store and service suites run
on both backends as well (modules marked `dua_backend`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import psycopg
import pytest

from dashboard import cli
from dashboard.akun import layanan_pengguna as pengguna
from dashboard.alat import bench
from dashboard.inti import config, store, store_pg
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode

from .conftest import PgUji

PG = pytest.mark.parametrize("backend", ["postgres"], indirect=True)

# Staged frames (`register`) the set-based writes read, with the types the services give them.
_STAGED_INT = {"tahun", "triwulan", "versi"}
_STAGED_FLOAT = {"nilai", "nilai_atas", "nilai_lama", "nilai_baru", "baseline"}
_STAGED_BOOL = {"pk"}


def _staged_tables(cur, teks: str) -> None:
    """Create `_baris` / `_kunci` with every column a query reads from them (b.x, k.x)."""
    for tabel, alias in (("_baris", "b"), ("_kunci", "k")):
        if tabel not in teks:
            continue
        kolom = sorted(set(re.findall(rf"\b{alias}\.([a-z_]+)", teks)))
        definisi = ", ".join(
            f"{k} "
            + (
                "DOUBLE PRECISION"
                if k in _STAGED_FLOAT
                else "BOOLEAN"
                if k in _STAGED_BOOL
                else "BIGINT"
                if k in _STAGED_INT or k == "id" or k.endswith("_id")
                else "TEXT"
            )
            for k in kolom
        )
        cur.execute(f"CREATE TEMP TABLE {tabel} ({definisi})")


def test_question_marks_are_numbered_outside_quotes_and_comments():
    ubah = store_pg._bernomor
    assert ubah("SELECT ?, '?', \"a?\" -- ?\n, ?") == ("SELECT $1, '?', \"a?\" -- ?\n, $2", ())
    assert ubah("SELECT $1") == ("SELECT $1", ())


def test_a_query_given_no_parameters_keeps_its_question_marks():
    """PostgreSQL's jsonb `?` operator in SQL run without parameters is not a placeholder."""
    teks = "SELECT '{\"a\": 1}'::jsonb ? 'a'"
    assert store_pg._parameter_pg(teks, None) == (teks, None)
    assert store_pg._parameter_pg(teks, []) == (teks, None)
    assert store_pg._parameter_pg("SELECT ?", [7]) == ("SELECT $1", [7])


def test_named_parameters_are_numbered_in_order_of_first_appearance():
    ubah = store_pg._bernomor
    assert ubah("SELECT $tahun, $kode, $tahun_2, $tahun") == (
        "SELECT $1, $2, $3, $1",
        ("tahun", "kode", "tahun_2"),
    )
    teks = "SELECT '$a', \"$b\", $1 -- $c\n/* $d */, $$ $e $$, $t$ $f $t$, x::int, $g"
    assert ubah(teks) == (teks.replace("$g", "$1"), ("g",))
    assert store_pg._parameter_pg("SELECT $b, $a", {"a": 1, "b": 2}) == ("SELECT $1, $2", [2, 1])
    with pytest.raises(psycopg.ProgrammingError, match=r"tidak diberikan \['b'\]"):
        store_pg._parameter_pg("SELECT $b, $a", {"a": 1})


@PG
def test_every_named_query_is_accepted_by_postgresql(con):
    """Each queries/*.sql is parsed, planned and type-checked by PostgreSQL (PREPARE), inside a
    transaction rolled back afterwards: a DuckDB-only function or syntax fails here."""
    gagal = {}
    for nama in store.query_names():
        teks = store_pg._bernomor(store.sql(nama))[0].strip().rstrip(";")
        con.execute("BEGIN")
        try:
            _staged_tables(con, teks)
            con.execute(f"PREPARE q AS {teks}")
            con.execute("DEALLOCATE q")
        except psycopg.Error as exc:
            gagal[nama] = str(exc).splitlines()[0]
        finally:
            con.execute("ROLLBACK")
    assert gagal == {}
    assert len(store.query_names()) > 200


def _baris_terurut(df: pd.DataFrame) -> list[str]:
    return sorted(
        repr(r) for r in df.astype(object).where(df.notna(), None).itertuples(index=False)
    )


def test_every_read_query_gives_the_same_frame_on_both(demo_db, pg_uji, pg_template_demo):
    """The bench's read queries with its sample parameters, on the demo store and on its copy in
    PostgreSQL: the same columns, dtypes and rows (in any order where the query sets none)."""
    url = pg_uji.buat(pg_template_demo)
    duck = store.connect(demo_db, read_only=True)
    pg = store.connect(url)
    try:
        beda, diperiksa = {}, 0
        for nama in bench.query_baca():
            params = bench.contoh_parameter(duck, nama)
            if params is None:
                continue
            assert bench.contoh_parameter(pg, nama) == params, nama
            a = duck.execute(store.sql(nama), params).df()
            b = pg.execute(store.sql(nama), params).df()
            diperiksa += 1
            if list(a.columns) != list(b.columns):
                beda[nama] = (list(a.columns), list(b.columns))
            elif [str(t) for t in a.dtypes] != [str(t) for t in b.dtypes]:
                beda[nama] = (list(a.dtypes), list(b.dtypes))
            elif _baris_terurut(a) != _baris_terurut(b):
                beda[nama] = "baris berbeda"
        assert beda == {}
        assert diperiksa > 100
    finally:
        pg.close()
        duck.close()
        pg_uji.hapus(url)


@PG
def test_cursor_interface_matches_duckdb(con):
    """What the services use on a DuckDB connection: execute -> self, fetchone of an UPDATE is
    its row count, register/unregister a frame, df() dtypes, NUMERIC as float."""
    assert store.adalah_pg(con)
    cur = con.cursor()
    try:
        cur.execute("INSERT INTO instansi (kode, nama, pemda) VALUES (?, ?, ?)", ["A", "a", "p"])
        assert cur.execute("UPDATE instansi SET nama = $1", ["b"]).fetchone() == (1,)
        frame = pd.DataFrame(
            {
                "id": pd.array([1, None], dtype="Int64"),
                "nilai": pd.array([1.5, None], dtype="Float64"),
                "teks": pd.array(["x", None], dtype="string"),
                "tanggal": [dt.date(2026, 1, 2), None],
            }
        )
        cur.register("_baris", frame)
        df = cur.execute(
            "SELECT id, nilai, teks, tanggal, avg(id) OVER () AS rata FROM _baris ORDER BY id"
        ).df()
        cur.unregister("_baris")
        assert [str(t) for t in df.dtypes] == [
            "Int64",
            "float64",
            "object",
            "datetime64[us]",
            "float64",
        ]
        assert df["nilai"].iloc[0] == 1.5 and np.isnan(df["nilai"].iloc[1])
        assert df["teks"].tolist() == ["x", None]
        assert isinstance(cur.execute("SELECT sum(1.5)").fetchone()[0], float)
        with pytest.raises(psycopg.errors.UndefinedTable):
            cur.execute("SELECT * FROM _baris")
    finally:
        cur.close()


@PG
def test_a_column_default_stores_agency_local_time(con, monkeypatch):
    """DEFAULT current_timestamp on PostgreSQL is the agency's local time too (session
    TimeZone), in every pooled connection."""
    cur = con.cursor()
    try:
        cur.execute(
            "INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, "
            "nilai_baru, sumber, oleh) VALUES (1, 2026, 4, NULL, 1, 'entri', 'staf')"
        )
        pada = cur.execute("SELECT pada FROM realisasi_riwayat").fetchone()[0]
    finally:
        cur.close()
    lokal = dt.datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
    assert abs(pada - lokal) < dt.timedelta(minutes=5), (pada, lokal)


def test_unreachable_server_is_a_clear_message():
    with pytest.raises(store.StoreError, match="tidak dapat dihubungi"):
        store.connect("postgresql://monev:rahasia@127.0.0.1:1/tidakada")


def test_url_is_the_store_and_db_path_says_it_is_not_a_file(monkeypatch):
    monkeypatch.setenv("MONEV_DB", "postgresql://monev@db:5432/monev")
    assert config.db_url() == "postgresql://monev@db:5432/monev"
    with pytest.raises(ValueError, match="PostgreSQL"):
        config.db_path()
    assert store.nama_tampil("postgresql://a:rahasia@h/d") == "postgresql://a:***@h/d"


def _cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m dashboard ...`, run in this process (as the console script would)."""
    keluar, galat = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(galat):
        kode = cli.main(list(args))
    return subprocess.CompletedProcess(args, kode, keluar.getvalue(), galat.getvalue())


def test_pindah_ke_postgres_copies_every_table_and_compares_counts(
    demo_db, tmp_path, pg_uji: PgUji
):
    sumber = tmp_path / "sumber.duckdb"
    sumber.write_bytes(demo_db.read_bytes())
    url = pg_uji.buat()
    try:
        out = _cli("pindah-ke-postgres", url, "--db", str(sumber))
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        duck = store.connect(sumber, read_only=True)
        pg = store.connect(url)
        try:
            tabel = store.table_names(duck)
            assert store.table_names(pg) == tabel
            for t in tabel:
                n = duck.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                assert re.search(rf"^{t}\s+{n}\s+{n}\s+sama$", out.stdout, re.M), t
            # the sequences continue after the copied ids
            baru = pg.execute(
                "INSERT INTO instansi (kode, nama, pemda) VALUES ('BARU', 'x', 'y') RETURNING id"
            ).fetchone()[0]
            assert baru > duck.execute("SELECT max(id) FROM instansi").fetchone()[0]
            # and the copy serves the app: a staf signs in and reads its form
            akses = pengguna.akses_untuk(pg, "staf.lyn")
            pid = int(periode.periode_entri(pg, akses, akses.unit_id)["id"].iloc[0])
            assert len(realisasi.form_entri(pg, akses, pid, akses.unit_id).indikator) > 0
        finally:
            pg.close()
            duck.close()
        ulang = _cli("pindah-ke-postgres", url, "--db", str(sumber))
        assert ulang.returncode == 1
        assert "tidak kosong" in ulang.stderr and "Traceback" not in ulang.stderr
    finally:
        pg_uji.hapus(url)


def test_pindah_refuses_a_missing_file_and_a_bad_url(tmp_path):
    out = _cli("pindah-ke-postgres", "postgresql://x@127.0.0.1:1/y", "--db", str(tmp_path / "a"))
    assert out.returncode == 1 and "tidak ada" in out.stderr
    out = _cli("pindah-ke-postgres", "mysql://x", "--db", str(tmp_path / "a"))
    assert out.returncode == 1 and "postgresql://" in out.stderr


def test_init_migrates_a_postgresql_database_and_loads_the_demo(pg_uji: PgUji):
    url = pg_uji.buat()
    try:
        out = _cli("--db", url, "init", "--demo")
        assert out.returncode == 0, out.stderr
        assert "008_permintaan_buka" in out.stdout and "data demo dimuat" in out.stdout
        pg = store.connect(url)
        try:
            assert not store.is_empty(pg)
            assert pengguna.akses_untuk(pg, "kadis") is not None
        finally:
            pg.close()
        assert "tidak ada (sudah terbaru)" in _cli("--db", url, "init").stdout
    finally:
        pg_uji.hapus(url)


@pytest.mark.parametrize("username", ["staf.par", "staf.dep"], ids=["ubah", "baru"])
def test_two_processes_saving_the_same_rows_exactly_one_wins(
    username, pg_uji: PgUji, pg_template_demo, tmp_path
):
    """Two OS processes load the same form (staf.par: values already there; staf.dep: none yet),
    pass every check, then write at the same moment: one saves, the other is told that someone
    else saved first, and the stored values are all the winner's."""
    url = pg_uji.buat(pg_template_demo)
    try:
        proses = {
            nama: subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.pg_simpan_proses",
                    url,
                    username,
                    nilai,
                    str(tmp_path),
                    nama,
                ],
                cwd=config.ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for nama, nilai in (("A", "11"), ("B", "22"))
        }
        try:
            for nama, p in proses.items():
                while not (tmp_path / f"siap-{nama}").exists():
                    assert p.poll() is None, p.communicate()
                    threading.Event().wait(0.05)
            (tmp_path / "mulai").touch()
            hasil = {nama: p.communicate(timeout=120) for nama, p in proses.items()}
        finally:
            for p in proses.values():
                if p.poll() is None:
                    p.kill()
                    p.wait()
        keluar = {nama: out.strip() for nama, (out, _err) in hasil.items()}
        assert sorted(keluar.values()) == ["KONFLIK", "MENANG"], hasil
        pemenang = next(n for n, k in keluar.items() if k == "MENANG")
        pg = store.connect(url)
        try:
            akses = pengguna.akses_untuk(pg, username)
            pid = int(periode.periode_entri(pg, akses, akses.unit_id)["id"].iloc[0])
            form = realisasi.form_entri(pg, akses, pid, akses.unit_id)
            assert set(form.baris["catatan"]) == {f"dari {pemenang}"}
            assert set(form.baris["nilai"]) == {11.0 if pemenang == "A" else 22.0}
        finally:
            pg.close()
    finally:
        pg_uji.hapus(url)


def test_generated_sql_in_queries_avoids_duckdb_only_syntax():
    """The rules of docs/postgres.md that PREPARE alone would not catch in every case."""
    terlarang = re.compile(
        r"\b(list_contains|arg_max|arg_min|date_diff|GROUP BY ALL|ORDER BY ALL|SEMI JOIN|"
        r"ASOF|list\(|range\(|DOUBLE(?! PRECISION))",
        re.IGNORECASE,
    )
    temuan = []
    for path in sorted(Path(config.QUERIES_DIR).rglob("*.sql")):
        for i, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            kode = baris.split("--", 1)[0]
            if terlarang.search(kode):
                temuan.append(f"{path.name}:{i}: {baris.strip()}")
    assert temuan == []


@pytest.fixture
def app_pg(pg_uji: PgUji, pg_template_demo, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app wired to a fresh PostgreSQL copy of the demo store through MONEV_DB."""
    url = pg_uji.buat(pg_template_demo)
    monkeypatch.setenv("MONEV_DB", url)
    monkeypatch.setenv("MONEV_DEMO", "0")
    try:
        yield url
    finally:
        pg_uji.hapus(url)


@pytest.mark.parametrize("username", ["admin", "kadis", "monev", "staf.par"])
def test_every_page_of_a_role_runs_on_postgresql(app_pg, username):
    """Each page the role may open, run by AppTest against PostgreSQL: no exception, its title."""
    from dashboard.inti import ui

    from .conftest import login
    from .test_pages import _open_url

    at = login(username)
    akses = pengguna_akses(app_pg, username)
    for h in ui.halaman_untuk(akses.peran):
        _open_url(at, h.url)
        assert not at.exception, (username, h.file, at.exception)
        assert at.title[0].value == h.judul, (username, h.file)
        assert not at.error, (username, h.file, [e.value for e in at.error])


def pengguna_akses(url: str, username: str):
    con = store.connect(url)
    try:
        return pengguna.akses_untuk(con, username)
    finally:
        con.close()


def test_a_command_line_write_refreshes_the_servers_cached_reads(pg_uji, pg_template_kosong):
    """DOMAIN §13.4: a write command (`init`) on a shared store raises `global`."""
    from dashboard import cli
    from dashboard.inti import versi_data

    url = pg_uji.buat(pg_template_kosong)
    c = store.connect(url)
    try:
        sebelum = versi_data.baca(c).get(versi_data.GLOBAL, 0)
        assert cli.main(["--db", url, "init"]) == 0
        sesudah = versi_data.baca(c).get(versi_data.GLOBAL, 0)
        assert sesudah == sebelum + 1
    finally:
        c.close()
        pg_uji.hapus(url)
