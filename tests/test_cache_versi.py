"""Cached reads are invalidated only for the data a write touched (docs/DOMAIN.md §13): a write
in one instansi leaves another instansi's cached reads warm, and a version bumped by another
process (here: straight through the store, not through `web.tulis`) turns them cold."""

from __future__ import annotations

import gc
import weakref
from collections import Counter

from streamlit.testing.v1 import AppTest

from dashboard.akun.akses import Akses
from dashboard.inti import versi_data, web

from .conftest import login
from .test_pages import _open_url, _tabel

KADIS_A = Akses("kadis.a", frozenset({"kadis"}), instansi_id=1)
KADIS_B = Akses("kadis.b", frozenset({"kadis"}), instansi_id=2)
SETDA = Akses("setda", frozenset({"kadis"}), instansi_id=None)
STAF_A = Akses("staf.a", frozenset({"staf_bidang"}), instansi_id=1, unit_id=1)

# How many times each read really ran (a cache miss), per caller.
PANGGILAN: Counter[str] = Counter()
# How many times each view was really built, per caller.
DIBANGUN: Counter[str] = Counter()
# How many times the read that shows no entered value really ran, per caller.
TETAP: Counter[str] = Counter()


def baca(cur, akses: Akses, instansi_id: int | None = None) -> str:
    """A service read of one instansi (or of every instansi): counts its real runs."""
    PANGGILAN[akses.username] += 1
    return f"{akses.username}#{PANGGILAN[akses.username]}"


def baca_tanpa_isian(cur, akses: Akses, instansi_id: int) -> str:
    """A read that shows no value the units entered (the follow-ups, the units)."""
    TETAP[akses.username] += 1
    return f"{akses.username}#{TETAP[akses.username]}"


def tulis_draf(cur, akses: Akses, instansi_id: int) -> None:
    """A draft save: entered values of one instansi only."""
    versi_data.sentuh_isian(instansi_id)


def tampilan(akses: Akses, instansi_id: int | None = None) -> list[str]:
    """A view built from a cached read (a chart, a table): counts its real builds."""
    from dashboard.inti import web

    DIBANGUN[akses.username] += 1
    dibaca = web.cached_read(baca)
    nilai = dibaca(akses) if instansi_id is None else dibaca(akses, instansi_id)
    return [nilai, f"dibangun#{DIBANGUN[akses.username]}"]


def tulis_tanpa_lingkup(cur, akses: Akses) -> None:
    """A service write that names no scope: the writer's instansi is bumped."""


def tulis_global(cur, akses: Akses) -> None:
    """A service write of data shared by every instansi (a holiday, the SOP library)."""
    versi_data.sentuh(versi_data.GLOBAL)


def tulis_gagal_setelah_commit(cur, akses: Akses, instansi_id: int) -> None:
    """A write that committed something in another instansi, said so, then failed."""
    versi_data.sentuh_instansi(instansi_id)
    raise ValueError("Langkah kedua gagal.")


def _halaman() -> None:
    """The page under test: four cached reads, and buttons that write."""
    import streamlit as st

    from dashboard.inti import web
    from tests import test_cache_versi as t

    web.awal_run()  # what streamlit_app.py does at the start of every run
    st.session_state["akses"] = t.STAF_A
    web.show_flash()
    baca = web.cached_read(t.baca)
    st.text(baca(t.KADIS_A, 1))
    st.text(baca(t.KADIS_B, 2))
    st.text(baca(t.SETDA))
    st.markdown(web.cached_read(t.baca_tanpa_isian, isian=False)(t.KADIS_A, 1))
    lihat = web.cached_view(t.tampilan)
    for dilihat in (lihat(t.KADIS_A, 1), lihat(t.KADIS_B, 2), lihat(t.SETDA)):
        st.caption(" ".join(dilihat))
    if st.button("Simpan", key="simpan"):
        web.tulis(t.tulis_tanpa_lingkup, t.STAF_A, sukses="Tersimpan.")
    if st.button("Simpan global", key="global"):
        web.tulis(t.tulis_global, t.STAF_A)
    if st.button("Draf", key="draf"):
        web.tulis(t.tulis_draf, t.STAF_A, 1)
    if st.button("Gagal", key="gagal"):
        web.tulis(t.tulis_gagal_setelah_commit, t.STAF_A, 2)


def _buka(app_db) -> AppTest:
    web.kosongkan_cache()
    PANGGILAN.clear()
    DIBANGUN.clear()
    TETAP.clear()
    at = AppTest.from_function(_halaman, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def _dibaca(at) -> dict[str, str]:
    return dict(zip(("a", "b", "setda"), (x.value for x in at.text), strict=True))


def test_a_write_in_one_instansi_leaves_another_instansi_warm(app_db):
    at = _buka(app_db)
    assert _dibaca(at) == {"a": "kadis.a#1", "b": "kadis.b#1", "setda": "setda#1"}
    at.run()
    assert PANGGILAN == {"kadis.a": 1, "kadis.b": 1, "setda": 1}  # warm: nothing ran again
    at.button(key="simpan").click().run()  # a staf of instansi 1 saves
    assert not at.exception and "Tersimpan" in at.success[0].value
    # instansi 1 is fresh, instansi 2 is served from the cache, the all-instansi view fresh
    assert PANGGILAN == {"kadis.a": 2, "kadis.b": 1, "setda": 2}
    assert _dibaca(at) == {"a": "kadis.a#2", "b": "kadis.b#1", "setda": "setda#2"}


def test_a_draft_save_leaves_warm_the_reads_that_show_no_entered_value(app_db):
    """DOMAIN §13.6: a draft save raises only its instansi's `isian` scope: the reads of
    entered values turn cold, a read marked `isian=False` stays warm; any other write in the
    instansi turns both cold."""
    at = _buka(app_db)
    at.button(key="draf").click().run()
    assert PANGGILAN == {"kadis.a": 2, "kadis.b": 1, "setda": 2}
    assert TETAP == {"kadis.a": 1}
    at.button(key="simpan").click().run()  # a write of the instansi's own data (a review step)
    assert PANGGILAN == {"kadis.a": 3, "kadis.b": 1, "setda": 3}
    assert TETAP == {"kadis.a": 2}


def test_a_cached_view_is_rebuilt_exactly_when_its_reads_turn_cold(app_db):
    """web.cached_view (a Beranda chart): built once per data version, from the fresh read
    after a write in its instansi, kept after a write in another instansi."""
    at = _buka(app_db)
    at.run()
    assert DIBANGUN == {"kadis.a": 1, "kadis.b": 1, "setda": 1}  # warm: nothing built again
    at.button(key="simpan").click().run()  # a staf of instansi 1 saves
    assert DIBANGUN == {"kadis.a": 2, "kadis.b": 1, "setda": 2}
    assert [c.value for c in at.caption] == [
        "kadis.a#2 dibangun#2",  # built from the fresh read, not the stale one
        "kadis.b#1 dibangun#1",
        "setda#2 dibangun#2",
    ]
    with web.cursor() as cur:  # another process's write in instansi 2
        versi_data.naikkan(cur, [versi_data.lingkup_instansi(2)])
    at.run()
    assert DIBANGUN == {"kadis.a": 2, "kadis.b": 2, "setda": 3}
    at.button(key="global").click().run()  # shared data: every view is rebuilt
    assert DIBANGUN == {"kadis.a": 3, "kadis.b": 3, "setda": 4}


def test_a_version_bumped_by_another_process_makes_the_read_fresh(app_db):
    at = _buka(app_db)
    with web.cursor() as cur:  # another process's write: only the store knows of it
        versi_data.naikkan(cur, [versi_data.lingkup_instansi(2)])
    at.run()
    assert PANGGILAN == {"kadis.a": 1, "kadis.b": 2, "setda": 2}
    assert _dibaca(at)["b"] == "kadis.b#2"


def test_a_write_of_shared_data_refreshes_every_instansi(app_db):
    at = _buka(app_db)
    at.button(key="global").click().run()
    assert PANGGILAN == {"kadis.a": 2, "kadis.b": 2, "setda": 2}


def test_a_failed_write_bumps_what_it_said_it_committed(app_db):
    at = _buka(app_db)
    at.button(key="gagal").click().run()
    assert "Langkah kedua gagal" in at.error[0].value
    at.run()  # the next click (a failed write does not rerun: the form stays as typed)
    assert PANGGILAN == {"kadis.a": 1, "kadis.b": 2, "setda": 2}


def test_versions_in_the_store_grow_per_scope(con):
    assert versi_data.baca(con) == {}
    versi_data.naikkan(con, ["instansi:1", versi_data.GLOBAL])
    versi_data.naikkan(con, ["instansi:1"])
    versi = versi_data.baca(con)
    assert versi == {"instansi:1": 2, "global": 1}
    assert versi_data.kunci(versi, 1) == (1, 2, 0)
    assert versi_data.kunci(versi, 7) == (1, 0, 0)  # never written: version 0
    assert versi_data.kunci(versi, None) == (3,)  # every instansi: the sum grows with any bump
    versi_data.naikkan(con, [versi_data.lingkup_isian(1)])
    versi = versi_data.baca(con)
    assert versi_data.kunci(versi, 1) == (1, 2, 1)  # a draft save in instansi 1
    assert versi_data.kunci(versi, 1, isian=False) == (1, 2)  # a read of no entered value
    assert versi_data.kunci(versi, None) == (4,)


def test_an_open_dashboard_shows_a_value_saved_in_another_session(app_db):
    """A Kadis's Beranda, cached, counts one indicator fewer not yet filled after a staf of
    the same instansi saved it in another session."""
    kadis = login("kadis")
    kadis.selectbox(key="tw").select(3).run()
    sebelum = _tabel(kadis, "Dinilai").set_index("Unit")
    staf = login("staf.dep")
    _open_url(staf, "entri")
    isian = next(w for w in staf.text_input if w.label == "Realisasi DEP.04")
    isian.input("30").run()
    staf.button(key="simpan").click().run()
    assert not staf.exception and staf.success, [e.value for e in staf.error]
    kadis.run()  # the Kadis's next click
    assert not kadis.exception
    sesudah = _tabel(kadis, "Dinilai").set_index("Unit")
    beda = sebelum["Sebaran"] != sesudah["Sebaran"]  # "6 Belum Diisi" -> "1 ... · 5 Belum Diisi"
    assert beda.sum() == 1, (sebelum["Sebaran"], sesudah["Sebaran"])


def test_burst_harness_counts_cold_dashboards_per_instansi(tmp_path, monkeypatch):
    """`python -m dashboard.alat.bench_cache`: after every save the saving instansi's Kadis is cold
    and the other instansi's Kadis never is."""
    from dashboard.alat import bench_cache

    db = tmp_path / "cache_S.duckdb"
    monkeypatch.setenv("MONEV_DB", str(db))  # restored afterwards (the harness sets it)
    bench_cache.siapkan(db, "S")
    hasil = bench_cache.run(db, 3)
    assert hasil["kadis_instansi_sama_dingin"] == 3
    assert hasil["kadis_instansi_lain_dingin"] == 0


def test_a_page_function_made_again_on_every_run_is_not_kept_by_the_signature_cache():
    """A page defines its cached views anew on every run (same code, new function objects, each
    holding that run's globals): their signatures are cached by code, so no run's function, and
    none of what its globals hold, stays alive through the cache."""
    kode = compile("def lihat(akses, instansi_id: int, tahun: int):\n    return 1\n", "p", "exec")
    jejak = []
    for _ in range(3):
        ruang: dict = {}
        exec(kode, ruang)  # noqa: S102 - what Streamlit does with a page's cached bytecode
        fn = ruang["lihat"]
        assert list(web._tanda(fn).parameters) == ["akses", "instansi_id", "tahun"]
        jejak.append(weakref.ref(fn))
        del fn, ruang
    gc.collect()
    assert [r() for r in jejak] == [None, None, None]


SEKRETARIS_A = Akses("sekretaris.a", frozenset({"sekretaris"}), instansi_id=1)
STAF_A2 = Akses("staf.a2", frozenset({"staf_bidang"}), instansi_id=1, unit_id=2)


def _halaman_bersama() -> None:
    """A read and a view shared by callers of one reach (the Beranda's), asked for by five
    callers: the Kadis and the Sekretaris of instansi 1, two staf of its units, the Kadis of
    instansi 2."""
    import streamlit as st

    from dashboard.inti import web
    from tests import test_cache_versi as t

    web.awal_run()
    baca = web.cached_read(t.baca, bersama=True)
    lihat = web.cached_view(t.tampilan, bersama=True)
    for akses in (t.KADIS_A, t.SEKRETARIS_A, t.STAF_A, t.STAF_A2, t.KADIS_B):
        st.text(baca(akses, akses.instansi_id))
        st.caption(" ".join(lihat(akses, akses.instansi_id)))


def test_callers_of_one_reach_share_a_read_and_a_view_others_do_not(app_db):
    """`bersama=True` (docs/DOMAIN.md §13.9): the Sekretaris is served what was read and built
    for the Kadis of the same instansi; each staf (its own unit) and the other instansi's Kadis
    get their own."""
    web.kosongkan_cache()
    PANGGILAN.clear()
    DIBANGUN.clear()
    at = AppTest.from_function(_halaman_bersama, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [x.value for x in at.text] == [
        "kadis.a#1",
        "kadis.a#1",  # the Sekretaris: the Kadis's read, not one of its own
        "staf.a#1",
        "staf.a2#1",
        "kadis.b#1",
    ]
    # nothing read or built for the Sekretaris (the view reads again through a read of its own)
    assert PANGGILAN == {"kadis.a": 2, "staf.a": 2, "staf.a2": 2, "kadis.b": 2}
    assert DIBANGUN == {"kadis.a": 1, "staf.a": 1, "staf.a2": 1, "kadis.b": 1}


def test_the_reach_is_all_that_the_read_checks_look_at():
    """Callers with one `jangkauan` pass or fail `cek_instansi` and `lingkup_unit` alike, for
    every instansi and unit asked, whatever their names and other roles."""

    def hasil(akses: Akses) -> list:
        keluar = []
        for instansi_id in (1, 2):
            for unit_id in (None, 1, 2):
                try:
                    keluar.append(akses.lingkup_unit(instansi_id, unit_id))
                except PermissionError:
                    keluar.append("ditolak")
        return keluar

    peran = [
        frozenset(p)
        for p in (
            {"kadis"},
            {"sekretaris"},
            {"pengelola_monev"},
            {"admin"},
            {"staf_bidang"},
            {"staf_bidang", "kadis"},
            set(),
        )
    ]
    semua = [
        Akses(f"u{i}", p, instansi_id=inst, unit_id=unit)
        for i, (p, inst, unit) in enumerate(
            (p, inst, unit) for p in peran for inst in (None, 1, 2) for unit in (None, 1, 2)
        )
    ]
    for a in semua:
        for b in semua:
            if a.jangkauan == b.jangkauan:
                assert hasil(a) == hasil(b), (a, b)
    assert KADIS_A.jangkauan == SEKRETARIS_A.jangkauan != STAF_A.jangkauan
