-- 006: what an agency sets up itself (go-live). Planning nodes can be retired (never deleted once
-- they carry data), indicators can hang on a tujuan too and be flagged Perjanjian Kinerja, and the
-- Renstra target is stored for every year of the five-year period, not only as an end value.
ALTER TABLE tujuan ADD COLUMN aktif BOOLEAN DEFAULT TRUE;
ALTER TABLE sasaran ADD COLUMN aktif BOOLEAN DEFAULT TRUE;
ALTER TABLE program ADD COLUMN aktif BOOLEAN DEFAULT TRUE;
ALTER TABLE kegiatan ADD COLUMN aktif BOOLEAN DEFAULT TRUE;
ALTER TABLE sub_kegiatan ADD COLUMN aktif BOOLEAN DEFAULT TRUE;

ALTER TABLE indikator ADD COLUMN tujuan_id INTEGER;
ALTER TABLE indikator ADD COLUMN pk BOOLEAN DEFAULT FALSE;   -- in the Perjanjian Kinerja

-- Renstra target per indicator and year (nilai_atas set: a range target).
CREATE TABLE target_renstra (
    indikator_id INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    nilai        DOUBLE PRECISION NOT NULL,
    nilai_atas   DOUBLE PRECISION,
    PRIMARY KEY (indikator_id, tahun)
);
