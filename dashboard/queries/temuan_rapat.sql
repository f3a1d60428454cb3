-- Findings of a meeting ($rapat_id) with their unit and (optional) indicator.
SELECT t.id, t.unit_id, u.nama AS unit, t.indikator_id, i.kode AS indikator_kode,
       i.nama AS indikator, t.permasalahan, t.penyebab, t.rekomendasi
FROM temuan t
JOIN unit u ON u.id = t.unit_id
LEFT JOIN indikator i ON i.id = t.indikator_id
WHERE t.rapat_id = $rapat_id
ORDER BY u.kode, t.id;
