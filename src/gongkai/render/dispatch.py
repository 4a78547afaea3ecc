"""Choose a renderer by target name; the table is data so the CLI lists choices from it.

Each renderer's module is imported on first use: python-docx, openpyxl and WeasyPrint are
slow to import, and most commands (and the letters, which share ``render.official``) need
none of them.
"""

from collections.abc import Callable
from importlib import import_module

from gongkai.report.model import AnnualReport

Renderer = Callable[[AnnualReport], bytes]

# target → (module in gongkai.render, function)
_RENDERER_PATHS: dict[str, tuple[str, str]] = {
    "json": ("json", "render_json"),
    "md": ("markdown", "render_markdown"),
    "html": ("html", "render_html"),
    "docx": ("docx", "render_docx"),
    "xlsx": ("xlsx", "render_xlsx"),
    "pdf": ("pdf", "render_pdf"),
}

# What each target's bytes are, for writing files, HTTP downloads and stdout.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
TEXT_TARGETS = frozenset({"json", "md", "html"})  # the others are binary: never decode them


def _lazy(module: str, function: str) -> Renderer:
    def renderer(report: AnnualReport) -> bytes:
        render_function: Renderer = getattr(import_module(f"gongkai.render.{module}"), function)
        return render_function(report)

    renderer.__name__ = function
    return renderer


RENDERERS: dict[str, Renderer] = {
    target: _lazy(module, function) for target, (module, function) in _RENDERER_PATHS.items()
}


def render(report: AnnualReport, to: str) -> bytes:
    try:
        renderer = RENDERERS[to]
    except KeyError:
        choices = "、".join(RENDERERS)
        raise ValueError(f"不支持的输出格式：{to}（可选：{choices}）") from None
    return renderer(report)
