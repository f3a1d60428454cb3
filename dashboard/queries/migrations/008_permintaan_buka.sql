-- 008: a unit's request to reopen a closed period for it (docs/DOMAIN.md §6.1). Sent by the
-- unit's Staf Bidang with a reason; the Pengelola Monev answers it: reopened for the unit
-- (dikabulkan) or refused with a reason (ditolak). At most one request waits per period and unit.
CREATE SEQUENCE seq_permintaan_buka START 1;
CREATE TABLE permintaan_buka (
    id            INTEGER PRIMARY KEY DEFAULT nextval('seq_permintaan_buka'),
    periode_id    INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    alasan        VARCHAR NOT NULL,
    oleh          VARCHAR NOT NULL,
    pada          TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL DEFAULT 'menunggu'
                  CHECK (status IN ('menunggu', 'dikabulkan', 'ditolak')),
    diproses_oleh VARCHAR,
    diproses_pada TIMESTAMP,
    jawaban       VARCHAR                -- the Pengelola Monev's reason or note
);
