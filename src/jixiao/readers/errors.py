"""The one error a reader raises: an unreadable file, said in Chinese and English."""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, message: str, message_en: str, *, path: str | None = None) -> None:
        super().__init__(f"{message} / {message_en}")
        self.message = message
        self.message_en = message_en
        self.path = path

    def __str__(self) -> str:
        return f"{self.message}（{self.message_en}）"
