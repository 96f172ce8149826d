"""The command line as a user meets it: shapes, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jixiao.cli import main
from jixiao.jsonformat import loads
from jixiao.readers import read_package

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "samples" / "sample-hunan-2023.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_score_json_shape_on_the_seeds(seed000: Path, seed002: Path, seed003: Path) -> None:
    code, out, _ = run("score", "--format", "json", str(seed000), str(seed002), str(seed003))
    assert code == 0
    files = json.loads(out)["files"]
    assert [f["ok"] for f in files] == [True, True, True]
    assert {f["package"]["framework"] for f in files} == {"hengyang-dept-2023", "shenzhen-dept-2020", "hunan-2023"}
    miluo = files[2]["package"]
    assert miluo["unit"] == "汨罗市住建系统" and miluo["year"] == 2023
    kinds = [d["kind"] for d in miluo["documents"]]
    assert kinds == ["basic", "department"] + ["project"] * 14
    first = miluo["documents"][2]
    assert set(first) >= {"kind", "name", "funds", "indicator_count", "claimed_total", "computed_total", "grade"}
    assert set(first["funds"]) >= {"initial_budget", "adjusted_budget", "executed", "execution_rate", "weight", "score"}
    assert first["funds"]["adjusted_budget"] == "45" and first["funds"]["execution_rate"] == "1.0000"
    assert first["claimed_total"] == "99" and first["indicator_count"] == 12
    department = miluo["documents"][1]
    assert department["claimed_total"] == "99"
    assert department["computed_total"] is not None
    shenzhen = files[1]["package"]["documents"][1]
    assert shenzhen["kind"] == "scoring" and shenzhen["claimed_total"] == "92.00"
    assert all(isinstance(v, str | None) for v in first["funds"].values())


def test_unreadable_files_exit_2_and_others_still_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    code, out, _ = run("score", "--format", "json", str(empty), str(SAMPLE), str(binary))
    assert code == 2
    files = json.loads(out)["files"]
    assert [f["ok"] for f in files] == [False, True, False]
    assert "文件为空" in files[0]["error"] and "empty" in files[0]["error"]
    assert files[1]["package"]["unit"] == "示例县住房保障服务中心"


def test_text_output_has_claimed_beside_computed(seed003: Path) -> None:
    code, out, _ = run("score", str(seed003))
    assert code == 0
    assert "帮代办工作经费" in out and "声称" in out and "计算" in out and "≠" in out


def test_audit_exit_codes_and_json(seed002: Path) -> None:
    code, out, _ = run("audit", "--format", "json", str(seed002))
    assert code == 1  # the seed has errors
    finding = json.loads(out)["files"][0]["findings"][0]
    assert set(finding) >= {"rule", "severity", "message", "document", "location", "line", "expected", "found"}
    code, out, _ = run("audit", "--format", "json", "--rule", "dates", str(seed002))
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert rules == {"dates.stray-year"}
    code, out, _ = run("audit", "--format", "json", "--min-severity", "error", str(seed002))
    assert {f["severity"] for f in json.loads(out)["files"][0]["findings"]} == {"error"}


def test_audit_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("不是报告", encoding="utf-8")
    code, out, _ = run("audit", "--format", "json", str(tmp_path))
    assert code == 2
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["a.txt", "b.txt"]


def test_convert_round_trip(seed003: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    code, _, _ = run("convert", str(seed003), "-o", str(out))
    assert code == 0
    again = read_package(str(out))
    assert again == read_package(str(seed003))
    assert loads(out.read_text(encoding="utf-8")) == again


def test_convert_unreadable_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out.json"
    code, _, err = run("convert", str(bad), "-o", str(out))
    assert code == 2 and "错误" in err and "Error" in err
    assert not out.exists()


def test_schema_and_frameworks() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].endswith("2020-12/schema") and "properties" in schema
    code, out, _ = run("frameworks")
    assert code == 0
    for name in ("mof-2020-project", "hunan-2023", "hengyang-dept-2023", "shenzhen-dept-2020"):
        assert name in out


def test_user_framework_file_and_its_errors(tmp_path: Path) -> None:
    from jixiao.frameworks import BUILTIN_DIR

    mine = tmp_path / "mine.toml"
    text = (Path(BUILTIN_DIR) / "hunan-2023.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace('id = "hunan-2023"', 'id = "my-county-2024"', 1), encoding="utf-8")
    code, out, _ = run("score", "--format", "json", "--framework", str(mine), str(SAMPLE))
    assert code == 0 and json.loads(out)["files"][0]["package"]["framework"] == "my-county-2024"
    broken = tmp_path / "broken.toml"
    broken.write_text('[framework]\nid = "x"\nname = \n', encoding="utf-8")
    code, out, _ = run("score", "--format", "json", "--framework", str(broken), str(SAMPLE))
    error = json.loads(out)["files"][0]["error"]
    assert code == 2 and ("第3行" in error or "line 3" in error)


def test_installed_command_exit_code_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    jixiao = Path(sys.executable).parent / "jixiao"
    result = subprocess.run([str(jixiao), "score", str(bad)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert "二进制" in result.stdout + result.stderr


def test_demo_runs() -> None:
    code, out, _ = run("demo")
    assert code == 0 and "示例县住房保障服务中心" in out and "审核结果" in out
