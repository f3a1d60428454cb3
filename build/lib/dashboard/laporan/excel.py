"""Reports as Excel workbooks: one sheet per table with the letterhead and title lines, real
numbers in Indonesian display formats, frozen header, widths, print setup, notes and the
signature block (through `dashboard.inti.dokumen`)."""

from __future__ import annotations

import io

import xlsxwriter

from dashboard.inti import dokumen
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
    f_penutup = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
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
        for label, teks in t.penutup:  # a form's closing rows, across the table's width
            baris += 1
            ws.merge_range(baris, 0, baris, len(t.df.columns) - 1, "", f_penutup)
            ws.write_string(baris, 0, str(dokumen.aman_sel(f"{label}:\n{teks}")), f_penutup)
            ws.set_row(baris, 13 * (teks.count("\n") + 2))
        catatan = [*t.catatan, *lap.catatan]
        for i, c in enumerate(catatan):
            ws.write_string(baris + 1 + i, 0, str(dokumen.aman_sel(c)), f_catatan)
        if lap.tanda_tangan:  # side by side: the first at the left, the last at the right
            n = len(lap.tanda_tangan)
            for i, p in enumerate(lap.tanda_tangan):
                kolom = round(i * max(0, len(t.df.columns) - 4) / max(1, n - 1))
                dokumen.tanda_tangan_excel(wb, ws, baris + len(catatan), kolom, p)
        else:
            kolom = max(0, len(t.df.columns) - 4)
            dokumen.tanda_tangan_excel(wb, ws, baris + len(catatan), kolom, lap.penandatangan)
    wb.close()
    return buf.getvalue()
