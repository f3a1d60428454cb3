"""Monev meetings: agenda, invitation, minutes, and the follow-ups (tindak lanjut)."""
