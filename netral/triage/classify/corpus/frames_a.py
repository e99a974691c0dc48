# ruff: noqa: E501 -- one frame per line: a frame is a sentence, read and reviewed whole.
"""Sentence frames, part one: displays, social media, parties, declarations, photos,
partisan activities. Each frame is (register, text with slots from ``slots.fill``)."""

from __future__ import annotations

FRAMES_A: dict[str, list[tuple[str, str]]] = {
    "alat_peraga_calon": [
        (
            "formal",
            "{nama}, {jab}, memasang spanduk bergambar {paslon} di pagar rumahnya di Desa {desa} pada {tgl}.",
        ),
        (
            "formal",
            "Pada {tgl} terlapor {nama} ({jab}) terlihat menempelkan stiker dan pamflet {paslon} di kaca mobil serta dinding warung miliknya.",
        ),
        (
            "formal",
            "Seorang ASN berinisial {inisial} yang menjabat {jab} memasang baliho berukuran besar milik {bacalon} di halaman rumahnya yang berada di tepi jalan utama {kec}.",
        ),
        (
            "formal",
            "Terlapor menyediakan lahan dan ikut memasang alat peraga kampanye berupa umbul-umbul {paslon} di sepanjang jalan Desa {desa}, padahal yang bersangkutan adalah {jab}.",
        ),
        (
            "formal",
            "Di depan kantor kecamatan {kec} terpasang banner {paslon}; menurut saksi, pemasangnya adalah {nama}, {jab}.",
        ),
        (
            "informal",
            "{jabi} masang baliho paslon {no2} gede bgt di depan rumahnya, pinggir jalan {desa}. itu kan ASN, boleh emg?",
        ),
        (
            "informal",
            "td pagi liat pak {first} {jabi} nempel2 stiker calon {jabatan_calon} no {no} di angkot sm tiang listrik",
        ),
        (
            "informal",
            "bu {first} guru SD sini ikut pasang spanduk calon {jabatan_calon} di pagar sekolah, skrg msh kepasang tuh",
        ),
        (
            "informal",
            "ada pns dinkes yg bantu timses naikin baliho {calon} pake tangga kantor, kmrn malem di simpang {kec}",
        ),
        (
            "social",
            "Lihat nih, rumah pak {first} ({jabi}) udah penuh poster & spanduk {paslon}. ASN kok gini?",
        ),
        (
            "social",
            'Akun {akun}: "Baliho cagub no {no} di depan rumah dinas sekcam {kec} siapa yg pasang? katanya pegawainya sendiri"',
        ),
        (
            "social",
            "Foto viral: seorang oknum guru ASN sedang memaku papan reklame bergambar {calon} di pohon depan SD Negeri {n}.",
        ),
        (
            "news",
            "Bawaslu {wil} menemukan alat peraga kampanye {paslon} terpasang di rumah seorang {jab} berinisial {inisial}.",
        ),
        (
            "news",
            "Seorang aparatur sipil negara di {kec} diduga ikut memasang baliho dan spanduk bakal calon {jabatan_calon} di lingkungan tempat tinggalnya, kata pengawas kecamatan.",
        ),
    ],
    "kampanye_media_sosial": [
        (
            "formal",
            "{nama}, {jab}, mengunggah ajakan memilih {paslon} di akun {medsos} pribadinya pada {tgl}, disertai tagar dukungan.",
        ),
        (
            "formal",
            "Terlapor secara berulang membuat konten video di {medsos} yang mempromosikan program {paslon} dan mengajak warganet mencoblosnya.",
        ),
        (
            "formal",
            "Melalui {medsos}, seorang {jab} menyebarkan materi kampanye berupa poster visi-misi {paslon} kepada kontak-kontaknya.",
        ),
        (
            "formal",
            "Akun {medsos} milik {nama} ({jab}) memuat unggahan berisi seruan agar masyarakat {kec} memenangkan {paslon}.",
        ),
        (
            "formal",
            'Terlapor membuat grup {medsos} bernama "Relawan Digital {city}" dan setiap hari membagikan narasi kampanye {paslon} di dalamnya.',
        ),
        (
            "informal",
            'pak {first} {jabi} tiap hari bikin status wa "ayo coblos no {no}, pilihan tepat". pdhl dia pns',
        ),
        (
            "informal",
            "{jabi} live tiktok sambil ngajak2 penonton milih {calon}, sy ada rekaman layarnya",
        ),
        (
            "informal",
            'guru anak sy posting di fb "jgn salah pilih, {no2} aja" + foto paslon, itu kampanye kan?',
        ),
        (
            "informal",
            "bu {first} pegawai kecamatan nyebarin flyer paslon {no} ke grup wa ortu murid, nyuruh milih",
        ),
        (
            "social",
            '"Saya sebagai ASN mendukung penuh {paslon}, mari kita menangkan bersama! #{no2}Menang" — unggahan akun {medsos} seorang {jabi}.',
        ),
        (
            "social",
            'Story IG {akun}: oknum pegawai pemkab posting video kampanye {calon} dengan caption "pilih yang sudah terbukti".',
        ),
        (
            "social",
            'Twit seorang dosen PNS: "Pilkada ini cuma ada satu pilihan rasional, nomor {no}. Sebarkan!"',
        ),
        (
            "news",
            "Bawaslu {wil} menelusuri akun {medsos} seorang {jab} yang diduga berkampanye untuk {paslon} di media sosial.",
        ),
        (
            "news",
            "Unggahan seorang ASN di {kec} yang berisi ajakan memilih calon {jabatan_calon} nomor urut {no} viral di media sosial dan dilaporkan warga.",
        ),
    ],
    "interaksi_akun_calon": [
        (
            "formal",
            "{nama}, {jab}, tercatat menyukai dan mengomentari sejumlah unggahan akun resmi {paslon} di {medsos}.",
        ),
        (
            "formal",
            "Terlapor membagikan ulang (share) unggahan akun {medsos} milik {bacalon} ke beranda pribadinya pada {tgl}.",
        ),
        (
            "formal",
            "Berdasarkan tangkapan layar, akun {medsos} seorang {jab} mengikuti (follow) akun kampanye {paslon} dan memberi tanda suka pada foto-fotonya.",
        ),
        (
            "formal",
            'Pada kolom komentar unggahan {paslon}, terlapor {nama} menulis "Semangat pak, kami siap mendukung" menggunakan akun pribadinya.',
        ),
        (
            "formal",
            "Akun Instagram milik {jab} terlihat memberikan likes pada hampir semua postingan calon {jabatan_calon} {calon} selama masa kampanye.",
        ),
        (
            "informal",
            "pak {first} {jabi} ngelike & komen2 terus di postingan ig paslon {no2}, ketauan dr notifikasinya",
        ),
        (
            "informal",
            "{jabi} ngeshare postingan fb {calon} ke grup keluarga, cuma share doang sih tp kan ASN",
        ),
        (
            "informal",
            "bu {first} follow akun tiktok cabup no {no} trus komen emot love di tiap videonya",
        ),
        (
            "informal",
            "ada kadis yg retweet cuitan calon {jabatan_calon} tiap hari, sy screenshot semuanya",
        ),
        (
            "social",
            'Tangkapan layar: akun {akun} (milik seorang {jabi}) menulis komentar "mantap pak, lanjutkan!" di postingan {paslon}.',
        ),
        (
            "social",
            "Cek deh, akun pegawai dinsos ini nge-like semua foto kampanye {calon} di Facebook 😂",
        ),
        (
            "social",
            "Lihat daftar pengikut akun resmi {paslon}: ada camat, lurah, sama guru-guru PNS di {kec}.",
        ),
        (
            "news",
            "Bawaslu {wil} memanggil seorang {jab} yang diduga menyukai dan membagikan unggahan akun media sosial {paslon}.",
        ),
        (
            "news",
            "Seorang ASN di {kec} dilaporkan karena berkomentar mendukung pada akun {medsos} calon {jabatan_calon} {calon}.",
        ),
    ],
    "pendekatan_parpol": [
        (
            "formal",
            "{nama}, {jab}, mendaftar penjaringan bakal calon {jabatan_calon} di DPC {partai} pada {tgl} tanpa mengajukan cuti di luar tanggungan negara.",
        ),
        (
            "formal",
            "Terlapor mengambil dan mengembalikan formulir pendaftaran bakal calon di kantor {partai} {wil}, sementara masih aktif bekerja sebagai {jab}.",
        ),
        (
            "formal",
            "Seorang {jab} beberapa kali menemui pengurus {partai} untuk meminta rekomendasi pencalonan dirinya sebagai {jabatan_calon}.",
        ),
        (
            "formal",
            "Terlapor mengikuti uji kelayakan dan kepatutan bakal calon yang digelar {partai} tanpa cuti dari instansinya.",
        ),
        (
            "formal",
            "{nama} menghadiri rapat tertutup dengan pimpinan {partai} dan {partai} guna melobi dukungan partai bagi pencalonan kakaknya, padahal ia {jab}.",
        ),
        (
            "informal",
            "pak {first} {jabi} kmrn daftar ke partai mau nyalon {jabatan_calon}, blm cuti lho, masih ngantor",
        ),
        (
            "informal",
            "{jabi} bolak balik ke kantor DPD partai nyari 'perahu' buat maju pilkada, katanya udh dapet rekom",
        ),
        (
            "informal",
            "sekdis pendidikan ikut fit and proper test di partai, pdhl msh aktif pns ga ambil cuti",
        ),
        (
            "social",
            "Foto: {jabi} menyerahkan berkas pendaftaran bakal calon ke {partai}. Cuti di luar tanggungan negara? Belum!",
        ),
        (
            "social",
            "Beredar video seorang pejabat eselon pemkab {city} sowan ke ketua {partai} minta diusung jadi calon wakil.",
        ),
        (
            "news",
            "Seorang {jab} diketahui mendaftar sebagai bakal calon {jabatan_calon} melalui {partai}, meski belum mengajukan cuti di luar tanggungan negara.",
        ),
        (
            "news",
            "Bawaslu {wil} menelusuri kabar sejumlah ASN yang melakukan pendekatan ke partai politik untuk pencalonan pada Pilkada 2024.",
        ),
    ],
    "menghadiri_deklarasi": [
        (
            "formal",
            "{nama}, {jab}, hadir dalam deklarasi {bacalon} di {desa} pada {tgl} dan ikut meneriakkan yel-yel dukungan.",
        ),
        (
            "formal",
            "Terlapor berdiri di panggung saat deklarasi pencalonan {paslon} dan menyampaikan dukungannya kepada para hadirin.",
        ),
        (
            "formal",
            "Pada acara deklarasi relawan {bacalon}, seorang {jab} tampak mengangkat tangan bersama massa dan membacakan ikrar dukungan.",
        ),
        (
            "formal",
            "{nama} menghadiri deklarasi dukungan untuk {paslon} di gedung serbaguna {kec} dan memberikan sambutan sebagai perwakilan tokoh masyarakat.",
        ),
        (
            "informal",
            "kmrn deklarasi bacalon {calon} di lapangan {desa}, ada pak {first} {jabi} ikut di depan teriak2 menang menang",
        ),
        (
            "informal",
            "{jabi} datang ke acara deklarasi paslon {no2} trus ikut nyanyi mars pemenangan, ada videonya",
        ),
        (
            "informal",
            "sy liat bu {first} guru PNS ikut tanda tangan spanduk deklarasi dukungan buat calon {jabatan_calon}",
        ),
        (
            "social",
            "Deklarasi akbar {bacalon} tadi pagi, tampak sejumlah kepala sekolah dan pegawai dinas ikut bersorak di barisan depan.",
        ),
        (
            "social",
            "Live FB dari deklarasi relawan {calon}: di menit 12 keliatan {jabi} ikut angkat tangan baca ikrar.",
        ),
        (
            "news",
            "Sejumlah ASN di {wil} diduga menghadiri deklarasi {bacalon} dan memberikan dukungan secara terbuka.",
        ),
        (
            "news",
            "Seorang {jab} terekam ikut berorasi dalam deklarasi pencalonan {paslon} di {kec}, {tgl}.",
        ),
        (
            "news",
            "Dalam deklarasi pasangan calon {jabatan_calon} di {city}, terlihat camat dan beberapa lurah ikut menyatakan dukungan di atas panggung.",
        ),
    ],
    "anggota_parpol": [
        (
            "formal",
            "{nama}, {jab}, tercatat sebagai anggota {partai} dalam Sipol dengan nomor kartu tanda anggota yang masih aktif.",
        ),
        (
            "formal",
            "Terlapor menjabat sebagai sekretaris DPC {partai} {wil} sekaligus berstatus {jab}.",
        ),
        (
            "formal",
            "Nama seorang {jab} tercantum dalam susunan kepengurusan {partai} tingkat kecamatan {kec} yang diserahkan ke KPU.",
        ),
        (
            "formal",
            "Terlapor memiliki kartu tanda anggota (KTA) {partai} dan aktif mengikuti rapat pengurus partai, padahal ia PNS aktif.",
        ),
        (
            "formal",
            "Dalam dokumen SK kepengurusan {partai} {wil}, {nama} ditetapkan sebagai bendahara, sementara ia masih {jab}.",
        ),
        (
            "informal",
            "pak {first} {jabi} ternyata pengurus partai, namanya ada di SK kepengurusan DPC {partai}",
        ),
        (
            "informal",
            "cek sipol deh, nama bu {first} guru PNS masuk jadi anggota {partai}, KTA nya jg ada",
        ),
        ("informal", "{jabi} itu ketua ranting partai di {desa}, semua org tau, tp msh pns"),
        (
            "social",
            "Foto kartu anggota {partai} atas nama seorang {jabi} beredar di grup WA warga {kec}.",
        ),
        ("social", 'Akun {akun}: "PNS kok jadi wakil ketua DPC {partai}? Mana netralitasnya?"'),
        (
            "news",
            "Bawaslu {wil} menemukan {jumlah} ASN yang namanya tercatat sebagai anggota partai politik dalam Sipol.",
        ),
        (
            "news",
            "Seorang {jab} berinisial {inisial} diketahui menjadi pengurus {partai} dan kini diperiksa oleh Bawaslu.",
        ),
    ],
    "foto_gestur_keberpihakan": [
        (
            "formal",
            "{nama}, {jab}, berfoto bersama {paslon} sambil mengacungkan {no} jari sebagai simbol nomor urut pasangan tersebut.",
        ),
        (
            "formal",
            "Terlapor berpose bersama {bacalon} dengan gestur tangan membentuk huruf V dan foto itu diunggah oleh akun tim pemenangan.",
        ),
        (
            "formal",
            "Dalam foto yang beredar, seorang {jab} mengenakan kaus bergambar {paslon} sambil berfoto bersama calon dan mengepalkan tangan.",
        ),
        (
            "formal",
            "Saat kunjungan {paslon} ke {desa}, terlapor berfoto dengan calon sambil menunjukkan simbol jari yang sama dengan nomor urut calon.",
        ),
        (
            "formal",
            "Foto bersama antara {nama} ({jab}) dan {calon} memperlihatkan keduanya berpose salam {no} jari di depan posko.",
        ),
        (
            "informal",
            "pak {first} {jabi} foto bareng calon {jabatan_calon} pose {no} jari, fotonya nyebar di grup",
        ),
        (
            "informal",
            "ada foto bu {first} sm {calon} pake kaos paslon trus acungin jempol sm telunjuk, itu kode no {no}",
        ),
        (
            "informal",
            "{jabi} selfie sm cabup pose salam {no2}, pas acara kondangan tp tetep aja kan keberpihakan",
        ),
        ("social", "Foto beredar: {jabi} berpose {no} jari bersama {paslon}. Netral? 🤔"),
        (
            "social",
            '"Bersama calon pemimpin kita" — caption foto seorang ASN yang berpose salam {no} jari di samping {calon}.',
        ),
        (
            "news",
            "Foto seorang {jab} yang berpose dengan simbol jari nomor urut bersama {paslon} viral dan kini ditangani Bawaslu {wil}.",
        ),
        (
            "news",
            "Bawaslu {wil} memeriksa sejumlah kepala desa dan ASN yang berfoto bersama calon {jabatan_calon} dengan gestur keberpihakan.",
        ),
    ],
    "kegiatan_keberpihakan": [
        (
            "formal",
            "{nama}, {jab}, mengumpulkan warga {desa} di rumahnya pada {tgl} dan mengimbau agar mereka memilih {paslon}.",
        ),
        (
            "formal",
            "Terlapor membagikan paket sembako kepada warga disertai kartu bergambar {paslon} dan pesan agar memilihnya.",
        ),
        (
            "formal",
            "Seorang {jab} menyelenggarakan pertemuan dengan para ketua RT di {kec} yang berisi ajakan mendukung {bacalon}.",
        ),
        (
            "formal",
            "Dalam pengajian rutin di {desa}, terlapor {nama} menyerukan jamaah untuk memenangkan {paslon} dan membagikan amplop berisi uang.",
        ),
        (
            "formal",
            "Terlapor mengundang para guru honorer ke sebuah rumah makan dan meminta mereka mengarahkan keluarga masing-masing untuk memilih {paslon}.",
        ),
        (
            "informal",
            "pak camat kumpulin kades2 di aula kecamatan, disuruh menangkan {no2}. yg ga mau diancam dananya ditahan",
        ),
        (
            "informal",
            "{jabi} bagi2 beras sm minyak ke warga {desa}, sambil bilang jgn lupa nyoblos no {no} ya",
        ),
        (
            "informal",
            "bu {first} ngadain arisan trus ujung2nya ngajak ibu2 milih {calon}, dikasih kerudung gratis",
        ),
        (
            "informal",
            "ada pns yg ngumpulin ketua rt rw di rumahnya, ngarahin buat dukung paslon {no}, dikasih duit transport",
        ),
        (
            "social",
            'Warga {desa} dapet kalender + gula dari pak {first} ({jabi}), ada tulisan "Pilih nomor {no}" di bungkusnya.',
        ),
        (
            "social",
            "Rekaman suara beredar: seorang kepala dinas menyerukan agar staf dan keluarganya memilih {paslon}.",
        ),
        (
            "news",
            "Seorang {jab} diduga menggelar pertemuan dengan tokoh masyarakat di {kec} yang berujung ajakan memilih {paslon}.",
        ),
        (
            "news",
            "Bawaslu {wil} menyelidiki pembagian bahan pokok oleh seorang ASN yang disertai imbauan memilih calon {jabatan_calon} nomor urut {no}.",
        ),
    ],
}
