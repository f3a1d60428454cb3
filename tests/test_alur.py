"""The review workflow rules (pure): every transition allowed and denied per role."""

from __future__ import annotations

import itertools

import pytest

from dashboard.akun.akses import PERAN
from dashboard.review import alur

ALLOWED = {
    ("draf", "ajukan"): ("diajukan", "staf_bidang"),
    ("diajukan", "verifikasi"): ("diverifikasi", "pengelola_monev"),
    ("diajukan", "kembalikan"): ("draf", "pengelola_monev"),
    ("diverifikasi", "paraf"): ("diparaf", "sekretaris"),
    ("diverifikasi", "kembalikan"): ("diajukan", "sekretaris"),
    ("diparaf", "sahkan"): ("disahkan", "kadis"),
    ("diparaf", "kembalikan"): ("diverifikasi", "kadis"),
}


@pytest.mark.parametrize(
    ("status", "aksi", "peran"), list(itertools.product(alur.STATUS, alur.LABEL_AKSI, PERAN))
)
def test_every_transition_per_role(status, aksi, peran):
    expected = ALLOWED.get((status, aksi))
    if expected and expected[1] == peran:
        step = alur.transisi(status, aksi, {peran}, catatan="alasan")
        assert (step.ke, step.peran) == expected
    else:
        with pytest.raises(alur.TransisiDitolak):
            alur.transisi(status, aksi, {peran}, catatan="alasan")


def test_signed_is_final():
    for aksi in alur.LABEL_AKSI:
        with pytest.raises(alur.TransisiDitolak):
            alur.transisi("disahkan", aksi, set(PERAN), catatan="x")
    assert alur.terkunci("disahkan") and alur.terkunci("diajukan")
    assert not alur.terkunci("draf")


@pytest.mark.parametrize("catatan", [None, "", "   "])
def test_return_needs_reason(catatan):
    with pytest.raises(alur.TransisiDitolak, match="Alasan"):
        alur.transisi("diajukan", "kembalikan", {"pengelola_monev"}, catatan)


def test_submitter_may_not_verify_own_submission():
    both = {"staf_bidang", "pengelola_monev"}
    with pytest.raises(alur.TransisiDitolak, match="sendiri"):
        alur.transisi("diajukan", "verifikasi", both, pelaku="budi", pengaju="budi")
    assert (
        alur.transisi("diajukan", "verifikasi", both, pelaku="rina", pengaju="budi").ke
        == "diverifikasi"
    )


def test_correction_return_ends_it():
    step = alur.transisi_perbaikan("diverifikasi", "kembalikan", {"sekretaris"}, "tidak sesuai")
    assert step.ke == "dikembalikan"
    assert alur.transisi_perbaikan("diparaf", "sahkan", {"kadis"}).ke == "disahkan"
