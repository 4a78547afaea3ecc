"""Auditors' workspace: corpora of published annual reports, findings and their dispositions."""
