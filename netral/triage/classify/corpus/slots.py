"""Slot fillers and register wrappers shared by every frame.

The people, candidates, parties and media are invented; regions and agency kinds are real
Indonesian ones so that the text reads like a report. Nothing here hints at a label: the same
fillers and wrappers serve every violation type and ``none``.
"""

from __future__ import annotations

import random

FIRST = [
    "Budi",
    "Sri",
    "Agus",
    "Dewi",
    "Hendra",
    "Nur",
    "Yusuf",
    "Rina",
    "Made",
    "Ketut",
    "Andi",
    "Siti",
    "Rahmat",
    "Lestari",
    "Joko",
    "Wayan",
    "Fitri",
    "Darmawan",
    "Sutrisno",
    "Maria",
    "Ucok",
    "Herlina",
    "Asep",
    "Neneng",
    "Ridwan",
    "Oktavia",
    "Bambang",
    "Yohanes",
    "Ikhsan",
    "Ratna",
    "Syamsul",
    "Evi",
    "Teguh",
    "Margaretha",
    "Firman",
    "Lina",
    "Hasanuddin",
    "Wulan",
]
LAST = [
    "Santoso",
    "Rahayu",
    "Siregar",
    "Pratama",
    "Wijaya",
    "Hidayat",
    "Nasution",
    "Suryani",
    "Lubis",
    "Saputra",
    "Manurung",
    "Kurniawan",
    "Hasibuan",
    "Setiawan",
    "Harahap",
    "Susanti",
    "Tambunan",
    "Gunawan",
    "Sembiring",
    "Permana",
    "Daeng Massese",
    "Latuconsina",
    "Mandagi",
    "Purba",
    "Marpaung",
    "Syahputra",
    "Ginting",
    "Rumbiak",
    "Wenas",
    "Sitompul",
]
TITLE = ["", "", "", ", S.Pd.", ", S.Sos.", ", S.E.", ", S.H.", ", S.Kep.", ", M.Si.", ", S.T."]

POSITION_FORMAL = [
    "guru SD Negeri {n} {kec}",
    "Kepala SMP Negeri {n} {kec}",
    "Camat {kec}",
    "Sekretaris Camat {kec}",
    "Lurah {desa}",
    "Kepala Puskesmas {kec}",
    "staf Dinas Pendidikan {wil}",
    "Kepala Bidang Anggaran BPKAD {wil}",
    "Kepala Dinas Pertanian {wil}",
    "penyuluh pertanian lapangan di {kec}",
    "bidan PNS di Puskesmas {kec}",
    "Kepala Seksi Pemerintahan Kecamatan {kec}",
    "pegawai Kantor Pertanahan {wil}",
    "dosen PNS pada universitas negeri di {wil}",
    "guru PPPK di SMA Negeri {n} {wil}",
    "Kepala UPT Pendidikan {kec}",
    "Sekretaris Dinas Kesehatan {wil}",
    "analis kebijakan pada Bappeda {wil}",
    "staf Sekretariat DPRD {wil}",
    "Kepala Bagian Umum Setda {wil}",
    "pegawai Dinas PUPR {wil}",
    "perawat ASN di RSUD {wil}",
    "Kepala Dinas Sosial {wil}",
    "pengawas sekolah di {wil}",
]
POSITION_INFORMAL = [
    "guru SD {n} {kec}",
    "pak camat {kec}",
    "bu lurah {desa}",
    "sekcam {kec}",
    "kepsek SMP {n}",
    "kadis pendidikan",
    "staf dinkes",
    "pegawai kecamatan",
    "penyuluh pertanian desa kami",
    "bidan puskesmas",
    "guru honorer yg baru jadi PPPK",
    "pegawai pemkab",
    "orang BPKAD",
    "kabid di dinas PU",
    "ASN kantor bupati",
    "pns dinas sosial",
    "kepala puskesmas",
    "dosen PNS kampus negeri",
]
REGION = [
    "Kabupaten Bogor",
    "Kota Makassar",
    "Kabupaten Sleman",
    "Kabupaten Deli Serdang",
    "Kota Kupang",
    "Kabupaten Banyuwangi",
    "Kabupaten Lombok Timur",
    "Kota Pontianak",
    "Kabupaten Gowa",
    "Kabupaten Garut",
    "Kota Ambon",
    "Kabupaten Jayapura",
    "Kabupaten Kampar",
    "Kota Padang",
    "Kabupaten Tapanuli Utara",
    "Kabupaten Minahasa",
    "Kota Banjarmasin",
    "Kabupaten Cirebon",
    "Kabupaten Bone",
    "Kota Jambi",
    "Kabupaten Tabanan",
    "Kabupaten Sumba Barat",
    "Kota Ternate",
    "Kabupaten Kutai Kartanegara",
]
DISTRICT = [
    "Cibinong",
    "Tamalate",
    "Depok",
    "Lubuk Pakam",
    "Oebobo",
    "Genteng",
    "Selong",
    "Pontianak Barat",
    "Somba Opu",
    "Tarogong",
    "Sirimau",
    "Sentani",
    "Bangkinang",
    "Kuranji",
    "Tarutung",
    "Tondano",
    "Banjarmasin Utara",
    "Sumber",
    "Tanete Riattang",
    "Telanaipura",
    "Kediri",
    "Waikabubak",
    "Ternate Selatan",
    "Tenggarong",
]
VILLAGE = [
    "Sukamaju",
    "Mekarsari",
    "Tanjung Harapan",
    "Sidomulyo",
    "Karang Anyar",
    "Pasir Putih",
    "Bontoala",
    "Suka Damai",
    "Lamboya",
    "Air Salobar",
    "Sumber Rejo",
    "Ujung Bulu",
    "Tegal Sari",
    "Lubuk Raya",
    "Padang Sidempuan Baru",
    "Kampung Baru",
    "Watu Gong",
]
CANDIDATE = [
    "H. Darmawan Syarif",
    "Ir. Yuliani Pakpahan",
    "Andi Baso Rahman",
    "dr. Stefanus Lado",
    "Hj. Nurhasanah",
    "Rudi Hartono Sinaga",
    "Komang Adi Putra",
    "Drs. Firdaus Malik",
    "Benediktus Wona",
    "Irawati Tanjung",
    "Muhammad Rizal",
    "Surya Atmaja",
]
OFFICE_SOUGHT = ["bupati", "wali kota", "gubernur", "wakil bupati", "wakil wali kota"]
PARTY = [
    "Partai Nusantara Maju",
    "Partai Rakyat Berdaulat",
    "Partai Karya Bangsa",
    "Partai Persatuan Tani",
    "Partai Suara Keadilan",
    "Partai Gema Indonesia",
    "Partai Bintang Pembaruan",
]
PLATFORM = ["Facebook", "Instagram", "TikTok", "X", "grup WhatsApp", "status WhatsApp", "YouTube"]
DATE = [
    "Selasa (17/9)",
    "17 September 2024",
    "Sabtu, 12 Oktober 2024",
    "kemarin sore",
    "tanggal 3 Oktober 2024",
    "Minggu pagi (20/10)",
    "27/11/2024",
    "pekan lalu",
    "Kamis malam (7/11)",
    "awal bulan ini",
    "hari Jumat lalu",
    "2 November 2024",
]
DATE_INFORMAL = [
    "kmrn sore",
    "td pagi",
    "minggu lalu",
    "tgl 12 kmrn",
    "malam jumat",
    "pas hari sabtu",
    "sekitar jam 10an",
    "kemaren",
    "tadi siang",
    "bbrp hari lalu",
]
MEDIA = ["Warta{city}", "Suara{city}", "{city}Terkini", "Kabar{city}", "Lintas{city}"]

OPEN = {
    "formal": [
        "",
        "",
        "Dengan hormat, ",
        "Kami melaporkan bahwa ",
        "Pelapor menyampaikan bahwa ",
        "Berdasarkan pengamatan pelapor, ",
        "Bersama ini kami sampaikan laporan bahwa ",
        "Menurut keterangan saksi, ",
    ],
    "informal": [
        "",
        "",
        "min mau lapor, ",
        "assalamualaikum pak, sy mau lapor. ",
        "lapor min!! ",
        "bang ini gmn ya, ",
        "maaf ganggu, ",
        "pak bawaslu tolong ",
        "halo kak, ",
    ],
    "social": [
        "",
        "[Diteruskan dari grup WA] ",
        "Postingan yg lagi rame di FB: ",
        "Copas dari grup warga: ",
        "Screenshot story IG: ",
        "Viral di TikTok: ",
    ],
    "news": ["", "{CITY}, {media} — ", "{media}, {CITY} — ", "{CITY} — "],
}
CLOSE = {
    "formal": [
        "",
        "",
        " Bukti foto terlampir.",
        " Mohon laporan ini ditindaklanjuti.",
        " Saksi yang melihat ada dua orang warga.",
        " Video kejadian kami lampirkan.",
        " Demikian laporan ini kami sampaikan.",
    ],
    "informal": [
        "",
        "",
        " tolong ditindak ya",
        " buktinya ada di hp sy",
        " jgn sebut nama sy ya pak",
        " mksh",
        " ada videonya kok",
        " sy takut lapor langsung",
        " 🙏",
    ],
    "social": ["", "", " #pilkada2024", " #asnnetral #pilkadadamai", " 😡😡", " cek aja sendiri"],
    "news": [
        "",
        " Bawaslu masih mendalami kasus tersebut.",
        " Bawaslu {wil} telah meminta klarifikasi yang bersangkutan.",
        " Yang bersangkutan belum memberikan tanggapan.",
        ' "Kami sedang mengumpulkan bukti," ujar anggota Bawaslu setempat.',
    ],
}

# A frame starting with one of these words is lower-cased after an opening such as "Kami
# melaporkan bahwa "; a name stays as written.
_COMMON_FIRST_WORDS = (
    "Seorang Oknum Salah Ada Pada Di Sejumlah Beberapa Saat Dalam Ketika Dua Tiga Para Akun "
    "Sebuah Kepala Istri Foto Terlapor Verifikasi Berdasarkan Setelah Sebelum Tim Nama Aula "
    "Mobil Pasangan Program Mutasi Pencairan Menjelang Ratusan Pemungutan Seluruh"
)
COMMON_FIRST_WORDS = frozenset(_COMMON_FIRST_WORDS.split(" "))


def fill(rng: random.Random, register: str) -> dict[str, str]:
    """One set of slot values: every frame may use any of them."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    n = str(rng.randint(1, 12))
    region = rng.choice(REGION)
    city = region.split(" ", 1)[1]
    place = {"kec": rng.choice(DISTRICT), "desa": rng.choice(VILLAGE), "wil": region, "n": n}
    office = rng.choice(OFFICE_SOUGHT)
    cand_name = rng.choice(CANDIDATE)
    number = rng.choice(["1", "2", "3", "4"])
    values = {
        **place,
        "nama": f"{first} {last}{rng.choice(TITLE)}",
        "inisial": f"{first[0]}{last[0]}",
        "jumlah": str(rng.randint(3, 40)),
        "first": first,
        "jab": rng.choice(POSITION_FORMAL).format(**place),
        "jabi": rng.choice(POSITION_INFORMAL).format(**place),
        "calon": cand_name,
        "jabatan_calon": office,
        "no": number,
        "no2": number.zfill(2),
        "paslon": rng.choice(
            [
                f"pasangan calon nomor urut {number}",
                f"paslon nomor urut {number}",
                f"calon {office} nomor urut {number}",
                f"pasangan calon {office} {cand_name}",
            ]
        ),
        "bacalon": rng.choice(
            [
                f"bakal calon {office} {cand_name}",
                f"bakal calon {cand_name}",
                f"bacalon {office} {cand_name}",
            ]
        ),
        "partai": rng.choice(PARTY),
        "medsos": rng.choice(PLATFORM),
        "tgl": rng.choice(DATE if register in ("formal", "news") else DATE_INFORMAL),
        "city": city,
        "CITY": city.upper(),
        "media": rng.choice(MEDIA).format(city=city.replace(" ", "")),
        "akun": "@"
        + rng.choice(["warga", "info", "suara", "kabar", "pantau"])
        + city.split()[0].lower()
        + rng.choice(["", "24", "_id", "update"]),
    }
    return values


def wrap(rng: random.Random, register: str, body: str, values: dict[str, str]) -> str:
    """The body in its register's opening and closing, as reporters and posts write them."""
    opening = rng.choice(OPEN[register]).format(**values)
    closing = rng.choice(CLOSE[register]).format(**values)
    if opening.endswith((", ", "bahwa ")) and body.split(" ", 1)[0] in COMMON_FIRST_WORDS:
        body = body[0].lower() + body[1:]
    return (opening + body + closing).strip()
