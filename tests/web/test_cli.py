"""``gongkai web …`` passes through to Django; ``gongkai demo`` loads the demo province.

These run the real command in a subprocess with a fresh SQLite file in a temporary folder
(never the developer's or CI's database)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def gongkai(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "GONGKAI_", "DJANGO_"))
    }
    environment |= {"GONGKAI_DATA_DIR": str(tmp_path), "COLUMNS": "200"} | env
    return subprocess.run(
        [str(Path(sys.executable).parent / "gongkai"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_web_check_passes_with_options_passed_through(tmp_path: Path) -> None:
    result = gongkai(tmp_path, "web", "check", "--tag", "models", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_is_refused_with_a_reason(tmp_path: Path) -> None:
    result = gongkai(tmp_path, "web", "check", GONGKAI_DEBUG="0")
    assert result.returncode == 2
    assert "GONGKAI_SECRET_KEY" in result.stderr and "Traceback" not in result.stderr


def test_demo_from_scratch(tmp_path: Path) -> None:
    # The demo migrates by itself; running it twice is tested in-process (test_demo.py).
    result = gongkai(tmp_path, "demo")
    assert result.returncode == 0, result.stderr
    assert (
        "Jianghuai-Demo-2026" in result.stdout
        and "admin" in result.stdout
        and "主管" in result.stdout
    )
    assert "机关：39 个（本次新建 39 个）" in result.stdout
    assert (tmp_path / "gongkai.sqlite3").is_file()
