"""Accounts: sign-in, sessions, roles and what each caller may read or change
(docs/DOMAIN.md §2)."""
