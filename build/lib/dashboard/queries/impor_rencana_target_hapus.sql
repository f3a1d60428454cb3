-- Plan import: drop the targets of the staged indicator-years (_kunci: indikator_id, tahun).
DELETE FROM target
WHERE EXISTS (
    SELECT 1 FROM _kunci AS k
    WHERE k.indikator_id = target.indikator_id AND k.tahun = target.tahun
);
