"""Laporan page, Renja form E.81: the section where the admin or the Pengelola Monev sets the
form's two signers ("Disusun": Kepala Perangkat Daerah, "Dievaluasi": Kepala Bappeda). Other
roles read them. Streamlit widgets only; the rules are in dashboard/rencana/layanan_renja.py."""

from __future__ import annotations

import streamlit as st

from dashboard.akun.akses import Akses
from dashboard.inti import web
from dashboard.inti.dokumen import Penandatangan
from dashboard.rencana import layanan_renja as svc_renja

_BLOK = (
    ("disusun", "Disusun (Kepala Perangkat Daerah)"),
    ("dievaluasi", "Dievaluasi (Kepala Bappeda)"),
)


def pengaturan_penandatangan(akses: Akses, instansi_id: int) -> None:
    """An expander with both signers; a form to change them for those who may."""
    setelan = web.cached_read(svc_renja.penandatangan_instansi, isian=False)(akses, instansi_id)
    boleh = akses.punya(*svc_renja.PERAN_UBAH)
    with st.expander("Penanda tangan formulir evaluasi Renja"):
        st.caption(
            "Kosongkan untuk memakai kepala instansi yang tercatat (Disusun) dan jabatan "
            "Kepala Bappeda dengan nama dan NIP diisi tangan (Dievaluasi)."
        )
        if not boleh:
            for kunci, label in _BLOK:
                p = getattr(setelan, kunci)
                st.text(f"{label}: {p.nama or '–'} · NIP {p.nip or '–'} · {p.jabatan or '–'}")
            return
        with st.form("renja_ttd", border=False):
            data: dict = {}
            kolom = st.columns(2)
            for (kunci, label), kol in zip(_BLOK, kolom, strict=True):
                p = getattr(setelan, kunci)
                kol.markdown(f"**{label}**")
                data[kunci] = {
                    "jabatan": kol.text_input("Jabatan", p.jabatan, key=f"renja_{kunci}_jabatan"),
                    "nama": kol.text_input("Nama", p.nama, key=f"renja_{kunci}_nama"),
                    "nip": kol.text_input("NIP", p.nip, key=f"renja_{kunci}_nip"),
                }
            if st.form_submit_button("Simpan penanda tangan", icon=":material/save:"):
                web.tulis(
                    svc_renja.simpan_penandatangan,
                    akses,
                    instansi_id,
                    data,
                    sukses="Penanda tangan formulir evaluasi Renja disimpan.",
                )


def tanda_tangan(penandatangan: tuple[Penandatangan, ...]) -> None:
    """The signature blocks as the documents print them, side by side."""
    for p, kol in zip(penandatangan, st.columns(len(penandatangan)), strict=True):
        kol.text(f"{p.keterangan}\n{p.jabatan}\n\n{p.nama}\n{'NIP. ' + p.nip if p.nip else ''}")
