"""Thin pages (issue 19, deliverable 2): a page in app_pages/ is widgets and
layout. It reads and writes through services (never the store, a driver or a query), and the
tables it shows are shaped by pure view modules (dashboard/<fitur>/tampilan_*.py,
dashboard/capaian/tabel_dasbor.py), tested without a browser: no page builds a table itself.
The checks read each page's syntax tree, so they can fail: the last test feeds them a fat
page."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dashboard.inti import ui

HALAMAN = sorted(ui.HALAMAN_DIR.glob("*.py"))

# Modules a page never imports: the store and the drivers (reads and writes go through services).
_LARANGAN_IMPOR = {
    "dashboard.inti.store",
    "dashboard.inti.store_pg",
    "duckdb",
    "psycopg",
    "sqlalchemy",
}
# Calls that talk to a database.
_PANGGILAN_DB = {"execute", "executemany", "fetch_df", "fetch_all", "fetchone", "fetchall", "sql"}
# Calls that build or reshape a table: the work of a view module, never of a page.
_BANGUN_TABEL = {"DataFrame", "merge", "groupby", "pivot", "pivot_table", "concat"}


def _impor(pohon: ast.AST) -> list[str]:
    """Every module a file imports, `from dashboard import store` read as dashboard.inti.store."""
    nama = []
    for n in ast.walk(pohon):
        if isinstance(n, ast.Import):
            nama += [a.name for a in n.names]
        elif isinstance(n, ast.ImportFrom) and n.module:
            nama += [n.module] + [f"{n.module}.{a.name}" for a in n.names]
    return nama


def _panggilan(pohon: ast.AST, nama: set[str]) -> list[str]:
    """Calls of a function or method in `nama`, as "line: name"."""
    hasil = []
    for n in ast.walk(pohon):
        if not isinstance(n, ast.Call):
            continue
        f = n.func
        sebut = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if sebut in nama:
            hasil.append(f"{n.lineno}: {sebut}")
    return hasil


def _periksa(path: Path) -> tuple[list[str], list[str], list[str]]:
    """(forbidden imports, database calls, table-building calls) of one page."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    impor = [m for m in _impor(pohon) if m in _LARANGAN_IMPOR or m.startswith("queries")]
    return impor, _panggilan(pohon, _PANGGILAN_DB), _panggilan(pohon, _BANGUN_TABEL)


def test_halaman_diperiksa():
    nama = {p.name for p in HALAMAN}
    assert {
        "rapat.py",
        "periode.py",
        "antrian.py",
        "sop.py",
        "admin_indikator.py",
        "entri.py",
        "hasil_monev.py",
        "tindak_lanjut.py",
    } <= nama


@pytest.mark.parametrize("path", HALAMAN, ids=lambda p: p.name)
def test_halaman_lewat_layanan(path: Path):
    impor, db, _ = _periksa(path)
    assert impor == [], f"{path.name} mengimpor {impor}: baca dan tulis lewat layanan_*.py"
    assert db == [], f"{path.name} memanggil basis data langsung ({db}): pakai layanan"


@pytest.mark.parametrize("path", HALAMAN, ids=lambda p: p.name)
def test_halaman_tidak_membentuk_tabel(path: Path):
    _, _, tabel = _periksa(path)
    assert tabel == [], (
        f"{path.name} membentuk tabel sendiri ({tabel}); pindahkan ke modul tampilan "
        "(dashboard/<fitur>/tampilan_*.py) sebagai fungsi murni yang diuji"
    )


def test_pemeriksa_menangkap_halaman_gemuk(tmp_path: Path):
    contoh = tmp_path / "gemuk.py"
    contoh.write_text(
        "import duckdb\n"
        "import pandas as pd\n"
        "from dashboard.inti import store, web\n"
        "with web.cursor() as cur:\n"
        "    df = store.fetch_df(cur, 'unit_list', [1])\n"
        "    n = cur.execute(store.sql('unit_hitung')).fetchone()\n"
        "t = pd.DataFrame({'Unit': df['nama']}).merge(df, on='id')\n"
        "r = df.groupby('unit').size()\n",
        encoding="utf-8",
    )
    impor, db, tabel = _periksa(contoh)
    assert impor == ["duckdb", "dashboard.inti.store"]
    assert sorted(d.split(": ")[1] for d in db) == ["execute", "fetch_df", "fetchone", "sql"]
    assert sorted(t.split(": ")[1] for t in tabel) == ["DataFrame", "groupby", "merge"]
