"""Shared fixtures: golden files (regenerate with ``pytest --accept``), corpus paths, validators."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = SAMPLES / "kim-putin-vostochny.txt"
#: Fixed build date for reproducible outputs in tests (2023-09-14T00:00:00Z).
EPOCH = "1694649600"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--accept", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def accept(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--accept"))


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def check_golden(path: Path, actual: str, accept: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it under ``--accept``."""
    if accept or not path.exists():
        if not accept:
            pytest.fail(f"golden file {path} is missing; run pytest --accept and review the diff")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs; review, then --accept"


@pytest.fixture
def source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    yield EPOCH


def corpus_dir(name: str) -> Path:
    path = CORPUS / name
    if not path.is_dir():
        pytest.fail(f"the shared corpus is missing at {path}; it must sit beside the project")
    return path


def java() -> str:
    found = os.environ.get("JAVA", "java")
    return found
