"""Prose against tables: every figure the narrative states is matched, by meaning, with the tables."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, money, name_key, names_match, narrative_name, points, without_noise
from jixiao.frameworks import IndicatorScore
from jixiao.model import DepartmentTable, Figure, Narrative, ProjectTable, Source, Statement
from jixiao.narrative.figures import statements_of
from jixiao.values import Kind

FAMILY = "narrative"
_UNIT_SUBJECT = re.compile(r"(本部门|本单位|我中心|我单位|我局|本局|部门整体|全局)")
_OTHER_ITEMS = ("公用经费", "人员经费", "三公", "采购", "接待", "出国", "公务用车", "培训", "会议")
_OTHER_ITEMS_RE = re.compile("|".join(_OTHER_ITEMS))  # one search for any of them


def _in_wan(statement: Statement) -> Decimal | None:
    if statement.value is None:
        return None
    if statement.unit == "元":
        return statement.value / 10000
    if statement.unit == "亿元":
        return statement.value * 10000
    return statement.value


_HALF = Decimal("0.5")
_CENT = Decimal("0.01")


def _places(value: Decimal) -> int:
    """How many decimal places ``value`` is written with ("19.60" → 2, "20" → 0)."""
    text = str(value)  # (cheaper than as_tuple(), which builds a named tuple)
    if "E" in text:
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    dot = text.find(".")
    return 0 if dot < 0 else len(text) - dot - 1


def _agrees(stated: Statement, value: Decimal, places: int | None = None) -> bool:
    """The prose figure equals the table's, at the precision the prose writes (``places``, when the
    caller has taken the figures written beside it into account)."""
    assert stated.value is not None
    if stated.unit == "元":
        return abs(stated.value - value * 10000) <= _HALF
    if places is None:
        places = _places(stated.value)
    quantum, half = _quantum(places)
    return abs(value.quantize(quantum) - stated.value) <= half or abs(value - stated.value) <= _CENT


@lru_cache(maxsize=64)
def _quantum(places: int) -> tuple[Decimal, Decimal]:
    """10^-places and half of it."""
    quantum = Decimal(1).scaleb(-places)
    return quantum, quantum / 2


# "共计支出", "实际支出", "累计支出", "总计支出", "全年支出": the project's spending for the year.
_SPENT_WORDS = ("共计", "实际", "累计", "总计", "全年")


def _project_for(ctx: AuditContext, narrative: Narrative) -> ProjectTable | None:
    if not narrative.project:
        return None
    return ctx.project_named(narrative.project)


def _named_in(ctx: AuditContext, sentence: str) -> list[ProjectTable]:
    """The projects (with a name key of four or more characters) whose key the sentence contains.

    When none is, a sentence that opens with a label ("3、住建OA办公系统升级：年初预算20万元") names the
    one project whose key the label holds with words inserted at one place (OA系统: "OA" + "办公" +
    "系统").
    """
    sentence_key = name_key(sentence)
    keyed = zip(ctx.projects, ctx.project_keys, strict=True)
    named = [p for p, key in keyed if len(key) >= 4 and key in sentence_key]
    if named:
        return named
    label = _label(sentence)
    label_key = name_key(label) if label else ""
    if len(label_key) < 5:  # room for two parts of two characters with one between them
        return []
    spread = [p for p, key in zip(ctx.projects, ctx.project_keys, strict=True) if _split_in(key, label_key)]
    return spread if len(spread) == 1 else []


def _label(sentence: str) -> str:
    """The words before a colon that opens a sentence ("" when there is none within 30 characters)."""
    for colon in ("：", ":"):
        at = sentence.find(colon, 0, 31)
        if at > 0:
            return sentence[:at]
    return ""


def _split_in(key: str, text: str) -> bool:
    """Whether ``key`` (four or more characters) occurs in ``text`` as two parts of two or more
    characters each, in order, with other characters between them."""
    if len(key) < 4 or len(text) > 3 * len(key):
        return False
    for cut in range(2, len(key) - 1):
        head = text.find(key[:cut])
        if head >= 0 and text.find(key[cut:], head + cut + 1) >= 0:
            return True
    return False


@rule(
    "narr.project-funds",
    family=FAMILY,
    severity="error",
    title="项目自评报告所述预算和支出与项目自评表一致",
    title_en="a project report's budget and spending agree with its table",
)
def project_funds(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        project = _project_for(ctx, narrative)
        if project is None:
            continue
        for st in statements_of(narrative):
            if st.kind != "amount" or st.value is None:
                continue
            subject = st.subject
            figure: Figure | None = None
            label = ""
            if subject.endswith("预算") or subject.endswith("预算为") or subject == "预算数":
                figure, label = project.total.adjusted_budget, "全年预算数"
            elif subject.endswith("支出") and any(word in subject for word in _SPENT_WORDS):
                figure, label = project.total.executed, "全年执行数"
            if figure is None or figure.value is None:
                continue
            if not _agrees(st, figure.value):
                yield make(
                    "narr.project-funds",
                    "error",
                    FAMILY,
                    None,
                    f"报告称「{subject}{st.text}」，但项目自评表「{project.name}」{label}为{money(figure.value)}万元",
                    f"the report says {subject} {st.text}; the project table's {label} is {money(figure.value)}",
                    document_name=narrative_name(narrative),
                    location=f"{st.sentence[:40]}",
                    source=st.source,
                    expected=f"{money(figure.value)}万元",
                    found=st.text,
                )


def _department_candidates(ctx: AuditContext, subject: str) -> tuple[str, list[Decimal]] | None:
    """Which table figures a department-level amount may describe, by its subject."""
    package = ctx.package
    department, basic, goals = package.department, package.basic, package.goals_table
    values: list[Decimal | None] = []
    label = ""
    plain = re.sub(r"^(本部门|本单位|我中心|我单位|我局|部门|单位|全年|本年度?)", "", subject)
    if plain in ("年初预算", "年初预算收入", "年初预算数"):
        label = "年初预算"
        if department:
            values.append(department.total.initial_budget.value)
        if basic:
            values += [e.budget.value for e in basic.expenses if e.category == "basic_total"]
    elif plain in ("预算调整至", "调整后预算", "全年预算", "全年预算数", "调整预算"):
        label = "全年预算数"
        if department:
            values.append(department.total.adjusted_budget.value)
        if goals and goals.task_total:
            values.append(goals.task_total.budget.value)
    elif plain in ("决算数", "支出", "全年执行数", "执行数", "总支出", "支出合计"):
        label = "全年执行数"
        if department:
            values.append(department.total.executed.value)
        if goals and goals.task_total:
            values.append(goals.task_total.executed.value)
        if basic:
            values += [e.final.value for e in basic.expenses if e.category == "basic_total"]
    elif plain == "基本支出" and department:
        label = "基本支出"
        values += [a.figure.value for a in department.by_nature if "基本" in a.label]
    elif plain == "项目支出" and department:
        label = "项目支出"
        values += [a.figure.value for a in department.by_nature if "项目" in a.label]
        executed = [p.total.executed.value for p in package.projects]
        if executed and all(v is not None for v in executed):
            values.append(sum((v for v in executed if v is not None), Decimal(0)))  # the project tables' spending
        if basic:
            finals = [e.final.value for e in basic.expenses if e.category == "project"]
            if finals and all(v is not None for v in finals):
                values.append(sum((v for v in finals if v is not None), Decimal(0)))  # the basic data's projects
    elif plain.startswith("政府性基金") and department:
        label = "政府性基金拨款"
        values += [a.figure.value for a in department.by_income if "政府性基金" in a.label]
    known = [v for v in values if v is not None]
    return (label, known) if label and known else None


@rule(
    "narr.department-amounts",
    family=FAMILY,
    severity="error",
    title="部门整体报告所述预算、执行、基本支出、项目支出与表格一致",
    title_en="the department report's budget, spending and breakdown agree with the tables",
)
def department_amounts(ctx: AuditContext) -> Iterator[Finding]:
    narrative = ctx.narrative
    if narrative is None:
        return
    candidates_for: dict[str, tuple[str, list[Decimal]] | None] = {}  # subjects repeat
    for st in statements_of(narrative):
        if st.kind != "amount" or st.value is None or st.unit not in ("万元", "亿元"):
            continue
        # The words before the figure say what it is: "人员经费" in a later clause of the sentence (the
        # reason for an adjustment, say) does not make "决算数为1680.97万元" a figure of personnel costs.
        before = st.sentence.partition(st.text)[0]
        if _OTHER_ITEMS_RE.search(before) and not st.subject.endswith(("基本支出", "项目支出")):
            continue
        general = st.subject.endswith(("基本支出", "项目支出")) or st.subject.startswith("政府性基金")
        if not general and not _UNIT_SUBJECT.search(before):
            continue  # "维护经费：年初预算20万元" speaks of a project, not the department
        if st.subject in candidates_for:
            found = candidates_for[st.subject]
        else:
            found = candidates_for[st.subject] = _department_candidates(ctx, st.subject)
        if found is None:
            continue
        label, candidates = found
        if any(_agrees(st, v) for v in candidates):
            continue
        shown = "或".join(f"{money(v)}万元" for v in candidates)
        yield make(
            "narr.department-amounts",
            "error",
            FAMILY,
            None,
            f"报告称「{st.subject}{st.text}」，但表格中{label}为{shown}",
            f"the report says {st.subject} {st.text}; the tables give {label} = {shown}",
            document_name=narrative_name(narrative),
            location=st.sentence[:40],
            source=st.source,
            expected=shown,
            found=st.text,
        )


def _paragraph_places(statements: Sequence[Statement]) -> dict[int | None, int]:
    """The most decimal places the amounts of each paragraph (by line) are written with."""
    places: dict[int | None, int] = {}
    for st in statements:
        if st.kind == "amount" and st.value is not None and st.unit != "元":
            line = st.source.line
            places[line] = max(places.get(line, 0), _places(st.value))
    return places


@rule(
    "narr.project-amounts",
    family=FAMILY,
    severity="error",
    title="报告中点名的项目金额与项目自评表一致",
    title_en="amounts stated for a named project agree with its table",
)
def named_project_amounts(ctx: AuditContext) -> Iterator[Finding]:
    narrative = ctx.narrative
    projects = ctx.projects
    if narrative is None or not projects:
        return
    named_in: dict[str, list[ProjectTable]] = {}  # many figures share a sentence
    statements = statements_of(narrative)
    places: dict[int | None, int] | None = None  # the most decimals each paragraph writes, when needed
    for st in statements:
        if st.kind != "amount" or st.value is None:
            continue
        project = ctx.project_named(st.subject) if len(name_key(st.subject)) >= 4 else None
        if project is None:
            # "1．某某经费：全年预算数82.69万元，全年执行数82.69万元" names the project before the figures.
            named = named_in.get(st.sentence)
            if named is None:
                named = named_in[st.sentence] = _named_in(ctx, st.sentence)
            if len(named) != 1 or not any(w in st.subject for w in ("预算", "执行", "支出", "拨付")):
                continue
            project = named[0]
        total = project.total
        if "年初" in st.subject:
            candidates = [total.initial_budget.value]
        elif "预算" in st.subject:
            candidates = [total.adjusted_budget.value, total.initial_budget.value]
        elif any(w in st.subject for w in ("执行", "支出")):
            candidates = [total.executed.value]
        else:
            candidates = [total.initial_budget.value, total.adjusted_budget.value, total.executed.value]
        known = [v for v in candidates if v is not None]
        if not known:
            continue
        if st.unit != "元" and any(abs(v - st.value) <= _CENT for v in known):
            continue  # the same figure
        if not any(_agrees(st, v) for v in known):
            pass  # differs even at the precision written (and so at any finer one)
        else:
            # "年初预算20万元；实际支付19.6万元": a paragraph that writes tenths elsewhere does not round 19.6
            # to 20. Agreeing only by rounding, the figure is judged at the paragraph's precision.
            if places is None:
                places = _paragraph_places(statements)
            written = places.get(st.source.line, 0)
            if written <= _places(st.value) or any(_agrees(st, v, written) for v in known):
                continue
        yield make(
            "narr.project-amounts",
            "error",
            FAMILY,
            None,
            f"报告称「{project.name}」{st.subject}{st.text}，但项目自评表年初预算"
            f"{money(total.initial_budget.value)}万元、全年预算{money(total.adjusted_budget.value)}万元、"
            f"执行{money(total.executed.value)}万元",
            f"the report says {st.subject} {st.text} for {project.name}; its table gives budget "
            f"{money(total.adjusted_budget.value)}, executed {money(total.executed.value)}",
            document_name=narrative_name(narrative),
            location=st.sentence[:40],
            source=st.source,
            expected=f"{money(known[0])}万元",
            found=st.text,
        )


# Words that make a figure in prose a bound rather than a value: "95%以上", "不低于95%".
_BOUND_AFTER = ("以上", "及以上", "以下", "及以下", "以内", "左右", "多", "余")
_BOUND_BEFORE = (
    "≥",
    "≤",
    ">",
    "<",
    "＞",
    "＜",
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "超过",
    "高于",
    "低于",
    "约",
    "近",
)
_PLANNED = ("计划", "目标", "预期", "预计", "力争", "要求")


def _as_written(st: Statement) -> tuple[str, str] | None:
    """The words right before and after the figure in its sentence (None when it is not found there)."""
    at = st.sentence.find(st.text)
    if at < 0:
        return None
    return st.sentence[max(0, at - 4) : at], st.sentence[at + len(st.text) : at + len(st.text) + 3]


_Counted = dict[str, list[tuple[frozenset[str], IndicatorScore]]]


def _counted(indicators: Sequence[IndicatorScore]) -> _Counted:
    """The indicators whose actual is a number, by its unit, with the characters of their names."""
    by_unit: _Counted = {}
    for s in indicators:
        if s.actual.kind is Kind.NUMBER:
            by_unit.setdefault(s.actual.unit or "", []).append((frozenset(without_noise(s.indicator.name.text)), s))
    return by_unit


def _sharing_words(subject: str, unit: str | None, counted: _Counted) -> list[IndicatorScore]:
    """The one indicator counted in ``unit`` whose name shares the most characters with ``subject``,
    four or more and at least half of its name ("建筑工程公开招标项目" for 做好公开招投标项目监管), or none."""
    candidates = counted.get(unit or "")
    if not candidates:
        return []
    chars = set(subject)
    best: list[tuple[int, IndicatorScore]] = []
    for name, s in candidates:
        shared = len(chars & name)
        if shared >= 4 and shared * 2 >= len(name):
            best.append((shared, s))
    if not best:
        return []
    top = max(shared for shared, _ in best)
    winners = [s for shared, s in best if shared == top]
    return winners if len(winners) == 1 else []


@rule(
    "narr.indicator-actual",
    family=FAMILY,
    severity="warning",
    title="报告所述指标完成值与自评表的实际完成值一致",
    title_en="an indicator's result stated in the report agrees with the table's actual value",
)
def indicator_actual(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        table: ProjectTable | DepartmentTable | None = (
            _project_for(ctx, narrative) if narrative.project else ctx.department
        )
        scores = ctx.for_document(table) if table is not None else None
        if scores is None or not statements_of(narrative):
            continue
        # A subject names an indicator when one ends with the other: both then end in the same character.
        by_last: dict[str, list[tuple[str, IndicatorScore]]] = {}
        for s in scores.indicators:
            key = without_noise(s.indicator.name.text)
            if len(key) >= 4:
                by_last.setdefault(key[-1], []).append((key, s))
        if not by_last:
            continue
        counted: _Counted | None = None
        for st in statements_of(narrative):
            if st.kind not in ("rate", "count") or st.value is None:
                continue
            subject = without_noise(st.subject)
            if len(subject) < 4 or any(word in subject for word in _PLANNED):
                continue
            ends = by_last.get(subject[-1], ())
            hits = [s for key, s in ends if subject.endswith(key) or key.endswith(subject)]
            if not hits and st.kind == "count":
                if counted is None:
                    counted = _counted(scores.indicators)
                hits = _sharing_words(subject, st.unit, counted)
            if len(hits) != 1:
                continue
            scored = hits[0]
            actual = scored.actual
            if actual.kind is not Kind.NUMBER or actual.number is None or actual.op is not None:
                continue  # words, or a bound ("≥95%"): nothing exact to compare with
            if (actual.unit or "") != (st.unit or ""):
                continue
            around = _as_written(st)
            if around is None or around[0].endswith(_BOUND_BEFORE) or around[1].startswith(_BOUND_AFTER):
                continue  # "95%以上": a bound, not the value
            if _agrees(st, actual.number):
                continue
            name = scored.indicator.name.text
            yield make(
                "narr.indicator-actual",
                "warning",
                FAMILY,
                None,
                f"报告称「{st.subject}{st.text}」，但自评表中指标「{name}」的实际完成值为「{actual.text}」",
                f"the report says {st.subject} {st.text}; the table's actual value of {name!r} is {actual.text}",
                document_name=narrative_name(narrative),
                location=st.sentence[:40],
                source=st.source,
                expected=actual.text,
                found=st.text,
            )


@rule(
    "narr.project-list",
    family=FAMILY,
    severity="warning",
    title="部门整体报告提到了每一个有自评表的项目",
    title_en="the department report mentions every project that has a table",
)
def project_list(ctx: AuditContext) -> Iterator[Finding]:
    narrative, projects = ctx.narrative, ctx.projects
    if narrative is None or len(projects) < 2:
        return
    text = "".join(p.text for p in narrative.paragraphs)
    prose = name_key(text)
    keys = {p.name: name_key(p.name) for p in projects}
    # Mentioned is a matter of the name only, so a project equal to a mentioned one is mentioned too.
    named = {p.name: p.name in text or (len(keys[p.name]) >= 3 and keys[p.name] in prose) for p in projects}
    mentioned = [p for p in projects if named[p.name]]
    if not mentioned:
        return  # a report that names no project at all is not listing them
    first = name_key_source(narrative, keys[mentioned[0].name])
    unnamed = [p for p in projects if not named[p.name] and len(keys[p.name]) >= 3]  # shorter: too short to tell
    if unnamed:
        # Named otherwise in a paragraph that names the others: "施工图审查100万元" for the table 施工审查图.
        mentioned_keys = [keys[p.name] for p in mentioned if len(keys[p.name]) >= 3]
        for paragraph in narrative.paragraphs:
            if not any(key in paragraph.text for key in mentioned_keys):  # as written, in one piece
                continue
            items = [item for item in _LIST_SEPARATORS.split(paragraph.text) if len(item) >= 3]
            for project in unnamed:
                if not named[project.name] and any(names_match(item, project.name) for item in items):
                    named[project.name] = True
    count = sum(named.values())
    for project in unnamed:
        if not named[project.name]:
            yield make(
                "narr.project-list",
                "warning",
                FAMILY,
                None,
                f"部门整体支出绩效自评报告提到了{count}个有自评表的项目，但没有提到项目「{project.name}」",
                f"the department report names {count} of the projects with tables but not {project.name}",
                document_name=narrative_name(narrative),
                location="项目支出情况",
                source=first,
                expected=project.name,
                found="（未提及）",
            )


# A numbered item of the project list: "2、维护经费：年初预算20万元…" (the label, then a colon).
_LISTED_ITEM = re.compile(
    r"(?:^|[：:；;。])\s*(?:\d+\s*[、.．]|[（(]\d+[）)])\s*"  # the start of an item: "2、", "（3）"
    r"([^：:；;。，,、\d][^：:；;。，,]{1,29})[：:]"  # its label
)
# Labels that are kinds of spending or of funds, not projects.
_NOT_A_PROJECT = re.compile(
    "|".join(("人员", "公用", "基本支出", "项目支出", "工资", "福利", "社会保障", "养老", "医疗", "公积金"))
    + "|"
    + "|".join(("三公", "结转", "结余", "拨款", "收入", "合计", "小计"))
)


@rule(
    "narr.listed-project-unknown",
    family=FAMILY,
    severity="warning",
    title="部门整体报告列出的项目都有项目自评表或基础数据",
    title_en="every project the department report lists has a project table or a basic data row",
)
def listed_project_unknown(ctx: AuditContext) -> Iterator[Finding]:
    narrative, projects = ctx.narrative, ctx.projects
    if narrative is None or narrative.project or not projects:
        return
    basic = ctx.basic
    rows = [r.label.text for r in basic.expenses if r.category == "project"] if basic is not None else []
    names = {p.name for p in projects}
    for section in narrative.sections:
        if "项目支出" not in section.title:
            continue
        for paragraph in section.paragraphs:
            for match in _LISTED_ITEM.finditer(paragraph.text):
                label = match.group(1).strip()
                if label in names:  # a table's name as it is written (most lists)
                    continue
                rest = paragraph.text[match.end() : match.end() + 40]
                if "万元" not in rest.split("。", 1)[0] or _NOT_A_PROJECT.search(label):
                    continue  # an item without an amount, or a kind of spending
                if len(without_noise(label)) < 4 or any(names_match(label, p.name) for p in projects):
                    continue
                if _named_in(ctx, match.group(0).lstrip("：:；;。 ")) or any(names_match(label, r) for r in rows):
                    continue  # a table named inside the label, or a basic-data row (reported there if no table)
                yield make(
                    "narr.listed-project-unknown",
                    "warning",
                    FAMILY,
                    None,
                    f"报告列出项目「{label}」（{rest.split('；', 1)[0].split('。', 1)[0]}），"
                    "但包中没有它的项目支出绩效自评表，基础数据表的项目支出中也没有它",
                    f"the report lists project {label} with its funds, but it has no project table and no "
                    "row in the basic data",
                    document_name=narrative_name(narrative),
                    location=section.title,
                    source=paragraph.source,
                    expected="项目支出绩效自评表",
                    found=label,
                )


# What separates the items of a list of projects and their amounts: "…其中：A8万元、B5万元和C3万元。"
_LIST_SEPARATORS = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|元|%|％)|[、，,。；;：:（）()\s]+|和|及|与")


def name_key_source(narrative: Narrative, key: str) -> Source:
    """The paragraph where a project is first named: where the report lists its projects."""
    for section in narrative.sections:
        for paragraph in section.paragraphs:
            if key in name_key(paragraph.text):
                return paragraph.source
    return narrative.source


@rule(
    "narr.stated-sum",
    family=FAMILY,
    severity="error",
    title="“总额…其中…”句中的各项之和不超过总额",
    title_en="the parts listed after 其中 do not exceed the stated total",
)
def stated_sum(ctx: AuditContext) -> Iterator[Finding]:
    from jixiao.narrative import extract_sums

    for narrative in ctx.package.narratives:
        for section in narrative.sections:
            for stated in extract_sums(section.paragraphs):
                total_value = _in_wan(stated.total) if stated.total.kind == "amount" else stated.total.value
                if total_value is None or any(p.kind != stated.total.kind for p in stated.parts):
                    continue
                values = [(_in_wan(p) if p.kind == "amount" else p.value) for p in stated.parts]
                if any(v is None for v in values):
                    continue
                summed = sum((v for v in values if v is not None), Decimal(0))
                unit = stated.total.unit or ""
                listed = "＋".join(p.text for p in stated.parts)
                tolerance = Decimal("0.015") * len(values)
                if summed - total_value > tolerance:
                    yield make(
                        "narr.stated-sum",
                        "error",
                        FAMILY,
                        None,
                        f"「{stated.total.subject}{stated.total.text}」其中所列各项合计{points(summed)}{unit}"
                        f"（{listed}），超过了总额",
                        f"the parts ({listed}) add up to {points(summed)}, more than the total {stated.total.text}",
                        document_name=narrative_name(narrative),
                        location=stated.sentence[:40],
                        source=stated.total.source,
                        expected=f"≤{stated.total.text}",
                        found=f"{points(summed)}{unit}",
                    )
                elif total_value - summed > tolerance and not stated.open_ended and len(values) >= 2:
                    yield make(
                        "narr.stated-sum",
                        "info",
                        FAMILY,
                        None,
                        f"「{stated.total.subject}{stated.total.text}」其中所列各项合计{points(summed)}{unit}，"
                        f"少于总额{points(total_value - summed)}{unit}；若所列为全部构成，则不相符",
                        f"the parts add up to {points(summed)}, {points(total_value - summed)} short of the total",
                        document_name=narrative_name(narrative),
                        location=stated.sentence[:40],
                        source=stated.total.source,
                        expected=stated.total.text,
                        found=f"{points(summed)}{unit}",
                    )


@rule(
    "narr.share",
    family=FAMILY,
    severity="error",
    title="“占…的X%”与其金额之比一致",
    title_en="a stated share equals the part divided by the whole",
)
def share(ctx: AuditContext) -> Iterator[Finding]:
    from jixiao.narrative import extract_shares

    department = ctx.department
    for narrative in ctx.package.narratives:
        for section in narrative.sections:
            for stated in extract_shares(section.paragraphs):
                if stated.part is None or stated.rate.value is None:
                    continue
                part = _in_wan(stated.part)
                whole: Decimal | None = None
                if stated.whole_statement is not None:
                    whole = _in_wan(stated.whole_statement)
                elif stated.whole in ("总支出", "支出总额", "全年支出") and department is not None:
                    whole = department.total.executed.value
                if part is None or not whole:
                    continue
                rate = part / whole * 100
                if abs(rate - stated.rate.value) > Decimal("0.015"):
                    yield make(
                        "narr.share",
                        "error",
                        FAMILY,
                        None,
                        f"报告称{stated.part_name}{stated.part.text}占{stated.whole}的{stated.rate.text}，"
                        f"按金额计算应为{points(rate)}%",
                        f"{stated.part_name} {stated.part.text} is {points(rate)}% of {stated.whole}, "
                        f"not {stated.rate.text}",
                        document_name=narrative_name(narrative),
                        location=stated.sentence[:40],
                        source=stated.rate.source,
                        expected=f"{points(rate)}%",
                        found=stated.rate.text,
                    )


@rule(
    "narr.year-on-year",
    family=FAMILY,
    severity="error",
    title="“比上年增减X万元、X%”前后自洽",
    title_en="a stated year-on-year change agrees with its own amounts",
)
def year_on_year(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        statements = list(statements_of(narrative))
        for index, st in enumerate(statements):
            if st.kind != "amount" or "比上年" not in st.subject or st.value is None:
                continue
            down = any(w in st.subject for w in ("减少", "下降", "降低"))
            current = next(
                (
                    s
                    for s in reversed(statements[:index])
                    if s.kind == "amount" and s.sentence == st.sentence and "比上年" not in s.subject
                ),
                None,
            )
            rate = next(
                (s for s in statements[index + 1 : index + 3] if s.kind == "rate" and s.sentence == st.sentence),
                None,
            )
            if current is None or current.value is None or rate is None or rate.value is None:
                continue
            previous = current.value + st.value if down else current.value - st.value
            if previous <= 0:
                continue
            expected = st.value / previous * 100
            if abs(expected - rate.value) > Decimal("0.015"):
                yield make(
                    "narr.year-on-year",
                    "error",
                    FAMILY,
                    None,
                    f"报告称{current.subject}{current.text}，比上年{'减少' if down else '增加'}{st.text}，"
                    f"变动率应为{points(expected)}%，写为{rate.text}",
                    f"a change of {st.text} on {money(previous)} is {points(expected)}%, not {rate.text}",
                    document_name=narrative_name(narrative),
                    location=st.sentence[:40],
                    source=rate.source,
                    expected=f"{points(expected)}%",
                    found=rate.text,
                )


def _claimed_total_for(ctx: AuditContext, narrative: Narrative) -> tuple[Decimal | None, str | None, str]:
    if narrative.project:
        project = _project_for(ctx, narrative)
        if project is None:
            return None, None, ""
        ds = ctx.for_document(project)
        return project.claimed_total.value, ds.claimed_grade if ds else None, f"项目自评表「{project.name}」"
    for document in (ctx.department, ctx.package.scoring):
        if document is not None and document.claimed_total.value is not None:
            ds = ctx.for_document(document)
            return document.claimed_total.value, ds.claimed_grade if ds else None, document.name
    return None, None, ""


@rule(
    "narr.score",
    family=FAMILY,
    severity="error",
    title="报告所述得分与自评表总分一致",
    title_en="the score stated in the report equals the table's total",
)
def stated_score(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        claimed, _, table = _claimed_total_for(ctx, narrative)
        for st in statements_of(narrative):
            if st.kind != "score" or st.value is None:
                continue
            if not any(w in st.subject for w in ("得分", "评分", "总分", "分数")):
                continue
            if claimed is None:
                if narrative.project and table:
                    yield make(
                        "narr.score",
                        "warning",
                        FAMILY,
                        None,
                        f"报告称{st.subject}{st.text}，但{table}未填写总分，无法核对",
                        f"the report states {st.text} but the table has no total to check it against",
                        document_name=narrative_name(narrative),
                        location=st.sentence[:40],
                        source=st.source,
                        found=st.text,
                    )
                continue
            if abs(st.value - claimed) > ctx.score_tolerance:
                yield make(
                    "narr.score",
                    "error",
                    FAMILY,
                    None,
                    f"报告称{st.subject}{st.text}，但{table}总分为{points(claimed)}分",
                    f"the report says {st.text}; the table's total is {points(claimed)}",
                    document_name=narrative_name(narrative),
                    location=st.sentence[:40],
                    source=st.source,
                    expected=f"{points(claimed)}分",
                    found=st.text,
                )


@rule(
    "narr.grade",
    family=FAMILY,
    severity="error",
    title="报告所述等级与总分对应的等级一致",
    title_en="the grade stated in the report matches the table's total",
)
def stated_grade(ctx: AuditContext) -> Iterator[Finding]:
    from jixiao.frameworks import grade_for

    for narrative in ctx.package.narratives:
        claimed, claimed_grade, table = _claimed_total_for(ctx, narrative)
        expected = claimed_grade or (grade_for(claimed, ctx.score.framework) if claimed is not None else None)
        if not expected:
            continue
        for st in statements_of(narrative):
            if st.kind == "grade" and st.text and st.text != expected:
                yield make(
                    "narr.grade",
                    "error",
                    FAMILY,
                    None,
                    f"报告称评价等级为「{st.text}」，但{table}总分{points(claimed)}分对应「{expected}」",
                    f"the report says grade {st.text}; the table's total gives {expected}",
                    document_name=narrative_name(narrative),
                    location=st.sentence[:40],
                    source=st.source,
                    expected=expected,
                    found=st.text,
                )


@rule(
    "narr.project-reports",
    family=FAMILY,
    severity="warning",
    title="每张项目自评表都有对应的项目自评报告，反之亦然",
    title_en="every project table has its project report and every report its table",
)
def project_reports(ctx: AuditContext) -> Iterator[Finding]:
    reports = [n for n in ctx.package.narratives if n.kind == "project" and n.project]
    projects = ctx.projects
    if not reports or not projects:
        return
    for project in projects:
        if not any(names_match(project.name, n.project or "") for n in reports):
            yield make(
                "narr.project-reports",
                "warning",
                FAMILY,
                project,
                f"项目「{project.name}」有自评表，但没有找到对应的项目支出绩效自评报告",
                f"project {project.name} has a table but no project report",
                location="项目支出绩效自评报告",
            )
    for report in reports:
        if not any(names_match(p.name, report.project or "") for p in projects):
            yield make(
                "narr.project-reports",
                "warning",
                FAMILY,
                None,
                f"项目自评报告「{report.project}」没有对应的项目自评表",
                f"the project report {report.project} has no project table",
                document_name=narrative_name(report),
                source=report.source,
            )


@rule(
    "narr.staff-count",
    family=FAMILY,
    severity="error",
    title="报告所述编制数、在职人数与基础数据表一致",
    title_en="staff numbers stated in the report agree with the basic data",
)
def staff_count(ctx: AuditContext) -> Iterator[Finding]:
    narrative, basic = ctx.narrative, ctx.basic
    if narrative is None or basic is None:
        return
    for st in statements_of(narrative):
        if st.kind != "count" or st.unit != "人" or st.value is None:
            continue
        subject = st.subject
        if "编制" in subject:
            figure, label = basic.staffing.authorized, "编制数"
        elif any(w in subject for w in ("实有", "在职", "年末人数", "年未实有")):
            figure, label = basic.staffing.actual, "实际在职人数"
        else:
            continue
        if figure.value is None or figure.value == st.value:
            continue
        yield make(
            "narr.staff-count",
            "error",
            FAMILY,
            None,
            f"报告称「{subject}{st.text}」，但基础数据表{label}为{figure.value}人",
            f"the report says {subject} {st.text}; the basic data gives {label} {figure.value}",
            document_name=narrative_name(narrative),
            location=st.sentence[:40],
            source=st.source,
            expected=f"{figure.value}人",
            found=st.text,
        )


@rule(
    "narr.execution-rate",
    family=FAMILY,
    severity="error",
    title="报告所述预算执行率与表格计算的执行率一致",
    title_en="the execution rate stated in the report equals the table's",
)
def execution_rate(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        own = _project_for(ctx, narrative) if narrative.project else ctx.department
        for st in statements_of(narrative):
            if st.kind != "rate" or st.value is None or not st.subject.endswith(("执行率", "执行率为")):
                continue
            if any(w in st.subject for w in ("季度", "指标", "目标")):
                continue
            # A rate in a sentence that names a project speaks of that project.
            named = _named_in(ctx, st.sentence)
            if len(named) > 1:
                continue
            label = st.sentence.split("：", 1)[0] if "：" in st.sentence else ""
            if not named and label and len(label) <= 30 and not _UNIT_SUBJECT.search(label):
                continue  # "6．某某经费：…执行率93.69%" speaks of an item with no table here
            document = named[0] if named else own
            if document is None:
                continue
            ds = ctx.for_document(document)
            rate = ds.execution.rate if ds is not None and ds.execution is not None else None
            if rate is None or abs(rate * 100 - st.value) <= Decimal("0.015"):
                continue
            yield make(
                "narr.execution-rate",
                "error",
                FAMILY,
                None,
                f"报告称{st.subject}{st.text}，但「{document.name}」全年执行数÷全年预算数＝{points(rate * 100)}%",
                f"the report says {st.text}; the table of {document.name} gives {points(rate * 100)}%",
                document_name=narrative_name(narrative),
                location=st.sentence[:40],
                source=st.source,
                expected=f"{points(rate * 100)}%",
                found=st.text,
            )
