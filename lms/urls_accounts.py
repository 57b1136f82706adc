from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.views.generic import TemplateView

from lms.forms import PasswordResetRequestForm
from lms.views import accounts, home, offline, participants, privacy, regions

app_name = "lms"

urlpatterns = [
    path("", home.home, name="home"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("offline/", offline.offline, name="offline"),
    path("akun/masuk/", accounts.SignInView.as_view(), name="login"),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/daftar/", accounts.register, name="register"),
    path("akun/profil/", accounts.profile, name="profile"),
    path(
        "akun/data-saya.<str:fmt>",
        privacy.my_data_download,
        name="my_data_download",
    ),
    path("akun/hapus/", privacy.my_data_erase, name="my_data_erase"),
    path(
        "privasi/",
        TemplateView.as_view(template_name="lms/privacy.html"),
        name="privacy",
    ),
    path(
        "akun/sandi/ubah/",
        auth_views.PasswordChangeView.as_view(
            template_name="lms/form_page.html",
            success_url=reverse_lazy("lms:profile"),
        ),
        name="password_change",
    ),
    path(
        "akun/sandi/lupa/",
        accounts.ThrottledPasswordResetView.as_view(
            template_name="lms/password_reset.html",
            form_class=PasswordResetRequestForm,
            email_template_name="lms/email/password_reset.txt",
            subject_template_name="lms/email/password_reset_subject.txt",
            success_url=reverse_lazy("lms:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "akun/sandi/lupa/terkirim/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="lms/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "akun/sandi/atur/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="lms/form_page.html",
            success_url=reverse_lazy("lms:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "akun/sandi/atur/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="lms/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("wilayah/cari-desa/", regions.village_lookup, name="village_lookup"),
    path("wilayah/peserta/", participants.participant_list, name="participant_list"),
    path(
        "wilayah/peserta/ekspor.csv",
        participants.participant_export,
        name="participant_export",
    ),
    path(
        "wilayah/peserta/<int:pk>/",
        participants.participant_detail,
        name="participant_detail",
    ),
]
