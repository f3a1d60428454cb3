"""The process cache of versioned reads and views (dashboard/inti/cache_proses.py)."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from dashboard.inti.cache_proses import CacheProses, kunci


def test_a_read_is_computed_once_and_copied_on_every_hit():
    c = CacheProses(maksimum=8, ttl=60, salin=True)
    hitungan = []

    def hitung():
        hitungan.append(1)
        return pd.DataFrame({"a": [1, 2]})

    pertama = c.ambil("k", hitung)
    pertama.loc[0, "a"] = 99  # a page changing its frame
    kedua = c.ambil("k", hitung)
    kedua["b"] = 1
    assert len(hitungan) == 1
    assert c.ambil("k", hitung).to_dict("list") == {"a": [1, 2]}


def test_a_view_is_shared():
    c = CacheProses(maksimum=8, ttl=60, salin=False)
    nilai = object()
    assert c.ambil("k", lambda: nilai) is nilai
    assert c.ambil("k", object) is nilai


def test_a_failed_computation_is_not_cached_and_frees_its_key():
    c = CacheProses(maksimum=8, ttl=60, salin=True)

    def gagal():
        raise ValueError("x")

    with pytest.raises(ValueError):
        c.ambil("k", gagal)
    assert c.ambil("k", lambda: 2) == 2


def test_sessions_missing_one_key_together_compute_it_once():
    c = CacheProses(maksimum=8, ttl=60, salin=True)
    hitungan = []
    mulai = threading.Event()

    def hitung():
        hitungan.append(1)
        mulai.wait(5)
        return [1]

    hasil = []
    th = [threading.Thread(target=lambda: hasil.append(c.ambil("k", hitung))) for _ in range(5)]
    for t in th:
        t.start()
    while not hitungan:
        time.sleep(0.01)
    mulai.set()
    for t in th:
        t.join()
    assert hitungan == [1]
    assert hasil == [[1]] * 5


def test_keys_of_unhashable_arguments_and_of_different_versions():
    assert kunci("f", (1,), ([1, 2],), {}) == kunci("f", (1,), ([1, 2],), {})
    assert kunci("f", (1,), (3,), {"b": 1, "a": 2}) == kunci("f", (1,), (3,), {"a": 2, "b": 1})
    assert kunci("f", (1,), (3,), {}) != kunci("f", (2,), (3,), {})


def test_kosongkan_forgets_everything():
    c = CacheProses(maksimum=8, ttl=60, salin=True)
    c.ambil("k", lambda: 1)
    c.kosongkan()
    assert c.ambil("k", lambda: 2) == 2


def test_a_shared_frame_is_converted_to_arrow_once_per_shape():
    """web.arrow_sekali: one conversion while the frame lives, per shape; a frame Arrow cannot
    take goes back as a frame; a dead frame's entry is dropped."""
    import gc

    import pyarrow as pa

    from dashboard.inti import web

    df = pd.DataFrame({"a": [1, 2], "b": ["x", None]})
    dibentuk = []

    def tampak():
        dibentuk.append(1)
        return pd.DataFrame({"a": [1, 2], "b": ["x", ""]})

    t1 = web.arrow_sekali(df, ("a",), tampak)
    t2 = web.arrow_sekali(df, ("a",), tampak)
    assert isinstance(t1, pa.Table) and t1 is t2 and len(dibentuk) == 1
    web.arrow_sekali(df, ("b",), tampak)
    assert len(dibentuk) == 2
    campur = pd.DataFrame({"c": [1, "dua"]})
    assert isinstance(web.arrow_sekali(campur, (), lambda: campur), pd.DataFrame)
    kunci = {k for k in web._ARROW if k[0] == id(df)}
    assert len(kunci) == 2
    del df, t1, t2
    gc.collect()
    assert not kunci & set(web._ARROW)
