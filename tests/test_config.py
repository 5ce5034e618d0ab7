"""Settings from [tool.factcheck] or factcheck.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import ConfigError, find_config, load_options
from factcheck.model import Kind
from factcheck.options import Options


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\ntolerance = 0.1\nignore-kinds = ["ordinal", "YEAR"]\nfail-on = "never"\n'
    )
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    options = load_options(inner)
    assert options == Options(
        relative_tolerance=0.1,
        ignore_kinds=frozenset({Kind.ORDINAL, Kind.YEAR}),
        fail_on="never",
    )


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('published = "2025-07-23"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    found = find_config(inner)
    assert found is not None and found[0] == tmp_path / "factcheck.toml"
    assert load_options(inner).published == "2025-07-23"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("tolerance = 2\n", "tolerance must be a number from 0 to below 1, not 2"),
        ('ignore-kinds = ["colour"]\n', "unknown kind 'colour'"),
        ('fail-on = "always"\n', "fail-on must be one of conflict, never"),
        ("colour = true\n", "unknown setting 'colour'"),
        ("tolerance = \n", "not a readable TOML file"),
    ],
)
def test_bad_settings_name_the_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "factcheck.toml").write_text(body)
    with pytest.raises(ConfigError) as error:
        load_options(tmp_path)
    assert str(error.value).startswith(str(tmp_path / "factcheck.toml"))
    assert message in str(error.value)
