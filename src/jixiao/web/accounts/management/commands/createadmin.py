"""manage.py createadmin: the first administrator (and a finance bureau if there is none)."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "创建管理员 / create an administrator"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--bureau", default="财政局", help="财政局名称（无机构时创建）")
        parser.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")

    def handle(self, *args: Any, **options: Any) -> None:
        from jixiao.web.accounts.models import Organisation, OrgKind, Role, User

        username: str = options["username"]
        if User.objects.filter(username=username).exists():
            raise CommandError(f"用户 {username} 已存在 / user {username} already exists")
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("密码 / password: ")
            if password != getpass.getpass("再次输入 / again: "):
                raise CommandError("两次输入的密码不一致 / the passwords differ")
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        bureau = Organisation.objects.filter(parent__isnull=True).first()
        if bureau is None:
            bureau = Organisation.objects.create(name=options["bureau"], kind=OrgKind.BUREAU)
        User.objects.create_user(username=username, password=password, role=Role.ADMIN, organisation=bureau)
        self.stdout.write(f"已创建管理员 {username} / administrator {username} created")
