"""The look of an official document (GB/T 9704 proportions), shared by reports and letters.

A4 with the standard margins; title in 方正小标宋简体 二号, headings in 黑体 三号, body in
仿宋_GB2312 三号 on a fixed 28-point line pitch. In DOCX the Chinese face is set as the
eastAsia font of each run, which is what Word and WPS read for CJK text. In CSS the official
faces come first and Noto Serif/Sans CJK SC (Debian fonts-noto-cjk, installed by the
project's set-up) stand in for them on machines that lack them. The DOCX side (sizes as
python-docx lengths, fonts on runs) is :mod:`gongkai.render.official_docx`, so HTML and PDF
output never import python-docx.
"""

from __future__ import annotations

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
LATIN_FONT = "Times New Roman"

# Page margins in millimetres: top, right, bottom, left.
MARGINS_MM = (37, 26, 35, 28)

TITLE_FAMILY = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif'
HEADING_FAMILY = '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif'
BODY_FAMILY = (
    '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif'
)
PAGE_CSS = "@page {{ size: A4; margin: {}mm {}mm {}mm {}mm; }}".format(*MARGINS_MM)
