"""``jixiao synth``: write generated packages with injected defects and their answer keys."""

from __future__ import annotations

import sys

import click


@click.command("synth")
@click.option(
    "--count",
    type=click.IntRange(1, 1_000_000),
    default=10,
    show_default=True,
    help="生成的报告包数量 / number of packages",
)
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子 / random seed")
@click.option(
    "--out", type=click.Path(file_okay=False), required=True, help="输出文件夹 / output folder (created if missing)"
)
@click.option(
    "--projects",
    type=click.IntRange(1, 12),
    default=3,
    show_default=True,
    help="每个报告包的项目数 / projects per package",
)
@click.option(
    "--defect-rate",
    type=click.FloatRange(0, 1),
    default=1.0,
    show_default=True,
    help="含缺陷报告包的比例 / share of packages with injected defects",
)
@click.option("--clean", is_flag=True, help="全部生成无缺陷的报告包 / no defects at all (same as --defect-rate 0)")
@click.option("--force", is_flag=True, help="允许写入非空且非 synth 输出的文件夹 / write into any folder")
def synth(
    count: int, seed: int, out: str, projects: int, defect_rate: float, clean: bool = False, force: bool = False
) -> None:
    """生成带缺陷及答案的模拟报告包 / Write generated packages (.json, .txt) with injected defects and keys."""
    from jixiao.synth import OutputNotEmpty, generate_batch

    try:
        entries = generate_batch(
            count, seed, out, projects=projects, defect_rate=0.0 if clean else defect_rate, force=force
        )
    except OutputNotEmpty as error:
        click.echo(f"错误：{error.message}\nError: {error.message_en}", err=True)
        sys.exit(2)
    except OSError as error:
        click.echo(f"错误：无法写入「{out}」：{error.strerror}\nError: cannot write {out}: {error.strerror}", err=True)
        sys.exit(2)
    defects = sum(e.defects for e in entries)
    clean_count = sum(e.clean for e in entries)
    click.echo(f"已生成 {len(entries)} 个报告包（{clean_count} 个无缺陷，共注入 {defects} 处缺陷）→ {out}")
    click.echo(f"wrote {len(entries)} packages ({clean_count} clean, {defects} defects injected) to {out}")
