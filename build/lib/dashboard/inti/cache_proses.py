"""The process's cache of versioned reads and views (web.cached_read, web.cached_view).

Why not `st.cache_data` / `st.cache_resource`: they hash every argument with Streamlit's hasher
on every call, about 0,2 ms each, 11 % of a warm Beranda run at scale M (issue 16's profile),
and a page run makes 15 to 25 such calls. Our keys are already tuples of hashable values (ints,
strings, the frozen `Akses`, the data versions), so a dictionary lookup does. `cachetools`
gives the bounded, expiring dictionary; this module adds the two things Streamlit's caches did
that the app relies on:
- a read's value is kept pickled and unpickled on every hit (`salin`), so a page that changes
  the frame it got changes no other session's (a view is shared: never change it in place);
- a key is computed once when many sessions miss it together (a deadline's first run after a
  save), the others wait for that value instead of computing it again.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import TTLCache

T = TypeVar("T")
_KOSONG = object()


class CacheProses:
    """A bounded, expiring cache shared by every session of this process (thread-safe)."""

    def __init__(self, maksimum: int, ttl: float, salin: bool) -> None:
        self._isi: TTLCache = TTLCache(maxsize=maksimum, ttl=ttl)
        self._salin = salin
        self._kunci = threading.Lock()
        self._sedang: dict[Hashable, threading.Lock] = {}  # keys being computed

    def _keluar(self, tersimpan: Any) -> Any:
        return pickle.loads(tersimpan) if self._salin else tersimpan

    def ambil(self, kunci: Hashable, hitung: Callable[[], T]) -> T:
        """The value of `kunci`, computed by `hitung` (once, whoever asks at the same time)."""
        with self._kunci:
            ada = self._isi.get(kunci, _KOSONG)
            if ada is _KOSONG:
                giliran = self._sedang.setdefault(kunci, threading.Lock())
        if ada is not _KOSONG:
            return self._keluar(ada)
        with giliran:
            with self._kunci:
                ada = self._isi.get(kunci, _KOSONG)
            if ada is not _KOSONG:  # computed by the session this one waited for
                return self._keluar(ada)
            try:
                nilai = hitung()
                simpan = pickle.dumps(nilai, pickle.HIGHEST_PROTOCOL) if self._salin else nilai
                with self._kunci:
                    self._isi[kunci] = simpan
            finally:
                with self._kunci:
                    self._sedang.pop(kunci, None)
            return nilai

    def kosongkan(self) -> None:
        with self._kunci:
            self._isi.clear()


def kunci(nama: str, versi: tuple, args: tuple, kwargs: dict) -> Hashable:
    """The cache key of a call: the function's name, the data versions and the arguments; an
    argument that cannot be hashed (a list) is keyed by its pickled bytes."""
    k = (nama, versi, args, tuple(sorted(kwargs.items())))
    try:
        hash(k)
    except TypeError:
        return (nama, versi, pickle.dumps((args, sorted(kwargs.items()))))
    return k
