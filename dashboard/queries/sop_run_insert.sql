-- A new SOP run: SOP revision $sop_id, instansi $instansi_id, period $periode_id, unit $unit_id, object $objek / $objek_id (integer id
-- or NULL), procedure $prosedur, object key $kunci, year $tahun, quarter $triwulan, started $pada; returns its id.
INSERT INTO sop_run (sop_id, instansi_id, periode_id, unit_id, objek, objek_id, prosedur, kunci,
                     tahun, triwulan, dibuat_pada)
VALUES ($sop_id, $instansi_id, $periode_id, $unit_id, $objek, $objek_id, $prosedur, $kunci, $tahun, $triwulan, $pada)
RETURNING id;
