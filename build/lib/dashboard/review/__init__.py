"""The review chain (Pengelola Monev -> Sekretaris -> Kadis) and corrections of signed data."""
