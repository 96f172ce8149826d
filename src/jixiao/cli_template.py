"""``jixiao template``: write a blank package (.xlsx, or .json) with a framework's structure."""

from __future__ import annotations

import datetime as dt
import sys

import click


@click.command("template")
@click.option(
    "--framework",
    "framework_id",
    default="hunan-2023",
    show_default=True,
    help="评价框架 id 或 .toml 文件 / framework id or path to a .toml file",
)
@click.option(
    "--year",
    type=click.IntRange(1990, 2100),
    default=lambda: dt.date.today().year - 1,
    show_default="上一年 / last year",
    help="评价年度 / fiscal year",
)
@click.option(
    "--projects",
    type=click.IntRange(0, 200),
    default=1,
    show_default=True,
    help="项目支出绩效自评表的数量 / number of project tables",
)
@click.option("--unit", default=None, help="单位名称 / the unit's name")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="输出文件（.xlsx 或 .json）/ output file (.xlsx or .json)",
)
def template(framework_id: str, year: int, projects: int, unit: str | None, output: str) -> None:
    """生成空白填报模板（含公式）/ Write a blank template with the framework's structure and live formulas."""
    from jixiao.frameworks import FrameworkError
    from jixiao.templates import build_template
    from jixiao.writers.files import write_bytes_atomic

    try:
        package = build_template(framework_id, year, projects, unit)
    except FrameworkError as error:
        click.echo(f"错误：{error.message}\nError: {error.message_en}", err=True)
        sys.exit(2)
    if output.lower().endswith(".json"):
        from jixiao.jsonformat import dumps

        data = (dumps(package) + "\n").encode("utf-8")
    else:
        from jixiao.writers.xlsx_writer import write_xlsx

        data = write_xlsx(package, None)
    try:
        write_bytes_atomic(output, data)
    except OSError as error:
        click.echo(
            f"错误：无法写入 {output}：{error.strerror}\nError: cannot write {output}: {error.strerror}", err=True
        )
        sys.exit(2)
    click.echo(f"已生成模板 / template written: {output}（{len(package.projects)} 个项目表 / project tables）")
