"""`make bench`: generation time, median of every named read query, Beranda cold and warm.

Targets (scale L, this 2-core machine): query median <= 50 ms, Beranda warm <= 150 ms and
cold <= 1 s, L generation <= 2 min. Prints a table and writes JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import time
from pathlib import Path

from dashboard import config, demo, store

TARGET = {
    "query_ms": 50.0,
    "beranda_warm_ms": 150.0,
    "beranda_cold_ms": 1000.0,
    "generate_L_s": 120.0,
}
TODAY = dt.date(2026, 11, 21)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))


def _params(cur, name: str) -> list | None:
    """Representative parameters: a middle instansi, the latest year, the first of its units."""
    iid = cur.execute(
        "SELECT id FROM instansi ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM instansi)"
    ).fetchone()[0]
    tahun = cur.execute("SELECT max(tahun) FROM target").fetchone()[0]
    unit = cur.execute("SELECT min(id) FROM unit WHERE instansi_id = $1", [iid]).fetchone()[0]
    sop_kode = cur.execute("SELECT min(kode) FROM sop").fetchone()[0]
    table = {
        "indikator_tahun": [iid, tahun, None],
        "periode_terakhir": [iid],
        "tahun_tersedia": [iid],
        "instansi_list": [],
        "unit_list": [iid],
        "pengaturan_get": [iid, "kategori_bands"],
        "sop_next_revisi": [sop_kode],
    }
    if name == "indikator_tahun_unit":
        return [iid, tahun, unit]
    return table.get(name)


def _median_ms(fn, repeat: int = 15) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _beranda(db: Path) -> dict[str, float]:
    os.environ["MONEV_DB"] = str(db)
    os.environ["MONEV_DEMO"] = "0"
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    app = str(config.ROOT / "app.py")
    at = AppTest.from_file(app, default_timeout=60)
    t0 = time.perf_counter()
    at.run()
    first = (time.perf_counter() - t0) * 1000
    if at.exception:
        raise RuntimeError(f"Beranda gagal: {at.exception[0].value}")
    colds = []
    for _ in range(3):
        st.cache_data.clear()
        at = AppTest.from_file(app, default_timeout=60)
        t0 = time.perf_counter()
        at.run()
        colds.append((time.perf_counter() - t0) * 1000)
    warms = []
    for _ in range(10):
        t0 = time.perf_counter()
        at.run()
        warms.append((time.perf_counter() - t0) * 1000)
    st.cache_resource.clear()
    return {
        "beranda_first_ms": first,
        "beranda_cold_ms": statistics.median(colds),
        "beranda_warm_ms": statistics.median(warms),
    }


def run(scale: str, folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench_{scale}.duckdb"
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    con = store.connect(db)
    store.migrate(con)
    con.execute("SET enable_progress_bar = false")
    t0 = time.perf_counter()
    counts = demo.generate(con, scale, today=TODAY)
    con.execute("CHECKPOINT")
    result: dict = {
        "scale": scale,
        "generate_s": time.perf_counter() - t0,
        "rows": counts,
        "queries_ms": {},
    }
    cur = con.cursor()
    for name in store.query_names():
        text = store.sql(name)
        if _WRITE.match(_strip_comments(text)):
            continue
        params = _params(cur, name)
        if params is None:
            raise KeyError(f"bench: parameter contoh untuk query {name} belum ditulis")
        result["queries_ms"][name] = _median_ms(
            lambda t=text, p=params: cur.execute(t, p).fetchall()
        )
    cur.close()
    con.close()
    result.update(_beranda(db))
    return result


def report(r: dict) -> str:
    lines = [
        f"Benchmark skala {r['scale']}  (baris: {json.dumps(r['rows'])})",
        f"{'ukuran':<40}{'nilai':>12}{'target':>12}",
    ]

    def row(label: str, value: float, unit: str, target: float | None) -> None:
        t = f"{target:g} {unit}" if target is not None else "-"
        mark = "" if target is None or value <= target else "  MELEWATI TARGET"
        lines.append(f"{label:<40}{value:>9.1f} {unit:<2}{t:>12}{mark}")

    row(
        "pembuatan data",
        r["generate_s"],
        "s",
        TARGET["generate_L_s"] if r["scale"] == "L" else None,
    )
    for name, ms in sorted(r["queries_ms"].items()):
        row(f"query {name} (median)", ms, "ms", TARGET["query_ms"])
    row("Beranda pertama (buka koneksi)", r["beranda_first_ms"], "ms", None)
    row("Beranda dingin (cache kosong)", r["beranda_cold_ms"], "ms", TARGET["beranda_cold_ms"])
    row("Beranda hangat (rerun)", r["beranda_warm_ms"], "ms", TARGET["beranda_warm_ms"])
    return "\n".join(lines)


def main(scale: str, output: Path | None = None) -> int:
    result = run(scale, config.DATA_DIR / "bench")
    output = output or config.ROOT / "bench-results" / f"{scale}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    result["measured_at"] = dt.datetime.now().isoformat(timespec="seconds")
    output.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(report(result))
    print(f"JSON: {output}")
    return 0
