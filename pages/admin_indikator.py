"""Admin: indicators and their annual and quarterly targets (single value or range)."""

import streamlit as st

from dashboard import config, formats, web
from dashboard.services import admin as svc
from dashboard.services import capaian as svc_capaian
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Indikator dan target")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    indikator = svc.daftar_indikator(cur, akses, instansi_id)
    units = svc.daftar_unit(cur, akses, instansi_id)

st.dataframe(
    indikator[
        [
            "kode",
            "nama",
            "unit",
            "jenis",
            "satuan",
            "polaritas",
            "cara_agregasi",
            "rumus_negatif",
            "aktif",
        ]
    ].rename(
        columns={
            "kode": "Kode",
            "nama": "Nama",
            "unit": "Unit",
            "jenis": "Jenis",
            "satuan": "Satuan",
            "polaritas": "Polaritas",
            "cara_agregasi": "Agregasi",
            "rumus_negatif": "Rumus",
            "aktif": "Aktif",
        }
    ),
    hide_index=True,
    height=260,
)

opsi = [None, *indikator["id"].astype(int).tolist()]
label = dict(
    zip(indikator["id"].astype(int), indikator["kode"] + " " + indikator["nama"], strict=True)
)
kol = st.columns([3, 1])
pilih = kol[0].selectbox(
    "Indikator yang diubah",
    opsi,
    format_func=lambda i: "(indikator baru)" if i is None else label[i],
)
tahun = kol[1].number_input(
    "Tahun target", min_value=2000, max_value=2100, value=config.sekarang().date().year, step=1
)
awal = indikator[indikator["id"] == pilih].iloc[0].to_dict() if pilih is not None else {}
target = {}
if pilih is not None:
    with web.cursor() as cur:
        target = svc.target_indikator(cur, akses, pilih, int(tahun))
unit_nama = dict(zip(units["id"].astype(int), units["nama"], strict=True))


def _teks(nilai: float | None) -> str:
    """A stored number as the form shows it ('' for none), in Indonesian format."""
    return "" if nilai is None or nilai != nilai else formats.angka(nilai, 4)


with st.form(f"indikator_{pilih}_{tahun}"):
    a, b = st.columns(2)
    kode = a.text_input("Kode", value=awal.get("kode", ""))
    unit_ids = list(unit_nama)
    unit_id = b.selectbox(
        "Unit penanggung jawab",
        unit_ids,
        format_func=unit_nama.get,
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
        ["positif", "negatif"],
        index=["positif", "negatif"].index(awal.get("polaritas", "positif")),
        help="Positif: makin tinggi makin baik. Negatif: makin rendah makin baik.",
    )
    a, b, c = st.columns(3)
    agregasi = a.selectbox(
        "Cara agregasi",
        ["SUM", "LAST", "AVG", "MAX"],
        index=["SUM", "LAST", "AVG", "MAX"].index(awal.get("cara_agregasi", "SUM")),
        help="SUM kumulatif, LAST nilai akhir, AVG rata-rata, MAX tertinggi",
    )
    rumus = b.selectbox(
        "Rumus negatif",
        ["A", "B"],
        index=["A", "B"].index(awal.get("rumus_negatif", "A")),
        help="A: (2T - R) / T; B: T / R. Hanya untuk indikator negatif.",
    )
    boleh_negatif = c.checkbox("Realisasi boleh negatif", value=bool(awal.get("boleh_negatif")))
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
        }
        tahunan = angka(t_tahunan)
        isi_target = tahunan is not None or any(v.strip() for v in t_tw)
        target_baru = (
            {
                "tahun": int(tahun),
                "tahunan": tahunan,
                "tahunan_atas": angka(t_tahunan_atas),
                "triwulan": [angka(v) for v in t_tw],
                "triwulan_atas": [angka(v) for v in t_tw_atas],
            }
            if isi_target
            else None
        )
    except ValueError as exc:
        st.error(str(exc))
    else:
        web.tulis(
            svc.simpan_indikator,
            akses,
            data,
            target_baru,
            indikator_id=pilih,
            sukses="Indikator dan target disimpan.",
        )
