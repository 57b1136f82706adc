"""Issuing certificates (filled in by the certificates feature)."""


def certificate_issue(*, enrollment_id: int) -> None:
    return None
