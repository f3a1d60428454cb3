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
