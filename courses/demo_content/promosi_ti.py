"""Demo course: Promosi TI."""

COURSE = {
    "slug": "promosi-digital-koperasi",
    "code": "PT",
    "title": "Promosi Digital untuk Koperasi",
    "track": "Promosi TI",
    "summary": (
        "Kursus praktis agar koperasi mudah ditemukan dan dipercaya secara daring: "
        "situs web dan profil bisnis, surel, media sosial, WhatsApp Business, foto "
        "produk, berjualan di marketplace, serta menjaga keamanan akun dan data "
        "anggota."
    ),
    "objectives": [
        "Menyusun kehadiran daring koperasi yang tepercaya: situs web sederhana, profil bisnis di peta, dan alamat surel resmi.",
        "Mengelola media sosial dan WhatsApp Business untuk melayani anggota dan pembeli.",
        "Memotret produk dengan ponsel dan menulis deskripsi produk yang menjual.",
        "Berjualan di marketplace dengan harga yang memperhitungkan biaya platform.",
        "Mengenali phishing dan penipuan daring, memakai kata sandi kuat dan verifikasi dua langkah, serta melindungi data anggota.",
    ],
    "jp": 12,
    "positions": ["ketua", "sekretaris", "pengurus", "manajer"],
    "modules": [
        {
            "title": "Kehadiran Daring Koperasi",
            "summary": (
                "Memilih kanal yang tepat, membangun situs web sederhana, mendaftarkan "
                "koperasi di peta, dan memakai surel resmi."
            ),
            "lessons": [
                {
                    "title": "Memilih kanal daring yang tepat",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Anggota dan pembeli sekarang mencari informasi lewat ponsel. Koperasi yang tidak bisa ditemukan daring sering dianggap tidak aktif, padahal mungkin usahanya berjalan baik. Namun koperasi kecil tidak perlu hadir di semua tempat sekaligus. Lebih baik dua kanal yang dikelola rutin daripada enam akun yang terbengkalai.</p>"
                            "<h3>Kanal dan kegunaannya</h3>"
                            "<ul>"
                            "<li><strong>Situs web</strong>: rumah resmi koperasi di internet. Berisi profil, produk, kontak, dan informasi untuk anggota. Isinya dikendalikan penuh oleh koperasi.</li>"
                            '<li><strong>Profil bisnis di peta daring</strong>: membuat koperasi muncul ketika orang mencari "koperasi dekat saya" atau nama desa, lengkap dengan jam buka dan petunjuk arah.</li>'
                            "<li><strong>Media sosial</strong>: membangun kedekatan dan kabar harian, misalnya stok baru, kegiatan anggota, atau pengumuman RAT.</li>"
                            "<li><strong>WhatsApp Business</strong>: melayani pertanyaan dan pesanan secara langsung.</li>"
                            "<li><strong>Marketplace</strong>: menjangkau pembeli di luar desa untuk produk anggota, seperti kopi, keripik, atau kerajinan.</li>"
                            "<li><strong>Surel (email)</strong>: komunikasi resmi dengan dinas, bank, mitra, dan pemasok.</li>"
                            "</ul>"
                            "<h3>Mulai dari tujuan</h3>"
                            "<p>Tanyakan dulu: apa yang ingin dicapai dalam enam bulan? Jika tujuannya menambah anggota aktif di desa, WhatsApp Business dan media sosial lokal lebih penting. Jika tujuannya menjual produk anggota ke kota, marketplace dan foto produk yang baik lebih penting. Tetapkan juga <strong>siapa penanggung jawab</strong> setiap kanal dan <strong>berapa kali</strong> diperbarui. Semua akun didaftarkan atas nama koperasi dengan nomor telepon dan surel milik koperasi, bukan milik pribadi pengurus, agar tidak hilang ketika kepengurusan berganti.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Rencana kanal Koperasi Desa Merah Putih Sukamaju",
                                "intro": "Rapat pengurus menyusun rencana sederhana untuk enam bulan pertama.",
                                "table": [
                                    [
                                        "Kanal",
                                        "Tujuan",
                                        "Penanggung jawab",
                                        "Frekuensi",
                                    ],
                                    [
                                        "WhatsApp Business",
                                        "Melayani pesanan sembako dan pertanyaan simpan pinjam",
                                        "Kasir gerai",
                                        "Setiap hari kerja",
                                    ],
                                    [
                                        "Profil bisnis di peta",
                                        "Mudah ditemukan, jam buka jelas",
                                        "Sekretaris",
                                        "Diperiksa sebulan sekali",
                                    ],
                                    [
                                        "Halaman media sosial",
                                        "Kabar kegiatan dan promosi gerai",
                                        "Pengurus bidang usaha",
                                        "3 unggahan per minggu",
                                    ],
                                    [
                                        "Situs web sederhana",
                                        "Profil resmi, produk, ringkasan RAT",
                                        "Sekretaris",
                                        "Diperbarui sebulan sekali",
                                    ],
                                ],
                                "explanation": "Marketplace belum dibuka karena produk anggota belum memiliki kemasan dan izin edar yang siap. Rencana ditinjau lagi setelah enam bulan dengan melihat jumlah pesanan lewat WhatsApp dan jumlah pengikut yang benar-benar datang ke gerai.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Situs web koperasi",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Situs web memberi kesan resmi dan tepercaya. Ketika bank, dinas, atau calon mitra mencari nama koperasi, situs web adalah tempat pertama yang ingin mereka lihat. Situs koperasi tidak perlu rumit; lima halaman sudah cukup.</p>"
                            "<h3>Halaman yang disarankan</h3>"
                            "<ol>"
                            "<li><strong>Beranda</strong>: nama koperasi, foto kantor atau gerai, satu kalimat tentang layanan utama, dan tombol kontak WhatsApp.</li>"
                            "<li><strong>Tentang kami</strong>: sejarah singkat, nomor badan hukum, alamat, susunan pengurus dan pengawas.</li>"
                            "<li><strong>Layanan dan produk</strong>: unit usaha, produk anggota dengan foto dan harga, syarat menjadi anggota.</li>"
                            "<li><strong>Berita dan laporan</strong>: kabar kegiatan dan ringkasan hasil RAT, misalnya jumlah anggota, total aset, dan SHU. Keterbukaan seperti ini membangun kepercayaan.</li>"
                            "<li><strong>Kontak</strong>: alamat, peta, jam buka, nomor WhatsApp, dan alamat surel resmi.</li>"
                            "</ol>"
                            "<h3>Nama domain dan pembuatan</h3>"
                            "<p>Pilih nama domain yang pendek dan mudah dieja, misalnya nama koperasi ditambah nama desa, dengan akhiran Indonesia seperti <em>.id</em>. Domain didaftarkan atas nama koperasi dan biaya perpanjangannya dimasukkan dalam anggaran tahunan; banyak situs koperasi hilang hanya karena domainnya lupa diperpanjang. Situs dapat dibuat dengan pembuat situs siap pakai yang tidak memerlukan pemrograman. Pastikan tampilannya baik di ponsel dan alamatnya memakai <em>https</em>.</p>"
                            "<h3>Yang tidak boleh dimuat</h3>"
                            "<p>Jangan memuat data pribadi anggota seperti nomor KTP, alamat lengkap, atau saldo simpanan dan pinjaman perorangan. Daftar nama penerima SHU atau peminjam juga tidak perlu dipublikasikan di internet; cukup ditempel di kantor atau dibagikan dalam RAT.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Uji dari ponsel murah",
                                "text": "Buka situs koperasi dari ponsel dengan sinyal biasa. Jika halaman beranda lebih dari beberapa detik baru muncul, kecilkan ukuran foto. Sebagian besar anggota akan membukanya dari ponsel, bukan komputer.",
                            },
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Anggaran tahunan kehadiran daring",
                                "intro": "Contoh anggaran yang dimasukkan dalam rencana kerja dan anggaran untuk disahkan RAT. Harga bersifat contoh; bandingkan penawaran penyedia sebelum membeli.",
                                "table": [
                                    ["Pos", "Perhitungan", "Jumlah per tahun"],
                                    [
                                        "Perpanjangan domain .id",
                                        "1 domain",
                                        "Rp 250.000",
                                    ],
                                    [
                                        "Paket pembuat situs",
                                        "Rp 75.000 × 12 bulan",
                                        "Rp 900.000",
                                    ],
                                    [
                                        "Kuota internet ponsel koperasi",
                                        "Rp 100.000 × 12 bulan",
                                        "Rp 1.200.000",
                                    ],
                                    ["Jumlah", "", "Rp 2.350.000"],
                                ],
                                "explanation": "Rp 250.000 + Rp 900.000 + Rp 1.200.000 = Rp 2.350.000 per tahun, atau sekitar Rp 196.000 per bulan. Dengan anggaran yang disahkan RAT, biaya ini tidak bergantung pada kantong pribadi pengurus, dan domain tidak hilang karena lupa dibayar.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Profil bisnis di peta dan surel resmi",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<h3>Profil bisnis di peta daring</h3>"
                            "<p>Layanan peta di ponsel menyediakan profil bisnis gratis. Dengan profil ini, koperasi muncul di peta lengkap dengan foto, jam buka, nomor telepon, dan ulasan pengunjung. Langkah umumnya:</p>"
                            "<ol>"
                            "<li>Daftarkan profil dengan akun milik koperasi, bukan akun pribadi.</li>"
                            "<li>Isi nama resmi koperasi, kategori usaha, alamat, dan titik lokasi yang tepat.</li>"
                            "<li>Lakukan verifikasi kepemilikan sesuai petunjuk layanan.</li>"
                            "<li>Unggah foto depan kantor atau gerai, bagian dalam, dan produk.</li>"
                            "<li>Perbarui jam buka, termasuk hari libur nasional.</li>"
                            "<li>Balas setiap ulasan dengan sopan, termasuk ulasan yang berisi keluhan.</li>"
                            "</ol>"
                            "<h3>Surel resmi</h3>"
                            "<p>Surel masih menjadi cara resmi berkomunikasi dengan dinas, bank, pemasok besar, dan mitra. Buat satu alamat surel khusus koperasi, misalnya dengan nama koperasi dan desa, atau memakai nama domain situs koperasi. Kata sandi dan kode pemulihannya disimpan oleh sekretaris dan diketahui ketua, dan diserahterimakan secara tertulis ketika kepengurusan berganti.</p>"
                            "<p>Kebiasaan surel yang baik:</p>"
                            "<ul>"
                            '<li>gunakan subjek yang jelas, misalnya "Laporan RAT Tahun Buku 2025 - Koperasi Desa Merah Putih Sukamaju";</li>'
                            "<li>tambahkan tanda tangan surel berisi nama, jabatan, nama koperasi, dan nomor telepon;</li>"
                            "<li>saat mengirim ke banyak penerima yang tidak saling kenal, masukkan alamatnya di kolom <strong>BCC</strong> agar alamat surel mereka tidak tersebar;</li>"
                            "<li>jangan mengirim berkas berisi data pribadi anggota tanpa perlindungan kata sandi, dan kirim kata sandinya melalui jalur lain;</li>"
                            "<li>jawab surel dalam dua hari kerja, walaupun hanya untuk menyatakan bahwa surel sudah diterima.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Satu akun induk",
                                "text": "Alamat surel resmi koperasi sebaiknya menjadi akun induk untuk mendaftarkan profil peta, media sosial, marketplace, dan situs web. Jika suatu hari akun lain bermasalah, pemulihannya cukup melalui satu surel yang dikuasai koperasi.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Media Sosial, WhatsApp Business, dan Foto Produk",
            "summary": (
                "Merencanakan konten media sosial, melayani lewat WhatsApp Business, "
                "dan menghasilkan foto produk yang menarik dengan ponsel."
            ),
            "lessons": [
                {
                    "title": "Merencanakan konten media sosial",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            '<p>Media sosial bukan papan iklan yang hanya berisi "dijual". Orang mengikuti akun yang memberi manfaat, cerita, atau hiburan. Koperasi punya banyak bahan cerita: anggota yang usahanya berkembang, petani yang memanen, kegiatan pendidikan, atau gotong royong di desa.</p>'
                            "<h3>Campuran konten yang seimbang</h3>"
                            "<ul>"
                            "<li><strong>Informasi</strong>: jam buka, stok baru, jadwal pembayaran angsuran, pengumuman RAT.</li>"
                            "<li><strong>Edukasi</strong>: tips menabung, cara menghitung angsuran, manfaat menjadi anggota.</li>"
                            "<li><strong>Cerita anggota</strong>: profil singkat anggota dan usahanya, tentu dengan izinnya.</li>"
                            "<li><strong>Promosi</strong>: produk unggulan, harga khusus anggota, paket sembako.</li>"
                            "</ul>"
                            "<p>Pedoman sederhana: sebagian besar unggahan memberi manfaat atau cerita, dan hanya sebagian kecil berisi ajakan membeli.</p>"
                            "<h3>Kalender konten</h3>"
                            "<p>Susun kalender mingguan agar tidak bingung setiap hari harus mengunggah apa. Siapkan foto dan teks beberapa hari sebelumnya. Manfaatkan momen lokal: musim panen, hari pasar, Hari Koperasi 12 Juli, hari besar keagamaan, dan HUT desa.</p>"
                            "<h3>Menulis keterangan unggahan</h3>"
                            "<ul>"
                            "<li>kalimat pertama langsung menarik perhatian;</li>"
                            "<li>bahasa sehari-hari yang sopan, boleh menyelipkan bahasa daerah;</li>"
                            '<li>akhiri dengan ajakan yang jelas, misalnya "Pesan lewat WhatsApp di nomor pada profil";</li>'
                            "<li>gunakan beberapa tagar yang relevan, seperti nama desa dan jenis produk.</li>"
                            "</ul>"
                            "<p>Balas komentar dan pesan dengan cepat. Jika ada keluhan di kolom komentar, tanggapi dengan sopan, ucapkan terima kasih, lalu ajak menyelesaikannya lewat pesan pribadi.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Kalender konten satu minggu",
                                "intro": "Pengurus bidang usaha menyusun tiga unggahan per minggu.",
                                "table": [
                                    ["Hari", "Jenis", "Isi", "Ajakan"],
                                    [
                                        "Senin",
                                        "Informasi",
                                        "Foto stok beras dan minyak goreng baru di gerai, harga anggota",
                                        "Pesan antar lewat WhatsApp",
                                    ],
                                    [
                                        "Rabu",
                                        "Edukasi",
                                        "Gambar sederhana: beda simpanan pokok, wajib, dan sukarela",
                                        "Tanya syarat menjadi anggota",
                                    ],
                                    [
                                        "Sabtu",
                                        "Cerita anggota",
                                        "Bu Ani, anggota sejak 2021, mengembangkan usaha keripik pisang",
                                        "Beli keripik Bu Ani di gerai koperasi",
                                    ],
                                ],
                                "explanation": "Dari tiga unggahan, hanya satu yang murni promosi harga. Dua lainnya membangun pengetahuan dan kebanggaan anggota, yang dalam jangka panjang mendorong lebih banyak orang bertransaksi di koperasi.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Melayani dengan WhatsApp Business",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>WhatsApp Business adalah aplikasi gratis yang dirancang untuk usaha. Tampilannya mirip WhatsApp biasa, sehingga mudah dipakai, tetapi memiliki fitur yang membantu melayani banyak anggota dan pembeli.</p>"
                            "<h3>Fitur yang perlu diatur</h3>"
                            "<ul>"
                            "<li><strong>Profil bisnis</strong>: nama koperasi, kategori, alamat, jam buka, deskripsi singkat, dan alamat situs web.</li>"
                            "<li><strong>Katalog</strong>: daftar produk dengan foto, harga, dan keterangan, sehingga pembeli bisa melihat tanpa bertanya satu per satu.</li>"
                            "<li><strong>Pesan salam</strong>: terkirim otomatis saat seseorang menghubungi pertama kali.</li>"
                            "<li><strong>Pesan di luar jam kerja</strong>: memberi tahu bahwa pesan akan dibalas pada jam buka berikutnya.</li>"
                            "<li><strong>Balasan cepat</strong>: jawaban tersimpan untuk pertanyaan yang sering muncul, misalnya syarat pinjaman atau ongkos antar.</li>"
                            "<li><strong>Label</strong>: menandai percakapan, misalnya pesanan baru, menunggu pembayaran, selesai, atau anggota baru.</li>"
                            "</ul>"
                            "<h3>Etika dan aturan</h3>"
                            "<p>Pesan siaran hanya sampai ke orang yang menyimpan nomor koperasi di kontaknya. Jangan memasukkan orang ke grup tanpa izin, dan jangan mengirim promosi terlalu sering; cukup satu atau dua kali seminggu. Pisahkan grup informasi resmi (hanya pengurus yang boleh mengirim) dari grup diskusi anggota.</p>"
                            "<p>Jangan pernah meminta atau mengirim kode OTP, PIN, atau kata sandi melalui WhatsApp. Untuk urusan simpan pinjam, jangan membahas saldo atau tunggakan seorang anggota di grup; bicarakan secara pribadi.</p>"
                            "<h3>Pakai nomor koperasi</h3>"
                            "<p>Gunakan nomor khusus koperasi di ponsel milik koperasi. Jika nomor pribadi dipakai, riwayat percakapan dan katalog ikut pergi ketika petugas berganti.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Contoh balasan cepat",
                                "intro": "Kasir gerai menyimpan balasan cepat berikut dan memanggilnya dengan mengetik garis miring diikuti kata kunci.",
                                "table": [
                                    ["Kata kunci", "Isi balasan"],
                                    [
                                        "/jam",
                                        "Gerai buka Senin s.d. Sabtu pukul 07.30-16.00, Minggu tutup.",
                                    ],
                                    [
                                        "/antar",
                                        "Pesan antar gratis untuk wilayah desa dengan belanja minimal Rp 100.000; di luar desa ongkos Rp 10.000.",
                                    ],
                                    [
                                        "/anggota",
                                        "Syarat anggota: warga desa, KTP, simpanan pokok Rp 100.000 dan simpanan wajib Rp 20.000 per bulan. Silakan datang ke kantor koperasi.",
                                    ],
                                    [
                                        "/bayar",
                                        "Pembayaran tunai di gerai atau transfer ke rekening atas nama koperasi. Kami tidak pernah meminta transfer ke rekening pribadi.",
                                    ],
                                ],
                                "explanation": "Balasan cepat menghemat waktu dan membuat jawaban seragam, siapa pun petugasnya. Kalimat terakhir pada balasan /bayar sekaligus melindungi anggota dari penipu yang mengaku petugas koperasi.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Memotret produk dengan ponsel",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Pembeli daring tidak bisa memegang produk. Keputusan membeli sangat ditentukan oleh foto. Kabar baiknya, ponsel biasa sudah cukup untuk menghasilkan foto yang layak jual jika memperhatikan cahaya, latar, dan sudut.</p>"
                            "<h3>Cahaya</h3>"
                            "<ul>"
                            "<li>Gunakan cahaya alami dari jendela pada pagi atau sore hari. Hindari matahari langsung yang membuat bayangan keras.</li>"
                            "<li>Matikan lampu kilat (flash); cahayanya datar dan membuat kemasan plastik berkilau.</li>"
                            "<li>Jika bayangan terlalu gelap, pantulkan cahaya dengan kertas putih atau styrofoam di sisi yang berlawanan dengan jendela.</li>"
                            "</ul>"
                            "<h3>Latar dan penataan</h3>"
                            "<ul>"
                            "<li>Pakai latar polos dan bersih: kertas karton putih, kain polos, atau papan kayu.</li>"
                            "<li>Bersihkan produk dan kemasannya dari debu dan sidik jari.</li>"
                            "<li>Tambahkan properti pendukung secukupnya, misalnya biji kopi di samping bungkus kopi, tanpa menutupi produk.</li>"
                            "</ul>"
                            "<h3>Kamera dan komposisi</h3>"
                            "<ul>"
                            "<li>Lap lensa ponsel sebelum memotret.</li>"
                            "<li>Aktifkan garis bantu (grid) dan letakkan produk di titik yang seimbang.</li>"
                            "<li>Dekati produk, jangan memakai zoom digital yang menurunkan ketajaman.</li>"
                            "<li>Ketuk layar pada produk agar fokus dan terang menyesuaikan.</li>"
                            "<li>Untuk marketplace, gunakan rasio persegi (1:1) dan foto utama dengan latar putih.</li>"
                            "</ul>"
                            "<h3>Satu produk, beberapa foto</h3>"
                            "<p>Siapkan sekurang-kurangnya lima foto: tampak depan, tampak belakang yang memperlihatkan label komposisi dan izin edar, isi produk, produk di tangan sebagai perbandingan ukuran, dan produk sedang dipakai atau disajikan. Foto harus jujur; warna dan ukuran yang berbeda dari aslinya akan berujung pada keluhan dan ulasan buruk.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Studio mini seharga kurang dari Rp 50.000",
                                "text": "Sebuah kardus bekas yang sisi atas dan sampingnya dilubangi lalu ditutup kertas kalkir, ditambah selembar karton putih melengkung sebagai latar, sudah cukup menjadi kotak foto untuk produk kecil seperti keripik, sabun, atau kopi bubuk.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Berjualan di Marketplace",
            "summary": (
                "Menyiapkan toko di marketplace, menetapkan harga yang memperhitungkan "
                "biaya platform, dan menjaga layanan serta ulasan."
            ),
            "lessons": [
                {
                    "title": "Menyiapkan toko di marketplace",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Marketplace adalah pasar daring tempat banyak penjual dan pembeli bertemu. Keuntungannya, pembeli sudah ada dan sistem pembayaran serta pengiriman sudah tersedia. Tantangannya, persaingan ketat dan ada biaya yang dipotong dari setiap penjualan.</p>"
                            "<h3>Sebelum membuka toko</h3>"
                            "<ul>"
                            "<li><strong>Produk siap dijual jauh</strong>: kemasan kuat, tanggal kedaluwarsa jelas, dan izin yang diperlukan (misalnya PIRT untuk pangan olahan rumah tangga, atau sertifikat halal) sudah ada.</li>"
                            "<li><strong>Pasokan stabil</strong>: anggota produsen sanggup memenuhi pesanan rutin.</li>"
                            "<li><strong>Petugas</strong> yang mengecek pesanan setiap hari, mengemas, dan menyerahkan ke kurir tepat waktu.</li>"
                            "</ul>"
                            "<h3>Menyiapkan toko</h3>"
                            "<ol>"
                            "<li>Daftarkan toko dengan surel dan nomor telepon koperasi; rekening pencairan atas nama koperasi.</li>"
                            "<li>Beri nama toko yang mudah dicari, misalnya nama koperasi dan produk unggulan desa.</li>"
                            "<li>Isi deskripsi toko: siapa koperasi ini, dari desa mana, dan bahwa produknya dibuat anggota.</li>"
                            "<li>Unggah produk dengan foto yang baik dan deskripsi lengkap.</li>"
                            "<li>Atur jasa pengiriman yang tersedia di kecamatan dan tentukan waktu pengemasan yang realistis.</li>"
                            "</ol>"
                            "<h3>Menulis deskripsi produk</h3>"
                            "<p>Judul produk memuat kata yang dicari pembeli: jenis produk, merek, rasa atau varian, dan berat. Deskripsi menjawab pertanyaan pembeli sebelum ditanyakan: bahan, berat bersih, ukuran kemasan, cara penyimpanan, masa simpan, izin edar, dan cerita singkat tentang pembuatnya.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Judul dan deskripsi yang kurang dan yang baik",
                                "intro": "Produk keripik pisang buatan Bu Ani, anggota koperasi.",
                                "table": [
                                    ["Bagian", "Kurang baik", "Lebih baik"],
                                    [
                                        "Judul",
                                        "Keripik enak",
                                        "Keripik Pisang Kepok Original 250 gr - Koperasi Sukamaju",
                                    ],
                                    [
                                        "Bahan",
                                        "(tidak ada)",
                                        "Pisang kepok, minyak kelapa sawit, garam",
                                    ],
                                    [
                                        "Berat dan kemasan",
                                        "(tidak ada)",
                                        "Berat bersih 250 gr, standing pouch berklip",
                                    ],
                                    [
                                        "Masa simpan",
                                        "(tidak ada)",
                                        "3 bulan sejak tanggal produksi; simpan di tempat kering",
                                    ],
                                    [
                                        "Izin",
                                        "(tidak ada)",
                                        "PIRT dan sertifikat halal tercantum di kemasan",
                                    ],
                                    [
                                        "Cerita",
                                        "(tidak ada)",
                                        "Dibuat oleh Bu Ani, anggota koperasi, dari pisang kebun warga desa",
                                    ],
                                ],
                                "explanation": "Judul yang baik memuat kata yang diketik pembeli di kolom pencarian (keripik pisang, kepok, 250 gr). Deskripsi yang lengkap mengurangi pertanyaan berulang dan keluhan karena harapan pembeli tidak sesuai.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Menetapkan harga jual daring",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Kesalahan paling sering saat berjualan daring adalah memasang harga yang sama dengan harga di gerai, tanpa memperhitungkan biaya tambahan. Akibatnya, semakin banyak terjual, semakin besar kerugian tersembunyi.</p>"
                            "<h3>Biaya yang perlu diperhitungkan</h3>"
                            "<ul>"
                            "<li><strong>Harga pokok produk</strong> dari anggota produsen;</li>"
                            "<li><strong>Kemasan pengiriman</strong>: kardus, bubble wrap, lakban;</li>"
                            "<li><strong>Biaya platform</strong>: potongan administrasi atau komisi marketplace, biasanya berupa persentase dari harga jual dan dapat berubah sewaktu-waktu;</li>"
                            "<li><strong>Biaya program promosi</strong> bila ikut, misalnya gratis ongkir yang sebagian ditanggung penjual;</li>"
                            "<li><strong>Margin koperasi</strong> untuk menutup biaya petugas dan menghasilkan SHU.</li>"
                            "</ul>"
                            "<p>Karena biaya platform dan margin dihitung sebagai persentase dari <em>harga jual</em>, rumusnya:</p>"
                            "<p><strong>Harga jual = biaya per unit ÷ (1 - persentase biaya platform - persentase margin)</strong></p>"
                            "<p>Jangan sekadar menambahkan persentase ke biaya, karena hasilnya akan sedikit terlalu rendah. Periksa selalu ketentuan biaya terbaru di pusat informasi penjual marketplace yang dipakai, karena persentasenya berbeda antarplatform dan antarkategori produk.</p>"
                            "<p>Setelah menghitung, bandingkan dengan harga produk serupa di marketplace. Jika harga hitungan jauh di atas pesaing, cari cara menekan biaya, misalnya membeli kemasan dalam jumlah besar atau menjual dalam paket isi dua.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Harga jual keripik pisang di marketplace",
                                "intro": "Harga pokok dari Bu Ani Rp 12.000 per bungkus, kemasan pengiriman Rp 2.000 per bungkus. Biaya platform (contoh) 8% dari harga jual, dan koperasi menargetkan margin 25% dari harga jual.",
                                "table": [
                                    ["Uraian", "Perhitungan", "Jumlah"],
                                    [
                                        "Biaya per unit",
                                        "Rp 12.000 + Rp 2.000",
                                        "Rp 14.000",
                                    ],
                                    ["Pembagi", "1 - 8% - 25%", "0,67"],
                                    [
                                        "Harga jual hitungan",
                                        "Rp 14.000 ÷ 0,67",
                                        "Rp 20.896",
                                    ],
                                    [
                                        "Harga jual dipasang (dibulatkan)",
                                        "",
                                        "Rp 21.000",
                                    ],
                                    ["Potongan platform", "8% × Rp 21.000", "Rp 1.680"],
                                    [
                                        "Margin koperasi",
                                        "Rp 21.000 - Rp 1.680 - Rp 14.000",
                                        "Rp 5.320",
                                    ],
                                ],
                                "explanation": "Margin Rp 5.320 adalah 25,3% dari Rp 21.000, sesuai target. Seandainya koperasi hanya menambahkan 33% ke biaya (Rp 14.000 × 1,33 = Rp 18.620), marginnya setelah potongan platform (8% × Rp 18.620 = Rp 1.490) hanya Rp 3.130 atau sekitar 16,8%, jauh di bawah target.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Layanan, pengiriman, dan ulasan",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Di marketplace, reputasi toko terlihat dari penilaian, ulasan, kecepatan membalas chat, dan ketepatan waktu pengiriman. Angka-angka ini memengaruhi seberapa sering toko ditampilkan kepada pembeli.</p>"
                            "<h3>Kebiasaan harian petugas toko</h3>"
                            "<ol>"
                            "<li>Periksa pesanan baru dan chat setidaknya dua kali sehari, pagi dan siang.</li>"
                            "<li>Kemas pesanan dalam batas waktu yang dijanjikan; jangan menerima pesanan jika stok kosong.</li>"
                            "<li>Foto atau rekam proses pengemasan untuk pesanan bernilai besar sebagai bukti bila ada sengketa.</li>"
                            "<li>Masukkan nomor resi dan pantau sampai pesanan diterima.</li>"
                            "<li>Catat setiap penjualan dalam pembukuan koperasi; pencairan dana dari marketplace dicocokkan dengan catatan pesanan.</li>"
                            "</ol>"
                            "<h3>Menanggapi ulasan</h3>"
                            "<p>Ucapkan terima kasih untuk ulasan baik. Untuk ulasan buruk, jangan membalas dengan marah. Akui masalahnya, jelaskan singkat, tawarkan solusi, dan perbaiki penyebabnya. Pembeli lain membaca balasan penjual, dan balasan yang santun sering lebih meyakinkan daripada ulasan sempurna.</p>"
                            "<h3>Mencatat dan menilai hasil</h3>"
                            "<p>Setiap bulan, petugas melaporkan kepada pengurus: jumlah pesanan, omzet, potongan platform, biaya kemasan, margin, jumlah keluhan, dan nilai rata-rata toko. Dari laporan ini pengurus dapat menilai apakah marketplace benar-benar menguntungkan koperasi dan anggota produsen.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Laporan bulanan toko marketplace",
                                "intro": "Pada bulan Agustus toko koperasi menjual 150 bungkus keripik pisang dengan harga Rp 21.000.",
                                "table": [
                                    ["Uraian", "Perhitungan", "Jumlah"],
                                    ["Omzet", "150 × Rp 21.000", "Rp 3.150.000"],
                                    [
                                        "Potongan platform 8%",
                                        "8% × Rp 3.150.000",
                                        "(Rp 252.000)",
                                    ],
                                    [
                                        "Pembayaran ke Bu Ani",
                                        "150 × Rp 12.000",
                                        "(Rp 1.800.000)",
                                    ],
                                    [
                                        "Kemasan pengiriman",
                                        "150 × Rp 2.000",
                                        "(Rp 300.000)",
                                    ],
                                    ["Margin koperasi", "", "Rp 798.000"],
                                ],
                                "explanation": "Rp 3.150.000 - Rp 252.000 - Rp 1.800.000 - Rp 300.000 = Rp 798.000, yaitu 150 × Rp 5.320. Bu Ani sebagai anggota produsen menerima Rp 1.800.000 untuk produknya, dan koperasi memperoleh margin yang nantinya ikut menjadi SHU.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Keamanan Daring",
            "summary": (
                "Mengenali phishing dan penipuan, memakai kata sandi kuat dan "
                "verifikasi dua langkah, serta melindungi akun bersama dan data anggota."
            ),
            "lessons": [
                {
                    "title": "Mengenali phishing dan penipuan daring",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p><strong>Phishing</strong> adalah upaya menipu seseorang agar menyerahkan data rahasia, seperti kata sandi, PIN, atau kode OTP, atau agar memasang aplikasi berbahaya. Penipu biasanya menyamar sebagai pihak yang dipercaya: bank, marketplace, dinas, kurir, bahkan pengurus koperasi sendiri.</p>"
                            "<h3>Modus yang sering terjadi</h3>"
                            "<ul>"
                            "<li><strong>Berkas aplikasi (APK) palsu</strong> yang dikirim lewat WhatsApp dengan nama undangan pernikahan, surat tilang, resi paket, atau tagihan. Begitu dipasang, aplikasi ini dapat membaca SMS berisi OTP dan menguras rekening.</li>"
                            "<li><strong>Tautan palsu</strong> yang mirip alamat resmi, misalnya huruf yang ditukar atau tambahan kata, menuju halaman masuk tiruan.</li>"
                            '<li><strong>Permintaan kode OTP</strong> dengan alasan "salah kirim kode" atau "verifikasi hadiah".</li>'
                            "<li><strong>Pengumuman hadiah atau bantuan</strong> yang meminta biaya administrasi lebih dulu.</li>"
                            "<li><strong>Penipu mengaku pengurus</strong> koperasi dan meminta anggota mentransfer angsuran ke rekening pribadi.</li>"
                            "</ul>"
                            "<h3>Tanda bahaya</h3>"
                            "<ol>"
                            '<li>Desakan waktu: "segera", "hari ini terakhir", "akun akan diblokir".</li>'
                            "<li>Permintaan data rahasia: OTP, PIN, kata sandi, foto KTP sambil memegang kartu ATM.</li>"
                            "<li>Pengirim tidak dikenal atau nomor berbeda dari yang biasa.</li>"
                            "<li>Tautan atau berkas yang tidak diharapkan.</li>"
                            "<li>Tawaran terlalu bagus untuk menjadi kenyataan.</li>"
                            "</ol>"
                            "<h3>Jika sudah telanjur</h3>"
                            "<p>Segera hubungi bank melalui nomor resmi yang tertera di kartu atau situs resminya untuk memblokir rekening atau kartu. Ganti kata sandi akun yang terdampak dari perangkat lain yang aman, keluarkan sesi di perangkat yang tidak dikenal, dan hapus aplikasi mencurigakan. Laporkan ke kanal pengaduan resmi dan beri tahu anggota jika nama koperasi dicatut.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Memeriksa tiga pesan yang masuk",
                                "intro": "Sekretaris koperasi menerima tiga pesan dalam satu hari.",
                                "table": [
                                    ["Pesan", "Tanda bahaya", "Tindakan"],
                                    [
                                        '"Undangan Pernikahan.apk" dari nomor tak dikenal',
                                        "Berkas aplikasi, pengirim tidak dikenal",
                                        "Jangan dibuka, hapus, blokir nomor",
                                    ],
                                    [
                                        '"Akun toko Anda akan ditutup dalam 24 jam, login di tautan ini"',
                                        "Desakan waktu, tautan di luar aplikasi",
                                        "Buka aplikasi marketplace langsung untuk memeriksa; abaikan tautan",
                                    ],
                                    [
                                        '"Bu, saya salah kirim kode 6 angka ke nomor Ibu, tolong kirim balik"',
                                        "Permintaan OTP",
                                        "Jangan kirim; kode itu untuk mengambil alih akun Anda",
                                    ],
                                ],
                                "explanation": "Ketiga pesan adalah upaya penipuan. Aturan praktisnya: jangan pernah memasang berkas APK dari chat, jangan masuk ke akun lewat tautan dari pesan, dan jangan pernah memberikan kode OTP kepada siapa pun, termasuk yang mengaku petugas bank atau pengurus.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Kata sandi kuat dan verifikasi dua langkah",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Sebagian besar akun dibobol bukan karena penjahatnya sangat pintar, tetapi karena kata sandinya mudah ditebak atau sama untuk banyak akun. Jika satu situs bocor, penjahat mencoba kata sandi yang sama di surel, marketplace, dan media sosial.</p>"
                            "<h3>Ciri kata sandi kuat</h3>"
                            "<ul>"
                            "<li><strong>Panjang</strong>: sekurang-kurangnya 12 karakter. Panjang lebih penting daripada simbol yang rumit.</li>"
                            "<li><strong>Unik</strong>: berbeda untuk setiap akun penting.</li>"
                            '<li><strong>Tidak mudah ditebak</strong>: bukan nama koperasi, nama desa, tanggal lahir, nomor telepon, atau "123456".</li>'
                            "</ul>"
                            "<p>Cara mudah membuat kata sandi panjang yang tetap diingat adalah <em>frasa sandi</em>: gabungan empat atau lebih kata acak yang tidak berhubungan, ditambah angka atau tanda baca. Misalnya gabungan kata benda, warna, dan nama buah yang hanya Anda pahami. Jangan memakai contoh dari buku atau pelatihan mana pun sebagai kata sandi sungguhan.</p>"
                            "<h3>Pengelola kata sandi</h3>"
                            "<p>Untuk banyak akun, gunakan aplikasi pengelola kata sandi yang tepercaya. Anda cukup mengingat satu kata sandi utama yang sangat kuat; aplikasi membuat dan menyimpan kata sandi lain.</p>"
                            "<h3>Verifikasi dua langkah</h3>"
                            "<p>Verifikasi dua langkah meminta bukti kedua selain kata sandi, misalnya kode dari aplikasi autentikator atau SMS. Walaupun kata sandi bocor, penjahat tetap tidak bisa masuk tanpa bukti kedua. Aktifkan fitur ini di surel resmi, WhatsApp Business, media sosial, marketplace, dan internet banking koperasi. Simpan kode cadangan di tempat aman, misalnya dicetak dan disimpan di lemari terkunci kantor koperasi.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Mengapa panjang kata sandi penting",
                                "intro": "Perbandingan jumlah kemungkinan kombinasi yang harus dicoba penjahat.",
                                "table": [
                                    [
                                        "Jenis kata sandi",
                                        "Perhitungan",
                                        "Jumlah kombinasi",
                                    ],
                                    ["6 angka", "10 pangkat 6", "1.000.000"],
                                    [
                                        "8 huruf kecil",
                                        "26 pangkat 8",
                                        "sekitar 209 miliar",
                                    ],
                                    [
                                        "12 huruf kecil",
                                        "26 pangkat 12",
                                        "sekitar 95 ribu triliun",
                                    ],
                                ],
                                "explanation": "Kata sandi 6 angka hanya memiliki satu juta kemungkinan dan dapat dicoba semuanya oleh komputer dalam waktu sangat singkat. Menambah panjang dari 8 menjadi 12 huruf membuat kemungkinannya sekitar 457 ribu kali lebih banyak (26 pangkat 4 = 456.976). Karena itu, utamakan kata sandi yang panjang.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Mengelola akun bersama dan melindungi data anggota",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Akun daring koperasi adalah aset koperasi, sama seperti kas dan gedung. Akun harus tetap dikuasai koperasi walaupun pengurus atau karyawan berganti.</p>"
                            "<h3>Daftar akun koperasi</h3>"
                            "<p>Sekretaris memelihara daftar seluruh akun: nama layanan, alamat akun, surel dan nomor telepon pemulihan, penanggung jawab, dan tanggal terakhir kata sandi diganti. Kata sandinya sendiri tidak ditulis dalam daftar ini, melainkan disimpan di pengelola kata sandi atau amplop tertutup di lemari terkunci. Saat serah terima jabatan, seluruh akun diserahkan secara tertulis dan kata sandinya diganti.</p>"
                            "<h3>Hak akses secukupnya</h3>"
                            "<ul>"
                            "<li>Berikan akses hanya kepada orang yang memerlukannya untuk tugasnya.</li>"
                            "<li>Gunakan fitur pengguna tambahan atau peran admin yang disediakan layanan, daripada membagikan satu kata sandi kepada banyak orang.</li>"
                            "<li>Cabut akses pada hari yang sama ketika seseorang berhenti bertugas.</li>"
                            "</ul>"
                            "<h3>Melindungi data pribadi anggota</h3>"
                            "<p>Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi mewajibkan setiap pihak yang mengolah data pribadi untuk menjaganya. Koperasi menyimpan banyak data pribadi: NIK, alamat, nomor telepon, saldo simpanan, dan riwayat pinjaman. Praktik yang perlu dijalankan:</p>"
                            "<ul>"
                            "<li>kumpulkan data yang memang diperlukan saja, dan jelaskan kepada anggota untuk apa data itu dipakai;</li>"
                            "<li>simpan berkas daftar anggota di perangkat atau layanan yang terlindungi kata sandi, bukan di grup percakapan;</li>"
                            "<li>jangan memotret atau menyebarkan daftar tunggakan anggota ke grup atau media sosial;</li>"
                            "<li>buat cadangan data secara berkala dan simpan di tempat terpisah;</li>"
                            "<li>jika data bocor, segera beri tahu pengurus, batasi kerusakannya, dan beri tahu anggota yang terdampak.</li>"
                            "</ul>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Contoh daftar akun koperasi",
                                "intro": "Sebagian daftar akun yang dipegang sekretaris Koperasi Desa Merah Putih Sukamaju.",
                                "table": [
                                    [
                                        "Layanan",
                                        "Akun",
                                        "Pemulihan",
                                        "Penanggung jawab",
                                        "Verifikasi dua langkah",
                                        "Sandi terakhir diganti",
                                    ],
                                    [
                                        "Surel resmi",
                                        "alamat surel koperasi",
                                        "Nomor ponsel koperasi",
                                        "Sekretaris",
                                        "Aktif",
                                        "Januari 2026",
                                    ],
                                    [
                                        "WhatsApp Business",
                                        "Nomor ponsel koperasi",
                                        "Surel resmi",
                                        "Kasir gerai",
                                        "Aktif (PIN 6 angka)",
                                        "Januari 2026",
                                    ],
                                    [
                                        "Toko marketplace",
                                        "Surel resmi",
                                        "Nomor ponsel koperasi",
                                        "Pengurus bidang usaha",
                                        "Aktif",
                                        "Februari 2026",
                                    ],
                                    [
                                        "Internet banking",
                                        "ID pengguna koperasi",
                                        "Kantor cabang bank",
                                        "Bendahara",
                                        "Aktif (token)",
                                        "Maret 2026",
                                    ],
                                ],
                                "explanation": "Semua akun memakai surel dan nomor milik koperasi, semuanya memakai verifikasi dua langkah, dan setiap akun punya penanggung jawab. Jika seorang petugas berhenti, sekretaris tinggal melihat daftar ini untuk mengganti sandi dan mencabut aksesnya.",
                            },
                        ),
                    ],
                },
            ],
        },
    ],
    "pretest": [
        {
            "type": "truefalse",
            "text": "Akun media sosial dan marketplace koperasi sebaiknya didaftarkan dengan nomor telepon dan surel pribadi ketua agar mudah dikelola.",
            "correct": False,
            "feedback": "Akun didaftarkan dengan nomor dan surel milik koperasi agar tidak hilang ketika kepengurusan berganti.",
        },
        {
            "type": "single",
            "text": "Seseorang mengaku salah kirim kode 6 angka ke ponsel Anda dan meminta Anda mengirimkannya kembali. Apa yang sebaiknya dilakukan?",
            "options": [
                "Mengirimkan kode karena hanya angka biasa",
                "Mengirimkan kode jika orangnya sopan",
                "Tidak mengirimkan kode karena itu OTP untuk mengambil alih akun",
                "Meneruskan kode ke grup koperasi",
            ],
            "correct": 2,
            "feedback": "Kode OTP tidak boleh diberikan kepada siapa pun. Permintaan seperti ini adalah modus pengambilalihan akun.",
        },
        {
            "type": "multiple",
            "text": "Manakah praktik foto produk yang baik? (pilih semua yang benar)",
            "options": [
                "Memakai cahaya alami dari jendela",
                "Memakai zoom digital sejauh mungkin",
                "Memakai latar polos dan bersih",
                "Melap lensa ponsel sebelum memotret",
            ],
            "correct": [0, 2, 3],
            "feedback": "Zoom digital menurunkan ketajaman; lebih baik mendekati produk.",
        },
        {
            "type": "single",
            "text": "Fitur WhatsApp Business untuk menyimpan jawaban atas pertanyaan yang sering muncul disebut ...",
            "options": ["Label", "Balasan cepat", "Katalog", "Status"],
            "correct": 1,
            "feedback": "Balasan cepat menyimpan jawaban yang bisa dipanggil dengan garis miring dan kata kunci.",
        },
        {
            "type": "single",
            "text": "Manakah kata sandi yang paling kuat?",
            "options": [
                "sukamaju2025",
                "12345678",
                "Frasa panjang dari empat kata acak ditambah angka dan tanda baca",
                "Tanggal lahir ketua",
            ],
            "correct": 2,
            "feedback": "Frasa sandi yang panjang dan acak jauh lebih sulit ditebak daripada nama desa, urutan angka, atau tanggal lahir.",
        },
        {
            "type": "truefalse",
            "text": "Daftar nama anggota yang menunggak angsuran boleh diunggah ke media sosial agar mereka malu dan segera membayar.",
            "correct": False,
            "feedback": "Data pinjaman adalah data pribadi yang wajib dilindungi. Tunggakan dibicarakan secara pribadi.",
        },
        {
            "type": "short",
            "text": "Upaya menipu seseorang melalui pesan atau tautan palsu agar menyerahkan kata sandi atau OTP disebut ...",
            "answers": ["phishing", "fishing", "pengelabuan"],
            "feedback": "Phishing adalah penipuan untuk mencuri data rahasia dengan menyamar sebagai pihak tepercaya.",
        },
        {
            "type": "single",
            "text": "Sebelum membuka toko di marketplace, hal pertama yang perlu dipastikan adalah ...",
            "options": [
                "Jumlah pengikut media sosial pengurus",
                "Produk siap dikirim jauh, izinnya ada, dan pasokannya stabil",
                "Harga selalu paling murah dibanding semua toko lain",
                "Koperasi sudah memiliki aplikasi sendiri",
            ],
            "correct": 1,
            "feedback": "Kesiapan produk, izin, dan pasokan menentukan apakah toko dapat melayani pesanan dengan baik.",
        },
    ],
    "posttest": [
        {
            "type": "numeric",
            "text": "Biaya per unit sebuah produk Rp 16.000. Biaya platform 10% dari harga jual dan target margin 30% dari harga jual. Berapa harga jual hitungan sebelum dibulatkan?",
            "answer": 26666.67,
            "tolerance": 1,
            "unit": "Rp",
            "feedback": "Harga jual = Rp 16.000 ÷ (1 - 10% - 30%) = Rp 16.000 ÷ 0,6 = Rp 26.666,67; dalam praktik dibulatkan menjadi Rp 27.000.",
        },
        {
            "type": "multiple",
            "text": "Manakah tanda bahaya pesan phishing? (pilih semua yang benar)",
            "options": [
                "Desakan waktu, misalnya akun akan diblokir hari ini",
                "Berkas berakhiran .apk dari nomor tak dikenal",
                "Pesan dari nomor resmi koperasi berisi jadwal RAT tanpa tautan",
                "Permintaan kode OTP",
            ],
            "correct": [0, 1, 3],
            "feedback": "Desakan waktu, berkas APK, dan permintaan OTP adalah tanda bahaya. Pengumuman biasa tanpa tautan dari nomor resmi tidak.",
        },
        {
            "type": "truefalse",
            "text": "Verifikasi dua langkah tetap melindungi akun walaupun kata sandinya sudah diketahui orang lain.",
            "correct": True,
            "feedback": "Penjahat masih memerlukan bukti kedua, misalnya kode dari aplikasi autentikator, untuk masuk.",
        },
        {
            "type": "single",
            "text": "Saat mengirim surel ke banyak mitra yang tidak saling mengenal, alamat penerima sebaiknya dimasukkan di kolom ...",
            "options": ["Kepada (To)", "CC", "BCC", "Subjek"],
            "correct": 2,
            "feedback": "Kolom BCC menyembunyikan alamat penerima dari penerima lainnya.",
        },
        {
            "type": "single",
            "text": "Judul produk marketplace mana yang paling baik?",
            "options": [
                "Keripik enak murah",
                "PROMO!!! BELI SEKARANG",
                "Keripik Pisang Kepok Original 250 gr - Koperasi Sukamaju",
                "Produk koperasi nomor 1",
            ],
            "correct": 2,
            "feedback": "Judul yang baik memuat kata yang dicari pembeli: jenis produk, varian, berat, dan nama penjual.",
        },
        {
            "type": "single",
            "text": "Seorang pengurus yang memegang akun marketplace koperasi berhenti. Apa yang harus dilakukan?",
            "options": [
                "Membiarkannya tetap memegang akun karena sudah terbiasa",
                "Mencabut aksesnya pada hari yang sama dan mengganti kata sandi",
                "Menunggu RAT berikutnya",
                "Menutup toko marketplace",
            ],
            "correct": 1,
            "feedback": "Akses dicabut dan kata sandi diganti segera; akun adalah aset koperasi.",
        },
        {
            "type": "truefalse",
            "text": "Pesan siaran WhatsApp Business hanya diterima oleh orang yang menyimpan nomor koperasi di kontaknya.",
            "correct": True,
            "feedback": "Karena itu ajak anggota dan pembeli menyimpan nomor koperasi.",
        },
        {
            "type": "short",
            "text": "Undang-undang yang mengatur pelindungan data pribadi di Indonesia adalah UU Nomor ... Tahun 2022 (tulis angkanya).",
            "answers": ["27", "27 tahun 2022", "nomor 27"],
            "feedback": "UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
        },
        {
            "type": "multiple",
            "text": "Foto apa saja yang sebaiknya disiapkan untuk satu produk di marketplace? (pilih semua yang benar)",
            "options": [
                "Tampak depan",
                "Tampak belakang dengan label komposisi dan izin edar",
                "Produk di tangan sebagai perbandingan ukuran",
                "Foto produk pesaing",
            ],
            "correct": [0, 1, 2],
            "feedback": "Foto harus memperlihatkan produk sendiri secara jujur dari beberapa sisi; foto produk pesaing tidak boleh dipakai.",
        },
    ],
}
