"""A real SMTP server for the tests (aiosmtpd), on a free port of 127.0.0.1, keeping every mail
it receives; stopped at the end of the block (its thread joined)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from dashboard.inti import serve


@dataclass
class KotakSurat:
    """The mailbox: each accepted mail's recipients and parsed message."""

    surat: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    tolak: bool = False  # answer every mail with a temporary failure (451)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        if self.tolak:
            return "451 Coba lagi nanti"
        pesan = message_from_bytes(envelope.content, policy=policy.default)
        self.surat.append((list(envelope.rcpt_tos), pesan))
        return "250 OK"

    def penerima(self) -> list[str]:
        return sorted(r for rcpt, _ in self.surat for r in rcpt)


@contextmanager
def server_smtp() -> Iterator[tuple[int, KotakSurat]]:
    from aiosmtpd.controller import Controller

    kotak = KotakSurat()
    sebelum = set(threading.enumerate())
    # the loop's default executor (aiosmtpd looks the host name up there) is ours to stop
    pelaksana = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smtp-uji")
    loop = asyncio.new_event_loop()
    loop.set_default_executor(pelaksana)
    kendali = Controller(kotak, hostname="127.0.0.1", port=serve.free_port(), loop=loop)
    kendali.start()
    milik = set(threading.enumerate()) - sebelum  # the server's own thread(s)
    try:
        yield kendali.port, kotak
    finally:
        kendali.stop()
        pelaksana.shutdown(wait=True)
        sisa = [
            t
            for t in threading.enumerate()
            if t.is_alive() and (t in milik or t.name.startswith("smtp-uji"))
        ]
        assert not sisa, f"server SMTP meninggalkan thread: {sisa}"
