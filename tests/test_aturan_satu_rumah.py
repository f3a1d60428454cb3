"""One home per rule (issue 19, docs/DOMAIN.md): a domain rule's words are written in its home
module only. Every other module, page and query takes them from there (a name in Python, a bound
parameter in SQL), and the CHECK constraints that old migrations wrote are tested against the
home here, on both backends. A test fails when a literal of a rule reappears anywhere else in
dashboard/, app_pages/ or queries/ (migrations 001-013, written before, are history)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard import agenda, config, store
from dashboard import tindak_lanjut as aturan_tl

pytestmark = pytest.mark.dua_backend

ROOT = config.ROOT
MIGRASI_LAMA = 13  # migrations up to this number were written before the rule homes


@dataclass(frozen=True)
class Aturan:
    """A rule's literals and its home; `lain` lists (file, literal) pairs where the same word
    means something else (a column heading "Selesai" = finished at)."""

    nama: str
    rumah: str
    literal: tuple[str, ...]
    lain: frozenset[tuple[str, str]] = field(default_factory=frozenset)


ATURAN = [
    Aturan(
        "status tindak lanjut",
        "dashboard/tindak_lanjut.py",
        aturan_tl.STATUS,
        frozenset(
            {
                ("app_pages/admin_kalender.py", aturan_tl.SELESAI),  # office hours: ends at
                ("app_pages/pelaksanaan.py", aturan_tl.SELESAI),  # an SOP step: finished at
                ("dashboard/tabel_dasbor.py", aturan_tl.SELESAI),  # an SOP step: finished at
                ("dashboard/tabel_dasbor.py", aturan_tl.BELUM),  # submitted yet: Ya / Belum
            }
        ),
    ),
    Aturan(
        "sumber agenda rapat",
        "dashboard/agenda.py",
        (*agenda.SUMBER_AGENDA, *agenda.SUMBER_AGENDA.values()),
        frozenset(
            {
                # how an SOP step is timed: 'event' or 'manual' (migration 012)
                ("app_pages/sop.py", agenda.MANUAL),
                ("dashboard/services/sop_registry.py", agenda.MANUAL),
            }
        ),
    ),
]


def _python() -> list[Path]:
    """The product's modules and pages; the load harness (dashboard/beban) is a tool."""
    found = [*ROOT.glob("dashboard/**/*.py"), *ROOT.glob("app_pages/*.py")]
    return sorted(p for p in found if "beban" not in p.relative_to(ROOT).parts)


def _sql() -> list[Path]:
    baru = [
        p for p in (ROOT / "queries" / "migrations").glob("*.sql") if int(p.name[:3]) > MIGRASI_LAMA
    ]
    return sorted([*(ROOT / "queries").glob("*.sql"), *baru])


def _teks_python(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module with its line, docstrings left out (they explain)."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    doc = set()
    for n in ast.walk(pohon):
        if isinstance(n, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            awal = n.body[0] if n.body else None
            if isinstance(awal, ast.Expr) and isinstance(awal.value, ast.Constant):
                doc.add(id(awal.value))
    return [
        (n.lineno, n.value)
        for n in ast.walk(pohon)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in doc
    ]


def _tanpa_komentar(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


@pytest.mark.parametrize("aturan", ATURAN, ids=lambda a: a.nama)
def test_literal_aturan_hanya_di_rumahnya(aturan: Aturan) -> None:
    salah = []
    for path in _python():
        rel = path.relative_to(ROOT).as_posix()
        if rel == aturan.rumah:
            continue
        for baris, teks in _teks_python(path):
            if teks in aturan.literal and (rel, teks) not in aturan.lain:
                salah.append(f"{rel}:{baris}: {teks!r}")
    for path in _sql():
        sql = _tanpa_komentar(path.read_text(encoding="utf-8"))
        for teks in aturan.literal:
            if f"'{teks}'" in sql:
                salah.append(f"{path.relative_to(ROOT).as_posix()}: '{teks}'")
    assert not salah, f"{aturan.nama}: tulis di {aturan.rumah} saja, dipakai dari sana: {salah}"


def test_pengecualian_masih_dipakai() -> None:
    """An exception that no longer matches anything is removed, not kept as a loophole."""
    for aturan in ATURAN:
        for rel, teks in aturan.lain:
            assert teks in [t for _, t in _teks_python(ROOT / rel)], (aturan.nama, rel, teks)


def test_penjaga_menangkap_literal(tmp_path: Path) -> None:
    """The scan sees a state compared in code and written in a query (it can fail)."""
    modul = tmp_path / "m.py"
    modul.write_text('"""Selesai di docstring boleh."""\nx = s != "Selesai"\n', encoding="utf-8")
    assert [t for _, t in _teks_python(modul)] == [aturan_tl.SELESAI]
    assert "'Selesai'" in _tanpa_komentar("SELECT 1 WHERE status <> 'Selesai' -- x")
    assert "'Selesai'" not in _tanpa_komentar("SELECT 1 -- not 'Selesai'")


# ---------------------------------------------------------------- CHECK constraints vs homes


def _boleh(con, sql: str, params: list) -> bool:
    """Whether the store accepts a write (run in a transaction rolled back either way)."""
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        cur.execute(sql, params)
        return True
    except store.GALAT_DB:
        return False
    finally:
        cur.execute("ROLLBACK")
        cur.close()


def test_check_status_tindak_lanjut_sama_dengan_rumahnya(con) -> None:
    """The tindak_lanjut CHECK of migration 005 accepts exactly the states of the rules
    module: a state added there without a migration (or the reverse) fails here."""
    sql = (
        "INSERT INTO tindak_lanjut (id, temuan_id, uraian, pic_unit_id, batas_waktu, status) "
        "VALUES (1, 1, 'x', 1, DATE '2026-01-01', ?)"
    )
    assert {s for s in aturan_tl.STATUS if _boleh(con, sql, [s])} == set(aturan_tl.STATUS)
    assert not _boleh(con, sql, ["Dibatalkan"])
    awal = "INSERT INTO tindak_lanjut (id, temuan_id, uraian, pic_unit_id, batas_waktu) "
    cur = con.cursor()
    with store.transaction(cur):
        cur.execute(awal + "VALUES (1, 1, 'x', 1, DATE '2026-01-01')")
    assert cur.execute("SELECT status FROM tindak_lanjut").fetchall() == [(aturan_tl.STATUS_AWAL,)]


def test_check_sumber_agenda_sama_dengan_rumahnya(con) -> None:
    sql = (
        "INSERT INTO rapat_agenda (rapat_id, urutan, jenis, uraian, sumber) VALUES (1, 1, ?, ?, ?)"
    )
    jenis = next(iter(agenda.JENIS_AGENDA))
    diterima = {s for s in agenda.SUMBER_AGENDA if _boleh(con, sql, [jenis, "x", s])}
    assert diterima == set(agenda.SUMBER_AGENDA)
    assert not _boleh(con, sql, [jenis, "x", "lain"])
