"""Values typed on "Isi realisasi" but not saved yet, kept in the session (st.session_state).

Streamlit forgets a widget's value once its page is left, so the entry page copies every row
typed differently from the store here, keyed by account, period and unit: opening another page
and coming back shows them again, and the sidebar says they are not saved. They live as long as
the browser session: a reload or a closed tab loses them (Streamlit has no public hook to ask
before a tab closes), which is why the notice asks for "Simpan draf".
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.akun.akses import Akses
from dashboard.inti import ui, web
from dashboard.inti.formats import md_aman
from dashboard.pengumpulan.entri import Isian
from dashboard.periode import layanan_periode as periode

KUNCI = "isian_realisasi_belum_disimpan"


def _kunci(username: str, periode_id: int, unit_id: int) -> str:
    return f"{username}:{int(periode_id)}:{int(unit_id)}"


def _semua() -> dict[str, dict]:
    return st.session_state.setdefault(KUNCI, {})


def ambil(username: str, periode_id: int, unit_id: int) -> dict[int, Isian]:
    """The unsaved rows of one period and unit (indicator id -> typed row)."""
    isi = _semua().get(_kunci(username, periode_id, unit_id))
    return {} if not isi else {int(i): Isian(*v) for i, v in isi["baris"].items()}


def taruh(
    username: str,
    periode_id: int,
    unit_id: int,
    judul: str,
    baris: dict[int, Isian],
    kode: dict[int, str],
) -> None:
    """Keep the unsaved rows (none: forget the period). `judul` and `kode` name them in the
    notice shown on other pages."""
    k = _kunci(username, periode_id, unit_id)
    if not baris:
        _semua().pop(k, None)
        return
    _semua()[k] = {
        "judul": judul,
        "baris": {int(i): tuple(v) for i, v in baris.items()},
        "kode": [kode[i] for i in sorted(baris, key=lambda i: kode.get(i, ""))],
    }


def buang(username: str, periode_id: int, unit_id: int) -> None:
    _semua().pop(_kunci(username, periode_id, unit_id), None)


def sisakan(username: str, unit_id: int, periode_ids: list[int]) -> None:
    """Forget the unsaved rows of periods the unit can no longer enter (closed since): they
    could not be saved any more, and their notice would never go."""
    buka = {_kunci(username, p, unit_id) for p in periode_ids}
    awal = f"{username}:"
    for k in [k for k in _semua() if k.startswith(awal) and k.endswith(f":{int(unit_id)}")]:
        if k not in buka:
            _semua().pop(k)


def ringkasan(username: str) -> list[tuple[str, list[str]]]:
    """(period title, indicator codes) of every period with unsaved rows of this account."""
    awal = f"{username}:"
    return [(v["judul"], v["kode"]) for k, v in _semua().items() if k.startswith(awal)]


def teks_pengingat(judul: str, kode: list[str]) -> str:
    """The full notice (the sidebar link's tooltip)."""
    daftar = ", ".join(kode[:6]) + (f" dan {len(kode) - 6} lainnya" if len(kode) > 6 else "")
    return md_aman(
        f"Isi realisasi {judul}: perubahan belum disimpan ({daftar}). Tekan Simpan draf; "
        "isian hilang bila browser ditutup atau dimuat ulang."
    )


def tautan_sidebar(judul: str, kode: list[str], wadah: DeltaGenerator | None = None) -> None:
    """One short line in the sidebar, under "Keluar" so it never pushes it out of view: a link
    back to the entry page, the codes in its tooltip. The page is named by an `st.Page` equal
    to the menu's, not by its path: the entry page's bar draws this link from a fragment,
    whose own reruns know no page paths; it passes `wadah`, a place in the sidebar it writes
    on every run."""
    (wadah or st.sidebar).page_link(
        st.Page(str(ui.HALAMAN_DIR / "entri.py"), url_path="entri"),
        label=f":orange[**Belum disimpan**: {len(kode)} indikator]",
        icon=":material/edit_note:",
        help=teks_pengingat(judul, kode),
    )


def pengingat_sidebar(akses: Akses, halaman_url: str | None = None) -> None:
    """The sidebar notice on every page but the entry page itself (which shows its own, up to
    date after each edit); rows of a period closed since are dropped first."""
    if halaman_url == "entri" or not ringkasan(akses.username):
        return
    if akses.unit_id is not None:
        try:
            with web.cursor() as cur:
                buka = periode.periode_entri(cur, akses, akses.unit_id)["id"]
        except Exception:  # noqa: BLE001 - a notice must never break the page
            return
        sisakan(akses.username, akses.unit_id, [int(p) for p in buka])
    for judul, kode in ringkasan(akses.username):
        tautan_sidebar(judul, kode)
