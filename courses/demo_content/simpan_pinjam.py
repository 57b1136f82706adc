"""Demo course: Simpan Pinjam."""

COURSE = {
    "slug": "pengelolaan-simpan-pinjam-koperasi",
    "code": "SP",
    "title": "Pengelolaan Usaha Simpan Pinjam Koperasi",
    "track": "Simpan Pinjam",
    "summary": (
        "Kursus untuk pengurus, pengawas, dan pengelola unit simpan pinjam: "
        "menganalisis permohonan pinjaman dengan 5C, menerapkan tanggung renteng, "
        "menghitung jadwal angsuran bunga flat dan menurun, menjaga NPL di bawah "
        "5%, dan memahami penilaian kesehatan koperasi."
    ),
    "objectives": [
        "Menilai kelayakan permohonan pinjaman anggota dengan prinsip 5C dan menghitung kemampuan bayarnya.",
        "Menerapkan sistem tanggung renteng dalam kelompok peminjam.",
        "Menyusun jadwal angsuran dengan bunga flat dan bunga menurun, serta menjelaskan perbedaannya kepada anggota.",
        "Menghitung rasio pinjaman bermasalah (NPL) dan menyusun langkah untuk menjaganya di bawah 5%.",
        "Menjelaskan aspek dan predikat penilaian kesehatan usaha simpan pinjam koperasi.",
    ],
    "jp": 20,
    "positions": ["ketua", "bendahara", "pengurus", "pengawas", "manajer"],
    "modules": [
        {
            "title": "Dasar Usaha Simpan Pinjam dan Analisis Pinjaman",
            "summary": (
                "Prinsip usaha simpan pinjam koperasi, proses pinjaman yang tertib, "
                "analisis 5C, dan tanggung renteng."
            ),
            "lessons": [
                {
                    "title": "Prinsip dan tata kelola usaha simpan pinjam",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Usaha simpan pinjam koperasi menghimpun dana dari anggota dalam bentuk simpanan, lalu menyalurkannya kembali kepada anggota dalam bentuk pinjaman. Koperasi simpan pinjam yang hanya melayani anggotanya (<em>closed loop</em>) berada di bawah pembinaan dan pengawasan kementerian yang membidangi koperasi. Koperasi yang menghimpun dana atau menyalurkan pinjaman kepada bukan anggota masuk ranah sektor jasa keuangan yang diawasi Otoritas Jasa Keuangan sesuai Undang-Undang Nomor 4 Tahun 2023. Unit simpan pinjam Koperasi Desa/Kelurahan Merah Putih dirancang untuk melayani anggota.</p>"
                            "<h3>Sumber dana dan risikonya</h3>"
                            "<p>Dana yang dipinjamkan terutama berasal dari simpanan anggota, modal sendiri (simpanan pokok, wajib, cadangan), dan pinjaman dari bank atau lembaga lain. Sebagian dana itu, terutama simpanan sukarela, dapat ditarik sewaktu-waktu. Karena itu koperasi menghadapi dua risiko utama: <strong>risiko kredit</strong> (pinjaman tidak kembali) dan <strong>risiko likuiditas</strong> (tidak cukup uang saat anggota menarik simpanan).</p>"
                            "<h3>Aturan tertulis yang harus ada</h3>"
                            "<ul>"
                            "<li><strong>SOP pinjaman</strong>: syarat peminjam, dokumen, batas maksimum pinjaman per anggota, jangka waktu, tingkat jasa, biaya administrasi, denda, dan agunan.</li>"
                            "<li><strong>Batas wewenang memutus</strong>: siapa yang boleh menyetujui pinjaman sampai jumlah berapa.</li>"
                            "<li><strong>Pemisahan tugas</strong>: petugas yang menganalisis, pejabat yang memutus, kasir yang mencairkan, dan petugas yang mencatat sebaiknya orang yang berbeda.</li>"
                            "<li><strong>Kebijakan penagihan dan restrukturisasi</strong> untuk pinjaman yang menunggak.</li>"
                            "</ul>"
                            "<p>Pinjaman kepada pengurus, pengawas, karyawan, dan keluarganya harus melalui proses yang sama dengan anggota lain dan dilaporkan tersendiri di RAT.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Alur pinjaman yang tertib",
                                "intro": "Contoh alur di unit simpan pinjam Koperasi Desa Merah Putih Sukamaju untuk pinjaman sampai Rp 15.000.000.",
                                "table": [
                                    ["Tahap", "Pelaksana", "Dokumen"],
                                    [
                                        "1. Permohonan",
                                        "Anggota",
                                        "Formulir permohonan, KTP, KK, buku simpanan",
                                    ],
                                    [
                                        "2. Analisis dan kunjungan usaha",
                                        "Petugas pinjaman",
                                        "Lembar analisis 5C, foto usaha",
                                    ],
                                    [
                                        "3. Keputusan",
                                        "Komite pinjaman (ketua dan bendahara) sesuai batas wewenang",
                                        "Lembar keputusan bertanda tangan",
                                    ],
                                    [
                                        "4. Akad",
                                        "Anggota dan pengurus",
                                        "Surat perjanjian pinjaman dan jadwal angsuran",
                                    ],
                                    [
                                        "5. Pencairan",
                                        "Kasir",
                                        "Bukti kas keluar, tanda terima anggota",
                                    ],
                                    [
                                        "6. Pencatatan dan pemantauan",
                                        "Bagian pembukuan",
                                        "Kartu pinjaman, daftar umur pinjaman bulanan",
                                    ],
                                ],
                                "explanation": "Tidak ada satu orang pun yang menguasai seluruh alur. Pengawas dapat mengambil beberapa berkas secara acak dan memeriksa apakah keenam tahap terdokumentasi.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Analisis pinjaman dengan 5C",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Analisis 5C adalah cara sistematis menilai apakah seorang anggota <strong>mau</strong> dan <strong>mampu</strong> mengembalikan pinjamannya.</p>"
                            "<ol>"
                            "<li><strong>Character (watak)</strong>: kejujuran dan kesungguhan membayar. Lihat riwayat pinjaman di koperasi, keteraturan simpanan wajib, dan keterangan dari ketua kelompok atau tetangga.</li>"
                            "<li><strong>Capacity (kemampuan)</strong>: kemampuan membayar angsuran dari penghasilan. Hitung pendapatan bersih, kurangi pengeluaran rumah tangga dan cicilan lain.</li>"
                            "<li><strong>Capital (modal)</strong>: modal sendiri yang ditanam pemohon dalam usahanya. Pemohon yang ikut menanggung risiko dengan modalnya sendiri biasanya lebih bersungguh-sungguh.</li>"
                            "<li><strong>Collateral (agunan)</strong>: jaminan yang dapat dijual bila pinjaman macet, misalnya BPKB kendaraan atau sertifikat tanah. Agunan adalah jalan keluar terakhir, bukan dasar utama keputusan.</li>"
                            "<li><strong>Condition (kondisi)</strong>: keadaan di luar pemohon yang memengaruhi usahanya, seperti musim panen, harga komoditas, atau akses jalan.</li>"
                            "</ol>"
                            "<p>Dari kelima C, <em>character</em> dan <em>capacity</em> paling menentukan. Agunan yang bagus tidak mengubah pinjaman yang angsurannya melebihi kemampuan menjadi pinjaman yang sehat; ia hanya mengubah masalah kredit menjadi masalah penyitaan, yang merusak hubungan koperasi dengan anggotanya.</p>"
                            "<h3>Menghitung kemampuan bayar</h3>"
                            "<p>Banyak koperasi menetapkan bahwa angsuran tidak boleh melebihi persentase tertentu dari sisa pendapatan bersih setelah kebutuhan rumah tangga dan cicilan lain. Persentase ini ditetapkan dalam SOP. Contoh di bawah memakai batas 70%.</p>"
                            "<p>Untuk pinjaman usaha musiman, seperti pertanian, pertimbangkan jadwal angsuran yang mengikuti musim panen, asalkan diatur jelas dalam perjanjian.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Kemampuan bayar Pak Darto, pedagang sayur",
                                "intro": "Pak Darto mengajukan pinjaman Rp 10.000.000 selama 12 bulan dengan jasa flat 1% per bulan. SOP: angsuran paling banyak 70% dari sisa pendapatan.",
                                "table": [
                                    ["Uraian", "Jumlah per bulan"],
                                    ["Pendapatan bersih usaha", "Rp 4.500.000"],
                                    ["Pengeluaran rumah tangga", "(Rp 2.700.000)"],
                                    ["Cicilan sepeda motor", "(Rp 600.000)"],
                                    ["Sisa pendapatan", "Rp 1.200.000"],
                                    [
                                        "Batas angsuran (70% × Rp 1.200.000)",
                                        "Rp 840.000",
                                    ],
                                    [
                                        "Angsuran diminta: Rp 10.000.000 ÷ 12 + 1% × Rp 10.000.000",
                                        "Rp 833.333 + Rp 100.000 = Rp 933.333",
                                    ],
                                    [
                                        "Alternatif A: Rp 9.000.000 selama 12 bulan",
                                        "Rp 750.000 + Rp 90.000 = Rp 840.000",
                                    ],
                                    [
                                        "Alternatif B: Rp 10.000.000 selama 15 bulan",
                                        "Rp 666.667 + Rp 100.000 = Rp 766.667",
                                    ],
                                ],
                                "explanation": "Angsuran yang diminta (Rp 933.333) melebihi batas Rp 840.000, sehingga permohonan tidak layak dalam bentuk aslinya. Petugas menawarkan dua alternatif yang berada dalam batas. Karakter Pak Darto baik (simpanan wajib tidak pernah terlambat), modal sendiri di usahanya sekitar Rp 8.000.000, dan usahanya tidak musiman, sehingga komite menyetujui alternatif B.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Tanggung renteng",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p><strong>Tanggung renteng</strong> adalah sistem tanggung jawab bersama dalam kelompok peminjam. Setiap anggota kelompok ikut bertanggung jawab atas pinjaman anggota lain. Jika seorang anggota tidak membayar angsuran, anggota kelompok lainnya menalanginya lebih dahulu, lalu menyelesaikannya secara kekeluargaan dengan anggota yang bersangkutan. Sistem ini dikenal luas di koperasi wanita dan sangat cocok untuk anggota di desa yang belum memiliki agunan.</p>"
                            "<h3>Mengapa tanggung renteng bekerja</h3>"
                            "<ul>"
                            "<li><strong>Seleksi oleh kelompok.</strong> Anggota tidak mau sekelompok dengan orang yang dikenal tidak jujur, sehingga kelompok sudah menyaring risiko sebelum koperasi menganalisis.</li>"
                            "<li><strong>Pengawasan sesama.</strong> Anggota kelompok saling mengingatkan karena tunggakan satu orang menjadi beban bersama.</li>"
                            "<li><strong>Pertemuan rutin.</strong> Angsuran dibayar dalam pertemuan kelompok, yang sekaligus menjadi sarana pendidikan dan pembinaan.</li>"
                            "</ul>"
                            "<h3>Syarat agar adil</h3>"
                            "<ol>"
                            "<li>Kelompok dibentuk secara sukarela, biasanya 5 sampai 15 orang yang saling mengenal dan tinggal berdekatan.</li>"
                            "<li>Kesepakatan tanggung renteng ditulis dan ditandatangani semua anggota kelompok, termasuk cara penyelesaian dengan anggota yang ditalangi.</li>"
                            "<li>Setiap permohonan pinjaman dibahas dan disetujui dalam pertemuan kelompok sebelum diajukan ke koperasi.</li>"
                            "<li>Koperasi tetap melakukan analisis kemampuan bayar setiap peminjam; tanggung renteng bukan alasan untuk melonggarkan analisis.</li>"
                            "<li>Pertemuan kelompok dicatat, termasuk siapa yang menalangi dan berapa.</li>"
                            "</ol>"
                            "<p>Tanggung renteng bisa gagal jika kelompok dibentuk asal-asalan oleh petugas demi mengejar target, jika pinjaman terlalu besar dibanding kemampuan, atau jika kelompok dibiarkan tanpa pendampingan.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Kelompok Melati menalangi angsuran",
                                "intro": "Lima anggota Kelompok Melati masing-masing meminjam Rp 2.000.000 selama 10 bulan dengan jasa flat 1,5% per bulan. Pada bulan ke-4, Bu Rina tidak dapat membayar karena anaknya dirawat di puskesmas.",
                                "table": [
                                    ["Uraian", "Perhitungan", "Jumlah"],
                                    [
                                        "Pokok per bulan per orang",
                                        "Rp 2.000.000 ÷ 10",
                                        "Rp 200.000",
                                    ],
                                    [
                                        "Jasa per bulan per orang",
                                        "1,5% × Rp 2.000.000",
                                        "Rp 30.000",
                                    ],
                                    [
                                        "Angsuran per orang",
                                        "Rp 200.000 + Rp 30.000",
                                        "Rp 230.000",
                                    ],
                                    [
                                        "Setoran kelompok normal",
                                        "5 × Rp 230.000",
                                        "Rp 1.150.000",
                                    ],
                                    [
                                        "Talangan per anggota lain (bulan ke-4)",
                                        "Rp 230.000 ÷ 4",
                                        "Rp 57.500",
                                    ],
                                ],
                                "explanation": "Pada bulan ke-4, empat anggota lain masing-masing membayar Rp 230.000 + Rp 57.500 = Rp 287.500, sehingga setoran kelompok tetap Rp 1.150.000 dan pinjaman Bu Rina tidak menunggak di koperasi. Sesuai kesepakatan tertulis, Bu Rina mengembalikan talangan Rp 230.000 kepada keempat temannya dalam dua bulan berikutnya.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Menghitung Angsuran Pinjaman",
            "summary": (
                "Jadwal angsuran dengan bunga flat dan bunga menurun, perbandingan "
                "biaya sebenarnya, dan cara menjelaskannya secara jujur kepada anggota."
            ),
            "lessons": [
                {
                    "title": "Angsuran dengan bunga flat",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Pada metode <strong>bunga flat</strong> (bunga tetap), jasa pinjaman setiap bulan dihitung dari <strong>pokok pinjaman awal</strong>, walaupun pokok yang tersisa terus berkurang. Rumusnya:</p>"
                            "<ul>"
                            "<li>Pokok per bulan = pokok pinjaman ÷ jangka waktu (bulan)</li>"
                            "<li>Jasa per bulan = tingkat jasa per bulan × pokok pinjaman awal</li>"
                            "<li>Angsuran per bulan = pokok per bulan + jasa per bulan</li>"
                            "</ul>"
                            "<p>Kelebihan metode flat adalah sederhana: angsuran sama setiap bulan, mudah dihitung petugas, dan mudah diingat anggota. Karena itu metode ini banyak dipakai koperasi desa dan kelompok tanggung renteng.</p>"
                            "<p>Kelemahannya, anggota membayar jasa atas pokok yang sebenarnya sudah ia kembalikan. Pada bulan terakhir, sisa pokok tinggal sedikit, tetapi jasanya masih dihitung dari pokok awal. Akibatnya biaya sebenarnya lebih tinggi daripada angka persentase yang tertulis. Hal ini dibahas pada pelajaran ketiga modul ini.</p>"
                            "<h3>Pembulatan</h3>"
                            "<p>Jika pokok tidak habis dibagi jangka waktu, misalnya Rp 10.000.000 ÷ 12 = Rp 833.333,33, bulatkan angsuran bulanan dan sesuaikan selisihnya pada angsuran terakhir, sehingga jumlah pokok yang dibayar tepat sama dengan pinjaman. Tuliskan aturan pembulatan ini dalam SOP.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Jadwal angsuran flat Rp 12.000.000, 12 bulan, jasa 1% per bulan",
                                "intro": "Bu Wati meminjam Rp 12.000.000 untuk menambah stok warung, jangka waktu 12 bulan, jasa flat 1% per bulan.",
                                "table": [
                                    [
                                        "Bulan ke-",
                                        "Pokok",
                                        "Jasa",
                                        "Angsuran",
                                        "Sisa pokok",
                                    ],
                                    [
                                        "1",
                                        "Rp 1.000.000",
                                        "Rp 120.000",
                                        "Rp 1.120.000",
                                        "Rp 11.000.000",
                                    ],
                                    [
                                        "2",
                                        "Rp 1.000.000",
                                        "Rp 120.000",
                                        "Rp 1.120.000",
                                        "Rp 10.000.000",
                                    ],
                                    [
                                        "3",
                                        "Rp 1.000.000",
                                        "Rp 120.000",
                                        "Rp 1.120.000",
                                        "Rp 9.000.000",
                                    ],
                                    [
                                        "4 s.d. 11",
                                        "Rp 1.000.000 per bulan",
                                        "Rp 120.000 per bulan",
                                        "Rp 1.120.000 per bulan",
                                        "turun Rp 1.000.000 per bulan",
                                    ],
                                    [
                                        "12",
                                        "Rp 1.000.000",
                                        "Rp 120.000",
                                        "Rp 1.120.000",
                                        "Rp 0",
                                    ],
                                    [
                                        "Jumlah",
                                        "Rp 12.000.000",
                                        "Rp 1.440.000",
                                        "Rp 13.440.000",
                                        "",
                                    ],
                                ],
                                "explanation": "Pokok per bulan Rp 12.000.000 ÷ 12 = Rp 1.000.000; jasa 1% × Rp 12.000.000 = Rp 120.000 setiap bulan. Total jasa selama setahun 12 × Rp 120.000 = Rp 1.440.000. Pada bulan ke-12 sisa pokok sebelum membayar tinggal Rp 1.000.000, tetapi jasanya tetap Rp 120.000, yaitu 12% dari sisa pokok bulan itu.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Angsuran dengan bunga menurun",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Pada metode <strong>bunga menurun</strong> (sering disebut bunga efektif atau <em>sliding rate</em>), jasa setiap bulan dihitung dari <strong>sisa pokok</strong> pada awal bulan itu. Dengan pokok yang dibayar sama setiap bulan, jasa dan angsuran makin kecil dari bulan ke bulan.</p>"
                            "<ul>"
                            "<li>Pokok per bulan = pokok pinjaman ÷ jangka waktu</li>"
                            "<li>Jasa bulan ke-n = tingkat jasa per bulan × sisa pokok awal bulan ke-n</li>"
                            "<li>Angsuran bulan ke-n = pokok per bulan + jasa bulan ke-n</li>"
                            "</ul>"
                            "<p>Metode ini lebih adil karena anggota hanya membayar jasa atas uang yang masih ia pakai. Kekurangannya, angsuran berbeda setiap bulan dan angsuran awal lebih besar. Bagi anggota berpenghasilan pas-pasan, angsuran pertama yang tinggi perlu diperhitungkan dalam analisis kemampuan bayar.</p>"
                            "<p>Ada juga variasi <strong>anuitas</strong>: angsuran dibuat sama setiap bulan, tetapi porsi jasanya menurun dan porsi pokoknya naik. Untuk Rp 12.000.000 selama 12 bulan dengan 1% per bulan, angsuran anuitasnya sekitar Rp 1.066.185 per bulan dengan total jasa sekitar Rp 794.000. Hitungan anuitas memerlukan rumus atau lembar kerja, sehingga koperasi kecil lebih sering memakai pokok tetap seperti contoh di bawah.</p>"
                            "<p>Dengan kartu pinjaman yang baik, petugas cukup mencatat sisa pokok setiap bulan, lalu mengalikan dengan tingkat jasa. Lembar kerja di komputer atau aplikasi koperasi dapat membuat seluruh jadwal sekaligus untuk diberikan kepada anggota saat akad.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Jadwal angsuran menurun Rp 12.000.000, 12 bulan, jasa 1% per bulan",
                                "intro": "Pinjaman yang sama dengan contoh bunga flat, tetapi jasa dihitung dari sisa pokok awal setiap bulan.",
                                "table": [
                                    [
                                        "Bulan ke-",
                                        "Sisa pokok awal bulan",
                                        "Pokok",
                                        "Jasa (1%)",
                                        "Angsuran",
                                    ],
                                    [
                                        "1",
                                        "Rp 12.000.000",
                                        "Rp 1.000.000",
                                        "Rp 120.000",
                                        "Rp 1.120.000",
                                    ],
                                    [
                                        "2",
                                        "Rp 11.000.000",
                                        "Rp 1.000.000",
                                        "Rp 110.000",
                                        "Rp 1.110.000",
                                    ],
                                    [
                                        "3",
                                        "Rp 10.000.000",
                                        "Rp 1.000.000",
                                        "Rp 100.000",
                                        "Rp 1.100.000",
                                    ],
                                    [
                                        "4",
                                        "Rp 9.000.000",
                                        "Rp 1.000.000",
                                        "Rp 90.000",
                                        "Rp 1.090.000",
                                    ],
                                    [
                                        "5",
                                        "Rp 8.000.000",
                                        "Rp 1.000.000",
                                        "Rp 80.000",
                                        "Rp 1.080.000",
                                    ],
                                    [
                                        "6",
                                        "Rp 7.000.000",
                                        "Rp 1.000.000",
                                        "Rp 70.000",
                                        "Rp 1.070.000",
                                    ],
                                    [
                                        "7",
                                        "Rp 6.000.000",
                                        "Rp 1.000.000",
                                        "Rp 60.000",
                                        "Rp 1.060.000",
                                    ],
                                    [
                                        "8",
                                        "Rp 5.000.000",
                                        "Rp 1.000.000",
                                        "Rp 50.000",
                                        "Rp 1.050.000",
                                    ],
                                    [
                                        "9",
                                        "Rp 4.000.000",
                                        "Rp 1.000.000",
                                        "Rp 40.000",
                                        "Rp 1.040.000",
                                    ],
                                    [
                                        "10",
                                        "Rp 3.000.000",
                                        "Rp 1.000.000",
                                        "Rp 30.000",
                                        "Rp 1.030.000",
                                    ],
                                    [
                                        "11",
                                        "Rp 2.000.000",
                                        "Rp 1.000.000",
                                        "Rp 20.000",
                                        "Rp 1.020.000",
                                    ],
                                    [
                                        "12",
                                        "Rp 1.000.000",
                                        "Rp 1.000.000",
                                        "Rp 10.000",
                                        "Rp 1.010.000",
                                    ],
                                    [
                                        "Jumlah",
                                        "",
                                        "Rp 12.000.000",
                                        "Rp 780.000",
                                        "Rp 12.780.000",
                                    ],
                                ],
                                "explanation": "Jasa total = 1% × (Rp 12.000.000 + Rp 11.000.000 + ... + Rp 1.000.000) = 1% × Rp 78.000.000 = Rp 780.000. Dibandingkan bunga flat dengan angka persentase yang sama (Rp 1.440.000), anggota menghemat Rp 660.000. Angsuran pertama sama dengan flat (Rp 1.120.000), lalu turun Rp 10.000 setiap bulan.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Menjelaskan biaya pinjaman secara jujur",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            '<p>Anggota berhak memahami berapa sebenarnya biaya pinjamannya. Angka "1% per bulan" terdengar sama, padahal flat dan menurun menghasilkan biaya yang jauh berbeda. Koperasi yang jujur menjelaskan perbedaan ini sebelum akad.</p>'
                            "<h3>Yang wajib disampaikan saat akad</h3>"
                            "<ul>"
                            "<li>metode perhitungan jasa (flat, menurun, atau anuitas) dan tingkatnya per bulan;</li>"
                            "<li>jadwal angsuran lengkap: tanggal, pokok, jasa, jumlah angsuran, dan sisa pokok;</li>"
                            "<li>semua biaya lain: administrasi, provisi, asuransi, materai;</li>"
                            "<li>denda keterlambatan dan cara menghitungnya;</li>"
                            "<li>ketentuan pelunasan dipercepat.</li>"
                            "</ul>"
                            "<h3>Membandingkan flat dan menurun</h3>"
                            "<p>Bunga flat 1% per bulan setara dengan bunga menurun sekitar 1,79% per bulan, atau sekitar 21,5% setahun, untuk pinjaman 12 bulan. Artinya, anggota yang membandingkan tawaran flat 1% dengan tawaran menurun 1,5% perlu tahu bahwa tawaran menurun 1,5% sebenarnya lebih murah.</p>"
                            "<h3>Pelunasan dipercepat</h3>"
                            "<p>Pada metode flat, jika anggota melunasi sebelum jatuh tempo, praktik yang adil adalah meminta sisa pokok ditambah jasa bulan berjalan, bukan seluruh jasa yang belum jatuh tempo. Jika koperasi mengenakan biaya pelunasan dipercepat, besarnya harus wajar dan tertulis dalam perjanjian.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Total biaya pinjaman Rp 12.000.000 selama 12 bulan",
                                "intro": "Perbandingan untuk Bu Wati dengan jasa 1% per bulan dan biaya administrasi 1% dari pokok.",
                                "table": [
                                    ["Uraian", "Bunga flat", "Bunga menurun"],
                                    ["Total jasa", "Rp 1.440.000", "Rp 780.000"],
                                    [
                                        "Biaya administrasi (1% × Rp 12.000.000)",
                                        "Rp 120.000",
                                        "Rp 120.000",
                                    ],
                                    [
                                        "Total biaya pinjaman",
                                        "Rp 1.560.000",
                                        "Rp 900.000",
                                    ],
                                    [
                                        "Angsuran bulan pertama",
                                        "Rp 1.120.000",
                                        "Rp 1.120.000",
                                    ],
                                    [
                                        "Angsuran bulan terakhir",
                                        "Rp 1.120.000",
                                        "Rp 1.010.000",
                                    ],
                                    [
                                        "Pelunasan setelah angsuran ke-6 (sisa pokok + jasa bulan ke-7)",
                                        "Rp 6.000.000 + Rp 120.000 = Rp 6.120.000",
                                        "Rp 6.000.000 + Rp 60.000 = Rp 6.060.000",
                                    ],
                                ],
                                "explanation": "Setelah 6 angsuran, sisa pokok pada kedua metode sama, yaitu Rp 6.000.000, karena pokok dibayar Rp 1.000.000 setiap bulan. Yang berbeda hanyalah jasa bulan berjalan: flat tetap dari pokok awal (Rp 120.000), menurun dari sisa pokok (1% × Rp 6.000.000 = Rp 60.000). Sajikan tabel seperti ini kepada anggota agar ia memilih dengan sadar.",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Kualitas Pinjaman dan Kesehatan Koperasi",
            "summary": (
                "Kolektibilitas dan rasio NPL, penanganan pinjaman bermasalah dan "
                "cadangan kerugian, serta penilaian kesehatan usaha simpan pinjam."
            ),
            "lessons": [
                {
                    "title": "Kolektibilitas dan rasio NPL",
                    "minutes": 25,
                    "body": [
                        (
                            "text",
                            "<p>Setiap akhir bulan, pinjaman anggota digolongkan menurut lamanya tunggakan. Penggolongan ini disebut <strong>kolektibilitas</strong>. Banyak koperasi memakai empat golongan berikut; batas harinya ditetapkan dalam SOP dengan mengacu pada pedoman yang berlaku:</p>"
                            "<ul>"
                            "<li><strong>Lancar</strong>: angsuran dibayar tepat waktu atau terlambat sangat singkat;</li>"
                            "<li><strong>Kurang lancar</strong>: menunggak beberapa angsuran, misalnya lebih dari 1 sampai 3 bulan;</li>"
                            "<li><strong>Diragukan</strong>: menunggak lebih lama, misalnya lebih dari 3 sampai 6 bulan;</li>"
                            "<li><strong>Macet</strong>: menunggak sangat lama atau peminjam tidak dapat ditemui.</li>"
                            "</ul>"
                            "<p>Pinjaman kurang lancar, diragukan, dan macet disebut <strong>pinjaman bermasalah</strong> atau <em>non-performing loan</em> (NPL).</p>"
                            "<p><strong>Rasio NPL = pinjaman bermasalah ÷ total pinjaman beredar × 100%</strong></p>"
                            "<p>Rasio NPL yang sehat dijaga <strong>di bawah 5%</strong>. Di atas itu, pendapatan jasa berkurang, cadangan kerugian membesar, SHU menyusut, dan kepercayaan penyimpan terancam. Dalam penilaian kesehatan resmi, pinjaman bermasalah dapat diberi bobot berbeda menurut golongannya; rumus sederhana di atas memakai jumlah penuh dan cukup untuk pemantauan bulanan oleh pengurus.</p>"
                            "<p>Alat pemantauan yang paling berguna adalah <strong>daftar umur pinjaman</strong> setiap akhir bulan: nama peminjam, sisa pokok, jumlah hari tunggakan, dan golongannya. Pengurus dan pengawas membaca daftar ini setiap bulan, bukan hanya menjelang RAT.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "NPL unit simpan pinjam per 30 Juni",
                                "intro": "Total pinjaman beredar Rp 850.000.000 dengan rincian kolektibilitas berikut.",
                                "table": [
                                    ["Golongan", "Sisa pokok", "Porsi"],
                                    ["Lancar", "Rp 790.000.000", "92,94%"],
                                    ["Kurang lancar", "Rp 25.000.000", "2,94%"],
                                    ["Diragukan", "Rp 15.000.000", "1,76%"],
                                    ["Macet", "Rp 20.000.000", "2,35%"],
                                    ["Jumlah", "Rp 850.000.000", "100%"],
                                    [
                                        "Pinjaman bermasalah",
                                        "Rp 60.000.000",
                                        "NPL 7,06%",
                                    ],
                                ],
                                "explanation": "NPL = Rp 60.000.000 ÷ Rp 850.000.000 × 100% = 7,06%, di atas batas 5%. Agar di bawah 5% tanpa mengubah total pinjaman, pinjaman bermasalah harus kurang dari 5% × Rp 850.000.000 = Rp 42.500.000. Jika penagihan berhasil membuat pinjaman macet Rp 20.000.000 lunas, total pinjaman menjadi Rp 830.000.000 dan NPL menjadi Rp 40.000.000 ÷ Rp 830.000.000 = 4,82%.",
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Jangan menurunkan NPL dengan memperbesar pinjaman",
                                "text": "Menambah pinjaman baru dalam jumlah besar memang memperkecil rasio sementara, karena penyebutnya membesar, tetapi pinjaman bermasalahnya tetap ada. Jika analisis pinjaman baru dilonggarkan demi mengejar angka, NPL biasanya naik lagi setahun kemudian.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Menangani pinjaman bermasalah dan cadangan kerugian",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Pinjaman bermasalah paling mudah ditangani pada hari-hari pertama tunggakan. Semakin lama dibiarkan, semakin kecil peluang kembali.</p>"
                            "<h3>Langkah bertahap</h3>"
                            "<ol>"
                            "<li><strong>Pengingat sebelum jatuh tempo</strong> melalui pesan singkat atau ketua kelompok.</li>"
                            "<li><strong>Kunjungan dalam minggu pertama tunggakan</strong> untuk mengetahui penyebabnya: usaha menurun, sakit, bencana, atau memang tidak mau membayar.</li>"
                            "<li><strong>Restrukturisasi</strong> bagi anggota yang beriktikad baik tetapi kemampuannya turun: memperpanjang jangka waktu (penjadwalan ulang) atau mengubah syarat (persyaratan ulang). Restrukturisasi diputuskan sesuai wewenang, dicatat, dan tidak boleh dipakai hanya untuk menyembunyikan tunggakan.</li>"
                            "<li><strong>Surat peringatan</strong> bertahap dan, untuk kelompok tanggung renteng, penyelesaian melalui kelompok.</li>"
                            "<li><strong>Penyelesaian melalui agunan</strong> sesuai perjanjian dan hukum yang berlaku, sebagai langkah terakhir.</li>"
                            "</ol>"
                            "<h3>Cadangan kerugian</h3>"
                            "<p>Sesuai SAK EP, pinjaman yang diperkirakan tidak tertagih seluruhnya harus dicadangkan. Cadangan mengurangi nilai piutang di laporan posisi keuangan dan dicatat sebagai beban, sehingga SHU tidak tampak lebih besar daripada kenyataan. Cara praktis yang banyak dipakai adalah persentase per golongan kolektibilitas yang ditetapkan dalam kebijakan akuntansi koperasi dan ditinjau setiap tahun.</p>"
                            "<p>Pinjaman macet yang sudah diupayakan maksimal dapat <strong>dihapusbukukan</strong> dengan keputusan sesuai AD/ART dan dilaporkan di RAT. Hapus buku hanya menghapus dari pembukuan; hak tagih koperasi tetap ada dan penagihan boleh berlanjut.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Menghitung cadangan kerugian pinjaman",
                                "intro": "Memakai data kolektibilitas 30 Juni dan contoh persentase cadangan dalam kebijakan akuntansi koperasi.",
                                "table": [
                                    [
                                        "Golongan",
                                        "Sisa pokok",
                                        "Persentase cadangan",
                                        "Cadangan",
                                    ],
                                    ["Lancar", "Rp 790.000.000", "1%", "Rp 7.900.000"],
                                    [
                                        "Kurang lancar",
                                        "Rp 25.000.000",
                                        "10%",
                                        "Rp 2.500.000",
                                    ],
                                    [
                                        "Diragukan",
                                        "Rp 15.000.000",
                                        "50%",
                                        "Rp 7.500.000",
                                    ],
                                    ["Macet", "Rp 20.000.000", "100%", "Rp 20.000.000"],
                                    ["Jumlah", "Rp 850.000.000", "", "Rp 37.900.000"],
                                ],
                                "explanation": "Cadangan yang diperlukan Rp 37.900.000. Jika saldo cadangan di pembukuan baru Rp 30.000.000, kekurangannya Rp 7.900.000 dicatat: debit Beban kerugian penurunan nilai piutang, kredit Cadangan kerugian penurunan nilai piutang. Persentase di atas hanya contoh; koperasi menetapkan persentasenya sendiri berdasarkan pengalaman penagihannya.",
                            },
                        ),
                    ],
                },
                {
                    "title": "Penilaian kesehatan usaha simpan pinjam",
                    "minutes": 20,
                    "body": [
                        (
                            "text",
                            "<p>Penilaian kesehatan adalah pemeriksaan berkala terhadap kondisi koperasi simpan pinjam dan unit simpan pinjam koperasi. Penilaian dilakukan oleh koperasi sendiri maupun oleh pejabat pengawas dari pemerintah, memakai pedoman resmi dari kementerian yang membidangi koperasi. Pedoman yang selama ini banyak dipakai adalah Peraturan Deputi Bidang Pengawasan Nomor 06/Per/Dep.6/IV/2016; selalu periksa apakah ada pedoman yang lebih baru.</p>"
                            "<h3>Aspek yang dinilai</h3>"
                            "<ul>"
                            "<li><strong>Permodalan</strong> (bobot 15): kecukupan modal sendiri terhadap aset dan pinjaman berisiko.</li>"
                            "<li><strong>Kualitas aktiva produktif</strong> (bobot 25): porsi pinjaman kepada anggota, pinjaman bermasalah, dan kecukupan cadangan risiko.</li>"
                            "<li><strong>Manajemen</strong> (bobot 15): manajemen umum, kelembagaan, permodalan, aktiva, dan likuiditas, dinilai melalui daftar pertanyaan.</li>"
                            "<li><strong>Efisiensi</strong> (bobot 10): perbandingan beban dengan pendapatan dan pelayanan.</li>"
                            "<li><strong>Likuiditas</strong> (bobot 15): rasio kas dan perbandingan pinjaman dengan dana yang diterima.</li>"
                            "<li><strong>Kemandirian dan pertumbuhan</strong> (bobot 10): rentabilitas aset dan modal sendiri serta kemandirian operasional.</li>"
                            "<li><strong>Jati diri koperasi</strong> (bobot 10): partisipasi anggota dan manfaat ekonomi bagi anggota.</li>"
                            "</ul>"
                            "<h3>Predikat kesehatan</h3>"
                            "<ul>"
                            "<li><strong>Sehat</strong>: skor 80 sampai 100;</li>"
                            "<li><strong>Cukup sehat</strong>: skor 66 sampai kurang dari 80;</li>"
                            "<li><strong>Dalam pengawasan</strong>: skor 51 sampai kurang dari 66;</li>"
                            "<li><strong>Dalam pengawasan khusus</strong>: skor kurang dari 51.</li>"
                            "</ul>"
                            "<p>Koperasi dengan predikat dalam pengawasan atau dalam pengawasan khusus wajib menyusun dan menjalankan rencana perbaikan. Predikat kesehatan juga sering diminta oleh bank atau lembaga yang akan memberi pinjaman kepada koperasi.</p>",
                        ),
                        (
                            "worked_example",
                            {
                                "title": "Skor kesehatan unit simpan pinjam",
                                "intro": "Hasil penilaian mandiri unit simpan pinjam Koperasi Desa Merah Putih Sukamaju untuk tahun buku 2025.",
                                "table": [
                                    ["Aspek", "Bobot", "Skor diperoleh"],
                                    ["Permodalan", "15", "12"],
                                    ["Kualitas aktiva produktif", "25", "15"],
                                    ["Manajemen", "15", "12"],
                                    ["Efisiensi", "10", "7,5"],
                                    ["Likuiditas", "15", "12"],
                                    ["Kemandirian dan pertumbuhan", "10", "7"],
                                    ["Jati diri koperasi", "10", "8"],
                                    ["Jumlah", "100", "73,5"],
                                ],
                                "explanation": "Skor 12 + 15 + 12 + 7,5 + 12 + 7 + 8 = 73,5 berada di rentang 66 sampai kurang dari 80, sehingga predikatnya cukup sehat. Aspek terlemah adalah kualitas aktiva produktif (15 dari 25), sejalan dengan NPL 7,06%. Rencana perbaikan sebaiknya dimulai dari penagihan pinjaman bermasalah dan penambahan cadangan.",
                            },
                        ),
                    ],
                },
            ],
        },
    ],
    "pretest": [
        {
            "type": "multiple",
            "text": "Manakah yang termasuk prinsip 5C dalam analisis pinjaman? (pilih semua yang benar)",
            "options": ["Character", "Capacity", "Cooperation", "Collateral"],
            "correct": [0, 1, 3],
            "feedback": "5C: character, capacity, capital, collateral, condition. Cooperation bukan bagian dari 5C.",
        },
        {
            "type": "numeric",
            "text": "Pinjaman Rp 6.000.000 selama 12 bulan dengan jasa flat 1,5% per bulan. Berapa angsuran per bulan?",
            "answer": 590000,
            "tolerance": 0,
            "unit": "Rp",
            "feedback": "Pokok Rp 6.000.000 ÷ 12 = Rp 500.000; jasa 1,5% × Rp 6.000.000 = Rp 90.000; angsuran Rp 590.000.",
        },
        {
            "type": "single",
            "text": "Batas rasio NPL yang dianggap sehat adalah ...",
            "options": [
                "Di bawah 5%",
                "Di bawah 15%",
                "Di bawah 25%",
                "Tidak ada batas",
            ],
            "correct": 0,
            "feedback": "NPL dijaga di bawah 5% dari total pinjaman beredar.",
        },
        {
            "type": "truefalse",
            "text": "Pada bunga flat, jasa setiap bulan dihitung dari sisa pokok pinjaman.",
            "correct": False,
            "feedback": "Bunga flat dihitung dari pokok awal. Yang dihitung dari sisa pokok adalah bunga menurun.",
        },
        {
            "type": "single",
            "text": "Dalam sistem tanggung renteng, jika satu anggota kelompok tidak membayar angsuran, maka ...",
            "options": [
                "Koperasi langsung menyita agunannya",
                "Anggota kelompok lainnya menalangi angsurannya",
                "Pinjaman seluruh kelompok dibatalkan",
                "Pengurus koperasi membayar dari uang pribadi",
            ],
            "correct": 1,
            "feedback": "Anggota kelompok bersama-sama menalangi, lalu menyelesaikannya secara kekeluargaan dengan anggota yang ditalangi.",
        },
        {
            "type": "single",
            "text": "Predikat penilaian kesehatan yang paling buruk adalah ...",
            "options": [
                "Cukup sehat",
                "Dalam pengawasan",
                "Dalam pengawasan khusus",
                "Kurang sehat",
            ],
            "correct": 2,
            "feedback": "Urutannya: sehat, cukup sehat, dalam pengawasan, dalam pengawasan khusus.",
        },
        {
            "type": "truefalse",
            "text": "Agunan yang nilainya besar dapat menggantikan analisis kemampuan bayar pemohon.",
            "correct": False,
            "feedback": "Agunan adalah jalan keluar terakhir. Kemampuan bayar (capacity) tetap harus dianalisis.",
        },
        {
            "type": "short",
            "text": "Istilah untuk sistem tanggung jawab bersama dalam kelompok peminjam adalah ...",
            "answers": ["tanggung renteng", "tanggungrenteng"],
            "feedback": "Tanggung renteng: anggota kelompok saling menanggung kewajiban pinjaman.",
        },
        {
            "type": "single",
            "text": "Pinjaman mana yang termasuk pinjaman bermasalah (NPL)?",
            "options": [
                "Lancar dan kurang lancar",
                "Kurang lancar, diragukan, dan macet",
                "Hanya macet",
                "Semua pinjaman yang belum lunas",
            ],
            "correct": 1,
            "feedback": "Pinjaman bermasalah terdiri atas golongan kurang lancar, diragukan, dan macet.",
        },
    ],
    "posttest": [
        {
            "type": "numeric",
            "text": "Total pinjaman beredar Rp 900.000.000. Pinjaman kurang lancar Rp 12.000.000, diragukan Rp 9.000.000, dan macet Rp 15.000.000. Berapa persen rasio NPL?",
            "answer": 4,
            "tolerance": 0.01,
            "unit": "%",
            "feedback": "Pinjaman bermasalah Rp 36.000.000 ÷ Rp 900.000.000 × 100% = 4%, masih di bawah batas 5%.",
        },
        {
            "type": "numeric",
            "text": "Pinjaman Rp 6.000.000 selama 6 bulan dengan bunga menurun 2% per bulan dan pokok Rp 1.000.000 per bulan. Berapa angsuran bulan ke-3?",
            "answer": 1080000,
            "tolerance": 0,
            "unit": "Rp",
            "feedback": "Sisa pokok awal bulan ke-3 Rp 4.000.000; jasa 2% × Rp 4.000.000 = Rp 80.000; angsuran Rp 1.000.000 + Rp 80.000 = Rp 1.080.000.",
        },
        {
            "type": "single",
            "text": "Unsur 5C yang menilai kemampuan pemohon membayar angsuran dari penghasilannya adalah ...",
            "options": ["Character", "Capacity", "Capital", "Condition"],
            "correct": 1,
            "feedback": "Capacity menilai kemampuan membayar dari penghasilan setelah kebutuhan rumah tangga dan cicilan lain.",
        },
        {
            "type": "single",
            "text": "Untuk pokok, tingkat persentase, dan jangka waktu yang sama, metode mana yang menghasilkan total jasa lebih kecil bagi anggota?",
            "options": [
                "Bunga flat",
                "Bunga menurun",
                "Keduanya sama",
                "Tergantung besar agunan",
            ],
            "correct": 1,
            "feedback": "Bunga menurun dihitung dari sisa pokok yang terus berkurang, sehingga total jasanya lebih kecil.",
        },
        {
            "type": "multiple",
            "text": "Manakah yang termasuk aspek penilaian kesehatan usaha simpan pinjam? (pilih semua yang benar)",
            "options": [
                "Permodalan",
                "Likuiditas",
                "Jumlah cabang",
                "Jati diri koperasi",
            ],
            "correct": [0, 1, 3],
            "feedback": "Aspeknya: permodalan, kualitas aktiva produktif, manajemen, efisiensi, likuiditas, kemandirian dan pertumbuhan, serta jati diri koperasi.",
        },
        {
            "type": "single",
            "text": "Sebuah koperasi memperoleh skor penilaian kesehatan 62. Predikatnya adalah ...",
            "options": [
                "Sehat",
                "Cukup sehat",
                "Dalam pengawasan",
                "Dalam pengawasan khusus",
            ],
            "correct": 2,
            "feedback": "Skor 51 sampai kurang dari 66 berpredikat dalam pengawasan.",
        },
        {
            "type": "truefalse",
            "text": "Pinjaman yang sudah dihapusbukukan tetap boleh ditagih oleh koperasi.",
            "correct": True,
            "feedback": "Hapus buku hanya menghapus dari pembukuan; hak tagih koperasi tetap ada.",
        },
        {
            "type": "single",
            "text": "Cara yang TIDAK tepat untuk menurunkan rasio NPL adalah ...",
            "options": [
                "Mengunjungi peminjam pada minggu pertama tunggakan",
                "Merestrukturisasi pinjaman anggota yang beriktikad baik sesuai wewenang",
                "Memperbesar pinjaman baru dengan analisis yang dilonggarkan",
                "Memberi pengingat sebelum jatuh tempo",
            ],
            "correct": 2,
            "feedback": "Memperbesar pinjaman dengan analisis longgar hanya menurunkan rasio sementara dan biasanya menambah pinjaman bermasalah di kemudian hari.",
        },
        {
            "type": "truefalse",
            "text": "Dalam tanggung renteng, koperasi tidak perlu lagi menganalisis kemampuan bayar setiap peminjam karena kelompok sudah menjamin.",
            "correct": False,
            "feedback": "Tanggung renteng bukan alasan melonggarkan analisis; kemampuan bayar setiap peminjam tetap dianalisis.",
        },
    ],
}
