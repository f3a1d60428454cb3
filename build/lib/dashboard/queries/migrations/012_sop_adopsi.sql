-- 012: each instansi adopts its SOPs per procedure, runs of every procedure (not only a unit's
-- submission), and the step-to-event mapping of every seed SOP (docs/DOMAIN.md §8.5-8.7).
-- Portable SQL (DuckDB and PostgreSQL 15).

-- Which SOP (by kode: a run takes the revision in force when it starts) an instansi runs for
-- each procedure. No row: the default of dashboard/sop/layanan_pelaksanaan.py BAWAAN.
CREATE TABLE sop_adopsi (
    instansi_id   INTEGER NOT NULL,
    prosedur      VARCHAR NOT NULL CHECK (prosedur IN ('pengumpulan', 'perbaikan',
                                                       'penyusunan_lkj', 'e_kinerja',
                                                       'monev_periodik')),
    sop_kode      VARCHAR NOT NULL,
    diadopsi_oleh VARCHAR,
    diadopsi_pada TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (instansi_id, prosedur)
);

-- A run now follows any object of its procedure: objek is the kind ('pengajuan', 'perbaikan',
-- 'periode', 'tahun', 'rapat') and kunci its id as text ('12', or '<instansi>:<tahun>' for a
-- year); tahun / triwulan say which period it belongs to (triwulan NULL for a yearly run).
ALTER TABLE sop_run ADD COLUMN prosedur VARCHAR;
ALTER TABLE sop_run ADD COLUMN kunci VARCHAR;
ALTER TABLE sop_run ADD COLUMN tahun INTEGER;
ALTER TABLE sop_run ADD COLUMN triwulan INTEGER;
-- The index before the updates: DuckDB refuses to build one over rows updated in the same
-- transaction ("outstanding updates"), which a store with runs has (tests/test_store.py
-- upgrades a store made by the previous release).
CREATE INDEX idx_sop_run_kunci ON sop_run (objek, kunci);
UPDATE sop_run SET kunci = CAST(objek_id AS VARCHAR),
                   prosedur = CASE objek WHEN 'perbaikan' THEN 'perbaikan' ELSE 'pengumpulan' END;
UPDATE sop_run SET tahun = (SELECT p.tahun FROM periode p WHERE p.id = sop_run.periode_id),
                   triwulan = (SELECT p.triwulan FROM periode p WHERE p.id = sop_run.periode_id)
WHERE periode_id IS NOT NULL;

-- The step-to-event mapping, per SOP kode and step (urutan): cara 'event' (the step starts at
-- the latest start event before the event that ends it) or 'manual' (logged by hand). An
-- event marker is (jenis, objek, ke): ke NULL matches any; jenis 'langkah' starts a step when
-- step ke of the same run ended. Replaces 004's transition-only table.
CREATE TABLE sop_pemetaan_baru (
    sop_kode      VARCHAR NOT NULL,
    urutan        INTEGER NOT NULL,
    cara          VARCHAR NOT NULL CHECK (cara IN ('event', 'manual')),
    mulai_jenis   VARCHAR,
    mulai_objek   VARCHAR,
    mulai_ke      VARCHAR,
    selesai_jenis VARCHAR,
    selesai_objek VARCHAR,
    selesai_ke    VARCHAR,
    PRIMARY KEY (sop_kode, urutan)
);
-- Mappings an admin made for SOPs other than the seeds are kept (transitions of their object).
INSERT INTO sop_pemetaan_baru
SELECT sop_kode, urutan, 'event',
       CASE WHEN mulai = 'periode_dibuka' THEN 'periode_dibuka' ELSE 'transisi' END,
       CASE WHEN mulai = 'periode_dibuka' THEN 'periode' ELSE objek END,
       CASE WHEN mulai = 'periode_dibuka' THEN NULL ELSE mulai END,
       'transisi', objek, selesai
FROM sop_pemetaan
WHERE sop_kode NOT IN ('dpk_kalbar_pengumpulan_data_kinerja', 'dpk_kalbar_perbaikan_data_kinerja');
DROP TABLE sop_pemetaan;
ALTER TABLE sop_pemetaan_baru RENAME TO sop_pemetaan;

-- Seed 002, DPK Kalimantan Barat: Pengumpulan Data Kinerja. Step 3 "Menyampaikan data" (20
-- Menit) runs from the unit's last draft save to its submission, not from the period opening.
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_pengumpulan_data_kinerja', 1, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 2, 'event', 'periode_dibuka', 'periode', NULL,
     'surat_permintaan_dikirim', 'periode', NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 3, 'event', 'realisasi_disimpan', 'pengajuan', NULL,
     'transisi', 'pengajuan', 'diajukan'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 4, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 5, 'event', 'transisi', 'pengajuan', 'diajukan',
     'transisi', 'pengajuan', 'diverifikasi'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 6, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 7, 'event', 'transisi', 'pengajuan', 'diverifikasi',
     'transisi', 'pengajuan', 'diparaf'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 8, 'event', 'transisi', 'pengajuan', 'diparaf',
     'transisi', 'pengajuan', 'disahkan'),
    ('dpk_kalbar_pengumpulan_data_kinerja', 9, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 10, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_pengumpulan_data_kinerja', 11, 'manual', NULL, NULL, NULL, NULL, NULL, NULL);

-- Seed 002: Perbaikan Data Kinerja.
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_perbaikan_data_kinerja', 1, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 2, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 3, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 4, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 5, 'event', 'transisi', 'perbaikan', 'diajukan',
     'transisi', 'perbaikan', 'diverifikasi'),
    ('dpk_kalbar_perbaikan_data_kinerja', 6, 'event', 'transisi', 'perbaikan', 'diverifikasi',
     'transisi', 'perbaikan', 'diparaf'),
    ('dpk_kalbar_perbaikan_data_kinerja', 7, 'event', 'transisi', 'perbaikan', 'diparaf',
     'transisi', 'perbaikan', 'disahkan'),
    ('dpk_kalbar_perbaikan_data_kinerja', 8, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 9, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_perbaikan_data_kinerja', 10, 'manual', NULL, NULL, NULL, NULL, NULL, NULL);

-- Seed 002: Penyusunan Laporan Kinerja (the LKj drafted, checked, initialled, signed, sent).
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_penyusunan_laporan_kinerja', 1, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 2, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 3, 'event', 'langkah', NULL, '2',
     'transisi', 'lkj', 'disusun'),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 4, 'event', 'transisi', 'lkj', 'disusun',
     'transisi', 'lkj', 'diperiksa'),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 5, 'event', 'transisi', 'lkj', 'diperiksa',
     'transisi', 'lkj', 'diparaf'),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 6, 'event', 'transisi', 'lkj', 'diparaf',
     'transisi', 'lkj', 'ditandatangani'),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 7, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_penyusunan_laporan_kinerja', 8, 'event', 'langkah', NULL, '7',
     'transisi', 'lkj', 'dikirim');

-- Seed 002: e-Kinerja (the period's signed data exported, then entered in e-Kinerja).
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_e_kinerja', 1, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_e_kinerja', 2, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_e_kinerja', 3, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_e_kinerja', 4, 'event', 'langkah', NULL, '3',
     'ekinerja_diekspor', 'ekinerja', NULL),
    ('dpk_kalbar_e_kinerja', 5, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_e_kinerja', 6, 'event', 'langkah', NULL, '5',
     'ekinerja_dientri', 'ekinerja', NULL),
    ('dpk_kalbar_e_kinerja', 7, 'manual', NULL, NULL, NULL, NULL, NULL, NULL);

-- Seed 002: Monitoring Evaluasi Kinerja Secara Periodik (invitation, meeting, archiving).
INSERT INTO sop_pemetaan VALUES
    ('dpk_kalbar_monev_kinerja_periodik', 1, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 2, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 3, 'event', 'rapat_dibuat', 'rapat', NULL,
     'undangan_rapat_dikirim', 'rapat', NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 4, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 5, 'event', 'undangan_rapat_dikirim', 'rapat', NULL,
     'rapat_difinalkan', 'rapat', NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 6, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 7, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 8, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 9, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_kalbar_monev_kinerja_periodik', 10, 'event', 'langkah', NULL, '9',
     'rapat_diarsipkan', 'rapat', NULL);

-- Seed 001, Setda Tapin: the letter to the Bagian, then each Bagian's data within 7 days.
INSERT INTO sop_pemetaan VALUES
    ('setda_tapin_pengumpulan_data_kinerja', 1, 'event', 'periode_dibuka', 'periode', NULL,
     'surat_permintaan_dikirim', 'periode', NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 2, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 3, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 4, 'event', 'surat_permintaan_dikirim', 'periode',
     NULL, 'transisi', 'pengajuan', 'diajukan'),
    ('setda_tapin_pengumpulan_data_kinerja', 5, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 6, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 7, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('setda_tapin_pengumpulan_data_kinerja', 8, 'manual', NULL, NULL, NULL, NULL, NULL, NULL);

-- Seed 003, DPK Balangan: quarterly request and recap, semester and annual reports.
INSERT INTO sop_pemetaan VALUES
    ('dpk_balangan_pengumpulan_data_kinerja', 1, 'event', 'periode_dibuka', 'periode', NULL,
     'surat_permintaan_dikirim', 'periode', NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 2, 'event', 'transisi', 'pengajuan', 'diajukan',
     'transisi', 'pengajuan', 'diverifikasi'),
    ('dpk_balangan_pengumpulan_data_kinerja', 3, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 4, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 5, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 6, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 7, 'event', 'langkah', NULL, '6',
     'laporan_semester_disusun', 'laporan_berkala', NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 8, 'manual', NULL, NULL, NULL, NULL, NULL, NULL),
    ('dpk_balangan_pengumpulan_data_kinerja', 9, 'event', 'laporan_semester_disusun',
     'laporan_berkala', NULL, 'laporan_tahunan_disusun', 'laporan_berkala', NULL);

-- Seed 004, Diskominfotik Anambas: the request format sent, each unit's data taken in.
INSERT INTO sop_pemetaan VALUES
    ('diskominfotik_anambas_pengumpulan_data_kinerja', 1, 'manual', NULL, NULL, NULL, NULL, NULL,
     NULL),
    ('diskominfotik_anambas_pengumpulan_data_kinerja', 2, 'manual', NULL, NULL, NULL, NULL, NULL,
     NULL),
    ('diskominfotik_anambas_pengumpulan_data_kinerja', 3, 'event', 'langkah', NULL, '2',
     'surat_permintaan_dikirim', 'periode', NULL),
    ('diskominfotik_anambas_pengumpulan_data_kinerja', 4, 'event', 'transisi', 'pengajuan',
     'diajukan', 'transisi', 'pengajuan', 'diverifikasi'),
    ('diskominfotik_anambas_pengumpulan_data_kinerja', 5, 'manual', NULL, NULL, NULL, NULL, NULL,
     NULL);
