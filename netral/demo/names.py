"""Word lists for the synthetic demo data (``demo_data``): names from across Indonesia,
agencies, positions per position class, place words and text snippets.

Invented combinations only: any likeness to a real civil servant is chance. Every position
listed under a class must be inferred back to that class by
``netral.reports.subjects.position_class_infer`` (a test checks it).
"""

from __future__ import annotations

from netral.reports.subjects import PositionClass


def _words(text: str) -> tuple[str, ...]:
    """A comma-separated list (kept as text so the lists stay compact)."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


# Given names, by sex, drawn from Javanese, Sundanese, Malay, Batak, Minang, Bugis, Balinese,
# Manado, Maluku, NTT and Papua naming habits.
GIVEN_MALE: tuple[str, ...] = _words(
    """
Agus, Ahmad, Andi, Arif, Bambang, Budi, Dedi, Dwi, Eko, Fajar, Hendra, Heru, Iwan,
Joko, Kurniawan, Muhammad, Rahmat, Rudi, Slamet, Sugeng, Suparman, Teguh, Wahyu, Yusuf,
Asep, Dadang, Ujang, Cecep, Ridwan, Syahrial, Zulkifli, Irwan, Darmawan, Hamzah,
La Ode, Muhlis, Baharuddin, Syamsul, Arifin, Made, Ketut, Wayan, Nyoman, Gede, Yohanes,
Frans, Markus, Petrus, Yosef, Stefanus, Robert, Marthen, Yakob, Abdul, Hasan, Husein,
Lalu, Sahabuddin, Ismail, Nasrullah, Ferdinand, Jefri
"""
)
GIVEN_FEMALE: tuple[str, ...] = _words(
    """
Sri, Siti, Dewi, Endang, Rina, Yuni, Lestari, Wulan, Ratna, Nur, Ani, Fitri, Indah,
Kartika, Mega, Nurul, Puspita, Rahayu, Sari, Tuti, Eti, Neneng, Iis, Euis, Yanti, Desi,
Rosmawati, Hasnah, Nurhayati, Wa Ode, Andi Nurlia, Syamsiah, Putu, Komang, Luh, Ayu,
Maria, Yuliana, Agustina, Theresia, Elisabeth, Magdalena, Martha, Baiq, Halimah,
Rukmini, Fatimah, Khadijah, Susanti, Wahyuni, Novita
"""
)
# Family names and second names (many Javanese have none: then a second given name).
FAMILY: tuple[str, ...] = _words(
    """
Santoso, Wijaya, Susanto, Hidayat, Saputra, Prasetyo, Nugroho, Setiawan, Purnomo,
Haryanto, Kusuma, Permana, Sumarni, Rahmawati, Suryani, Siregar, Nasution, Lubis,
Harahap, Simanjuntak, Sitompul, Hutapea, Pardede, Tanjung, Chaniago, Piliang, Koto,
Sikumbang, Daeng, Mappanyukki, Pawellangi, Rahim, Mokodompit, Lasut, Pangemanan,
Sumampow, Wenas, Lumban Gaol, Pattimura, Latuconsina, Pelupessy, Tuhuteru, Manuhutu,
Ndoen, Fanggidae, Lake, Bria, Wonda, Kogoya, Rumbiak, Mandacan, Sinaga, Silalahi,
Halawa, Zebua, Hasibuan, Ginting, Tarigan, Sembiring, Pratama, Firmansyah, Ramadhan,
Syahputra, Maulana, Kurniasih, Handayani
"""
)
# Academic degrees as they appear after (or before) Indonesian names.
DEGREES_AFTER: tuple[str, ...] = (
    "S.Pd.",
    "S.E.",
    "S.H.",
    "S.Sos.",
    "S.Kom.",
    "S.Kep.",
    "M.Si.",
    "M.M.",
    "M.Pd.",
    "S.STP., M.Si.",
    "S.IP.",
    "S.T.",
    "A.Md.",
)
DEGREES_BEFORE: tuple[str, ...] = ("Drs.", "Dra.", "Ir.", "dr.", "H.", "Hj.")

# Positions per class, each with the agency it works for. ``{gov}`` is "Kabupaten X",
# "Kota X" or "Provinsi X"; ``{place}`` a place word; ``{n}`` a school number.
ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    PositionClass.SENIOR_EXECUTIVE: (
        ("Sekretaris Daerah", "Sekretariat Daerah {gov}"),
        ("Kepala Dinas Pendidikan", "Dinas Pendidikan {gov}"),
        ("Kepala Dinas Kesehatan", "Dinas Kesehatan {gov}"),
        ("Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR {gov}"),
        ("Kepala Dinas Sosial", "Dinas Sosial {gov}"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "Bappeda {gov}"),
        ("Kepala Badan Kepegawaian dan Pengembangan SDM", "BKPSDM {gov}"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretariat Daerah {gov}"),
        ("Staf Ahli Bidang Ekonomi dan Pembangunan", "Sekretariat Daerah {gov}"),
        ("Inspektur Daerah", "Inspektorat {gov}"),
        ("Kepala Satpol PP", "Satuan Polisi Pamong Praja {gov}"),
        ("Direktur RSUD", "RSUD {gov}"),
    ),
    PositionClass.FUNCTIONAL: (
        ("Guru SD Negeri {n} {place}", "Dinas Pendidikan {gov}"),
        ("Guru SMP Negeri {n} {place}", "Dinas Pendidikan {gov}"),
        ("Kepala Sekolah SD Negeri {n} {place}", "Dinas Pendidikan {gov}"),
        ("Bidan Puskesmas {place}", "Dinas Kesehatan {gov}"),
        ("Perawat Ahli", "RSUD {gov}"),
        ("Dokter Puskesmas {place}", "Dinas Kesehatan {gov}"),
        ("Penyuluh Pertanian", "Dinas Pertanian {gov}"),
        ("Penyuluh Agama Islam", "Kantor Kementerian Agama {gov}"),
        ("Analis Kebijakan", "Bappeda {gov}"),
        ("Pranata Komputer", "Dinas Komunikasi dan Informatika {gov}"),
        ("Auditor", "Inspektorat {gov}"),
        ("Arsiparis", "Dinas Perpustakaan dan Kearsipan {gov}"),
    ),
    PositionClass.ADMINISTRATOR: (
        ("Kepala Bidang Pembinaan SD", "Dinas Pendidikan {gov}"),
        ("Kepala Bidang Pelayanan Kesehatan", "Dinas Kesehatan {gov}"),
        ("Kepala Bagian Umum", "Sekretariat Daerah {gov}"),
        ("Kepala Bagian Tata Pemerintahan", "Sekretariat Daerah {gov}"),
        ("Kepala Seksi Kurikulum", "Dinas Pendidikan {gov}"),
        ("Kepala Sub Bagian Keuangan", "Dinas Sosial {gov}"),
        ("Sekretaris Dinas Pendidikan", "Dinas Pendidikan {gov}"),
        ("Kepala UPTD Pendidikan {place}", "Dinas Pendidikan {gov}"),
        ("Kepala Puskesmas {place}", "Dinas Kesehatan {gov}"),
    ),
    PositionClass.STAFF: (
        ("Staf Bagian Umum", "Sekretariat Daerah {gov}"),
        ("Staf Pelayanan", "Dinas Kependudukan dan Pencatatan Sipil {gov}"),
        ("Pelaksana Bidang Anggaran", "Badan Pengelolaan Keuangan dan Aset Daerah {gov}"),
        ("Operator Dapodik", "Dinas Pendidikan {gov}"),
        ("Pengadministrasi Umum", "Dinas Sosial {gov}"),
        ("Pengelola Keuangan", "Dinas Kesehatan {gov}"),
    ),
    PositionClass.CAMAT_LURAH: (
        ("Camat {place}", "Kecamatan {place}, {gov}"),
        ("Sekretaris Camat {place}", "Kecamatan {place}, {gov}"),
        ("Lurah {place}", "Kelurahan {place}, {gov}"),
        ("Sekretaris Kelurahan {place}", "Kelurahan {place}, {gov}"),
    ),
    PositionClass.VILLAGE: (
        ("Kepala Desa {place}", "Pemerintah Desa {place}, {gov}"),
        ("Sekdes {place}", "Pemerintah Desa {place}, {gov}"),
        ("Perangkat Desa {place}", "Pemerintah Desa {place}, {gov}"),
        ("Kaur Keuangan Desa {place}", "Pemerintah Desa {place}, {gov}"),
    ),
    PositionClass.OTHER: (
        ("Tenaga Harian Lepas", "Dinas Lingkungan Hidup {gov}"),
        ("Pendamping Program Keluarga Harapan", "Dinas Sosial {gov}"),
        ("Honorer", "Sekretariat Daerah {gov}"),
        ("Tenaga Kontrak", "Dinas Perhubungan {gov}"),
    ),
}

# Invented village, kelurahan and district names in the common Indonesian pattern.
PLACE_FIRST: tuple[str, ...] = _words(
    """
Suka, Mekar, Sumber, Tanjung, Karang, Batu, Air, Teluk, Padang, Bukit, Kampung, Sido,
Rejo, Tegal, Wono, Lubuk, Sungai, Pulau
"""
)
PLACE_SECOND: tuple[str, ...] = _words(
    """
maju, jaya, sari, harapan, makmur, mulya, rejo, agung, indah, baru, Raya, Permai,
Lestari, Sejahtera, Tengah, Timur, Barat
"""
)

CANDIDATE_NUMBERS: tuple[str, ...] = ("01", "02", "03", "04")

# One line per violation type code: what the reporter saw (chronology opening).
CHRONOLOGY: dict[str, str] = {
    "kampanye_media_sosial": (
        "Terlapor mengunggah ajakan memilih pasangan calon nomor urut {pair} di akun media "
        "sosial pribadinya dan membagikannya ke grup WhatsApp guru."
    ),
    "kegiatan_keberpihakan": (
        "Terlapor mengumpulkan warga di balai desa dan mengimbau agar memilih pasangan calon "
        "nomor urut {pair} sambil membagikan bingkisan sembako."
    ),
    "foto_gestur_keberpihakan": (
        "Beredar foto terlapor bersama pasangan calon nomor urut {pair} dengan gestur jari "
        "yang menunjukkan nomor urut pasangan calon tersebut."
    ),
    "menghadiri_deklarasi": (
        "Terlapor hadir dan berpidato mendukung pada deklarasi pasangan calon nomor urut "
        "{pair} di gedung serbaguna."
    ),
    "pendekatan_parpol": (
        "Terlapor mendatangi kantor partai politik untuk mendaftar penjaringan bakal calon "
        "wakil kepala daerah tanpa mengajukan cuti di luar tanggungan negara."
    ),
    "alat_peraga_calon": (
        "Di halaman kantor terlapor terpasang baliho pasangan calon nomor urut {pair} yang "
        "dipasang atas perintah terlapor."
    ),
    "interaksi_akun_calon": (
        "Terlapor menyukai dan mengomentari unggahan kampanye pasangan calon nomor urut {pair} "
        "di Instagram dan Facebook."
    ),
}
CHRONOLOGY_DEFAULT = (
    "Terlapor diduga tidak netral dan menunjukkan dukungan kepada pasangan calon nomor urut "
    "{pair} dalam kegiatan di wilayah kerjanya."
)

# Text for the later steps (no personal data: public summaries are published).
NOTE_NOT_REGISTERED: dict[str, str] = {
    "incomplete": "Pelapor tidak melengkapi syarat formal dalam batas waktu kelengkapan.",
    "expired": "Laporan disampaikan melewati 7 hari sejak kejadian diketahui.",
    "not_a_violation": "Peristiwa yang dilaporkan bukan dugaan pelanggaran pemilihan.",
    "not_our_jurisdiction": "Peristiwa terjadi di luar wilayah kerja kantor ini.",
}
STUDY_FACTS = (
    "Berdasarkan klarifikasi dan bukti yang diterima, peristiwa terjadi seperti dilaporkan."
)
STUDY_ANALYSIS = "Perbuatan terlapor memenuhi unsur larangan dalam PP 94/2021 Pasal 5 huruf n."
STUDY_ANALYSIS_NONE = "Unsur keberpihakan terlapor tidak terbukti dari bukti yang ada."
STUDY_CONCLUSION = "Terdapat dugaan pelanggaran netralitas ASN; direkomendasikan ke BKN."
STUDY_CONCLUSION_NONE = "Bukan pelanggaran; penanganan dihentikan."
DECISION_REASON = "Rapat pleno menyetujui hasil kajian."
SUMMARY_VIOLATION = (
    "Bawaslu memutuskan laporan ini merupakan pelanggaran netralitas ASN dan meneruskannya ke "
    "BKN untuk ditindaklanjuti."
)
SUMMARY_NONE = "Bawaslu memutuskan peristiwa yang dilaporkan bukan pelanggaran."
SUMMARY_NOT_REGISTERED = "Laporan tidak diregistrasi: {reason}"
EXTENSION_REASON = "Memerlukan keterangan tambahan dari saksi."
COMPLETION_MISSING: tuple[str, ...] = ("identitas_terlapor", "waktu_kejadian", "bukti")
