"""Isi realisasi: a Bidang enters, uploads and submits its quarterly figures.

One row per indicator: its name and read-only figures on the left, the three inputs beside it
and the live capaian and category on the right, so nothing is off the screen at 1366 px. Rows
typed but not saved are kept in the session (dashboard/pengumpulan/isian_sesi.py) and flagged.

Each row is a fragment, and so is the bar above the rows (what is unsaved, the counts, Simpan
draf and Ajukan): a typed value reruns its own row and the bar only, not the page (Streamlit's
cost is per element drawn, and a page of 10 rows draws some 170). The bar reads every row as
typed from the widgets' state, so it agrees with the rows whichever ran last; a write reruns
the whole page."""

from functools import partial

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bukti, formats, web, xlsx_aman
from dashboard.inti.ui import akses_halaman
from dashboard.pengumpulan import isian_sesi, tampilan_entri
from dashboard.pengumpulan import layanan_realisasi as svc
from dashboard.pengumpulan.entri import Isian, periksa, sama_isian
from dashboard.pengumpulan.tampilan_entri import teks_target
from dashboard.pengumpulan.tampilan_pengajuan import kotak_dikembalikan
from dashboard.periode import layanan_periode as svc_periode
from dashboard.periode import tampilan_periode
from dashboard.review import alur

akses = akses_halaman(globals())
# Cached per data version of the instansi (docs/DOMAIN.md §13). A draft save raises only the
# entered values' scope (§13.6): the periods, the scale and the return notice show no entered
# value and stay warm; the form itself is read again.
periode_entri = web.cached_read(svc_periode.periode_entri, isian=False)
form_entri = web.cached_read(svc.form_entri)
skala_instansi = web.cached_read(svc_capaian.skala_instansi, isian=False)
pengembalian = web.cached_read(svc.pengembalian, isian=False)
st.title("Isi realisasi")
if akses.unit_id is None:
    st.warning("Akun Anda belum terhubung ke unit; hubungi administrator.")
    st.stop()
unit_id = akses.unit_id
tampilan_periode.periode_ditutup(akses)  # a closed period not submitted: ask for a reopen
periode = periode_entri(akses, unit_id)
isian_sesi.sisakan(akses.username, unit_id, [int(p) for p in periode["id"]])
if periode.empty:
    st.info("Belum ada periode pengumpulan yang dibuka untuk unit Anda.")
    st.stop()
label = tampilan_entri.label_periode(periode)
atas = st.columns([3, 2], vertical_alignment="bottom")
periode_id = atas[0].selectbox("Periode", list(label), format_func=lambda k: label[k])

form = form_entri(akses, periode_id, unit_id)
skala = skala_instansi(akses, form.periode["instansi_id"])
kembali = pengembalian(akses, periode_id, unit_id)
n = form.periode["triwulan"]
tw = formats.ROMAWI[n]
judul_periode = f"{formats.nama_triwulan(n)} {formats.nama_tahun(form.periode['tahun'])}"
kunci = alur.terkunci(form.status)
status = "Dikembalikan" if kembali else alur.LABEL_STATUS[form.status]
atas[1].markdown(
    f"Status: **{status}**"
    + (" · data terkunci" if kunci else "")
    + f"  \n:small[tenggat {formats.tanggal(form.periode['tenggat'])}]"
)
if kembali:
    kotak_dikembalikan(kembali)
if form.periode.get("catatan"):
    st.caption(f":material/mail: {formats.md_aman(form.periode['catatan'])}")

if not form.indikator:  # a period opened before the admin entered the unit's indicators
    st.info(
        f"Unit Anda belum memiliki indikator aktif untuk {judul_periode}; administrator "
        "menambahkannya di halaman **Indikator dan target**."
    )
    st.stop()
kode = {i.indikator_id: i.kode for i in form.indikator}
tersimpan = tampilan_entri.isian_tersimpan(form.baris)
versi_baris = tampilan_entri.versi_tersimpan(form.baris)
if kunci:  # nothing can be typed into a submitted quarter: forget what was left unsaved
    isian_sesi.buang(akses.username, periode_id, unit_id)
ketikan = isian_sesi.ambil(akses.username, periode_id, unit_id)
RINGKASAN = "entri_ringkasan"  # the bar's fragment
ISIAN = ("nilai", "catatan", "bukti")  # a row's inputs, in `Isian`'s order


def _kunci_baris(ind_id: int) -> str:
    """A row's widget keys start with this. The same in every run, also after a write: a key
    that changed would give a new widget every save, and Streamlit keeps every widget's
    metadata for as long as the session lives (docs/operasi.md, "Widgets that stay")."""
    return f"entri_{periode_id}_{ind_id}"


def _fragmen_baris(ind_id: int) -> str:
    return f"entri_baris_{ind_id}"


def _awal(ind_id: int) -> Isian:
    """What a row's inputs start from: typed and kept in the session, else the store."""
    return ketikan.get(ind_id, tersimpan.get(ind_id, Isian()))


def _kini(ind_id: int) -> Isian:
    """A row as typed now: its inputs' state (kept by key across runs), else their start."""
    k, awal = _kunci_baris(ind_id), _awal(ind_id)
    return Isian(
        *(st.session_state.get(f"{k}_{b}", a) or "" for b, a in zip(ISIAN, awal, strict=True))
    )


def _muat_ulang(tetap: dict[int, Isian] | None = None) -> None:
    """After a write: the inputs start again from the store, keeping only the typed rows in
    `tetap` (rows the write did not store). Their state is dropped here and set again from
    `_awal` before the rows are drawn (`_isi_awal`)."""
    isian_sesi.taruh(akses.username, periode_id, unit_id, judul_periode, tetap or {}, kode)
    for ind_id in kode:
        for bagian in ISIAN:
            st.session_state.pop(f"{_kunci_baris(ind_id)}_{bagian}", None)


def _isi_awal(ind_id: int) -> None:
    """A row's inputs with no state yet (first drawn, or dropped by `_muat_ulang`) start from
    `_awal`: set through Session State, so the browser shows it even where it still holds what
    was typed into the same widget before the write."""
    k, awal = _kunci_baris(ind_id), _awal(ind_id)
    for bagian, teks in zip(ISIAN, awal, strict=True):
        if f"{k}_{bagian}" not in st.session_state:
            st.session_state[f"{k}_{bagian}"] = teks


@st.fragment(key=RINGKASAN)
def _ringkasan() -> None:
    """The bar above the rows: every row checked as typed, the unsaved ones named (here, in
    the session and in the sidebar), Simpan draf and Ajukan."""
    kini = {i.indikator_id: _kini(i.indikator_id) for i in form.indikator}
    r = tampilan_entri.ringkas(form.indikator, n, kini, tersimpan, skala, kunci)
    isian_sesi.taruh(akses.username, periode_id, unit_id, judul_periode, r.belum, kode)
    if kunci:
        return
    # written on every run, so the fragment's own reruns may fill it (Streamlit's rule for a
    # fragment writing outside itself)
    tempat_sidebar = st.sidebar.empty()
    if r.belum:
        daftar = tampilan_entri.urut_kode(r.belum, kode)
        st.warning(
            f"**Ada perubahan belum disimpan**: {', '.join(daftar)}. Tekan **Simpan draf**. "
            "Isian tetap ada bila Anda membuka halaman lain, tetapi hilang bila browser "
            "ditutup atau dimuat ulang.",
            icon=":material/edit_note:",
        )
        isian_sesi.tautan_sidebar(judul_periode, daftar, tempat_sidebar)
    kol = st.columns([4, 1.6, 1.6], vertical_alignment="center")
    kol[0].caption(
        f"{r.terisi} dari {len(r.hasil)} indikator terisi · {r.menghalangi} perlu diperbaiki "
        f"sebelum diajukan · {r.peringatan} dengan peringatan. Draf boleh disimpan kapan "
        "saja; pemeriksaan merah hanya menghalangi **Ajukan**."
    )
    tak_tersimpan = tampilan_entri.urut_kode(r.tak_tersimpan, kode)
    baris = svc.baris_dari_isian(r.simpan, versi_baris)
    if kol[1].button("Simpan draf", icon=":material/save:", key="simpan", width="stretch"):
        web.tulis(
            svc.simpan,
            akses,
            periode_id,
            unit_id,
            baris,
            setelah=lambda: _muat_ulang(r.sisa),
            sukses=lambda k: tampilan_entri.pesan_simpan(k, tak_tersimpan),
        )
    if kol[2].button(
        "Ajukan", icon=":material/send:", type="primary", key="ajukan", width="stretch"
    ):
        if tak_tersimpan:
            st.error(
                f"Belum dapat diajukan: isian {', '.join(tak_tersimpan)} tidak dapat dibaca. "
                "Perbaiki dulu (lihat pesan merah di barisnya)."
            )
            return
        ok, _ = web.tulis(
            svc.ajukan,
            akses,
            periode_id,
            unit_id,
            baris,
            setelah=_muat_ulang,
            sukses="Data diajukan ke Pengelola Monev untuk diverifikasi.",
        )
        if not ok and r.belum:
            st.info(
                "Tidak ada yang disimpan; isian Anda tetap di bawah. Perbaiki barisnya lalu "
                "ajukan lagi, atau tekan **Simpan draf** untuk menyimpannya sebagai draf dulu."
            )


KOLOM = [3.2, 1.25, 2.3, 1.6, 1.65]


def _baris(ind) -> None:
    """One indicator's row: what is read, the inputs, and the live result. A changed input
    reruns this row and the bar (`st.rerun` with their fragment keys, from its callback)."""
    k = _kunci_baris(ind.indikator_id)
    _isi_awal(ind.indikator_id)
    lingkup = ([_fragmen_baris(ind.indikator_id), RINGKASAN],)  # what a change reruns
    with st.container(border=True):
        kol = st.columns(KOLOM)
        # one element where two would do: Streamlit's cost is per element, about a third of a
        # millisecond each
        kol[0].markdown(
            f"**{formats.md_aman(ind.kode)}** {formats.md_aman(ind.nama)}  \n"
            f":gray[:small[{formats.md_aman(teks_target(ind, n))}]]"
        )
        nilai = kol[1].text_input(
            f"Realisasi {ind.kode}",
            key=f"{k}_nilai",
            placeholder="angka",
            label_visibility="collapsed",
            disabled=kunci,
            on_change=st.rerun,
            args=lingkup,
        )
        catatan = kol[2].text_area(
            f"Catatan {ind.kode}",
            key=f"{k}_catatan",
            height=68,
            placeholder="Faktor pendorong / penghambat, kendala",
            label_visibility="collapsed",
            disabled=kunci,
            on_change=st.rerun,
            args=lingkup,
        )
        bukti_ketik = kol[3].text_input(
            f"Bukti dukung {ind.kode}",
            key=f"{k}_bukti",
            placeholder="Tautan atau keterangan",
            label_visibility="collapsed",
            disabled=kunci,
            on_change=st.rerun,
            args=lingkup,
        )
        kini = Isian(nilai or "", catatan or "", bukti_ketik or "")
        h = periksa(ind, n, kini.nilai, kini.catatan, skala)
        kol[4].markdown(tampilan_entri.teks_capaian(h, skala))
        berubah = not sama_isian(kini, tersimpan.get(ind.indikator_id, Isian()))
        pesan = tampilan_entri.pesan_baris(h, berubah)
        if pesan:
            st.markdown("  \n".join(pesan))


_ringkasan()
kepala = st.columns(KOLOM)
for kol, teks in zip(
    kepala,
    [
        "**Indikator**, target, triwulan sebelumnya",
        f"**Realisasi TW {tw}**",
        "**Catatan** pendorong / penghambat",
        "**Bukti dukung**",
        "**Capaian**, kategori",
    ],
    strict=True,
):
    kol.caption(teks)
for ind in form.indikator:
    st.fragment(_baris, key=_fragmen_baris(ind.indikator_id))(ind)

BATAS_MB = bukti.MAX_BYTES // 1024 // 1024


def _keterangan_unggah(mb: int) -> None:
    """Streamlit's uploader keeps its own English; say what it means next to it."""
    st.caption(
        "Tulisan bahasa Inggris di kotak unggah berasal dari Streamlit dan tidak dapat "
        "diterjemahkan: **Upload** = pilih berkas (berkas juga dapat diseret ke kotak), "
        f"**{mb}MB per file** = ukuran maksimal {mb} MB per berkas."
    )


with st.expander("Unggah berkas bukti dukung"):
    ind_opsi = {i.indikator_id: f"{i.kode} {i.nama}" for i in form.indikator}
    ind_bukti = st.selectbox(
        "Indikator", list(ind_opsi), format_func=lambda k: ind_opsi[k], key="bukti_indikator"
    )
    berkas = st.file_uploader(
        f"Berkas (PDF, JPG, PNG, XLSX, DOCX; maks. {BATAS_MB} MB)",
        type=sorted(bukti.JENIS),
        key="bukti_berkas",
        max_upload_size=BATAS_MB,
        disabled=kunci,
    )
    _keterangan_unggah(BATAS_MB)

    def _belum() -> dict[int, Isian]:
        """The rows typed differently from the store, as the bar last counted them."""
        return isian_sesi.ambil(akses.username, periode_id, unit_id)

    def _setelah_unggah() -> None:
        """The typed rows stay; the uploaded row's evidence is now the file."""
        sisa = _belum()
        if ind_bukti in sisa:
            sisa[ind_bukti] = sisa[ind_bukti]._replace(bukti=bukti.LABEL_BERKAS)
        _muat_ulang(sisa)

    if berkas is not None and st.button("Simpan bukti", key="bukti_simpan", disabled=kunci):
        web.tulis(
            svc.unggah_bukti,
            akses,
            periode_id,
            unit_id,
            ind_bukti,
            berkas.name,
            berkas.getvalue(),
            setelah=_setelah_unggah,
            sukses=f"Bukti {berkas.name} tersimpan.",
        )

    def _unduh(indikator_id: int) -> bytes:
        """The file is looked up from the record (and the caller's right to read the value)
        when the button is clicked."""
        with web.cursor() as cur:
            hasil_unduh = svc.berkas_bukti(cur, akses, indikator_id, form.periode["tahun"], n)
        return b"" if hasil_unduh is None else hasil_unduh[1]

    for i in form.indikator:
        rujukan = form.bukti_tersimpan.get(i.indikator_id)
        if isinstance(rujukan, str) and bukti.rujukan_berkas(rujukan):
            st.download_button(
                f"{i.kode}: {bukti.LABEL_BERKAS}",
                partial(_unduh, i.indikator_id),
                file_name=tampilan_entri.nama_unduhan_bukti(
                    i.kode, n, form.periode["tahun"], rujukan
                ),
                key=f"unduh_{i.kode}",
                on_click="ignore",
            )


def _templat() -> bytes:
    """Built only when the button is clicked, not on every rerun of the page."""
    with web.cursor() as cur:
        return svc.template_excel(cur, akses, periode_id, unit_id)


with st.expander("Excel: unduh templat atau unggah isian"):
    st.download_button(
        "Unduh templat Excel",
        _templat,
        icon=":material/download:",
        file_name=f"realisasi_TW{n}_{form.periode['tahun']}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    batas_excel = xlsx_aman.MAX_BYTES // 1024 // 1024
    unggah = st.file_uploader(
        f"Unggah templat yang sudah diisi (.xlsx; maks. {batas_excel} MB)",
        type=["xlsx"],
        key="unggah_excel",
        max_upload_size=batas_excel,
        disabled=kunci,
    )
    _keterangan_unggah(batas_excel)
    if unggah is not None:
        bar_baca = st.progress(0.0, text="Membaca berkas ...")
        try:
            with web.cursor() as cur:
                perubahan, masalah = svc.pratinjau_impor(
                    cur,
                    akses,
                    periode_id,
                    unit_id,
                    unggah.getvalue(),
                    progress=lambda f: bar_baca.progress(f, text=f"Membaca berkas ... {f:.0%}"),
                )
        except Exception as exc:  # noqa: BLE001 - shown as a message
            web.show_error(exc)
            st.stop()
        bar_baca.empty()
        if masalah:
            st.error(f"Berkas ditolak: {len(masalah)} masalah. Tidak ada yang disimpan.")
            st.dataframe(tampilan_entri.tabel_masalah(masalah), hide_index=True)
        elif perubahan.empty:
            st.info("Tidak ada perubahan dibanding data yang tersimpan.")
        else:
            st.write(f"Pratinjau: {len(perubahan)} baris akan berubah.")
            st.dataframe(tampilan_entri.tabel_pratinjau(perubahan), hide_index=True, placeholder="")
            diimpor = {int(i) for i in perubahan["indikator_id"]}
            if st.button("Terapkan impor", type="primary", key="terapkan"):
                web.tulis(
                    svc.terapkan_impor,
                    akses,
                    periode_id,
                    unit_id,
                    perubahan,
                    setelah=lambda: _muat_ulang(
                        {i: v for i, v in _belum().items() if i not in diimpor}
                    ),
                    sukses=lambda k: f"Impor diterapkan: {k} baris berubah.",
                )
