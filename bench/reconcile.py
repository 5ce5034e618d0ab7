"""Reconciliation bench: accuracy on ../shared/bench/reconcile-dev and the speed of `factcheck check`.

    .venv/bin/python bench/reconcile.py            # everything
    .venv/bin/python bench/reconcile.py --accuracy # just the scorer
    .venv/bin/python bench/reconcile.py --speed    # just the timings

`bench/run.py` calls ``run(root)``; it returns the figures as a dict and prints them.
The bench data stays outside the repository (see ../shared/bench/README.md); when it is
absent the accuracy part says so and is skipped.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"
SEEDS = SHARED / "seeds"
COLD_RUNS = 5


def factcheck_command(root: Path = ROOT) -> list[str]:
    return [str(root / ".venv" / "bin" / "factcheck"), "check", "--format", "json"]


def accuracy(root: Path = ROOT, verbose: bool = False) -> dict[str, Any]:
    """Run the reconcile scorer over reconcile-dev: conflict recall/precision, agreement recall."""
    scorer = BENCH / "score_reconcile.py"
    cases = BENCH / "reconcile-dev"
    if not scorer.is_file() or not cases.is_dir():
        print(f"reconcile accuracy: skipped ({cases} not found)")
        return {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "run.json"
        command = [
            sys.executable,
            str(scorer),
            "--cases",
            str(cases),
            "--cmd",
            " ".join(factcheck_command(root)),
            "--json",
            str(out),
        ] + (["-v"] if verbose else [])
        completed = subprocess.run(command, capture_output=not verbose, text=True, check=False)
        if completed.returncode != 0 or not out.is_file():
            print(f"reconcile accuracy: the scorer failed ({completed.returncode})")
            return {}
        summary: dict[str, Any] = json.loads(out.read_text())["summary"]
    figures = {
        "conflict_recall": summary["conflict_recall"],
        "conflict_precision": summary["conflict_precision"],
        "agreement_recall": summary["agreement_recall"],
        "exit_code_accuracy": summary["exit_code_accuracy"],
        "errors": summary["errors"],
    }
    print(
        "reconcile-dev: conflict recall {conflict_recall:.2f}  conflict precision "
        "{conflict_precision:.2f}  agreement recall {agreement_recall:.2f}  exit codes "
        "{exit_code_accuracy:.2f}  errors {errors}".format(**figures)
    )
    return figures


def _pairs() -> list[tuple[Path, Path]]:
    pairs = []
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(seeds) >= 2:
        pairs.append((seeds[0], seeds[1]))
    cases = BENCH / "reconcile-dev"
    if cases.is_dir():
        pairs += [
            (d / "a.txt", d / "b.txt") for d in sorted(cases.iterdir()) if (d / "a.txt").is_file()
        ]
    return pairs


def cold_seconds(root: Path = ROOT, runs: int = COLD_RUNS) -> float | None:
    """Median wall time of a fresh `factcheck check` process on the seed pair."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(seeds) < 2:
        return None
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [*factcheck_command(root), str(seeds[0]), str(seeds[1])],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def warm_speed() -> dict[str, float]:
    """Pairs per second of check_documents in one warm process, against bare spaCy parsing."""
    from factcheck.check import check_documents
    from factcheck.ingest import load_sources
    from factcheck.nlp import load_model
    from factcheck.options import Options

    pairs = _pairs()
    if not pairs:
        return {}
    nlp = load_model()
    options = Options()
    loaded = [load_sources([str(a), str(b)], options)[0] for a, b in pairs]
    check_documents(loaded[0], nlp, options)  # warm up (quantulum3 tables, spaCy caches)
    began = time.perf_counter()
    for documents in loaded:
        check_documents(documents, nlp, options)
    check_time = time.perf_counter() - began
    texts = [d.text for documents in loaded for d in documents]
    began = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    parse_time = time.perf_counter() - began
    return {
        "pairs": len(loaded),
        "pairs_per_second": len(loaded) / check_time,
        "check_seconds": check_time,
        "spacy_seconds": parse_time,
        "ratio_to_spacy": check_time / parse_time if parse_time else float("nan"),
    }


def speed(root: Path = ROOT) -> dict[str, Any]:
    cold = cold_seconds(root)
    figures: dict[str, Any] = {"cold_seed_pair_seconds": cold}
    if cold is not None:
        print(f"check, cold process on the seed pair: {cold:.2f} s (median of {COLD_RUNS})")
    warm = warm_speed()
    figures.update(warm)
    if warm:
        print(
            f"check, warm: {warm['pairs_per_second']:.2f} pairs/s over {warm['pairs']:.0f} pairs "
            f"({warm['check_seconds']:.2f} s; bare spaCy parse {warm['spacy_seconds']:.2f} s, "
            f"ratio {warm['ratio_to_spacy']:.2f})"
        )
    return figures


def run(root: Path = ROOT, verbose: bool = False) -> dict[str, Any]:
    """Everything: the figures bench/run.py prints."""
    return {"reconcile": accuracy(root, verbose), "check_speed": speed(root)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accuracy", action="store_true", help="only the reconcile-dev scores")
    parser.add_argument("--speed", action="store_true", help="only the timings")
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorer's per-case output")
    args = parser.parse_args()
    if args.accuracy or not args.speed:
        accuracy(ROOT, args.verbose)
    if args.speed or not args.accuracy:
        speed(ROOT)


if __name__ == "__main__":
    main()
