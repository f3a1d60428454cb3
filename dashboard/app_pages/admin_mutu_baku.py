"""Admin: every parsed mutu baku waktu, with a hand-set value where the parser could not read it."""

import pandas as pd
import streamlit as st

from dashboard.inti import bingkai, formats, web
from dashboard.inti.ui import akses_halaman
from dashboard.sop import layanan_registri as svc

TANPA = "tanpa"  # no manual standard: a value of its own, since an empty cell reads "None"
NAMA_BASIS = {
    TANPA: "–",
    "menit_kerja": "Menit kerja",
    "hari_kerja": "Hari kerja",
    "hari_kalender": "Hari kalender",
}

akses = akses_halaman(globals())
st.title("Mutu baku waktu")
st.caption(
    "Teks waktu dari dokumen SOP, nilai yang terbaca parser, dan nilai manual (kolom ✎, diisi "
    "admin bila parser salah membaca). Teks tanpa "
    "standar (misalnya 'Sesuai jadwal yang telah ditentukan') tidak dihitung pelanggaran."
)
with web.cursor() as cur:
    df = svc.tinjau_mutu_baku(cur, akses)
if df.empty:
    st.info("Belum ada SOP di pustaka.")
    st.stop()
# One SOP at a time: without the SOP column every column, the parsed value and the manual
# ones included, is in view at 1366 px.
sop_opsi = dict(zip(df["sop_id"], df["nama"], strict=False))
sop_id = st.selectbox("SOP", list(sop_opsi), format_func=lambda k: sop_opsi[k], key="mutu_baku_sop")
tampil = df[df["sop_id"] == sop_id][
    [
        "sop_id",
        "urutan",
        "no",
        "aktivitas",
        "waktu",
        "terbaca",
        "manual_hari",
        "manual_menit",
        "manual_basis",
        "berlaku",
    ]
].assign(
    # empty cells as "", not a missing value, which the grid writes as the English "None"
    waktu=lambda d: d["waktu"].fillna("–"),
    manual_hari=lambda d: d["manual_hari"].map(lambda v: formats.angka(v, 4, kosong="")),
    manual_menit=lambda d: d["manual_menit"].map(lambda v: formats.angka(v, 4, kosong="")),
    manual_basis=lambda d: d["manual_basis"].fillna(TANPA),
)
hasil: pd.DataFrame = st.data_editor(
    tampil,
    hide_index=True,
    key=f"mutu_baku_editor_{sop_id}",
    disabled=["no", "aktivitas", "waktu", "terbaca", "berlaku"],
    column_config={
        "sop_id": None,
        "urutan": None,
        "no": st.column_config.TextColumn("No", width=40),
        "aktivitas": st.column_config.TextColumn("Aktivitas", width=210),
        "waktu": st.column_config.TextColumn("Teks waktu", width=140),
        "terbaca": st.column_config.TextColumn("Terbaca", width=120),
        "manual_hari": st.column_config.TextColumn(
            "Hari ✎", width=90, help="Angka, mis. 2 atau 0,5; kosongkan bila tidak ada"
        ),
        "manual_menit": st.column_config.TextColumn(
            "Menit ✎", width=95, help="Angka, mis. 30; kosongkan bila tidak ada"
        ),
        "manual_basis": st.column_config.SelectboxColumn(
            "Basis ✎",
            options=[TANPA, *svc.BASIS],
            format_func=lambda b: NAMA_BASIS.get(str(b), str(b)),  # the options are str
            width=110,
        ),
        "berlaku": st.column_config.TextColumn("Berlaku", width=110),
    },
)


def _sama(a, b) -> bool:
    return (a or "") == (b or "")  # an emptied cell comes back as None


def _angka(teks: str | None, label: str, no: str) -> float | None:
    """A typed manual value; a bad one names the step and the column."""
    try:
        return formats.parse_angka(teks)
    except ValueError as exc:
        raise ValueError(f"Langkah {no}, {label}: {exc}") from exc


if st.button("Simpan nilai manual", type="primary", key="simpan_manual"):
    berubah = [
        r
        for r, a in zip(bingkai.baris_dict(hasil), bingkai.baris_dict(tampil), strict=True)
        if not all(_sama(r[k], a[k]) for k in ("manual_hari", "manual_menit", "manual_basis"))
    ]

    try:  # every typed value read before anything is written
        baris = [
            (
                int(r["sop_id"]),
                int(r["urutan"]),
                _angka(r["manual_hari"], "Hari (manual)", r["no"]),
                _angka(r["manual_menit"], "Menit (manual)", r["no"]),
                None if r["manual_basis"] in (None, "", TANPA) else r["manual_basis"],
            )
            for r in berubah
        ]
    except ValueError as exc:
        st.error(formats.md_aman(exc), icon=":material/error:")
        st.stop()

    def _simpan_semua(cur, akses, rows):
        for b in rows:
            svc.atur_manual(cur, akses, *b)
        return len(rows)

    web.tulis(_simpan_semua, akses, baris, sukses=lambda n: f"{n} nilai manual disimpan.")
