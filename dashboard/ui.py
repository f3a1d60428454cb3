"""Navigation by role and the shared page chrome. A page not granted to the caller's roles is not
in the navigation at all, so its URL cannot open it either; services check again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard import config
from dashboard.akses import NAMA_PERAN, PERAN, Akses
from dashboard.formats import md_aman

SEMUA = frozenset(PERAN)
# The page scripts. Not `pages/`: next to the entry script that name turns on Streamlit's legacy
# multipage discovery, which ran a page URL's script without the entry script (and its session
# lookup) on a fresh server's first request.
HALAMAN_DIR = config.ROOT / "app_pages"


@dataclass(frozen=True)
class Halaman:
    file: str
    judul: str
    ikon: str
    url: str
    peran: frozenset[str]
    bagian: str


HALAMAN = [
    Halaman("beranda.py", "Beranda", ":material/home:", "beranda", SEMUA, "Kinerja"),
    Halaman(
        "entri.py",
        "Isi realisasi",
        ":material/edit_note:",
        "entri",
        frozenset({"staf_bidang"}),
        "Pengumpulan data",
    ),
    Halaman(
        "antrian.py",
        "Antrian review",
        ":material/fact_check:",
        "antrian",
        frozenset({"pengelola_monev", "sekretaris", "kadis"}),
        "Pengumpulan data",
    ),
    Halaman(
        "perbaikan.py",
        "Perbaikan data",
        ":material/published_with_changes:",
        "perbaikan",
        frozenset({"staf_bidang", "pengelola_monev", "sekretaris", "kadis"}),
        "Pengumpulan data",
    ),
    Halaman(
        "periode.py",
        "Periode pengumpulan",
        ":material/event:",
        "periode",
        frozenset({"pengelola_monev"}),
        "Pengumpulan data",
    ),
    Halaman("sop.py", "Daftar SOP", ":material/account_tree:", "sop", SEMUA, "SOP"),
    Halaman(
        "ketepatan.py",
        "Ketepatan waktu SOP",
        ":material/timer:",
        "ketepatan",
        frozenset({"admin", "kadis", "sekretaris", "pengelola_monev"}),
        "SOP",
    ),
    Halaman(
        "pelaksanaan.py",
        "Catat langkah SOP",
        ":material/playlist_add_check:",
        "pelaksanaan",
        frozenset({"pengelola_monev"}),
        "SOP",
    ),
    Halaman("akun.py", "Akun saya", ":material/person:", "akun", SEMUA, "Akun"),
    Halaman(
        "admin_instansi.py",
        "Instansi",
        ":material/account_balance:",
        "admin-instansi",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_pengguna.py",
        "Pengguna",
        ":material/group:",
        "admin-pengguna",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_unit.py",
        "Unit kerja",
        ":material/apartment:",
        "admin-unit",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_indikator.py",
        "Indikator dan target",
        ":material/target:",
        "admin-indikator",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_skala.py",
        "Skala kategori",
        ":material/palette:",
        "admin-skala",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_mutu_baku.py",
        "Mutu baku waktu",
        ":material/rule:",
        "admin-mutu-baku",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_kalender.py",
        "Kalender kerja",
        ":material/calendar_month:",
        "admin-kalender",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman("laporan.py", "Laporan kinerja", ":material/summarize:", "laporan", SEMUA, "Kinerja"),
    Halaman(
        "rapat.py",
        "Rapat monev",
        ":material/groups:",
        "rapat",
        frozenset({"pengelola_monev", "kadis", "sekretaris", "admin"}),
        "Monev",
    ),
    Halaman(
        "tindak_lanjut.py",
        "Tindak lanjut",
        ":material/assignment_turned_in:",
        "tindak-lanjut",
        frozenset({"staf_bidang", "pengelola_monev", "kadis", "sekretaris"}),
        "Monev",
    ),
    Halaman(
        "hasil_monev.py",
        "Hasil monev",
        ":material/insights:",
        "hasil-monev",
        frozenset({"kadis", "sekretaris", "pengelola_monev", "admin"}),
        "Monev",
    ),
    Halaman(
        "admin_rencana.py",
        "Rencana kinerja",
        ":material/account_tree:",
        "admin-rencana",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_anggaran.py",
        "Anggaran",
        ":material/payments:",
        "admin-anggaran",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_impor_rencana.py",
        "Impor rencana",
        ":material/upload_file:",
        "admin-impor-rencana",
        frozenset({"admin"}),
        "Administrasi",
    ),
]


def halaman_untuk(peran: frozenset[str]) -> list[Halaman]:
    """The pages a set of roles may open, in menu order."""
    return [h for h in HALAMAN if h.peran & peran]


def akses_halaman(page_file: str) -> Akses:
    """First line of every page: the caller, if this page is granted to their roles.

    The navigation already leaves out pages that are not granted and the entry script looks
    the session up on every run; the guard checks again by page, so a page can never serve a
    caller its roles do not allow. It also shows the message of the write before a rerun.
    """
    from dashboard import web

    nama = Path(page_file).name
    akses = st.session_state.get("akses")
    halaman = next((h for h in HALAMAN if h.file == nama), None)
    if akses is None or halaman is None or not (halaman.peran & akses.peran):
        st.error(
            "Halaman ini tidak tersedia untuk akun Anda. Silakan masuk dengan akun yang "
            "berhak, lalu pilih halaman dari menu.",
            icon=":material/block:",
        )
        st.stop()
    web.show_flash()
    return akses


def navigasi(akses: Akses) -> st.navigation:
    sections: dict[str, list] = {}
    for i, h in enumerate(halaman_untuk(akses.peran)):
        sections.setdefault(h.bagian, []).append(
            st.Page(
                str(HALAMAN_DIR / h.file),
                title=h.judul,
                icon=h.ikon,
                url_path=h.url,
                default=i == 0,
            )
        )
    # always fully expanded: a collapsed menu (the admin has more than twelve pages) shows
    # Streamlit's own English "View more" button
    return st.navigation(sections, expanded=True)


def sidebar_pengguna(akses: Akses) -> None:
    with st.sidebar:
        st.markdown(f"**{md_aman(akses.nama or akses.username)}**")
        st.caption(", ".join(NAMA_PERAN[p] for p in PERAN if p in akses.peran))


def pilih_instansi(akses: Akses, instansi) -> int:
    """Instansi selector shown only when the caller may see more than one; stops if none."""
    if instansi.empty:
        st.info(
            "Belum ada instansi. Administrator menambahkannya di halaman **Instansi** "
            "(menu Administrasi)."
        )
        st.stop()
    if len(instansi) == 1:
        return int(instansi["id"].iloc[0])
    nama = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
    return int(st.selectbox("Instansi", list(nama), format_func=nama.get, key="pilih_instansi"))
