-- 002: collection periods, submissions and their review chain, value history, corrections.

-- A collection period (the app's Nota Dinas): one per instansi and quarter.
CREATE SEQUENCE seq_periode START 1;
CREATE TABLE periode (
    id           INTEGER PRIMARY KEY DEFAULT nextval('seq_periode'),
    instansi_id  INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    triwulan     INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    tenggat      DATE NOT NULL,
    catatan      VARCHAR,
    status       VARCHAR NOT NULL DEFAULT 'dibuka' CHECK (status IN ('dibuka', 'ditutup')),
    dibuka_oleh  VARCHAR,
    dibuka_pada  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    ditutup_pada TIMESTAMP,
    UNIQUE (instansi_id, tahun, triwulan)
);

-- A closed period reopened for one unit, with the reason.
CREATE TABLE periode_dibuka_unit (
    periode_id INTEGER NOT NULL,
    unit_id    INTEGER NOT NULL,
    alasan     VARCHAR NOT NULL,
    oleh       VARCHAR NOT NULL,
    pada       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    aktif      BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (periode_id, unit_id)
);

-- One submission per unit and period, moving draf -> diajukan -> diverifikasi -> diparaf ->
-- disahkan. Every transition is an event (objek 'pengajuan').
CREATE SEQUENCE seq_pengajuan START 1;
CREATE TABLE pengajuan (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_pengajuan'),
    periode_id    INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    status        VARCHAR NOT NULL DEFAULT 'draf'
                  CHECK (status IN ('draf', 'diajukan', 'diverifikasi', 'diparaf', 'disahkan')),
    diajukan_oleh VARCHAR,
    diajukan_pada TIMESTAMP,
    terlambat     BOOLEAN NOT NULL DEFAULT FALSE,
    status_sejak  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    versi         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (periode_id, unit_id)
);

-- Every change of a realisation value: entry, import or approved correction.
CREATE SEQUENCE seq_riwayat START 1;
CREATE TABLE realisasi_riwayat (
    id           BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    indikator_id INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    triwulan     INTEGER NOT NULL,
    nilai_lama   DOUBLE PRECISION,
    nilai_baru   DOUBLE PRECISION,
    catatan      VARCHAR,
    sumber       VARCHAR NOT NULL CHECK (sumber IN ('entri', 'impor', 'perbaikan')),
    oleh         VARCHAR NOT NULL,
    pada         TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX idx_riwayat_ind ON realisasi_riwayat (indikator_id, tahun, triwulan);

-- Perbaikan Data Kinerja: a correction of signed data, through verify -> paraf -> sign.
CREATE SEQUENCE seq_perbaikan START 1;
CREATE TABLE perbaikan (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_perbaikan'),
    indikator_id  INTEGER NOT NULL,
    tahun         INTEGER NOT NULL,
    triwulan      INTEGER NOT NULL,
    nilai_lama    DOUBLE PRECISION,
    nilai_baru    DOUBLE PRECISION NOT NULL,
    alasan        VARCHAR NOT NULL,
    bukti         VARCHAR,
    status        VARCHAR NOT NULL DEFAULT 'diajukan'
                  CHECK (status IN ('diajukan', 'diverifikasi', 'diparaf', 'disahkan',
                                    'dikembalikan')),
    diajukan_oleh VARCHAR NOT NULL,
    diajukan_pada TIMESTAMP NOT NULL DEFAULT current_timestamp,
    status_sejak  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
