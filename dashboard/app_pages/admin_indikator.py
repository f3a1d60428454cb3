"""Admin: indicators and their annual and quarterly targets (single value or range)."""

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.capaian import capaian as engine
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rencana import layanan_indikator as svc
from dashboard.rencana import layanan_rencana as svc_rencana
from dashboard.rencana import rencana
from dashboard.rencana import tampilan_indikator as tampil

akses = akses_halaman(globals())
st.title("Indikator dan target")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    indikator = svc.daftar_indikator(cur, akses, instansi_id)
    units = svc.daftar_unit(cur, akses, instansi_id)
    pohon = svc_rencana.pohon(cur, akses, instansi_id)

simpul = tampil.label_simpul(pohon)  # every plan node an indicator can hang on
st.dataframe(
    tampil.tabel_indikator(indikator, pohon),
    hide_index=True,
    height=260,
    column_config={
        "Kode": st.column_config.TextColumn(width=80),
        "Nama": st.column_config.TextColumn(width=330),
        "Kedudukan": st.column_config.TextColumn(width=185),
        "Jenis": st.column_config.TextColumn(width=95),
        "PK": st.column_config.TextColumn(width=45),
        "Unit": st.column_config.TextColumn(width=200),
    },
)

opsi = [None, *indikator["id"].astype(int).tolist()]
label = tampil.label_indikator(indikator)
kol: Sequence[DeltaGenerator] = st.columns([3, 1])
pilih = kol[0].selectbox(
    "Indikator yang diubah",
    opsi,
    format_func=lambda i: "(indikator baru)" if i is None else label[i],
)
tahun = kol[1].number_input(
    "Tahun target", min_value=2000, max_value=2100, value=config.hari_ini().year, step=1
)
awal = indikator[indikator["id"] == pilih].iloc[0].to_dict() if pilih is not None else {}
target = {}
if pilih is not None:
    with web.cursor() as cur:
        target = svc.target_indikator(cur, akses, pilih, int(tahun))
unit_nama = dict(zip(units["id"].astype(int), units["nama"], strict=True))


_teks = tampil.teks


with st.form(f"indikator_{pilih}_{tahun}"):
    a, b = st.columns(2)
    kode = a.text_input("Kode", value=awal.get("kode", ""))
    unit_ids = list(unit_nama)
    unit_id = b.selectbox(
        "Unit penanggung jawab",
        unit_ids,
        format_func=lambda k: unit_nama[k],
        index=unit_ids.index(awal["unit_id"]) if awal else 0,
    )
    nama = st.text_input("Nama indikator", value=awal.get("nama", ""))
    a, b, c = st.columns(3)
    jenis = a.selectbox(
        "Jenis", svc.JENIS_INDIKATOR, index=svc.JENIS_INDIKATOR.index(awal.get("jenis", "IKU"))
    )
    satuan = b.text_input("Satuan", value=awal.get("satuan", ""), help="Misalnya %, dokumen, orang")
    polaritas = c.selectbox(
        "Polaritas",
        svc.POLARITAS,
        index=svc.POLARITAS.index(awal.get("polaritas", "positif")),
        help="Positif: makin tinggi makin baik. Negatif: makin rendah makin baik.",
    )
    a, b, c = st.columns(3)
    agregasi = a.selectbox(
        "Cara agregasi",
        svc.CARA_AGREGASI,
        index=svc.CARA_AGREGASI.index(awal.get("cara_agregasi", "SUM")),
        help="SUM kumulatif, LAST nilai akhir, AVG rata-rata, MAX tertinggi",
    )
    rumus = b.selectbox(
        "Rumus negatif",
        svc.RUMUS_NEGATIF,
        index=svc.RUMUS_NEGATIF.index(awal.get("rumus_negatif", "A")),
        help=f"A: {engine.rumus('negatif', 'A')}; B: {engine.rumus('negatif', 'B')}. "
        "Hanya untuk indikator negatif.",
    )
    boleh_negatif = c.checkbox("Realisasi boleh negatif", value=bool(awal.get("boleh_negatif")))
    a, b = st.columns([3, 1])
    opsi_simpul = [None, *simpul]
    sekarang = tampil.kedudukan(awal) if awal else None
    kedudukan = a.selectbox(
        "Kedudukan dalam rencana",
        opsi_simpul,
        format_func=lambda k: "(belum ditautkan)" if k is None else simpul[k],
        index=opsi_simpul.index(sekarang) if sekarang in opsi_simpul else 0,
        help="Tujuan, sasaran, program, kegiatan atau sub kegiatan tempat indikator ini "
        "diukur; laporan mengelompokkan indikator menurut sasarannya.",
    )
    pk = b.checkbox(
        "Perjanjian Kinerja (PK)",
        value=bool(awal.get("pk", False)),
        help="Indikator yang dicantumkan dalam Perjanjian Kinerja kepala perangkat daerah.",
    )
    definisi = st.text_area("Definisi / rumus", value=awal.get("definisi") or "")
    a, b, c = st.columns(3)
    sumber = a.text_input("Sumber data", value=awal.get("sumber_data") or "")
    baseline = b.text_input("Baseline", value=_teks(awal.get("baseline")))
    renstra = c.text_input("Target akhir Renstra", value=_teks(awal.get("target_renstra")))
    aktif = st.checkbox("Aktif", value=bool(awal.get("aktif", True)))

    st.subheader(f"Target {formats.nama_tahun(int(tahun))}")
    st.caption(
        "Isi batas atas hanya untuk target rentang (misalnya 80-90). Angka boleh ditulis "
        "1.234,5 atau 1234.5."
    )
    kol = st.columns(5)
    t_tahunan = kol[0].text_input("Tahunan (PK)", value=_teks(target.get("tahunan")))
    t_tahunan_atas = kol[0].text_input(
        "Tahunan, batas atas", value=_teks(target.get("tahunan_atas"))
    )
    t_tw = [
        kol[i + 1].text_input(
            formats.nama_triwulan(i + 1), value=_teks((target.get("triwulan") or [None] * 4)[i])
        )
        for i in range(4)
    ]
    t_tw_atas = [
        kol[i + 1].text_input(
            "Batas atas",
            key=f"atas_{i}",
            value=_teks((target.get("triwulan_atas") or [None] * 4)[i]),
        )
        for i in range(4)
    ]
    konfirmasi = st.checkbox(
        "Simpan walaupun target triwulan tidak sesuai dengan target tahunan",
        help="Centang setelah memeriksa peringatan target (jumlah, TW IV atau rata-rata).",
    )
    simpan = st.form_submit_button("Simpan indikator dan target", type="primary")

if simpan:
    try:
        angka = formats.parse_angka
        data = {
            "instansi_id": instansi_id,
            "unit_id": unit_id,
            "kode": kode,
            "nama": nama,
            "jenis": jenis,
            "satuan": satuan,
            "polaritas": polaritas,
            "cara_agregasi": agregasi,
            "rumus_negatif": rumus,
            "boleh_negatif": boleh_negatif,
            "definisi": definisi or None,
            "sumber_data": sumber or None,
            "baseline": angka(baseline),
            "target_renstra": angka(renstra),
            "aktif": aktif,
            "tingkat": kedudukan[0] if kedudukan else None,
            "node_id": kedudukan[1] if kedudukan else None,
            "pk": pk,
        }
        target_baru = tampil.target_dari_isian(tahun, t_tahunan, t_tahunan_atas, t_tw, t_tw_atas)
    except ValueError as exc:
        st.error(str(exc))
    else:
        galat, peringatan = (
            rencana.periksa_target(
                agregasi,
                target_baru["tahunan"],
                target_baru["triwulan"],
                target_baru["tahunan_atas"],
                target_baru["triwulan_atas"],
            )
            if target_baru
            else ([], [])
        )
        if galat:
            st.error(" ".join(galat))
        elif peringatan and not konfirmasi:
            for p in peringatan:
                st.warning(p, icon=":material/warning:")
            st.info(
                "Belum disimpan. Periksa target; bila memang demikian, centang "
                "konfirmasi di atas tombol simpan lalu simpan lagi."
            )
        else:
            web.tulis(
                svc.simpan_indikator,
                akses,
                data,
                target_baru,
                indikator_id=pilih,
                konfirmasi=konfirmasi,
                target_awal=target if pilih is not None else None,
                sukses="Indikator dan target disimpan.",
            )

if pilih is not None:
    st.subheader("Target Renstra per tahun")
    with web.cursor() as cur:
        renstra = svc.target_renstra(cur, akses, pilih)
    ada = tampil.renstra_tersimpan(renstra)
    awal_th = min(ada) if ada else int(tahun)
    mulai = int(
        st.columns([1, 3])[0].number_input(
            "Tahun pertama periode Renstra",
            min_value=2000,
            max_value=2096,
            value=awal_th,
            step=1,
            key=f"renstra_mulai_{pilih}",
        )
    )
    with st.form(f"renstra_{pilih}_{mulai}"):
        st.caption(
            "Target Renstra setiap tahun periode lima tahun. Isi batas atas hanya untuk target "
            "rentang. Target tahun terakhir menjadi target akhir Renstra di laporan."
        )
        kol = st.columns(5)
        isian = []
        for j, th in enumerate(rencana.rentang_renstra(mulai)):
            n, a = ada.get(th, (None, None))
            isian.append(
                (
                    th,
                    kol[j].text_input(formats.nama_tahun(th), value=_teks(n), key=f"rs_{th}"),
                    kol[j].text_input("Batas atas", value=_teks(a), key=f"rs_atas_{th}"),
                )
            )
        simpan_renstra = st.form_submit_button("Simpan target Renstra", type="primary")
    luar = tampil.renstra_luar(ada, mulai)
    if luar:
        st.caption(
            "Tahun lain yang tersimpan (tetap disimpan): "
            + ", ".join(f"{t}: {_teks(ada[t][0])}" for t in luar)
        )
    if simpan_renstra:
        try:
            baris = tampil.baris_renstra(isian, ada, mulai)
        except ValueError as exc:
            st.error(str(exc))
        else:
            web.tulis(
                svc.simpan_target_renstra,
                akses,
                pilih,
                baris,
                bingkai.baris_dict(renstra),
                sukses="Target Renstra disimpan.",
            )
