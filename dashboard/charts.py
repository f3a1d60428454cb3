"""Plotly chart helpers: category colours and Indonesian number formats in one place."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import formats

# Category colours, used by every chart and table (red only for Rendah / Sangat Rendah).
WARNA_KATEGORI = {
    "Sangat Tinggi": "#1a7f37",
    "Tinggi": "#5cb85c",
    "Sedang": "#f0ad4e",
    "Rendah": "#e8590c",
    "Sangat Rendah": "#c92a2a",
    "Belum Diisi": "#adb5bd",
    "Belum Dapat Dinilai": "#74c0fc",
    "Tidak Ada Target": "#ced4da",
}


KATEGORI_GELAP = {"Sangat Tinggi", "Rendah", "Sangat Rendah"}  # white text on these


def gaya_kategori(nilai: str) -> str:
    """Table cell style for a category (pandas Styler.map)."""
    warna = WARNA_KATEGORI.get(nilai)
    teks = "white" if nilai in KATEGORI_GELAP else "#1f2933"
    return f"background-color: {warna}; color: {teks}" if warna else ""


def tata_letak(fig: go.Figure, judul: str | None = None, tinggi: int = 420) -> go.Figure:
    """Indonesian separators (decimal comma, thousands dot) and a quiet layout."""
    fig.update_layout(
        title=judul,
        separators=",.",
        height=tinggi,
        margin={"l": 10, "r": 10, "t": 50 if judul else 10, "b": 10},
        legend_title_text="",
        font={"family": "Source Sans Pro, sans-serif"},
    )
    return fig


def capaian_per_unit(df: pd.DataFrame, judul: str) -> go.Figure:
    """Horizontal bars of mean capaian per unit, coloured by category, with the 100 % line."""
    data = df.copy()
    data["label_kategori"] = data["kategori"].fillna("Belum Diisi")
    data = data.sort_values("capaian", ascending=True, na_position="first")
    fig = go.Figure()
    for kategori, g in data.groupby("label_kategori", sort=False):
        fig.add_bar(
            x=pd.to_numeric(g["capaian"]).fillna(0),
            y=g["unit"],
            orientation="h",
            name=kategori,
            marker_color=WARNA_KATEGORI.get(kategori, "#868e96"),
            text=[formats.persen(v) if pd.notna(v) else "Belum diisi" for v in g["capaian"]],
            textposition="auto",
            customdata=g[["jumlah_indikator", "dinilai"]].to_numpy(),
            hovertemplate="%{y}<br>Capaian %{x:,.2f}%<br>%{customdata[1]} dari "
            "%{customdata[0]} indikator dinilai<extra></extra>",
        )
    fig.add_vline(x=100, line_dash="dot", line_color="#495057")
    fig.update_xaxes(title="Capaian rata-rata (%)", ticksuffix="%")
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=list(data["unit"]))
    return tata_letak(fig, judul, tinggi=max(300, 60 * len(data) + 80))


def alur_sop(langkah: pd.DataFrame, pelaksana: list[str], judul: str) -> go.Figure:
    """Flow view: steps in order across the actors' lanes (a swimlane drawn with plotly)."""
    fig = go.Figure()
    lajur = {p: i for i, p in enumerate(pelaksana)}
    titik = []
    for k, r in enumerate(langkah.itertuples(index=False)):
        for p in r.pelaksana:
            if p in lajur:
                titik.append((k, lajur[p], r.no, r.aktivitas, r.waktu or "tanpa standar"))
    for a, b in zip(titik, titik[1:], strict=False):
        fig.add_annotation(
            x=b[0],
            y=b[1],
            ax=a[0],
            ay=a[1],
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1,
            arrowcolor="#868e96",
            opacity=0.7,
        )
    if titik:
        fig.add_scatter(
            x=[t[0] for t in titik],
            y=[t[1] for t in titik],
            mode="markers+text",
            text=[t[2] for t in titik],
            textfont={"color": "white"},
            marker={"size": 30, "color": "#0b5394", "symbol": "square"},
            customdata=[[t[3], t[4]] for t in titik],
            hovertemplate="Langkah %{text}<br>%{customdata[0]}<br>Waktu: %{customdata[1]}"
            "<extra></extra>",
            showlegend=False,
        )
    fig.update_yaxes(
        tickvals=list(lajur.values()), ticktext=list(lajur), autorange="reversed", title=None
    )
    fig.update_xaxes(visible=False)
    return tata_letak(fig, judul, tinggi=120 + 70 * len(pelaksana))


def linimasa_run(df: pd.DataFrame, judul: str) -> go.Figure:
    """One run: per step, the actual duration against the standard (working time)."""
    data = df.sort_values("mulai")
    label = [f"{n} · {a[:40]}" for n, a in zip(data["no"], data["aktivitas"], strict=True)]
    fig = go.Figure()
    fig.add_bar(
        y=label,
        x=data["standar_menit"].fillna(0) / 60,
        orientation="h",
        name="Standar",
        marker_color="#ced4da",
    )
    warna = [
        "#c92a2a" if v is False else "#1a7f37" if v is True else "#74c0fc"
        for v in data["dalam_standar"]
    ]
    fig.add_bar(
        y=label,
        x=data["durasi_menit"] / 60,
        orientation="h",
        name="Aktual",
        marker_color=warna,
        width=0.4,
        customdata=data[["waktu"]].to_numpy(),
        hovertemplate="%{y}<br>Aktual %{x:,.1f} jam<br>Standar: %{customdata[0]}<extra></extra>",
    )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title="Jam kerja", type="log")
    fig.update_yaxes(autorange="reversed", title=None)
    return tata_letak(fig, judul, tinggi=120 + 40 * len(data))


def tren_ketepatan(df: pd.DataFrame, judul: str) -> go.Figure:
    """Share of step records within standard per quarter."""
    fig = go.Figure()
    fig.add_scatter(
        x=df["periode"],
        y=df["persen_tepat"],
        mode="lines+markers+text",
        text=[f"{v:,.0f}%".replace(",", ".") for v in df["persen_tepat"]],
        textposition="top center",
        line={"color": "#0b5394"},
        hovertemplate="%{x}: %{y:,.1f}% tepat waktu<extra></extra>",
    )
    fig.update_yaxes(title="Langkah dalam standar (%)", range=[0, 105], ticksuffix="%")
    fig.update_xaxes(title=None)
    return tata_letak(fig, judul, tinggi=340)


def tindak_lanjut_per_unit(rekap: pd.DataFrame, judul: str) -> go.Figure:
    """Follow-ups per PIC unit, stacked: overdue (red), open within time, done."""
    data = rekap.sort_values(["terlambat", "terbuka"])
    fig = go.Figure()
    for nama, nilai, warna in (
        ("Lewat batas waktu", data["terlambat"], WARNA_KATEGORI["Sangat Rendah"]),
        ("Terbuka, belum lewat", data["terbuka"] - data["terlambat"], WARNA_KATEGORI["Sedang"]),
        ("Selesai", data["selesai"], WARNA_KATEGORI["Sangat Tinggi"]),
    ):
        fig.add_bar(
            x=nilai,
            y=data["pic_unit"],
            orientation="h",
            name=nama,
            marker_color=warna,
            hovertemplate="%{y}<br>" + nama + ": %{x:,.0f}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="Jumlah tindak lanjut", tickformat=",d")
    fig.update_yaxes(title=None)
    return tata_letak(fig, judul, tinggi=max(280, 50 * len(data) + 100))
