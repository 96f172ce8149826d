"""manage.py loaddemo: the demo organisation, users (passwords printed once) and packages."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "载入示例机构、用户与报告包 / load the demo organisation, users and packages"

    def handle(self, *args: Any, **options: Any) -> None:
        from jixiao.web.demo import load_demo

        credentials = load_demo()
        if not credentials:
            self.stdout.write("示例数据已存在，未重复载入 / the demo data is already loaded")
            return
        self.stdout.write("示例用户（密码只显示这一次）/ demo users (passwords are shown only once):")
        for role, username, password in credentials:
            self.stdout.write(f"  {role}\t{username}\t{password}")
