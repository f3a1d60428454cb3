"""Reports as Excel workbooks: one sheet per table with the letterhead and title lines, real
numbers in Indonesian display formats, frozen header, widths, print setup, notes and the
signature block (through `dashboard.dokumen`)."""

from __future__ import annotations

import io

import xlsxwriter

from dashboard import dokumen
from dashboard.laporan.data import ANGKA, DRAF, INDEKS, PERSEN, RUPIAH, Laporan, Tabel

_FORMAT = {
    PERSEN: dokumen.FORMAT_PERSEN,
    RUPIAH: dokumen.FORMAT_RUPIAH,
    INDEKS: dokumen.FORMAT_ANGKA,
}


def format_kolom(t: Tabel) -> dict[str, str]:
    return {
        k: dokumen.format_otomatis(t.df[k]) if j == ANGKA else _FORMAT[j]
        for k, j in t.jenis.items()
        if j in (ANGKA, *_FORMAT)
    }


def xlsx_bytes(lap: Laporan) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    f_catatan = wb.add_format({"italic": True})
    f_peringatan = wb.add_format({"bold": True, "font_color": "#B00020"})
    for t in lap.tabel:
        judul = [lap.kop.baris_pemda, lap.kop.nama.upper(), lap.judul.upper(), *lap.subjudul]
        judul.append(t.judul)
        ws, baris = dokumen.tulis_sheet(
            wb,
            t.nama,
            t.df,
            judul=judul,
            format_kolom=format_kolom(t),
            lebar=t.lebar,
            tebal_baris=t.tebal,
        )
        if lap.belum_sah:  # the draft line stands out on every sheet and every printed page
            ws.write_string(len(judul) - 2, 0, str(dokumen.aman_sel(judul[-2])), f_peringatan)
            ws.set_header(f'&C&"Arial,Bold"&14&KB00020{DRAF}')
        catatan = [*t.catatan, *lap.catatan]
        for i, c in enumerate(catatan):
            ws.write_string(baris + 1 + i, 0, str(dokumen.aman_sel(c)), f_catatan)
        kolom = max(0, len(t.df.columns) - 4)
        dokumen.tanda_tangan_excel(wb, ws, baris + len(catatan), kolom, lap.penandatangan)
    wb.close()
    return buf.getvalue()
