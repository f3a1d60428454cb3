-- Log out: record when user $2 logged out ($1); login cookies issued before it stop working.
UPDATE pengguna SET keluar_pada = $1 WHERE username = $2;
