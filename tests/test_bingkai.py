"""bingkai.baris / baris_dict give what itertuples / to_dict give, for every column kind."""

import math
from pathlib import Path

import pandas as pd

from dashboard.inti import bingkai


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1, 2, 3],
            "nilai": [1.5, float("nan"), 3.0],
            "nama": ["a", None, "c"],
            "opsional": pd.array([1, None, 3], dtype="Int32"),
            "waktu": pd.to_datetime(["2026-01-01", None, "2026-03-01"]),
            "aktif": [True, False, True],
            "Status pengajuan": ["x", "y", "z"],  # not an identifier: renamed as itertuples does
        }
    )


def _sama(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if a is pd.NA or a is pd.NaT:
        return b is a
    if hasattr(a, "item") and type(a).__module__ == "numpy":  # a nullable integer: plain int here
        return type(b) is int and a == b
    return type(a) is type(b) and a == b


def test_rows_equal_itertuples_value_for_value_type_for_type_and_field_names():
    df = _frame()
    harapan = list(df.itertuples(index=False))
    hasil = list(bingkai.baris(df))
    assert [r._fields for r in hasil] == [r._fields for r in harapan]
    pasangan = zip(harapan, hasil, strict=True)
    assert all(_sama(a, b) for r1, r2 in pasangan for a, b in zip(r1, r2, strict=True))
    assert hasil[0].id == 1 and hasil[2].nama == "c" and hasil[1].opsional is pd.NA


def test_empty_frames_and_duplicate_columns():
    assert list(bingkai.baris(_frame().iloc[:0])) == []
    assert len(list(bingkai.baris(pd.DataFrame(index=[0, 1])))) == 2
    dobel = pd.DataFrame([[1, 2]], columns=["a", "a"])
    assert [tuple(r) for r in bingkai.baris(dobel)] == [(1, 2)]


def test_dicts_equal_to_dict_records_a_missing_nullable_value_none():
    df = (
        _frame()
        .drop(columns=["nilai", "waktu"])
        .assign(  # NaN, NaT: never equal to themselves
            ya=pd.array([True, None, False], dtype="boolean"),
            teks=pd.array(["a", None, "c"], dtype="string"),
        )
    )
    hasil = bingkai.baris_dict(df)
    assert hasil == df.to_dict("records")
    assert hasil[1]["opsional"] is None and hasil[1]["ya"] is None and hasil[1]["teks"] is None


def test_the_product_walks_frame_rows_through_bingkai():
    """A page run walks several frames: `itertuples` or `to_dict("records")` would cost 5 ms a
    wide frame again, `iterrows` builds a Series per row (the warnings list: 11 ms for 18 rows)
    (the plain tuples of `name=None`, in the bulk copies and imports, make no class and are
    left)."""
    akar = Path(__file__).resolve().parents[1] / "dashboard"
    sisa = [
        f"{p.relative_to(akar)}:{i}"
        for p in akar.rglob("*.py")
        if p.name != "bingkai.py"
        for i, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if (".itertuples(" in baris and "name=None" not in baris)
        or 'to_dict("records")' in baris
        or ".iterrows(" in baris
    ]
    assert sisa == []
