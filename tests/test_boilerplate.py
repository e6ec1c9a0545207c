"""Boilerplate rules, case by case (tests/cases/boilerplate.yaml), and rule extension."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import syndicate
from syndicate.boilerplate import DEFAULT_RULES, Rule, edit_distance, rules_from_toml
from syndicate.errors import OptionsError

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "boilerplate.yaml").read_text(encoding="utf-8"))


def _meta_value(article: syndicate.Article, key: str) -> Any:
    meta = article.meta
    if key == "authors":
        return [a.name for a in meta.authors]
    if key == "original":
        return meta.original.name if meta.original else None
    if key in ("published", "updated"):
        value = getattr(meta, key)
        return value.isoformat() if value else None
    if key == "tags":
        return list(meta.tags)
    return getattr(meta, key)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    article = syndicate.parse(case["input"])
    if "removed" in case:
        assert [[r.kind, r.text] for r in article.removed] == case["removed"]
    if "body" in case:
        assert [b.text for b in article.blocks] == case["body"]
    for key, expected in case.get("meta", {}).items():
        assert _meta_value(article, key) == expected, key
    # nothing is lost: every removed text was in the input (with its spaces squashed, as segments are),
    # and no removed text is in the body
    body, squashed = article.text, " ".join(case["input"].split())
    for removed in article.removed:
        assert removed.text in squashed
        assert removed.text not in body


def test_edit_distance() -> None:
    assert edit_distance("soource", "source") == 1
    assert edit_distance("souce", "source") == 1
    assert edit_distance("sorce", "source") == 1
    assert edit_distance("osurce", "source") == 1  # transposition
    assert edit_distance("resource", "source") == 2


def test_users_can_add_rules() -> None:
    text = "Headline\n\nBody text that is long enough to be a real paragraph here.\n\n-- sent from my phone"
    assert syndicate.parse(text).removed == ()
    rule = Rule(
        name="phone-signature",
        kind="sign_off",
        pattern=re.compile(r"^-- sent from my \w+$", re.I),
        where=frozenset({"tail"}),
    )
    article = syndicate.parse(text, rules=(*DEFAULT_RULES, rule))
    assert [(r.kind, r.text) for r in article.removed] == [("sign_off", "-- sent from my phone")]


RULES_TOML = """
[[rule]]
name = "phone-signature"
kind = "sign_off"
pattern = '^-- sent from my (?P<source>\\w+)$'
where = ["tail"]
ignore_case = true
max_words = 8
"""


def test_rules_from_a_toml_file_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from syndicate.cli import main

    rules = tmp_path / "rules.toml"
    rules.write_text(RULES_TOML, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(
        "Headline here\n\nBody text that is long enough.\n\n-- Sent from my Phone\n", encoding="utf-8"
    )
    assert main(["inspect", str(article), "--json", "--explain", "--rules", str(rules)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["removed"] == [{"kind": "sign_off", "text": "-- Sent from my Phone"}]
    assert data["provenance"]["removed"][0]["rule"] == "phone-signature"
    assert data["source"] == "Phone"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]]\nname='x'\nkind='gossip'\npattern='a'\n", "kind must be one of"),
        ("[[rule]]\nname='x'\nkind='other'\npattern='(unclosed'\n", "bad regular expression"),
        ("[[rule]]\nname='x'\nkind='other'\npattern='a'\nwhere=['middle']\n", "'where' must list"),
        ("[[rule]]\nname='x'\nkind='other'\npattern='a'\ncolour='red'\n", "unknown key(s) colour"),
        ("rule = 3\n", "expected one or more [[rule]] tables"),
        ("[[rule\n", "not valid TOML"),
    ],
)
def test_bad_rules_files_are_one_line_errors(text: str, message: str) -> None:
    from syndicate.boilerplate import rules_from_toml
    from syndicate.errors import OptionsError

    with pytest.raises(OptionsError, match=re.escape(message)) as info:
        rules_from_toml(text, "my-rules.toml")
    assert str(info.value).startswith("my-rules.toml: ")


def test_rule_needs_never_hide_a_match() -> None:
    """``Rule.needs`` is only a shortcut: wherever a pattern matches, one of its needed strings is there."""
    texts = [line.strip() for case in CASES for line in case["input"].split("\n") if line.strip()]
    for truth in Path(__file__).parent.joinpath("corpus").glob("**/fnc1-*.json"):
        texts += [
            drop["text"] for body in json.loads(truth.read_text(encoding="utf-8")) for drop in body["drop"]
        ]
    assert len(texts) > 400
    checked = 0
    for rule in DEFAULT_RULES:
        if not rule.needs:
            continue
        for text in texts:
            if rule.regex().match(text):
                checked += 1
                assert any(n in text.lower() for n in rule.needs), (rule.name, text)
    assert checked > 100


def test_suffix_rules_cut_the_end_of_the_last_paragraph() -> None:
    rules = rules_from_toml(
        """
[[rule]]
name = "desk-credit"
kind = "sign_off"
pattern = '\\s*--(?P<source>[A-Z][\\w ]+) desk$'
suffix = true
"""
    )
    text = "Headline\n\nThe council met on Monday and approved the plan. --Example City desk"
    article = syndicate.parse(text, rules=(*DEFAULT_RULES, *rules))
    assert [(r.kind, r.text) for r in article.removed] == [("sign_off", "--Example City desk")]
    assert article.blocks[0].text == "The council met on Monday and approved the plan."
    assert article.meta.source == "Example City"
    # a suffix rule never takes a whole paragraph: "the end of it" needs something before it
    alone = syndicate.parse("Headline\n\nBody text that is long enough.\n\n --Example City desk", rules=rules)
    assert alone.removed == ()


def test_a_suffix_rule_that_can_match_nothing_cuts_nothing() -> None:
    rules = rules_from_toml(
        "[[rule]]\nname = 'ap'\nkind = 'sign_off'\npattern = '\\s*(?:\\(AP\\))?$'\nsuffix = true\n"
    )
    text = "Headline\n\nThe council met on Monday and approved the plan for the year."
    article = syndicate.parse(text, rules=(*DEFAULT_RULES, *rules))
    assert article.removed == ()
    assert article.blocks[0].text == "The council met on Monday and approved the plan for the year."
    cut = syndicate.parse(text[:-1] + ". (AP)", rules=(*DEFAULT_RULES, *rules))
    assert [(r.kind, r.text) for r in cut.removed] == [("sign_off", "(AP)")]


def test_a_user_rule_named_like_a_built_in_one_has_no_hidden_prefilter() -> None:
    rules = rules_from_toml(
        "[[rule]]\nname = 'contact-line'\nkind = 'other'\npattern = '^Brought to you by Example$'\n"
    )
    text = "Headline\n\nBody text that is long enough to be a real paragraph here.\n\n"
    text += "Brought to you by Example"
    article = syndicate.parse(text, rules=(*DEFAULT_RULES, *rules))
    assert [(r.rule, r.text) for r in article.removed] == [("contact-line", "Brought to you by Example")]


def test_a_rule_cannot_be_both_prefix_and_suffix() -> None:
    with pytest.raises(OptionsError, match="a prefix or a suffix, not both"):
        rules_from_toml("[[rule]]\nname = 'x'\nkind = 'other'\npattern = 'x'\nprefix = true\nsuffix = true\n")


def test_toml_rules_for_the_closing_lines_and_for_introduced_lines() -> None:
    rules = rules_from_toml(
        """
[[rule]]
name = "sign-here"
kind = "call_to_action"
pattern = '^Sign the petition\\W*$'
closing = true
introduced_stays = true
"""
    )
    assert (rules[0].closing, rules[0].introduced_stays) == (True, True)
    head = "Headline\n\nBody text that is long enough to be a real paragraph here.\n\n"
    closing = syndicate.parse(
        head + "More body text that is long enough to be a paragraph.\n\nSign the petition!", rules=rules
    )
    assert [r.text for r in closing.removed] == ["Sign the petition!"]
    stray = syndicate.parse(
        head + "Sign the petition!\n\nMore body text that is long enough to be a paragraph.", rules=rules
    )
    assert stray.removed == ()  # not among the closing lines
    introduced = syndicate.parse(head + "The banner said:\n\nSign the petition!", rules=rules)
    assert introduced.removed == ()  # a line ending in ":" introduces it
    with pytest.raises(OptionsError, match="'closing' must be true or false"):
        rules_from_toml("[[rule]]\nname = 'x'\nkind = 'other'\npattern = 'x'\nclosing = 'yes'\n")


_CHORUS = "We will rise again\nOut of the ashes now\nInto the morning light\nNobody can stop us now"


@pytest.mark.parametrize(
    "lines",
    [
        # a chorus sung twice, a list given twice
        f"She sang the chorus, and the crowd sang it back:\n\n{_CHORUS}\n\nThen, at the end:\n\n{_CHORUS}",
        "Home team Rovers beat City\nAway fans sang all night long\nThe coach stayed on the bench\n"
        "The captain scored two goals\nThe keeper saved a penalty\nThe referee sent one off\n\n"
        "The same list, read out by the club:\n\nHome team Rovers beat City\nAway fans sang all night long\n"
        "The coach stayed on the bench\nThe captain scored two goals\nThe keeper saved a penalty\n"
        "The referee sent one off",
        # a longer list given twice, the second time introduced: every line of it is the article's
        "Alpha team beat Beta\nGamma team beat Delta\nEpsilon team beat Zeta\nEta team beat Theta\n"
        "Iota team beat Kappa\nLambda team beat Mu\nNu team beat Xi\n\n"
        "The results again, as the league gave them:\n\nAlpha team beat Beta\nGamma team beat Delta\n"
        "Epsilon team beat Zeta\nEta team beat Theta\nIota team beat Kappa\nLambda team beat Mu\n"
        "Nu team beat Xi",
        # a timeline's day in the second paragraph
        "Friday, Nov 13: Gunmen attacked a concert hall and several cafes in the city on Friday night.",
        # a closing sentence that starts like a colleagues' credit
        "With reports from the coast still coming in, officials expect the toll to rise further.",
        # quotes in guillemets, a list that uses arrows as bullets
        "»More than 200 people are still missing,« the mayor told reporters on Tuesday evening.",
        "» See a doctor if symptoms last more than two days\n» Watch for signs of dehydration in children",
        # asides in brackets, citations
        "(Her new book, Read the Room, comes out in May from a small press in the city.)",
        "Earlier work reached the same conclusion, the authors said. (See also: Smith and Lee, 2019.)",
        # how-to steps, options a line introduces, a subheading, a thank-you a line introduces
        "Scroll down to see the option labelled Clear Cache, then tap it and wait.",
        "The board weighed three options:\n\nExpand\n\nSell\n\nClose",
        "The phone's main features:\n\nPowered by Snapdragon\n\nA larger screen than last year's model",
        "More coming?\n\nThe company said on Monday that it would cut more jobs in the spring, and soon.",
        "The department wrote on social media:\n\nThank you to Crime Stoppers for the tip!",
        "(View: the proposed skyline from the river, as the city's renderings show it)",
        # a second review's lines: updates that are news, advice and quoted flyers, a document introduced
        "The app will update as new data arrives from the national weather service.",
        "Officials will update as new information comes in, the agency wrote on Twitter.",
        "Be sure to like photos of your grandchildren on Instagram.",
        "\"Be sure to 'like' the campaign on Facebook!\" the flyers urged, alongside a code for a discount.",
        "See the full police report below:\n\nThe officer wrote that the driver went at twice the limit.",
        "Note: This story is fiction, but the numbers in it are real: most renters pay half their income.",
    ],
)
def test_ordinary_lines_like_this_sessions_rules_stay(lines: str) -> None:
    """Lines a review wrote to look like the newer rules' targets: each is the article's own."""
    head = "Headline here\n\nThe council met on Monday and approved the plan for the new bridge.\n\n"
    tail = "\n\nThe story goes on here in a long paragraph, as stories do, with a full sentence at the end."
    article = syndicate.parse(head + lines + tail)
    assert [r.text for r in article.removed] == []
    assert article.meta.source is None and article.meta.published is None


@pytest.mark.parametrize(
    "lead",
    [
        # a timeline's and a diary's days, a film's title and number, a lead that starts with a name
        "Friday, Nov 13: Gunmen attacked a concert hall and several cafes in the city on Friday night.",
        "Monday, Jan 5: Arrived at the station before dawn and waited for the first train north.",
        "Meanwhile, Marvel 2: The sequel opens in May, the studio said in a statement on Tuesday.",
        "In Washington, June 3: The committee voted to send the bill to the floor next week.",
        "Toy Story, Part 3 – Pixar's latest – is better than it has any right to be, critics say.",
        "JOHN SMITH (March 3, 1931) Born in Leeds, Smith began playing the piano at the age of four.",
    ],
)
def test_leads_like_this_sessions_datelines_stay(lead: str) -> None:
    """Leads a review wrote to look like the newer dateline rules' targets: nothing is cut from them."""
    article = syndicate.parse(f"Headline here\n\n{lead}\n\nThe story goes on in a long paragraph, as ever.")
    assert [r.text for r in article.removed] == []
    assert article.meta.published is None


def test_a_line_of_too_many_page_elements_stays_whole() -> None:
    """A line runs page elements together at three spaces or more; past 200 of them it is not split
    (each piece would be tried against every rule), and a piece of it is not removed on its own."""
    head = "Headline here\n\nBody text that is long enough to be a real paragraph here.\n\n"
    few = syndicate.parse(head + "Click here" + "".join(f"   Item {n} of the list" for n in range(150)))
    assert [r.text for r in few.removed] == ["Click here"]
    many = syndicate.parse(head + "Click here" + "".join(f"   Item {n} of the list" for n in range(250)))
    assert many.removed == ()
    assert many.blocks[-1].text.startswith("Click here Item 0 of the list Item 1")


@pytest.mark.parametrize(
    "ending",
    [
        # a list of fixtures: lines shorter than a headline
        "Example City v Sample Town or Other United\n\nNorth Rovers or South Athletic v West Wanderers",
        # questions the story closes with
        "Who will pay for the damage to the old bridge now?\n\nWhat happens to the families who lived by it?",
        # a list that a line ending in ":" introduces
        "The questions for the inquiry were these:\n\nWhy the inspectors missed the cracks in the pillars\n\n"
        "How the contract for the repairs was given out to the firm",
        # captions with a credit in brackets, and captions that say who said what
        "The old bridge over the river before it fell (Example Photo)\n\n"
        "The new bridge over the river as the architects drew it (Example Photo)",
        "The mayor said the bridge would be rebuilt within two years\n\n"
        "Engineers said the pillars had cracked long before the flood",
        # one closing headline alone
        "Council fence jumper has a record, his former stepson says",
    ],
)
def test_what_closes_a_text_and_stays(ending: str) -> None:
    text = "Headline here\n\nBody text that is long enough to be a real paragraph here.\n\n" + ending
    article = syndicate.parse(text)
    assert article.removed == ()
    assert all(line in article.text for line in ending.split("\n") if line)
