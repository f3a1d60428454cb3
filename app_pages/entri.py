"""Isi realisasi: a Bidang enters, uploads and submits its quarterly figures."""

import pandas as pd
import streamlit as st

from dashboard import alur, bukti, charts, formats, tampilan_periode, web
from dashboard.entri import cek_baris_editor, periksa
from dashboard.services import capaian as svc_capaian
from dashboard.services import periode as svc_periode
from dashboard.services import realisasi as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
st.title("Isi realisasi")
if akses.unit_id is None:
    st.warning("Akun Anda belum terhubung ke unit; hubungi administrator.")
    st.stop()
tampilan_periode.periode_ditutup(akses)  # a closed period not submitted: ask for a reopen
with web.cursor() as cur:
    periode = svc_periode.periode_entri(cur, akses, akses.unit_id)
if periode.empty:
    st.info("Belum ada periode pengumpulan yang dibuka untuk unit Anda.")
    st.stop()
label = {
    int(r.id): f"{formats.nama_triwulan(r.triwulan)} {formats.nama_tahun(r.tahun)} "
    f"(tenggat {formats.tanggal(r.tenggat)})"
    for r in periode.itertuples()
}
periode_id = st.selectbox("Periode", list(label), format_func=label.get)

with web.cursor() as cur:
    form = svc.form_entri(cur, akses, periode_id, akses.unit_id)
    skala = svc_capaian.skala_instansi(cur, akses, form.periode["instansi_id"])
n = form.periode["triwulan"]
kunci = alur.terkunci(form.status)
st.caption(
    f"Status: **{alur.LABEL_STATUS[form.status]}** · tenggat "
    f"{formats.tanggal(form.periode['tenggat'])}" + (" · data terkunci" if kunci else "")
)
if form.periode.get("catatan"):
    st.info(formats.md_aman(form.periode["catatan"]), icon=":material/mail:")

if not form.indikator:  # a period opened before the admin entered the unit's indicators
    st.info(
        "Unit Anda belum memiliki indikator aktif; administrator menambahkannya di halaman "
        "**Indikator dan target**."
    )
    st.stop()
isi = form.baris.set_index("indikator_id")
versi_editor = st.session_state.setdefault("versi_editor", 0)


def _nilai_awal(ind_id: int, kolom: str) -> str:
    if ind_id not in isi.index or pd.isna(isi.loc[ind_id, kolom]):
        return ""
    v = isi.loc[ind_id, kolom]
    return formats.angka(float(v), 4) if kolom == "nilai" else str(v)


tabel = pd.DataFrame(
    [
        {
            "indikator_id": i.indikator_id,
            "Kode": i.kode,
            "Indikator": i.nama,
            "Satuan": i.satuan,
            "Target tahunan": formats.angka(i.target_tahunan),
            f"Target {formats.nama_triwulan(n)}": formats.angka(i.target[n - 1]),
            **{f"TW {formats.ROMAWI[k + 1]}": formats.angka(i.realisasi[k]) for k in range(n - 1)},
            "Realisasi": _nilai_awal(i.indikator_id, "nilai"),
            "Catatan": _nilai_awal(i.indikator_id, "catatan"),
            "Bukti dukung": _nilai_awal(i.indikator_id, "bukti"),
        }
        for i in form.indikator
    ]
)
edit_cols = {"Realisasi", "Catatan", "Bukti dukung"}
edited = st.data_editor(
    tabel,
    hide_index=True,
    disabled=kunci or [c for c in tabel.columns if c not in edit_cols],
    column_config={
        "indikator_id": None,
        "Realisasi": st.column_config.TextColumn(
            help="Angka, misalnya 1.234,5 atau 1234.5", width="small"
        ),
        "Catatan": st.column_config.TextColumn(help="Faktor pendorong / penghambat, kendala"),
        "Bukti dukung": st.column_config.TextColumn(help="Tautan atau keterangan bukti"),
    },
    key=f"editor_{periode_id}_{versi_editor}",
)

# The editor's rows come back from the browser: a forged client can add, delete or duplicate
# rows, so they are matched to the form by indicator before anything else.
salah_baris = cek_baris_editor(
    edited["indikator_id"].tolist(), [i.indikator_id for i in form.indikator]
)
if salah_baris:
    st.error(salah_baris)
    if st.button("Muat ulang tabel isian", key="muat_ulang_editor"):
        st.session_state["versi_editor"] = versi_editor + 1
        st.rerun()
    st.stop()
edited = edited.assign(indikator_id=edited["indikator_id"].astype(int)).set_index(
    "indikator_id", drop=False
)
baris_editor = [edited.loc[i.indikator_id] for i in form.indikator]

# Live checks and capaian for every row, as the operator types.
hasil = [
    periksa(i, n, r["Realisasi"], r["Catatan"], skala)
    for i, r in zip(form.indikator, baris_editor, strict=True)
]
pratinjau = pd.DataFrame(
    {
        "Kode": [i.kode for i in form.indikator],
        "Capaian triwulan": [formats.persen(h.capaian) for h in hasil],
        "Progres tahunan": [formats.persen(h.progres_tahunan) for h in hasil],
        "Kategori": [
            h.kategori or (h.status if h.nilai is not None else "Belum Diisi") for h in hasil
        ],
        "Masalah": ["; ".join(h.galat) for h in hasil],
        "Peringatan": ["; ".join(h.peringatan) for h in hasil],
    }
)
st.dataframe(pratinjau.style.map(charts.gaya_kategori(skala), subset=["Kategori"]), hide_index=True)
galat = [(i.kode, g) for i, h in zip(form.indikator, hasil, strict=True) for g in h.galat]
if galat:
    st.error(formats.md_aman("Perbaiki dulu: " + "; ".join(f"{k}: {g}" for k, g in galat)))


def _baris() -> list[svc.BarisSimpan]:
    return [
        svc.BarisSimpan(
            indikator_id=int(r["indikator_id"]),
            nilai=r["Realisasi"],
            catatan=r["Catatan"],
            bukti=r["Bukti dukung"],
            versi=int(isi.loc[r["indikator_id"], "versi"])
            if r["indikator_id"] in isi.index
            else None,
        )
        for r in baris_editor
    ]


def _muat_ulang() -> None:
    st.session_state["versi_editor"] = versi_editor + 1


if not kunci:
    kol = st.columns(2)
    if kol[0].button("Simpan draf", icon=":material/save:", key="simpan", width="stretch"):
        web.tulis(
            svc.simpan,
            akses,
            periode_id,
            akses.unit_id,
            _baris(),
            setelah=_muat_ulang,
            sukses=lambda k: f"Draf tersimpan ({k} baris berubah).",
        )
    if kol[1].button(
        "Ajukan", icon=":material/send:", type="primary", key="ajukan", width="stretch"
    ):
        ok, _ = web.tulis(
            svc.simpan, akses, periode_id, akses.unit_id, _baris(), rerun=False, setelah=_muat_ulang
        )
        if ok:
            web.tulis(
                svc.ajukan,
                akses,
                periode_id,
                akses.unit_id,
                sukses="Data diajukan ke Pengelola Monev untuk diverifikasi.",
            )

with st.expander("Unggah berkas bukti dukung"):
    ind_opsi = {i.indikator_id: f"{i.kode} {i.nama}" for i in form.indikator}
    ind_bukti = st.selectbox(
        "Indikator", list(ind_opsi), format_func=ind_opsi.get, key="bukti_indikator"
    )
    berkas = st.file_uploader(
        "Berkas (PDF, JPG, PNG, XLSX, DOCX; maks. 5 MB)",
        type=sorted(bukti.JENIS),
        key="bukti_berkas",
        disabled=kunci,
    )
    if berkas is not None and st.button("Simpan bukti", key="bukti_simpan", disabled=kunci):
        web.tulis(
            svc.unggah_bukti,
            akses,
            periode_id,
            akses.unit_id,
            ind_bukti,
            berkas.name,
            berkas.getvalue(),
            setelah=_muat_ulang,
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
    unggah = st.file_uploader(
        "Unggah templat yang sudah diisi (.xlsx)", type=["xlsx"], key="unggah_excel", disabled=kunci
    )
    if unggah is not None:
        bar = st.progress(0.0, text="Membaca berkas ...")
        try:
            with web.cursor() as cur:
                perubahan, masalah = svc.pratinjau_impor(
                    cur,
                    akses,
                    periode_id,
                    akses.unit_id,
                    unggah.getvalue(),
                    progress=lambda f: bar.progress(f, text=f"Membaca berkas ... {f:.0%}"),
                )
        except Exception as exc:  # noqa: BLE001 - shown as a message
            web.show_error(exc)
            st.stop()
        bar.empty()
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
                )[["kode", "indikator", "nilai_lama", "nilai_baru", "catatan_baru"]].rename(
                    columns={
                        "kode": "Kode",
                        "indikator": "Indikator",
                        "nilai_lama": "Nilai lama",
                        "nilai_baru": "Nilai baru",
                        "catatan_baru": "Catatan",
                    }
                ),
                hide_index=True,
            )
            if st.button("Terapkan impor", type="primary", key="terapkan"):
                web.tulis(
                    svc.terapkan_impor,
                    akses,
                    periode_id,
                    akses.unit_id,
                    perubahan,
                    setelah=_muat_ulang,
                    sukses=lambda k: f"Impor diterapkan: {k} baris berubah.",
                )
