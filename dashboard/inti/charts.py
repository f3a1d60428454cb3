"""Plotly chart helpers: category colours and Indonesian number formats in one place."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit  # noqa: F401  (sets its chart theme as Plotly's default template, lightened below)

from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, formats
from dashboard.rapat import tindak_lanjut

# Colours of what is not a category (never red), and of the non-category charts. A category's
# colour is the instansi's own (dashboard/capaian/skala.py); nothing here knows a category's name.
WARNA_STATUS = {
    "Belum Diisi": "#adb5bd",
    "Belum Dapat Dinilai": "#74c0fc",
    "Tidak Ada Target": "#ced4da",
}
WARNA_LAIN = "#868e96"
MERAH, KUNING, HIJAU = "#c92a2a", "#f0ad4e", "#1a7f37"

# The trace types these charts draw: the default template keeps its per-type styling for these.
JENIS_JEJAK = ("bar", "scatter", "heatmap")
# Colour scales for continuous colour. No chart here colours by a number through the theme (the
# map of capaian sets its own scale), and they were five scales of ten [position, colour] pairs
# in every figure: half of a small figure's objects.
SKALA_WARNA = ("colorscale", "coloraxis")
TEMPLATE = "monev"


def _tanpa_skala(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in SKALA_WARNA}


def _template_ringan() -> None:
    """Plotly's default template (Streamlit's chart theme, which Streamlit sets when imported)
    without the styling of trace types no chart here draws and without colour scales no chart
    uses. Every figure carries its own copy of the template, and a figure is a cycle of parent
    links that only a full garbage collection frees; the Beranda builds its charts again after
    every save. A six-bar chart is 50 tracked objects and 0,6 kB of JSON instead of 109 and
    2,1 kB with the scales (docs/operasi.md, "Page runs leave no cycles" and "Smaller
    figures"). The theme's colour sequence (colorway) stays as it is."""
    dasar = pio.templates[pio.templates.default]
    data = {
        jenis: [ringan for d in daftar if len(ringan := _tanpa_skala(d)) > 1]  # more than "type"
        for jenis, daftar in dasar.data.to_plotly_json().items()
        if jenis in JENIS_JEJAK
    }
    pio.templates[TEMPLATE] = go.layout.Template(
        layout=_tanpa_skala(dasar.layout.to_plotly_json()),
        data={k: v for k, v in data.items() if v},
    )
    pio.templates.default = TEMPLATE


_template_ringan()


def warna_kategori(skala: Skala) -> dict[str, str]:
    """Name -> colour: the scale's bands (highest first), then the statuses."""
    return {**{b.nama: b.warna for b in skala.kategori}, **WARNA_STATUS}


def _gelap(warna: str) -> bool:
    """A dark fill (relative luminance below 0.3): white text on it."""
    kanal = [int(warna[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanal]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2] < 0.3


def gaya_kategori(skala: Skala) -> Callable[[object], str]:
    """Table cell style for a category of `skala` or a status (pandas Styler.map)."""
    return gaya_warna(warna_kategori(skala))


def gaya_warna(peta: dict[str, str]) -> Callable[[object], str]:
    """Table cell style from a name -> colour map (pandas Styler.map)."""

    def gaya(nilai: object) -> str:
        warna = peta.get(nilai) if isinstance(nilai, str) else None
        if not warna:
            return ""
        return f"background-color: {warna}; color: {'white' if _gelap(warna) else '#1f2933'}"

    return gaya


def _urutan(skala: Skala) -> dict[str, int]:
    """Legend rank: the bands highest first, then the statuses."""
    return {k: i for i, k in enumerate(warna_kategori(skala))}


def _tata(judul: str | None, tinggi: int, **lain: object) -> dict:
    """The layout every chart shares: Indonesian separators (decimal comma, thousands dot), a
    quiet frame, the title if any; `lain` adds or replaces keys."""
    return {
        "title": {"text": judul} if judul else None,
        "separators": ",.",
        "height": tinggi,
        "margin": {"l": 10, "r": 10, "t": 50 if judul else 10, "b": 10},
        "legend": {"title": {"text": ""}},
        "font": {"family": "Source Sans Pro, sans-serif"},
        **lain,
    }


def _figur(data: list[dict], layout: dict) -> go.Figure:
    """A figure built and validated once from plain dicts. Why not `add_bar` / `update_layout`
    and friends: each call validates again and resolves "magic underscore" paths, which made a
    six-bar chart cost 16 ms against 10 ms (the Beranda builds its charts after every save)."""
    return go.Figure(data=data, layout=layout)


def _garis_x(x: object, warna: str, **lain: object) -> dict:
    """A vertical dotted line across the plot at `x` (what `add_vline` draws)."""
    return {
        "type": "line",
        "xref": "x",
        "x0": x,
        "x1": x,
        "yref": "y domain",
        "y0": 0,
        "y1": 1,
        "line": {"color": warna, "dash": lain.pop("dash", "dot")},
        **lain,
    }


def tata_letak(fig: go.Figure, judul: str | None = None, tinggi: int = 420) -> go.Figure:
    """Indonesian separators (decimal comma, thousands dot) and a quiet layout."""
    fig.update_layout(_tata(judul, tinggi))
    return fig


def pendek(teks: str, batas: int) -> str:
    """`teks` cut to at most `batas` characters at a word boundary, with an ellipsis: a bar
    label never ends mid-word."""
    teks = " ".join(str(teks).split())
    if len(teks) <= batas:
        return teks
    potong = teks[: batas - 1]
    if teks[batas - 1] != " ":  # the cut falls inside a word: drop that word
        potong = potong.rsplit(" ", 1)[0]
    potong = potong.rstrip(" ,.;:-–")
    return (potong or teks[: batas - 1]) + "…"


def capaian_per_unit(
    df: pd.DataFrame, judul: str | None, skala: Skala, keadaan: dict | None = None
) -> go.Figure:
    """Horizontal bars of mean capaian per unit, coloured by the scale's categories (legend
    highest first), with the 100 % line; each bar labelled with the unit's submission state
    (`keadaan`: unit_id -> "Diajukan · Terlambat"). A unit with nothing assessed gets a thin
    grey bar so its label still shows. customdata[0] is the unit_id (a click opens the unit)."""
    data = df.copy()
    data["label_kategori"] = data["kategori"].fillna("Belum Diisi")
    data = data.sort_values("capaian", ascending=True, na_position="first")
    warna, urut = warna_kategori(skala), _urutan(skala)
    keadaan = keadaan or {}
    puncak = pd.to_numeric(data["capaian"], errors="coerce").max()
    atas = max(100.0, float(puncak) if pd.notna(puncak) else 100.0)
    data_bar = []
    for kategori, g in data.groupby("label_kategori", sort=False):
        nilai = pd.to_numeric(g["capaian"], errors="coerce")
        teks = [
            " · ".join(
                x
                for x in (
                    formats.persen(v) if pd.notna(v) else "Belum ada capaian",
                    keadaan.get(u, ""),
                )
                if x
            )
            for v, u in zip(g["capaian"], g["unit_id"], strict=True)
        ]
        data_bar.append(
            {
                "type": "bar",
                "x": nilai.fillna(atas * 0.01).tolist(),
                "y": g["unit"].tolist(),
                "orientation": "h",
                "name": kategori,
                "legendrank": urut.get(kategori, len(urut)),
                "marker": {"color": warna.get(kategori, WARNA_LAIN)},
                "text": teks,
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": list(
                    zip(
                        g["unit_id"].tolist(),
                        g["jumlah_indikator"].tolist(),
                        g["dinilai"].tolist(),
                        g["capaian"].map(formats.persen),
                        strict=True,
                    )
                ),
                "hovertemplate": "%{y}<br>Capaian %{customdata[3]}<br>%{customdata[2]} dari "
                "%{customdata[1]} indikator dinilai<br>%{text}<extra></extra>",
            }
        )
    layout = _tata(
        judul,
        max(170, 34 * len(data) + 80),
        shapes=[_garis_x(100, "#adb5bd", layer="below")],
        xaxis={"title": None, "ticksuffix": "%", "range": [0, atas * 1.45]},
        yaxis={"title": None, "categoryorder": "array", "categoryarray": list(data["unit"])},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        bargap=0.35,
        clickmode="event+select",
    )
    layout["margin"] = {"l": 10, "r": 10, "t": 30, "b": 10}
    return _figur(data_bar, layout)


def alur_sop(langkah: pd.DataFrame, pelaksana: list[str], judul: str) -> go.Figure:
    """Flow view: steps in order across the actors' lanes (a swimlane drawn with plotly)."""
    fig = go.Figure()
    lajur = {p: i for i, p in enumerate(pelaksana)}
    titik = []
    for k, r in enumerate(bingkai.baris(langkah)):
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
    fig.update_yaxes(
        title="Langkah dalam standar (%)", range=[0, 112], ticksuffix="%"
    )  # room for a 100% label
    fig.update_xaxes(title=None)
    return tata_letak(fig, judul, tinggi=340)


def unduh_png(nama: str) -> dict:
    """st.plotly_chart config: the modebar's camera button saves a PNG named after the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": nama, "scale": 2},
    }


def peta_capaian(df: pd.DataFrame, judul: str, skala: Skala) -> go.Figure:
    """Heat map of mean capaian per unit (rows) and quarter (columns), cells in the scale's
    category colours; a quarter without assessed indicators is grey (Belum Diisi), never red."""
    warna = warna_kategori(skala)
    urut = [*warna]
    kode = {k: i for i, k in enumerate(urut)}
    skala_warna = []
    for i, k in enumerate(urut):
        skala_warna += [[i / len(urut), warna[k]], [(i + 1) / len(urut), warna[k]]]
    unit = list(dict.fromkeys(df["unit"]))
    kolom = [formats.nama_triwulan(n) for n in range(1, 5)]
    z, teks, hover = [], [], []
    for u in unit:
        g = df[df["unit"] == u].set_index("triwulan")
        baris_z, baris_t, baris_h = [], [], []
        for n in range(1, 5):
            r = g.loc[n] if n in g.index else None
            kat = r["kategori"] if r is not None and pd.notna(r["kategori"]) else "Belum Diisi"
            baris_z.append(kode[kat] + 0.5)
            nilai = formats.persen(r["capaian"]) if r is not None else "–"
            baris_t.append(nilai)
            dinilai = f"{r['dinilai']} dari {r['indikator']}" if r is not None else "0"
            baris_h.append(
                f"{u}<br>{formats.nama_triwulan(n)}: {nilai} ({kat})<br>{dinilai} indikator dinilai"
            )
        z.append(baris_z)
        teks.append(baris_t)
        hover.append(baris_h)
    peta = {
        "type": "heatmap",
        "z": z,
        "x": kolom,
        "y": unit,
        "text": teks,
        "texttemplate": "%{text}",
        "hoverinfo": "skip",
        "colorscale": skala_warna,
        "zmin": 0,
        "zmax": len(urut),
        "showscale": False,
        "xgap": 3,
        "ygap": 3,
    }
    # a heatmap cell cannot be selected: a transparent square marker over each cell carries the
    # hover text and the click (x: the quarter, y: the unit)
    penanda = {
        "type": "scatter",
        "x": [k for _ in unit for k in kolom],
        "y": [u for u in unit for _ in kolom],
        "mode": "markers",
        "marker": {"symbol": "square", "size": 44, "opacity": 0},
        "customdata": [h for baris in hover for h in baris],
        "hovertemplate": "%{customdata}<extra></extra>",
        "showlegend": False,
    }
    layout = _tata(
        judul,
        max(260, 48 * len(unit) + 110),
        yaxis={"autorange": "reversed", "title": None},
        xaxis={"side": "top", "title": None},
        clickmode="event+select",
    )
    return _figur([peta, penanda], layout)


def _akhir_triwulan(tahun: int, n: int) -> pd.Timestamp:
    return pd.Timestamp(year=tahun, month=3 * n, day=1) + pd.offsets.MonthEnd(0)


def tren_indikator(
    nilai: pd.DataFrame, temuan: pd.DataFrame, satuan: str, judul: str, skala: Skala
) -> go.Figure:
    """An indicator across quarters and years: realisation bars coloured by the scale's
    category, the quarterly target as a line, and a marker at each monev meeting that found
    something on it."""
    warna = warna_kategori(skala)
    data = nilai.copy()
    data["x"] = [
        _akhir_triwulan(t, n) for t, n in zip(data["tahun"], data["triwulan"], strict=True)
    ]
    data["label"] = [
        f"{formats.nama_triwulan(n)} {t}"
        for t, n in zip(data["tahun"], data["triwulan"], strict=True)
    ]
    kat = [
        k if isinstance(k, str) else s
        for k, s in zip(data["kategori"], data["status"], strict=True)
    ]
    traces = [
        {
            "type": "bar",
            "x": data["x"].tolist(),
            "y": data["realisasi"].tolist(),
            "name": "Realisasi",
            "marker": {"color": [warna.get(k, WARNA_LAIN) for k in kat]},
            "customdata": list(
                zip(data["label"], kat, data["capaian"].map(formats.persen), strict=True)
            ),
            "hovertemplate": "%{customdata[0]}<br>Realisasi %{y:,.2f} "
            + satuan
            + "<br>Capaian %{customdata[2]} (%{customdata[1]})<extra></extra>",
            "width": 1000 * 3600 * 24 * 60,
        },
        {
            "type": "scatter",
            "x": data["x"].tolist(),
            "y": data["target"].tolist(),
            "name": "Target triwulan",
            "mode": "lines+markers",
            "line": {"color": "#212529", "dash": "dot"},
            "hovertemplate": "Target %{y:,.2f} " + satuan + "<extra></extra>",
        },
    ]
    garis = []
    if not temuan.empty:
        rapat = temuan.drop_duplicates("temuan_id")
        puncak = pd.to_numeric(data[["realisasi", "target"]].stack(), errors="coerce").max()
        traces.append(
            {
                "type": "scatter",
                "x": rapat["rapat_waktu"].tolist(),
                "y": [(puncak if pd.notna(puncak) else 1) * 1.08] * len(rapat),
                "name": "Temuan rapat monev",
                "mode": "markers",
                "marker": {"symbol": "triangle-down", "size": 14, "color": "#0b5394"},
                "customdata": list(
                    zip(
                        rapat["rapat_waktu"].map(formats.tanggal),
                        rapat["rapat"],
                        rapat["permasalahan"],
                        strict=True,
                    )
                ),
                "hovertemplate": "%{customdata[0]}: %{customdata[1]}<br>%{customdata[2]}"
                "<extra></extra>",
            }
        )
        garis = [_garis_x(w, "#0b5394", dash="dash", opacity=0.4) for w in rapat["rapat_waktu"]]
    # triwulan ticks (I..IV, the year under I): plotly's date ticks name months in English
    layout = _tata(
        judul,
        380,
        xaxis={
            "title": None,
            "tickvals": data["x"].tolist(),
            "ticktext": [
                formats.ROMAWI[n] + (f"<br>{t}" if n == 1 or i == 0 else "")
                for i, (t, n) in enumerate(zip(data["tahun"], data["triwulan"], strict=True))
            ],
            "tickangle": 0,
        },
        yaxis={"title": {"text": satuan}},
        legend={"orientation": "h", "y": -0.15, "title": {"text": ""}},
        shapes=garis,
    )
    return _figur(traces, layout)


def capaian_indikator(df: pd.DataFrame, judul: str, skala: Skala) -> go.Figure:
    """Target against realisation per indicator: capaian (realisation to date as a share of the
    to-date target) in the scale's category colours (legend highest first) with the 100 %
    line; hover shows both numbers; customdata[4] is the indicator id (a click opens it)."""
    warna, urut = warna_kategori(skala), _urutan(skala)
    data = df.copy()
    data["label_kategori"] = data["kategori"].fillna(data["status"])
    data["nama_pendek"] = data["kode"] + " " + data["nama"].map(lambda n: pendek(n, 45))
    data = data.sort_values("capaian", ascending=True, na_position="first")
    data_bar = [
        {
            "type": "bar",
            "x": pd.to_numeric(g["capaian"]).fillna(0).tolist(),
            "y": g["nama_pendek"].tolist(),
            "orientation": "h",
            "name": kategori,
            "legendrank": urut.get(kategori, len(urut)),
            "marker": {"color": warna.get(kategori, WARNA_LAIN)},
            "customdata": list(
                zip(
                    g["target_sd"].map(formats.angka),
                    g["realisasi_sd"].map(formats.angka),
                    g["satuan"],
                    g["capaian"].map(formats.persen),
                    g["id"].tolist(),
                    strict=True,
                )
            ),
            "hovertemplate": "%{y}<br>Capaian %{customdata[3]}<br>Realisasi %{customdata[1]} "
            "dari target %{customdata[0]} %{customdata[2]}<extra></extra>",
        }
        for kategori, g in data.groupby("label_kategori", sort=False)
    ]
    layout = _tata(
        judul,
        max(300, 22 * len(data) + 100),
        shapes=[_garis_x(100, "#495057")],
        xaxis={"title": {"text": "Capaian terhadap target s.d. triwulan (%)"}, "ticksuffix": "%"},
        yaxis={"title": None, "categoryorder": "array", "categoryarray": list(data["nama_pendek"])},
    )
    return _figur(data_bar, layout)


def progres_tahunan(
    nilai: pd.DataFrame,
    n: int,
    target_tahunan: float | None,
    proyeksi_akhir: float | None,
    satuan: str,
    judul: str,
) -> go.Figure:
    """Progres tahunan of one indicator in one year: the to-date realisation per quarter, the
    annual target, the projection to TW IV (dashed) and the path still needed (dotted)."""
    kolom = [formats.nama_triwulan(i) for i in range(1, 5)]
    data = nilai.set_index("triwulan")
    sd = [data.loc[i, "realisasi_sd"] if i <= n and i in data.index else None for i in range(1, 5)]
    data = [
        {
            "type": "bar",
            "x": kolom,
            "y": sd,
            "name": "Realisasi s.d. triwulan",
            "marker": {"color": "#0b5394"},
            "hovertemplate": "%{x}: %{y:,.2f} " + satuan + "<extra></extra>",
        }
    ]
    terakhir = next(
        (i for i in range(n, 0, -1) if sd[i - 1] is not None and pd.notna(sd[i - 1])), None
    )
    bentuk, catatan = [], []
    if target_tahunan is not None:  # what add_hline draws, with its note at the top left
        bentuk.append(
            {
                "type": "line",
                "xref": "x domain",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": target_tahunan,
                "y1": target_tahunan,
                "line": {"color": "#1a7f37", "dash": "solid"},
            }
        )
        catatan.append(
            {
                "text": f"Target tahunan {formats.angka(target_tahunan)}",
                "showarrow": False,
                "xref": "x domain",
                "x": 0,
                "xanchor": "left",
                "yref": "y",
                "y": target_tahunan,
                "yanchor": "bottom",
            }
        )
    if terakhir is not None and terakhir < 4:
        x = [kolom[terakhir - 1], kolom[3]]
        if proyeksi_akhir is not None:
            data.append(
                {
                    "type": "scatter",
                    "x": x,
                    "y": [sd[terakhir - 1], proyeksi_akhir],
                    "name": "Proyeksi akhir tahun",
                    "mode": "lines+markers",
                    "line": {"color": "#f0ad4e", "dash": "dash"},
                    "hovertemplate": "Proyeksi %{y:,.2f} " + satuan + "<extra></extra>",
                }
            )
        if target_tahunan is not None:
            data.append(
                {
                    "type": "scatter",
                    "x": x,
                    "y": [sd[terakhir - 1], target_tahunan],
                    "name": "Laju yang dibutuhkan",
                    "mode": "lines",
                    "line": {"color": "#1a7f37", "dash": "dot"},
                    "hoverinfo": "skip",
                }
            )
    layout = _tata(
        judul,
        360,
        yaxis={"title": {"text": satuan}},
        legend={"orientation": "h", "y": -0.15, "title": {"text": ""}},
        shapes=bentuk,
        annotations=catatan,
    )
    return _figur(data, layout)


def anggaran_kinerja(df: pd.DataFrame, judul: str) -> go.Figure:
    """Serapan anggaran against capaian kinerja per program/kegiatan, with indeks efisiensi."""
    data = df.iloc[::-1]
    label = [f"{k} {pendek(n, 45)}" for k, n in zip(data["kode"], data["nama"], strict=True)]
    fig = go.Figure()
    fig.add_bar(
        y=label,
        x=data["serapan"],
        orientation="h",
        name="Serapan anggaran",
        offsetgroup="serapan",
        marker_color="#adb5bd",
        hovertemplate="%{y}<br>Serapan %{x:,.2f}%<extra></extra>",
    )
    for nama, pilih, warna in (
        ("Capaian kinerja, efisien (IE ≥ 1)", data["efisien"].eq(True), "#1a7f37"),
        ("Capaian kinerja, belum efisien (IE < 1)", data["efisien"].eq(False), "#e8590c"),
        ("Capaian kinerja, IE tidak dapat dihitung", data["efisien"].isna(), "#74c0fc"),
    ):
        if not pilih.any():
            continue
        g = data[pilih.to_numpy()]
        fig.add_bar(
            y=[x for x, p in zip(label, pilih, strict=True) if p],
            x=g["capaian"],
            orientation="h",
            name=nama,
            offsetgroup="capaian",
            marker_color=warna,
            text=[f"IE {formats.angka(v)}" if pd.notna(v) else "" for v in g["indeks_efisiensi"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>Capaian %{x:,.2f}%<br>%{text}<extra></extra>",
        )
    fig.update_layout(barmode="group")
    puncak = pd.to_numeric(data[["serapan", "capaian"]].stack(), errors="coerce").max()
    fig.update_xaxes(
        title="%", ticksuffix="%", range=[0, (puncak if pd.notna(puncak) else 100) * 1.15]
    )
    fig.update_yaxes(title=None)
    return tata_letak(fig, judul, tinggi=max(320, 46 * len(data) + 100))


def tindak_lanjut_per_unit(rekap: pd.DataFrame, judul: str | None) -> go.Figure:
    """Follow-ups per PIC unit, stacked: overdue (red), open within time, done."""
    data = rekap.sort_values(["terlambat", "terbuka"])
    fig = go.Figure()
    for nama, nilai, warna in (
        ("Lewat batas waktu", data["terlambat"], MERAH),
        ("Terbuka, belum lewat", data["terbuka"] - data["terlambat"], KUNING),
        (tindak_lanjut.SELESAI, data["selesai"], HIJAU),
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
