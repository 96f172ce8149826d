"""``jixiao export``: any report file → .docx, .xlsx, .pdf or .json (registered in cli.py)."""

from __future__ import annotations

import click

from jixiao.cli import EXIT_UNREADABLE, _fail, guarded

_SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf", "json": ".json"}


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--to", "to", type=click.Choice(["docx", "xlsx", "pdf", "json"]), required=True, help="输出格式 / output format"
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="输出文件 / output file (default: FILE.<format>)")
@click.option("--framework", help="评价框架 id 或 .toml 文件 / framework id or path to a .toml file")
@guarded
def export(file: str, to: str, output: str | None, framework: str | None) -> None:
    """把报告导出为公文格式 / Export a report as Word, Excel, PDF or JSON.

    缺少的得分、执行率、总分以计算值填写并标注“（计算）”。
    Missing claimed scores, rates and totals are filled with computed values marked "（计算）".
    """
    import os

    from jixiao.pipeline import process_file
    from jixiao.writers import WriterUnavailable, render
    from jixiao.writers.files import write_bytes_atomic

    result = process_file(file, framework=framework)
    if result.package is None:
        _fail(f"无法读取 {file}：{result.error}", f"cannot read {file} (see the message above)")
        return
    target = output or os.path.splitext(file)[0] + _SUFFIXES[to]
    if os.path.abspath(target) == os.path.abspath(file):
        _fail("输出文件不能覆盖输入文件", "the output file must not overwrite the input file")
        return
    try:
        data = render(result.package, result.score, to)  # type: ignore[arg-type]
    except WriterUnavailable as error:
        _fail(error.message, error.message_en)
        return
    except ImportError as error:
        _fail(f"此格式所需的组件未安装：{error.name}", f"a component this format needs is not installed: {error.name}")
        return
    try:
        write_bytes_atomic(target, data)
    except OSError as error:
        _fail(f"无法写入 {target}：{error.strerror}", f"cannot write {target}: {error.strerror}")
        return
    click.echo(f"已写入 / written: {target}")


__all__ = ["EXIT_UNREADABLE", "export"]
