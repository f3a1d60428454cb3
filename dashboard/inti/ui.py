"""Navigation by role and the shared page chrome. A page not granted to the caller's roles is not
in the navigation at all, so its URL cannot open it either; services check again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.akun.akses import NAMA_PERAN, PERAN, Akses
from dashboard.inti import config
from dashboard.inti.formats import md_aman
from dashboard.pengumpulan import data_sah

SEMUA = frozenset(PERAN)

K = TypeVar("K")

# Next to every file uploader: its button and drop text are Streamlit's own fixed English
# (docs/fitur.md, "Teks bawaan Streamlit"); this says what they mean.
PETUNJUK_UNGGAH = (
    "Seret berkas ke kotak di atas (*Drag and drop file here*) atau klik **Upload** untuk "
    "memilih berkas dari komputer; kedua tulisan itu bawaan Streamlit dan tidak dapat "
    "diterjemahkan."
)

# Streamlit leaves about 6rem above a page's first element (under its own header bar); no
# config option changes it, so one style rule on the main block's stable class name does. The
# header bar itself holds only the (minimal) toolbar.
GAYA = """<style>
.stMainBlockContainer { padding-top: 1rem; }
.stMainBlockContainer h1 { padding-top: 0; }
</style>"""
# The page scripts. Not `pages/`: next to the entry script that name turns on Streamlit's legacy
# multipage discovery, which ran a page URL's script without the entry script (and its session
# lookup) on a fresh server's first request.
HALAMAN_DIR = config.PAKET / "app_pages"


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
    Halaman("kotak_masuk.py", "Kotak masuk", ":material/inbox:", "kotak-masuk", SEMUA, "Akun"),
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
        "penyusunan.py",
        "Penyusunan laporan",
        ":material/approval:",
        "penyusunan-laporan",
        frozenset({"pengelola_monev", "sekretaris", "kadis", "admin"}),
        "Kinerja",
    ),
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
    Halaman(
        "admin_notifikasi.py",
        "Notifikasi dan surel",
        ":material/mark_email_unread:",
        "admin-notifikasi",
        frozenset({"admin"}),
        "Administrasi",
    ),
    Halaman(
        "admin_cadangan.py",
        "Cadangan data",
        ":material/backup:",
        "admin-cadangan",
        frozenset({"admin"}),
        "Administrasi",
    ),
]


def halaman_untuk(peran: frozenset[str]) -> list[Halaman]:
    """The pages a set of roles may open, in menu order."""
    return [h for h in HALAMAN if h.peran & peran]


def file_halaman(url: str) -> str:
    """The script of the page at /<url>, relative to the main script (streamlit_app.py): what
    AppTest.switch_page opens (the bench and the tests open pages as the menu does)."""
    h = next(h for h in HALAMAN if h.url == url)
    return f"{HALAMAN_DIR.name}/{h.file}"


def akses_halaman(ruang: dict[str, Any]) -> Akses:
    """First line of every page, `akses = akses_halaman(globals())`: the caller, if this page is
    granted to their roles.

    The navigation already leaves out pages that are not granted and the entry script looks
    the session up on every run; the guard checks again by page, so a page can never serve a
    caller its roles do not allow. It also shows the message of the write before a rerun, and
    keeps the page's namespace `ruang` to be emptied at the session's next full run
    (`lepas_halaman_lalu`).
    """
    from dashboard.inti import web

    st.session_state[_RUANG_LALU] = ruang
    nama = Path(ruang["__file__"]).name
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


# The namespace of the session's last page run (akses_halaman), emptied by lepas_halaman_lalu.
_RUANG_LALU = "_ruang_halaman_lalu"


def lepas_halaman_lalu() -> None:
    """Empty the namespace of this session's previous page run (first thing of a full run).

    Streamlit runs a page file in a new module on every run. The functions a page defines refer
    to that module's namespace and the namespace to them: a cycle, which only a full garbage
    collection frees, with every frame, figure and widget the run left in it. Under 200
    sessions that was 9.000 objects a second, a resident size that grew 19 % in 10 minutes and a
    full collection that stopped every run for a second (docs/operasi.md, "Page runs leave no
    cycles"). Emptied, the run's objects go as soon as nothing else uses them. Not at the end of
    its own run: until the next full run the page's fragments run again in that namespace.
    """
    ruang = st.session_state.pop(_RUANG_LALU, None)
    if ruang is not None:
        ruang.clear()


def nama_peran(peran: frozenset[str] | set[str]) -> str:
    """Roles as people say them, in the usual order: "Kepala Dinas, Sekretaris"."""
    return ", ".join(NAMA_PERAN[p] for p in PERAN if p in peran)


def _tidak_tersedia(h: Halaman) -> Callable[[], None]:
    """The page behind the URL of a page the caller's roles do not grant: a message instead of
    landing on Beranda without a word. It shows nothing of the page itself."""

    def halaman() -> None:
        st.title("Halaman tidak tersedia")
        st.error(
            f"Halaman **{h.judul}** tidak tersedia untuk akun Anda: halaman ini untuk peran "
            f"{nama_peran(h.peran)}. Pilih halaman dari menu di sebelah kiri.",
            icon=":material/block:",
        )

    halaman.__name__ = f"tidak_tersedia_{h.url.replace('-', '_')}"
    return halaman


def _judul(akses: Akses, h: Halaman) -> str:
    """A page's menu entry; the inbox's carries the unread count (a cached read)."""
    if h.file != "kotak_masuk.py":
        return h.judul
    from dashboard.notifikasi import tampilan_notifikasi

    return tampilan_notifikasi.judul_kotak(tampilan_notifikasi.jumlah_belum_dibaca(akses))


def navigasi(akses: Akses) -> st.Page:
    sections: dict[str, list] = {}
    boleh = halaman_untuk(akses.peran)
    for i, h in enumerate(boleh):
        sections.setdefault(h.bagian, []).append(
            st.Page(
                str(HALAMAN_DIR / h.file),
                title=_judul(akses, h),
                icon=h.ikon,
                url_path=h.url,
                default=i == 0,
            )
        )
    terakhir = list(sections.values())[-1]
    for h in HALAMAN:
        if h not in boleh:
            terakhir.append(
                st.Page(_tidak_tersedia(h), title=h.judul, url_path=h.url, visibility="hidden")
            )
    # always fully expanded: a collapsed menu (the admin has more than twelve pages) shows
    # Streamlit's own English "View more" button
    return st.navigation(sections, expanded=True)


def kepala_halaman(akses: Akses, tombol_keluar: Callable[[], None]) -> None:
    """Above every page's title: who is signed in, and "Keluar" always in view (the sidebar's
    bottom is below the fold at 1366x657 for every role). Also the page style (GAYA)."""
    st.html(GAYA)
    with st.container(
        horizontal=True, horizontal_alignment="right", vertical_alignment="center", gap="small"
    ):
        st.markdown(
            f"**{md_aman(akses.nama or akses.username)}** · {nama_peran(akses.peran)}",
            width="content",
        )
        tombol_keluar()


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
    return int(
        st.selectbox("Instansi", list(nama), format_func=lambda k: nama[k], key="pilih_instansi")
    )


def saklar_data(key: str, di_url: bool = False) -> tuple[bool, DeltaGenerator]:
    """The one switch of which data count (docs/DOMAIN.md §9.3), with the same label, help and
    default on the Beranda and the Laporan kinerja page. Returns whether unsigned values count
    and the row beside it, where the page states what its numbers count."""
    baris = st.container(horizontal=True, vertical_alignment="center")
    hanya_sah = baris.toggle(
        data_sah.LABEL_SAKLAR,
        value=not data_sah.TERMASUK_BELUM_SAH_BAWAAN,
        key=key,
        help=data_sah.BANTUAN_SAKLAR,
        bind="query-params" if di_url else None,  # None: Streamlit's default, not in the URL
    )
    return not hanya_sah, baris


def pilih_berlabel(judul: str, label: dict[K, str], kunci: str) -> K:
    """A selectbox of records whose labels change with the records (a status in the label).
    Its widget key follows the labels: a widget kept under one key holds its old labels in the
    browser after a save, so it is drawn afresh, on the record chosen last (kept apart)."""
    simpan = f"{kunci}_terpilih"
    terpilih = st.session_state.get(simpan)
    if terpilih not in label:
        terpilih = next(iter(label))
    k = f"{kunci}_" + hashlib.sha1("|".join(map(str, label.values())).encode()).hexdigest()[:10]
    if st.session_state.get(k) != terpilih:
        st.session_state[k] = terpilih
    pilihan = st.selectbox(
        judul,
        list(label),
        format_func=lambda v: label[v],
        key=k,
        on_change=lambda: st.session_state.__setitem__(simpan, st.session_state[k]),
    )
    st.session_state[simpan] = pilihan
    return pilihan
