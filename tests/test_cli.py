"""The command line, driven in-process: outputs, exit codes, one-line errors, no partial files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from syndicate.cli import main

from .conftest import SEED, sample_paths


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_all_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in sample_paths()]
    code, out, err = run(["convert", *paths, "--to", "html,json", "-o", str(tmp_path)], capsys)
    assert code == 0, err
    written = sorted(p.name for p in tmp_path.iterdir())
    expected = sorted(f"{Path(p).stem}.{ext}" for p in paths for ext in ("html", "json"))
    assert written == expected
    assert out == ""
    assert "title inferred" in err  # the seed has no headline: a warning, not an error


def test_convert_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline A\n\nBody of article A is here.", encoding="utf-8")
    (folder / "a.meta.toml").write_text('tags = ["x"]\n', encoding="utf-8")
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, _, err = run(["convert", str(folder), "--to", "json", "-o", str(tmp_path / "out")], capsys)
    assert code == 0, err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.json"]
    assert json.loads((tmp_path / "out" / "a.json").read_text())["tags"] == ["x"]


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    code = main(["convert", "-", "--to", "html", "-o", "-"])
    out, _ = capsysbinary.readouterr()
    assert code == 0
    assert out.startswith(b"<!DOCTYPE html>")
    assert b"North Korea has many conventional weapons</h2>" in out


def test_stdout_needs_one_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", str(SEED), "--to", "html,json", "-o", "-"], capsys)
    assert code == 2
    assert "exactly one output" in err


def test_inspect_json_is_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["inspect", str(SEED), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["source"] == "Watson"


def test_inspect_explains_removals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["inspect", str(SEED)], capsys)
    assert code == 0
    assert "removed: 3" in out
    assert "source          Soource :Watson" in out
    assert "original:   Zeit Online" in out


def test_set_overrides_and_sidecar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "kim.txt"
    article.write_bytes(SEED.read_bytes())
    (tmp_path / "kim.meta.yaml").write_text("title: From the sidecar\npublisher: Side Press\n")
    code, out, _ = run(["inspect", str(article), "--json", "--set", "title=From the flag"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "From the flag"
    assert data["title_inferred"] is False
    assert data["publisher"] == "Side Press"


def test_formats_lists_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["formats"], capsys)
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert {"html", "json"} <= set(names)


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "syndicate convert article.txt --to html -o out/" in out
    assert "exit codes" in out
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("syndicate ")


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp / "broken.txt").write_bytes("Café au lait".encode() + b"\xff\xfe and more")
    big = tmp / "big.txt"
    with big.open("wb") as handle:  # 50 MB, written sparsely
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"x")
    (tmp / "folder").mkdir()
    return {
        "empty": (tmp / "empty.txt", "contains no text"),
        "png": (tmp / "image.txt", "is a PNG image, not article text"),
        "utf8": (tmp / "broken.txt", "is not valid UTF-8"),
        "big": (big, "over the 16 MB limit"),
        "missing": (tmp / "nope.txt", "no such file"),
        "empty folder": (tmp / "folder", "folder has no article files"),
    }


@pytest.mark.parametrize("case", ["empty", "png", "utf8", "big", "missing", "empty folder"])
def test_bad_input_is_one_line_exit_2_no_output(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, message = _bad_inputs(tmp_path)[case]
    out_dir = tmp_path / "out"
    code, _, err = run(["convert", str(SEED), str(path), "--to", "html", "-q", "-o", str(out_dir)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("syndicate: error: "), err
    assert str(path) in err and message in err
    assert "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.iterdir())  # not even the good input's output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "docx"], "unknown format 'docx'; available formats:"),
        (["--to", "html", "-O", "nope=1"], "no chosen format has the option 'nope'"),
        (["--to", "html", "--set", "colour=red"], "unknown metadata key 'colour'"),
        (["--to", "html", "--set", "published=someday"], "cannot read 'someday' as a date"),
        (["--to", "html", "--set", "title"], "--set takes KEY=VALUE"),
    ],
)
def test_usage_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["convert", str(SEED), *args, "-o", str(tmp_path)], capsys)
    assert code == 2
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_argparse_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", str(SEED)], capsys)
    assert code == 2
    assert "--to" in err


def test_strict_fails_on_warnings_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["convert", str(SEED), "--to", "html", "--strict", "-o", str(tmp_path)], capsys)
    assert code == 1
    assert "strict mode" in err
    assert list(tmp_path.iterdir()) == []
    code, _, _ = run(
        [
            "convert",
            str(SEED),
            "--to",
            "html",
            "--strict",
            "--set",
            "title=Kim meets Putin",
            "-o",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 0


def test_same_output_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("Headline\n\nSome body text here.", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(
        [
            "convert",
            str(tmp_path / "a" / "story.txt"),
            str(tmp_path / "b" / "story.txt"),
            "--to",
            "html",
            "-o",
            str(out_dir),
        ],
        capsys,
    )
    assert code == 2
    assert "would both write" in err
    assert not out_dir.exists()


def test_quiet_hides_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", str(SEED), "--to", "json", "-q", "-o", str(tmp_path)], capsys)
    assert code == 0
    assert err == ""


def test_debug_shows_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    from syndicate.errors import ReadError

    with pytest.raises(ReadError):
        main(["convert", "/no/such/file.txt", "--to", "html", "--debug"])


def test_never_overwrites_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.md"
    source.write_text("# Headline\n\nBody text of the story.\n", encoding="utf-8")
    code, _, err = run(["convert", str(source), "--to", "markdown", "-o", str(tmp_path)], capsys)
    assert code == 2
    assert "is an input" in err
    assert source.read_text(encoding="utf-8") == "# Headline\n\nBody text of the story.\n"


def test_inspect_explain_names_rules_and_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["inspect", str(SEED), "--explain", "-q"], capsys)
    assert code == 0
    assert "source:     Watson    [source-line 0.80 from 'Soource :Watson']" in out
    assert "[lead-sentence 0.40" in out  # the inferred title is the least sure
    assert "author_bio" in out and "[bio-first-person" in out
    code, out, _ = run(["inspect", str(SEED), "--json", "--explain", "-q"], capsys)
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["provenance"]["fields"]["original"]["rule"] == "syndication-first-appeared"
    assert [r["rule"] for r in data["provenance"]["removed"]] == [
        "syndication-first-appeared",
        "source-line",
        "bio-first-person",
    ]
    code, out, _ = run(["inspect", str(SEED), "--json", "-q", "--set", "source=Wire"], capsys)
    assert "provenance" not in json.loads(out)  # optional: version 1 readers never see it unasked


def test_an_internal_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from syndicate import api

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "render", broken)
    code, _, err = run(["convert", str(SEED), "--to", "html", "-q", "-o", str(tmp_path)], capsys)
    assert code == 1
    assert err == (
        "syndicate: internal error: RuntimeError: boom (run again with --debug for the traceback, "
        "and report it)\n"
    )
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RuntimeError):
        main(["convert", str(SEED), "--to", "html", "-q", "--debug", "-o", str(tmp_path)])
