"""Email through SMTP (docs/DOMAIN.md §14): the settings and one send, nothing else.

Settings are read like every other (config.setting: the environment first, then `[smtp]` of
.streamlit/secrets.toml). Without a host, email is off: inbox items are still written and the
mails wait in the outbox. Sending never happens inside a write's transaction.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from dashboard.inti import config

BATAS_WAKTU_DETIK = 10.0  # one connection attempt or reply; a send never hangs a page long


@dataclass(frozen=True)
class SetelanSmtp:
    host: str | None
    port: int
    pengirim: str
    tls: str
    pengguna: str | None = None
    sandi: str | None = None
    batas_waktu: float = BATAS_WAKTU_DETIK

    @property
    def aktif(self) -> bool:
        """Email is sent only when a host is set."""
        return bool(self.host)

    def uraian(self) -> str:
        """For the admin page: where mail goes, never the password."""
        if not self.aktif:
            return "Surel nonaktif: MONEV_SMTP_HOST belum diisi."
        masuk = f", masuk sebagai {self.pengguna}" if self.pengguna else ""
        return f"{self.host}:{self.port} ({self.tls}{masuk}), pengirim {self.pengirim}"


def _port_bawaan(tls: str) -> int:
    return {"ssl": 465, "starttls": 587}.get(tls, 25)


def setelan() -> SetelanSmtp:
    """MONEV_SMTP_HOST / _PORT / _PENGIRIM / _TLS (starttls, ssl, none) / _PENGGUNA / _SANDI,
    or `[smtp] host, port, pengirim, tls, pengguna, sandi` in secrets.toml."""
    tls = (config.setting("MONEV_SMTP_TLS", "smtp", "tls", "starttls") or "starttls").lower()
    port = config.bilangan("MONEV_SMTP_PORT", "smtp", "port", _port_bawaan(tls))
    return SetelanSmtp(
        host=config.setting("MONEV_SMTP_HOST", "smtp", "host"),
        port=port,
        pengirim=config.setting("MONEV_SMTP_PENGIRIM", "smtp", "pengirim", "monev@localhost")
        or "monev@localhost",
        tls=tls,
        pengguna=config.setting("MONEV_SMTP_PENGGUNA", "smtp", "pengguna"),
        sandi=config.setting("MONEV_SMTP_SANDI", "smtp", "sandi"),
    )


def pesan(s: SetelanSmtp, kepada: str, subjek: str, isi: str) -> EmailMessage:
    """A plain-text UTF-8 message."""
    m = EmailMessage()
    m["From"] = s.pengirim
    m["To"] = kepada
    m["Subject"] = subjek
    m["Date"] = formatdate(localtime=True)
    m["Message-ID"] = make_msgid(domain=s.pengirim.rpartition("@")[2] or "localhost")
    m.set_content(isi)
    return m


def kirim(s: SetelanSmtp, kepada: str, subjek: str, isi: str) -> None:
    """Send one mail; raises OSError / smtplib.SMTPException on any failure (the caller keeps
    the mail in the outbox for a later attempt)."""
    if not s.host:  # not aktif
        raise smtplib.SMTPException("Server surel belum diatur (MONEV_SMTP_HOST).")
    m = pesan(s, kepada, subjek, isi)
    if s.tls == "ssl":
        klien: smtplib.SMTP = smtplib.SMTP_SSL(
            s.host, s.port, timeout=s.batas_waktu, context=ssl.create_default_context()
        )
    else:
        klien = smtplib.SMTP(s.host, s.port, timeout=s.batas_waktu)
    with klien:
        if s.tls == "starttls":
            klien.starttls(context=ssl.create_default_context())
        if s.pengguna:
            klien.login(s.pengguna, s.sandi or "")
        klien.send_message(m)
