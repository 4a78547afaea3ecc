"""Choose a renderer by target name; the table is data so the CLI lists choices from it."""

from collections.abc import Callable

from gongkai.render.json import render_json
from gongkai.render.markdown import render_markdown
from gongkai.report.model import AnnualReport

RENDERERS: dict[str, Callable[[AnnualReport], bytes]] = {
    "json": render_json,
    "md": render_markdown,
}


def render(report: AnnualReport, to: str) -> bytes:
    try:
        renderer = RENDERERS[to]
    except KeyError:
        choices = "、".join(RENDERERS)
        raise ValueError(f"不支持的输出格式：{to}（可选：{choices}）") from None
    return renderer(report)
