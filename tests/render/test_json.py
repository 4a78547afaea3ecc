from pathlib import Path

import pytest

from gongkai.render import MEDIA_TYPES, RENDERERS, TEXT_TARGETS, render
from gongkai.report.canonical import load, loads, to_dict


@pytest.mark.shared
def test_json_round_trips_every_truth_file(shared_data: Path) -> None:
    for path in sorted((shared_data / "reports").glob("*.truth.json")):
        report = load(path)
        again = loads(render(report, "json").decode("utf-8"))
        assert to_dict(again) == to_dict(report), path.name


def test_unknown_target_is_a_clear_error() -> None:
    assert "json" in RENDERERS
    with pytest.raises(ValueError, match="不支持的输出格式"):
        render(None, "odt")  # type: ignore[arg-type]


def test_every_target_has_a_media_type() -> None:
    assert set(MEDIA_TYPES) == set(RENDERERS) == {"json", "md", "html", "docx", "xlsx", "pdf"}
    assert set(TEXT_TARGETS) <= set(RENDERERS)
