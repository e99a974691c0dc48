# ruff: noqa: E501 -- one frame per line: a frame is a sentence, read and reviewed whole.
"""Sentence frames, part three: more wordings per type, written after the first evaluation
showed which types were thin (the frames of parts one and two were not changed)."""

from __future__ import annotations

FRAMES_C: dict[str, list[tuple[str, str]]] = {
    "alat_peraga_calon": [
        (
            "formal",
            "Terlapor {nama} selaku {jab} memasang bendera dan poster kampanye {paslon} di atap rumah dinasnya.",
        ),
        (
            "informal",
            "rumah {jabi} ditempelin poster cabup {no} semua, pagar, tembok, sampe pohon depan",
        ),
        (
            "news",
            "Petugas Satpol PP menurunkan baliho {paslon} yang dipasang oleh seorang ASN di halaman kantor {kec}.",
        ),
    ],
    "kampanye_media_sosial": [
        (
            "formal",
            "Terlapor, {jab}, menulis status di {medsos} yang mengajak masyarakat memilih {paslon} pada hari pemungutan suara.",
        ),
        (
            "formal",
            'Dalam akun {medsos} pribadinya, {nama} mengunggah foto visi-misi {paslon} dengan ajakan "Mari kita pilih yang terbaik, nomor {no}".',
        ),
        ("informal", "{jabi} bikin video reels ngajak milih paslon {no2}, dishare ke mana2"),
        (
            "informal",
            "pak {first} {jabi} tiap hari posting kampanye calon {jabatan_calon} di fb, caption nya ajakan nyoblos",
        ),
        (
            "informal",
            "bu {first} nyebar broadcast wa ajakan pilih paslon no {no} ke semua kontaknya",
        ),
        (
            "social",
            'Postingan seorang ASN: "Ayo warga {city}, tanggal 27 coblos nomor {no}! Bersama kita menang" 📢',
        ),
        (
            "social",
            'Unggahan akun {medsos} milik {jabi}: poster kampanye {paslon} dengan tulisan "Pilih nomor {no}".',
        ),
        (
            "news",
            "Seorang {jab} dilaporkan karena mengunggah konten kampanye dan ajakan memilih {paslon} di akun {medsos} miliknya.",
        ),
    ],
    "interaksi_akun_calon": [
        (
            "formal",
            "Terlapor memberikan tanda suka dan komentar dukungan pada unggahan akun {medsos} {paslon} berulang kali.",
        ),
        (
            "informal",
            'akun fb {jabi} ketauan nge-like sm komen "mantul pak" di postingan calon {jabatan_calon}',
        ),
        ("social", "Notifikasi: {jabi} menyukai postingan {paslon}. Ketahuan deh 😅"),
        (
            "news",
            "Bawaslu {wil} menemukan akun seorang ASN mengikuti dan menyukai unggahan akun resmi calon {jabatan_calon}.",
        ),
    ],
    "pendekatan_parpol": [
        (
            "formal",
            "{nama}, {jab}, menyerahkan berkas pendaftaran bakal calon {jabatan_calon} ke sekretariat {partai} tanpa cuti di luar tanggungan negara.",
        ),
        (
            "formal",
            "Terlapor menemui ketua {partai} di {wil} untuk meminta diusung sebagai bakal calon {jabatan_calon}.",
        ),
        (
            "informal",
            "pak {first} {jabi} daftar penjaringan calon {jabatan_calon} di {partai}, ga cuti dulu",
        ),
        ("informal", "{jabi} lobi2 ketua partai biar dicalonin wakil bupati, msh aktif pns"),
        (
            "social",
            "Foto {jabi} ambil formulir penjaringan bakal calon di kantor {partai}. Kok PNS bisa daftar tanpa cuti?",
        ),
        (
            "news",
            "Seorang {jab} diketahui mengikuti penjaringan bakal calon di {partai} tanpa cuti di luar tanggungan negara.",
        ),
    ],
    "menghadiri_deklarasi": [
        (
            "formal",
            "Terlapor menghadiri acara deklarasi {bacalon} dan turut membacakan deklarasi dukungan di hadapan massa.",
        ),
        (
            "informal",
            "{jabi} dateng ke deklarasi bacalon {calon}, ikut baca ikrar dukungan di panggung",
        ),
        (
            "social",
            "Foto deklarasi dukungan untuk {bacalon}: {jabi} berdiri paling depan angkat tangan.",
        ),
    ],
    "anggota_parpol": [
        (
            "formal",
            "{nama}, {jab}, terdaftar sebagai anggota {partai} dan memegang kartu tanda anggota partai tersebut.",
        ),
        ("informal", "{jabi} ternyata anggota {partai}, KTA nya difoto sm temennya"),
        (
            "informal",
            "pak {first} pns tp jadi pengurus DPC {partai}, namanya ada di struktur partai",
        ),
        (
            "social",
            "Nama {jabi} tercatat di Sipol sebagai anggota {partai}. Cek sendiri di situs KPU.",
        ),
        (
            "news",
            "Bawaslu {wil} menemukan seorang {jab} menjadi pengurus {partai} dan tercatat dalam Sipol.",
        ),
    ],
    "foto_gestur_keberpihakan": [
        (
            "formal",
            "Terlapor berfoto bersama {paslon} sambil membentuk simbol {no} jari dan foto tersebut beredar luas.",
        ),
        (
            "informal",
            "{jabi} foto sm calon {jabatan_calon} sambil pose jari {no}, masuk grup warga",
        ),
        ("social", "Pose {no} jari bareng {calon}, yang foto itu {jabi} lho 📸"),
    ],
    "kegiatan_keberpihakan": [
        (
            "formal",
            "{nama}, {jab}, mengadakan pertemuan dengan warga {desa} yang berisi ajakan memilih {paslon} dan membagikan bingkisan.",
        ),
        (
            "formal",
            "Terlapor mengimbau para kepala desa di {kec} dalam sebuah pertemuan agar mengarahkan warga memilih {paslon}.",
        ),
        (
            "formal",
            "Terlapor memberikan uang transport dan sembako kepada ibu-ibu majelis taklim sambil menyerukan dukungan untuk {paslon}.",
        ),
        (
            "informal",
            "{jabi} ngumpulin warga di balai desa, ujung2nya ngajak milih calon {jabatan_calon} no {no}, dikasih amplop",
        ),
        ("informal", "pak {first} {jabi} bagi2 sarung & sembako sambil bilang pilih paslon {no2}"),
        (
            "informal",
            "camat ngundang kades2 rapat di rumah makan, isinya arahan menangkan paslon {no}",
        ),
        (
            "social",
            "Video: {jabi} pidato di pengajian, minta jamaah pilih {paslon}, trus bagi amplop.",
        ),
        (
            "news",
            "Seorang {jab} diduga mengumpulkan para ketua RT dan membagikan bingkisan disertai ajakan memilih {paslon}.",
        ),
    ],
    "keputusan_menguntungkan_calon": [
        (
            "formal",
            "Terlapor selaku {jab} mengeluarkan surat edaran yang hanya memberi kemudahan izin kegiatan bagi {paslon}.",
        ),
        (
            "informal",
            "{jabi} bikin kebijakan bantuan cuma buat desa pendukung paslon {no2}, desa lain ga dapet",
        ),
        (
            "news",
            "Kebijakan seorang {jab} yang menunda pencairan dana desa di wilayah basis lawan politik petahana dilaporkan ke Bawaslu.",
        ),
    ],
    "lainnya_satgas": [
        (
            "formal",
            "Terlapor {nama}, {jab}, menjadi narasumber dalam pelatihan kader {partai} di {wil}.",
        ),
        (
            "formal",
            "Seorang {jab} mengenakan mandat saksi dari {paslon} saat rekapitulasi suara di tingkat kecamatan {kec}.",
        ),
        (
            "informal",
            "pak {first} {jabi} nyumbang duit buat kampanye paslon {no2}, transfernya pake rekening pribadi",
        ),
        ("informal", "{jabi} jadi saksi paslon di tps {n}, pdhl pns"),
        ("social", "Jingle kampanye {paslon} yang lagi viral ternyata diciptakan {jabi}."),
        (
            "news",
            "Seorang ASN di {kec} diketahui menjadi saksi pasangan calon pada rekapitulasi suara dan dilaporkan ke Bawaslu.",
        ),
    ],
    "ikut_kampanye": [
        (
            "formal",
            "{nama}, {jab}, ikut hadir sebagai peserta kampanye {paslon} di {desa} pada {tgl}.",
        ),
        (
            "formal",
            "Terlapor berada di antara peserta kampanye terbuka {paslon} dan ikut menyanyikan lagu kampanye.",
        ),
        (
            "informal",
            "{jabi} ikut kampanye cabup no {no} di lapangan {desa}, berdiri di depan panggung",
        ),
        (
            "informal",
            "pak {first} {jabi} nonton sekaligus ikut kampanye paslon {no2} sampe selesai, teriak2 dukung",
        ),
        ("social", "Di tengah massa kampanye {paslon}, tertangkap kamera {jabi} ikut joget 🎶"),
        (
            "news",
            "Seorang {jab} diduga menjadi peserta kampanye {paslon} di {kec} dan kini diperiksa Bawaslu {wil}.",
        ),
    ],
    "kampanye_atribut": [
        (
            "formal",
            "Terlapor hadir sebagai peserta kampanye {paslon} dengan mengenakan pakaian dinas harian lengkap dengan lencana Korpri.",
        ),
        ("informal", "{jabi} ikut kampanye pake seragam dinas, ga ganti baju dulu"),
        ("informal", "pak {first} ke kampanye paslon {no2} pake kaos & topi {partai}, dia kan pns"),
        (
            "social",
            "Foto peserta kampanye {paslon}: {jabi} berseragam dinas lengkap dengan name tag.",
        ),
        (
            "news",
            "Seorang {jab} mengikuti kampanye dengan mengenakan atribut {partai} pengusung {paslon}.",
        ),
    ],
    "mengerahkan_pns": [
        (
            "formal",
            "Terlapor selaku {jab} menginstruksikan seluruh ASN di kantornya untuk hadir dalam kampanye {paslon}.",
        ),
        (
            "formal",
            "Terlapor membawa rombongan pegawai negeri sipil dinas ke kampanye akbar {paslon} dan mendata siapa saja yang hadir.",
        ),
        (
            "informal",
            "kadis nyuruh semua pegawai dateng kampanye paslon {no2}, yg ga ikut diancam dipindah",
        ),
        ("informal", "{jabi} ngajak semua guru2 PNS ikut kampanye cabup no {no}, absen segala"),
        (
            "social",
            "Surat perintah internal: staf ASN wajib ikut kampanye {paslon}. Ditandatangani {jabi}.",
        ),
        (
            "news",
            "Bawaslu {wil} menerima laporan seorang {jab} mengerahkan pegawai negeri sipil ke kampanye {paslon}.",
        ),
    ],
    "fasilitas_negara": [
        (
            "formal",
            "Terlapor menggunakan ruang rapat kantor dinas untuk pertemuan tim kampanye {paslon} di luar jam kerja.",
        ),
        (
            "formal",
            "{nama}, {jab}, memakai mobil dinas pemerintah daerah untuk menghadiri kampanye {paslon}.",
        ),
        ("informal", "{jabi} dateng ke kampanye paslon {no2} naik mobil dinas plat merah"),
        ("informal", "aula dinas dipinjemin buat acara kampanye cabup {no}, izin dr {jabi}"),
        (
            "social",
            "Mobil plat merah ngangkut kaos kampanye {calon}. Fasilitas negara dipake kampanye?",
        ),
        (
            "news",
            "Seorang {jab} diduga menggunakan kendaraan dinas dan gedung pemerintah untuk kegiatan kampanye {paslon}.",
        ),
    ],
    "surat_dukungan_ktp": [
        (
            "formal",
            "Terlapor {nama} menyerahkan surat pernyataan dukungan bertanda tangan disertai fotokopi KTP dirinya kepada {bacalon}.",
        ),
        (
            "informal",
            "{jabi} tanda tangan surat dukungan calon perseorangan, fc ktp nya dia lampirin sendiri",
        ),
        (
            "news",
            "Nama dan fotokopi KTP seorang {jab} ditemukan dalam surat dukungan untuk {bacalon}.",
        ),
    ],
    "pengumpulan_ktp_perseorangan": [
        (
            "formal",
            "Terlapor mengoordinasikan pengumpulan fotokopi KTP warga {kec} untuk syarat dukungan calon perseorangan {calon}.",
        ),
        ("informal", "{jabi} keliling minta fotokopi ktp warga buat calon independen {calon}"),
    ],
    "tim_kampanye_sebelum_penetapan": [
        (
            "formal",
            "Sebelum KPU menetapkan pasangan calon, terlapor telah ditunjuk sebagai ketua tim pemenangan {bacalon} di {kec}.",
        ),
        (
            "informal",
            "{jabi} jadi konsultan bakal calon {calon}, padahal penetapan calon aja belom",
        ),
    ],
    "tim_kampanye_setelah_penetapan": [
        (
            "formal",
            "Terlapor tercatat sebagai tim ahli {paslon} dalam susunan tim kampanye yang didaftarkan ke KPU setelah penetapan pasangan calon.",
        ),
        (
            "informal",
            "{jabi} skrg jadi tim kampanye resmi paslon {no2}, namanya ada di daftar ke KPU",
        ),
    ],
    "pelibatan_asn_kampanye": [
        (
            "formal",
            "Calon {jabatan_calon} {calon} mengajak sejumlah lurah dan perangkat desa naik ke panggung kampanye untuk menyatakan dukungan.",
        ),
        (
            "formal",
            "{paslon} memasukkan nama kepala desa {desa} dan seorang {jab} sebagai juru kampanye dalam jadwal kampanye yang diserahkan ke KPU.",
        ),
        ("informal", "paslon {no2} ngajak kades2 jadi jurkam, disuruh orasi di kampanye"),
        (
            "informal",
            "calon bupati {calon} bawa camat sm lurah keliling kampanye, suruh ikut ngomong",
        ),
        (
            "social",
            "Kampanye {paslon} tadi menghadirkan perangkat desa sebagai pembicara. Paslon melibatkan aparat desa!",
        ),
        (
            "news",
            "{paslon} dilaporkan ke Sentra Gakkumdu karena melibatkan kepala desa dan perangkat desa dalam kampanye.",
        ),
    ],
    "none": [
        (
            "formal",
            "{nama}, {jab}, menghadiri kegiatan resmi pemerintah daerah berupa peresmian puskesmas sesuai surat tugas; tidak ada atribut atau ajakan memilih.",
        ),
        (
            "formal",
            "Terlapor hanya menggunakan hak pilihnya di TPS {n} {desa} dan mengunggah foto jari bertinta tanpa menyebut calon.",
        ),
        (
            "formal",
            "Setelah diklarifikasi, foto terlapor bersama {calon} diambil dalam rapat dinas sebelum masa pencalonan, tanpa gestur atau atribut apa pun.",
        ),
        ("informal", "cuma posting foto jari ungu abis nyoblos, ga nyebut paslon siapa2"),
        (
            "informal",
            "pak {first} {jabi} dateng rapat koordinasi pemda krn tugas kantor, ga ada kampanye apa2",
        ),
        (
            "informal",
            "mau tanya min, kalo ASN nge-share info jadwal coblosan dr KPU boleh kan? ga ada nyebut calon",
        ),
        (
            "social",
            "Ayo datang ke TPS, jangan golput! Suaramu menentukan masa depan {city}. #pemiludamai",
        ),
        (
            "social",
            'Foto bersama ASN {wil} usai apel ikrar netralitas: "Kami netral, kami melayani".',
        ),
        (
            "news",
            "Seluruh ASN di {wil} diminta menandatangani pakta integritas netralitas menjelang Pilkada 2024.",
        ),
        (
            "news",
            "Bawaslu {wil} menghentikan penanganan laporan terhadap seorang ASN karena foto jari bertinta yang diunggahnya tidak menunjukkan keberpihakan.",
        ),
    ],
}
