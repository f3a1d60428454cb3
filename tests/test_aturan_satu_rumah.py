"""One home per rule (issue 19, docs/DOMAIN.md): a domain rule's words are written in its home
module only. Every other module, page and query takes them from there (a name in Python, a bound
parameter in SQL), and the CHECK constraints that old migrations wrote are tested against the
home here, on both backends. A test fails when a literal of a rule reappears anywhere else in
dashboard/ or its queries/ (migrations 001-013, written before, are history)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard.capaian import capaian as engine
from dashboard.inti import config, store
from dashboard.rapat import agenda
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.review import alur

pytestmark = pytest.mark.dua_backend

ROOT = config.ROOT
MIGRASI_LAMA = 13  # migrations up to this number were written before the rule homes
# The tools in dashboard/alat/ (demo and load data with literal values) are not the product and
# are not scanned, as in tests/test_sql_bernama.py.


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
        "dashboard/rapat/tindak_lanjut.py",
        aturan_tl.STATUS,
        frozenset(
            {
                (
                    "dashboard/app_pages/admin_kalender.py",
                    aturan_tl.SELESAI,
                ),  # office hours: ends at
                # an SOP step: finished at
                ("dashboard/periode/tampilan_ketepatan.py", aturan_tl.SELESAI),
                # an SOP step: finished at
                ("dashboard/capaian/tabel_dasbor.py", aturan_tl.SELESAI),
                ("dashboard/capaian/tabel_dasbor.py", aturan_tl.BELUM),  # submitted yet: Ya / Belum
            }
        ),
    ),
    Aturan(
        "sumber agenda rapat",
        "dashboard/rapat/agenda.py",
        (*agenda.SUMBER_AGENDA, *agenda.SUMBER_AGENDA.values()),
        frozenset(
            {
                # how an SOP step is timed: 'event' or 'manual' (migration 012)
                ("dashboard/app_pages/sop.py", agenda.MANUAL),
                ("dashboard/sop/layanan_registri.py", agenda.MANUAL),
            }
        ),
    ),
    Aturan(
        "status pengajuan dan perbaikan",
        "dashboard/review/alur.py",
        (*alur.STATUS, alur.DIKEMBALIKAN),
        frozenset(
            {
                # a monev meeting's own states draf / final (services/rapat.py, migration 005)
                ("dashboard/rapat/tampilan_rapat.py", alur.DRAF),
                ("dashboard/rapat/layanan_rapat.py", alur.DRAF),
                # the LKj's own states (their home: dashboard/laporan/lkj.py)
                ("dashboard/laporan/lkj.py", alur.DIPARAF),
                ("dashboard/queries/lkj_tandatangan.sql", alur.DIPARAF),
                # column names of query results (counts, a returned flag)
                ("dashboard/app_pages/penyusunan.py", alur.DIKEMBALIKAN),
                ("dashboard/periode/tampilan_periode.py", alur.DIAJUKAN),
                ("dashboard/periode/tampilan_periode.py", alur.DISAHKAN),
                ("dashboard/laporan/tampilan_lkj.py", alur.DISAHKAN),
                ("dashboard/capaian/layanan_dasbor.py", alur.DIKEMBALIKAN),
                ("dashboard/laporan/layanan_lkj.py", alur.DIKEMBALIKAN),
                # the kind of notification "dikembalikan" (dashboard/notifikasi/notifikasi.py JENIS)
                ("dashboard/notifikasi/notifikasi.py", alur.DIKEMBALIKAN),
                ("dashboard/notifikasi/layanan_notifikasi.py", alur.DIKEMBALIKAN),
                # a restore's step "diverifikasi" (the copy was checked)
                ("dashboard/admin/cadangan.py", alur.DIVERIFIKASI),
                # the verb of "Data belum dapat diajukan" (what was refused)
                ("dashboard/pengumpulan/layanan_realisasi.py", alur.DIAJUKAN),
            }
        ),
    ),
]


def _python() -> list[Path]:
    """The product's modules and pages; the tools (dashboard/alat/) are not the product."""
    found = ROOT.glob("dashboard/**/*.py")
    return sorted(p for p in found if "alat" not in p.relative_to(ROOT).parts)


def _sql() -> list[Path]:
    baru = [p for p in (config.MIGRATIONS_DIR).glob("*.sql") if int(p.name[:3]) > MIGRASI_LAMA]
    return sorted([*config.QUERIES_DIR.glob("*.sql"), *baru])


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
        rel = path.relative_to(ROOT).as_posix()
        sql = _tanpa_komentar(path.read_text(encoding="utf-8"))
        for teks in aturan.literal:
            if f"'{teks}'" in sql and (rel, teks) not in aturan.lain:
                salah.append(f"{rel}: '{teks}'")
    assert not salah, f"{aturan.nama}: tulis di {aturan.rumah} saja, dipakai dari sana: {salah}"


def test_pengecualian_masih_dipakai() -> None:
    """An exception that no longer matches anything is removed, not kept as a loophole."""
    for aturan in ATURAN:
        for rel, teks in aturan.lain:
            path = ROOT / rel
            if path.suffix == ".sql":
                ada = f"'{teks}'" in _tanpa_komentar(path.read_text(encoding="utf-8"))
            else:
                ada = teks in [t for _, t in _teks_python(path)]
            assert ada, (aturan.nama, rel, teks)


def _rumus_kata() -> set[str]:
    """The capaian formulas as people write them, from the engine ("R / T", "(2T − R) / T",
    "T / R"), and the same with an ASCII minus."""
    kata = set()
    for pol, kode in (("positif", "A"), ("negatif", "A"), ("negatif", "B")):
        inti = engine.rumus(pol, kode).removesuffix(" × 100")
        kata |= {inti, inti.replace("−", "-")}
    return kata


def test_rumus_capaian_hanya_di_mesin() -> None:
    """The capaian formula is written once, in the engine (dashboard/capaian/capaian.py); a page or
    report that spells it (a column, a help text, an explanation) reads engine.rumus instead.
    dashboard/queries/dasbor_perbandingan.sql computes the same formula in SQL for every instansi
    at once: it is checked against the engine by tests/test_services_dasbor.py."""
    kata = _rumus_kata()
    assert "R / T" in kata and "(2T − R) / T" in kata
    salah = [
        f"{path.relative_to(ROOT).as_posix()}:{baris}: {teks!r}"
        for path in _python()
        if path.relative_to(ROOT).as_posix() != "dashboard/capaian/capaian.py"
        for baris, teks in _teks_python(path)
        if any(k in teks for k in kata)
    ]
    assert not salah, (
        f"rumus capaian: pakai dashboard/capaian/capaian.py (rumus, nama_rumus): {salah}"
    )


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


def test_check_status_pengajuan_sama_dengan_rumahnya(con) -> None:
    """The pengajuan and perbaikan CHECKs of migration 002 accept exactly alur's states."""
    aju = "INSERT INTO pengajuan (id, periode_id, unit_id, status) VALUES (1, 1, 1, ?)"
    assert {s for s in alur.STATUS if _boleh(con, aju, [s])} == set(alur.STATUS)
    assert not _boleh(con, aju, [alur.DIKEMBALIKAN])
    perbaikan = (
        "INSERT INTO perbaikan (id, indikator_id, tahun, triwulan, nilai_baru, alasan, "
        "diajukan_oleh, status) VALUES (1, 1, 2026, 1, 2.0, 'x', 'u', ?)"
    )
    diterima = {s for s in (*alur.STATUS, alur.DIKEMBALIKAN) if _boleh(con, perbaikan, [s])}
    assert diterima == set(alur.STATUS_PERBAIKAN)


def test_check_sumber_agenda_sama_dengan_rumahnya(con) -> None:
    sql = (
        "INSERT INTO rapat_agenda (rapat_id, urutan, jenis, uraian, sumber) VALUES (1, 1, ?, ?, ?)"
    )
    jenis = next(iter(agenda.JENIS_AGENDA))
    diterima = {s for s in agenda.SUMBER_AGENDA if _boleh(con, sql, [jenis, "x", s])}
    assert diterima == set(agenda.SUMBER_AGENDA)
    assert not _boleh(con, sql, [jenis, "x", "lain"])


def test_check_rumus_indikator_sama_dengan_mesin(con) -> None:
    """The indikator CHECKs of migration 001 (polaritas, cara agregasi, rumus negatif) accept
    exactly the engine's codes (dashboard/capaian/capaian.py)."""
    sql = (
        "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, polaritas, "
        "cara_agregasi, rumus_negatif, sasaran_id) "
        "VALUES (1, 1, 1, 'K', 'N', 'IKU', '%', ?, ?, ?, 1)"
    )
    pol = {p for p in engine.Polaritas if _boleh(con, sql, [p, "SUM", "A"])}
    agr = {a for a in engine.Agregasi if _boleh(con, sql, ["positif", a, "A"])}
    rumus = {k for k in engine.RUMUS_NEGATIF if _boleh(con, sql, ["negatif", "SUM", k])}
    assert (pol, agr, rumus) == (
        set(engine.Polaritas),
        set(engine.Agregasi),
        set(engine.RUMUS_NEGATIF),
    )
    assert not _boleh(con, sql, ["negatif", "SUM", "C"])
