-- Lock an account ($1 username) after too many failed logins, until $2.
UPDATE pengguna SET terkunci = TRUE, terkunci_sampai = $2 WHERE username = $1;
