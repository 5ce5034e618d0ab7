from click.testing import CliRunner

from factcheck import __version__
from factcheck.cli import cli


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"factcheck, version {__version__}\n"


def test_spacy_model_loads_once(nlp) -> None:  # type: ignore[no-untyped-def]
    from factcheck.nlp import load_model

    assert load_model() is nlp
    assert nlp.meta["version"] == "3.8.0"
    assert {"parser", "ner"} <= set(nlp.pipe_names)
