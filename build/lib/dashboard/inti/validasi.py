"""Validation errors (pydantic) turned into Indonesian messages a person can act on."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

_PESAN = {
    "missing": "wajib diisi",
    "string_too_short": "terlalu pendek",
    "string_too_long": "terlalu panjang",
    "too_short": "wajib diisi",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "float_parsing": "harus berupa angka",
    "float_type": "harus berupa angka",
    "finite_number": "harus berupa angka terhingga",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "literal_error": "pilihan tidak dikenal",
    "bool_parsing": "harus ya atau tidak",
}


def pesan_validasi(exc: ValidationError, label: dict[str, str]) -> str:
    """One line per problem: 'Kolom X: why.' Custom validator messages are kept as written."""
    baris = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        kolom = label.get(loc[0], loc[0]) if loc else ""
        if e["type"] == "value_error":
            pesan = str(e.get("ctx", {}).get("error", e["msg"])).rstrip(".")
        elif e["type"] == "string_too_short":  # blank is "wajib diisi", not "terlalu pendek"
            kosong = not str(e.get("input") or "").strip()
            minimal = e.get("ctx", {}).get("min_length")
            pesan = "wajib diisi" if kosong else f"terlalu pendek (minimal {minimal} karakter)"
        else:
            pesan = _PESAN.get(e["type"], e["msg"])
        baris.append(f"{kolom}: {pesan}." if kolom else f"{pesan}.")
    return " ".join(dict.fromkeys(baris))


def validasi(cls: type[M], data: dict, label: dict[str, str], awalan: str = "") -> M:
    """`data` as a `cls`, or a ValueError whose message names each field by its label: the one
    way every service turns a form into its model."""
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise ValueError(awalan + pesan_validasi(exc, label)) from exc
