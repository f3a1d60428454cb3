"""Collection periods on screen: the next period the Pengelola Monev is offered to open, and what
Isi realisasi tells a unit whose period closed before it submitted (with the way to ask for a
reopen). Streamlit widgets here, the rules in dashboard/services/periode.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from dashboard import formats, web
from dashboard.akses import Akses
from dashboard.services import periode as svc


def usulan_periode_baru(
    ada: Iterable[tuple[int, int]], hari_ini: dt.date
) -> tuple[int, int, dt.date]:
    """(tahun, triwulan, tenggat) offered by "Buka periode baru": the quarter after the newest
    period (the agency's current quarter when there is none), so the default is never one that
    exists; the tenggat is the 15th of the month after that quarter, or two weeks from today
    when that date has passed."""
    ada = list(ada)
    if ada:
        tahun, triwulan = max(ada)
        tahun, triwulan = (tahun + 1, 1) if triwulan == 4 else (tahun, triwulan + 1)
    else:
        tahun, triwulan = hari_ini.year, (hari_ini.month - 1) // 3 + 1
    bulan = 3 * triwulan + 1
    tenggat = dt.date(tahun + 1, 1, 15) if bulan == 13 else dt.date(tahun, bulan, 15)
    return tahun, triwulan, max(tenggat, hari_ini + dt.timedelta(days=14))


def periode_ditutup(akses: Akses) -> None:
    """On Isi realisasi: each closed period the unit has not submitted, said plainly, with its
    reopen request (sent, waiting, or refused with the reason) or the form to send one."""
    if akses.unit_id is None or not akses.punya("staf_bidang"):
        return
    # no entered value: a draft save leaves it warm (docs/DOMAIN.md §13.6)
    daftar = web.safe(web.cached_read(svc.periode_ditutup_unit, isian=False))(akses, akses.unit_id)
    if daftar is None or daftar.empty:
        return
    for r in daftar.itertuples(index=False):
        nama = f"{formats.nama_triwulan(r.triwulan)} {formats.nama_tahun(r.tahun)}"
        keadaan = "masih berupa draf" if pd.notna(r.pengajuan_id) else "belum diisi"
        with st.container(border=True):
            st.warning(
                f"Periode **{nama}** sudah ditutup ({formats.waktu(r.ditutup_pada)}) sebelum "
                f"data unit Anda diajukan; data periode itu {keadaan} dan tidak dapat diubah "
                "lagi. Minta Pengelola Monev membukanya kembali untuk unit Anda.",
                icon=":material/lock_clock:",
            )
            if r.permintaan_status == "menunggu":
                st.info(
                    f"Permintaan dikirim {formats.waktu(r.permintaan_pada)}; menunggu jawaban "
                    "Pengelola Monev.",
                    icon=":material/hourglass_top:",
                )
                continue
            if r.permintaan_status == "ditolak":
                st.warning(
                    f"Permintaan sebelumnya ditolak: {formats.md_aman(r.permintaan_jawaban)}",
                    icon=":material/block:",
                )
            _form_permintaan(akses, int(r.id), nama)


def _form_permintaan(akses: Akses, periode_id: int, nama: str) -> None:
    alasan = st.text_area(
        f"Alasan meminta {nama} dibuka kembali",
        key=f"alasan_buka_{periode_id}",
        height=80,
        placeholder="mis. Data kunjungan September baru diterima dari UPT pada 20 Oktober.",
    )
    if st.button(
        "Minta dibuka kembali",
        key=f"minta_buka_{periode_id}",
        icon=":material/send:",
    ):
        web.tulis(
            svc.minta_buka_kembali,
            akses,
            periode_id,
            akses.unit_id,
            alasan,
            sukses="Permintaan dikirim ke Pengelola Monev; jawabannya tampil di halaman ini.",
        )
