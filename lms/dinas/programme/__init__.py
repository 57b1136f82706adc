"""The programme report (laporan pelaksanaan) of a cohort: its facts (`data`),
as PDF (`pdf`, reportlab) and XLSX (`xlsx`, openpyxl), and the views that serve
them to those who may see them (`lms.scoping.cohort_reports_q`: a Dinas officer
the cohorts held in their region, an instructor their Balai's)."""
