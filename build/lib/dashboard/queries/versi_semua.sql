-- Every scope's data version (one row per instansi that was written, plus 'global'): read once
-- per page run, the cache keys of all that run's reads come from it.
SELECT lingkup, versi FROM versi_data;
