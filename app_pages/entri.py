"""Isi realisasi: a Bidang enters, uploads and submits its quarterly figures.

One row per indicator: its name and read-only figures on the left, the three inputs beside it
and the live capaian and category on the right, so nothing is off the screen at 1366 px. Rows
typed but not saved are kept in the session (dashboard/isian_sesi.py) and flagged."""

import pandas as pd
import streamlit as st

from dashboard import alur, bukti, formats, isian_sesi, tampilan_periode, web, xlsx_aman
from dashboard.entri import HasilPeriksa, Isian, belum_disimpan, periksa, sama_isian
from dashboard.services import capaian as svc_capaian
from dashboard.services import periode as svc_periode
from dashboard.services import realisasi as svc
from dashboard.tampilan_entri import label_kategori, teks_target, warna_badge
from dashboard.tampilan_pengajuan import kotak_dikembalikan
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
# Cached per data version of the instansi (docs/DOMAIN.md §13): every save, review step or
# period change of the instansi turns them cold, and each typed value reruns this page.
periode_entri = web.cached_read(svc_periode.periode_entri)
form_entri = web.cached_read(svc.form_entri)
skala_instansi = web.cached_read(svc_capaian.skala_instansi)
pengembalian = web.cached_read(svc.pengembalian)
st.title("Isi realisasi")
if akses.unit_id is None:
    st.warning("Akun Anda belum terhubung ke unit; hubungi administrator.")
    st.stop()
tampilan_periode.periode_ditutup(akses)  # a closed period not submitted: ask for a reopen
periode = periode_entri(akses, akses.unit_id)
isian_sesi.sisakan(akses.username, akses.unit_id, [int(p) for p in periode["id"]])
if periode.empty:
    st.info("Belum ada periode pengumpulan yang dibuka untuk unit Anda.")
    st.stop()
label = {
    int(r.id): f"{formats.nama_triwulan(r.triwulan)} {formats.nama_tahun(r.tahun)} "
    f"(tenggat {formats.tanggal(r.tenggat)})"
    for r in periode.itertuples()
}
atas = st.columns([3, 2], vertical_alignment="bottom")
periode_id = atas[0].selectbox("Periode", list(label), format_func=label.get)

form = form_entri(akses, periode_id, akses.unit_id)
skala = skala_instansi(akses, form.periode["instansi_id"])
kembali = pengembalian(akses, periode_id, akses.unit_id)
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
isi = form.baris.set_index("indikator_id")
kode = {i.indikator_id: i.kode for i in form.indikator}


def _tersimpan(ind_id: int) -> Isian:
    if ind_id not in isi.index:
        return Isian()
    r = isi.loc[ind_id]
    return Isian(
        "" if pd.isna(r["nilai"]) else formats.angka(float(r["nilai"]), 4),
        "" if pd.isna(r["catatan"]) else str(r["catatan"]),
        "" if pd.isna(r["bukti"]) else str(r["bukti"]),
    )


tersimpan = {i.indikator_id: _tersimpan(i.indikator_id) for i in form.indikator}
if kunci:  # nothing can be typed into a submitted quarter: forget what was left unsaved
    isian_sesi.buang(akses.username, periode_id, akses.unit_id)
ketikan = isian_sesi.ambil(akses.username, periode_id, akses.unit_id)
KUNCI_VERSI = f"versi_entri_{periode_id}"
versi = st.session_state.setdefault(KUNCI_VERSI, 0)

# The action bar sits above the rows but is filled after them, from the values just read.
bar = st.container()

KOLOM = [3.2, 1.25, 2.3, 1.6, 1.65]
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


def _baris(ind) -> tuple[Isian, HasilPeriksa]:
    """One indicator's row: what is read, the inputs, and the live result."""
    awal = ketikan.get(ind.indikator_id, tersimpan[ind.indikator_id])
    k = f"entri_{periode_id}_{versi}_{ind.indikator_id}"
    with st.container(border=True):
        kol = st.columns(KOLOM)
        # one element where two would do: a typed value redraws every row (Streamlit's cost
        # is per element, about a third of a millisecond each)
        kol[0].markdown(
            f"**{formats.md_aman(ind.kode)}** {formats.md_aman(ind.nama)}  \n"
            f":gray[:small[{formats.md_aman(teks_target(ind, n))}]]"
        )
        nilai = kol[1].text_input(
            f"Realisasi {ind.kode}",
            value=awal.nilai,
            key=f"{k}_nilai",
            placeholder="angka",
            label_visibility="collapsed",
            disabled=kunci,
        )
        catatan = kol[2].text_area(
            f"Catatan {ind.kode}",
            value=awal.catatan,
            key=f"{k}_catatan",
            height=68,
            placeholder="Faktor pendorong / penghambat, kendala",
            label_visibility="collapsed",
            disabled=kunci,
        )
        bukti_ketik = kol[3].text_input(
            f"Bukti dukung {ind.kode}",
            value=awal.bukti,
            key=f"{k}_bukti",
            placeholder="Tautan atau keterangan",
            label_visibility="collapsed",
            disabled=kunci,
        )
        kini = Isian(nilai or "", catatan or "", bukti_ketik or "")
        h = periksa(ind, n, kini.nilai, kini.catatan, skala)
        kategori = label_kategori(h)
        kol[4].markdown(
            f"**{formats.persen(h.capaian)}**  \n"
            f":small[{'batas tahunan terpakai' if h.progres_terpakai else 'progres tahunan'} "
            f"{formats.persen(h.progres_tahunan)}]  \n"
            f":{warna_badge(kategori, skala)}-badge[{formats.md_aman(kategori)}]"
        )
        akibat = (
            ""
            if sama_isian(kini, tersimpan[ind.indikator_id])
            else " Baris ini tidak ikut disimpan."
        )
        pesan = [f":red[:material/block: {formats.md_aman(g)}{akibat}]" for g in h.galat]
        pesan += [
            f":red[:material/error: {formats.md_aman(g)} (menghalangi pengajuan)]"
            for g in h.penghalang
        ]
        pesan += [f":orange[:material/warning: {formats.md_aman(w)}]" for w in h.peringatan]
        if pesan:
            st.markdown("  \n".join(pesan))
    return kini, h


kini: dict[int, Isian] = {}
hasil: dict[int, HasilPeriksa] = {}
for ind in form.indikator:
    kini[ind.indikator_id], hasil[ind.indikator_id] = _baris(ind)

belum = {} if kunci else belum_disimpan(kini, tersimpan)
isian_sesi.taruh(akses.username, periode_id, akses.unit_id, judul_periode, belum, kode)
tak_tersimpan = [i for i in belum if not hasil[i].boleh_disimpan]  # typed, cannot be stored


def _muat_ulang(tetap: dict[int, Isian] | None = None) -> None:
    """After a write: fresh inputs from the store (a new widget version), keeping only the
    typed rows in `tetap` (rows the write did not store)."""
    st.session_state[KUNCI_VERSI] = versi + 1
    isian_sesi.taruh(akses.username, periode_id, akses.unit_id, judul_periode, tetap or {}, kode)


def _baris_simpan() -> list[svc.BarisSimpan]:
    """The rows typed differently from the store that can be stored: a row not touched is not
    sent, so its stored value is never rewritten from its rounded display."""
    return [
        svc.BarisSimpan(
            indikator_id=i,
            nilai=v.nilai,
            catatan=v.catatan,
            bukti=v.bukti,
            versi=int(isi.loc[i, "versi"]) if i in isi.index else None,
        )
        for i, v in belum.items()
        if i not in tak_tersimpan
    ]


def _sisa() -> dict[int, Isian]:
    return {i: kini[i] for i in tak_tersimpan}


def _pesan_simpan(k: int) -> str:
    pesan = f"Draf tersimpan ({k} baris berubah)."
    if tak_tersimpan:
        pesan += (
            " Belum tersimpan karena isinya tidak dapat dibaca: "
            + ", ".join(kode[i] for i in tak_tersimpan)
            + "; perbaiki lalu simpan lagi."
        )
    return pesan


with bar:
    if not kunci:
        if belum:
            daftar = ", ".join(kode[i] for i in sorted(belum, key=kode.get))
            st.warning(
                f"**Ada perubahan belum disimpan**: {daftar}. Tekan **Simpan draf**. Isian "
                "tetap ada bila Anda membuka halaman lain, tetapi hilang bila browser ditutup "
                "atau dimuat ulang.",
                icon=":material/edit_note:",
            )
            isian_sesi.tautan_sidebar(judul_periode, [kode[i] for i in sorted(belum, key=kode.get)])
        terisi = sum(h.nilai is not None for h in hasil.values())
        menghalangi = sum(not h.boleh_diajukan for h in hasil.values())
        peringatan = sum(bool(h.peringatan) for h in hasil.values())
        kol = st.columns([4, 1.6, 1.6], vertical_alignment="center")
        kol[0].caption(
            f"{terisi} dari {len(hasil)} indikator terisi · {menghalangi} perlu diperbaiki "
            f"sebelum diajukan · {peringatan} dengan peringatan. Draf boleh disimpan kapan "
            "saja; pemeriksaan merah hanya menghalangi **Ajukan**."
        )
        if kol[1].button("Simpan draf", icon=":material/save:", key="simpan", width="stretch"):
            web.tulis(
                svc.simpan,
                akses,
                periode_id,
                akses.unit_id,
                _baris_simpan(),
                setelah=lambda: _muat_ulang(_sisa()),
                sukses=_pesan_simpan,
            )
        if kol[2].button(
            "Ajukan", icon=":material/send:", type="primary", key="ajukan", width="stretch"
        ):
            if tak_tersimpan:
                st.error(
                    "Belum dapat diajukan: isian "
                    + ", ".join(kode[i] for i in tak_tersimpan)
                    + " tidak dapat dibaca. Perbaiki dulu (lihat pesan merah di barisnya)."
                )
            else:
                ok, _ = web.tulis(
                    svc.simpan,
                    akses,
                    periode_id,
                    akses.unit_id,
                    _baris_simpan(),
                    rerun=False,
                    setelah=_muat_ulang,
                )
                if ok:
                    ok, _ = web.tulis(
                        svc.ajukan,
                        akses,
                        periode_id,
                        akses.unit_id,
                        sukses="Data diajukan ke Pengelola Monev untuk diverifikasi.",
                    )
                    if not ok:
                        st.info(
                            "Draf sudah tersimpan; perbaiki barisnya di bawah, lalu ajukan lagi."
                        )

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
        "Indikator", list(ind_opsi), format_func=ind_opsi.get, key="bukti_indikator"
    )
    berkas = st.file_uploader(
        f"Berkas (PDF, JPG, PNG, XLSX, DOCX; maks. {BATAS_MB} MB)",
        type=sorted(bukti.JENIS),
        key="bukti_berkas",
        max_upload_size=BATAS_MB,
        disabled=kunci,
    )
    _keterangan_unggah(BATAS_MB)

    def _setelah_unggah() -> None:
        """The typed rows stay; the uploaded row's evidence is now the file."""
        sisa = dict(belum)
        if ind_bukti in sisa:
            sisa[ind_bukti] = sisa[ind_bukti]._replace(bukti=bukti.LABEL_BERKAS)
        _muat_ulang(sisa)

    if berkas is not None and st.button("Simpan bukti", key="bukti_simpan", disabled=kunci):
        web.tulis(
            svc.unggah_bukti,
            akses,
            periode_id,
            akses.unit_id,
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
        if bukti.rujukan_berkas(form.bukti_tersimpan.get(i.indikator_id)):
            st.download_button(
                f"{i.kode}: {bukti.LABEL_BERKAS}",
                lambda ind=i.indikator_id: _unduh(ind),
                file_name=f"bukti_{i.kode}_TW{n}_{form.periode['tahun']}"
                + "."
                + form.bukti_tersimpan[i.indikator_id].rsplit(".", 1)[-1],
                key=f"unduh_{i.kode}",
                on_click="ignore",
            )


def _templat() -> bytes:
    """Built only when the button is clicked, not on every rerun of the page."""
    with web.cursor() as cur:
        return svc.template_excel(cur, akses, periode_id, akses.unit_id)


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
                    akses.unit_id,
                    unggah.getvalue(),
                    progress=lambda f: bar_baca.progress(f, text=f"Membaca berkas ... {f:.0%}"),
                )
        except Exception as exc:  # noqa: BLE001 - shown as a message
            web.show_error(exc)
            st.stop()
        bar_baca.empty()
        if masalah:
            st.error(f"Berkas ditolak: {len(masalah)} masalah. Tidak ada yang disimpan.")
            st.dataframe(
                pd.DataFrame(
                    [
                        {"Baris": m.baris or "-", "Kolom": m.kolom, "Masalah": m.pesan}
                        for m in masalah
                    ]
                ),
                hide_index=True,
            )
        elif perubahan.empty:
            st.info("Tidak ada perubahan dibanding data yang tersimpan.")
        else:
            st.write(f"Pratinjau: {len(perubahan)} baris akan berubah.")
            st.dataframe(
                perubahan.assign(
                    nilai_lama=perubahan["nilai_lama"].map(formats.angka),
                    nilai_baru=perubahan["nilai_baru"].map(formats.angka),
                )[
                    ["kode", "indikator", "nilai_lama", "nilai_baru", "catatan_baru", "penghalang"]
                ].rename(
                    columns={
                        "kode": "Kode",
                        "indikator": "Indikator",
                        "nilai_lama": "Nilai lama",
                        "nilai_baru": "Nilai baru",
                        "catatan_baru": "Catatan",
                        "penghalang": "Perlu diperbaiki sebelum diajukan",
                    }
                ),
                hide_index=True,
                placeholder="",
            )
            diimpor = {int(i) for i in perubahan["indikator_id"]}
            if st.button("Terapkan impor", type="primary", key="terapkan"):
                web.tulis(
                    svc.terapkan_impor,
                    akses,
                    periode_id,
                    akses.unit_id,
                    perubahan,
                    setelah=lambda: _muat_ulang(
                        {i: v for i, v in belum.items() if i not in diimpor}
                    ),
                    sukses=lambda k: f"Impor diterapkan: {k} baris berubah.",
                )
