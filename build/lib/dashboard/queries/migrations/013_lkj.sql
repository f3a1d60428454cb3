-- 013: the reporting procedures the app now performs (issue 17): the annual LKj drafted,
-- checked, initialled, signed and sent (SOP Penyusunan Laporan Kinerja); the meeting
-- invitation sent and the meeting archived (SOP Monitoring Evaluasi Kinerja Secara Periodik);
-- the e-Kinerja export and its "entered" confirmation (SOP e-Kinerja); semester and annual
-- reports rolled up from the quarters (Balangan's Mekanisme Pengumpulan). docs/DOMAIN.md §9.7-9.10.
-- Documents kept as they were signed are stored as base64 text (VARCHAR runs on DuckDB and
-- PostgreSQL alike; the store's backups carry them).

-- One LKj per instansi and year: disusun -> diperiksa -> diparaf -> ditandatangani -> dikirim.
CREATE TABLE lkj (
    instansi_id      INTEGER NOT NULL,
    tahun            INTEGER NOT NULL,
    status           VARCHAR NOT NULL CHECK (status IN ('disusun', 'diperiksa', 'diparaf',
                                                        'ditandatangani', 'dikirim')),
    dikembalikan     BOOLEAN NOT NULL DEFAULT FALSE,  -- returned: to be drafted again
    alasan_kembali   VARCHAR,
    status_oleh      VARCHAR NOT NULL,
    status_pada      TIMESTAMP NOT NULL,
    disusun_oleh     VARCHAR,
    tujuan           VARCHAR,                         -- to whom the signed LKj was sent
    nama_berkas      VARCHAR,                         -- the signed documents, without extension
    dokumen_pdf      VARCHAR,                         -- base64 of the signed PDF
    dokumen_xlsx     VARCHAR,                         -- base64 of the signed Excel workbook
    sha256_pdf       VARCHAR,
    ditandatangani_oleh VARCHAR,
    ditandatangani_pada TIMESTAMP,
    dikirim_oleh     VARCHAR,
    dikirim_pada     TIMESTAMP,
    versi            INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (instansi_id, tahun)
);

-- Balangan: semester reports (S1, S2) from two quarters each, the annual one (TH) from both.
CREATE TABLE laporan_berkala (
    instansi_id  INTEGER NOT NULL,
    tahun        INTEGER NOT NULL,
    bagian       VARCHAR NOT NULL CHECK (bagian IN ('S1', 'S2', 'TH')),
    nama_berkas  VARCHAR NOT NULL,
    dokumen_pdf  VARCHAR NOT NULL,
    dokumen_xlsx VARCHAR NOT NULL,
    disusun_oleh VARCHAR NOT NULL,
    disusun_pada TIMESTAMP NOT NULL,
    PRIMARY KEY (instansi_id, tahun, bagian)
);

-- The invitation letter of a monev meeting, once sent to its participants.
CREATE TABLE rapat_undangan (
    rapat_id      INTEGER PRIMARY KEY,
    nomor         VARCHAR NOT NULL,
    tanggal       DATE NOT NULL,
    dikirim_oleh  VARCHAR NOT NULL,
    dikirim_pada  TIMESTAMP NOT NULL
);

-- A final meeting record archived (the SOP's last step).
CREATE TABLE rapat_arsip (
    rapat_id  INTEGER PRIMARY KEY,
    oleh      VARCHAR NOT NULL,
    pada      TIMESTAMP NOT NULL
);

-- e-Kinerja: a period's signed data exported for entry, then confirmed as entered.
CREATE TABLE ekinerja (
    instansi_id   INTEGER NOT NULL,
    periode_id    INTEGER NOT NULL,
    diekspor_oleh VARCHAR NOT NULL,
    diekspor_pada TIMESTAMP NOT NULL,
    jumlah        INTEGER NOT NULL,                   -- indicator rows exported
    dientri_oleh  VARCHAR,
    dientri_pada  TIMESTAMP,
    catatan       VARCHAR,
    PRIMARY KEY (instansi_id, periode_id)
);
