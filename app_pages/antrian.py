"""Antrian review: what waits for me (Pengelola Monev, Sekretaris, Kadis), the review view,
approve or return with a reason, and bulk approve."""

import pandas as pd
import streamlit as st

from dashboard import alur, bukti, charts, formats, web
from dashboard.services import capaian as svc_capaian
from dashboard.services import realisasi as svc_realisasi
from dashboard.services import review as svc
from dashboard.ui import akses_halaman, nama_peran

akses = akses_halaman(__file__)
st.title("Antrian review")
antrian = web.cached_read(svc.antrian)(akses)
if antrian.empty:
    st.success("Tidak ada pengajuan yang menunggu Anda.", icon=":material/task_alt:")
    st.stop()

tabel = pd.DataFrame(
    {
        "id": antrian["id"],
        "Unit": antrian["unit"],
        "Periode": [
            f"{formats.nama_triwulan(t)} {formats.nama_tahun(y)}"
            for y, t in zip(antrian["tahun"], antrian["triwulan"], strict=True)
        ],
        "Status": antrian["status"].map(alur.LABEL_STATUS),
        "Menunggu sejak": antrian["status_sejak"].map(
            lambda w: f"{formats.tanggal(w.date())} {formats.jam(w)}"
        ),
        "Menunggu (hari)": antrian["menunggu_hari"].map(lambda x: formats.angka(x, 1)),
        "Terlambat": antrian["terlambat"].map({True: "Terlambat", False: ""}),
    }
)
pilihan = st.dataframe(
    tabel,
    hide_index=True,
    column_config={"id": None},
    on_select="rerun",
    selection_mode="multi-row",
    # keyed by the rows shown: once a bulk approval changes the queue, the old selection (row
    # positions into the old table) is dropped instead of pointing past the end or at other rows
    key=f"tabel_antrian_{hash(tuple(tabel['id']))}",
)
terpilih = [int(tabel.iloc[i]["id"]) for i in pilihan.selection.rows]
st.caption("Centang beberapa baris untuk menyetujui sekaligus.")
if len(terpilih) > 1 and st.button(
    f"Setujui {len(terpilih)} pengajuan", type="primary", key="setujui_massal"
):
    web.tulis(svc.proses_massal, akses, terpilih, sukses=lambda k: f"{k} pengajuan disetujui.")

label = {int(r.id): f"{r.Unit} · {r.Periode} · {r.Status}" for r in tabel.itertuples()}
pid = st.selectbox("Periksa pengajuan", list(label), format_func=label.get, key="periksa")
with web.cursor() as cur:
    d = web.safe(svc.detail)(cur, akses, pid)
if d is None:
    st.stop()
info, nilai = d["info"], d["nilai"]
skala = web.cached_read(svc_capaian.skala_instansi)(akses, int(info["instansi_id"]))
st.subheader(
    f"{formats.md_aman(info['unit_nama'])}: {formats.nama_triwulan(info['triwulan'])} "
    f"{formats.nama_tahun(info['tahun'])}"
)
st.caption(
    f"Status {alur.LABEL_STATUS[info['status']]} · diajukan oleh "
    f"{info['diajukan_oleh'] or '-'}" + (" · terlambat" if info["terlambat"] else "")
)
st.dataframe(
    pd.DataFrame(
        {
            "Kode": nilai["kode"],
            "Indikator": nilai["nama"],
            "Satuan": nilai["satuan"],
            "Target s.d. triwulan": nilai["target_sd"].map(formats.angka),
            "Realisasi s.d. triwulan": nilai["realisasi_sd"].map(formats.angka),
            "Capaian": nilai["capaian"].map(formats.persen),
            "Kategori": nilai["kategori"].fillna(nilai["status"]),
            "Catatan": nilai["catatan"].fillna(""),
            "Bukti": nilai["bukti"].map(bukti.label),
        }
    ).style.map(charts.gaya_kategori(skala), subset=["Kategori"]),
    hide_index=True,
)

berkas = nilai[nilai["bukti"] == bukti.LABEL_BERKAS]
if not berkas.empty:
    with st.expander(f"Berkas bukti dukung ({len(berkas)})"):

        def _unduh(indikator_id: int) -> bytes:
            """Looked up from the record (and the reviewer's right to read it) when clicked."""
            with web.cursor() as cur:
                hasil = svc_realisasi.berkas_bukti(
                    cur, akses, indikator_id, info["tahun"], info["triwulan"]
                )
            return b"" if hasil is None else hasil[1]

        for r in berkas.itertuples(index=False):
            st.download_button(
                f"{r.kode}: unduh {bukti.LABEL_BERKAS}",
                lambda ind=int(r.id): _unduh(ind),
                file_name=f"bukti_{r.kode}_TW{info['triwulan']}_{info['tahun']}.{r.bukti_jenis}",
                key=f"unduh_bukti_{r.id}",
                on_click="ignore",
            )

with st.expander("Riwayat pengajuan"):
    r = d["riwayat"]
    st.dataframe(
        pd.DataFrame(
            {
                "Waktu": r["waktu"].map(lambda w: f"{formats.tanggal(w.date())} {formats.jam(w)}"),
                "Oleh": r["pengguna"],
                "Peran": r["peran"].map(lambda p: nama_peran({p}) or "–"),
                "Dari": r["dari"].map(alur.LABEL_STATUS),
                "Ke": r["ke"].map(alur.LABEL_STATUS),
                "Catatan": r["catatan"].fillna(""),
            }
        ),
        hide_index=True,
    )

aksi = alur.PERAN_MENYETUJUI.get(info["status"])
kol = st.columns(2)
if aksi and kol[0].button(
    alur.LABEL_AKSI[aksi], type="primary", key="setujui", icon=":material/check:", width="stretch"
):
    web.tulis(
        svc.proses,
        akses,
        pid,
        "setujui",
        versi=info["versi"],  # as shown: a reviewer who acted meanwhile wins, this one is told
        sukses=lambda s: f"Pengajuan {alur.LABEL_STATUS[s].lower()}.",
    )
with kol[1].popover("Kembalikan", icon=":material/undo:", width="stretch"):
    alasan = st.text_area("Alasan pengembalian (wajib)", key="alasan_kembali")
    if st.button("Kembalikan pengajuan", key="kembalikan"):
        web.tulis(
            svc.proses,
            akses,
            pid,
            "kembalikan",
            alasan,
            versi=info["versi"],
            sukses="Pengajuan dikembalikan dengan alasan tercatat.",
        )
