"""Rows of real, published capaian tables of Indonesian agencies, as printed, with each agency's
rule: the fixtures of tests/test_lkj_publikasi.py (issue 13, "Done when").

Numbers are kept as the text the publication prints (Indonesian notation, "87,10"), so the test
parses them exactly as an agency's workbook would be typed. Where a publication states how it
computes (polaritas, negative formula, a cap on capaian), `aturan` says so and quotes it; what
the test does not reproduce, and why, is in TIDAK_DIREPRODUKSI there.

Every source is public material found with the project's search tool (pages of the stored web
corpus, or a public GitHub repository); the URL or repository path is the citation.
"""

from __future__ import annotations

SUMBER: dict[str, dict] = {
    # ------------------------------------------------------------------ negatif, rumus B
    "MATIM_2019": {
        "instansi": "Pemerintah Kabupaten Manggarai Timur (Provinsi Nusa Tenggara Timur)",
        "kode_instansi": "MATIM",
        "dokumen": "Laporan Kinerja Instansi Pemerintah (LKjIP) Kabupaten Manggarai Timur "
        "Tahun 2019 (www.manggaraitimurkab.go.id)",
        "tahun_dokumen": 2019,
        "tabel": "Tabel 3.8 Analisis Pencapaian Sasaran Strategis 5",
        "halaman": "41",
        "url": "https://123dok.com/article/"
        "menurunnya-kematian-ibu-baru-melahirkan-anak-baru-lahir.qojrmjjz",
        "sasaran": "Menurunnya Kematian Ibu Baru Melahirkan dan Anak Baru Lahir",
        "aturan": {
            "polaritas": "negatif untuk ketiga indikator (angka kematian: makin rendah makin baik)",
            "rumus_negatif": "B",
            "kutipan": "Nilai capaiannya diperoleh dari Realisasi capaian sebesar 0,19% "
            "(186/100.000) dibagikan dengan target capain sebesar 0,16% (162/100.000), "
            "dikalikan dengan seratus persen, sama dengan 87,10 %",
            "catatan": "The wording says realisasi / target, the figure is target / realisasi "
            "(162 / 186 = 87,10 %; 9,20 / 9,53 = 96,54 %): the product's rumus B.",
            "batas_skor": None,
            "skala": "Baik for 85,38 % (the text: 'kategori Baik')",
        },
        "baris": [
            {
                "kode": "IKU-5.1",
                "indikator": "Angka Kematian Ibu",
                "satuan": "per 100.000KH",
                "polaritas": "negatif",
                "rumus_negatif": "B",
                "tahun": 2019,
                "target": "0,16",
                "realisasi": "0,19",
                "capaian": "87,10",
                "predikat": "Baik",
                # the text gives the unrounded figures behind 0,16 % and 0,19 %
                "target_teks": "162",
                "realisasi_teks": "186",
            },
            {
                "kode": "IKU-5.2",
                "indikator": "Angka Kematian Bayi",
                "satuan": "per 1.000KH",
                "polaritas": "negatif",
                "rumus_negatif": "B",
                "tahun": 2019,
                "target": "9,20",
                "realisasi": "9,53",
                "capaian": "96,54",
                "predikat": None,
            },
            {
                "kode": "IKU-5.3",
                "indikator": "Angka Kematian Balita",
                "satuan": "per 1.000KH",
                "polaritas": "negatif",
                "rumus_negatif": "B",
                "tahun": 2019,
                "target": "0,64",
                "realisasi": "0,18",
                "capaian": "72,52",
                "predikat": None,
            },
        ],
        "rata_rata": {"tahun": 2019, "dicetak": "85,38", "predikat": "Baik"},
    },
    # ------------------------------------------------------------------ negatif, rumus A
    "LAMPUNG_2015": {
        "instansi": "Pemerintah Provinsi Lampung",
        "kode_instansi": "LAMPUNG",
        "dokumen": "LKj Provinsi Lampung Tahun 2015, Bab III Akuntabilitas Kinerja "
        "Pemerintah Provinsi Lampung",
        "tahun_dokumen": 2015,
        "tabel": "Tabel 3.37 (Angka Kematian Bayi per 1000 kelahiran hidup)",
        "halaman": "155",
        "url": "https://text-id.123dok.com/document/"
        "lzgjwrwvz-angka-kematian-ibu-aki-per-100-000-kelahiran-hidup.html",
        "sasaran": "Meningkatnya derajat kesehatan masyarakat",
        "aturan": {
            "polaritas": "negatif (angka kematian)",
            "rumus_negatif": "A",
            "kutipan": "Angka ini bila dibandingkan dengan target Provinsi Lampung sebesar 32 "
            "per 1000 kelahiran hidup maka ... capaian kinerja sebesar 184,75 dengan kriteria "
            "penilaian kinerja Sangat Tinggi(ST). Bila dibandingkan realisasi tahun 2015 "
            "sebesar 4,88 ... dengan target tahun 2019 sebesar 24 ..., maka capaian kinerja "
            "mencapai 179,67",
            "catatan": "(2 x 32 - 4,88) / 32 = 184,75 %; against the 2019 Renstra target "
            "(2 x 24 - 4,88) / 24 = 179,67 %: rumus A, no cap (184,75 is printed).",
            "batas_skor": None,
            "skala": "Permendagri 86/2017 (Sangat Tinggi .. Sangat Rendah)",
        },
        "baris": [
            {
                "kode": "IKU-AKB",
                "indikator": "Angka Kematian Bayi (AKB) per 1000 kelahiran hidup",
                "satuan": "per 1000 KH",
                "polaritas": "negatif",
                "rumus_negatif": "A",
                "tahun": 2015,
                "target": "32",
                "realisasi": "4,88",
                "capaian": "184,75",
                "predikat": "Sangat Tinggi",
                "renstra_2019": "24",
                "capaian_renstra": "179,67",
            },
        ],
    },
    # ------------------------------------------------------------------ positif, whole percents
    "BOGOR_2020": {
        "instansi": "Kepolisian Resor Kota Bogor Kota (Polresta Bogor Kota)",
        "kode_instansi": "POLRESTABOGOR",
        "dokumen": "Laporan Kinerja Instansi Pemerintah (LKIP) Polresta Bogor Kota TA 2020",
        "tahun_dokumen": 2020,
        "tabel": "Tabel 2.4b2 Realisasi Kinerja Presentase Penyelesaian Perkara Tindak Pidana "
        "Laka Lantas serta Capaian Kinerja Tahun Ini Dengan Tahun Lalu",
        "halaman": "98",
        "url": "https://123dok.com/article/"
        "persentase-penyelesaian-perkara-tindak-pidana-laka-lantas.y8p3r54z",
        "sasaran": "Penyelesaian perkara tindak pidana",
        "aturan": {
            "polaritas": "positif",
            "rumus_negatif": None,
            "kutipan": "Persentase penyelesaian perkara tindak pidana laka lantas pada tahun "
            "2020 dengan target 95%, realisasi 96% dan capaian 101%.",
            "catatan": "Capaian printed in whole percents (96 / 95 = 101,05 % printed 101 %; "
            "91 / 95 = 95,79 % printed 96 %).",
            "batas_skor": None,
            "skala": None,
        },
        "baris": [
            {
                "kode": "IKU-2.4",
                "indikator": "Persentase penyelesaian perkara tindak pidana laka lantas",
                "satuan": "%",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2019,
                "target": "95",
                "realisasi": "91",
                "capaian": "96",
                "predikat": None,
            },
            {
                "kode": "IKU-2.4",
                "indikator": "Persentase penyelesaian perkara tindak pidana laka lantas",
                "satuan": "%",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2020,
                "target": "95",
                "realisasi": "96",
                "capaian": "101",
                "predikat": None,
            },
        ],
    },
    # ------------------------------------------------------------------ positif, truncated
    "POLDAJATENG_2018": {
        "instansi": "Sentra Pelayanan Kepolisian Terpadu (SPKT) Polda Jawa Tengah",
        "kode_instansi": "SPKTJATENG",
        "dokumen": "Presentase Tingkat Kepuasan Masyarakat (pengukuran kinerja 2018, "
        "'Membandingkan antara target dan realisasi kinerja tahun ini'), terbit 13 Februari "
        "2019",
        "tahun_dokumen": 2018,
        "tabel": "Tabel Indikator Kinerja",
        "halaman": None,
        "url": "https://spktpoldajateng.blogspot.com",
        "sasaran": "Meningkatnya kepuasan masyarakat terhadap pelayanan Polri",
        "aturan": {
            "polaritas": "positif",
            "rumus_negatif": None,
            "kutipan": "Persentase tingkat kepuasan masyarakat terhadap Polri di tahun 2018 "
            "sebesar 90,83% dari target yang telah di tetapkan sebesar 65%, sehingga capaian "
            "... sebesar 139,73%.",
            "catatan": "90,83 / 65 = 139,7385 %: printed 139,73, i.e. cut off, not rounded.",
            "batas_skor": None,
            "skala": None,
        },
        "baris": [
            {
                "kode": "IKU-1",
                "indikator": "Tingkat kepuasan masyarakat terhadap Polri",
                "satuan": "%",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2018,
                "target": "65",
                "realisasi": "90,83",
                "capaian": "139,73",
                "predikat": None,
            },
        ],
    },
    # ------------------------------------------------------------------ positif, cap 120
    "DJBC_ACEH_2019": {
        "instansi": "Kantor Wilayah DJBC Aceh (Kementerian Keuangan), Nilai Kinerja Organisasi",
        "kode_instansi": "KWBCACEH",
        "dokumen": "Nilai Kinerja Organisasi 2019, IKU 1a-CP and IKU 2a-CP (pages of the "
        "office's NKO application; the notes cite LAP-4/WBC.01/BD.05/2019 and the Kejaksaan "
        "Negeri Simeulue letters behind the figures)",
        "tahun_dokumen": 2019,
        "tabel": "Capaian pada tahun 2019 (T/R/C per quarter)",
        "halaman": None,
        "url": "github:zepar121/tugas123 application/views/admin/nko2019/iku1a19.php and "
        "iku2a19.php (commit 88bae731049cc4066f5cdf9e69bf17a08c9ca594)",
        "sasaran": "Penegakan hukum dan pelayanan kepabeanan dan cukai",
        "aturan": {
            "polaritas": "positif",
            "rumus_negatif": None,
            "kutipan": "Realisasi s.d Bulan Desember 90% ... Capaian s.d Bulan Desember 120%",
            "catatan": "Kementerian Keuangan caps the capaian of an IKU at 120 %: 90 / 70 = "
            "128,57 % (and 90 / 30 = 300 % in TW I) are printed 120 %; 4,60 / 4,38 = 105,02 % "
            "stays (below the cap). Quarterly targets are cumulative levels (30/40/50/70 %). "
            "The pages' 2018 tables repeat one template for every IKU (30/40/50/70, 100, "
            "120 % also for an index of scale 5), so 2018 is left out.",
            "batas_skor": 120.0,
            "skala": None,
        },
        "baris": [
            {
                "kode": "IKU-1a-CP",
                "indikator": "Persentase Hasil Penyidikan yang Telah Dinyatakan Lengkap oleh "
                "Kejaksaan (P21)",
                "satuan": "%",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2019,
                "target": "70",
                "target_tw": ("30", "40", "50", "70"),
                "realisasi": "90",
                "realisasi_tw": ("90", "90", "90", "90"),
                "capaian": "120",
                "predikat": None,
            },
            {
                "kode": "IKU-2a-CP",
                "indikator": "Indeks kepuasan pengguna jasa",
                "satuan": "indeks (skala 5)",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2019,
                "target": "4,38",
                "realisasi": "4,60",
                "capaian": "105,02",
                "predikat": None,
            },
        ],
    },
    # ------------------------------------------------------------------ scale capped at 100
    "SAMPANG_2019": {
        "instansi": "Inspektorat Daerah Kabupaten Sampang",
        "kode_instansi": "INSPSAMPANG",
        "dokumen": "LKjIP Inspektorat Daerah Kabupaten Sampang Tahun 2019",
        "tahun_dokumen": 2019,
        "tabel": "Tabel 3.1 Interval Penilaian Kinerja; Tabel 3.1 Pencapaian Kinerja",
        "halaman": "29-30",
        "url": "https://123dok.com/document/zx5dll94-baik-baik-cukup-kurang-kurang.html",
        "sasaran": "Meningkatnya Akuntabilitas Keuangan Dan Kinerja Pemerintah Daerah",
        "aturan": {
            "polaritas": "positif",
            "rumus_negatif": None,
            "kutipan": "1 91 % ≤ 100 % Sangat Baik; 2 76 % ≤ 90% Baik; 3 66 % ≤ 75 % Cukup; "
            "4 51 % ≤ 65 % Kurang; 5 ≤ 50 % Sangat Kurang",
            "catatan": "The agency's scale ends at 100 % (a cap at 100), worded Sangat Baik .. "
            "Sangat Kurang; the indicator without a realisation prints n/a.",
            "batas_skor": 100.0,
            "skala": "Sangat Baik >= 91, Baik >= 76, Cukup >= 66, Kurang >= 51, Sangat Kurang",
        },
        "baris": [
            {
                "kode": "IKU-1",
                "indikator": "Persentase penurunan temuan keuangan yang bersifat materil",
                "satuan": "%",
                "polaritas": "positif",
                "rumus_negatif": None,
                "tahun": 2019,
                "target": "55",
                "realisasi": None,  # printed "n/a"
                "capaian": None,  # printed "n/a"
                "predikat": None,
            },
        ],
    },
}
