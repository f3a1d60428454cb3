"""The agency's category scale (skala kategori), pure: ordered bands with lower bounds, names and
colours, how many of the lowest bands are red, an optional scoring cap, and the rounding that
every shown percentage and every category share.

Rules (docs/fitur.md "Skala kategori"):
- A value is categorised as shown: rounded half up to two decimals first (`bulat`), so 90,995
  prints "91,00%" and is in the band that starts at 91. `formats.angka` / `formats.persen`
  print through the same `bulat`.
- Bands are ordered high to low; level 1 is the highest. Each band holds values from its lower
  bound (inclusive) up to the next band's lower bound; the lowest band has no lower bound.
- The lowest `jumlah_merah` bands are red: every rule that asks "is this indicator in trouble"
  (note required, red lists, warnings, meeting agenda) asks the level, never the name.
- `batas_skor` (e.g. 100) caps each value before it enters an average (per unit, instansi,
  heat map, program, predikat); a single indicator's capaian is shown uncapped.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from dashboard.inti.batas import periksa_angka

DESIMAL = 2  # capaian is shown and categorised with two decimals
MIN_KATEGORI, MAKS_KATEGORI = 2, 7
PANJANG_NAMA_KATEGORI = 40
NAMA_STATUS = frozenset({"Belum Diisi", "Belum Dapat Dinilai", "Tidak Ada Target"})
_WARNA = re.compile(r"^#[0-9a-fA-F]{6}$")

# Green to red by the number of bands: the default colours of a scale (5: the dashboard's own).
PALET = {
    2: ("#1a7f37", "#c92a2a"),
    3: ("#1a7f37", "#f0ad4e", "#c92a2a"),
    4: ("#1a7f37", "#5cb85c", "#e8590c", "#c92a2a"),
    5: ("#1a7f37", "#5cb85c", "#f0ad4e", "#e8590c", "#c92a2a"),
    6: ("#1a7f37", "#5cb85c", "#94c973", "#f0ad4e", "#e8590c", "#c92a2a"),
    7: ("#0b5d2a", "#1a7f37", "#5cb85c", "#f0ad4e", "#f08c3a", "#e8590c", "#c92a2a"),
}


def bulat(nilai: float | int | Decimal, desimal: int = DESIMAL) -> Decimal:
    """`nilai` rounded half up to `desimal` places, on its decimal form as written (the
    shortest repr of a float), so 90.995 gives 91.00 although the binary double is a hair
    below; the one rounding of every shown number and every category."""
    d = nilai if isinstance(nilai, Decimal) else Decimal(repr(float(nilai)))
    if not d.is_finite():
        return d
    presisi = max(28, d.adjusted() + desimal + 3)
    return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP, context=Context(presisi))


def _teks_angka(x: float) -> str:
    """A bound as the admin wrote it, Indonesian style: `90,5`, `91`."""
    return format(bulat(x).normalize(), "f").replace(".", ",")


@dataclass(frozen=True)
class Kategori:
    """One band: its name, lower bound (inclusive; None for the lowest band) and colour."""

    nama: str
    bawah: float | None
    warna: str


@dataclass(frozen=True)
class Skala:
    """An ordered category scale, highest band first. Construction validates it (ValueError
    with an Indonesian message), so the engine never meets a scale with gaps or overlaps."""

    kategori: tuple[Kategori, ...]
    jumlah_merah: int = 2
    batas_skor: float | None = None
    nama: str = "Khusus"

    def __post_init__(self) -> None:
        object.__setattr__(self, "kategori", tuple(self.kategori))
        k = self.kategori
        if not MIN_KATEGORI <= len(k) <= MAKS_KATEGORI:
            raise ValueError(
                f"Skala harus memiliki {MIN_KATEGORI} sampai {MAKS_KATEGORI} kategori."
            )
        dilihat: set[str] = set()
        for i, b in enumerate(k, start=1):
            nama = b.nama.strip() if isinstance(b.nama, str) else ""
            if not nama:
                raise ValueError(f"Nama kategori ke-{i} wajib diisi.")
            if len(nama) > PANJANG_NAMA_KATEGORI:
                raise ValueError(
                    f"Nama kategori '{nama}' terlalu panjang (paling banyak "
                    f"{PANJANG_NAMA_KATEGORI} karakter)."
                )
            if nama != b.nama:
                raise ValueError(f"Nama kategori '{nama}' diawali atau diakhiri spasi.")
            if nama.lower() in {s.lower() for s in NAMA_STATUS}:
                raise ValueError(f"'{nama}' adalah nama status, bukan nama kategori.")
            if nama.lower() in dilihat:
                raise ValueError(f"Nama kategori '{nama}' dipakai lebih dari sekali.")
            dilihat.add(nama.lower())
            if not isinstance(b.warna, str) or not _WARNA.match(b.warna):
                raise ValueError(f"Warna kategori '{nama}' harus berbentuk #RRGGBB.")
            if i == len(k):
                if b.bawah is not None:
                    raise ValueError(
                        f"Kategori terbawah '{nama}' tidak memiliki batas bawah (kosongkan)."
                    )
                continue
            if b.bawah is None:
                raise ValueError(f"Batas bawah kategori '{nama}' wajib diisi.")
            salah = periksa_angka(float(b.bawah))
            if salah:
                raise ValueError(f"Batas bawah kategori '{nama}': {salah}.")
            if bulat(b.bawah) != Decimal(repr(float(b.bawah))):
                raise ValueError(
                    f"Batas bawah kategori '{nama}' paling banyak dua desimal (nilai "
                    "dikategorikan setelah dibulatkan ke dua desimal)."
                )
            atas_bawah = k[i - 2].bawah if i > 1 else None  # checked in the round before
            if atas_bawah is not None and not b.bawah < atas_bawah:
                atas = k[i - 2]
                raise ValueError(
                    f"Batas bawah '{nama}' ({_teks_angka(b.bawah)}) harus lebih kecil dari "
                    f"batas bawah '{atas.nama}' ({_teks_angka(atas_bawah)}): rentang tidak "
                    "boleh tumpang tindih atau kosong."
                )
        if not 1 <= self.jumlah_merah < len(k):
            raise ValueError(
                "Kategori merah harus 1 sampai "
                f"{len(k) - 1} kategori terbawah (kategori teratas tidak boleh merah)."
            )
        if self.batas_skor is not None:
            batas = float(self.batas_skor)
            if not math.isfinite(batas) or batas <= 0:
                raise ValueError("Batas skor harus angka lebih dari 0, atau dikosongkan.")
            teratas = k[0].bawah  # set: a scale has at least two categories (checked above)
            if teratas is not None and batas < teratas:
                raise ValueError(
                    f"Batas skor ({_teks_angka(batas)}) tidak boleh di bawah batas bawah kategori "
                    f"teratas ({_teks_angka(teratas)}): kategori itu tak pernah tercapai."
                )

    # ------------------------------------------------------------ reading the scale

    @property
    def urut(self) -> tuple[str, ...]:
        """Band names, highest first (legend order, count columns)."""
        return tuple(b.nama for b in self.kategori)

    @property
    def nama_merah(self) -> tuple[str, ...]:
        """Names of the red bands, highest first."""
        return self.urut[len(self.kategori) - self.jumlah_merah :]

    @property
    def label_merah(self) -> str:
        """`Rendah / Sangat Rendah`: the red bands as a heading says them."""
        return " / ".join(self.nama_merah)

    def level(self, nilai: float | None) -> int | None:
        """Level (1 = highest) of a value, decided on the value rounded as shown; None for
        None or NaN."""
        if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
            return None
        d = bulat(nilai)
        for i, b in enumerate(self.kategori, start=1):
            if b.bawah is None or d >= Decimal(repr(float(b.bawah))):
                return i
        return len(self.kategori)

    def kategori_nilai(self, nilai: float | None) -> str | None:
        lv = self.level(nilai)
        return None if lv is None else self.kategori[lv - 1].nama

    def level_nama(self, nama: object) -> int | None:
        """Level of a band name of this scale; None for anything else (a status, None)."""
        return self.urut.index(nama) + 1 if nama in self.urut else None

    def merah(self, level: int | None) -> bool:
        """A red level: one of the lowest `jumlah_merah` bands."""
        return level is not None and level > len(self.kategori) - self.jumlah_merah

    def warna(self, nama: object) -> str | None:
        lv = self.level_nama(nama)
        return None if lv is None else self.kategori[lv - 1].warna

    def skor(self, nilai: float) -> float:
        """A value as it enters an average: capped at `batas_skor` when set."""
        return nilai if self.batas_skor is None else min(nilai, float(self.batas_skor))

    def rentang(self, level: int, satuan: str = "") -> str:
        """The band's range as text: `≥ 91`, `≥ 76 dan < 91`, `< 51` (`satuan` after each
        number, e.g. "%")."""
        b = self.kategori[level - 1]
        bawah = None if b.bawah is None else f"≥ {_teks_angka(b.bawah)}{satuan}"
        if level == 1:
            if bawah is None:  # a valid scale's top band has one
                raise ValueError("Skala tidak valid: kategori teratas tanpa batas bawah.")
            return bawah
        batas_atas = self.kategori[level - 2].bawah
        if batas_atas is None:  # only the bottom band has none
            raise ValueError("Skala tidak valid: kategori di atasnya tanpa batas bawah.")
        atas = f"< {_teks_angka(batas_atas)}{satuan}"
        return atas if bawah is None else f"{bawah} dan {atas}"

    # ------------------------------------------------------------ storage

    def ke_json(self) -> str:
        """The stored form (`pengaturan` key `skala_kategori`)."""
        return json.dumps(
            {
                "nama": self.nama,
                "kategori": [
                    {"nama": b.nama, "bawah": b.bawah, "warna": b.warna} for b in self.kategori
                ],
                "jumlah_merah": self.jumlah_merah,
                "batas_skor": self.batas_skor,
            },
            ensure_ascii=False,
        )


def dari_json(teks: str) -> Skala:
    """A scale stored by `Skala.ke_json`, validated."""
    raw = json.loads(teks)
    return Skala(
        tuple(
            Kategori(k["nama"], None if k["bawah"] is None else float(k["bawah"]), k["warna"])
            for k in raw["kategori"]
        ),
        int(raw.get("jumlah_merah", 2)),
        None if raw.get("batas_skor") is None else float(raw["batas_skor"]),
        str(raw.get("nama") or "Khusus"),
    )


def dari_bands_lama(teks: str) -> Skala:
    """The earlier setting `kategori_bands`: `[[nama, bawah|null, atas|null], ...]` (null = open
    end), read as a scale with the default colours, the lowest two red and no cap."""
    raw = json.loads(teks)
    urut = sorted(
        (
            (str(n), -math.inf if lo is None else float(lo), math.inf if hi is None else float(hi))
            for n, lo, hi in raw
        ),
        key=lambda b: b[1],
        reverse=True,
    )
    if not urut:
        raise ValueError("Rentang kategori tidak boleh kosong.")
    for (n1, lo1, _), (n2, _, hi2) in zip(urut, urut[1:], strict=False):
        if hi2 != lo1:
            raise ValueError(f"Rentang kategori '{n1}' dan '{n2}' tumpang tindih atau bercelah.")
    palet = PALET.get(len(urut), PALET[5])
    return Skala(
        tuple(
            Kategori(n, None if i == len(urut) - 1 else lo, palet[i % len(palet)])
            for i, (n, lo, _) in enumerate(urut)
        ),
        jumlah_merah=min(2, len(urut) - 1),
        nama="Khusus",
    )


def _skala(
    nama: str, sebutan: Sequence[str], batas: Sequence[float], batas_skor: float | None = None
) -> Skala:
    palet = PALET[len(sebutan)]
    bawah = [*batas, None]
    return Skala(
        tuple(Kategori(s, b, w) for s, b, w in zip(sebutan, bawah, palet, strict=True)),
        2,
        batas_skor,
        nama,
    )


BATAS_PERMENDAGRI = (91.0, 76.0, 66.0, 51.0)
SEBUTAN_PERMENDAGRI = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
SEBUTAN_BAIK = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang")

PRESET: dict[str, Skala] = {
    "permendagri": _skala("Permendagri 86/2017", SEBUTAN_PERMENDAGRI, BATAS_PERMENDAGRI),
    "baik": _skala(
        "Permendagri 86/2017, sebutan Sangat Baik – Sangat Kurang",
        SEBUTAN_BAIK,
        BATAS_PERMENDAGRI,
    ),
    "dibatasi_100": _skala(
        "Permendagri 86/2017, skor dibatasi 100", SEBUTAN_PERMENDAGRI, BATAS_PERMENDAGRI, 100.0
    ),
}
SKALA_BAKU = PRESET["permendagri"]
