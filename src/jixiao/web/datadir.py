"""Where the web app keeps its state: the data directory and the secret key.

Settings fail closed: the secret comes from JIXIAO_SECRET_KEY or from a generated file in the data
directory (mode 0600); a known default is never used and an empty key refuses to start.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

SECRET_FILE = "secret_key"
_MIN_SECRET_LENGTH = 32


def data_dir() -> Path:
    """JIXIAO_DATA_DIR, else ~/.local/share/jixiao (XDG_DATA_HOME respected); created 0700."""
    configured = os.environ.get("JIXIAO_DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "jixiao"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def secret_key(directory: Path) -> str:
    """The secret key: from the environment, else from (or newly written to) the data directory."""
    if "JIXIAO_SECRET_KEY" in os.environ:
        value = os.environ["JIXIAO_SECRET_KEY"].strip()
        if len(value) < _MIN_SECRET_LENGTH:
            raise ImproperlyConfigured(
                "JIXIAO_SECRET_KEY 为空或过短（至少 32 个字符） / JIXIAO_SECRET_KEY is empty or too short"
            )
        return value
    path = directory / SECRET_FILE
    if not path.exists():
        value = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(value)
    os.chmod(path, 0o600)
    value = path.read_text(encoding="ascii").strip()
    if len(value) < _MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(f"密钥文件 {path} 为空或过短 / the secret key file {path} is empty or too short")
    return value


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}
