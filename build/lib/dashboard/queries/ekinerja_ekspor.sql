-- A period's data exported for e-Kinerja (instansi $1, period $2, $3 rows) by $4 at $5; a
-- later export replaces the figures and leaves an entry confirmation as it was.
INSERT INTO ekinerja (instansi_id, periode_id, diekspor_oleh, diekspor_pada, jumlah)
VALUES ($1, $2, $4, $5, $3)
ON CONFLICT (instansi_id, periode_id) DO UPDATE SET diekspor_oleh = excluded.diekspor_oleh,
    diekspor_pada = excluded.diekspor_pada, jumlah = excluded.jumlah;
