-- 007: sign-in sessions in the store, throttled logins and time-limited locks.
-- A session is a random token held in an HttpOnly cookie; only its SHA-256 hash is stored, so a
-- copy of the database does not log anyone in. Ending a session (logout, logout everywhere,
-- password change, admin reset, deactivation, lock) sets berakhir_pada; every script run and
-- every websocket handshake looks the session up by its hash (primary key: one index probe).
CREATE TABLE sesi (
    token_hash    VARCHAR PRIMARY KEY,   -- sha256 hex of the cookie's token
    pengguna_id   INTEGER NOT NULL,
    dibuat_pada   TIMESTAMP NOT NULL,
    terakhir_pada TIMESTAMP NOT NULL,    -- last seen (touched at most once a minute)
    alamat        VARCHAR,               -- client address at sign-in
    agen          VARCHAR,               -- user agent at sign-in (cut to 300 characters)
    berakhir_pada TIMESTAMP              -- NULL = active
);
CREATE INDEX idx_sesi_pengguna ON sesi (pengguna_id);

-- Failed sign-ins per key ('u:<username>' or 'a:<client address>'), whether the user exists or
-- not: the growing delay between attempts is computed from them.
CREATE TABLE login_gagal (
    kunci    VARCHAR PRIMARY KEY,
    jumlah   INTEGER NOT NULL,
    terakhir TIMESTAMP NOT NULL
);

-- A lock now lasts until a time (setting), not until an admin acts; old locks keep no end.
ALTER TABLE pengguna ADD COLUMN terkunci_sampai TIMESTAMP;
