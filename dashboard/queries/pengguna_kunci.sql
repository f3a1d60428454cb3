-- Lock an account ($username username) after too many failed logins, until $sampai.
UPDATE pengguna SET terkunci = TRUE, terkunci_sampai = $sampai WHERE username = $username;
