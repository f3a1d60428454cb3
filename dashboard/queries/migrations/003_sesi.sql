-- 003: server-side logout. A login cookie issued before the user's last logout is refused, so
-- logging out ends the session even if the browser never ran the cookie deletion.
ALTER TABLE pengguna ADD COLUMN keluar_pada TIMESTAMP;
