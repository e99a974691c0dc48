# ruff: noqa: E501 -- one frame per line: a frame is a sentence, read and reviewed whole.
"""Sentence frames for ``none``: what looks close to a violation but is not one (an inked
finger after voting, an official event in one's duty, a neutral post, a neutrality pledge)."""

from __future__ import annotations

FRAMES_NONE: list[tuple[str, str]] = [
    (
        "formal",
        "{nama}, {jab}, mengunggah foto jari bertinta setelah mencoblos di TPS {n} {desa} tanpa menyebut pilihan.",
    ),
    (
        "formal",
        "Terlapor menghadiri rapat koordinasi persiapan pemungutan suara yang diselenggarakan pemerintah daerah {wil} dalam kapasitas jabatannya.",
    ),
    (
        "formal",
        "{nama}, {jab}, mengikuti apel siaga dan ikrar netralitas ASN yang digelar Bawaslu {wil} pada {tgl}.",
    ),
    (
        "formal",
        "Terlapor hadir dalam upacara peringatan hari jadi {wil} sebagai {jab}; bupati petahana hadir sebagai inspektur upacara karena jabatannya.",
    ),
    (
        "formal",
        "Seorang {jab} membagikan pengumuman resmi KPU tentang jadwal pemungutan suara di akun {medsos} kantornya.",
    ),
    (
        "formal",
        "{nama} bertugas sebagai anggota KPPS di TPS {n} {desa} sesuai surat keputusan PPS dan melaksanakan tugas penghitungan suara.",
    ),
    (
        "formal",
        "Terlapor sudah mengundurkan diri sebagai PNS sebelum mendaftar sebagai calon {jabatan_calon}, dan surat pemberhentiannya telah terbit.",
    ),
    (
        "formal",
        "Istri terlapor, yang bukan ASN, menjadi anggota tim kampanye {paslon}; terlapor sendiri tidak terlibat dalam kegiatan apa pun.",
    ),
    (
        "formal",
        "{nama}, {jab}, memberikan sosialisasi pentingnya menggunakan hak pilih kepada siswa pemilih pemula tanpa menyebut calon mana pun.",
    ),
    (
        "informal",
        'abis nyoblos td pagi foto jari ungu di depan tps, posting di fb "sudah nyoblos, kamu?" hehe',
    ),
    (
        "informal",
        "pak {first} {jabi} cuma dateng ke musrenbang kecamatan, kebetulan ada wabup juga krn acara resmi pemda",
    ),
    (
        "informal",
        "min mau nanya, ASN boleh ga sih dateng ke kondangan yg ada calonnya? sy cuma salaman biasa, ga foto",
    ),
    ("informal", "bu {first} jadi petugas KPPS di tps deket rumah, dpt SK resmi, aman kan ya"),
    (
        "informal",
        "kmrn ikut deklarasi netralitas ASN di kantor bupati, baca ikrar ga memihak paslon manapun",
    ),
    (
        "social",
        "Jangan lupa 27 November datang ke TPS, gunakan hak pilihmu! #pilkadadamai — dibagikan akun {medsos} seorang guru.",
    ),
    (
        "social",
        '"Siapapun pilihannya, tetap jaga persaudaraan" — status WA {jabi} menjelang hari pencoblosan.',
    ),
    (
        "social",
        'Foto jari bertinta ungu dengan caption "Sudah menunaikan hak pilih, semoga {city} makin maju".',
    ),
    (
        "social",
        "Repost poster Bawaslu: ASN dilarang berpihak, laporkan pelanggaran netralitas ke pengawas terdekat.",
    ),
    (
        "news",
        "Ratusan ASN di {wil} mengikuti deklarasi netralitas yang digelar pemerintah daerah bersama Bawaslu.",
    ),
    (
        "news",
        "Bawaslu {wil} menyatakan laporan terhadap seorang {jab} tidak memenuhi unsur pelanggaran karena yang bersangkutan hadir dalam acara resmi pemerintahan.",
    ),
    (
        "news",
        "Pemungutan suara di {kec} berlangsung lancar; para ASN tampak menggunakan hak pilihnya di TPS masing-masing.",
    ),
    (
        "news",
        "Pj {jabatan_calon} {city} mengingatkan seluruh ASN untuk menjaga netralitas selama tahapan pilkada.",
    ),
]
