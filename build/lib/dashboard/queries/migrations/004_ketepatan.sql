-- 004: SOP revisions and publishing, manual standards, working calendar, SOP runs and step
-- records, and the mapping from SOP steps to workflow transitions.

ALTER TABLE sop ADD COLUMN catatan_revisi VARCHAR;

-- The admin's value where the parser could not read the text (or read it wrongly).
ALTER TABLE sop_langkah ADD COLUMN manual_hari DOUBLE PRECISION;
ALTER TABLE sop_langkah ADD COLUMN manual_menit DOUBLE PRECISION;
ALTER TABLE sop_langkah ADD COLUMN manual_basis VARCHAR;

-- Cuti bersama and local days off (national holidays come from the holidays package).
CREATE TABLE hari_libur (
    tanggal    DATE PRIMARY KEY,
    keterangan VARCHAR NOT NULL,
    jenis      VARCHAR NOT NULL CHECK (jenis IN ('cuti_bersama', 'lokal'))
);

-- Which SOP step the app performs: it starts when `mulai` is reached and ends when `selesai` is
-- reached; markers are 'periode_dibuka' or a workflow status of the object.
CREATE TABLE sop_pemetaan (
    sop_kode VARCHAR NOT NULL,
    urutan   INTEGER NOT NULL,
    objek    VARCHAR NOT NULL CHECK (objek IN ('pengajuan', 'perbaikan')),
    mulai    VARCHAR NOT NULL,
    selesai  VARCHAR NOT NULL,
    PRIMARY KEY (sop_kode, urutan)
);

-- A run (pelaksanaan) of one SOP revision for a period and unit (objek: the submission or the
-- correction it follows; NULL for a run logged only by hand).
CREATE SEQUENCE seq_sop_run START 1;
CREATE TABLE sop_run (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_sop_run'),
    sop_id      INTEGER NOT NULL,
    instansi_id INTEGER NOT NULL,
    periode_id  INTEGER,
    unit_id     INTEGER,
    objek       VARCHAR,
    objek_id    INTEGER,
    dibuat_pada TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX idx_sop_run_objek ON sop_run (objek, objek_id);

-- Steps done outside the app (letters, meetings, archiving), logged by the Pengelola Monev.
CREATE SEQUENCE seq_sop_run_langkah START 1;
CREATE TABLE sop_run_langkah (
    id           INTEGER PRIMARY KEY DEFAULT nextval('seq_sop_run_langkah'),
    run_id       INTEGER NOT NULL,
    urutan       INTEGER NOT NULL,
    mulai        TIMESTAMP NOT NULL,
    selesai      TIMESTAMP,
    pelaku       VARCHAR,
    catatan      VARCHAR,
    dicatat_oleh VARCHAR NOT NULL,
    dicatat_pada TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Default mapping for the SOPs the app runs (DPK Kalimantan Barat, seed 002).
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_pengumpulan_data_kinerja', 3, 'pengajuan', 'periode_dibuka', 'diajukan'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 5, 'pengajuan', 'diajukan', 'diverifikasi'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 7, 'pengajuan', 'diverifikasi', 'diparaf'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 8, 'pengajuan', 'diparaf', 'disahkan'),
    ('dpk_kalbar_perbaikan_data_kinerja', 5, 'perbaikan', 'diajukan', 'diverifikasi'),
    ('dpk_kalbar_perbaikan_data_kinerja', 6, 'perbaikan', 'diverifikasi', 'diparaf'),
    ('dpk_kalbar_perbaikan_data_kinerja', 7, 'perbaikan', 'diparaf', 'disahkan');
