"""The one error a framework file can cause, in Chinese and English, with the line."""

from __future__ import annotations


class FrameworkError(ValueError):
    """A framework file is missing, unreadable or invalid.

    ``message`` is Chinese, ``message_en`` English; ``line`` is the 1-based line of the
    offending key in the file (None when unknown) and ``path`` the file (None for text).
    """

    def __init__(
        self,
        message: str,
        message_en: str,
        *,
        line: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.message_en = message_en
        self.line = line
        self.path = path
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path or "<framework>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message} ({self.message_en})"

    def located(self, *, line: int | None = None, path: str | None = None) -> FrameworkError:
        """The same error with a line and path filled in where they were unknown."""
        return FrameworkError(
            self.message,
            self.message_en,
            line=self.line if self.line is not None else line,
            path=self.path if self.path is not None else path,
        )
