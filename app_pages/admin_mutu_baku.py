"""Admin: every parsed mutu baku waktu, with a hand-set value where the parser could not read it."""

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.services import sop_registry as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
st.title("Mutu baku waktu")
st.caption(
    "Teks waktu dari dokumen SOP, nilai yang terbaca parser, dan nilai manual. Teks tanpa "
    "standar (misalnya 'Sesuai jadwal yang telah ditentukan') tidak dihitung pelanggaran."
)
with web.cursor() as cur:
    df = svc.tinjau_mutu_baku(cur, akses)
tampil = df[
    [
        "sop_id",
        "urutan",
        "nama",
        "no",
        "aktivitas",
        "waktu",
        "terbaca",
        "manual_hari",
        "manual_menit",
        "manual_basis",
        "berlaku",
    ]
]
hasil = st.data_editor(
    tampil,
    hide_index=True,
    key="mutu_baku_editor",
    disabled=["nama", "no", "aktivitas", "waktu", "terbaca", "berlaku"],
    column_config={
        "sop_id": None,
        "urutan": None,
        "nama": "SOP",
        "no": "No",
        "aktivitas": "Aktivitas",
        "waktu": "Teks waktu",
        "terbaca": "Terbaca",
        "manual_hari": st.column_config.NumberColumn("Hari (manual)", min_value=0),
        "manual_menit": st.column_config.NumberColumn("Menit (manual)", min_value=0),
        "manual_basis": st.column_config.SelectboxColumn("Basis (manual)", options=list(svc.BASIS)),
        "berlaku": "Berlaku",
    },
)


def _sama(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


if st.button("Simpan nilai manual", type="primary", key="simpan_manual"):
    berubah = [
        r
        for (_, r), (_, a) in zip(hasil.iterrows(), tampil.iterrows(), strict=True)
        if not all(_sama(r[k], a[k]) for k in ("manual_hari", "manual_menit", "manual_basis"))
    ]

    def _simpan_semua(cur, akses, rows):
        for r in rows:
            svc.atur_manual(
                cur,
                akses,
                int(r["sop_id"]),
                int(r["urutan"]),
                None if pd.isna(r["manual_hari"]) else float(r["manual_hari"]),
                None if pd.isna(r["manual_menit"]) else float(r["manual_menit"]),
                None if pd.isna(r["manual_basis"]) else r["manual_basis"],
            )
        return len(rows)

    web.tulis(_simpan_semua, akses, berubah, sukses=lambda n: f"{n} nilai manual disimpan.")
