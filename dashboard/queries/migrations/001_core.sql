-- 001: core schema. Portable SQL (DuckDB now, PostgreSQL through postgres_scanner later):
-- sequences for ids, no DuckDB-only types in the write path, lists kept as JSON text.
-- No FOREIGN KEY clauses: DuckDB turns an UPDATE of an indexed column of a referenced row into a
-- delete + insert and refuses it (and UPDATE ... RETURNING on any referenced table). References
-- are checked by the services before every write and by tests that look for orphans.

CREATE SEQUENCE seq_instansi START 1;
CREATE TABLE instansi (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_instansi'),
    kode          VARCHAR NOT NULL UNIQUE,
    nama          VARCHAR NOT NULL,
    pemda         VARCHAR NOT NULL,
    kota          VARCHAR,               -- place in the signature block
    alamat        VARCHAR,
    kepala_nama   VARCHAR,
    kepala_nip    VARCHAR,
    kepala_jabatan VARCHAR
);

CREATE SEQUENCE seq_unit START 1;
CREATE TABLE unit (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_unit'),
    instansi_id INTEGER NOT NULL,
    kode        VARCHAR NOT NULL,
    nama        VARCHAR NOT NULL,
    jenis       VARCHAR NOT NULL CHECK (jenis IN ('Sekretariat', 'Bidang', 'Bagian', 'UPT')),
    aktif       BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (instansi_id, kode)
);

-- Planning hierarchy: tujuan -> sasaran -> program -> kegiatan -> sub kegiatan.
CREATE SEQUENCE seq_tujuan START 1;
CREATE TABLE tujuan (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_tujuan'),
    instansi_id INTEGER NOT NULL,
    kode        VARCHAR NOT NULL,
    uraian      VARCHAR NOT NULL
);

CREATE SEQUENCE seq_sasaran START 1;
CREATE TABLE sasaran (
    id        INTEGER PRIMARY KEY DEFAULT nextval('seq_sasaran'),
    tujuan_id INTEGER NOT NULL,
    kode      VARCHAR NOT NULL,
    uraian    VARCHAR NOT NULL
);

CREATE SEQUENCE seq_program START 1;
CREATE TABLE program (
    id         INTEGER PRIMARY KEY DEFAULT nextval('seq_program'),
    sasaran_id INTEGER NOT NULL,
    kode       VARCHAR NOT NULL,           -- e.g. 2.23.02
    nama       VARCHAR NOT NULL
);

CREATE SEQUENCE seq_kegiatan START 1;
CREATE TABLE kegiatan (
    id         INTEGER PRIMARY KEY DEFAULT nextval('seq_kegiatan'),
    program_id INTEGER NOT NULL,
    unit_id    INTEGER,
    kode       VARCHAR NOT NULL,           -- e.g. 2.23.02.2.01
    nama       VARCHAR NOT NULL
);

CREATE SEQUENCE seq_sub_kegiatan START 1;
CREATE TABLE sub_kegiatan (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_sub_kegiatan'),
    kegiatan_id INTEGER NOT NULL,
    unit_id     INTEGER,
    kode        VARCHAR NOT NULL,          -- e.g. 2.23.02.2.01.0001
    nama        VARCHAR NOT NULL
);

CREATE SEQUENCE seq_indikator START 1;
CREATE TABLE indikator (
    id              INTEGER PRIMARY KEY DEFAULT nextval('seq_indikator'),
    instansi_id     INTEGER NOT NULL,
    unit_id         INTEGER NOT NULL,      -- unit penanggung jawab
    kode            VARCHAR NOT NULL,
    nama            VARCHAR NOT NULL,
    jenis           VARCHAR NOT NULL CHECK (jenis IN ('IKU', 'IKK', 'program', 'kegiatan', 'sub kegiatan')),
    satuan          VARCHAR NOT NULL,
    polaritas       VARCHAR NOT NULL DEFAULT 'positif' CHECK (polaritas IN ('positif', 'negatif')),
    cara_agregasi   VARCHAR NOT NULL DEFAULT 'SUM' CHECK (cara_agregasi IN ('SUM', 'LAST', 'AVG', 'MAX')),
    rumus_negatif   VARCHAR NOT NULL DEFAULT 'A' CHECK (rumus_negatif IN ('A', 'B')),
    boleh_negatif   BOOLEAN NOT NULL DEFAULT FALSE,              -- may a realisation be < 0
    definisi        VARCHAR,
    sumber_data     VARCHAR,
    baseline        DOUBLE PRECISION,
    target_renstra  DOUBLE PRECISION,                                      -- end-of-Renstra target
    -- the level it hangs on: exactly one of these is set (tujuan via sasaran's parent)
    sasaran_id      INTEGER,
    program_id      INTEGER,
    kegiatan_id     INTEGER,
    sub_kegiatan_id INTEGER,
    aktif           BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (instansi_id, kode)
);
CREATE INDEX idx_indikator_unit ON indikator (unit_id);

-- Targets: triwulan 0 is the annual PK target, 1..4 the Rencana Aksi per quarter.
-- nilai_atas set means a range target [nilai, nilai_atas].
CREATE TABLE target (
    indikator_id INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    triwulan     INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    nilai        DOUBLE PRECISION NOT NULL,
    nilai_atas   DOUBLE PRECISION,
    PRIMARY KEY (indikator_id, tahun, triwulan)
);

-- Realisations: one row per indicator and quarter, each quarter's own figure per cara agregasi.
CREATE TABLE realisasi (
    indikator_id INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    triwulan     INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    nilai        DOUBLE PRECISION,
    catatan      VARCHAR,                -- faktor pendorong / penghambat, kendala
    bukti        VARCHAR,                -- evidence reference: stored file, link or text
    versi        INTEGER NOT NULL DEFAULT 1,   -- optimistic concurrency
    diubah_oleh  VARCHAR,
    diubah_pada  TIMESTAMP,
    PRIMARY KEY (indikator_id, tahun, triwulan)
);

-- Budget at sub kegiatan level; rupiah roll up to kegiatan and program.
CREATE TABLE anggaran (
    sub_kegiatan_id INTEGER NOT NULL,
    tahun           INTEGER NOT NULL,
    pagu            DOUBLE PRECISION NOT NULL CHECK (pagu >= 0),
    PRIMARY KEY (sub_kegiatan_id, tahun)
);

CREATE TABLE realisasi_anggaran (
    sub_kegiatan_id INTEGER NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    nilai           DOUBLE PRECISION NOT NULL CHECK (nilai >= 0),   -- that quarter's spending
    PRIMARY KEY (sub_kegiatan_id, tahun, triwulan)
);

-- Users and roles (docs/DOMAIN.md §2). A user may hold several roles.
CREATE SEQUENCE seq_pengguna START 1;
CREATE TABLE pengguna (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_pengguna'),
    username      VARCHAR NOT NULL UNIQUE,
    nama          VARCHAR NOT NULL,
    email         VARCHAR,
    password_hash VARCHAR NOT NULL,      -- bcrypt only
    instansi_id   INTEGER,
    unit_id       INTEGER,   -- required for staf_bidang
    aktif         BOOLEAN NOT NULL DEFAULT TRUE,
    gagal_login   INTEGER NOT NULL DEFAULT 0,
    terkunci      BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat_pada   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE peran_pengguna (
    pengguna_id INTEGER NOT NULL,
    peran       VARCHAR NOT NULL CHECK (peran IN ('admin', 'kadis', 'sekretaris', 'pengelola_monev', 'staf_bidang')),
    PRIMARY KEY (pengguna_id, peran)
);

-- Event log: audit trail and the raw material of SOP timeliness.
CREATE SEQUENCE seq_event START 1;
CREATE TABLE event (
    id          BIGINT PRIMARY KEY DEFAULT nextval('seq_event'),
    waktu       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    pengguna    VARCHAR,
    peran       VARCHAR,
    jenis       VARCHAR NOT NULL,        -- e.g. login, login_gagal, transisi, simpan
    objek       VARCHAR,                 -- e.g. realisasi, pengajuan, pengguna
    objek_id    VARCHAR,
    dari        VARCHAR,
    ke          VARCHAR,
    catatan     VARCHAR,
    data        VARCHAR                  -- JSON text
);
CREATE INDEX idx_event_objek ON event (objek, objek_id);

-- Settings per instansi (NULL instansi = default), e.g. kategori bands as JSON.
CREATE TABLE pengaturan (
    instansi_id INTEGER,
    kunci       VARCHAR NOT NULL,
    nilai       VARCHAR NOT NULL
);

-- SOP library (seeds, data/sop/*.yaml). Revisions stay readable: (kode, revisi) is unique.
CREATE SEQUENCE seq_sop START 1;
CREATE TABLE sop (
    id                    INTEGER PRIMARY KEY DEFAULT nextval('seq_sop'),
    kode                  VARCHAR NOT NULL,
    revisi                INTEGER NOT NULL DEFAULT 1,
    nomor                 VARCHAR,
    nama                  VARCHAR NOT NULL,
    instansi              VARCHAR NOT NULL,
    tanggal_pembuatan     VARCHAR,
    tanggal_revisi        VARCHAR,
    tanggal_efektif       VARCHAR,
    disahkan_oleh         VARCHAR,
    dasar_hukum           VARCHAR,       -- JSON list
    keterkaitan           VARCHAR,       -- JSON list
    peringatan            VARCHAR,
    kualifikasi_pelaksana VARCHAR,       -- JSON list
    peralatan             VARCHAR,       -- JSON list
    pencatatan            VARCHAR,       -- JSON list
    pelaksana             VARCHAR,       -- JSON list of actor columns
    sumber                VARCHAR,       -- file it was loaded from
    dimuat_pada           TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (kode, revisi)
);

CREATE TABLE sop_langkah (
    sop_id       INTEGER NOT NULL,
    urutan       INTEGER NOT NULL,       -- position in the document (step numbers may repeat)
    no           VARCHAR NOT NULL,       -- step number exactly as written
    aktivitas    VARCHAR NOT NULL,
    pelaksana    VARCHAR NOT NULL,       -- JSON list
    kelengkapan  VARCHAR,
    waktu        VARCHAR,                -- mutu baku waktu, original text
    waktu_hari   DOUBLE PRECISION,                 -- parsed: day part
    waktu_menit  DOUBLE PRECISION,                 -- parsed: working-minute part
    waktu_basis  VARCHAR,                -- menit_kerja | hari_kerja | hari_kalender | NULL (no standard)
    output       VARCHAR,
    keterangan   VARCHAR,
    PRIMARY KEY (sop_id, urutan)
);
