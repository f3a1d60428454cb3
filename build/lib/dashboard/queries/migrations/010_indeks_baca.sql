-- 010: indexes for the reads of one instansi that scanned a whole table on PostgreSQL (measured
-- at scale L, 800 instansi: every cold Beranda of a Kadis ran each of them).
-- - the steps logged by hand, by run (`sop_run_langkah_list`, run_id = ANY(...)): 531.304 rows
--   scanned, about 60 ms;
-- - the SOP runs of an instansi (`sop_run_list`): 90.400 rows scanned, about 30 ms;
-- - the follow-ups of an instansi's findings (`dasbor_tindak_lanjut`, `tindak_lanjut_list`): the
--   findings are found by meeting, their follow-ups were scanned.
-- Portable SQL (DuckDB and PostgreSQL 15).
CREATE INDEX idx_sop_run_langkah_run ON sop_run_langkah (run_id);
CREATE INDEX idx_sop_run_instansi ON sop_run (instansi_id);
CREATE INDEX idx_tindak_lanjut_temuan ON tindak_lanjut (temuan_id);
