"""The accuracy evaluation (``python -m syndicate.eval``) counts what it says it counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from syndicate import eval as ev

BODY = (
    "By Ann Example BERLIN (Reuters) - The council met on Monday and voted for the plan, officials said.\n"
    "\n"
    "Share this article on Facebook and Twitter!\n"
    "\n"
    "The plan had been debated for a year before the vote, and it was close. "
    "(Writing by Bo Sample; Editing by Cy Person)"
)
TRUTH = {
    "ref": "x.csv#1",
    "title": None,
    "authors": ["Ann Example"],
    "source": "Reuters",
    "original": None,
    "publisher": None,
    "published": None,
    "headings": [],
    "drop": [
        {"line": 1, "kind": "byline", "text": "By Ann Example"},
        {"line": 1, "kind": "dateline", "text": "BERLIN (Reuters) -"},
        {"line": 3, "kind": "call_to_action", "text": "Share this article on Facebook and Twitter!"},
        {"line": 5, "kind": "sign_off", "text": "(Writing by Bo Sample; Editing by Cy Person)"},
    ],
    "note": "",
}


def test_a_case_is_scored_line_by_line() -> None:
    case = ev.score_case(TRUTH, BODY)
    # keeps: line 1 after its byline and dateline, line 5 before its sign-off
    assert case.keep_total == 2
    assert case.drop_total == 4
    assert case.drop_found == 4, case.errors
    assert case.removed_total == case.removed_right == 4, case.errors
    assert case.keep_found == 2, case.errors
    assert case.fields_right == dict.fromkeys(ev.FIELDS, True), case.errors


def test_misses_and_wrong_removals_are_counted_and_named() -> None:
    body = "Headline here\n\nA paragraph of the story that is long enough to be body text.\n\n"
    body += "An unrelated promotion"
    truth = dict(
        TRUTH,
        authors=[],
        source=None,
        title="Headline here",
        drop=[
            {"line": 5, "kind": "other", "text": "An unrelated promotion"},
        ],
    )
    case = ev.score_case(truth, body)
    assert (case.drop_total, case.drop_found, case.keep_total, case.keep_found) == (1, 0, 1, 1)
    assert case.errors == ["kept boilerplate (other): 'An unrelated promotion'"]
    wrong = dict(TRUTH, drop=[d for d in TRUTH["drop"] if d["line"] != 3])  # removing line 3 is wrong
    case = ev.score_case(wrong, BODY)
    assert (case.removed_total, case.removed_right) == (4, 3)
    assert any(e.startswith("removed body text (call_to_action)") for e in case.errors)
    assert any(e.startswith("lost body text: 'Share this article") for e in case.errors)


def test_scores_add_up_over_cases() -> None:
    score = ev.evaluate(
        [TRUTH, dict(TRUTH, ref="x.csv#2", authors=["Someone Else"])],
        {
            "x.csv#1": BODY,
            "x.csv#2": BODY,
        },
    )
    assert score.body_recall == 1.0
    assert score.boilerplate_recall == score.boilerplate_precision == 1.0
    assert score.field_accuracy("authors") == 0.5
    # the byline, dateline and sign-off are attribution; the share call is page furniture
    assert score.recall_by_group() == {"attribution": (6, 6), "page furniture": (2, 2)}
    report = ev.report(score, worst=5)
    assert "boilerplate recall     1.0000" in report
    assert "x.csv#2: 1 problem(s)" in report


def test_a_reference_missing_from_the_corpus_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"x\.csv#1 is not in the corpus"):
        ev.evaluate([TRUTH], {})


def test_the_command_reads_truth_files_and_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fnc = tmp_path / "corpus" / "fnc1"
    fnc.mkdir(parents=True)
    with (fnc / "train_bodies.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("Body ID", "articleBody"), ("1", BODY)])
    (fnc / "competition_test_bodies.csv").write_text("Body ID,articleBody\n", encoding="utf-8")
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps([dict(TRUTH, ref="train_bodies.csv#1")]), encoding="utf-8")
    assert ev.main([str(truth), "--corpus", str(tmp_path / "corpus")]) == 0
    out = capsys.readouterr().out
    assert "FNC-1 labelled bodies: 1" in out
    assert "body recall            1.0000" in out
    assert ev.main([str(tmp_path / "missing.json"), "--corpus", str(tmp_path / "corpus")]) == 2
    assert "syndicate.eval: error:" in capsys.readouterr().err


def test_labelled_parts_of_a_line_come_off_in_any_order() -> None:
    line = "By Ann Example BERLIN (Reuters) - The text stays. (Writing by Bo Sample)"
    parts = ["(Writing by Bo Sample)", "BERLIN (Reuters) -", "By Ann Example"]
    assert ev._without_parts(line, parts) == "The text stays."
    assert ev._without_parts("Text before [an embed] and after.", ["[an embed]"]) == "Text before and after."


def test_the_held_out_set_shows_totals_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    (root / "tests" / "corpus" / "holdout").mkdir(parents=True)
    truth = [dict(TRUTH, ref="train_bodies.csv#1", authors=["Someone Else"])]  # one field wrong
    corpus = root / "tests" / "corpus"
    for path in (corpus / "fnc1-a.json", corpus / "holdout" / "fnc1-h.json"):
        path.write_text(json.dumps(truth), encoding="utf-8")
    fnc = tmp_path / "corpus" / "fnc1"
    fnc.mkdir(parents=True)
    with (fnc / "train_bodies.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("Body ID", "articleBody"), ("1", BODY)])
    (fnc / "competition_test_bodies.csv").write_text("Body ID,articleBody\n", encoding="utf-8")
    monkeypatch.setattr(ev, "_ROOT", root)
    assert ev.main(["--corpus", str(tmp_path / "corpus")]) == 0
    out = capsys.readouterr().out
    development, held_out = out.split("FNC-1 held-out set")
    assert "train_bodies.csv#1: 1 problem(s)" in development
    assert "authors accuracy       0.0000" in held_out
    assert "problem(s)" not in held_out


def test_a_drop_the_reader_cuts_in_pieces_is_found_and_each_piece_is_right() -> None:
    line = "(Updates with a detail) By Ann Example Feb 15 (Reuters) - The council met on Monday."
    prefix = "(Updates with a detail) By Ann Example Feb 15 (Reuters) -"
    truth = dict(TRUTH, drop=[{"line": 1, "kind": "dateline", "text": prefix}])
    case = ev.score_case(truth, line)
    assert (case.drop_total, case.drop_found) == (1, 1), case.errors
    assert case.removed_total == case.removed_right == 3, case.errors
    assert ev._covered("abc def", ["abc"]) is False  # 3 of 6 letters
    assert ev._covered("abc def", ["abc", "def"]) is True


def test_bbc_control_counts_only_unlabelled_removals_as_lost_body_text(tmp_path: Path) -> None:
    story = "A headline\n\nA first paragraph of the column, long enough to be a paragraph of its own.\n\n"
    (tmp_path / "bbc" / "tech").mkdir(parents=True)
    # the labelled bio of tech/164 (tests/corpus/bbc-bios.json) goes to the author; another is lost text
    labelled = "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital."
    (tmp_path / "bbc" / "tech" / "164.txt").write_text(story + labelled, encoding="utf-8")
    (tmp_path / "bbc" / "tech" / "001.txt").write_text(
        story + "Ann Example is the editor of Example Monthly magazine.", encoding="utf-8"
    )
    score = ev.bbc_control(tmp_path)
    assert (score.stories, score.titles_right, score.body_removed) == (2, 2, 1)
    assert (score.bios, score.bios_read) == (1, 1)


def test_emphasis_marks_in_the_input_are_not_lost_text() -> None:
    body = BODY + "\n\n*#ExampleTag* *The council is still the most criticised in the region*"
    case = ev.score_case(TRUTH, body)
    assert case.keep_found == case.keep_total
    assert not [e for e in case.errors if e.startswith("lost body text")]
