"""Admin: where email goes (SMTP settings, never the password), the outbox with its failures,
and "Kirim sekarang": the reminders due now and the outbox, what the scheduled command does."""

import streamlit as st

from dashboard.inti import formats, surel, web
from dashboard.inti.ui import akses_halaman
from dashboard.notifikasi import layanan_notifikasi as svc
from dashboard.notifikasi import tampilan_notifikasi

akses = akses_halaman(globals())
st.title("Notifikasi dan surel")

setelan = surel.setelan()
if setelan.aktif:
    st.success(f"Server surel: {setelan.uraian()}.", icon=":material/outgoing_mail:")
else:
    st.warning(
        "Surel belum diatur: pemberitahuan tetap masuk ke Kotak masuk, dan surelnya menunggu "
        "di antrean sampai server surel diatur (MONEV_SMTP_HOST, MONEV_SMTP_PORT, "
        "MONEV_SMTP_PENGIRIM, MONEV_SMTP_TLS; lihat docs/operasi.md).",
        icon=":material/mail_lock:",
    )
st.caption(
    "Pengingat tenggat, antrean review, tindak lanjut, dan ringkasan harian dibuat oleh perintah "
    "`python -m dashboard notifikasi` yang dijadwalkan tiap 15 menit; tombol di bawah "
    "menjalankannya sekarang."
)


def _pesan(hasil: tuple) -> str:
    pengingat, kirim = hasil
    baru = sum(pengingat.baru.values())
    teks = f"{formats.angka(baru, 0)} pengingat baru; {formats.angka(kirim.terkirim, 0)} surel "
    teks += "terkirim"
    if kirim.gagal:
        teks += f", {formats.angka(kirim.gagal, 0)} gagal (dicoba lagi nanti)"
    return teks + "."


if st.button("Kirim sekarang", type="primary", icon=":material/send:", key="notif_kirim"):
    web.tulis(svc.jalankan, akses, sukses=_pesan)

with web.cursor() as cur:
    jumlah = web.safe(svc.ringkasan_outbox)(cur, akses)
    outbox = web.safe(svc.daftar_outbox)(cur, akses)
if jumlah is not None:
    a, b, c = st.columns(3)
    a.metric("Menunggu dikirim", formats.angka(jumlah["menunggu"], 0))
    b.metric("Gagal, dicoba lagi", formats.angka(jumlah["gagal"], 0))
    c.metric("Terkirim", formats.angka(jumlah["terkirim"], 0))
st.subheader("Antrean surel")
if outbox is None or outbox.empty:
    st.caption("Belum ada surel.")
else:
    st.dataframe(tampilan_notifikasi.tabel_outbox(outbox), hide_index=True)
