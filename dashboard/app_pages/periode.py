"""Periode pengumpulan: the Pengelola Monev opens, closes and reopens collection periods, and
answers the units' requests to reopen one. Closing asks first and lists the units that have not
submitted."""

from collections.abc import Callable

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.notifikasi import layanan_notifikasi as svc_notifikasi
from dashboard.periode import layanan_periode as svc
from dashboard.periode import tampilan_periode as tampil
from dashboard.rencana import layanan_indikator as svc_admin

KONFIRMASI = "periode_tutup_konfirmasi"  # the id of the period waiting to be closed
FORM_BARU = ("baru_tahun", "baru_triwulan", "baru_tenggat", "baru_catatan")


def _batal() -> None:
    st.session_state.pop(KONFIRMASI, None)


def _kosongkan_form_baru() -> None:
    """After opening a period the form offers the next one again."""
    for k in FORM_BARU:
        st.session_state.pop(k, None)


akses = akses_halaman(globals())
st.title("Periode pengumpulan")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    periode = svc.daftar_periode(cur, akses, instansi_id)
    units = svc_admin.daftar_unit(cur, akses, instansi_id)
    permintaan = svc.daftar_permintaan_buka(cur, akses, instansi_id)
nama_periode = tampil.label_periode(periode)

# --- the units' requests come first: someone is waiting for an answer
menunggu = tampil.permintaan_menunggu(permintaan)
if not menunggu.empty:
    st.subheader(f"Permintaan buka kembali ({len(menunggu)})")
    st.dataframe(
        tampil.tabel_permintaan(menunggu),
        hide_index=True,
        column_config={  # about 900 px: the 1366 px screen's main column
            "Unit": st.column_config.TextColumn(width=290),
            "Periode": st.column_config.TextColumn(width=150),
            "Alasan unit": st.column_config.TextColumn(width=300),
            "Diminta": st.column_config.TextColumn(width=155),
        },
    )
    label_minta = tampil.label_permintaan(menunggu)
    mid = st.selectbox(
        "Jawab permintaan",
        list(label_minta),
        format_func=lambda k: label_minta[k],
        key="permintaan",
    )
    m = menunggu.set_index("id").loc[mid]
    st.caption(
        f"Diminta oleh {formats.md_aman(m['oleh_nama'])} pada {formats.waktu(m['pada'])}. Alasan: "
        f"{formats.md_aman(m['alasan'])}"
    )
    jawaban = st.text_input(
        "Catatan (wajib bila menolak; dibaca oleh unit)",
        key="jawaban_permintaan",
        placeholder="mis. Data TW III sudah direkap untuk LKj; sampaikan lewat perbaikan data.",
    )
    kabul, tolak = st.columns(2)
    if kabul.button(
        "Buka untuk unit ini", type="primary", key="kabulkan", icon=":material/lock_open:"
    ):
        web.tulis(
            svc.kabulkan_permintaan,
            akses,
            int(mid),
            jawaban,
            sukses="Periode dibuka kembali untuk unit tersebut; unit dapat melanjutkan draf.",
        )
    if tolak.button("Tolak", key="tolak", icon=":material/block:"):
        web.tulis(
            svc.tolak_permintaan,
            akses,
            int(mid),
            jawaban,
            sukses="Permintaan ditolak; alasannya tampil di halaman Isi realisasi unit.",
        )

st.subheader("Daftar periode")
st.dataframe(
    tampil.tabel_periode(periode),
    hide_index=True,
    column_config={
        "Periode": st.column_config.TextColumn(width=150),
        "Tenggat": st.column_config.TextColumn(width=135),
        "Status": st.column_config.TextColumn(width=70),
        "Unit mengajukan": st.column_config.NumberColumn("Mengajukan", width=95),
        "Disahkan": st.column_config.NumberColumn(width=75),
        "Terlambat": st.column_config.NumberColumn(width=75),
        "Catatan": st.column_config.TextColumn("Catatan (Nota Dinas)", width=300),
    },
    height=min(38 + 35 * len(periode), 320),
)


def _surat(bentuk: str) -> Callable[[], bytes]:
    """The chosen period's letter, made when its button is clicked (not on every run)."""
    return lambda: web.cached_read(svc_notifikasi.berkas_surat)(akses, int(pid_surat), bentuk)


surat = web.cached_read(svc_notifikasi.daftar_surat)(akses, instansi_id)
if not surat.empty:
    st.subheader("Nota Dinas permintaan data")
    label_surat = tampil.label_surat(surat)
    kol_surat = st.columns([3, 1, 1], vertical_alignment="bottom")
    pid_surat = kol_surat[0].selectbox(
        "Periode", list(label_surat), format_func=lambda k: label_surat[k], key="surat_pilih"
    )
    for kol, bentuk, ikon in (
        (kol_surat[1], "pdf", ":material/picture_as_pdf:"),
        (kol_surat[2], "docx", ":material/description:"),
    ):
        kol.download_button(
            f"Unduh {bentuk.upper()}",
            _surat(bentuk),
            file_name=svc_notifikasi.nama_berkas_surat(int(pid_surat), bentuk),
            icon=ikon,
            key=f"surat_unduh_{bentuk}",
            on_click="ignore",  # a download changes nothing on the page
            width="stretch",
        )
    st.caption(
        "Nota Dinas dibuat dan dikirim ke kotak masuk serta surel setiap unit saat periode dibuka."
    )

terbuka = tampil.dengan_status(periode, tampil.DIBUKA)
tutup_kol, baru_kol = st.columns(2, gap="large")
with tutup_kol:
    st.subheader("Tutup periode")
    if terbuka.empty:
        st.caption("Tidak ada periode yang sedang dibuka.")
    else:
        pid = st.selectbox(
            "Periode yang ditutup",
            terbuka["id"].tolist(),
            format_func=lambda k: nama_periode[k],
            key="tutup_pilih",
        )
        st.caption(
            "Setelah ditutup, unit tidak dapat mengisi lagi kecuali dibuka kembali untuknya."
        )
        if st.button("Tutup periode…", key="tutup", icon=":material/lock:"):
            st.session_state[KONFIRMASI] = int(pid)

usul_tahun, usul_tw, usul_tenggat = tampil.usulan_periode_baru(
    zip(periode["tahun"], periode["triwulan"], strict=True), config.hari_ini()
)
with baru_kol, st.form("buka_periode"):
    st.subheader("Buka periode baru")
    a, b = st.columns(2)
    tahun = a.number_input(
        "Tahun", min_value=2000, max_value=2100, value=usul_tahun, key="baru_tahun"
    )
    triwulan = b.selectbox(
        "Triwulan",
        [1, 2, 3, 4],
        index=usul_tw - 1,
        format_func=formats.nama_triwulan,
        key="baru_triwulan",
    )
    tenggat = st.date_input(
        "Tenggat pengisian", value=usul_tenggat, format="DD/MM/YYYY", key="baru_tenggat"
    )
    catatan = st.text_area(
        "Catatan (isi Nota Dinas)", placeholder="Opsional", height=80, key="baru_catatan"
    )
    if st.form_submit_button("Buka periode", type="primary", icon=":material/event_available:"):
        web.tulis(
            svc.buka_periode,
            akses,
            instansi_id,
            int(tahun),
            int(triwulan),
            tenggat,
            catatan,
            setelah=_kosongkan_form_baru,
            sukses=f"Periode {tampil.nama_periode(tahun, triwulan)} dibuka; Nota Dinas permintaan "
            "data dikirim ke kotak masuk dan surel setiap unit.",
        )

tertutup = tampil.dengan_status(periode, tampil.DITUTUP)
if not tertutup.empty:
    with st.form("buka_unit"):
        st.subheader("Buka kembali untuk satu unit")
        a, b = st.columns(2)
        pid_unit = a.selectbox(
            "Periode", tertutup["id"].tolist(), format_func=lambda k: nama_periode[k]
        )
        uid = b.selectbox(
            "Unit",
            units["id"].tolist(),
            format_func=dict(zip(units["id"], units["nama"], strict=True)).__getitem__,
        )
        alasan = st.text_input("Alasan (wajib)")
        if st.form_submit_button("Buka untuk unit ini"):
            web.tulis(
                svc.buka_untuk_unit,
                akses,
                int(pid_unit),
                int(uid),
                alasan,
                sukses="Periode dibuka kembali untuk unit tersebut.",
            )

terjawab = tampil.permintaan_menunggu(permintaan, menunggu=False)
if not terjawab.empty:
    with st.expander(f"Permintaan yang sudah dijawab ({len(terjawab)})"):
        st.dataframe(tampil.tabel_terjawab(terjawab), hide_index=True)


def _konfirmasi_tutup() -> None:
    """Closing stops every unit's entry: the units still in draft are named first."""
    pid = st.session_state[KONFIRMASI]
    if pid not in set(terbuka["id"].astype(int)):
        _batal()
        return
    with web.cursor() as cur:
        belum = web.safe(svc.belum_mengajukan)(cur, akses, pid)
    if belum is None:
        return
    if belum.empty:
        st.markdown(f"Semua unit sudah mengajukan data **{nama_periode[pid]}**.")
    else:
        st.markdown(
            f"**{len(belum)} unit belum mengajukan** data {nama_periode[pid]}. Setelah "
            "ditutup mereka tidak dapat mengisi lagi; mereka dapat meminta dibuka kembali "
            "dari halaman Isi realisasi."
        )
        st.dataframe(
            tampil.tabel_belum(belum),
            hide_index=True,
            column_config={
                "Unit": st.column_config.TextColumn(width=300),
                "Status pengajuan": st.column_config.TextColumn(width=240),
                "Indikator terisi": st.column_config.TextColumn(width=120),
            },
        )
    ya, batal = st.columns(2)
    if ya.button("Ya, tutup periode", type="primary", key="tutup_ya", width="stretch"):
        web.tulis(svc.tutup_periode, akses, pid, setelah=_batal, sukses="Periode ditutup.")
    if batal.button("Batal", key="tutup_batal", width="stretch"):
        _batal()
        st.rerun()


if KONFIRMASI in st.session_state:
    st.dialog(
        f"Tutup {nama_periode.get(st.session_state[KONFIRMASI], 'periode')}?",
        width="medium",
        on_dismiss=_batal,
    )(_konfirmasi_tutup)()
