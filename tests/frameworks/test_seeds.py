"""The three real reports under their frameworks, and the time scoring takes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.frameworks import detect_framework, score_package

D = Decimal


@pytest.mark.seeds
def test_seed_packages(seed000: Path, seed002: Path, seed003: Path) -> None:
    from jixiao.readers.text import read_text_file

    hengyang = read_text_file(str(seed000))
    assert detect_framework(hengyang).id == "hengyang-dept-2023"
    result = score_package(hengyang, detect_framework(hengyang))
    staff = result.derived_value("staff_control_rate")
    assert staff is not None and staff.value == D(14) / D(18)
    assert result.scheme is not None

    shenzhen = read_text_file(str(seed002))
    assert detect_framework(shenzhen).id == "shenzhen-dept-2020"
    sheet = score_package(shenzhen, detect_framework(shenzhen)).documents[0]
    execution = next(i for i in sheet.items if i.item.name.text == "预算执行率")
    assert execution.claimed == D(3)
    assert execution.computed is not None and round(execution.computed, 2) == D("5.10")

    miluo = read_text_file(str(seed003))
    assert detect_framework(miluo).id == "hunan-2023"
    documents = score_package(miluo, detect_framework(miluo)).documents
    assert len(documents) == 15
    assert all(d.execution is not None for d in documents)


ROWS = (
    ("产出指标", "数量指标", "建设套数", "≥100套", "95套", "10", "9"),
    ("产出指标", "数量指标", "培训人次", "≥800人次", "1500人次", "5", "5"),
    ("产出指标", "质量指标", "验收合格率", "100%", "100%", "5", "5"),
    ("产出指标", "时效指标", "完成时间", "2023年12月前", "2023年11月", "5", "5"),
    ("产出指标", "时效指标", "无", "无", "无", "0", "0"),
    ("成本指标", "经济成本指标", "项目成本", "≤90万元", "99万元", "10", "9"),
    ("成本指标", "社会成本指标", "负面影响", "无", "无", "5", "5"),
    ("成本指标", "生态环境成本指标", "安全事故", "=0起", "0起", "5", "5"),
    ("效益指标", "社会效益指标", "群众生活改善", "有效改善", "达成", "10", "9"),
    ("效益指标", "经济效益指标", "带动就业", "≥50人", "已完成", "10", "10"),
    ("效益指标", "可持续影响指标", "长效机制", "定性", "持续发挥作用", "10", "9"),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥98%", "95%", "10", "9"),
)
