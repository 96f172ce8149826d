"""Command-line entry points of the web app: ``jixiao serve`` and ``jixiao createadmin``.

Django is imported inside the commands only, so the rest of the CLI stays light. Also runnable on
its own: ``python -m jixiao.cli_web serve --demo``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def setup_django(host: str | None = None) -> None:
    """Configure settings from the environment (fail closed) and initialise Django."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    if host and host not in LOOPBACK and not host.startswith("127."):
        if host not in ("0.0.0.0", "::"):
            os.environ.setdefault("JIXIAO_ALLOWED_HOSTS", host)
        os.environ.setdefault("JIXIAO_SECURE_COOKIES", "1")
    import django

    django.setup()


def prepare_database(demo: bool) -> list[tuple[str, str, str]]:
    """Apply migrations; with ``demo`` load the demo organisation. Returns the new demo credentials."""
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", interactive=False, verbosity=0)
    credentials: list[tuple[str, str, str]] = []
    if demo:
        from jixiao.web.demo import load_demo

        credentials = load_demo()
    connections.close_all()
    return credentials


def run_gunicorn(host: str, port: int, workers: int, threads: int = 4) -> None:
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

    from jixiao.web.wsgi import application

    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            settings: dict[str, Any] = {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "timeout": 120,
                "graceful_timeout": 10,
                "accesslog": os.environ.get("JIXIAO_ACCESS_LOG") or None,
                "errorlog": "-",
                "loglevel": "warning",
                "limit_request_line": 8190,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


@click.command()
@click.option("--demo", is_flag=True, help="载入示例机构、用户与报告包 / load the demo organisation")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址 / address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="端口 / port")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="进程数 / worker processes")
def serve(demo: bool, host: str, port: int, workers: int) -> None:
    """启动网站（首次运行自动建库）/ Run the web application (creates the database on first run)."""
    setup_django(host)
    from django.conf import settings

    credentials = prepare_database(demo)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    click.echo(f"数据库 / database: {engine} ({settings.DATABASES['default']['NAME']})")
    if demo and credentials:
        click.echo("示例用户（密码只显示这一次，请记下）/ demo users (passwords are shown only once):")
        for role, username, password in credentials:
            click.echo(f"  {role}\t{username}\t{password}")
    elif demo:
        click.echo("示例数据已存在 / the demo data is already loaded (passwords were shown the first time)")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"网站地址 / open: http://{shown}:{port}/  (Ctrl+C 停止 / to stop)")
    sys.stdout.flush()
    run_gunicorn(host, port, workers)


@click.command()
@click.option("--username", default="admin", show_default=True, help="用户名 / username")
@click.option("--bureau", default="财政局", show_default=True, help="财政局名称（尚无机构时创建）")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码 / read the password from stdin")
def createadmin(username: str, bureau: str, password_stdin: bool) -> None:
    """创建管理员（首次使用）/ Create an administrator (first use)."""
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    call_command("migrate", interactive=False, verbosity=0)
    args = ["createadmin", "--username", username, "--bureau", bureau]
    if password_stdin:
        args.append("--password-stdin")
    try:
        call_command(*args)
    except CommandError as error:
        click.echo(f"错误 / error: {error}", err=True)
        sys.exit(2)


@click.group()
def web() -> None:
    """Jixiao 网站 / the Jixiao web application."""


web.add_command(serve)
web.add_command(createadmin)


@web.command(name="manage", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Django 管理命令 / run a Django management command (migrate, loaddemo, ...)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jixiao-manage", *args])


if __name__ == "__main__":
    web()
