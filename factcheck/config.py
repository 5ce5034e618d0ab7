"""Settings from ``[tool.factcheck]`` in pyproject.toml or from a factcheck.toml.

The search starts in the current directory and goes upwards; the first folder holding a
factcheck.toml, or a pyproject.toml with a ``[tool.factcheck]`` table, wins. Flags override
what the file says.

    [tool.factcheck]
    tolerance = 0.05           # relative tolerance for approximate values
    ignore-kinds = ["ordinal"]
    fail-on = "conflict"       # or "never"
    published = "2025-07-23"
    model = ""
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

from factcheck.model import Kind
from factcheck.options import Options

FAIL_ON_CHOICES = ("conflict", "never")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the problem."""


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above ``start`` and its factcheck table."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "factcheck.toml"
        if own.is_file():
            return own, _read(own)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("factcheck")
            if isinstance(table, dict):
                return pyproject, table
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not a readable TOML file ({error})") from None
    if path.name == "factcheck.toml":
        # A factcheck.toml may hold the settings at top level or under [tool.factcheck].
        nested = data.get("tool", {}).get("factcheck")
        return nested if isinstance(nested, dict) else data
    return data


def options_from_table(table: dict[str, Any], path: Path, base: Options = Options()) -> Options:
    """Apply one configuration table to ``base``; unknown keys and bad values are errors."""
    changes: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name in ("tolerance", "relative_tolerance"):
            changes["relative_tolerance"] = parse_tolerance(value, f"{path}: {key}")
        elif name == "ignore_kinds":
            if not isinstance(value, list):
                raise ConfigError(f"{path}: {key} must be a list of kinds")
            changes["ignore_kinds"] = parse_kinds(value, f"{path}: {key}")
        elif name == "fail_on":
            if value not in FAIL_ON_CHOICES:
                raise ConfigError(f"{path}: {key} must be one of {', '.join(FAIL_ON_CHOICES)}")
            changes["fail_on"] = value
        elif name in ("max_bytes", "timeout"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"{path}: {key} must be a positive number")
            changes[name] = int(value) if name == "max_bytes" else float(value)
        elif name in ("published", "model"):
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {key} must be a string")
            changes[name] = value
        else:
            raise ConfigError(f"{path}: unknown setting {key!r}")
    return dataclasses.replace(base, **changes)


def parse_tolerance(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise ConfigError(f"{where}: tolerance must be a number from 0 to below 1, not {value!r}")
    return float(value)


def parse_kinds(values: list[Any] | tuple[Any, ...], where: str) -> frozenset[Kind]:
    kinds = set()
    for value in values:
        try:
            kinds.add(Kind(str(value).lower()))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            raise ConfigError(f"{where}: unknown kind {value!r} (known: {known})") from None
    return frozenset(kinds)


def load_options(start: Path | None = None) -> Options:
    """Options from the nearest configuration file, or the defaults when there is none."""
    found = find_config(start)
    if found is None:
        return Options()
    path, table = found
    return options_from_table(table, path)
