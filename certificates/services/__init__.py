"""Every write of the certificates app, by concern.

- `issuing`: a completed enrolment's certificate, owed, numbered (PENDING) and
  finished (VALID with its PDF); one at a time or a batch at once.
- `lifecycle`: an administrator revokes or reissues a certificate; a template's
  change redraws one.
- `jobs`: bulk work with progress for the admin (and the product's actions):
  issue the certificates of many completed enrolments, regenerate a template's
  certificates, a ZIP of a cohort's or a region's.
- `notify`: telling holders their certificate is ready.

Numbering is `certificates.numbering`; where files go, `certificates.storage`.
"""
