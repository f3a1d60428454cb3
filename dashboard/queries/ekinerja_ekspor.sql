-- A period's data exported for e-Kinerja (instansi $instansi_id, period $periode_id, $siap rows) by $username at $sekarang; a
-- later export replaces the figures and leaves an entry confirmation as it was.
INSERT INTO ekinerja (instansi_id, periode_id, diekspor_oleh, diekspor_pada, jumlah)
VALUES ($instansi_id, $periode_id, $username, $sekarang, $siap)
ON CONFLICT (instansi_id, periode_id) DO UPDATE SET diekspor_oleh = excluded.diekspor_oleh,
    diekspor_pada = excluded.diekspor_pada, jumlah = excluded.jumlah;
