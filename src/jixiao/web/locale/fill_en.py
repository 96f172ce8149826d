"""Fill locale/en/LC_MESSAGES/django.po from the table below (msgids are Chinese, the default language).

    export DJANGO_SETTINGS_MODULE=jixiao.web.settings
    django-admin makemessages -l en -l zh_Hans --no-location --no-obsolete
    python src/jixiao/web/locale/fill_en.py && django-admin compilemessages
A test (tests/web/test_i18n.py) fails when a msgid has no English here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

EN: dict[str, str] = {
    "用户名": "Username", "密码": "Password", "财政局不能有上级机构": "A finance bureau cannot have a parent",
    "部门和单位必须有上级机构": "Departments and units need a parent", "初始密码": "Initial password",
    "留空则不修改": "Leave blank to keep", "姓名": "Name", "启用": "Active", "财政局": "Finance bureau",
    "部门": "Department", "单位": "Unit", "填报人": "Preparer", "单位负责人": "Unit head",
    "财政审核": "Finance reviewer", "管理员": "Administrator", "名称": "Title", "类型": "Kind", "上级": "Parent",
    "角色": "Role", "机构": "Organisations",
    "登录失败次数过多，请 15 分钟后再试": "Too many failed logins; try again in 15 minutes",
    "用户名或密码不正确": "Wrong username or password", "已创建用户 %(name)s": "User %(name)s created",
    "已保存": "Saved", "已创建机构 %(name)s": "Organisation %(name)s created", "年度": "Year",
    "评价框架": "Framework", "项目表数量": "Number of project tables", "文件": "File",
    "支持 .docx、.xlsx、.txt、.json，最大 20 MB": ".docx, .xlsx, .txt or .json, at most 20 MB",
    "名称（可选）": "Title (optional)", "新年度": "New year", "草稿": "Draft",
    "已提交单位负责人": "Submitted to the unit head", "单位已审批，待财政审核": "Approved, awaiting the bureau",
    "已退回修改": "Returned for changes", "财政已接收": "Accepted by the bureau", "已公开": "Published",
    "状态": "State", "当前版本": "Current revision", "新建空白报告包": "New blank package",
    "导入 %(name)s": "Imported %(name)s", "已导入 %(name)s": "Imported %(name)s",
    "请填写有效的年度": "Enter a valid year",
    "由 %(year)s 年度复制，目标值保留": "Copied from %(year)s; targets kept", "缺少版本号": "Missing revision number",
    "编辑 %(name)s": "Edited %(name)s", "退回时必须填写意见": "A return needs a comment",
    "状态已被他人更改，请刷新后重试": "Someone else changed the state; reload and try again",
    "状态已变更为：%(state)s": "State changed to: %(state)s", "不允许": "Not allowed",
    "不允许此操作": "This action is not allowed",
    "您的角色或该报告包当前的状态不允许此操作。": "Your role or the package's current state does not allow this.",
    "安全校验失败": "Security check failed",
    "页面已过期或请求来源不可信（CSRF），请刷新页面后重试。": "The page expired or the request came from an untrusted "
    "origin (CSRF); reload the page and try again.",
    "未找到": "Not found", "该页面不存在，或您无权查看。": "This page does not exist or is not yours to see.",
    "登录": "Log in", "新建机构": "New organisation", "创建": "Create", "编辑用户": "Edit user", "保存": "Save",
    "用户": "Users", "新建用户": "New user", "绩效自评": "Performance self-evaluation", "报告包": "Packages",
    "待审": "To review", "公开": "Publish", "退出": "Log out",
    "预算绩效自评 · 开源软件 Jixiao": "Budget performance self-evaluation · Jixiao, open source",
    "项目资金（万元）": "Funds (10,000 yuan)", "年初预算数": "Initial budget", "全年预算数": "Adjusted budget",
    "全年执行数": "Executed", "执行率": "Execution rate", "得分（复核）": "Score (recomputed)",
    "一级指标": "Level 1", "二级指标": "Level 2", "三级指标": "Indicator", "年度指标值": "Target",
    "实际完成值": "Actual", "分值": "Weight", "自评得分": "Claimed score", "复核得分": "Recomputed score",
    "总分（复核）": "Total (recomputed)", "等级": "Grade", "自评总分": "Claimed total", "得分": "Score",
    "年度资金总额": "Total funds", "复核执行率": "Recomputed execution rate",
    "其中：当年财政拨款": "of which: this year's appropriation", "上年结转资金": "Carried over",
    "其他资金": "Other funds", "年度总体目标": "Annual goals", "预期目标": "Expected", "实际完成情况": "Achieved",
    "绩效指标": "Indicators", "复核": "Recomputed", "偏差原因分析及改进措施": "Reasons for deviation and remedies",
    "行": "Row", "上移": "Move up", "下移": "Move down", "在下方插入一行": "Insert a row below",
    "删除这一行？": "Delete this row?", "删除": "Delete",
    "正在保存并重新计分…": "Saving and rescoring…",
    "此类表格在网页中只读；请导入修改后的文件。": "This kind of table is read-only here; import a corrected file.",
    "错误": "Error", "警告": "Warning", "提示": "Note", "未发现问题": "No findings", "数值": "Number",
    "时间": "Time", "定性": "Qualitative", "无": "None", "无法识别": "Unreadable", "保存冲突": "Save conflict",
    "此报告包已被他人修改或状态已变化：您的修改基于第 %(mine)s 版，当前为第 %(now)s 版。"
    "您的输入没有保存，但仍保留在表格中；请先复制需要保留的内容，再重新打开本页合并修改。":
    "Someone else changed this package or its state: your edit was "
    "based on revision %(mine)s, the current one is %(now)s. Your input was not saved but is still in the form; "
    "copy what you want to keep, then reopen this page and merge.",
    "打开最新版本": "Open the latest revision", "已保存为第 %(n)s 版": "Saved as revision %(n)s",
    "复核计分": "Recomputed scores", "执行得分": "Execution score", "总分": "Total", "审核发现": "Findings",
    "表格": "Tables", "表": "Table", "问题": "Findings", "编辑": "Edit",
    "%(e)s 个错误，%(w)s 个警告": "%(e)s errors, %(w)s warnings", "流程": "Workflow", "退回意见": "Reason for return",
    "提交单位负责人": "Submit to the unit head", "审批并报送财政": "Approve and send to the bureau",
    "退回修改": "Return for changes", "接收": "Accept", "下载": "Download", "正在生成文件…": "Generating the file…",
    "当前版本 %(n)s": "Current revision %(n)s", "流转记录": "History", "尚无流转": "No state changes yet",
    "版本": "Revisions", "复制到新年度": "Copy to a new year", "复制（保留目标值）": "Copy (keep the targets)",
    "新建或导入": "New or import", "全部状态": "All states", "筛选": "Filter", "暂无报告包": "No packages yet",
    "无法导入": "Cannot import", "无法导入该文件": "This file cannot be imported", "返回重新上传": "Back to upload",
    "新建报告包": "New package", "导入文件": "Import a file", "导入": "Import",
    "正在读取与计分，请稍候…": "Reading and scoring, please wait…", "按框架新建空白": "New blank from a framework",
    "新建": "Create", "复制上一年度：打开上一年度的报告包，点击“复制到新年度”。": "To copy last year's: open last "
    "year's package and use “Copy to a new year”.",
    "与上一版本的差异": "Changes from the previous revision", "位置": "Where", "字段": "Field", "修改前": "Before",
    "修改后": "After", "无字段变化（或为第一版）": "No field changes (or the first revision)",
    "暂时无法生成该格式": "This format cannot be generated right now",
    "您可以改为下载其他格式。": "You can download another format instead.", "审核摘要": "Audit summary",
    "%(e)s 个错误，%(w)s 个警告，%(i)s 个提示": "%(e)s errors, %(w)s warnings, %(i)s notes",
    "公开的绩效自评报告": "Published self-evaluation reports", "开放数据 JSON": "Open data JSON",
    "%(year)s 年度": "Fiscal year %(year)s", "尚无公开的报告": "Nothing published yet",
    "暂无待审报告包": "Nothing waiting for review", "公开报告": "Public reports", "审核发现详情": "Finding details",
    "部门基本支出": "Basic expenditure", "三公经费": "Three public expenses",
    "公务用车购置和维护经费": "Official cars (purchase and upkeep)", "其中：公车购置": "of which: car purchase",
    "公车运行维护": "Car running and upkeep", "出国经费": "Travel abroad", "公务接待": "Official hospitality",
    "项目支出合计": "Project expenditure, total", "项目类别小计": "Project group subtotal", "项目": "Project",
    "公用经费": "Public operating funds", "其中：办公经费": "of which: office", "水费、电费、差旅费":
    "Water, electricity, travel", "会议费、培训费": "Meetings and training", "政府采购金额": "Government procurement",
    "部门基本支出预算调整": "Basic-expenditure budget adjustment", "其他": "Other", "添加一行": "Add a row",
    "财政供养人员情况": "Publicly funded staff", "编制数": "Authorised posts", "实际在职人数": "Staff in post",
    "控制率": "Control rate", "经费控制情况（万元）": "Expenditure control (10,000 yuan)", "类别": "Category",
    "楼堂馆所控制情况": "Office buildings", "批复规模（㎡）": "Approved area (m²)",
    "实际规模（㎡）": "Actual area (m²)",
    "规模控制率": "Area control rate", "预算投资（万元）": "Budgeted investment (10,000 yuan)",
    "实际投资（万元）": "Actual investment (10,000 yuan)", "投资概算控制率": "Investment control rate",
    "本年无竣工的楼堂馆所时不填。": "Leave empty when no building was completed this year.",
    "厉行节约保障措施": "Measures for thrift", "部门（单位）名称": "Department (unit)",
    "年度主要任务完成情况": "Main tasks of the year", "任务名称": "Task", "完成情况": "Status",
    "预算数（万元）": "Budget (10,000 yuan)", "执行数（万元）": "Executed (10,000 yuan)", "全额": "Total",
    "其中：财政拨款": "of which: appropriation", "金额合计": "Amounts, total",
    "指标说明与评分标准": "Description and scoring criteria", "分数": "Score", "评分标准": "Scoring criteria",
    "综合评分": "Overall score", "评分等级": "Grade", "签署": "Sign-off", "填表人": "Prepared by",
    "填报日期": "Date", "联系电话": "Telephone", "单位负责人签字": "Signed by the unit head",
    "此表不计分；其中的数字用于审核的交叉核对。":
    "This table is not scored; its figures feed the audit's cross-checks.",
}  # fmt: skip

ENTRY = re.compile(r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)', re.S)


def _join(quoted: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', quoted)
    return "".join(parts).replace('\\"', '"').replace("\\n", "\n")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fill(path: Path) -> list[str]:
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        msgid = _join(match.group(1))
        if not msgid:
            return match.group(0)
        english = EN.get(msgid)
        if english is None:
            missing.append(msgid)
            return match.group(0)
        return f"msgid {match.group(1).rstrip()}\nmsgstr {_quote(english)}\n\n"

    text = ENTRY.sub(replace, path.read_text(encoding="utf-8"))
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    po = Path(__file__).resolve().parent / "en" / "LC_MESSAGES" / "django.po"
    lacking = fill(po)
    for msgid in lacking:
        print("missing:", msgid)
    sys.exit(1 if lacking else 0)
