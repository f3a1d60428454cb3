-- Lock an account ($1 username) after too many failed logins.
UPDATE pengguna SET terkunci = TRUE WHERE username = $1;
