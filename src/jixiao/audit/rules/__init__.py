"""The built-in rules, one module per family. Importing this package registers them all."""

from jixiao.audit.rules import (  # noqa: F401
    arithmetic,
    completeness,
    copies,
    dates,
    logic,
    narrative,
    scoring,
    units,
)
