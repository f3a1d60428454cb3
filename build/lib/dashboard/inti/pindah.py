"""`python -m dashboard pindah-ke-postgres URL`: an embedded DuckDB store copied into PostgreSQL.

The target is migrated by the same migration files, then every table is copied in ONE
transaction (COPY, in batches, so memory stays flat at scale L): a failure leaves the target as
empty as it was. Sequences are set past both the highest id copied and the DuckDB sequence's
last value (an id handed out and later deleted is never handed out again: the event log may
still name it). Then the row counts of every table are compared and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from dashboard.inti import store

_BATCH = 5000
# Rows a migration itself writes (004 seeds the default SOP step mapping): replaced by the copy.
_BENIH = {"sop_pemetaan"}
_NEXTVAL = re.compile(r"nextval\('(?:public\.)?([a-z0-9_]+)'")


@dataclass(frozen=True)
class HasilTabel:
    tabel: str
    sumber: int
    tujuan: int

    @property
    def sama(self) -> bool:
        return self.sumber == self.tujuan


def _jumlah(cur, tabel: str) -> int:
    return int(cur.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0])


def _tabel_berisi(tujuan, tabel: list[str]) -> list[str]:
    return [t for t in tabel if t not in _BENIH | {"schema_migrations"} and _jumlah(tujuan, t)]


def _versi(cur) -> int:
    """The source's schema version, read without writing (it may be opened read-only)."""
    if "schema_migrations" not in store.table_names(cur):
        return 0
    return int(cur.execute("SELECT coalesce(max(versi), 0) FROM schema_migrations").fetchone()[0])


def _urutan_kolom(cur, tabel: str, skema: str) -> list[str]:
    return [
        r[0]
        for r in cur.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            [skema, tabel],
        ).fetchall()
    ]


def salin(sumber: duckdb.DuckDBPyConnection, tujuan) -> list[HasilTabel]:
    """Copy every table of the DuckDB store `sumber` into the empty PostgreSQL store `tujuan`
    (both migrated here to the latest version); return the row counts per table."""
    if not store.adalah_pg(tujuan):
        raise store.StoreError("Tujuan harus basis data PostgreSQL (URL postgresql://...).")
    if store.adalah_pg(sumber):
        raise store.StoreError("Sumber harus berkas DuckDB.")
    if _versi(sumber) < len(store.migrations()):
        store.migrate(sumber)  # an older store: brought up to date first, as the app would
    store.migrate(tujuan)
    tabel = store.table_names(sumber)
    di_tujuan = set(store.table_names(tujuan))
    kurang = [t for t in tabel if t not in di_tujuan]
    if kurang:
        raise store.StoreError(f"Tabel tidak ada di PostgreSQL setelah migrasi: {kurang}")
    berisi = _tabel_berisi(tujuan, sorted(di_tujuan))
    if berisi:
        raise store.StoreError(
            "Basis data PostgreSQL tujuan tidak kosong (berisi data di tabel "
            f"{', '.join(berisi)}); tidak ada yang disalin. Buat basis data baru yang kosong "
            "(createdb), lalu ulangi perintah ini tanpa menjalankan init lebih dulu."
        )
    with store.transaction(tujuan):
        for t in tabel:
            if t == "schema_migrations":
                continue
            _salin_tabel(sumber, tujuan, t)
        _setel_sequence(sumber, tujuan)
    # Planner statistics and the visibility map now, not when autovacuum gets to it: without
    # the map PostgreSQL prices every index-only scan as a heap visit and chose a parallel scan
    # of the whole indikator table for one instansi (66 ms instead of 4 at scale L).
    tujuan.execute("VACUUM ANALYZE")
    return [HasilTabel(t, _jumlah(sumber, t), _jumlah(tujuan, t)) for t in tabel]


def _salin_tabel(sumber, tujuan, tabel: str) -> None:
    kolom = _urutan_kolom(sumber, tabel, "main")
    daftar = ", ".join(kolom)
    if tabel in _BENIH:
        tujuan.execute(f"DELETE FROM {tabel}")
    baca = sumber.cursor()
    try:
        baca.execute(f"SELECT {daftar} FROM {tabel}")
        with tujuan.copy(f"COPY {tabel} ({daftar}) FROM STDIN") as copy:
            while baris := baca.fetchmany(_BATCH):
                for r in baris:
                    copy.write_row(r)
    finally:
        baca.close()


def _setel_sequence(sumber, tujuan) -> None:
    """Each sequence past the highest id of the column it feeds and past DuckDB's last value."""
    terakhir = dict(
        sumber.execute("SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall()
    )
    pakai = tujuan.execute(
        "SELECT table_name, column_name, column_default FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'"
    ).fetchall()
    for tabel, kolom, bawaan in pakai:
        m = _NEXTVAL.search(bawaan)
        if not m:
            continue
        seq = m.group(1)
        maks = tujuan.execute(f"SELECT coalesce(max({kolom}), 0) FROM {tabel}").fetchone()[0]
        berikut = max(int(maks), int(terakhir.get(seq) or 0)) + 1
        tujuan.execute("SELECT setval($1, $2, false)", [seq, berikut])


def laporan(hasil: list[HasilTabel]) -> str:
    """The comparison as a table a person reads: every table, both counts, same or not."""
    lebar = max(len(h.tabel) for h in hasil)
    baris = [f"{'tabel':<{lebar}}  {'DuckDB':>10}  {'PostgreSQL':>10}"]
    for h in hasil:
        tanda = "sama" if h.sama else "BEDA"
        baris.append(f"{h.tabel:<{lebar}}  {h.sumber:>10}  {h.tujuan:>10}  {tanda}")
    return "\n".join(baris)
