"""PDF: the .docx export converted by LibreOffice (``soffice --headless --convert-to pdf``).

Each conversion runs in its own temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), so parallel conversions do not share state, under a timeout.
``FONTCONFIG_FILE`` points at a temporary configuration that includes the system one and then
fonts/fontconfig.conf, which maps 仿宋/楷体/宋体/方正小标宋简体 to Noto Serif CJK SC and 黑体 to
Noto Sans CJK SC (install fonts-noto-cjk; scripts/setup-system.sh does).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.writers import WriterUnavailable

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore
    from jixiao.model import Package

FONT_ALIASES = Path(__file__).with_name("fonts") / "fontconfig.conf"
TIMEOUT_SECONDS = 120
_SYSTEM_FONTS = "/etc/fonts/fonts.conf"


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _fontconfig(folder: Path) -> Path:
    system = os.environ.get("FONTCONFIG_FILE") or _SYSTEM_FONTS
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{system}</include>\n'
        f'  <include ignore_missing="yes">{FONT_ALIASES}</include>\n'
        f"  <cachedir>{folder / 'fc-cache'}</cachedir>\n"
        "  <cachedir>/var/cache/fontconfig</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def docx_to_pdf(docx: bytes, *, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """Convert .docx bytes to PDF bytes with LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise WriterUnavailable(
            "未安装 LibreOffice，无法生成 PDF（请运行 scripts/setup-system.sh 或安装 libreoffice-writer）",
            "LibreOffice is not installed, so PDF cannot be made (run scripts/setup-system.sh "
            "or install libreoffice-writer)",
        )
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as temporary:
        folder = Path(temporary)
        source = folder / "report.docx"
        source.write_bytes(docx)
        environment = dict(os.environ)
        environment["FONTCONFIG_FILE"] = str(_fontconfig(folder))
        environment["HOME"] = str(folder)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        # A new session, so a timeout can end LibreOffice and every process it started.
        process = subprocess.Popen(
            command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise WriterUnavailable(
                f"LibreOffice 转换 PDF 超时（{timeout} 秒）", f"LibreOffice timed out after {timeout} s making the PDF"
            ) from None
        result = folder / "out" / "report.pdf"
        if process.returncode != 0 or not result.is_file():
            detail = (stderr or stdout).decode("utf-8", "replace").strip()[-300:]
            raise WriterUnavailable(
                f"LibreOffice 转换 PDF 失败：{detail}", f"LibreOffice failed to make the PDF: {detail}"
            )
        return result.read_bytes()


def write_pdf(package: Package, score: PackageScore | None = None) -> bytes:
    """The package as PDF: the .docx export, converted by LibreOffice."""
    from jixiao.writers.docx_writer import write_docx

    return docx_to_pdf(write_docx(package, score))
