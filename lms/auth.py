"""Log in by email or by mobile number."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from .phones import looks_like_phone, normalize_phone


def find_user_by_login(login: str):
    """The active-or-not user whose email or phone is `login`, or None."""
    User = get_user_model()
    login = (login or "").strip()
    if not login:
        return None
    if looks_like_phone(login):
        try:
            phone = normalize_phone(login)
        except ValidationError:
            return None
        return User.objects.filter(phone=phone).first()
    return User.objects.filter(email__iexact=login).first()


def login_key(request, credentials: dict | None) -> str:
    """The account a login attempt names, for the lockout (django-axes): a phone
    however typed is one account (+62…), an email in lower case."""
    credentials = credentials or {}
    login = (credentials.get("username") or credentials.get("email") or "").strip()
    if looks_like_phone(login):
        try:
            return normalize_phone(login)
        except ValidationError:
            return login
    return login.lower()


class EmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = find_user_by_login(username or kwargs.get("email") or "")
        if user is None:
            # Run the hasher anyway so timing does not reveal which logins exist.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
