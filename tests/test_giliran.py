"""Page runs take turns (dashboard/inti/giliran.py): never more than `serentak()` at once, a
turn comes back whatever ends the run, and a run never waits for good."""

from __future__ import annotations

import threading
import time

import pytest

from dashboard.inti import giliran


@pytest.fixture
def dua(monkeypatch):
    """Two runs at a time, a fresh set of turns for this test."""
    monkeypatch.setenv("MONEV_RUN_SERENTAK", "2")
    giliran.serentak.cache_clear()
    giliran._giliran.cache_clear()
    yield
    giliran.serentak.cache_clear()
    giliran._giliran.cache_clear()


def test_the_default_is_two_runs_at_once(monkeypatch):
    monkeypatch.delenv("MONEV_RUN_SERENTAK", raising=False)
    giliran.serentak.cache_clear()
    try:
        assert giliran.serentak() == 2
    finally:
        giliran.serentak.cache_clear()


def test_never_more_runs_at_once_than_the_setting(dua):
    kunci, sekarang, puncak = threading.Lock(), [0], [0]

    def run() -> None:
        with giliran.giliran():
            with kunci:
                sekarang[0] += 1
                puncak[0] = max(puncak[0], sekarang[0])
            time.sleep(0.05)
            with kunci:
                sekarang[0] -= 1

    benang = [threading.Thread(target=run) for _ in range(8)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(10)
    assert puncak[0] == 2 and sekarang[0] == 0


def test_a_run_that_stops_or_reruns_gives_its_turn_back(dua):
    for _ in range(3):  # more than the turns there are: each one came back
        with pytest.raises(RuntimeError), giliran.giliran():
            raise RuntimeError("st.rerun / st.stop end a run with an exception")
    dapat = [giliran._giliran().acquire(blocking=False) for _ in range(2)]
    assert dapat == [True, True]


def test_a_run_that_waited_too_long_goes_ahead_without_a_turn(dua, monkeypatch):
    monkeypatch.setattr(giliran, "TUNGGU_MAKS_DETIK", 0.1)
    slot = giliran._giliran()
    assert slot.acquire() and slot.acquire()  # both turns held by stuck runs
    jalan = []
    with giliran.giliran():
        jalan.append(True)
    assert jalan == [True]
    slot.release()
    slot.release()  # a run without a turn gave back none: releasing more would raise
    with pytest.raises(ValueError):
        slot.release()
