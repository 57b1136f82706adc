"""Demo course: Akuntansi Koperasi."""

COURSE = {
    "slug": "akuntansi-koperasi-sak-ep",
    "code": "AK",
    "title": "Akuntansi Koperasi Berbasis SAK EP",
    "track": "Akuntansi Koperasi",
    "summary": (
        "Kursus praktis pembukuan koperasi untuk bendahara, pengawas, dan manajer: "
        "mencatat transaksi dengan debit dan kredit, menyusun laporan keuangan "
        "sesuai SAK EP yang berlaku mulai tahun buku 2025, serta menghitung dan "
        "membagi SHU dengan contoh angka yang nyata."
    ),
    "objectives": [
        "Menerapkan persamaan akuntansi dan aturan debit-kredit untuk mencatat transaksi koperasi dalam jurnal umum.",
        "Memindahkan jurnal ke buku besar dan menyusun neraca saldo yang seimbang.",
        "Menyusun laporan keuangan koperasi sesuai SAK EP, termasuk penyajian simpanan pokok, wajib, dan sukarela.",
        "Menghitung SHU dan membaginya sesuai AD/ART, sampai bagian jasa modal dan jasa usaha setiap anggota.",
    ],
    "jp": 20,
    "positions": ["ketua", "bendahara", "pengawas", "manajer"],
    "modules": [
        {
            "title": "Dasar Pencatatan Transaksi",
            "summary": (
                "Persamaan akuntansi, kelompok akun koperasi, aturan debit dan kredit, "
                "jurnal umum, buku besar, dan neraca saldo."
            ),
            "lessons": [
                {
                    "title": "Persamaan akuntansi dan akun-akun koperasi",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Semua pembukuan berdiri di atas satu persamaan sederhana:</p>"
                            "<p><strong>Aset = Liabilitas + Ekuitas</strong></p>"
                            "<p><strong>Aset</strong> adalah sumber daya yang dikuasai koperasi dan diharapkan memberi manfaat: kas, saldo bank, piutang pinjaman anggota, persediaan barang, gedung, dan peralatan. <strong>Liabilitas</strong> adalah kewajiban kepada pihak lain yang harus dilunasi: utang kepada pemasok, pinjaman bank, dan simpanan sukarela anggota yang dapat ditarik. <strong>Ekuitas</strong> adalah hak pemilik atas aset setelah dikurangi liabilitas; pada koperasi, ekuitas terutama berasal dari simpanan pokok, simpanan wajib, cadangan, dan SHU yang belum dibagi.</p>"
                            "<p>Selain tiga kelompok itu, ada dua kelompok akun yang mencatat kegiatan selama setahun: <strong>pendapatan</strong> (misalnya jasa pinjaman, penjualan gerai, biaya administrasi) dan <strong>beban</strong> (misalnya gaji, listrik, penyusutan, bunga simpanan). Selisih pendapatan dan beban pada akhir tahun menjadi SHU yang menambah ekuitas.</p>"
                            "<h3>Daftar akun</h3>"
                            "<p>Setiap koperasi sebaiknya memiliki <em>daftar akun</em> (bagan perkiraan) yang tetap, dengan nomor akun. Misalnya 1-xxx untuk aset, 2-xxx untuk liabilitas, 3-xxx untuk ekuitas, 4-xxx untuk pendapatan, dan 5-xxx untuk beban. Daftar yang tetap membuat pembukuan antarbulan dan antartahun dapat dibandingkan, serta memudahkan pengawas memeriksa.</p>"
                            "<p>Setiap transaksi selalu mengubah persamaan dengan jumlah yang sama di kedua sisinya, sehingga persamaan tetap seimbang.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Empat transaksi dan pengaruhnya pada persamaan akuntansi",
                                "intro": "Koperasi Desa Merah Putih Sukamaju mencatat empat transaksi pada awal Januari.",
                                "table": [
                                    ["Transaksi", "Aset", "Liabilitas", "Ekuitas"],
                                    [
                                        "Anggota baru setor simpanan pokok Rp 100.000 dan simpanan wajib Rp 50.000 tunai",
                                        "Kas +Rp 150.000",
                                        "-",
                                        "Simpanan pokok +Rp 100.000; simpanan wajib +Rp 50.000",
                                    ],
                                    [
                                        "Anggota menabung simpanan sukarela Rp 1.000.000",
                                        "Kas +Rp 1.000.000",
                                        "Simpanan sukarela +Rp 1.000.000",
                                        "-",
                                    ],
                                    [
                                        "Membeli barang dagangan secara kredit Rp 12.000.000",
                                        "Persediaan +Rp 12.000.000",
                                        "Utang usaha +Rp 12.000.000",
                                        "-",
                                    ],
                                    [
                                        "Membayar sebagian utang usaha Rp 5.000.000",
                                        "Kas -Rp 5.000.000",
                                        "Utang usaha -Rp 5.000.000",
                                        "-",
                                    ],
                                    [
                                        "Perubahan bersih",
                                        "+Rp 8.150.000",
                                        "+Rp 8.000.000",
                                        "+Rp 150.000",
                                    ],
                                ],
                                "explanation": "Aset bertambah Rp 150.000 + Rp 1.000.000 + Rp 12.000.000 - Rp 5.000.000 = Rp 8.150.000. Liabilitas bertambah Rp 1.000.000 + Rp 12.000.000 - Rp 5.000.000 = Rp 8.000.000, dan ekuitas bertambah Rp 150.000. Rp 8.000.000 + Rp 150.000 = Rp 8.150.000, jadi persamaan tetap seimbang.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Debit, kredit, dan jurnal umum",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Dalam pembukuan berpasangan, setiap transaksi dicatat sekurang-kurangnya di dua akun: satu di sisi <strong>debit</strong> (kiri) dan satu di sisi <strong>kredit</strong> (kanan). Jumlah debit selalu sama dengan jumlah kredit. Debit dan kredit bukan berarti baik atau buruk, hanya sisi pencatatan.</p>"
                            "<h3>Aturan debit dan kredit</h3>"
                            "<ul>"
                            "<li><strong>Aset</strong> dan <strong>beban</strong> bertambah di debit, berkurang di kredit.</li>"
                            "<li><strong>Liabilitas</strong>, <strong>ekuitas</strong>, dan <strong>pendapatan</strong> bertambah di kredit, berkurang di debit.</li>"
                            "</ul>"
                            "<p>Contoh: ketika anggota menyetor simpanan pokok, kas (aset) bertambah sehingga dicatat di debit, dan simpanan pokok (ekuitas) bertambah sehingga dicatat di kredit.</p>"
                            "<h3>Jurnal umum</h3>"
                            "<p>Jurnal umum mencatat transaksi menurut urutan tanggal. Setiap baris jurnal memuat tanggal, nama akun, jumlah debit atau kredit, dan keterangan singkat dengan nomor bukti. Akun yang didebit ditulis lebih dahulu; akun yang dikredit ditulis sesudahnya dan agak menjorok.</p>"
                            "<p>Biasakan tiga kebiasaan ini:</p>"
                            "<ol>"
                            "<li><strong>Tidak ada jurnal tanpa bukti.</strong> Kuitansi, slip setoran, nota pembelian, atau perjanjian pinjaman harus ada dan diberi nomor.</li>"
                            "<li><strong>Catat di hari yang sama.</strong> Transaksi yang ditunda pencatatannya mudah terlupa.</li>"
                            "<li><strong>Periksa keseimbangan</strong> setiap jurnal sebelum pindah ke transaksi berikutnya.</li>"
                            "</ol>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Jurnal umum bulan Januari",
                                "intro": "Transaksi Koperasi Desa Merah Putih Sukamaju: (2 Jan) anggota baru setor simpanan pokok Rp 100.000 dan wajib Rp 50.000; (5 Jan) pinjaman Bu Ani Rp 5.000.000 dicairkan setelah dipotong biaya administrasi 1%; (10 Jan) gerai menjual barang tunai Rp 3.000.000 yang harga pokoknya Rp 2.400.000; (25 Jan) membayar gaji Rp 4.500.000; (28 Jan) Pak Rahmat membayar angsuran pinjaman lamanya, pokok Rp 500.000 dan jasa Rp 90.000.",
                                "table": [
                                    ["Tanggal", "Akun", "Debit", "Kredit"],
                                    ["2 Jan", "Kas", "Rp 150.000", ""],
                                    ["", "    Simpanan pokok", "", "Rp 100.000"],
                                    ["", "    Simpanan wajib", "", "Rp 50.000"],
                                    [
                                        "5 Jan",
                                        "Piutang pinjaman anggota",
                                        "Rp 5.000.000",
                                        "",
                                    ],
                                    ["", "    Kas", "", "Rp 4.950.000"],
                                    [
                                        "",
                                        "    Pendapatan administrasi pinjaman",
                                        "",
                                        "Rp 50.000",
                                    ],
                                    ["10 Jan", "Kas", "Rp 3.000.000", ""],
                                    ["", "    Penjualan", "", "Rp 3.000.000"],
                                    [
                                        "10 Jan",
                                        "Harga pokok penjualan",
                                        "Rp 2.400.000",
                                        "",
                                    ],
                                    [
                                        "",
                                        "    Persediaan barang dagangan",
                                        "",
                                        "Rp 2.400.000",
                                    ],
                                    ["25 Jan", "Beban gaji", "Rp 4.500.000", ""],
                                    ["", "    Kas", "", "Rp 4.500.000"],
                                    ["28 Jan", "Kas", "Rp 590.000", ""],
                                    [
                                        "",
                                        "    Piutang pinjaman anggota",
                                        "",
                                        "Rp 500.000",
                                    ],
                                    [
                                        "",
                                        "    Pendapatan jasa pinjaman",
                                        "",
                                        "Rp 90.000",
                                    ],
                                    ["Jumlah", "", "Rp 15.640.000", "Rp 15.640.000"],
                                ],
                                "explanation": "Biaya administrasi 1% dari Rp 5.000.000 adalah Rp 50.000, sehingga kas yang keluar hanya Rp 4.950.000, tetapi piutang dicatat penuh Rp 5.000.000 karena Bu Ani wajib mengembalikan seluruh pokok. Penjualan gerai dicatat dua kali: sekali untuk pendapatan dan sekali untuk harga pokok barang yang keluar dari persediaan. Angsuran dipisah menjadi pokok (mengurangi piutang) dan jasa (pendapatan). Jumlah debit dan kredit sama-sama Rp 15.640.000.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Buku besar dan neraca saldo",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Jurnal umum mencatat transaksi menurut waktu, tetapi tidak langsung menunjukkan saldo setiap akun. Untuk itu jurnal dipindahkan (diposting) ke <strong>buku besar</strong>, yaitu kumpulan catatan per akun. Setiap akun memiliki halaman atau kartunya sendiri yang menunjukkan saldo awal, mutasi debit, mutasi kredit, dan saldo akhir.</p>"
                            "<p>Koperasi juga memakai <strong>buku pembantu</strong> untuk rincian: buku pembantu simpanan per anggota, kartu pinjaman per anggota, dan kartu persediaan per barang. Jumlah saldo semua kartu pembantu harus sama dengan saldo akun induknya di buku besar. Misalnya jumlah saldo seluruh kartu pinjaman harus sama dengan saldo akun piutang pinjaman anggota.</p>"
                            "<h3>Neraca saldo</h3>"
                            "<p>Pada akhir bulan, saldo semua akun buku besar didaftar dalam <strong>neraca saldo</strong>. Akun bersaldo debit ditulis di kolom debit, akun bersaldo kredit di kolom kredit. Jika jumlah kedua kolom tidak sama, pasti ada kesalahan pencatatan atau posting yang harus dicari sebelum laporan keuangan disusun.</p>"
                            "<p>Neraca saldo yang seimbang belum menjamin pembukuan benar. Transaksi yang tidak dicatat sama sekali, atau dicatat ke akun yang salah dengan jumlah benar, tetap menghasilkan neraca saldo seimbang. Karena itu bendahara juga perlu mencocokkan saldo kas dengan hitung fisik dan saldo bank dengan rekening koran setiap bulan.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Buku besar akun Kas bulan Januari",
                                "intro": "Saldo kas awal 1 Januari Rp 10.000.000. Transaksi diambil dari jurnal umum pelajaran sebelumnya.",
                                "table": [
                                    [
                                        "Tanggal",
                                        "Keterangan",
                                        "Debit",
                                        "Kredit",
                                        "Saldo",
                                    ],
                                    ["1 Jan", "Saldo awal", "", "", "Rp 10.000.000"],
                                    [
                                        "2 Jan",
                                        "Simpanan pokok dan wajib anggota baru",
                                        "Rp 150.000",
                                        "",
                                        "Rp 10.150.000",
                                    ],
                                    [
                                        "5 Jan",
                                        "Pencairan pinjaman Bu Ani",
                                        "",
                                        "Rp 4.950.000",
                                        "Rp 5.200.000",
                                    ],
                                    [
                                        "10 Jan",
                                        "Penjualan tunai gerai",
                                        "Rp 3.000.000",
                                        "",
                                        "Rp 8.200.000",
                                    ],
                                    [
                                        "25 Jan",
                                        "Gaji karyawan",
                                        "",
                                        "Rp 4.500.000",
                                        "Rp 3.700.000",
                                    ],
                                    [
                                        "28 Jan",
                                        "Angsuran Pak Rahmat",
                                        "Rp 590.000",
                                        "",
                                        "Rp 4.290.000",
                                    ],
                                    [
                                        "Jumlah mutasi",
                                        "",
                                        "Rp 3.740.000",
                                        "Rp 9.450.000",
                                        "",
                                    ],
                                ],
                                "explanation": "Saldo akhir dapat diperiksa dengan rumus saldo awal + debit - kredit: Rp 10.000.000 + Rp 3.740.000 - Rp 9.450.000 = Rp 4.290.000. Angka ini harus sama dengan uang tunai hasil hitung fisik pada 31 Januari. Jika berbeda, selisihnya ditelusuri sebelum buku ditutup.",
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Kas besar jangan menumpuk",
                                "text": "Tetapkan batas uang tunai di kantor, misalnya Rp 5.000.000. Kelebihannya disetor ke rekening bank atas nama koperasi pada hari yang sama. Kas yang kecil lebih aman dan lebih mudah dicocokkan.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Laporan Keuangan Koperasi Menurut SAK EP",
            "summary": (
                "Standar Akuntansi Keuangan Entitas Privat, komponen laporan keuangan, "
                "penyajian simpanan anggota, dan cara membaca laporan hasil usaha."
            ),
            "lessons": [
                {
                    "title": "Mengenal SAK EP",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p><strong>SAK EP</strong> (Standar Akuntansi Keuangan Entitas Privat) diterbitkan Dewan Standar Akuntansi Keuangan Ikatan Akuntan Indonesia dan berlaku untuk periode tahun buku yang dimulai pada atau setelah <strong>1 Januari 2025</strong>. SAK EP menggantikan SAK ETAP yang selama ini dipakai sebagian besar koperasi. Entitas privat adalah entitas yang tidak memiliki akuntabilitas publik signifikan, dan koperasi desa termasuk di dalamnya.</p>"
                            "<h3>Laporan keuangan lengkap menurut SAK EP</h3>"
                            "<ol>"
                            "<li><strong>Laporan posisi keuangan</strong> (neraca) pada akhir periode;</li>"
                            "<li><strong>Laporan laba rugi dan penghasilan komprehensif lain</strong>, yang di koperasi sering disebut laporan perhitungan hasil usaha;</li>"
                            "<li><strong>Laporan perubahan ekuitas</strong>;</li>"
                            "<li><strong>Laporan arus kas</strong>;</li>"
                            "<li><strong>Catatan atas laporan keuangan</strong>, berisi kebijakan akuntansi dan rincian pos-pos penting.</li>"
                            "</ol>"
                            "<p>Setiap laporan menyajikan angka tahun berjalan dan <strong>angka pembanding</strong> tahun sebelumnya.</p>"
                            "<h3>Apa yang perlu diperhatikan koperasi</h3>"
                            "<ul>"
                            "<li><strong>Dasar akrual.</strong> Pendapatan dan beban dicatat ketika terjadi, bukan ketika uangnya diterima atau dibayar. Jasa pinjaman bulan Desember yang baru dibayar anggota pada Januari tetap merupakan pendapatan Desember.</li>"
                            "<li><strong>Penurunan nilai piutang.</strong> Pinjaman anggota yang diperkirakan tidak tertagih harus dicadangkan, sehingga piutang tidak disajikan lebih besar dari yang realistis akan kembali.</li>"
                            "<li><strong>Penyusutan aset tetap</strong> dihitung secara sistematis sepanjang umur manfaatnya.</li>"
                            "<li><strong>Klasifikasi simpanan anggota</strong> mengikuti substansinya: apakah koperasi wajib mengembalikannya atau tidak. Hal ini dibahas pada pelajaran berikutnya.</li>"
                            "</ul>"
                            "<h3>Transisi</h3>"
                            "<p>Laporan keuangan tahun buku 2025 adalah laporan pertama menurut SAK EP bagi koperasi yang sebelumnya memakai SAK ETAP. Karena angka pembanding 2024 juga harus disajikan, saldo awal perlu ditinjau dan disesuaikan agar sesuai dengan SAK EP. Penyesuaian dan dampaknya dijelaskan dalam catatan atas laporan keuangan.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Jangan sendirian",
                                "text": "Transisi ke SAK EP adalah saat yang tepat untuk meminta pendampingan dari dinas, pendamping koperasi, atau akuntan. Mintalah mereka memeriksa daftar akun dan kebijakan akuntansi koperasi Anda sekali, lalu pakai secara konsisten setiap tahun.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Laporan posisi keuangan dan simpanan anggota",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Laporan posisi keuangan menunjukkan aset, liabilitas, dan ekuitas koperasi pada satu tanggal, biasanya 31 Desember. Aset disusun dari yang paling lancar (kas) sampai yang paling tidak lancar (aset tetap), sedangkan liabilitas dari yang jatuh tempo paling cepat.</p>"
                            "<h3>Tiga jenis simpanan</h3>"
                            "<ul>"
                            "<li><strong>Simpanan pokok</strong>: dibayar sekali ketika masuk menjadi anggota, sama besar untuk semua anggota, dan tidak dapat diambil selama masih menjadi anggota.</li>"
                            "<li><strong>Simpanan wajib</strong>: dibayar berkala (misalnya setiap bulan) dengan jumlah yang ditetapkan, dan juga tidak dapat diambil selama masih menjadi anggota.</li>"
                            "<li><strong>Simpanan sukarela</strong>: tabungan anggota yang dapat disetor dan ditarik sesuai perjanjian. Simpanan sukarela selalu merupakan <strong>liabilitas</strong>, karena koperasi wajib mengembalikannya kapan pun diminta sesuai ketentuan produknya.</li>"
                            "</ul>"
                            "<p>Secara tradisional simpanan pokok dan simpanan wajib disajikan sebagai <strong>ekuitas</strong>. Menurut SAK EP, simpanan anggota diakui sebagai ekuitas apabila koperasi memiliki hak tanpa syarat untuk menolak pengembaliannya, atau pengembaliannya dilarang tanpa syarat oleh peraturan atau anggaran dasar. Jika AD/ART mewajibkan koperasi mengembalikan simpanan pokok dan wajib begitu anggota keluar, tanpa hak koperasi untuk menolak atau membatasinya, bagian tersebut lebih tepat disajikan sebagai liabilitas. Karena itu bacalah pasal AD/ART tentang pengembalian simpanan bersama pendamping atau akuntan sebelum menyusun laporan.</p>"
                            "<p>Contoh di bawah memakai asumsi bahwa AD/ART memberi pengurus hak untuk menunda atau membatasi pengembalian simpanan pokok dan wajib demi menjaga permodalan, sehingga keduanya disajikan sebagai ekuitas.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Laporan posisi keuangan per 31 Desember 2025",
                                "intro": "Ringkasan laporan posisi keuangan Koperasi Desa Merah Putih Sukamaju.",
                                "table": [
                                    ["Pos", "Jumlah"],
                                    ["ASET", ""],
                                    ["Kas dan bank", "Rp 85.000.000"],
                                    ["Piutang pinjaman anggota", "Rp 420.000.000"],
                                    [
                                        "Cadangan kerugian penurunan nilai piutang",
                                        "(Rp 10.000.000)",
                                    ],
                                    ["Persediaan barang dagangan", "Rp 60.000.000"],
                                    ["Aset tetap", "Rp 150.000.000"],
                                    ["Akumulasi penyusutan", "(Rp 30.000.000)"],
                                    ["Jumlah aset", "Rp 675.000.000"],
                                    ["LIABILITAS", ""],
                                    ["Utang usaha", "Rp 25.000.000"],
                                    ["Utang pajak", "Rp 2.000.000"],
                                    ["Simpanan sukarela anggota", "Rp 180.000.000"],
                                    ["Utang bank", "Rp 100.000.000"],
                                    ["Jumlah liabilitas", "Rp 307.000.000"],
                                    ["EKUITAS", ""],
                                    ["Simpanan pokok", "Rp 40.000.000"],
                                    ["Simpanan wajib", "Rp 192.000.000"],
                                    ["Cadangan", "Rp 56.000.000"],
                                    ["SHU tahun berjalan", "Rp 80.000.000"],
                                    ["Jumlah ekuitas", "Rp 368.000.000"],
                                    ["Jumlah liabilitas dan ekuitas", "Rp 675.000.000"],
                                ],
                                "explanation": "Jumlah aset: Rp 85.000.000 + Rp 420.000.000 - Rp 10.000.000 + Rp 60.000.000 + Rp 150.000.000 - Rp 30.000.000 = Rp 675.000.000. Liabilitas Rp 307.000.000 ditambah ekuitas Rp 368.000.000 juga Rp 675.000.000. Perhatikan bahwa simpanan sukarela Rp 180.000.000 ada di liabilitas, sedangkan simpanan pokok dan wajib (Rp 232.000.000) ada di ekuitas sesuai asumsi AD/ART di atas.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Laporan laba rugi: menghitung hasil usaha",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Laporan laba rugi menunjukkan pendapatan dan beban selama satu tahun buku. Pada koperasi, selisihnya disebut <strong>sisa hasil usaha (SHU)</strong>. SHU positif berarti usaha koperasi menutup seluruh bebannya dan masih bersisa; SHU negatif berarti koperasi merugi dan harus menjelaskan penyebabnya di RAT.</p>"
                            "<h3>Susunan yang dianjurkan</h3>"
                            "<ol>"
                            "<li><strong>Pendapatan per unit usaha</strong>, misalnya jasa pinjaman dan administrasi dari unit simpan pinjam, penjualan dari gerai.</li>"
                            "<li><strong>Harga pokok penjualan</strong> untuk unit dagang, sehingga terlihat laba kotor gerai.</li>"
                            "<li><strong>Beban usaha</strong>: bunga simpanan dan pinjaman, gaji, listrik, penyusutan, kerugian penurunan nilai piutang, beban RAT dan pendidikan.</li>"
                            "<li><strong>SHU sebelum pajak</strong>, <strong>beban pajak penghasilan</strong>, dan <strong>SHU setelah pajak</strong>.</li>"
                            "</ol>"
                            "<p>Memisahkan pendapatan per unit membantu pengurus melihat unit mana yang menghasilkan dan unit mana yang masih disubsidi. Misalnya, gerai dengan omzet besar belum tentu menyumbang banyak jika margin kotornya tipis dan biaya operasionalnya tinggi.</p>"
                            "<h3>Hal yang sering terlewat</h3>"
                            "<ul>"
                            "<li>jasa pinjaman yang sudah menjadi hak koperasi tetapi belum dibayar pada 31 Desember;</li>"
                            "<li>beban listrik atau gaji bulan Desember yang baru dibayar bulan Januari;</li>"
                            "<li>penyusutan gedung dan peralatan;</li>"
                            "<li>cadangan kerugian untuk pinjaman yang menunggak lama.</li>"
                            "</ul>"
                            "<p>Jika hal-hal ini dilupakan, SHU tampak lebih besar dari kenyataan, dan koperasi bisa membagikan uang yang sebenarnya tidak ada.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Laporan laba rugi tahun 2025",
                                "intro": "Koperasi Desa Merah Putih Sukamaju memiliki unit simpan pinjam dan gerai sembako.",
                                "table": [
                                    ["Pos", "Jumlah"],
                                    ["Pendapatan jasa pinjaman", "Rp 72.000.000"],
                                    [
                                        "Pendapatan administrasi pinjaman",
                                        "Rp 6.000.000",
                                    ],
                                    ["Penjualan gerai", "Rp 540.000.000"],
                                    ["Harga pokok penjualan", "(Rp 432.000.000)"],
                                    ["Laba kotor gerai", "Rp 108.000.000"],
                                    [
                                        "Jumlah pendapatan bersih usaha",
                                        "Rp 186.000.000",
                                    ],
                                    ["Beban bunga simpanan sukarela", "(Rp 9.000.000)"],
                                    ["Beban bunga pinjaman bank", "(Rp 10.000.000)"],
                                    ["Beban gaji", "(Rp 48.000.000)"],
                                    [
                                        "Beban listrik, air, dan telepon",
                                        "(Rp 6.000.000)",
                                    ],
                                    ["Beban penyusutan", "(Rp 15.000.000)"],
                                    [
                                        "Beban kerugian penurunan nilai piutang",
                                        "(Rp 6.000.000)",
                                    ],
                                    ["Beban RAT dan pendidikan", "(Rp 4.000.000)"],
                                    ["Beban lain-lain", "(Rp 4.000.000)"],
                                    ["Jumlah beban usaha", "(Rp 102.000.000)"],
                                    ["SHU sebelum pajak", "Rp 84.000.000"],
                                    ["Beban pajak penghasilan", "(Rp 4.000.000)"],
                                    ["SHU setelah pajak", "Rp 80.000.000"],
                                ],
                                "explanation": "Laba kotor gerai = Rp 540.000.000 - Rp 432.000.000 = Rp 108.000.000 (margin 20%). Pendapatan bersih usaha = Rp 72.000.000 + Rp 6.000.000 + Rp 108.000.000 = Rp 186.000.000. Setelah dikurangi beban Rp 102.000.000, SHU sebelum pajak Rp 84.000.000. Dikurangi pajak Rp 4.000.000 (besarnya mengikuti ketentuan perpajakan yang berlaku bagi koperasi), SHU setelah pajak Rp 80.000.000; angka inilah yang muncul di ekuitas laporan posisi keuangan.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Perubahan ekuitas, arus kas, dan catatan atas laporan keuangan",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p><strong>Laporan perubahan ekuitas</strong> menjelaskan mengapa ekuitas akhir tahun berbeda dari awal tahun: setoran simpanan pokok dan wajib, pengembalian simpanan anggota yang keluar, penyisihan cadangan dari SHU tahun lalu, pembagian SHU, dan SHU tahun berjalan.</p>"
                            "<p><strong>Laporan arus kas</strong> menjelaskan dari mana uang masuk dan ke mana uang keluar, dikelompokkan menjadi tiga aktivitas:</p>"
                            "<ul>"
                            "<li><strong>Operasi</strong>: penerimaan dari penjualan, jasa pinjaman, pembayaran kepada pemasok dan karyawan. Bagi unit simpan pinjam, penyaluran dan penerimaan kembali pinjaman anggota serta mutasi simpanan sukarela lazim disajikan di sini karena merupakan kegiatan utamanya.</li>"
                            "<li><strong>Investasi</strong>: pembelian atau penjualan aset tetap seperti kendaraan, gudang, dan mesin pendingin.</li>"
                            "<li><strong>Pendanaan</strong>: setoran dan pengembalian simpanan pokok dan wajib, penerimaan dan pelunasan pinjaman bank, dan pembayaran SHU kepada anggota.</li>"
                            "</ul>"
                            "<p>Koperasi bisa mencatat SHU besar tetapi kekurangan kas, misalnya karena banyak pinjaman baru dicairkan atau persediaan menumpuk. Laporan arus kas membantu pengurus melihat hal ini lebih awal.</p>"
                            "<p><strong>Catatan atas laporan keuangan</strong> menjelaskan kebijakan akuntansi (misalnya cara menghitung penyusutan dan cadangan kerugian piutang), rincian pos penting (umur piutang, daftar aset tetap, rincian utang bank), dan kejadian penting setelah tanggal laporan. Bagi anggota dan pemberi pinjaman, catatan ini sering sama pentingnya dengan angka di laporan utama.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Laporan perubahan ekuitas tahun 2025",
                                "intro": "Pada 2025 ada 20 anggota baru (simpanan pokok Rp 100.000 per orang), 5 anggota keluar, dan RAT bulan Maret membagi SHU 2024 sebesar Rp 60.000.000 dengan 30% untuk cadangan.",
                                "table": [
                                    [
                                        "Uraian",
                                        "Simpanan pokok",
                                        "Simpanan wajib",
                                        "Cadangan",
                                        "SHU",
                                        "Jumlah",
                                    ],
                                    [
                                        "Saldo 1 Januari 2025",
                                        "Rp 38.500.000",
                                        "Rp 150.000.000",
                                        "Rp 38.000.000",
                                        "Rp 60.000.000",
                                        "Rp 286.500.000",
                                    ],
                                    [
                                        "Setoran simpanan",
                                        "Rp 2.000.000",
                                        "Rp 48.000.000",
                                        "-",
                                        "-",
                                        "Rp 50.000.000",
                                    ],
                                    [
                                        "Pengembalian simpanan 5 anggota keluar",
                                        "(Rp 500.000)",
                                        "(Rp 6.000.000)",
                                        "-",
                                        "-",
                                        "(Rp 6.500.000)",
                                    ],
                                    [
                                        "Pembagian SHU 2024",
                                        "-",
                                        "-",
                                        "Rp 18.000.000",
                                        "(Rp 60.000.000)",
                                        "(Rp 42.000.000)",
                                    ],
                                    [
                                        "SHU tahun 2025",
                                        "-",
                                        "-",
                                        "-",
                                        "Rp 80.000.000",
                                        "Rp 80.000.000",
                                    ],
                                    [
                                        "Saldo 31 Desember 2025",
                                        "Rp 40.000.000",
                                        "Rp 192.000.000",
                                        "Rp 56.000.000",
                                        "Rp 80.000.000",
                                        "Rp 368.000.000",
                                    ],
                                ],
                                "explanation": "Cadangan bertambah 30% × Rp 60.000.000 = Rp 18.000.000. Sisa SHU 2024 sebesar Rp 42.000.000 keluar dari ekuitas karena menjadi hak anggota dan dana-dana lain (liabilitas) setelah diputuskan RAT. Jumlah akhir: Rp 286.500.000 + Rp 50.000.000 - Rp 6.500.000 - Rp 42.000.000 + Rp 80.000.000 = Rp 368.000.000, sama dengan jumlah ekuitas di laporan posisi keuangan.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Sisa Hasil Usaha (SHU)",
            "summary": (
                "Memahami SHU, membaginya sesuai AD/ART dan keputusan RAT, mencatat "
                "pembagiannya, dan menghitung bagian setiap anggota."
            ),
            "lessons": [
                {
                    "title": "Memahami SHU",
                    "minutes": 15,
                    "body": [
                        (
                            "text",
                            "<p>Sisa hasil usaha adalah pendapatan koperasi dalam satu tahun buku dikurangi seluruh biaya, penyusutan, dan kewajiban lain termasuk pajak. Secara angka SHU mirip laba, tetapi maknanya berbeda. Koperasi tidak bertujuan mencari keuntungan dari anggotanya sendiri; SHU terutama timbul karena anggota bertransaksi dengan koperasi, sehingga sebagian besar SHU dikembalikan kepada anggota sebanding dengan partisipasinya.</p>"
                            "<h3>Siapa yang menetapkan pembagian</h3>"
                            "<p>Undang-Undang Perkoperasian mengatur bahwa SHU, setelah dikurangi dana cadangan, dibagikan kepada anggota sebanding dengan jasa usaha yang dilakukan masing-masing anggota, serta digunakan untuk keperluan pendidikan perkoperasian dan keperluan lain, sesuai keputusan Rapat Anggota. Persentase tiap bagian ditetapkan dalam AD/ART dan disahkan setiap tahun di RAT.</p>"
                            "<h3>Bagian-bagian SHU yang lazim</h3>"
                            "<ul>"
                            "<li><strong>Dana cadangan</strong>: memperkuat modal sendiri dan menutup kerugian di masa depan; tidak dibagikan kepada anggota.</li>"
                            "<li><strong>Jasa modal (JM)</strong>: dibagi menurut simpanan anggota, biasanya simpanan pokok dan wajib.</li>"
                            "<li><strong>Jasa usaha (JU)</strong> atau jasa anggota: dibagi menurut transaksi anggota, misalnya belanja di gerai atau jasa pinjaman yang dibayar.</li>"
                            "<li><strong>Dana pengurus dan pengawas</strong>, <strong>dana karyawan</strong>, <strong>dana pendidikan</strong>, <strong>dana sosial</strong>, dan <strong>dana pembangunan daerah kerja</strong>.</li>"
                            "</ul>"
                            "<p>Sesuai prinsip balas jasa terbatas terhadap modal, bagian jasa modal sebaiknya tidak lebih besar daripada bagian jasa usaha. Anggota yang aktif bertransaksi harus merasakan manfaat lebih besar daripada anggota yang hanya menyimpan.</p>"
                            "<h3>Kapan SHU dibagi</h3>"
                            "<p>SHU baru boleh dibagi setelah laporan keuangan disahkan RAT. Sebelum itu SHU tahun berjalan tetap berada di ekuitas. Membagikan SHU sebelum RAT, atau membagikan angka yang belum memperhitungkan cadangan kerugian piutang dan penyusutan, adalah kesalahan yang sering menyebabkan koperasi kekurangan kas.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "SHU bukan uang tunai di laci",
                                "text": "SHU Rp 80.000.000 tidak berarti ada uang tunai Rp 80.000.000. Sebagian besar hasil usaha mungkin sedang dipinjam anggota atau berbentuk persediaan. Periksa laporan arus kas dan saldo kas sebelum menetapkan jadwal pembayaran SHU.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Membagi SHU sesuai AD/ART dan mencatatnya",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Setelah SHU setelah pajak diketahui, pengurus menyusun usulan pembagian dengan memakai persentase dalam AD/ART. Usulan ini dimuat dalam bahan RAT dan disahkan dalam rapat.</p>"
                            "<p>Setelah disahkan, pembagian dicatat dalam pembukuan. Bagian cadangan dipindahkan ke akun cadangan di ekuitas. Bagian anggota (jasa modal dan jasa usaha) dan dana-dana lain menjadi <strong>liabilitas</strong>, karena sudah menjadi hak pihak tertentu yang harus dibayarkan atau dipakai sesuai peruntukannya.</p>"
                            "<p>Dana pendidikan, dana sosial, dan dana lain dipakai sepanjang tahun sesuai rencana dan dicatat mengurangi akun dana yang bersangkutan. Sisa dana yang belum terpakai dilaporkan di RAT berikutnya.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Pembagian SHU 2025 sebesar Rp 80.000.000",
                                "intro": "AD/ART Koperasi Desa Merah Putih Sukamaju menetapkan persentase berikut. RAT pada 14 Maret 2026 mengesahkannya.",
                                "table": [
                                    ["Bagian", "Persentase", "Jumlah"],
                                    ["Dana cadangan", "30%", "Rp 24.000.000"],
                                    ["Jasa modal anggota", "20%", "Rp 16.000.000"],
                                    ["Jasa usaha anggota", "25%", "Rp 20.000.000"],
                                    [
                                        "Dana pengurus dan pengawas",
                                        "10%",
                                        "Rp 8.000.000",
                                    ],
                                    ["Dana karyawan", "5%", "Rp 4.000.000"],
                                    ["Dana pendidikan", "5%", "Rp 4.000.000"],
                                    ["Dana sosial", "2,5%", "Rp 2.000.000"],
                                    [
                                        "Dana pembangunan daerah kerja",
                                        "2,5%",
                                        "Rp 2.000.000",
                                    ],
                                    ["Jumlah", "100%", "Rp 80.000.000"],
                                ],
                                "explanation": "Periksa selalu bahwa persentase berjumlah 100% dan rupiahnya berjumlah sama dengan SHU: Rp 24.000.000 + Rp 16.000.000 + Rp 20.000.000 + Rp 8.000.000 + Rp 4.000.000 + Rp 4.000.000 + Rp 2.000.000 + Rp 2.000.000 = Rp 80.000.000. Bagian anggota (jasa modal dan jasa usaha) seluruhnya Rp 36.000.000.",
                            },
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Jurnal pembagian SHU setelah RAT",
                                "intro": "Pada 14 Maret 2026 bendahara mencatat keputusan RAT.",
                                "table": [
                                    ["Akun", "Debit", "Kredit"],
                                    ["SHU tahun 2025", "Rp 80.000.000", ""],
                                    ["    Cadangan", "", "Rp 24.000.000"],
                                    ["    Utang SHU anggota", "", "Rp 36.000.000"],
                                    [
                                        "    Dana pengurus dan pengawas",
                                        "",
                                        "Rp 8.000.000",
                                    ],
                                    ["    Dana karyawan", "", "Rp 4.000.000"],
                                    ["    Dana pendidikan", "", "Rp 4.000.000"],
                                    ["    Dana sosial", "", "Rp 2.000.000"],
                                    [
                                        "    Dana pembangunan daerah kerja",
                                        "",
                                        "Rp 2.000.000",
                                    ],
                                    ["Jumlah", "Rp 80.000.000", "Rp 80.000.000"],
                                ],
                                "explanation": "Saat SHU dibayarkan tunai kepada anggota, jurnalnya: debit Utang SHU anggota, kredit Kas. Jika anggota memilih SHU-nya ditambahkan ke tabungan, kreditnya adalah Simpanan sukarela, bukan Kas.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Menghitung SHU setiap anggota",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Bagian setiap anggota dihitung dari dua sumber: jasa modal dan jasa usaha.</p>"
                            "<p><strong>Jasa modal anggota</strong> = (simpanan anggota ÷ total simpanan seluruh anggota) × bagian jasa modal.</p>"
                            "<p><strong>Jasa usaha anggota</strong> = (transaksi anggota ÷ total transaksi seluruh anggota) × bagian jasa usaha.</p>"
                            "<p>Simpanan yang dipakai biasanya simpanan pokok dan wajib per 31 Desember. Simpanan sukarela umumnya tidak dihitung karena sudah menerima bunga tersendiri. Transaksi yang dipakai ditetapkan dalam AD/ART atau keputusan RAT, misalnya belanja di gerai ditambah jasa pinjaman yang dibayar anggota selama setahun. Karena itu <strong>pencatatan transaksi per anggota</strong> sejak hari pertama sangat penting: tanpa kartu anggota atau catatan belanja per anggota, jasa usaha tidak dapat dibagi dengan adil.</p>"
                            "<p>Cara praktis: hitung dulu <em>faktor pengali</em>. Faktor jasa modal = bagian jasa modal ÷ total simpanan; faktor jasa usaha = bagian jasa usaha ÷ total transaksi. Setelah itu, simpanan dan transaksi setiap anggota cukup dikalikan dengan faktornya. Hasil akhir dibulatkan ke rupiah terdekat, dan selisih pembulatan dicatat sebagai penyesuaian kecil.</p>"
                            "<p>Setelah perhitungan selesai, jumlah bagian seluruh anggota harus sama dengan Rp 36.000.000 (bagian jasa modal ditambah jasa usaha). Umumkan daftar SHU per anggota agar setiap anggota dapat memeriksa angkanya.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "SHU tiga anggota Koperasi Desa Merah Putih Sukamaju",
                                "intro": "Total simpanan pokok dan wajib seluruh anggota Rp 232.000.000; bagian jasa modal Rp 16.000.000. Total transaksi anggota (belanja gerai dan jasa pinjaman) Rp 500.000.000; bagian jasa usaha Rp 20.000.000. Faktor jasa modal = 16.000.000 ÷ 232.000.000; faktor jasa usaha = 20.000.000 ÷ 500.000.000 = 0,04.",
                                "table": [
                                    [
                                        "Anggota",
                                        "Simpanan pokok + wajib",
                                        "Jasa modal",
                                        "Transaksi setahun",
                                        "Jasa usaha",
                                        "Total SHU",
                                    ],
                                    [
                                        "Bu Siti",
                                        "Rp 580.000",
                                        "Rp 40.000",
                                        "Rp 4.000.000",
                                        "Rp 160.000",
                                        "Rp 200.000",
                                    ],
                                    [
                                        "Pak Rahmat",
                                        "Rp 1.160.000",
                                        "Rp 80.000",
                                        "Rp 2.500.000",
                                        "Rp 100.000",
                                        "Rp 180.000",
                                    ],
                                    [
                                        "Bu Ani",
                                        "Rp 290.000",
                                        "Rp 20.000",
                                        "Rp 7.500.000",
                                        "Rp 300.000",
                                        "Rp 320.000",
                                    ],
                                ],
                                "explanation": "Simpanan Bu Siti Rp 580.000 adalah 0,25% dari Rp 232.000.000, sehingga jasa modalnya 0,25% × Rp 16.000.000 = Rp 40.000. Transaksinya Rp 4.000.000 × 0,04 = Rp 160.000. Bu Ani memiliki simpanan paling kecil tetapi paling aktif berbelanja dan meminjam, sehingga SHU-nya paling besar (Rp 320.000). Inilah yang dimaksud SHU sebanding dengan jasa usaha.",
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
            "text": "Persamaan dasar akuntansi adalah ...",
            "options": [
                "Aset = Pendapatan - Beban",
                "Aset = Liabilitas + Ekuitas",
                "Liabilitas = Aset + Ekuitas",
                "Ekuitas = Aset + Liabilitas",
            ],
            "correct": 1,
            "feedback": "Aset = Liabilitas + Ekuitas. Setiap transaksi menjaga persamaan ini tetap seimbang.",
        },
        {
            "type": "single",
            "text": "Anggota menyetor simpanan wajib Rp 50.000 tunai. Jurnal yang benar adalah ...",
            "options": [
                "Debit Simpanan wajib, kredit Kas",
                "Debit Kas, kredit Pendapatan",
                "Debit Kas, kredit Simpanan wajib",
                "Debit Piutang, kredit Simpanan wajib",
            ],
            "correct": 2,
            "feedback": "Kas (aset) bertambah di debit; simpanan wajib bertambah di kredit.",
        },
        {
            "type": "truefalse",
            "text": "Simpanan sukarela anggota disajikan sebagai liabilitas karena koperasi wajib mengembalikannya.",
            "correct": True,
            "feedback": "Simpanan sukarela dapat ditarik sesuai perjanjian, sehingga merupakan kewajiban koperasi.",
        },
        {
            "type": "single",
            "text": "SAK EP wajib diterapkan koperasi mulai tahun buku ...",
            "options": ["2020", "2023", "2025", "2030"],
            "correct": 2,
            "feedback": "SAK EP berlaku untuk tahun buku yang dimulai pada atau setelah 1 Januari 2025, menggantikan SAK ETAP.",
        },
        {
            "type": "numeric",
            "text": "SHU setelah pajak sebuah koperasi Rp 50.000.000. AD/ART menetapkan dana cadangan 25%. Berapa rupiah dana cadangan?",
            "answer": 12500000,
            "tolerance": 0,
            "unit": "Rp",
            "feedback": "25% × Rp 50.000.000 = Rp 12.500.000.",
        },
        {
            "type": "multiple",
            "text": "Manakah yang termasuk laporan keuangan lengkap menurut SAK EP? (pilih semua yang benar)",
            "options": [
                "Laporan posisi keuangan",
                "Laporan arus kas",
                "Daftar hadir RAT",
                "Catatan atas laporan keuangan",
            ],
            "correct": [0, 1, 3],
            "feedback": "Daftar hadir RAT adalah dokumen rapat, bukan laporan keuangan.",
        },
        {
            "type": "truefalse",
            "text": "Jika neraca saldo seimbang, pembukuan pasti bebas dari kesalahan.",
            "correct": False,
            "feedback": "Transaksi yang tidak dicatat atau dicatat ke akun yang salah dengan jumlah benar tetap menghasilkan neraca saldo seimbang.",
        },
        {
            "type": "short",
            "text": "Apa kepanjangan SHU?",
            "answers": ["sisa hasil usaha"],
            "feedback": "SHU adalah sisa hasil usaha.",
        },
        {
            "type": "single",
            "text": "Bagian SHU yang dibagi menurut besarnya transaksi anggota dengan koperasi disebut ...",
            "options": ["Jasa modal", "Jasa usaha", "Dana cadangan", "Dana sosial"],
            "correct": 1,
            "feedback": "Jasa usaha dibagi menurut partisipasi (transaksi) anggota; jasa modal menurut simpanan.",
        },
    ],
    "posttest": [
        {
            "type": "single",
            "text": "Pinjaman anggota Rp 4.000.000 dicairkan dan dipotong biaya administrasi 1%. Berapa yang dikredit ke akun Kas?",
            "options": ["Rp 4.000.000", "Rp 3.960.000", "Rp 40.000", "Rp 4.040.000"],
            "correct": 1,
            "feedback": "Biaya administrasi 1% = Rp 40.000, sehingga kas keluar Rp 3.960.000; piutang tetap didebit Rp 4.000.000.",
        },
        {
            "type": "multiple",
            "text": "Akun mana yang bertambah di sisi kredit? (pilih semua yang benar)",
            "options": [
                "Pendapatan jasa pinjaman",
                "Beban gaji",
                "Simpanan pokok",
                "Utang usaha",
            ],
            "correct": [0, 2, 3],
            "feedback": "Pendapatan, ekuitas, dan liabilitas bertambah di kredit; beban bertambah di debit.",
        },
        {
            "type": "numeric",
            "text": "Bagian jasa modal Rp 15.000.000. Total simpanan pokok dan wajib seluruh anggota Rp 300.000.000. Simpanan pokok dan wajib Pak Udin Rp 1.200.000. Berapa jasa modal Pak Udin?",
            "answer": 60000,
            "tolerance": 0,
            "unit": "Rp",
            "feedback": "Rp 1.200.000 ÷ Rp 300.000.000 = 0,4%; 0,4% × Rp 15.000.000 = Rp 60.000.",
        },
        {
            "type": "numeric",
            "text": "Saldo kas awal bulan Rp 6.000.000. Selama sebulan kas bertambah (debit) Rp 2.500.000 dan berkurang (kredit) Rp 3.750.000. Berapa saldo kas akhir bulan?",
            "answer": 4750000,
            "tolerance": 0,
            "unit": "Rp",
            "feedback": "Rp 6.000.000 + Rp 2.500.000 - Rp 3.750.000 = Rp 4.750.000.",
        },
        {
            "type": "single",
            "text": "Menurut SAK EP, kapan simpanan pokok dan wajib disajikan sebagai ekuitas?",
            "options": [
                "Selalu, dalam keadaan apa pun",
                "Jika koperasi memiliki hak tanpa syarat untuk menolak pengembaliannya, atau pengembaliannya dilarang oleh peraturan atau anggaran dasar",
                "Jika jumlahnya lebih besar dari simpanan sukarela",
                "Jika disetor tunai",
            ],
            "correct": 1,
            "feedback": "Klasifikasi mengikuti substansi: jika koperasi wajib mengembalikannya tanpa dapat menolak, simpanan lebih tepat disajikan sebagai liabilitas.",
        },
        {
            "type": "truefalse",
            "text": "SHU boleh dibagikan kepada anggota sebelum laporan keuangan disahkan RAT.",
            "correct": False,
            "feedback": "Pembagian SHU ditetapkan Rapat Anggota setelah laporan keuangan disahkan.",
        },
        {
            "type": "single",
            "text": "Setelah RAT menetapkan pembagian SHU, bagian jasa modal dan jasa usaha anggota dicatat sebagai ...",
            "options": [
                "Pendapatan",
                "Beban",
                "Liabilitas (utang SHU anggota)",
                "Cadangan",
            ],
            "correct": 2,
            "feedback": "Bagian anggota sudah menjadi hak anggota, sehingga dicatat sebagai utang SHU sampai dibayarkan.",
        },
        {
            "type": "short",
            "text": "Daftar saldo seluruh akun buku besar pada akhir periode, untuk menguji kesamaan debit dan kredit, disebut ...",
            "answers": ["neraca saldo", "trial balance"],
            "feedback": "Neraca saldo mendaftar saldo semua akun; jumlah debit harus sama dengan jumlah kredit.",
        },
        {
            "type": "single",
            "text": "Pembelian mesin pendingin untuk gudang disajikan dalam laporan arus kas sebagai aktivitas ...",
            "options": ["Operasi", "Investasi", "Pendanaan", "Tidak disajikan"],
            "correct": 1,
            "feedback": "Pembelian aset tetap termasuk aktivitas investasi.",
        },
    ],
}
