"""Admin: the planning tree (tujuan -> sasaran -> program -> kegiatan -> sub kegiatan) with
Permendagri 90 codes: add, edit, move, retire; delete only what carries no data."""

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rencana import layanan_indikator as svc_admin
from dashboard.rencana import layanan_rencana as svc
from dashboard.rencana import rencana
from dashboard.rencana import tampilan_rencana as tampil

akses = akses_halaman(globals())
st.title("Rencana kinerja")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    pohon = svc.pohon(cur, akses, instansi_id)
    units = svc_admin.daftar_unit(cur, akses, instansi_id)
unit_nama = dict(zip(units["id"].astype(int), units["nama"], strict=True))

st.caption(
    "Kode program, kegiatan dan sub kegiatan mengikuti Permendagri 90: program `1.01.01`, "
    "kegiatan `1.01.01.2.01`, sub kegiatan `1.01.01.2.01.0001`. Kode tujuan dan sasaran "
    "ditentukan instansi (misalnya `T1`, `S1.1`). Simpul yang sudah memiliki turunan, "
    "indikator atau anggaran tidak dapat dihapus; nonaktifkan saja."
)


semua_aktif = st.toggle("Tampilkan juga yang nonaktif", value=False, key="rencana_nonaktif")
tabel = tampil.tabel_pohon(pohon, unit_nama, semua_aktif)
if tabel.empty:
    st.info("Belum ada rencana. Mulailah dengan menambah tujuan di bawah.")
else:
    st.dataframe(
        tabel,
        hide_index=True,
        height=320,
        column_config={
            "Tingkat": st.column_config.TextColumn(width=100),
            "Kode": st.column_config.TextColumn(width=145),
            "Nama / uraian": st.column_config.TextColumn(width=350),
            "Unit": st.column_config.TextColumn(width=170),
            "Indikator": st.column_config.NumberColumn(width=75),
            "Aktif": st.column_config.TextColumn(width=55),
        },
    )

st.subheader("Tambah atau ubah")
kol = st.columns([1, 3])
tingkat = kol[0].selectbox("Tingkat", rencana.TINGKAT, key="rencana_tingkat")
level = pohon[pohon["tingkat"] == tingkat]
label = tampil.label_simpul(level)
pilih = kol[1].selectbox(
    f"{tingkat} yang diubah",
    [None, *label],
    format_func=lambda i: f"({tingkat.lower()} baru)" if i is None else label[i],
    key=f"rencana_pilih_{tingkat}",
)
awal = level[level["id"] == pilih].iloc[0].to_dict() if pilih is not None else {}
induk_t = rencana.induk_tingkat(tingkat)
induk_label: dict[int, str] = {}
if induk_t:
    induk_label = tampil.label_induk(pohon, induk_t, awal.get("induk_id"))

with st.form(f"rencana_{tingkat}_{pilih}"):
    induk_id = None
    if induk_t:
        if not induk_label:
            st.warning(f"Belum ada {induk_t.lower()} aktif; tambahkan dulu {induk_t.lower()}.")
        opsi_induk = list(induk_label)
        induk_id = st.selectbox(
            f"{induk_t} induk",
            opsi_induk,
            format_func=lambda k: induk_label[k],
            index=opsi_induk.index(int(awal["induk_id"])) if awal else 0,
            help="Ganti induk untuk memindahkan simpul ini (beserta turunannya).",
        )
    a, b = st.columns([1, 3])
    kode = a.text_input("Kode", value=awal.get("kode", ""))
    nama = b.text_input("Nama / uraian", value=awal.get("nama", ""))
    unit_id = None
    if tingkat in ("Kegiatan", "Sub Kegiatan"):
        opsi_unit = [None, *unit_nama]
        sekarang = int(awal["unit_id"]) if awal and pd.notna(awal.get("unit_id")) else None
        unit_id = st.selectbox(
            "Unit penanggung jawab (opsional)",
            opsi_unit,
            format_func=lambda u: "(tidak ada)" if u is None else unit_nama[u],
            index=opsi_unit.index(sekarang) if sekarang in opsi_unit else 0,
        )
    simpan = st.form_submit_button(f"Simpan {tingkat.lower()}", type="primary")

if simpan:
    web.tulis(
        svc.simpan_node,
        akses,
        instansi_id,
        tingkat,
        {
            "kode": kode,
            "nama": nama,
            "induk_id": induk_id,
            "unit_id": unit_id,
            "aktif": bool(awal.get("aktif", True)),
        },
        node_id=pilih,
        sukses=f"{tingkat} disimpan.",
    )

if pilih is not None:
    st.markdown(f"**{tingkat} {awal['kode']}**")
    data = [
        f"{awal[k]} {t}"
        for k, t in (
            ("n_anak", "turunan"),
            ("n_indikator", "indikator"),
            ("n_anggaran", "baris anggaran"),
        )
        if awal[k]
    ]
    a, b = st.columns(2)
    if awal["aktif"]:
        if a.button(
            "Nonaktifkan beserta turunannya",
            key="rencana_nonaktifkan",
            help="Simpul tetap tersimpan dan tetap terbaca di laporan tahun-tahun lalu.",
        ):
            web.tulis(
                svc.atur_aktif,
                akses,
                instansi_id,
                tingkat,
                pilih,
                False,
                sukses=lambda n: f"{n} simpul dinonaktifkan.",
            )
    elif a.button("Aktifkan kembali", key="rencana_aktifkan"):
        web.tulis(
            svc.atur_aktif, akses, instansi_id, tingkat, pilih, True, sukses="Simpul diaktifkan."
        )
    if data:
        b.caption(f"Tidak dapat dihapus: sudah memiliki {', '.join(data)}.")
    elif b.button("Hapus", key="rencana_hapus", help="Hanya untuk simpul yang salah dibuat."):
        web.tulis(svc.hapus_node, akses, instansi_id, tingkat, pilih, sukses=f"{tingkat} dihapus.")
