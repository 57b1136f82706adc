"""Demo course: Manajemen & Kelembagaan Koperasi."""

COURSE = {
    "slug": "manajemen-kelembagaan-koperasi",
    "code": "MK",
    "title": "Manajemen dan Kelembagaan Koperasi",
    "track": "Manajemen & Kelembagaan",
    "summary": (
        "Kursus dasar tata kelola koperasi untuk pengurus dan pengawas: jati diri "
        "koperasi, AD/ART, hak dan kewajiban anggota, pembagian tugas pengurus, "
        "pengawas, dan manajer, serta cara menyiapkan dan menyelenggarakan Rapat "
        "Anggota Tahunan (RAT) yang sah dan tertib."
    ),
    "objectives": [
        "Menjelaskan nilai, prinsip, dan kedudukan koperasi, termasuk konteks Koperasi Desa/Kelurahan Merah Putih.",
        "Membaca dan menerapkan Anggaran Dasar dan Anggaran Rumah Tangga (AD/ART) dalam keputusan sehari-hari.",
        "Membedakan tugas, wewenang, dan tanggung jawab pengurus, pengawas, dan manajer.",
        "Menyiapkan RAT: jadwal, bahan, undangan, dan laporan pertanggungjawaban.",
        "Memimpin RAT yang memenuhi kuorum serta menyusun notulen dan berita acara yang dapat dipertanggungjawabkan.",
    ],
    "jp": 16,
    "positions": [
        "ketua",
        "sekretaris",
        "bendahara",
        "pengurus",
        "pengawas",
        "manajer",
    ],
    "modules": [
        {
            "title": "Jati Diri dan Kelembagaan Koperasi",
            "summary": (
                "Apa yang membuat koperasi berbeda dari badan usaha lain, bagaimana "
                "Koperasi Desa/Kelurahan Merah Putih dibentuk, serta peran AD/ART dan "
                "anggota sebagai pemilik koperasi."
            ),
            "lessons": [
                {
                    "title": "Nilai dan prinsip koperasi",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Koperasi adalah badan usaha yang <strong>dimiliki dan dikendalikan oleh anggotanya</strong>. Anggota berperan ganda: sebagai pemilik yang menanam simpanan dan ikut memutuskan arah koperasi, sekaligus sebagai pengguna jasa yang berbelanja, menabung, meminjam, atau menjual hasil usahanya melalui koperasi. Peran ganda inilah yang membedakan koperasi dari perseroan terbatas, yang pemiliknya belum tentu memakai jasa perusahaannya.</p>"
                            "<p>Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian menyebut koperasi berlandaskan Pancasila dan UUD 1945 serta berdasar atas <em>asas kekeluargaan</em>. Tujuannya memajukan kesejahteraan anggota khususnya dan masyarakat pada umumnya.</p>"
                            "<h3>Prinsip koperasi</h3>"
                            "<ol>"
                            "<li><strong>Keanggotaan sukarela dan terbuka.</strong> Tidak ada paksaan untuk masuk atau keluar, dan koperasi tidak boleh menolak calon anggota yang memenuhi syarat karena alasan suku, agama, atau golongan.</li>"
                            "<li><strong>Pengelolaan demokratis.</strong> Keputusan tertinggi ada di Rapat Anggota. Satu anggota satu suara, tidak peduli besar kecilnya simpanan.</li>"
                            "<li><strong>Pembagian SHU yang adil</strong>, sebanding dengan jasa usaha (partisipasi) masing-masing anggota.</li>"
                            "<li><strong>Balas jasa yang terbatas terhadap modal.</strong> Modal dihargai, tetapi bukan tujuan utama.</li>"
                            "<li><strong>Kemandirian.</strong> Koperasi berdiri di atas kekuatan anggotanya, tidak bergantung pada bantuan.</li>"
                            "<li><strong>Pendidikan perkoperasian</strong> bagi anggota, pengurus, dan pengawas.</li>"
                            "<li><strong>Kerja sama antarkoperasi</strong> di tingkat lokal, daerah, dan nasional.</li>"
                            "</ol>"
                            "<p>Prinsip bukan slogan untuk dipajang. Setiap kali pengurus mengambil keputusan, misalnya menentukan bunga pinjaman, menerima anggota baru, atau membagi SHU, keputusan itu dapat diuji: apakah sesuai prinsip? Koperasi yang melupakan prinsipnya biasanya berubah menjadi usaha milik segelintir orang, dan anggota kehilangan rasa memiliki.</p>"
                            "<h3>Koperasi sebagai badan hukum</h3>"
                            "<p>Koperasi primer dibentuk oleh sekurang-kurangnya sembilan orang (ketentuan setelah perubahan oleh Undang-Undang Cipta Kerja). Setelah akta pendirian dibuat oleh notaris dan disahkan melalui sistem administrasi badan hukum pemerintah, koperasi menjadi badan hukum: ia dapat memiliki harta, membuat perjanjian, dan digugat atas namanya sendiri. Harta koperasi terpisah dari harta pribadi pengurus maupun anggota.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Uji sederhana setiap keputusan",
                                "text": "Sebelum memutuskan, tanyakan tiga hal: Apakah ini melayani anggota? Apakah anggota dapat mengawasinya? Apakah ini sesuai AD/ART dan keputusan Rapat Anggota? Jika salah satu jawabannya ragu-ragu, bawa ke rapat pengurus dan minta pendapat pengawas.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Koperasi Desa/Kelurahan Merah Putih",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Pada tahun 2025 pemerintah mencanangkan pembentukan <strong>Koperasi Desa/Kelurahan Merah Putih</strong> (KDKMP) melalui Instruksi Presiden Nomor 9 Tahun 2025. Sasarannya sekitar 80.000 koperasi, satu koperasi untuk setiap desa atau kelurahan, atau satu koperasi bersama untuk beberapa desa yang bergabung. Tujuannya mendekatkan layanan ekonomi ke warga: kebutuhan pokok yang terjangkau, simpan pinjam, obat, penyimpanan hasil panen, dan distribusi.</p>"
                            "<h3>Bagaimana koperasi dibentuk</h3>"
                            "<p>Pembentukan KDKMP dimulai dari <strong>musyawarah desa khusus</strong> yang menghadirkan unsur pemerintah desa, Badan Permusyawaratan Desa, tokoh masyarakat, dan warga. Musyawarah menyepakati pembentukan koperasi, calon pengurus dan pengawas, serta pokok-pokok anggaran dasar. Ada tiga jalan yang umum ditempuh: mendirikan koperasi baru, mengembangkan koperasi yang sudah ada di desa, atau merevitalisasi koperasi yang selama ini kurang aktif. Setelah itu akta pendirian dibuat di hadapan notaris dan badan hukumnya disahkan.</p>"
                            "<h3>Unit usaha yang lazim</h3>"
                            "<ul>"
                            "<li>gerai sembako dan kebutuhan pokok;</li>"
                            "<li>unit simpan pinjam;</li>"
                            "<li>apotek atau gerai obat desa dan klinik desa;</li>"
                            "<li>pergudangan dan penyimpanan dingin untuk hasil pertanian dan perikanan;</li>"
                            "<li>logistik dan distribusi;</li>"
                            "<li>kantor koperasi sebagai pusat layanan anggota.</li>"
                            "</ul>"
                            "<p>Tidak semua unit harus dibuka sekaligus. Koperasi yang sehat memulai dari kebutuhan paling nyata di desanya dan dari kemampuan pengelolanya, lalu menambah unit setelah pembukuan dan pengawasan berjalan baik.</p>"
                            "<h3>Tetap koperasi sejati</h3>"
                            "<p>Walaupun lahir dari program pemerintah, KDKMP tetap tunduk pada Undang-Undang Perkoperasian dan AD/ART-nya sendiri. Pemiliknya adalah anggota, bukan pemerintah desa. Keputusan penting tetap diambil di Rapat Anggota, pengurus tetap wajib mempertanggungjawabkan pengelolaan di RAT, dan pengawas tetap harus bekerja independen. Dukungan pemerintah, misalnya akses pembiayaan atau pendampingan oleh <em>business assistant</em> (pendamping), adalah bantuan untuk memulai, bukan pengganti partisipasi anggota.</p>"
                            "<p>Hubungan dengan BUMDes perlu diatur dengan jelas. Keduanya bisa bekerja sama, misalnya BUMDes menyewakan gudang kepada koperasi, tetapi harta, pembukuan, dan pengurusnya harus terpisah dan setiap kerja sama dituangkan dalam perjanjian tertulis.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Hindari rangkap kepentingan",
                                "text": "Jika kepala desa, perangkat desa, atau pengurus BUMDes juga duduk sebagai pengurus koperasi, pastikan AD/ART mengatur batasannya dan setiap transaksi antara desa, BUMDes, dan koperasi dicatat terbuka serta diketahui pengawas.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Memahami dan memakai AD/ART",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p><strong>Anggaran Dasar (AD)</strong> adalah aturan pokok koperasi yang dimuat dalam akta pendirian. <strong>Anggaran Rumah Tangga (ART)</strong> menjabarkan AD menjadi aturan pelaksanaan yang lebih rinci. Di bawahnya biasanya ada peraturan khusus dan prosedur operasional baku (SOP), misalnya SOP simpan pinjam. Urutannya penting: ART tidak boleh bertentangan dengan AD, dan SOP tidak boleh bertentangan dengan keduanya.</p>"
                            "<h3>Isi pokok Anggaran Dasar</h3>"
                            "<ul>"
                            "<li>nama pendiri, nama koperasi, dan tempat kedudukan;</li>"
                            "<li>maksud, tujuan, dan bidang usaha;</li>"
                            "<li>ketentuan keanggotaan: syarat, hak, kewajiban, dan berakhirnya keanggotaan;</li>"
                            "<li>ketentuan Rapat Anggota, termasuk kuorum dan cara mengambil keputusan;</li>"
                            "<li>ketentuan pengelolaan: pengurus, pengawas, dan masa jabatannya;</li>"
                            "<li>ketentuan permodalan: simpanan pokok, simpanan wajib, dan modal lain;</li>"
                            "<li>jangka waktu berdirinya koperasi;</li>"
                            "<li>ketentuan pembagian sisa hasil usaha (SHU);</li>"
                            "<li>ketentuan sanksi.</li>"
                            "</ul>"
                            "<h3>Memakai AD/ART dalam pekerjaan sehari-hari</h3>"
                            "<p>Banyak pengurus baru membaca AD/ART hanya saat pendirian. Padahal dokumen ini menjawab banyak pertanyaan harian: Berapa simpanan pokok untuk anggota baru? Siapa yang berwenang menandatangani perjanjian pinjaman? Berapa persen SHU untuk dana cadangan? Kapan masa jabatan pengurus berakhir? Biasakan menyimpan salinan AD/ART di kantor dan dalam bentuk berkas digital yang mudah dibuka dari ponsel, lalu rujuk pasalnya setiap kali rapat pengurus membuat keputusan.</p>"
                            "<h3>Mengubah AD/ART</h3>"
                            "<p>Perubahan AD hanya dapat diputuskan oleh Rapat Anggota, biasanya dengan kuorum dan suara yang lebih tinggi daripada keputusan biasa, sesuai ketentuan AD itu sendiri. Perubahan AD kemudian dituangkan dalam akta notaris dan dilaporkan atau dimohonkan persetujuannya kepada pemerintah sesuai jenis perubahannya. Perubahan ART cukup diputuskan Rapat Anggota dan dicatat dalam berita acara.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Menjawab pertanyaan harian dengan AD/ART",
                                "intro": "Ketua Koperasi Desa Merah Putih Sukamaju menerima tiga pertanyaan dalam satu minggu. Berikut cara menelusurinya.",
                                "table": [
                                    ["Pertanyaan", "Di mana jawabannya", "Contoh isi"],
                                    [
                                        "Berapa simpanan pokok anggota baru?",
                                        "AD, bab permodalan",
                                        "Rp 100.000, dibayar sekali saat masuk",
                                    ],
                                    [
                                        "Bolehkah bendahara merangkap pengawas?",
                                        "AD, bab pengurus dan pengawas",
                                        "Tidak boleh; pengawas tidak boleh merangkap pengurus",
                                    ],
                                    [
                                        "Berapa lama masa jabatan pengurus?",
                                        "AD, bab pengurus",
                                        "5 tahun, dapat dipilih kembali",
                                    ],
                                ],
                                "explanation": "Jika jawaban tidak ditemukan di AD, periksa ART dan peraturan khusus. Jika tetap tidak ada, keputusan sementara dapat diambil rapat pengurus, tetapi dicatat dan dibawa ke Rapat Anggota berikutnya agar menjadi aturan yang jelas.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Hak dan kewajiban anggota",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Anggota adalah pemilik sekaligus pengguna jasa koperasi. Undang-Undang Perkoperasian dan AD/ART mengatur keseimbangan antara hak dan kewajiban mereka.</p>"
                            "<h3>Kewajiban anggota</h3>"
                            "<ul>"
                            "<li>mematuhi AD/ART dan keputusan Rapat Anggota;</li>"
                            "<li>berpartisipasi dalam kegiatan usaha koperasi, misalnya berbelanja, menabung, atau menjual hasil usaha melalui koperasi;</li>"
                            "<li>membayar simpanan pokok dan simpanan wajib sesuai ketentuan;</li>"
                            "<li>mengembangkan dan memelihara kebersamaan berdasar asas kekeluargaan.</li>"
                            "</ul>"
                            "<h3>Hak anggota</h3>"
                            "<ul>"
                            "<li>menghadiri, menyatakan pendapat, dan memberikan suara dalam Rapat Anggota;</li>"
                            "<li>memilih dan dipilih menjadi pengurus atau pengawas;</li>"
                            "<li>meminta diadakannya Rapat Anggota sesuai ketentuan AD;</li>"
                            "<li>menyampaikan pendapat atau saran kepada pengurus di luar Rapat Anggota;</li>"
                            "<li>memanfaatkan koperasi dan mendapat pelayanan yang sama dengan anggota lain;</li>"
                            "<li>mendapat keterangan mengenai perkembangan koperasi;</li>"
                            "<li>menerima bagian SHU sesuai jasa usaha dan jasa modalnya.</li>"
                            "</ul>"
                            "<p>Perhatikan bahwa hak suara <strong>tidak bergantung pada besar simpanan</strong>. Anggota dengan simpanan Rp 500.000 dan anggota dengan simpanan Rp 50.000.000 sama-sama memiliki satu suara.</p>"
                            "<h3>Peran pengurus menjaga hak anggota</h3>"
                            "<p>Hak anggota baru bermakna jika pengurus memudahkannya. Contohnya: buku daftar anggota yang selalu mutakhir, kartu atau buku simpanan yang memuat saldo, papan pengumuman atau grup pesan resmi untuk informasi koperasi, dan kesempatan bertanya yang jelas. Keluhan anggota sebaiknya dicatat dalam buku atau formulir, dijawab dalam batas waktu tertentu, dan diketahui pengawas.</p>"
                            "<h3>Berakhirnya keanggotaan</h3>"
                            "<p>Keanggotaan berakhir karena anggota meninggal dunia, keluar atas permintaan sendiri, diberhentikan karena melanggar AD/ART, atau koperasi dibubarkan. Hak dan kewajiban yang belum selesai, misalnya pengembalian simpanan atau sisa pinjaman, diselesaikan menurut AD/ART. Pengurus tidak boleh menahan simpanan anggota yang keluar tanpa dasar aturan yang jelas.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Daftar anggota adalah dokumen wajib",
                                "text": "Pengurus wajib memelihara buku daftar anggota: nomor urut, nama, alamat, tanggal masuk, tanggal keluar, dan tanda tangan. Daftar ini menjadi dasar menghitung kuorum RAT dan membagi SHU.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Pengurus, Pengawas, dan Manajer",
            "summary": (
                "Pembagian tugas di antara perangkat organisasi koperasi, batas wewenang "
                "masing-masing, serta cara bekerja sama tanpa konflik kepentingan."
            ),
            "lessons": [
                {
                    "title": "Tugas dan wewenang pengurus",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Pengurus dipilih dari dan oleh anggota dalam Rapat Anggota, dengan masa jabatan paling lama lima tahun. Pengurus adalah pemegang kuasa Rapat Anggota untuk mengelola koperasi sehari-hari dan bertanggung jawab kepada Rapat Anggota.</p>"
                            "<h3>Tugas pengurus menurut undang-undang</h3>"
                            "<ul>"
                            "<li>mengelola koperasi dan usahanya;</li>"
                            "<li>mengajukan rancangan rencana kerja serta rancangan anggaran pendapatan dan belanja koperasi;</li>"
                            "<li>menyelenggarakan Rapat Anggota;</li>"
                            "<li>mengajukan laporan keuangan dan pertanggungjawaban pelaksanaan tugas;</li>"
                            "<li>menyelenggarakan pembukuan keuangan dan inventaris secara tertib;</li>"
                            "<li>memelihara daftar buku anggota dan pengurus.</li>"
                            "</ul>"
                            "<h3>Wewenang pengurus</h3>"
                            "<p>Pengurus mewakili koperasi di dalam dan di luar pengadilan, memutuskan penerimaan dan penolakan anggota baru serta pemberhentian anggota sesuai AD, dan melakukan tindakan bagi kepentingan koperasi sesuai keputusan Rapat Anggota. Pengurus juga dapat mengangkat <em>pengelola</em> (manajer dan karyawan) untuk menjalankan usaha.</p>"
                            "<h3>Pembagian tugas di dalam pengurus</h3>"
                            "<ul>"
                            "<li><strong>Ketua</strong> memimpin rapat pengurus, mengoordinasikan pekerjaan, mewakili koperasi ke luar, dan menandatangani perjanjian bersama pengurus lain sesuai AD.</li>"
                            "<li><strong>Sekretaris</strong> mengelola surat-menyurat, notulen rapat, buku daftar anggota dan pengurus, serta arsip.</li>"
                            "<li><strong>Bendahara</strong> mengelola keuangan: menerima dan mengeluarkan uang sesuai otorisasi, memastikan pembukuan dan bukti transaksi lengkap, menyusun laporan keuangan berkala, dan menjaga kas tidak melebihi batas yang ditetapkan.</li>"
                            "</ul>"
                            "<h3>Tanggung jawab pribadi</h3>"
                            "<p>Undang-undang menegaskan bahwa pengurus, bersama-sama maupun sendiri-sendiri, menanggung kerugian koperasi yang timbul karena kesengajaan atau kelalaiannya. Jika kerugian terjadi karena kesengajaan, pengurus juga dapat dituntut secara pidana. Karena itu setiap pengeluaran harus punya bukti, setiap keputusan penting harus tercatat dalam notulen, dan uang koperasi tidak pernah dicampur dengan uang pribadi.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Contoh matriks otorisasi pengeluaran",
                                "intro": "Rapat pengurus Koperasi Desa Merah Putih Sukamaju menetapkan batas wewenang pengeluaran berikut dan mencatatnya dalam peraturan khusus.",
                                "table": [
                                    ["Besar pengeluaran", "Disetujui oleh", "Syarat"],
                                    [
                                        "Sampai Rp 1.000.000",
                                        "Manajer",
                                        "Bukti kuitansi, dilaporkan mingguan",
                                    ],
                                    [
                                        "Rp 1.000.001 s.d. Rp 10.000.000",
                                        "Bendahara dan ketua",
                                        "Sesuai anggaran tahunan",
                                    ],
                                    [
                                        "Di atas Rp 10.000.000",
                                        "Rapat pengurus",
                                        "Tercatat dalam notulen, diketahui pengawas",
                                    ],
                                    [
                                        "Di luar anggaran RAT",
                                        "Rapat Anggota",
                                        "Kecuali keadaan darurat yang diatur ART",
                                    ],
                                ],
                                "explanation": "Dengan matriks seperti ini, tidak ada satu orang pun yang dapat mengeluarkan uang besar sendirian. Pengawas dapat mencocokkan setiap pengeluaran dengan tingkat persetujuannya.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Tugas dan wewenang pengawas",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Pengawas dipilih dari dan oleh anggota dalam Rapat Anggota dan bertanggung jawab kepada Rapat Anggota, bukan kepada pengurus. Kedudukan ini memberi pengawas kemandirian: ia mengawasi pengurus atas nama seluruh anggota.</p>"
                            "<h3>Tugas pengawas</h3>"
                            "<ul>"
                            "<li>melakukan pengawasan terhadap pelaksanaan kebijakan dan pengelolaan koperasi;</li>"
                            "<li>membuat laporan tertulis tentang hasil pengawasannya.</li>"
                            "</ul>"
                            "<h3>Wewenang pengawas</h3>"
                            "<ul>"
                            "<li>meneliti catatan yang ada pada koperasi, termasuk buku kas, buku bank, kartu pinjaman, dan notulen rapat pengurus;</li>"
                            "<li>mendapatkan segala keterangan yang diperlukan dari pengurus, manajer, dan karyawan;</li>"
                            "<li>merahasiakan hasil pengawasannya terhadap pihak ketiga.</li>"
                            "</ul>"
                            "<p>Pengawas <strong>tidak</strong> ikut menjalankan usaha dan tidak menandatangani pengeluaran. Jika pengawas ikut menyetujui transaksi, ia kehilangan jarak untuk menilai transaksi itu secara objektif. Karena itu pengawas tidak boleh merangkap sebagai pengurus.</p>"
                            "<h3>Cara kerja pengawas yang efektif</h3>"
                            "<ol>"
                            "<li><strong>Rencana pengawasan tahunan.</strong> Tentukan apa yang diperiksa setiap bulan dan triwulan.</li>"
                            "<li><strong>Pemeriksaan kas mendadak.</strong> Hitung uang tunai dan cocokkan dengan saldo buku kas pada hari itu.</li>"
                            "<li><strong>Konfirmasi saldo.</strong> Cocokkan saldo rekening bank dengan rekening koran, dan saldo simpanan atau pinjaman beberapa anggota dengan buku milik anggota.</li>"
                            "<li><strong>Uji kepatuhan.</strong> Ambil contoh pinjaman yang dicairkan dan periksa apakah analisis dan persetujuannya sesuai SOP.</li>"
                            "<li><strong>Laporan tertulis.</strong> Sampaikan temuan dan saran kepada pengurus, minta tanggapan, dan laporkan ringkasannya di RAT.</li>"
                            "</ol>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Pemeriksaan kas mendadak",
                                "intro": "Pada 14 Mei pukul 10.00 pengawas menghitung kas di kantor koperasi dan mencocokkannya dengan buku kas.",
                                "table": [
                                    ["Uraian", "Jumlah"],
                                    [
                                        "Saldo buku kas per 14 Mei pukul 10.00",
                                        "Rp 7.450.000",
                                    ],
                                    ["Uang tunai hasil hitung fisik", "Rp 6.950.000"],
                                    [
                                        "Bon sementara karyawan belum dicatat",
                                        "Rp 500.000",
                                    ],
                                    ["Selisih yang belum dijelaskan", "Rp 0"],
                                ],
                                "explanation": "Hasil hitung fisik Rp 6.950.000 ditambah bon sementara Rp 500.000 sama dengan saldo buku Rp 7.450.000, jadi tidak ada selisih yang hilang. Namun pengawas tetap mencatat temuan: bon sementara harus segera dipertanggungjawabkan dan dicatat, karena uang kas yang keluar tanpa pencatatan membuka peluang penyalahgunaan.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Manajer, pengelola, dan konflik kepentingan",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Ketika usaha koperasi tumbuh, pengurus yang bekerja paruh waktu tidak lagi mampu menangani pekerjaan harian. Pengurus lalu dapat mengangkat <strong>manajer</strong> atau pengelola. Manajer bekerja berdasarkan perjanjian kerja dengan pengurus dan bertanggung jawab kepada pengurus, bukan langsung kepada Rapat Anggota.</p>"
                            "<h3>Membagi peran dengan jelas</h3>"
                            "<ul>"
                            "<li><strong>Rapat Anggota</strong> menetapkan arah: AD/ART, rencana kerja dan anggaran, pembagian SHU, memilih pengurus dan pengawas.</li>"
                            "<li><strong>Pengurus</strong> menetapkan kebijakan dan mengawasi manajer: SOP, batas wewenang, target, dan evaluasi kinerja.</li>"
                            "<li><strong>Manajer</strong> menjalankan operasional: melayani anggota, mengatur karyawan, menjaga persediaan, menyusun laporan bulanan.</li>"
                            "<li><strong>Pengawas</strong> menilai apakah semuanya berjalan sesuai aturan dan melaporkannya kepada anggota.</li>"
                            "</ul>"
                            "<p>Perjanjian kerja manajer sebaiknya memuat tugas, target yang terukur (misalnya jumlah anggota aktif, omzet gerai, atau rasio pinjaman bermasalah), gaji dan insentif, batas wewenang, serta kewajiban laporan.</p>"
                            "<h3>Konflik kepentingan</h3>"
                            "<p>Konflik kepentingan terjadi ketika kepentingan pribadi seseorang dapat memengaruhi keputusannya untuk koperasi. Contoh yang sering terjadi di desa:</p>"
                            "<ul>"
                            "<li>ketua membeli beras untuk gerai koperasi dari penggilingan milik keluarganya;</li>"
                            "<li>bendahara menyetujui pinjaman besar untuk adiknya;</li>"
                            "<li>manajer menyewakan ruko miliknya kepada koperasi dengan harga di atas pasaran.</li>"
                            "</ul>"
                            "<p>Transaksi semacam itu tidak selalu dilarang, tetapi harus dikelola: orang yang berkepentingan <strong>mengungkapkan</strong> hubungannya, <strong>tidak ikut memutuskan</strong>, harga dibandingkan dengan setidaknya dua penawaran lain, dan keputusan dicatat dalam notulen serta diketahui pengawas. Pinjaman kepada pengurus, pengawas, dan keluarganya sebaiknya diberi batas dalam SOP dan dilaporkan tersendiri di RAT.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Formulir pernyataan kepentingan",
                                "text": "Minta setiap pengurus, pengawas, dan manajer mengisi formulir pernyataan kepentingan setahun sekali: usaha yang dimiliki, jabatan di lembaga lain, dan hubungan keluarga dengan karyawan atau pemasok. Simpan formulir ini di arsip sekretaris.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Rapat Anggota Tahunan (RAT)",
            "summary": (
                "Menyiapkan RAT dari tutup buku sampai undangan, menyelenggarakannya "
                "dengan kuorum yang sah, dan menuntaskan notulen, berita acara, serta "
                "tindak lanjutnya."
            ),
            "lessons": [
                {
                    "title": "Menyiapkan RAT",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Rapat Anggota adalah pemegang kekuasaan tertinggi dalam koperasi. Rapat Anggota Tahunan (RAT) untuk mengesahkan pertanggungjawaban pengurus wajib diselenggarakan <strong>paling lambat enam bulan setelah tahun buku berakhir</strong>. Untuk tahun buku yang berakhir 31 Desember, batasnya 30 Juni tahun berikutnya. Koperasi yang rutin melaksanakan RAT tepat waktu menunjukkan kepada anggota, pemerintah, dan mitra bahwa tata kelolanya berjalan.</p>"
                            "<h3>Bahan yang harus disiapkan</h3>"
                            "<ul>"
                            "<li><strong>Laporan pertanggungjawaban pengurus</strong>: pelaksanaan rencana kerja, perkembangan keanggotaan, usaha, dan masalah yang dihadapi.</li>"
                            "<li><strong>Laporan keuangan</strong> tahun buku yang berakhir, disusun sesuai standar akuntansi yang berlaku (SAK EP mulai tahun buku 2025), dan hasil audit bila koperasi wajib atau memutuskan untuk diaudit.</li>"
                            "<li><strong>Laporan hasil pengawasan</strong> dari pengawas.</li>"
                            "<li><strong>Usulan pembagian SHU</strong> sesuai persentase dalam AD/ART.</li>"
                            "<li><strong>Rancangan rencana kerja dan anggaran</strong> tahun berikutnya.</li>"
                            "<li>Jika masa jabatan berakhir: tata cara dan daftar calon pengurus atau pengawas.</li>"
                            "<li>Tata tertib rapat, daftar hadir, dan surat kuasa jika AD/ART mengizinkan perwakilan.</li>"
                            "</ul>"
                            "<p>Bahan RAT dibagikan kepada anggota sebelum rapat, dalam jangka waktu yang diatur AD/ART, agar anggota sempat membaca dan menyiapkan pertanyaan. RAT yang bahannya baru dibagikan di meja rapat cenderung berlangsung formalitas.</p>"
                            "<p>Ketentuan terbaru memungkinkan Rapat Anggota diselenggarakan secara luring, daring, atau gabungan keduanya. Jika memakai cara daring, AD/ART atau tata tertib harus mengatur cara mencatat kehadiran, memberi suara, dan menyimpan rekaman.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Jadwal mundur persiapan RAT",
                                "intro": "Koperasi Desa Merah Putih Sukamaju menetapkan RAT tahun buku 2025 pada Sabtu, 14 Maret 2026. Sekretaris menyusun jadwal mundur berikut.",
                                "table": [
                                    ["Waktu", "Kegiatan", "Penanggung jawab"],
                                    [
                                        "31 Desember 2025",
                                        "Tutup buku, hitung fisik kas dan persediaan",
                                        "Bendahara dan manajer",
                                    ],
                                    [
                                        "Minggu ke-3 Januari 2026",
                                        "Laporan keuangan selesai disusun",
                                        "Bendahara",
                                    ],
                                    [
                                        "Januari s.d. awal Februari 2026",
                                        "Pemeriksaan pengawas (dan audit bila ada)",
                                        "Pengawas",
                                    ],
                                    [
                                        "Minggu ke-3 Februari 2026",
                                        "Rapat pra-RAT pengurus dan pengawas; usulan SHU, rencana kerja, dan anggaran",
                                        "Ketua",
                                    ],
                                    [
                                        "28 Februari 2026",
                                        "Undangan dan bahan RAT dibagikan",
                                        "Sekretaris",
                                    ],
                                    ["14 Maret 2026", "Pelaksanaan RAT", "Pengurus"],
                                    [
                                        "Paling lambat April 2026",
                                        "Laporan hasil RAT ke Dinas dan pembayaran SHU",
                                        "Sekretaris dan bendahara",
                                    ],
                                ],
                                "explanation": "Jadwal ini memberi jarak dua minggu antara pembagian bahan dan rapat, serta menyelesaikan RAT jauh sebelum batas 30 Juni 2026. Sesuaikan jangka waktu undangan dengan ketentuan AD/ART koperasi masing-masing.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Menyelenggarakan RAT: kuorum dan pengambilan keputusan",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Keputusan RAT baru sah jika rapatnya sah. Syarat utamanya adalah <strong>kuorum</strong>, yaitu jumlah kehadiran minimal yang ditetapkan AD. Ketentuan yang lazim adalah lebih dari separuh jumlah anggota. Jika kuorum tidak tercapai, rapat ditunda dan dapat dibuka kembali sesuai tata cara dalam AD, misalnya setelah jeda waktu tertentu dengan syarat kuorum yang lebih ringan.</p>"
                            "<h3>Susunan acara yang umum</h3>"
                            "<ol>"
                            "<li>Pembukaan dan pemeriksaan daftar hadir; pengumuman kuorum.</li>"
                            "<li>Pengesahan tata tertib dan pemilihan pimpinan rapat.</li>"
                            "<li>Laporan pertanggungjawaban pengurus dan laporan keuangan.</li>"
                            "<li>Laporan hasil pengawasan.</li>"
                            "<li>Tanya jawab dan pengesahan laporan pertanggungjawaban.</li>"
                            "<li>Penetapan pembagian SHU.</li>"
                            "<li>Pengesahan rencana kerja dan anggaran tahun berikutnya.</li>"
                            "<li>Pemilihan pengurus dan pengawas bila masa jabatan berakhir.</li>"
                            "<li>Pembacaan ringkasan keputusan dan penutup.</li>"
                            "</ol>"
                            "<h3>Cara mengambil keputusan</h3>"
                            "<p>Keputusan diusahakan melalui <strong>musyawarah untuk mufakat</strong>. Jika mufakat tidak tercapai, keputusan diambil dengan pemungutan suara terbanyak. Setiap anggota memiliki satu suara. Untuk keputusan tertentu, misalnya perubahan AD, penggabungan, atau pembubaran, AD biasanya mensyaratkan kuorum dan suara yang lebih tinggi, misalnya dua pertiga.</p>"
                            "<p>Pimpinan rapat sebaiknya bukan orang yang laporannya sedang dinilai. Saat laporan pertanggungjawaban pengurus dibahas, rapat dipimpin oleh anggota yang dipilih rapat, sehingga pengurus dapat menjawab pertanyaan tanpa sekaligus mengatur jalannya sidang.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Menghitung kuorum dan suara",
                                "intro": "Buku daftar anggota mencatat 312 anggota per tanggal undangan. AD menetapkan kuorum lebih dari separuh jumlah anggota, keputusan biasa dengan suara terbanyak, dan perubahan AD dengan persetujuan sekurang-kurangnya dua pertiga anggota yang hadir.",
                                "table": [
                                    ["Uraian", "Perhitungan", "Hasil"],
                                    ["Separuh jumlah anggota", "312 : 2", "156 orang"],
                                    [
                                        "Kuorum (lebih dari separuh)",
                                        "156 + 1",
                                        "157 orang",
                                    ],
                                    [
                                        "Anggota yang hadir",
                                        "dari daftar hadir",
                                        "198 orang (kuorum tercapai)",
                                    ],
                                    [
                                        "Suara minimal keputusan biasa",
                                        "lebih dari separuh dari 198",
                                        "100 suara",
                                    ],
                                    [
                                        "Suara minimal perubahan AD",
                                        "2/3 × 198",
                                        "132 suara",
                                    ],
                                ],
                                "explanation": "Kuorum dihitung dari jumlah anggota dalam buku daftar anggota, bukan dari jumlah undangan yang dibagikan. Karena itu buku daftar anggota harus mutakhir: anggota yang sudah keluar atau meninggal perlu dicoret sebelum RAT.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Notulen, berita acara, dan tindak lanjut RAT",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>RAT yang baik bisa kehilangan kekuatannya jika tidak dicatat dengan benar. Ada dua dokumen yang berbeda fungsinya:</p>"
                            "<ul>"
                            "<li><strong>Notulen</strong> mencatat jalannya rapat: siapa berbicara, pertanyaan dan jawaban pokok, usulan, dan hasil pemungutan suara.</li>"
                            "<li><strong>Berita acara</strong> adalah ringkasan resmi keputusan rapat: tanggal, tempat, jumlah anggota, jumlah yang hadir, pernyataan kuorum, dan daftar keputusan. Berita acara ditandatangani pimpinan rapat dan sekurang-kurangnya satu anggota yang ditunjuk rapat, atau sesuai ketentuan AD/ART.</li>"
                            "</ul>"
                            "<h3>Isi minimal berita acara RAT</h3>"
                            "<ol>"
                            "<li>identitas koperasi, nomor badan hukum, tanggal dan tempat rapat;</li>"
                            "<li>jumlah anggota, jumlah yang hadir, dan pernyataan bahwa kuorum tercapai;</li>"
                            "<li>keputusan pengesahan laporan pertanggungjawaban pengurus dan laporan keuangan;</li>"
                            "<li>keputusan pembagian SHU beserta jumlah rupiah setiap bagian;</li>"
                            "<li>rencana kerja dan anggaran yang disahkan;</li>"
                            "<li>susunan pengurus dan pengawas terpilih bila ada pemilihan;</li>"
                            "<li>tanda tangan dan lampiran daftar hadir.</li>"
                            "</ol>"
                            "<h3>Tindak lanjut setelah RAT</h3>"
                            "<p>Pengurus menindaklanjuti keputusan RAT dengan mencatat pembagian SHU dalam pembukuan, membayarkan SHU anggota, menjalankan rencana kerja yang disahkan, dan melaporkan hasil RAT kepada dinas yang membidangi koperasi serta melalui sistem pendataan koperasi pemerintah. Jika ada pergantian pengurus, susunan baru dicatatkan sesuai ketentuan dan spesimen tanda tangan di bank diperbarui.</p>"
                            "<p>Simpan notulen, berita acara, daftar hadir, bahan RAT, dan rekamannya bila ada, di arsip yang aman. Dokumen ini sering diminta saat koperasi mengajukan pembiayaan, mengikuti penilaian kesehatan, atau menghadapi sengketa.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Keputusan yang tidak tercatat",
                                "text": "Kesepakatan lisan di RAT yang tidak masuk berita acara sulit dibuktikan. Bacakan ringkasan keputusan di akhir rapat dan minta persetujuan peserta sebelum rapat ditutup.",
                            },
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Ringkasan keputusan dalam berita acara",
                                "intro": "Contoh bagian keputusan dari berita acara RAT Koperasi Desa Merah Putih Sukamaju tahun buku 2025.",
                                "table": [
                                    ["No.", "Keputusan", "Hasil"],
                                    [
                                        "1",
                                        "Laporan pertanggungjawaban pengurus tahun buku 2025",
                                        "Disahkan secara mufakat",
                                    ],
                                    [
                                        "2",
                                        "Pembagian SHU sebesar Rp 80.000.000",
                                        "Disahkan sesuai persentase AD/ART",
                                    ],
                                    [
                                        "3",
                                        "Rencana kerja dan anggaran 2026",
                                        "Disahkan dengan satu perubahan",
                                    ],
                                    [
                                        "4",
                                        "Batas pinjaman maksimal per anggota",
                                        "Naik menjadi Rp 15.000.000 (130 setuju, 61 tidak setuju, 7 abstain)",
                                    ],
                                ],
                                "explanation": "Untuk keputusan melalui pemungutan suara, catat jumlah suara setuju, tidak setuju, dan abstain. Jumlahnya (130 + 61 + 7 = 198) harus sama dengan jumlah anggota yang hadir dan berhak memberi suara.",
                            },
                        ),
                    ],
                },
            ],
        },
    ],
    "pretest": [
        {
            "type": "single",
            "text": "Siapa pemegang kekuasaan tertinggi dalam koperasi?",
            "options": [
                "Ketua pengurus",
                "Pengawas",
                "Rapat Anggota",
                "Dinas Koperasi",
            ],
            "correct": 2,
            "feedback": "Rapat Anggota adalah pemegang kekuasaan tertinggi. Pengurus dan pengawas bertanggung jawab kepada Rapat Anggota.",
        },
        {
            "type": "truefalse",
            "text": "Dalam Rapat Anggota, anggota yang simpanannya lebih besar mendapat suara lebih banyak.",
            "correct": False,
            "feedback": "Prinsip pengelolaan demokratis: satu anggota satu suara, tidak bergantung pada besar simpanan.",
        },
        {
            "type": "single",
            "text": "Paling lambat kapan RAT untuk mengesahkan pertanggungjawaban pengurus harus diselenggarakan?",
            "options": [
                "Satu bulan setelah tahun buku berakhir",
                "Tiga bulan setelah tahun buku berakhir",
                "Enam bulan setelah tahun buku berakhir",
                "Kapan saja selama tahun berikutnya",
            ],
            "correct": 2,
            "feedback": "RAT pengesahan pertanggungjawaban pengurus diselenggarakan paling lambat enam bulan setelah tahun buku berakhir.",
        },
        {
            "type": "multiple",
            "text": "Manakah yang termasuk wewenang pengawas? (pilih semua yang benar)",
            "options": [
                "Meneliti catatan yang ada pada koperasi",
                "Menandatangani pencairan pinjaman anggota",
                "Mendapatkan keterangan yang diperlukan dari pengurus",
                "Mengangkat dan memberhentikan manajer",
            ],
            "correct": [0, 2],
            "feedback": "Pengawas meneliti catatan dan meminta keterangan. Pencairan pinjaman dan pengangkatan manajer adalah urusan pengurus.",
        },
        {
            "type": "numeric",
            "text": "Sebuah koperasi memiliki 240 anggota. AD menetapkan kuorum RAT lebih dari separuh jumlah anggota. Berapa orang minimal yang harus hadir?",
            "answer": 121,
            "tolerance": 0,
            "unit": "orang",
            "feedback": "Separuh dari 240 adalah 120; lebih dari separuh berarti minimal 121 orang.",
        },
        {
            "type": "short",
            "text": "Apa kepanjangan AD/ART?",
            "answers": [
                "anggaran dasar dan anggaran rumah tangga",
                "anggaran dasar/anggaran rumah tangga",
                "anggaran dasar anggaran rumah tangga",
                "anggaran dasar dan rumah tangga",
            ],
            "feedback": "AD/ART adalah Anggaran Dasar dan Anggaran Rumah Tangga.",
        },
        {
            "type": "truefalse",
            "text": "Pengawas boleh merangkap sebagai bendahara agar pengawasan keuangan lebih mudah.",
            "correct": False,
            "feedback": "Pengawas tidak boleh merangkap pengurus. Ia harus berjarak dari transaksi yang diawasinya.",
        },
        {
            "type": "single",
            "text": "Kepada siapa manajer koperasi bertanggung jawab?",
            "options": [
                "Rapat Anggota secara langsung",
                "Pengurus",
                "Pengawas",
                "Kepala desa",
            ],
            "correct": 1,
            "feedback": "Manajer diangkat oleh pengurus berdasarkan perjanjian kerja dan bertanggung jawab kepada pengurus.",
        },
        {
            "type": "single",
            "text": "Pembentukan Koperasi Desa/Kelurahan Merah Putih dimulai dari ...",
            "options": [
                "keputusan kepala desa seorang diri",
                "musyawarah desa khusus",
                "penunjukan oleh bank penyalur",
                "rapat pengurus BUMDes",
            ],
            "correct": 1,
            "feedback": "Pembentukan dimulai dari musyawarah desa khusus yang melibatkan pemerintah desa, BPD, tokoh masyarakat, dan warga.",
        },
    ],
    "posttest": [
        {
            "type": "multiple",
            "text": "Manakah yang termasuk prinsip koperasi? (pilih semua yang benar)",
            "options": [
                "Keanggotaan sukarela dan terbuka",
                "Pembagian SHU sebanding dengan besar jabatan",
                "Balas jasa yang terbatas terhadap modal",
                "Kemandirian",
            ],
            "correct": [0, 2, 3],
            "feedback": "SHU dibagi sebanding dengan jasa usaha anggota, bukan jabatan. Tiga pilihan lainnya adalah prinsip koperasi.",
        },
        {
            "type": "single",
            "text": "Jika ART bertentangan dengan AD, aturan mana yang berlaku?",
            "options": ["ART", "AD", "Yang terbaru", "Yang dipilih ketua"],
            "correct": 1,
            "feedback": "AD adalah aturan pokok. ART menjabarkan AD dan tidak boleh bertentangan dengannya.",
        },
        {
            "type": "truefalse",
            "text": "Pengurus dapat menanggung secara pribadi kerugian koperasi yang terjadi karena kelalaiannya.",
            "correct": True,
            "feedback": "Pengurus, bersama-sama atau sendiri-sendiri, menanggung kerugian koperasi yang timbul karena kesengajaan atau kelalaiannya.",
        },
        {
            "type": "numeric",
            "text": "Dalam RAT hadir 180 anggota. AD menetapkan perubahan AD harus disetujui sekurang-kurangnya dua pertiga anggota yang hadir. Berapa suara setuju minimal yang diperlukan?",
            "answer": 120,
            "tolerance": 0,
            "unit": "suara",
            "feedback": "2/3 × 180 = 120 suara.",
        },
        {
            "type": "single",
            "text": "Dokumen yang memuat ringkasan resmi keputusan RAT dan ditandatangani pimpinan rapat disebut ...",
            "options": [
                "Daftar hadir",
                "Berita acara",
                "Undangan rapat",
                "Tata tertib",
            ],
            "correct": 1,
            "feedback": "Berita acara memuat ringkasan resmi keputusan, pernyataan kuorum, dan tanda tangan.",
        },
        {
            "type": "multiple",
            "text": "Bahan apa saja yang perlu dibagikan kepada anggota sebelum RAT? (pilih semua yang benar)",
            "options": [
                "Laporan pertanggungjawaban pengurus",
                "Laporan keuangan tahun buku",
                "Usulan pembagian SHU",
                "Slip gaji seluruh karyawan",
            ],
            "correct": [0, 1, 2],
            "feedback": "Laporan pertanggungjawaban, laporan keuangan, dan usulan SHU adalah bahan pokok RAT. Slip gaji perorangan bukan bahan RAT.",
        },
        {
            "type": "single",
            "text": "Ketua ingin membeli beras untuk gerai koperasi dari penggilingan milik adiknya. Langkah yang paling tepat adalah ...",
            "options": [
                "Langsung membeli karena harganya pasti murah",
                "Melarang sama sekali semua transaksi dengan keluarga pengurus",
                "Ketua mengungkapkan hubungannya, tidak ikut memutuskan, harga dibandingkan dengan penawaran lain, dan keputusan dicatat",
                "Membeli diam-diam agar tidak menimbulkan gunjingan",
            ],
            "correct": 2,
            "feedback": "Konflik kepentingan dikelola dengan pengungkapan, tidak ikut memutuskan, pembanding harga, dan pencatatan yang diketahui pengawas.",
        },
        {
            "type": "short",
            "text": "Jumlah kehadiran minimal agar Rapat Anggota sah disebut ...",
            "answers": ["kuorum", "quorum"],
            "feedback": "Kuorum adalah jumlah kehadiran minimal yang ditetapkan AD agar rapat sah.",
        },
        {
            "type": "truefalse",
            "text": "Karena dibentuk melalui program pemerintah, Koperasi Desa/Kelurahan Merah Putih dimiliki oleh pemerintah desa.",
            "correct": False,
            "feedback": "KDKMP tetap koperasi: pemiliknya anggota, dan keputusan tertinggi ada di Rapat Anggota.",
        },
    ],
}
