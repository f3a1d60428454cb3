"""Pengumpulan data kinerja: the Bidang's quarterly entry, its checks, draft and submission."""
