-- 009: one version number per scope of data, so cached reads are invalidated only for the data
-- a write touched (docs/DOMAIN.md §13), in every server process that shares the store.
-- A scope is 'global' (data of no single instansi: SOP library, holidays, working hours,
-- users of several instansi, the instansi list) or 'instansi:<id>'. A write bumps its scope
-- right after it commits; a cached read puts the current version(s) of its scope in its key.
-- A row appears at a scope's first write (a missing row reads as version 0); versions only
-- grow and rows are never deleted, so the sum of all versions grows with every write.
-- Portable SQL (DuckDB and PostgreSQL 15): plain types, no sequence, no default.
CREATE TABLE versi_data (
    lingkup VARCHAR PRIMARY KEY,
    versi   BIGINT NOT NULL
);
