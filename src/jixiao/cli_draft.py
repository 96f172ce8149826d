"""``jixiao draft``: fill the missing standard sections of the department narrative (registered in cli.py)."""

from __future__ import annotations

import click

from jixiao.cli import EXIT_UNREADABLE, _fail, guarded


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="输出 JSON 文件 / output JSON file")
@click.option("--framework", help="评价框架 id 或 .toml 文件 / framework id or path to a .toml file")
@guarded
def draft(file: str, output: str | None, framework: str | None) -> None:
    """起草部门整体支出绩效自评报告的标准章节 / Draft the standard narrative sections from the figures.

    只起草缺失或空白的章节，填报人已写的内容保持不变；起草的段落以“【草稿】”开头，经人工确认后删除该标记。
    Only missing or empty sections are drafted; the preparer's prose is kept. Drafted paragraphs start
    with "【草稿】" until a person accepts them. Writes the package as JSON (default: FILE.draft.json).
    """
    import os

    from jixiao.jsonformat import dumps
    from jixiao.narrative.drafting import draft_narrative, is_draft
    from jixiao.pipeline import evaluate
    from jixiao.readers import ReadError, read_package
    from jixiao.writers.files import write_text_atomic

    try:
        package = read_package(file)
    except ReadError as error:
        _fail(f"无法读取 {file}：{error.message}", f"cannot read {file}: {error.message_en}")
        return
    result = evaluate(package, path=file, framework=framework)
    if not result.ok or result.score is None or result.package is None:
        _fail(f"无法读取 {file}：{result.error}", f"cannot read or score {file} (see the message above)")
        return
    drafted = draft_narrative(result.package, result.score)
    target = output or os.path.splitext(file)[0] + ".draft.json"
    if os.path.abspath(target) == os.path.abspath(file):
        _fail("输出文件不能覆盖输入文件", "the output file must not overwrite the input file")
        return
    try:
        write_text_atomic(target, dumps(drafted) + "\n")
    except OSError as error:
        _fail(f"无法写入 {target}：{error.strerror}", f"cannot write {target}: {error.strerror}")
        return
    narrative = drafted.narrative
    count = sum(is_draft(p) for p in narrative.paragraphs) if narrative else 0
    click.echo(f"已起草 {count} 段（以“【草稿】”标记），已写入 / drafted {count} paragraphs, written: {target}")


__all__ = ["EXIT_UNREADABLE", "draft"]
