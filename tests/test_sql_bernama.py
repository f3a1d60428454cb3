"""SQL lives in queries/ as named, parameterised files: no module of the app passes an inline
SQL literal to execute, and every name it asks store.sql / fetch_df / fetch_all for exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard.inti import config, store

# Generators and harnesses (demo data, bench; dashboard/alat/beban/ is not scanned) and the store's
# own migration and backup mechanics (cadangan.py, and the copy into PostgreSQL) may build SQL
# inline; the app's modules may not.
_BEBAS = {
    "store.py",
    "store_pg.py",
    "pindah.py",
    "cadangan.py",
    "demo.py",
    "demo_sop.py",
    "bench.py",
}
_DASHBOARD = config.ROOT / "dashboard"
_MODUL = sorted(
    p
    for p in _DASHBOARD.rglob("*.py")
    if p.name not in _BEBAS and "alat" not in p.relative_to(_DASHBOARD).parts
)
_SQL = re.compile(r"^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", re.IGNORECASE)


def _teks(node: ast.expr) -> str | None:
    """The literal text of a string argument: a constant, implicitly joined constants, an
    f-string (its constant parts) or a `+` of those; None for anything else (a name, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _teks(node.left)
    return None


def _sql_sebaris(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany", "sql", "query")
            and node.args
        ):
            teks = _teks(node.args[0])
            if teks is not None and _SQL.match(teks):
                found.append(f"{path.parent.name}/{path.name}:{node.lineno}: {teks[:60]!r}")
    return found


def _nama_query(path: Path) -> list[tuple[int, str]]:
    """Literal names passed to store.sql / store.fetch_df / store.fetch_all."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "store"):
            continue
        pos = {"sql": 0, "fetch_df": 1, "fetch_all": 1}.get(node.func.attr)
        if pos is None or len(node.args) <= pos:
            continue
        arg = node.args[pos]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            names.append((node.lineno, arg.value))
    return names


def test_modul_yang_diperiksa_ada():
    names = {p.name for p in _MODUL}
    assert {"layanan_pengguna.py", "rapat.py", "sop.py", "data.py"} <= names


@pytest.mark.parametrize("path", _MODUL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_tanpa_sql_sebaris(path):
    assert _sql_sebaris(path) == [], "SQL sebaris; pindahkan ke queries/<nama>.sql"


def test_pemeriksa_menangkap_sql_sebaris(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text(
        'cur.execute("SELECT 1 FROM unit WHERE id = $1", [1])\n'
        "cur.executemany(\n    'INSERT INTO t '\n    'VALUES ($1)', [[1]])\n"
        'cur.execute(f"""\n  with x AS (SELECT 1) SELECT * FROM x""")\n'
        'cur.execute(store.sql("unit_list"), [1])\n'
        'cur.execute("SET enable_progress_bar = false")\n',
        encoding="utf-8",
    )
    assert len(_sql_sebaris(contoh)) == 3


@pytest.mark.parametrize("path", _MODUL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_nama_query_ada(path):
    ada = set(store.query_names())
    hilang = [f"{baris}: {nama}" for baris, nama in _nama_query(path) if nama not in ada]
    assert hilang == [], f"query tidak ada di queries/: {hilang}"


def _tanpa_komentar_dan_kutipan(teks: str) -> str:
    return re.sub(r"'[^']*'", "''", re.sub(r"--[^\n]*", "", teks))


def test_query_memakai_parameter_bernama():
    """Queries take `$nama` parameters bound from a dict, not `$1..$n` or `?` kept in step with
    a list by hand (issue 19)."""
    posisi = [
        nama
        for nama in store.query_names()
        if re.search(r"\$\d|\?", _tanpa_komentar_dan_kutipan(store.sql(nama)))
    ]
    assert posisi == []


def _daftar_parameter(path: Path) -> list[str]:
    """Calls of a literal query name given a list or tuple literal of parameters."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        args = node.args
        if node.func.attr in ("execute", "executemany") and args:
            nama = args[0]
            if not (isinstance(nama, ast.Call) and isinstance(nama.func, ast.Attribute)):
                continue
            if nama.func.attr != "sql" or not nama.args:
                continue
            params = args[1:2]
        elif node.func.attr in ("fetch_df", "fetch_all"):
            params = args[2:3]
        else:
            continue
        if params and isinstance(params[0], ast.List | ast.Tuple) and params[0].elts:
            found.append(f"{path.parent.name}/{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", _MODUL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parameter_query_dari_dict(path):
    assert _daftar_parameter(path) == [], "beri parameter query sebagai dict {nama: nilai}"
