"""Rapat monev: the Pengelola Monev records a meeting whose agenda the data proposes, its
findings and follow-ups, makes the minutes final (later changes only as revisions with a
reason) and downloads the minutes and the meeting pack. Kadis, Sekretaris and admin read."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import agenda, formats, web
from dashboard.notulen import periode
from dashboard.services import admin as svc_admin
from dashboard.services import capaian as svc_capaian
from dashboard.services import rapat as svc
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Rapat monev")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
boleh_ubah = akses.punya("pengelola_monev")
daftar = web.cached_read(svc.daftar_rapat)(akses, instansi_id)
units = web.cached_read(svc_admin.daftar_unit)(akses, instansi_id)
nama_unit = dict(zip(units["id"].astype(int), units["nama"], strict=True))
kode_unit = dict(zip(units["kode"], units["id"].astype(int), strict=True))


def _waktu(w) -> str:
    w = pd.Timestamp(w)
    return f"{formats.tanggal(w.date())} {formats.jam(w)}"


if daftar.empty:
    st.info("Belum ada rapat monev yang tercatat.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Periode": [
                    periode(y, t) for y, t in zip(daftar["tahun"], daftar["triwulan"], strict=True)
                ],
                "Judul": daftar["judul"],
                "Waktu": daftar["waktu"].map(_waktu),
                "Status": daftar["status"].map({"draf": "Draf", "final": "Final"}),
                "Revisi": daftar["revisi"],
                "Temuan": daftar["temuan"],
                "Tindak lanjut terbuka": daftar["tindak_lanjut_terbuka"],
            }
        ),
        hide_index=True,
    )

BARU = 0
if "_rapat_baru" in st.session_state:  # the meeting just created opens next
    st.session_state["rapat_pilih"] = st.session_state.pop("_rapat_baru")
pilihan = ([BARU] if boleh_ubah else []) + [int(i) for i in daftar["id"]]
if not pilihan:
    st.stop()
label = {BARU: "➕ Catat rapat baru"} | {
    int(
        r.id
    ): f"{periode(r.tahun, r.triwulan)} · {r.judul} ({'Final' if r.status == 'final' else 'Draf'})"
    for r in daftar.itertuples()
}
rapat_id = st.selectbox("Rapat", pilihan, format_func=label.get, key="rapat_pilih")


def _isian(awal: dict, kunci: str) -> dict:
    """The meeting's fields, for a new meeting and for an edit."""
    a, b, c = st.columns(3)
    waktu = pd.Timestamp(awal["waktu"])
    tanggal = a.date_input("Tanggal", value=waktu.date(), format="DD/MM/YYYY", key=f"{kunci}_tgl")
    jam = b.time_input("Jam mulai", value=waktu.time(), step=900, key=f"{kunci}_jam")
    tempat = c.text_input("Tempat", value=awal["tempat"] or "", key=f"{kunci}_tempat")
    judul = st.text_input("Judul rapat", value=awal["judul"], key=f"{kunci}_judul")
    a, b = st.columns(2)
    pimpinan = a.text_input(
        "Pimpinan rapat (nama, jabatan)", value=awal["pimpinan"] or "", key=f"{kunci}_pimpinan"
    )
    notulis = b.text_input("Notulis", value=awal["notulis"] or "", key=f"{kunci}_notulis")
    peserta = st.text_area(
        "Peserta: satu per baris, `nama; jabatan; kode unit` (jabatan dan unit boleh kosong; "
        f"kode unit: {', '.join(sorted(kode_unit))})",
        value=awal["peserta"],
        key=f"{kunci}_peserta",
        height=150,
    )
    ringkasan = st.text_area(
        "Ringkasan pembahasan", value=awal["ringkasan"] or "", key=f"{kunci}_ringkasan"
    )
    kesimpulan = st.text_area(
        "Kesimpulan dan keputusan", value=awal["kesimpulan"] or "", key=f"{kunci}_kesimpulan"
    )
    return {
        "data": {
            "tahun": awal["tahun"],
            "triwulan": awal["triwulan"],
            "judul": judul,
            "waktu": dt.datetime.combine(tanggal, jam),
            "tempat": tempat,
            "pimpinan": pimpinan,
            "notulis": notulis,
            "ringkasan": ringkasan,
            "kesimpulan": kesimpulan,
        },
        "peserta": peserta,
    }


def _peserta_teks(df: pd.DataFrame) -> str:
    kode = {v: k for k, v in kode_unit.items()}
    return "\n".join(
        "; ".join(
            [r.nama, r.jabatan or "", kode.get(int(r.unit_id), "") if pd.notna(r.unit_id) else ""]
        ).rstrip("; ")
        for r in df.itertuples(index=False)
    )


if rapat_id == BARU:
    st.subheader("Catat rapat baru")
    kop = web.cached_read(svc.kop_instansi)(akses, instansi_id)
    akhir = web.cached_read(svc_capaian.periode_terakhir)(akses, instansi_id) or (
        dt.date.today().year,
        1,
    )
    a, b = st.columns(2)
    tahun = a.number_input("Tahun", 2000, 2100, value=akhir[0], key="baru_tahun")
    triwulan = b.selectbox(
        "Triwulan",
        [1, 2, 3, 4],
        index=akhir[1] - 1,
        format_func=formats.nama_triwulan,
        key="baru_triwulan",
    )
    usulan = web.cached_read(svc.usulan_agenda)(akses, instansi_id, int(tahun), int(triwulan))
    st.markdown("**Agenda usulan dari data**")
    if usulan:
        st.dataframe(
            pd.DataFrame(
                {
                    "No": range(1, len(usulan) + 1),
                    "Jenis": [agenda.JENIS_AGENDA[u.jenis] for u in usulan],
                    "Uraian": [u.uraian for u in usulan],
                }
            ),
            hide_index=True,
        )
    else:
        st.caption("Data periode ini tidak memunculkan usulan agenda.")
    dipakai = st.multiselect(
        "Agenda usulan yang dibahas (hapus yang tidak perlu)",
        list(range(len(usulan))),
        default=list(range(len(usulan))),
        format_func=lambda i: f"{i + 1}. {usulan[i].uraian[:90]}",
        key=f"baru_agenda_{tahun}_{triwulan}",
    )
    with st.form("rapat_baru"):
        isian = _isian(
            {
                "tahun": int(tahun),
                "triwulan": int(triwulan),
                "judul": f"Rapat Monev Capaian Kinerja {periode(tahun, triwulan)}",
                "waktu": dt.datetime.combine(dt.date.today(), dt.time(9)),
                "tempat": "Ruang Rapat Kepala Dinas",
                "pimpinan": f"{kop['kepala_nama'] or ''}, {kop['kepala_jabatan'] or ''}".strip(
                    ", "
                ),
                "notulis": akses.nama or akses.username,
                "peserta": f"{kop['kepala_nama'] or ''}; {kop['kepala_jabatan'] or ''}",
                "ringkasan": "",
                "kesimpulan": "",
            },
            "baru",
        )
        tambahan = st.text_area("Agenda tambahan (satu per baris)", key="baru_tambahan")
        if st.form_submit_button("Simpan rapat (draf)", type="primary"):

            def _buat(cur, *args):
                rid = svc.buat_rapat(cur, *args)
                st.session_state["_rapat_baru"] = rid
                return rid

            try:
                peserta = svc.baca_peserta(isian["peserta"], kode_unit)
            except ValueError as exc:
                st.error(str(exc), icon=":material/error:")
            else:
                ag = [
                    {
                        "jenis": usulan[i].jenis,
                        "uraian": usulan[i].uraian,
                        "sumber": "usulan",
                        "objek": usulan[i].objek,
                        "objek_id": usulan[i].objek_id,
                    }
                    for i in dipakai
                ] + svc.baca_agenda_manual(tambahan)
                web.tulis(
                    _buat,
                    akses,
                    instansi_id,
                    isian["data"],
                    peserta,
                    ag,
                    sukses="Rapat tersimpan sebagai draf. Tambahkan temuan dan tindak lanjutnya.",
                )
    st.stop()

d = web.cached_read(svc.detail_rapat)(akses, rapat_id)
info = d["info"]
final = info["status"] == "final"
st.subheader(periode(info["tahun"], info["triwulan"]))
st.dataframe(
    pd.DataFrame(
        {
            "Rincian": [
                "Judul",
                "Waktu",
                "Tempat",
                "Pimpinan rapat",
                "Notulis",
                "Status",
            ],
            "Isi": [
                info["judul"],
                f"{formats.hari_tanggal(pd.Timestamp(info['waktu']).date())}, pukul "
                f"{formats.jam(pd.Timestamp(info['waktu']))}",
                info["tempat"] or "–",
                info["pimpinan"] or "–",
                info["notulis"] or "–",
                ("Final" if final else "Draf")
                + (f", revisi ke-{int(info['revisi'])}" if info["revisi"] else ""),
            ],
        }
    ),
    hide_index=True,
)

unduh = st.columns(3)
unduh[0].download_button(
    "Notulen (PDF)",
    lambda: web.cached_read(svc.notulen)(akses, rapat_id, "pdf"),
    file_name=f"notulen-rapat-{rapat_id}.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    key="unduh_pdf",
)
unduh[1].download_button(
    "Notulen (DOCX)",
    lambda: web.cached_read(svc.notulen)(akses, rapat_id, "docx"),
    file_name=f"notulen-rapat-{rapat_id}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/description:",
    key="unduh_docx",
)
unduh[2].download_button(
    "Bahan rapat (PDF)",
    lambda: web.cached_read(svc.bahan_rapat_pdf)(
        akses, instansi_id, int(info["tahun"]), int(info["triwulan"])
    ),
    file_name=f"bahan-rapat-{int(info['tahun'])}-tw{int(info['triwulan'])}.pdf",
    mime="application/pdf",
    icon=":material/summarize:",
    key="unduh_bahan",
)

tab = st.tabs(["Peserta dan agenda", "Pembahasan", "Temuan dan tindak lanjut", "Revisi"])
with tab[0]:
    st.dataframe(
        d["peserta"][["nama", "jabatan", "unit"]].rename(
            columns={"nama": "Nama", "jabatan": "Jabatan", "unit": "Unit"}
        ),
        hide_index=True,
    )
    st.dataframe(
        pd.DataFrame(
            {
                "No": d["agenda"]["urutan"],
                "Agenda": d["agenda"]["uraian"],
                "Jenis": d["agenda"]["jenis"].map(agenda.JENIS_AGENDA),
                "Sumber": d["agenda"]["sumber"].map(
                    {"usulan": "Usulan dari data", "manual": "Tambahan"}
                ),
            }
        ),
        hide_index=True,
    )
with tab[1]:
    st.caption("Ringkasan pembahasan")
    st.text(info["ringkasan"] or "–")
    st.caption("Kesimpulan dan keputusan")
    st.text(info["kesimpulan"] or "–")
with tab[2]:
    tl = d["tindak_lanjut"]
    temuan = d["temuan"]
    if temuan.empty:
        st.info("Belum ada temuan.")
    else:
        gabung = temuan.merge(
            tl[["temuan_id", "uraian", "pic_unit", "batas_waktu", "status"]],
            left_on="id",
            right_on="temuan_id",
            how="left",
        )
        st.dataframe(
            pd.DataFrame(
                {
                    "Unit": gabung["unit"],
                    "Indikator": gabung["indikator_kode"].fillna("–"),
                    "Permasalahan": gabung["permasalahan"],
                    "Penyebab": gabung["penyebab"].fillna(""),
                    "Rekomendasi": gabung["rekomendasi"].fillna(""),
                    "Tindak lanjut": gabung["uraian"].fillna(""),
                    "PIC": gabung["pic_unit"].fillna(""),
                    "Batas waktu": gabung["batas_waktu"].map(
                        lambda b: formats.tanggal(pd.Timestamp(b).date()) if pd.notna(b) else "–"
                    ),
                    "Status": gabung["status"].fillna(""),
                }
            ),
            hide_index=True,
        )
with tab[3]:
    rev = d["revisi"]
    if rev.empty:
        st.caption("Belum ada revisi.")
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    "Revisi": rev["revisi"],
                    "Alasan": rev["alasan"],
                    "Oleh": rev["oleh"],
                    "Pada": rev["pada"].map(_waktu),
                }
            ),
            hide_index=True,
        )

if not boleh_ubah:
    st.stop()

st.divider()
alasan_label = "Alasan perubahan (wajib: notulen sudah final, perubahan menjadi revisi)"
if not final and st.button("Finalkan notulen", type="primary", key="finalkan"):
    web.tulis(
        svc.finalkan_rapat,
        akses,
        rapat_id,
        int(info["versi"]),
        sukses="Notulen final; perubahan berikutnya dicatat sebagai revisi.",
    )

with st.expander("Tambah temuan dan tindak lanjut", expanded=not final and temuan.empty):
    indikator = web.cached_read(svc_admin.daftar_indikator)(akses, instansi_id)
    nama_ind = {0: "— tanpa indikator —"} | {
        int(r.id): f"{r.kode} {r.nama}" for r in indikator.itertuples()
    }
    with st.form("temuan_baru"):
        a, b = st.columns(2)
        unit_id = a.selectbox("Unit", list(nama_unit), format_func=nama_unit.get, key="tm_unit")
        ind_id = b.selectbox(
            "Indikator (opsional)", list(nama_ind), format_func=nama_ind.get, key="tm_ind"
        )
        permasalahan = st.text_area("Permasalahan", key="tm_masalah")
        penyebab = st.text_area("Penyebab", key="tm_sebab")
        rekomendasi = st.text_area("Rekomendasi", key="tm_rekomendasi")
        st.markdown("**Tindak lanjut**")
        uraian = st.text_input("Uraian tindak lanjut", key="tl_uraian")
        a, b = st.columns(2)
        pic = a.selectbox(
            "Unit PIC",
            [0, *nama_unit],
            format_func=lambda i: "sama dengan unit temuan" if i == 0 else nama_unit[i],
            key="tl_pic",
        )
        batas = b.date_input(
            "Batas waktu",
            value=dt.date.today() + dt.timedelta(days=60),
            format="DD/MM/YYYY",
            key="tl_batas",
        )
        alasan = st.text_input(alasan_label, key="tm_alasan") if final else None
        if st.form_submit_button("Simpan temuan", type="primary"):
            web.tulis(
                svc.tambah_temuan,
                akses,
                rapat_id,
                {
                    "unit_id": unit_id,
                    "indikator_id": ind_id or None,
                    "permasalahan": permasalahan,
                    "penyebab": penyebab,
                    "rekomendasi": rekomendasi,
                },
                [{"uraian": uraian, "pic_unit_id": pic or unit_id, "batas_waktu": batas}],
                alasan,
                sukses="Temuan dan tindak lanjutnya tersimpan.",
            )

if not temuan.empty:
    with st.expander("Tindak lanjut tambahan atau hapus temuan"):
        nama_tm = {int(r.id): f"{r.unit}: {r.permasalahan[:70]}" for r in temuan.itertuples()}
        tid = st.selectbox("Temuan", list(nama_tm), format_func=nama_tm.get, key="tm_pilih")
        with st.form("tl_tambah"):
            uraian2 = st.text_input("Uraian tindak lanjut", key="tl2_uraian")
            a, b = st.columns(2)
            pic2 = a.selectbox(
                "Unit PIC", list(nama_unit), format_func=nama_unit.get, key="tl2_pic"
            )
            batas2 = b.date_input(
                "Batas waktu",
                value=dt.date.today() + dt.timedelta(days=60),
                format="DD/MM/YYYY",
                key="tl2_batas",
            )
            alasan2 = st.text_input(alasan_label, key="tl2_alasan") if final else None
            if st.form_submit_button("Tambah tindak lanjut"):
                web.tulis(
                    svc.tambah_tindak_lanjut,
                    akses,
                    tid,
                    {"uraian": uraian2, "pic_unit_id": pic2, "batas_waktu": batas2},
                    alasan2,
                    sukses="Tindak lanjut ditambahkan.",
                )
        alasan3 = st.text_input(alasan_label, key="hapus_alasan") if final else None
        if st.button("Hapus temuan ini beserta tindak lanjutnya", key="hapus_temuan"):
            web.tulis(svc.hapus_temuan, akses, tid, alasan3, sukses="Temuan dihapus.")

with st.expander("Ubah data rapat" + (" (revisi)" if final else "")), st.form("ubah_rapat"):
    isian = _isian({**info, "peserta": _peserta_teks(d["peserta"])}, f"ubah{rapat_id}")
    alasan4 = st.text_input(alasan_label, key="ubah_alasan") if final else None
    if st.form_submit_button("Simpan perubahan"):
        try:
            peserta = svc.baca_peserta(isian["peserta"], kode_unit)
        except ValueError as exc:
            st.error(str(exc), icon=":material/error:")
        else:
            web.tulis(
                svc.ubah_rapat,
                akses,
                rapat_id,
                int(info["versi"]),
                isian["data"],
                peserta,
                None,
                alasan4,
                sukses="Perubahan rapat tersimpan." + (" Revisi tercatat." if final else ""),
            )
