-- 005: monev meetings, findings and follow-ups (docs/DOMAIN.md §7, SOP Monitoring Evaluasi
-- Kinerja Secara Periodik of seed 002). Times are the agency's local time, like every timestamp.

CREATE SEQUENCE seq_rapat START 1;
CREATE TABLE rapat (
    id             INTEGER PRIMARY KEY DEFAULT nextval('seq_rapat'),
    instansi_id    INTEGER NOT NULL,
    tahun          INTEGER NOT NULL,
    triwulan       INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    judul          VARCHAR NOT NULL,
    waktu          TIMESTAMP NOT NULL,        -- date and start time of the meeting
    tempat         VARCHAR,
    pimpinan       VARCHAR,                   -- chair (name and jabatan as typed)
    notulis        VARCHAR,                   -- note taker
    ringkasan      VARCHAR,
    kesimpulan     VARCHAR,                   -- conclusions / decisions (keputusan)
    status         VARCHAR NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'final')),
    revisi         INTEGER NOT NULL DEFAULT 0, -- 0 until final; each change of a final record +1
    versi          INTEGER NOT NULL DEFAULT 1, -- optimistic concurrency
    dibuat_oleh    VARCHAR NOT NULL,
    dibuat_pada    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    difinalkan_oleh VARCHAR,
    difinalkan_pada TIMESTAMP
);
CREATE INDEX idx_rapat_periode ON rapat (instansi_id, tahun, triwulan);

-- Each change of a final record: the reason and the record as it was (JSON text).
CREATE TABLE rapat_revisi (
    rapat_id  INTEGER NOT NULL,
    revisi    INTEGER NOT NULL,
    alasan    VARCHAR NOT NULL,
    sebelum   VARCHAR NOT NULL,
    oleh      VARCHAR NOT NULL,
    pada      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (rapat_id, revisi)
);

CREATE TABLE rapat_peserta (
    rapat_id INTEGER NOT NULL,
    urutan   INTEGER NOT NULL,
    nama     VARCHAR NOT NULL,
    jabatan  VARCHAR,
    unit_id  INTEGER,                          -- NULL for a participant from outside the units
    PRIMARY KEY (rapat_id, urutan)
);

-- Agenda items: proposed from the data (sumber 'usulan') or added by hand ('manual').
-- jenis: indikator_rendah | unit_terlambat | tindak_lanjut | sop_langgar | lainnya
CREATE TABLE rapat_agenda (
    rapat_id INTEGER NOT NULL,
    urutan   INTEGER NOT NULL,
    jenis    VARCHAR NOT NULL,
    uraian   VARCHAR NOT NULL,
    sumber   VARCHAR NOT NULL DEFAULT 'manual' CHECK (sumber IN ('usulan', 'manual')),
    objek    VARCHAR,                          -- indikator | unit | tindak_lanjut | sop_langkah
    objek_id INTEGER,
    PRIMARY KEY (rapat_id, urutan)
);

CREATE SEQUENCE seq_temuan START 1;
CREATE TABLE temuan (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_temuan'),
    rapat_id      INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    indikator_id  INTEGER,                     -- optional: a finding on one indicator
    permasalahan  VARCHAR NOT NULL,
    penyebab      VARCHAR,
    rekomendasi   VARCHAR,
    dibuat_oleh   VARCHAR NOT NULL,
    dibuat_pada   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX idx_temuan_rapat ON temuan (rapat_id);
CREATE INDEX idx_temuan_indikator ON temuan (indikator_id);

CREATE SEQUENCE seq_tindak_lanjut START 1;
CREATE TABLE tindak_lanjut (
    id              INTEGER PRIMARY KEY DEFAULT nextval('seq_tindak_lanjut'),
    temuan_id       INTEGER NOT NULL,
    uraian          VARCHAR NOT NULL,          -- what is to be done
    pic_unit_id     INTEGER NOT NULL,
    batas_waktu     DATE NOT NULL,
    status          VARCHAR NOT NULL DEFAULT 'Belum'
                    CHECK (status IN ('Belum', 'Dalam Proses', 'Selesai')),
    catatan_progres VARCHAR,
    bukti           VARCHAR,                   -- evidence reference: stored file, link or text
    minta_tutup     BOOLEAN NOT NULL DEFAULT FALSE,  -- the Bidang asks the Pengelola Monev to close
    versi           INTEGER NOT NULL DEFAULT 1,
    diperbarui_oleh VARCHAR,
    diperbarui_pada TIMESTAMP,
    ditutup_oleh    VARCHAR,
    ditutup_pada    TIMESTAMP,
    catatan_monev   VARCHAR                    -- the Pengelola Monev's reply to a close request
);
CREATE INDEX idx_tindak_lanjut_pic ON tindak_lanjut (pic_unit_id, status);
