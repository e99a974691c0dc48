# ruff: noqa: E501 -- one frame per line: a frame is a sentence, read and reviewed whole.
"""Sentence frames, part two: campaign teams, ID-card collection, decisions, other acts,
taking part in campaigns, and the candidate pair's own offence."""

from __future__ import annotations

FRAMES_B: dict[str, list[tuple[str, str]]] = {
    "tim_kampanye_sebelum_penetapan": [
        (
            "formal",
            "{nama}, {jab}, tercantum sebagai anggota tim pemenangan {bacalon} padahal KPU belum menetapkan pasangan calon.",
        ),
        (
            "formal",
            "Sebelum penetapan calon oleh KPU, terlapor telah bertindak sebagai konsultan politik {bacalon} dan menyusun strategi pemenangan.",
        ),
        (
            "formal",
            "Terlapor menjadi tim ahli penyusun visi dan misi {bacalon} pada masa penjaringan, sebelum yang bersangkutan ditetapkan sebagai calon.",
        ),
        (
            "formal",
            "Dalam SK tim sukses {bacalon} yang diterbitkan sebelum tahapan penetapan, nama {nama} ({jab}) tercatat sebagai koordinator wilayah {kec}.",
        ),
        (
            "informal",
            "pak {first} {jabi} udh jadi timses bacalon {calon}, pdhl blm ditetapin KPU, dia yg atur2 strategi",
        ),
        (
            "informal",
            "{jabi} jadi konsultan bakal calon {jabatan_calon}, bikin survei & peta suara, calonnya aja blm resmi",
        ),
        (
            "informal",
            "bu {first} masuk tim relawan pemenangan bacalon, ada SK nya, padahal penetapan calon masih bulan depan",
        ),
        (
            "social",
            "Bocoran struktur tim pemenangan {bacalon} (belum ditetapkan KPU): ada nama {jabi} sbg koordinator kecamatan.",
        ),
        ("social", 'Akun {akun}: "PNS kok udah jadi tim ahli bakal calon? Penetapan aja belum!"'),
        (
            "news",
            "Bawaslu {wil} menemukan seorang {jab} yang tergabung dalam tim pemenangan {bacalon} sebelum penetapan pasangan calon.",
        ),
        (
            "news",
            "Menjelang penetapan pasangan calon, seorang ASN di {kec} diduga menjadi konsultan dan tim ahli bagi {bacalon}.",
        ),
        (
            "news",
            "Sejumlah ASN diduga masuk struktur tim sukses bakal calon {jabatan_calon} di {city} pada masa pendaftaran, sebelum KPU menetapkan calon.",
        ),
    ],
    "tim_kampanye_setelah_penetapan": [
        (
            "formal",
            "{nama}, {jab}, terdaftar dalam susunan tim kampanye resmi {paslon} yang dilaporkan ke KPU {wil} setelah penetapan calon.",
        ),
        (
            "formal",
            "Setelah ditetapkan sebagai pasangan calon, {paslon} menunjuk terlapor sebagai ketua tim pemenangan tingkat kecamatan {kec}.",
        ),
        (
            "formal",
            "Terlapor bertindak sebagai konsultan dan tim ahli debat bagi {paslon} selama masa kampanye.",
        ),
        (
            "formal",
            "Nama seorang {jab} tercantum sebagai juru kampanye dalam dokumen tim kampanye {paslon} yang diserahkan kepada KPU.",
        ),
        (
            "informal",
            "pak {first} {jabi} ketua tim pemenangan paslon {no2} di kecamatan, namanya ada di daftar tim kampanye yg ke KPU",
        ),
        (
            "informal",
            "{jabi} jadi tim ahli paslon no {no}, tiap debat dia yg nyiapin materi, skrg kan udh masa kampanye",
        ),
        ("informal", "bu {first} masuk tim kampanye resmi cabup {no2}, SK tim nya disebar di grup"),
        ("social", "Daftar tim kampanye {paslon} yang diserahkan ke KPU: terdapat nama {jabi}."),
        (
            "social",
            '"Bangga jadi bagian tim pemenangan nomor {no}" tulis seorang ASN yang namanya ada di SK tim kampanye.',
        ),
        (
            "news",
            "Bawaslu {wil} mendapati seorang {jab} masuk dalam struktur tim kampanye {paslon} yang telah ditetapkan KPU.",
        ),
        (
            "news",
            "Seorang ASN di {kec} diduga menjadi konsultan pemenangan {paslon} selama masa kampanye Pilkada 2024.",
        ),
        (
            "news",
            "Pada masa kampanye, sejumlah ASN di {city} tercatat sebagai anggota tim pemenangan pasangan calon {jabatan_calon} nomor urut {no}.",
        ),
    ],
    "pengumpulan_ktp_perseorangan": [
        (
            "formal",
            "{nama}, {jab}, mengumpulkan fotokopi KTP warga {desa} untuk memenuhi syarat dukungan {bacalon} dari jalur perseorangan.",
        ),
        (
            "formal",
            "Terlapor meminta para guru dan orang tua murid menyerahkan fotokopi KTP dan KK sebagai dukungan bagi calon perseorangan {calon}.",
        ),
        (
            "formal",
            "Seorang {jab} mendatangi rumah warga dari pintu ke pintu untuk menghimpun salinan KTP guna dukungan calon independen.",
        ),
        (
            "formal",
            "Pada {tgl}, terlapor menghimpun ratusan fotokopi KTP pegawai kecamatan {kec} lalu menyerahkannya kepada tim bakal calon perseorangan.",
        ),
        (
            "informal",
            "pak {first} {jabi} minta fc ktp warga satu rt, katanya buat dukungan calon independen {calon}",
        ),
        (
            "informal",
            "di kantor kami disuruh ngumpulin fotokopi ktp keluarga buat calon jalur perseorangan, yg nyuruh {jabi}",
        ),
        (
            "informal",
            "bu {first} keliling kampung minta ktp warga, dikasih 50rb per ktp, buat syarat dukungan calon independen",
        ),
        (
            "social",
            "Warga {desa} resah, {jabi} minta fotokopi KTP buat dukungan calon perseorangan. Hati2 data disalahgunakan!",
        ),
        (
            "social",
            'Pengumuman di grup sekolah: "Bapak/ibu mohon kumpulkan FC KTP untuk dukungan calon independen paling lambat Jumat" — dikirim kepala sekolah PNS.',
        ),
        (
            "news",
            "Bawaslu {wil} menyelidiki dugaan seorang {jab} mengumpulkan fotokopi KTP warga untuk dukungan bakal calon perseorangan.",
        ),
        (
            "news",
            "Verifikasi faktual syarat dukungan calon perseorangan di {kec} menemukan ratusan salinan KTP yang dihimpun oleh seorang ASN.",
        ),
        (
            "news",
            "Seorang ASN di {city} diduga menjadi pengepul fotokopi KTP dukungan bagi bakal calon jalur independen.",
        ),
    ],
    "keputusan_menguntungkan_calon": [
        (
            "formal",
            "{nama}, {jab}, menerbitkan keputusan mutasi sejumlah kepala sekolah yang dinilai tidak mendukung {paslon} menjelang pemungutan suara.",
        ),
        (
            "formal",
            "Terlapor mempercepat pencairan bantuan sosial di {desa} dan meminta penerimanya berterima kasih kepada petahana yang juga {paslon}.",
        ),
        (
            "formal",
            "Seorang {jab} menolak memberikan izin penggunaan lapangan kepada tim {paslon} tetapi memberikannya kepada pasangan calon lain.",
        ),
        (
            "formal",
            "Terlapor membuat kebijakan program bedah rumah yang hanya diberikan kepada warga pendukung {paslon}.",
        ),
        (
            "formal",
            "Terlapor menahan pencairan tunjangan para guru yang diketahui bersimpati kepada lawan politik {paslon}.",
        ),
        (
            "informal",
            "{jabi} ngeluarin SK pindah buat guru2 yg ketauan dukung paslon lain, yg pro {no2} aman",
        ),
        (
            "informal",
            "bansos di {desa} cairnya cuma buat org yg mau pilih petahana, yg ngatur pak {first} {jabi}",
        ),
        (
            "informal",
            "izin kampanye paslon {no} dipersulit sm pejabat kecamatan, paslon satunya langsung dikasih",
        ),
        (
            "social",
            "Program bantuan dinsos dibagi pake stiker wajah petahana. Yang tandatangan daftar penerima {jabi}.",
        ),
        (
            "social",
            'Akun {akun}: "Kenapa tiba2 proyek jalan cuma di desa basis {paslon}? Ada pejabat yg main"',
        ),
        (
            "news",
            "Bawaslu {wil} mendalami keputusan seorang {jab} yang diduga menguntungkan petahana {paslon} menjelang pemungutan suara.",
        ),
        (
            "news",
            "Mutasi puluhan ASN oleh pejabat pemkab {city} di masa kampanye dilaporkan karena diduga merugikan pasangan calon tertentu.",
        ),
        (
            "news",
            "Pencairan bantuan sosial dengan label program {paslon} oleh dinas di {wil} dilaporkan sebagai tindakan yang menguntungkan calon.",
        ),
    ],
    "lainnya_satgas": [
        (
            "formal",
            "{nama}, {jab}, bertindak sebagai saksi {paslon} di TPS {n} {desa} pada hari pemungutan suara dengan mandat dari tim pasangan calon.",
        ),
        (
            "formal",
            "Terlapor menjadikan rumahnya posko pemenangan {paslon} dan menyediakan tempat bagi rapat-rapat relawan.",
        ),
        (
            "formal",
            "Seorang {jab} menjadi pembawa acara dalam kegiatan ulang tahun {partai} yang dihadiri para kader.",
        ),
        (
            "formal",
            "Terlapor {nama} menciptakan dan menyanyikan jingle kampanye {paslon} yang kemudian diputar di mobil-mobil relawan.",
        ),
        (
            "formal",
            "Terlapor memberikan sumbangan dana kepada rekening tim {paslon} dengan nama terang sebagai {jab}.",
        ),
        (
            "informal",
            "pak {first} {jabi} jadi saksi paslon {no2} di tps pas pencoblosan, pake id card saksi",
        ),
        ("informal", "rumah {jabi} dipake jadi posko relawan cabup {no}, tiap malem rame rapat"),
        (
            "informal",
            "bu {first} guru PNS yg bikin desain kaos & jingle buat calon {jabatan_calon}, katanya sih dibayar",
        ),
        ("informal", "{jabi} jadi MC di acara partai {partai} kmrn malam, ngomongnya semangat bgt"),
        (
            "social",
            "Foto mandat saksi TPS atas nama {jabi} dari tim {paslon} beredar di grup warga.",
        ),
        (
            "social",
            '"Posko pemenangan resmi dibuka di rumah pak {first}" — padahal beliau pegawai dinas di {city}.',
        ),
        (
            "news",
            "Seorang {jab} diketahui menjadi saksi pasangan calon di TPS saat pemungutan suara di {kec}.",
        ),
        (
            "news",
            "Bawaslu {wil} menerima laporan seorang ASN yang menjadi narasumber dalam acara internal {partai}.",
        ),
    ],
    "ikut_kampanye": [
        (
            "formal",
            "{nama}, {jab}, hadir dan mengikuti kampanye terbuka {paslon} di lapangan {desa} pada {tgl}.",
        ),
        (
            "formal",
            "Terlapor terlihat di tengah massa rapat umum {paslon} dan ikut bertepuk tangan mendukung orasi calon.",
        ),
        (
            "formal",
            "Pada masa kampanye, seorang {jab} mengikuti konvoi kampanye {paslon} keliling {kec} dengan sepeda motor pribadinya.",
        ),
        (
            "formal",
            "Terlapor menghadiri kampanye dialogis {paslon} di balai pertemuan warga dan ikut menyatakan dukungan.",
        ),
        ("formal", "{nama} mengikuti kampanye akbar {paslon} di stadion {city} sebagai peserta."),
        (
            "informal",
            "pak {first} {jabi} ikut kampanye paslon {no2} di lapangan kmrn, joget2 di depan panggung",
        ),
        ("informal", "liat {jabi} di kampanye akbar cabup no {no}, ikut teriak dukung paslon"),
        (
            "informal",
            "bu {first} ikut konvoi kampanye paslon {no} keliling kota, pake motor sendiri",
        ),
        ("social", "Video kampanye terbuka {paslon}: di antara massa ada {jabi} ikut bernyanyi."),
        (
            "social",
            "Di kampanye calon {jabatan_calon} tadi siang, keliatan banyak guru PNS ikut jadi peserta. Netralitas di mana?",
        ),
        ("news", "Seorang {jab} terekam kamera mengikuti kampanye terbuka {paslon} di {kec}."),
        (
            "news",
            "Bawaslu {wil} menemukan sejumlah ASN menjadi peserta rapat umum kampanye pasangan calon {jabatan_calon} nomor urut {no}.",
        ),
    ],
    "kampanye_atribut": [
        (
            "formal",
            "{nama}, {jab}, mengikuti kampanye {paslon} dengan mengenakan seragam dinas PNS lengkap dengan tanda pengenal.",
        ),
        (
            "formal",
            "Terlapor hadir di kampanye terbuka {paslon} memakai kaus dan topi berlogo {partai}.",
        ),
        (
            "formal",
            "Seorang {jab} menjadi peserta kampanye {paslon} dengan mengenakan seragam Korpri di tengah massa.",
        ),
        (
            "formal",
            "Terlapor mengikuti kampanye dialogis {paslon} dengan rompi dan atribut {partai} yang mengusung pasangan tersebut.",
        ),
        (
            "informal",
            "pak {first} {jabi} dtg kampanye paslon {no2} masih pake baju dinas coklat, pulang kantor langsung kesana",
        ),
        ("informal", "{jabi} ikut kampanye pake kaos partai {partai} sm bendera, ada fotonya"),
        (
            "informal",
            "bu {first} ke kampanye cabup no {no} pake seragam korpri, kan atribut pns itu",
        ),
        ("social", "Foto: {jabi} berseragam PNS ikut kampanye {paslon}. Nggak malu?"),
        (
            "social",
            "Di kampanye {calon} tadi ada pegawai pemkab pake seragam dinas & id card, plus topi partai.",
        ),
        (
            "news",
            "Seorang {jab} terekam mengikuti kampanye {paslon} dengan seragam dinas dan atribut PNS.",
        ),
        (
            "news",
            "Bawaslu {wil} memeriksa ASN yang menghadiri kampanye pasangan calon {jabatan_calon} sambil mengenakan atribut partai pengusung.",
        ),
        (
            "news",
            "Sejumlah ASN di {kec} diduga menjadi peserta kampanye dengan mengenakan pakaian dinas harian.",
        ),
    ],
    "mengerahkan_pns": [
        (
            "formal",
            "{nama}, {jab}, memerintahkan seluruh staf kantornya menghadiri kampanye {paslon} pada {tgl} dan mengabsen kehadiran mereka.",
        ),
        (
            "formal",
            "Terlapor mengerahkan para guru PNS di wilayah {kec} untuk mengikuti rapat umum {paslon} pada jam kerja.",
        ),
        (
            "formal",
            "Seorang {jab} mewajibkan pegawai di bawahnya ikut kampanye akbar {paslon} dengan ancaman mutasi bagi yang menolak.",
        ),
        (
            "formal",
            "Terlapor mengoordinasikan keberangkatan puluhan ASN dinas dengan bus sewaan menuju lokasi kampanye {paslon}.",
        ),
        (
            "informal",
            "kepsek kami nyuruh semua guru PNS dateng kampanye paslon {no2}, yg ga dateng dicatat",
        ),
        (
            "informal",
            "pak {first} {jabi} ngerahin pegawai kecamatan buat ikut kampanye, dikasih surat tugas segala",
        ),
        (
            "informal",
            "{jabi} bikin grup wa pegawai dinas isinya perintah ikut kampanye cabup {no} hari minggu, wajib",
        ),
        (
            "social",
            'Bocoran pesan atasan: "Seluruh ASN bidang kami wajib hadir di kampanye {paslon}, pakai baju putih".',
        ),
        (
            "social",
            "Puluhan pegawai puskesmas dibawa rombongan ke kampanye {calon}, katanya disuruh kepala dinas.",
        ),
        (
            "news",
            "Seorang {jab} diduga mengerahkan ASN di lingkungannya untuk menghadiri kampanye {paslon}.",
        ),
        (
            "news",
            "Bawaslu {wil} menelusuri mobilisasi pegawai negeri sipil ke arena kampanye pasangan calon {jabatan_calon} nomor urut {no}.",
        ),
        (
            "news",
            "Mobilisasi guru ASN ke kampanye {paslon} di {kec} diduga diperintahkan oleh pejabat dinas pendidikan.",
        ),
    ],
    "fasilitas_negara": [
        (
            "formal",
            "{nama}, {jab}, menggunakan mobil dinas berpelat merah untuk mengangkut logistik kampanye {paslon} pada {tgl}.",
        ),
        (
            "formal",
            "Aula kantor kecamatan {kec} dipakai untuk pertemuan kampanye {paslon} atas izin terlapor selaku {jab}.",
        ),
        (
            "formal",
            "Terlapor memakai anggaran kegiatan dinas untuk mencetak materi kampanye {paslon}.",
        ),
        (
            "formal",
            "Seorang {jab} memanfaatkan gedung sekolah negeri sebagai tempat kampanye terbatas {paslon} pada hari libur.",
        ),
        (
            "formal",
            "Terlapor mengendarai kendaraan operasional puskesmas menuju lokasi kampanye {paslon} dan membawa peralatan kampanye.",
        ),
        (
            "informal",
            "mobdin plat merah punya {jabi} dipake nganter kaos & spanduk paslon {no2}, ada videonya",
        ),
        (
            "informal",
            "pak {first} {jabi} pake aula kantor desa buat kampanye cabup {no}, gratis lagi",
        ),
        (
            "informal",
            "motor dinas penyuluh dipake keliling bagi2 brosur paslon, bensinnya dr kantor pula",
        ),
        (
            "social",
            "Mobil plat merah nongkrong di lokasi kampanye {paslon}, penumpangnya {jabi}. Fasilitas negara buat kampanye?",
        ),
        ("social", "Printer & kertas kantor dinas dipake nyetak stiker {calon}, kata orang dalam."),
        (
            "news",
            "Bawaslu {wil} menemukan kendaraan dinas milik pemerintah daerah digunakan dalam kampanye {paslon}.",
        ),
        (
            "news",
            "Seorang {jab} diduga menggunakan fasilitas negara berupa gedung dan kendaraan dinas untuk kepentingan kampanye.",
        ),
    ],
    "surat_dukungan_ktp": [
        (
            "formal",
            "{nama}, {jab}, menandatangani surat pernyataan dukungan kepada {bacalon} dengan melampirkan fotokopi KTP miliknya.",
        ),
        (
            "formal",
            "Dalam berkas dukungan calon perseorangan {calon} terdapat surat dukungan yang ditandatangani terlapor beserta salinan KTP-nya.",
        ),
        (
            "formal",
            "Terlapor memberikan surat dukungan bermeterai disertai fotokopi kartu tanda penduduk kepada tim {bacalon}.",
        ),
        (
            "formal",
            "Verifikasi menemukan surat dukungan atas nama seorang {jab} yang dilengkapi fotokopi KTP pribadinya.",
        ),
        (
            "informal",
            "pak {first} {jabi} ikut tanda tangan surat dukungan buat calon {calon} + nyerahin fc ktp nya sendiri",
        ),
        (
            "informal",
            "nama bu {first} guru PNS ada di formulir dukungan calon independen, lengkap sm fotokopi ktp dia",
        ),
        (
            "informal",
            "{jabi} ngasih surat dukungan & ktp ke tim bacalon, katanya biar dpt jabatan nanti",
        ),
        (
            "social",
            "Beredar foto surat dukungan bertanda tangan {jabi} dilampiri KTP asli fotokopiannya. Buat calon {jabatan_calon}.",
        ),
        (
            "social",
            'Akun {akun}: "ASN kok kasih surat dukungan + KTP ke bakal calon? Ini ada buktinya"',
        ),
        (
            "news",
            "Bawaslu {wil} mendapati seorang {jab} memberikan surat dukungan disertai fotokopi KTP kepada {bacalon}.",
        ),
        (
            "news",
            "Dalam verifikasi dukungan bakal calon perseorangan di {city}, ditemukan surat dukungan dan fotokopi KTP milik sejumlah ASN.",
        ),
        (
            "news",
            "Seorang ASN di {kec} diduga menyerahkan surat dukungan dengan fotokopi KTP-nya sendiri kepada {bacalon}.",
        ),
    ],
    "pelibatan_asn_kampanye": [
        (
            "formal",
            "{paslon} melibatkan kepala desa dan perangkat desa {desa} sebagai juru kampanye dalam kampanye terbuka pada {tgl}.",
        ),
        (
            "formal",
            "Tim kampanye {paslon} menghadirkan Camat {kec} dan sejumlah lurah di atas panggung kampanye untuk berorasi.",
        ),
        (
            "formal",
            "Dalam kampanye dialogis, calon {jabatan_calon} {calon} mengajak {jab} menyampaikan program pasangan calon kepada warga.",
        ),
        (
            "formal",
            "{paslon} menggunakan aparat desa untuk membagikan bahan kampanye di setiap dusun atas perintah pasangan calon.",
        ),
        (
            "formal",
            "Pasangan calon {calon} dalam kampanyenya mengikutsertakan anggota TNI aktif sebagai pengawal dan pembicara.",
        ),
        (
            "informal",
            "paslon {no2} bawa2 kades sm perangkat desa ke panggung kampanye, disuruh ngomong dukung",
        ),
        ("informal", "cabup {calon} ngajak pak camat orasi di kampanyenya, itu kan nyeret ASN"),
        (
            "informal",
            "timses paslon no {no} masukin lurah2 ke daftar jurkam, disuruh keliling kampanye",
        ),
        (
            "social",
            "Video kampanye {paslon}: calon memanggil kepala desa naik panggung untuk menyatakan dukungan. Ini melibatkan kades!",
        ),
        (
            "social",
            "Jadwal kampanye {calon} yg beredar mencantumkan camat dan kepala puskesmas sebagai pembicara.",
        ),
        (
            "news",
            "Bawaslu {wil} menilai {paslon} diduga melibatkan ASN dan kepala desa dalam kegiatan kampanye.",
        ),
        (
            "news",
            "Pasangan calon {jabatan_calon} nomor urut {no} dilaporkan karena mengikutsertakan perangkat desa dalam kampanye di {kec}.",
        ),
        (
            "news",
            "Sentra Gakkumdu {wil} memproses dugaan tindak pidana pasangan calon yang melibatkan aparatur sipil negara dalam kampanye.",
        ),
    ],
}
