"""The command line (thin): every command calls the pipeline; heavy imports happen inside commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _fail(message: str, message_en: str) -> None:
    click.echo(f"错误：{message}\nError: {message_en}", err=True)
    sys.exit(EXIT_UNREADABLE)


def guarded(func: F) -> F:
    """No traceback reaches a user: unexpected errors become a short message and exit 2."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("已中断 / interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_OK)
        except Exception as error:
            if os.environ.get("JIXIAO_DEBUG"):
                raise
            _fail(
                f"内部错误：{type(error).__name__}。请设置 JIXIAO_DEBUG=1 重试并报告此问题",
                f"internal error: {type(error).__name__}: {error}. Set JIXIAO_DEBUG=1 and report it",
            )

    return wrapper  # type: ignore[return-value]


def expand_paths(paths: tuple[str, ...]) -> Iterator[str]:
    """Files as given; a folder gives every file in it (recursively, sorted), skipping hidden ones."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield path


class LazyGroup(click.Group):
    """A group whose commands in other modules are imported only when listed or run."""

    lazy: ClassVar[dict[str, str]] = {
        "export": "jixiao.cli_documents:export",
        "template": "jixiao.cli_template:template",
        "synth": "jixiao.cli_synth:synth",
        "draft": "jixiao.cli_draft:draft",
        "serve": "jixiao.cli_web:serve",
        "createadmin": "jixiao.cli_web:createadmin",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            import importlib

            module, _, name = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), name)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="jixiao", message="jixiao %(version)s")
def main() -> None:
    """Jixiao 绩效：预算绩效自评报告的读取、计分与审核。

    Jixiao reads budget performance self-evaluation packages (text extractions, JSON),
    recomputes every rate, score, total and grade under a framework, and reports where the
    claimed figures differ.
    """


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="输出文件 / output file (default: stdout)")
@guarded
def convert(file: str, output: str | None) -> None:
    """把报告读入并写成 Jixiao JSON / Read a report and write the package as JSON."""
    from jixiao.jsonformat import dumps
    from jixiao.readers import ReadError, read_package

    try:
        package = read_package(file)
    except ReadError as error:
        _fail(error.message, error.message_en)
        return
    text = dumps(package)
    if output:
        from jixiao.writers.files import write_text_atomic

        write_text_atomic(output, text + "\n")
    else:
        click.echo(text)


@main.command()
@guarded
def schema() -> None:
    """打印报告包 JSON Schema / Print the JSON Schema of the package format."""
    import json

    from jixiao.jsonformat import schema as make_schema

    click.echo(json.dumps(make_schema(), ensure_ascii=False, indent=2))


@main.command()
@guarded
def frameworks() -> None:
    """列出内置评价框架 / List the built-in frameworks."""
    from jixiao.frameworks import builtin_frameworks

    for framework in builtin_frameworks():
        click.echo(f"{framework.id:22} {framework.name}  ({framework.name_en})")


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式 / output format",
)
@click.option("--framework", help="评价框架 id 或 .toml 文件 / framework id or path to a .toml file")
@guarded
def score(files: tuple[str, ...], fmt: str, framework: str | None) -> None:
    """重新计算并对照每一行得分 / Recompute and show claimed beside computed for every row.

    Exit 0 when every file was read, 2 when any could not be (the others are still processed).
    """
    from jixiao.pipeline import process_files

    results = process_files(expand_paths(files), framework=framework)
    worst = _emit(results, fmt, audit=False)
    sys.exit(worst)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式 / output format",
)
@click.option("--framework", help="评价框架 id 或 .toml 文件 / framework id or path to a .toml file")
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    default="info",
    show_default=True,
    help="只显示此级别及以上的问题 / show findings of this severity and above",
)
@click.option("--rule", "rules", multiple=True, help="只运行这些规则（可重复；可用前缀如 arith）/ only these rules")
@guarded
def audit(files: tuple[str, ...], fmt: str, framework: str | None, min_severity: str, rules: tuple[str, ...]) -> None:
    """审核报告包，列出每一处不一致 / Audit packages: every inconsistency, located and explained.

    Exit 0 when no file has errors, 1 when any has, 2 when a file cannot be read (the others are
    still audited). A folder audits every file in it.
    """
    from dataclasses import replace

    from jixiao.audit import SEVERITY_ORDER
    from jixiao.pipeline import process_file

    paths = list(expand_paths(files))
    limit = SEVERITY_ORDER[min_severity]

    def results() -> Iterator[Any]:
        for path in _progress(paths, enabled=fmt == "text" or len(paths) > 1):
            result = process_file(path, framework=framework, audit=True, rules=rules)
            kept = tuple(f for f in result.findings if SEVERITY_ORDER[f.severity] <= limit)
            yield replace(result, findings=kept)

    sys.exit(_emit(results(), fmt, audit=True))


def _progress(paths: list[str], *, enabled: bool) -> Iterator[str]:
    """A progress bar on the terminal (stderr) for more than a few files; nothing otherwise."""
    if not enabled or len(paths) < 5 or not sys.stderr.isatty():
        yield from paths
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as progress:
        task = progress.add_task("审核中 Auditing", total=len(paths))
        for path in paths:
            yield path
            progress.advance(task)


def _emit(results: Iterator[Any], fmt: str, *, audit: bool) -> int:
    worst = EXIT_OK
    if fmt == "json":
        import json

        from jixiao.pipeline import result_to_json

        out = sys.stdout
        out.write('{"files": [')
        for index, result in enumerate(results):
            if index:
                out.write(", ")
            out.write(json.dumps(result_to_json(result, with_findings=audit), ensure_ascii=False))
            worst = max(worst, _exit_code(result, audit))
        out.write("]}\n")
        return worst
    from jixiao.report_text import render_result

    for result in results:
        render_result(result, audit=audit)
        worst = max(worst, _exit_code(result, audit))
    return worst


def _exit_code(result: Any, audit: bool) -> int:
    if not result.ok:
        return EXIT_UNREADABLE
    if audit and result.has_errors:
        return EXIT_FINDINGS
    return EXIT_OK


@main.command()
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None, help="保存示例的目录 / folder")
@guarded
def demo(output: str | None) -> None:
    """读取并计分一份示例报告 / Read and score a bundled sample report."""
    from importlib.resources import as_file, files

    from jixiao.pipeline import process_file
    from jixiao.report_text import render_result

    sample = files("jixiao.samples").joinpath("sample-hunan-2023.txt")
    with as_file(sample) as path:
        result = process_file(str(path), display="示例：" + sample.name, audit=True)
    render_result(result, audit=True)
    if output:
        from jixiao.jsonformat import dumps
        from jixiao.writers.files import write_text_atomic

        if result.package is not None:
            os.makedirs(output, exist_ok=True)
            write_text_atomic(os.path.join(output, "sample-package.json"), dumps(result.package) + "\n")
    sys.exit(EXIT_OK if result.ok else EXIT_UNREADABLE)


if __name__ == "__main__":  # pragma: no cover
    main()
