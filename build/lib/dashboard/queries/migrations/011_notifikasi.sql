-- 011: the request letter of a period (Nota Dinas permintaan data kinerja), the in-app inbox,
-- the email outbox and each user's notification preferences (docs/DOMAIN.md §14).
-- Portable SQL (DuckDB and PostgreSQL 15). Only primary keys and unique keys are indexed on
-- the rows that are updated (an update of an indexed column is a delete + insert in DuckDB).

-- One letter per period, written in the period's opening transaction. The addressees are
-- frozen as JSON text (the units at the time), so the document reads the same later.
-- nomor: 000/<urut>/<kode instansi>/<tahun>, urut counting the instansi's letters of the year.
CREATE TABLE surat_permintaan (
    periode_id  INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL,
    tahun       INTEGER NOT NULL,
    urut        INTEGER NOT NULL,
    nomor       VARCHAR NOT NULL,
    tanggal     DATE NOT NULL,
    tujuan      VARCHAR NOT NULL,        -- JSON list of {unit_id, kode, nama, indikator}
    dibuat_oleh VARCHAR NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL,
    UNIQUE (instansi_id, tahun, urut)
);

-- Inbox items. kunci is the deduplication key (e.g. 'tenggat_h3:<periode>:<unit>:<user>'):
-- a reminder is never created twice, whoever runs the reminders how often.
CREATE SEQUENCE seq_notifikasi START 1;
CREATE TABLE notifikasi (
    id          BIGINT PRIMARY KEY DEFAULT nextval('seq_notifikasi'),
    kunci       VARCHAR NOT NULL UNIQUE,
    penerima    VARCHAR NOT NULL,        -- username
    instansi_id INTEGER,                 -- the recipient's instansi (NULL: none)
    jenis       VARCHAR NOT NULL,
    judul       VARCHAR NOT NULL,
    isi         VARCHAR NOT NULL,
    halaman     VARCHAR,                 -- url path of the page concerned
    objek       VARCHAR,
    objek_id    VARCHAR,
    dibuat_pada TIMESTAMP NOT NULL,
    dibaca_pada TIMESTAMP
);
CREATE INDEX idx_notifikasi_penerima ON notifikasi (penerima);

-- Email outbox: written with the inbox item (same transaction), sent after the commit by
-- `python -m dashboard notifikasi` (or best effort right after the write). A failure keeps the
-- mail with percobaan + 1 and a later coba_lagi_pada. kunci: one mail per key.
CREATE SEQUENCE seq_surel START 1;
CREATE TABLE surel_keluar (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_surel'),
    kunci          VARCHAR NOT NULL UNIQUE,
    penerima       VARCHAR NOT NULL,     -- username
    kepada         VARCHAR NOT NULL,     -- email address
    subjek         VARCHAR NOT NULL,
    isi            VARCHAR NOT NULL,
    dibuat_pada    TIMESTAMP NOT NULL,
    percobaan      INTEGER NOT NULL DEFAULT 0,
    coba_lagi_pada TIMESTAMP NOT NULL,
    terkirim_pada  TIMESTAMP,
    galat_terakhir VARCHAR
);

-- Per-user switches (no row: email on, digest off).
CREATE TABLE preferensi_notifikasi (
    username  VARCHAR PRIMARY KEY,
    surel     BOOLEAN NOT NULL,
    ringkasan BOOLEAN NOT NULL
);
