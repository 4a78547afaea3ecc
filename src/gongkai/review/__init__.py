"""Content review (内容审查) before publishing: R1 错敏词, R2 个人信息, R3 疑似错别字,
R4 文字与表格不符. ``review_text(text)`` and ``review_report(report)`` return
``ReviewFinding`` objects with the place, the matched text, a suggested fix and a message."""

from gongkai.review.findings import RULES, ReviewFinding, ReviewRule, has_errors
from gongkai.review.review import review_report, review_text

__all__ = ["RULES", "ReviewFinding", "ReviewRule", "has_errors", "review_report", "review_text"]
