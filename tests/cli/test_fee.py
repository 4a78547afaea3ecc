"""`gongkai fee`: both schemes, JSON, and bad arguments."""

import json

from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import clock as _  # noqa: F401  (registers the commands)

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(map(str, args)))


def test_per_application():
    result = run("fee", "--scheme", "per-application", "--count", 35)
    assert result.exit_code == 0, result.output
    assert "第11—30件：20件 × 100 元 = 2000 元" in result.stdout
    assert "本件为本月第 35 件，应收 200 元" in result.stdout


def test_per_volume_json():
    result = run("fee", "--scheme", "per-volume", "--pages", 201, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["amount"] == 2740  # 70 × 10 + 100 × 20 + 1 × 40
    assert [b["price"] for b in data["bands"]] == [0, 10, 20, 40]


def test_wrong_quantity_for_the_scheme_exits_2():
    assert run("fee", "--scheme", "per-volume", "--count", 3).exit_code == 2
    assert run("fee", "--scheme", "per-application").exit_code == 2
    assert run("fee", "--scheme", "per-application", "--count", 0).exit_code == 2
    result = run("fee", "--scheme", "by-weight", "--pages", 3)
    assert result.exit_code == 2 and "未知的收费方式" in result.output
