"""Shared fixtures: real DuckDB files in temp folders, never a mock of the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard import demo, store

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def con(tmp_path: Path):
    """A migrated, empty store."""
    c = store.connect(tmp_path / "test.duckdb")
    store.migrate(c)
    yield c
    c.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the S demo data, built once per test session (tests copy it to write)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    c = store.connect(path)
    store.migrate(c)
    c.execute("SET enable_progress_bar = false")
    demo.generate(c, "S", today=TODAY)
    c.execute("CHECKPOINT")
    c.close()
    return path


@pytest.fixture
def demo_con(demo_db: Path, tmp_path: Path):
    """A private writable copy of the demo store."""
    copy = tmp_path / "demo_copy.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    c = store.connect(copy)
    yield c
    c.close()
