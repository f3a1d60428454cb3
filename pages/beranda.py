"""Beranda, the Kadis dashboard: how every unit is doing in a period and why, down to the source.

Filters live in the URL (bind="query-params": shareable, kept across page switches); each tab
runs only when open, and its own selections redraw only its fragment.
"""

import pandas as pd
import streamlit as st

from dashboard import charts, dokumen, formats, ketepatan, web
from dashboard.capaian import KATEGORI_URUT
from dashboard.proyeksi import NAMA_AGREGASI, STATUS_TERPISAH, hitung_kategori
from dashboard.proyeksi import persen_sesuai_target as sesuai_target
from dashboard.services import capaian as svc_capaian
from dashboard.services import dasbor as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
daftar_instansi = web.cached_read(svc_capaian.daftar_instansi)
periode_terakhir = web.cached_read(svc_capaian.periode_terakhir)
tahun_tersedia = web.cached_read(svc_capaian.tahun_tersedia)
daftar_unit = web.cached_read(svc.daftar_unit)
data_periode = web.cached_read(svc.data_periode)
pengajuan = web.cached_read(svc.pengajuan)
tindak_lanjut = web.cached_read(svc.tindak_lanjut_terbuka)
pelanggaran_sop = web.cached_read(svc.pelanggaran_sop)
anggaran = web.cached_read(svc.anggaran)
rincian = web.cached_read(svc.rincian)
perbandingan = web.cached_read(svc.perbandingan_instansi)


def tabel(df: pd.DataFrame, nama: str, judul: str, gaya: bool = False) -> None:
    """A table (category cells coloured when `gaya`) with its Excel and CSV downloads, built
    only when clicked."""
    tampil = df.style.map(charts.gaya_kategori, subset=["Kategori"]) if gaya else df
    st.dataframe(tampil, hide_index=True)
    with st.container(horizontal=True):
        st.download_button(
            "Unduh Excel",
            lambda: dokumen.excel_tabel(df, nama, judul=[judul]),
            file_name=f"{nama}.xlsx",
            icon=":material/table_view:",
            on_click="ignore",
            key=f"xlsx_{nama}",
        )
        st.download_button(
            "Unduh CSV",
            lambda: dokumen.csv_bytes(df),
            file_name=f"{nama}.csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"csv_{nama}",
        )


def grafik(fig, nama: str) -> None:
    st.plotly_chart(fig, key=f"grafik_{nama}", config=charts.unduh_png(nama))


st.title("Beranda")
instansi = daftar_instansi(akses)
if instansi.empty:
    st.info(
        "Belum ada data instansi. Jalankan `python -m dashboard init --demo` atau tambahkan "
        "instansi melalui halaman admin."
    )
    st.stop()

# ---------------------------------------------------------------- filters (in the URL)
kolom = st.columns([3, 1, 1, 2], vertical_alignment="bottom")
nama_instansi = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
if len(instansi) > 1:
    instansi_id = kolom[0].selectbox(
        "Instansi",
        list(nama_instansi),
        format_func=nama_instansi.get,
        key="instansi",
        bind="query-params",
    )
else:
    instansi_id = int(instansi["id"].iloc[0])
    kolom[0].text(nama_instansi[instansi_id])
terakhir = periode_terakhir(akses, instansi_id)
tahun_list = tahun_tersedia(akses, instansi_id)
if not tahun_list:
    st.info("Instansi ini belum memiliki target kinerja.")
    st.stop()
tahun_awal = terakhir[0] if terakhir else tahun_list[0]
tahun = kolom[1].selectbox(
    "Tahun",
    tahun_list,
    index=tahun_list.index(tahun_awal),
    format_func=formats.nama_tahun,
    key="tahun",
    bind="query-params",
)
tw_awal = terakhir[1] if terakhir and terakhir[0] == tahun else 4
triwulan = kolom[2].selectbox(
    "Triwulan",
    [1, 2, 3, 4],
    index=tw_awal - 1,
    format_func=formats.nama_triwulan,
    key="tw",
    bind="query-params",
)
unit_df = daftar_unit(akses, instansi_id)
nama_unit = dict(zip(unit_df["id"].astype(int), unit_df["nama"], strict=True))
if akses.seluruh_instansi:
    unit_id = (
        kolom[3].selectbox(
            "Unit",
            [0, *nama_unit],
            format_func=lambda u: nama_unit.get(u, "Semua unit"),
            key="unit",
            bind="query-params",
        )
        or None
    )
else:  # a staf_bidang: the same dashboard, its own unit only (the services enforce it)
    unit_id = None
    kolom[3].text(" · ".join(nama_unit.values()))
tahun, triwulan = int(tahun), int(triwulan)
periode = f"{formats.nama_triwulan(triwulan)} {formats.nama_tahun(tahun)}"
berkas = f"{tahun}_tw{triwulan}"

data = web.safe(data_periode)(akses, instansi_id, tahun, triwulan, unit_id)
if data is None:
    st.stop()
ind = data.indikator
if ind.empty:
    st.info("Tidak ada indikator untuk periode ini.")
    st.stop()

BAGIAN = ["Ringkasan", "Indikator", "Perlu perhatian", "Anggaran"]
if akses.instansi_id is None and len(instansi) > 1:
    BAGIAN.append("Antar instansi")
tab = dict(zip(BAGIAN, st.tabs(BAGIAN, key="bagian", on_change="rerun"), strict=True))


# ---------------------------------------------------------------- Ringkasan
@st.fragment
def ringkasan() -> None:
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    tl = tindak_lanjut(akses, instansi_id, unit_id)
    sop = pelanggaran_sop(akses, instansi_id, tahun, triwulan, unit_id)
    hitung = hitung_kategori(list(ind["status"]), list(ind["kategori"]))
    st.caption(f"{periode}: {formats.angka(len(ind), 0)} indikator")
    with st.container(horizontal=True):
        for k in KATEGORI_URUT:
            st.metric(k, formats.angka(hitung[k], 0))
    with st.container(horizontal=True):
        for k in STATUS_TERPISAH:
            st.metric(k, formats.angka(hitung[k], 0), help="Dihitung terpisah, tidak dinilai.")
        st.metric("Sesuai target", formats.persen(sesuai_target(list(ind["capaian"])), 1))
        st.metric("Pengajuan lengkap", f"{int(kirim['lengkap'].sum())} dari {len(kirim)}")
        st.metric("Tepat waktu", formats.angka((kirim["pengiriman"] == "Tepat waktu").sum(), 0))
        st.metric("Terlambat", formats.angka((kirim["pengiriman"] == "Terlambat").sum(), 0))
        st.metric("Tindak lanjut terbuka", formats.angka(len(tl), 0))
        st.metric("Lewat batas waktu", formats.angka(int(tl["terlambat"].sum()), 0))
        st.metric("Pelanggaran SOP", formats.angka(len(sop), 0))

    daftar = st.segmented_control(
        "Buka daftar di balik angka",
        ["Indikator per kategori", "Pengajuan per unit", "Tindak lanjut", "Pelanggaran SOP"],
        key="daftar",
    )
    if daftar == "Indikator per kategori":
        pilihan = st.pills(
            "Kategori",
            [*KATEGORI_URUT, *STATUS_TERPISAH],
            key="daftar_kategori",
            default="Sangat Rendah",
        )
        label = (
            ind["kategori"]
            .fillna(ind["status"])
            .replace({"Tidak Ada Target": "Belum Dapat Dinilai"})
        )
        df = ind[label == pilihan]
        tabel(
            pd.DataFrame(
                {
                    "Kode": df["kode"],
                    "Indikator": df["nama"],
                    "Unit": df["unit_nama"],
                    "Target s.d.": df["target_sd"].map(formats.angka),
                    "Realisasi s.d.": df["realisasi_sd"].map(formats.angka),
                    "Capaian": df["capaian"].map(formats.persen),
                    "Catatan": df["catatan"],
                }
            ),
            f"indikator_{pilihan}_{berkas}".replace(" ", "_").lower(),
            f"Indikator {pilihan}, {periode}",
        )
    elif daftar == "Pengajuan per unit":
        tabel(
            pd.DataFrame(
                {
                    "Unit": kirim["unit"],
                    "Status": kirim["status"].str.capitalize(),
                    "Pengiriman": kirim["pengiriman"],
                    "Diajukan": kirim["diajukan_pada"].map(
                        lambda w: "–" if pd.isna(w) else f"{formats.tanggal(w)} {formats.jam(w)}"
                    ),
                    "Tenggat": kirim["tenggat"].map(
                        lambda d: "–" if pd.isna(d) else formats.tanggal(d)
                    ),
                    "Terisi": kirim["terisi"].astype(str)
                    + " dari "
                    + kirim["indikator"].astype(str),
                    "Lengkap": kirim["lengkap"].map({True: "Ya", False: "Belum"}),
                }
            ),
            f"pengajuan_{berkas}",
            f"Pengajuan per unit, {periode}",
        )
    elif daftar == "Tindak lanjut":
        tabel(
            pd.DataFrame(
                {
                    "Tindak lanjut": tl["uraian"],
                    "PIC": tl["pic_unit"],
                    "Batas waktu": tl["batas_waktu"].map(formats.tanggal),
                    "Status": tl["status"],
                    "Lewat batas": tl["terlambat"].map({True: "Ya", False: ""}),
                    "Temuan": tl["permasalahan"],
                    "Indikator": tl["indikator_kode"],
                    "Rapat": tl["rapat"],
                    "Progres": tl["catatan_progres"],
                }
            ),
            "tindak_lanjut_terbuka",
            "Tindak lanjut terbuka",
        )
    elif daftar == "Pelanggaran SOP":
        if sop.empty:
            st.info("Tidak ada langkah SOP yang melewati standar pada periode ini.")
        else:
            tabel(
                pd.DataFrame(
                    {
                        "Unit": sop["unit"],
                        "SOP": sop["sop_nama"],
                        "Langkah": sop["no"] + " · " + sop["aktivitas"],
                        "Standar": sop["waktu"],
                        "Durasi": sop["durasi_menit"].map(ketepatan.uraian_menit),
                        "Kelebihan": sop["kelebihan_menit"].map(ketepatan.uraian_menit),
                        "Selesai": sop["selesai"].map(formats.tanggal),
                    }
                ),
                f"pelanggaran_sop_{berkas}",
                f"Pelanggaran SOP, {periode}",
            )

    per_unit = data.per_unit
    st.subheader("Capaian per unit")
    tabel_unit = per_unit.assign(
        Capaian=per_unit["capaian"].map(formats.persen),
        Kategori=per_unit["kategori"].fillna("Belum Dapat Dinilai"),
    )[
        [
            "unit",
            "jumlah_indikator",
            "dinilai",
            "Capaian",
            "Kategori",
            *KATEGORI_URUT,
            "Belum Diisi",
            "Belum Dapat Dinilai",
        ]
    ].rename(columns={"unit": "Unit", "jumlah_indikator": "Indikator", "dinilai": "Dinilai"})
    tabel(tabel_unit, f"capaian_unit_{berkas}", f"Capaian per unit, {periode}", gaya=True)
    grafik(
        charts.peta_capaian(
            data.peta, f"Capaian per unit per triwulan, {formats.nama_tahun(tahun)}"
        ),
        f"peta_capaian_{tahun}",
    )
    st.caption(
        "Capaian rata-rata hanya dari indikator yang dapat dinilai. Indikator Belum Diisi "
        "dan Belum Dapat Dinilai dihitung terpisah dan tidak pernah dianggap merah."
    )


if tab["Ringkasan"].open is not False:
    with tab["Ringkasan"]:
        ringkasan()


# ---------------------------------------------------------------- Indikator: charts, drill-down
@st.fragment
def indikator() -> None:
    judul_ind = f"Target dan realisasi per indikator, {periode}"
    grafik(charts.capaian_indikator(ind, judul_ind), f"capaian_indikator_{berkas}")
    label = dict(zip(ind["id"].astype(int), ind["kode"] + " · " + ind["nama"], strict=True))
    a, b = st.columns([3, 1])
    ind_id = a.selectbox("Indikator", list(label), format_func=label.get, key="ind")
    tw = b.selectbox(
        "Triwulan rincian",
        [1, 2, 3, 4],
        index=triwulan - 1,
        format_func=formats.nama_triwulan,
        key="ind_tw",
    )
    r = web.safe(rincian)(akses, int(ind_id), tahun, int(tw))
    if r is None:
        return
    info = r.tren.info
    satuan = str(info["satuan"])
    baris = ind[ind["id"] == ind_id].iloc[0]
    kiri, kanan = st.columns(2)
    with kiri:
        grafik(
            charts.tren_indikator(r.tren.nilai, r.tren.temuan, satuan, f"Tren {info['kode']}"),
            f"tren_{info['kode']}",
        )
    with kanan:
        tahun_ini = r.tren.nilai[r.tren.nilai["tahun"] == tahun]
        grafik(
            charts.progres_tahunan(
                tahun_ini,
                triwulan,
                svc_capaian.angka_atau_none(baris["t0"]),
                svc_capaian.angka_atau_none(baris["proyeksi_realisasi"]),
                satuan,
                f"Progres tahunan {info['kode']}, {formats.nama_tahun(tahun)}",
            ),
            f"progres_{info['kode']}_{tahun}",
        )
    with st.container(horizontal=True):
        st.metric("Progres tahunan", formats.persen(baris["progres_tahunan"]))
        st.metric("Proyeksi capaian akhir tahun", formats.persen(baris["proyeksi_capaian"]))
        st.metric(
            f"Laju dibutuhkan ({baris['arti_laju']})",
            formats.angka(baris["laju"]) + ("" if pd.isna(baris["laju"]) else f" {satuan}"),
        )
    st.caption(
        "Proyeksi: SUM meneruskan rata-rata triwulan yang sudah terisi; LAST dan MAX meneruskan "
        "garis lurus triwulan terisi; AVG mempertahankan rata-ratanya. Laju: yang masih "
        "dibutuhkan tiap triwulan tersisa agar target tahunan tercapai."
    )

    st.subheader(f"Rincian {formats.nama_triwulan(int(tw))} {formats.nama_tahun(tahun)}")
    st.text(f"{info['kode']} · {info['nama']} ({info['unit_nama']})")
    h = r.hasil
    rinci = f"{info['kode']}_{tahun}_tw{int(tw)}"
    judul_rinci = f"{info['kode']} {formats.nama_triwulan(int(tw))} {formats.nama_tahun(tahun)}"
    tabel(
        pd.DataFrame(
            {
                "Aspek": [
                    "Polaritas",
                    "Cara agregasi",
                    "Rumus negatif",
                    "Satuan",
                    "Definisi / rumus",
                    "Sumber data",
                    "Target s.d. triwulan",
                    "Realisasi s.d. triwulan",
                    "Capaian",
                    "Kategori / status",
                    "Perhitungan",
                ],
                "Nilai": [
                    str(info["polaritas"]),
                    NAMA_AGREGASI.get(str(info["cara_agregasi"]), str(info["cara_agregasi"])),
                    str(info["rumus_negatif"]) if info["polaritas"] == "negatif" else "–",
                    satuan,
                    formats.teks(info["definisi"]) or "–",
                    formats.teks(info["sumber_data"]) or "–",
                    formats.angka(h.get("target_sd")),
                    formats.angka(h.get("realisasi_sd")),
                    formats.persen(h.get("capaian")),
                    h.get("kategori") or h.get("status") or "–",
                    r.perhitungan,
                ],
            }
        ),
        f"perhitungan_{rinci}",
        f"Perhitungan capaian {judul_rinci}",
    )
    st.markdown("**Nilai, catatan dan bukti dukung tahun ini**")
    tabel(
        pd.DataFrame(
            {
                "Triwulan": r.entri["triwulan"].map(formats.nama_triwulan),
                "Realisasi": r.entri["nilai"].map(formats.angka),
                "Catatan": r.entri["catatan"],
                "Bukti dukung": r.entri["bukti"],
                "Diubah oleh": r.entri["diubah_oleh"],
            }
        ),
        f"nilai_{info['kode']}_{tahun}",
        f"{info['kode']} {formats.nama_tahun(tahun)}",
    )
    c1, c2 = st.columns(2)
    with c1:
        st.markdown("**Peristiwa review pengajuan unit**")
        if r.event.empty:
            st.caption("Belum ada peristiwa review untuk periode ini.")
        else:
            tabel(
                r.event.assign(
                    waktu=r.event["waktu"].map(lambda w: f"{formats.tanggal(w)} {formats.jam(w)}")
                ).rename(
                    columns={
                        "waktu": "Waktu",
                        "pengguna": "Pengguna",
                        "peran": "Peran",
                        "jenis": "Jenis",
                        "dari": "Dari",
                        "ke": "Ke",
                        "catatan": "Catatan",
                    }
                ),
                f"review_{rinci}",
                f"Peristiwa review {judul_rinci}",
            )
    with c2:
        st.markdown("**Riwayat nilai**")
        if r.riwayat.empty:
            st.caption("Nilai triwulan ini belum pernah diubah.")
        else:
            tabel(
                pd.DataFrame(
                    {
                        "Waktu": r.riwayat["pada"].map(formats.tanggal),
                        "Oleh": r.riwayat["oleh"],
                        "Sumber": r.riwayat["sumber"],
                        "Lama": r.riwayat["nilai_lama"].map(formats.angka),
                        "Baru": r.riwayat["nilai_baru"].map(formats.angka),
                        "Catatan": r.riwayat["catatan"],
                    }
                ),
                f"riwayat_{rinci}",
                f"Riwayat nilai {judul_rinci}",
            )
    st.markdown("**Temuan monev atas indikator ini**")
    if r.tren.temuan.empty:
        st.caption("Belum ada temuan rapat monev atas indikator ini.")
    else:
        t = r.tren.temuan
        tabel(
            pd.DataFrame(
                {
                    "Rapat": t["rapat"],
                    "Tanggal": t["rapat_waktu"].map(formats.tanggal),
                    "Permasalahan": t["permasalahan"],
                    "Penyebab": t["penyebab"],
                    "Rekomendasi": t["rekomendasi"],
                    "Tindak lanjut": t["tindak_lanjut"],
                    "Batas waktu": t["batas_waktu"].map(
                        lambda d: "–" if pd.isna(d) else formats.tanggal(d)
                    ),
                    "Status": t["status_tindak_lanjut"],
                }
            ),
            f"temuan_{info['kode']}",
            f"Temuan monev {info['kode']}",
        )

    st.subheader("Semua indikator: progres dan proyeksi")
    tabel(
        pd.DataFrame(
            {
                "Kode": ind["kode"],
                "Indikator": ind["nama"],
                "Unit": ind["unit_nama"],
                "Satuan": ind["satuan"],
                "Target tahunan": ind["t0"].map(formats.angka),
                "Realisasi s.d.": ind["realisasi_sd"].map(formats.angka),
                "Capaian": ind["capaian"].map(formats.persen),
                "Kategori": ind["kategori"].fillna(ind["status"]),
                "Progres tahunan": ind["progres_tahunan"].map(formats.persen),
                "Proyeksi akhir tahun": ind["proyeksi_capaian"].map(formats.persen),
                "Laju dibutuhkan": ind["laju"].map(formats.angka) + " " + ind["arti_laju"],
            }
        ),
        f"indikator_{berkas}",
        f"Indikator, {periode}",
        gaya=True,
    )


if tab["Indikator"].open:
    with tab["Indikator"]:
        indikator()


# ---------------------------------------------------------------- Perlu perhatian
@st.fragment
def perhatian() -> None:
    w = svc.perlu_perhatian(ind, tindak_lanjut(akses, instansi_id, unit_id))
    if w.empty:
        st.success("Tidak ada indikator yang perlu perhatian pada periode ini.")
        return
    st.caption(
        f"{formats.angka(len(w), 0)} indikator Rendah / Sangat Rendah atau dengan proyeksi "
        f"akhir tahun di bawah target; {int((w['tanpa'] != '').sum())} tanpa catatan atau "
        "tindak lanjut (kolom Belum ada)."
    )
    tabel(
        pd.DataFrame(
            {
                "Kode": w["kode"],
                "Indikator": w["nama"],
                "Unit": w["unit_nama"],
                "Capaian": w["capaian"].map(formats.persen),
                "Kategori": w["kategori"].fillna(w["status"]),
                "Alasan": w["alasan"],
                "Proyeksi akhir tahun": w["proyeksi_capaian"].map(formats.persen),
                "Catatan unit": w["catatan"],
                "Tindak lanjut terbuka": w["tindak_lanjut"],
                "Belum ada": w["tanpa"],
            }
        ),
        f"perlu_perhatian_{berkas}",
        f"Perlu perhatian, {periode}",
        gaya=True,
    )


if tab["Perlu perhatian"].open:
    with tab["Perlu perhatian"]:
        perhatian()


# ---------------------------------------------------------------- Anggaran
@st.fragment
def bagian_anggaran() -> None:
    ang = anggaran(akses, instansi_id, tahun, triwulan, unit_id)
    if ang.empty:
        st.info("Belum ada anggaran untuk tahun ini.")
        return
    grafik(
        charts.anggaran_kinerja(ang, f"Serapan anggaran dan capaian kinerja, {periode}"),
        f"anggaran_{berkas}",
    )
    tabel(
        pd.DataFrame(
            {
                "Tingkat": ang["tingkat"],
                "Kode": ang["kode"],
                "Program / kegiatan": ang["nama"],
                "Pagu": ang["pagu"],
                "Realisasi": ang["realisasi"],
                "Serapan (%)": ang["serapan"].round(2),
                "Capaian kinerja (%)": ang["capaian"].round(2),
                "Indeks efisiensi": ang["indeks_efisiensi"].round(2),
                "Efisien": ang["efisien"].map({True: "Ya", False: "Tidak"}),
            }
        ),
        f"anggaran_{berkas}",
        f"Serapan anggaran dan capaian kinerja, {periode}",
    )
    st.caption(
        "Serapan = realisasi s.d. triwulan / pagu tahunan; capaian kinerja = rata-rata progres "
        "tahunan indikator program/kegiatan; indeks efisiensi = capaian / serapan (efisien "
        "bila >= 1)."
    )


if tab["Anggaran"].open:
    with tab["Anggaran"]:
        bagian_anggaran()


# ---------------------------------------------------------------- Antar instansi
@st.fragment
def antar_instansi() -> None:
    df = web.safe(perbandingan)(akses, tahun, triwulan)
    if df is None:
        return
    tabel(
        pd.DataFrame(
            {
                "Pemda": df["pemda"],
                "Instansi": df["nama"],
                "Indikator dinilai": df["dinilai"],
                "Capaian": df["capaian"].round(2),
                "Kategori": df["kategori"].fillna("Belum Diisi"),
                "Pengajuan tepat waktu (%)": df["persen_tepat_waktu"].round(1),
                "Kepatuhan SOP (%)": df["persen_sop"].round(1),
            }
        ),
        f"antar_instansi_{berkas}",
        f"Perbandingan antar instansi, {periode}",
        gaya=True,
    )
    st.caption(
        "Kepatuhan SOP dihitung per hari kerja (standar di bawah satu hari: selesai pada hari "
        "kerja yang sama); rincian menit kerja ada di halaman Ketepatan waktu SOP."
    )


if "Antar instansi" in tab and tab["Antar instansi"].open:
    with tab["Antar instansi"]:
        antar_instansi()
