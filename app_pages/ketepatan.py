"""Ketepatan waktu SOP: real step times against the SOP's own mutu baku waktu."""

import pandas as pd
import streamlit as st

from dashboard import alur, charts, formats, ketepatan, web
from dashboard.akses import NAMA_PERAN
from dashboard.services import capaian as svc_capaian
from dashboard.services import pelaksanaan as svc
from dashboard.services import sop_registry
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Ketepatan waktu SOP")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
semua = web.cached_read(svc.catatan_langkah)(akses, instansi_id)
if semua.empty:
    st.info("Belum ada pelaksanaan SOP yang tercatat.")
    st.stop()
uraian = ketepatan.uraian_menit


def _label_run(r) -> str:
    """A run as people name it: unit (or the instansi's own run) and its quarter or year."""
    kapan = (
        f"Tahun {int(r.tahun)}"
        if pd.isna(r.triwulan)
        else f"TW {formats.ROMAWI[int(r.triwulan)]} {int(r.tahun)}"
    )
    return f"{r.unit if isinstance(r.unit, str) else 'Tingkat instansi'} · {kapan}"


# one spelling per actor (the SOP documents mix "BIDANG" and "Fungsional")
semua = semua.assign(pelaksana=semua["pelaksana"].map(ketepatan.nama_pelaksana))

a, b = st.columns(2)
sop_opsi = dict(zip(semua["kode"], semua["sop_nama"], strict=False))
kode = a.selectbox("SOP", list(sop_opsi), format_func=sop_opsi.get, key="ktp_sop")
tahun_opsi = ["Semua", *sorted(semua["tahun"].dropna().astype(int).unique(), reverse=True)]
tahun = b.selectbox(
    "Tahun",
    tahun_opsi,
    key="ktp_tahun",
    format_func=lambda t: t if t == "Semua" else formats.nama_tahun(t),
)
df = semua[semua["kode"] == kode]
if tahun != "Semua":
    df = df[df["tahun"] == tahun]
if df.empty:
    st.info("Tidak ada catatan langkah untuk pilihan ini.")
    st.stop()

df = df.assign(tepat=df["dalam_standar"].eq(True), lewat=df["dalam_standar"].eq(False))
dinilai = df["dalam_standar"].notna()
tepat = int(df["tepat"].sum())
with st.container(horizontal=True):
    st.metric("Catatan langkah", formats.angka(len(df), 0))
    st.metric(
        "Dalam standar", formats.persen(tepat / dinilai.sum() * 100 if dinilai.any() else None, 1)
    )
    st.metric("Melewati standar", formats.angka(int(dinilai.sum() - tepat), 0))
    st.metric("Total kelebihan", uraian(df["kelebihan_menit"].fillna(0).sum()))
    st.metric("Langkah diulang", formats.angka(int((df["ulang"] > 0).sum()), 0))

st.subheader("Per langkah")
langkah = ketepatan.per_langkah(df)
# the verdict columns right after the step, so they are in view at 1366 px; spreads follow
st.dataframe(
    pd.DataFrame(
        {
            "No": langkah["no"],
            "Aktivitas": langkah["aktivitas"],
            "Pelaksana": langkah["pelaksana"],
            "Standar": langkah["waktu"].fillna("tanpa standar"),
            "Dalam standar": langkah["persen_tepat"].map(lambda v: formats.persen(v, 1)),
            "Lewat": langkah["lewat"],
            "Median": langkah["median_menit"].map(uraian),
            "Total kelebihan": langkah["kelebihan_menit"].map(uraian),
            "Jumlah": langkah["jumlah"],
            "P90": langkah["p90_menit"].map(uraian),
            "Rata-rata tunggu": langkah["tunggu_rata_menit"].map(uraian),
            "Diulang": langkah["ulang"],
        }
    ),
    hide_index=True,
    column_config={
        "No": st.column_config.TextColumn(width=40),
        "Aktivitas": st.column_config.TextColumn(width=245),
        "Pelaksana": st.column_config.TextColumn(width=110),
        "Standar": st.column_config.TextColumn(width=90),
        "Dalam standar": st.column_config.TextColumn(width=105),
        "Lewat": st.column_config.NumberColumn(width=55),
        "Median": st.column_config.TextColumn(width=110),
        "Total kelebihan": st.column_config.TextColumn(width=130),
    },
)
st.caption(
    "Durasi dihitung dalam jam kerja menurut kalender kerja (hari kerja = 8,5 jam); "
    "tunggu = jam kerja antara langkah sebelumnya selesai dan langkah ini mulai."
)

kiri, kanan = st.columns(2)
with kiri:
    st.subheader("Hambatan terbesar: langkah")
    h = ketepatan.hambatan(df, "aktivitas").head(5)
    st.dataframe(
        h.assign(kelebihan_menit=h["kelebihan_menit"].map(uraian)).rename(
            columns={
                "aktivitas": "Langkah",
                "kelebihan_menit": "Total kelebihan",
                "lewat": "Lewat",
                "jumlah": "Jumlah",
            }
        ),
        hide_index=True,
    )
with kanan:
    st.subheader("Hambatan terbesar: pelaksana")
    h = ketepatan.hambatan(df, "pelaksana")
    st.dataframe(
        h.assign(kelebihan_menit=h["kelebihan_menit"].map(uraian)).rename(
            columns={
                "pelaksana": "Pelaksana",
                "kelebihan_menit": "Total kelebihan",
                "lewat": "Lewat",
                "jumlah": "Jumlah",
            }
        ),
        hide_index=True,
    )

# an annual procedure's runs (the LKj, Balangan's year) have no quarter: its trend is per year
tahunan = bool(df.loc[dinilai, "triwulan"].isna().all())
per_tw = (
    df[dinilai]
    .groupby(["tahun"] if tahunan else ["tahun", "triwulan"])
    .agg(persen_tepat=("tepat", lambda s: s.mean() * 100))
    .reset_index()
)
per_tw["periode"] = (
    [formats.nama_tahun(int(y)) for y in per_tw["tahun"]]
    if tahunan
    else [
        f"TW {formats.ROMAWI[int(t)]} {int(y)}"
        for y, t in zip(per_tw["tahun"], per_tw["triwulan"], strict=True)
    ]
)
st.plotly_chart(
    charts.tren_ketepatan(
        per_tw, "Tren ketepatan per tahun" if tahunan else "Tren ketepatan per triwulan"
    ),
    key="tren",
)

st.subheader("Per unit")
per_unit = (
    df[dinilai]
    .groupby("unit")
    .agg(
        jumlah=("durasi_menit", "size"),
        tepat=("tepat", lambda s: s.mean() * 100),
        lewat=("lewat", "sum"),
        kelebihan=("kelebihan_menit", "sum"),
    )
    .reset_index()
    .sort_values("kelebihan", ascending=False)
)
st.dataframe(
    per_unit.assign(
        tepat=per_unit["tepat"].map(lambda v: formats.persen(v, 1)),
        kelebihan=per_unit["kelebihan"].map(uraian),
    ).rename(
        columns={
            "unit": "Unit",
            "jumlah": "Catatan",
            "tepat": "Dalam standar",
            "lewat": "Lewat",
            "kelebihan": "Total kelebihan",
        }
    ),
    hide_index=True,
)

st.subheader("Pelaksanaan dan total waktunya")
runs = (
    df.groupby("run_id")
    .agg(
        tahun=("tahun", "first"),
        triwulan=("triwulan", "first"),
        unit=("unit", lambda s: ", ".join(sorted({u for u in s if isinstance(u, str)})) or None),
        mulai=("mulai", "min"),
        selesai=("selesai", "max"),
        langkah=("urutan", "nunique"),
        lewat=("lewat", "sum"),
    )
    .sort_values("mulai", ascending=False)
)  # the latest runs first
with web.cursor() as cur:
    jumlah_std = svc.standar_sop(cur, [int(i) for i in df["sop_id"].unique()])
    kal = sop_registry.kalender(cur)
sop_run = dict(zip(df["run_id"], df["sop_id"], strict=False))
runs["total"] = [kal.menit_kerja(a, b) for a, b in zip(runs["mulai"], runs["selesai"], strict=True)]
runs["standar"] = [jumlah_std.get(int(sop_run[i]), 0.0) for i in runs.index]
st.dataframe(
    pd.DataFrame(
        {
            "Pelaksanaan": [_label_run(r) for r in runs.itertuples()],
            "Langkah tercatat": runs["langkah"].to_numpy(),
            "Lewat standar": runs["lewat"].astype(int).to_numpy(),
            "Total waktu": runs["total"].map(uraian).to_numpy(),
            "Jumlah standar SOP": runs["standar"].map(uraian).to_numpy(),
            "Melebihi": (runs["total"] > runs["standar"])
            .map({True: "ya", False: "tidak"})
            .to_numpy(),
        }
    ),
    hide_index=True,
)
st.caption(
    "Total waktu = jam kerja dari langkah pertama mulai sampai langkah terakhir selesai; "
    "jumlah standar SOP = jumlah mutu baku waktu semua langkahnya (langkah tanpa standar "
    "tidak dihitung)."
)

st.subheader("Pelanggaran dan pelaksanaannya")
lewat = df[df["lewat"]].sort_values("kelebihan_menit", ascending=False)
if lewat.empty:
    st.success("Tidak ada langkah yang melewati standar.")
    st.stop()
st.dataframe(
    pd.DataFrame(
        {
            "Langkah": lewat["no"].astype(str) + ". " + lewat["aktivitas"].str.slice(0, 70),
            "Kelebihan": lewat["kelebihan_menit"].map(uraian),
            "Standar": lewat["waktu"],
            "Pelaksana": lewat["pelaksana"],
            "Oleh": lewat["oleh"].fillna("–"),
            "Unit": lewat["unit"].fillna("Tingkat instansi"),
        }
    ).head(200),
    hide_index=True,
    column_config={
        "Langkah": st.column_config.TextColumn(width=300),
        "Kelebihan": st.column_config.TextColumn(width=110),
        "Standar": st.column_config.TextColumn(width=90),
        "Oleh": st.column_config.TextColumn(width=90),
    },
)
label = {
    i: f"{_label_run(r)} · langkah {r.no}: lewat {uraian(r.kelebihan_menit)}"
    for i, r in lewat.head(200).iterrows()
}
pilih = st.selectbox("Pilih pelanggaran", list(label), format_func=label.get, key="ktp_lewat")
run_id = int(lewat.loc[pilih, "run_id"])
run = df[df["run_id"] == run_id]
total = ketepatan.per_run(run).iloc[0]
st.caption(
    f"Pelaksanaan #{run_id}: total {uraian(total['durasi_menit'])} terhadap jumlah standar "
    f"{uraian(total['standar_menit'])}; {int(total['lewat'])} langkah lewat standar."
)
st.plotly_chart(charts.linimasa_run(run, "Linimasa: aktual terhadap standar"), key="linimasa")
with web.cursor() as cur:
    ev = svc.event_run(cur, akses, run_id)
st.dataframe(
    pd.DataFrame(
        {
            "Waktu": ev["waktu"].map(formats.waktu),
            "Oleh": ev["pengguna"].fillna("–"),
            "Peran": ev["peran"].map(lambda p: NAMA_PERAN.get(p, p) if p else "–"),
            "Dari": ev["dari"].map(alur.label_status),
            "Ke": ev["ke"].map(alur.label_status),
            "Catatan": ev["catatan"].fillna(""),
        }
    ),
    hide_index=True,
)
