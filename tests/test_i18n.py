"""Every user-facing text in both languages through one catalogue; ``--lang zh`` output of
every command and text format holds no English sentence (codes, names, paths and the
command line's own words excepted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.i18n import Text, did_you_mean, fragment, t
from budgetcheck.i18n.messages import CLICK_ZH, MESSAGES
from budgetcheck.reporters import FORMATS

from .conftest import FIXTURE, ROOT
from .test_reporters_golden import INPUTS

ZH = {"LANG": "zh_CN.UTF-8"}
RULES = load_rules()
_NAMES = sorted({rule.name for rule in RULES.values()}, key=len, reverse=True)
_NOT_PROSE = [
    re.compile(r"^\s*(?:budgetcheck|cat) .*$", re.M),       # example command lines
    re.compile(r"`[^`\n]*`"),                          # code spans: commands, keys, formulas
    re.compile(r"(?<![\w-])--?[a-z][\w-]*"),            # options
    re.compile(r"[\w./<>-]*\.(?:yaml|yml|toml|json|txt|docx|pdf|html|sarif)\b"),  # file names
    re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"),            # snake_case keys
    re.compile(r"\b[a-z]+(?:-[a-z0-9]+)+\b"),            # kebab-case names
    re.compile(r"\[[a-z]+(?:\|[a-z]+)+\]"),              # click's choice lists
    re.compile(r"\b[A-Z][A-Z_]+\b"),                     # metavars, codes, env variables
]
_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: +[A-Za-z]{2,}){2,}\b")
# English words that would betray an untranslated fragment even alone.
_TELLTALE = re.compile(r"\[(?:error|warning|info)\]|\b(?:error\(s\)|warning\(s\)|expected|found|explained|could not|undefined|prior|"
                       r"Usage|Options|Commands|Show this|Examples|Failing|Passing|files?)\b")


def english_sentences(text: str) -> list[str]:
    """Runs of three or more English words, and telltale English words, outside code."""
    for name in _NAMES:
        text = text.replace(name, " ")
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    return _SENTENCE.findall(text) + _TELLTALE.findall(text)


def test_the_scanner_finds_english_and_spares_code() -> None:
    assert english_sentences("1 file: 2 error(s), 0 warning(s)")
    assert english_sentences("规则 the parts add up to 19.00")
    assert english_sentences("应为 undefined (prior 0.00)")
    assert english_sentences("a.yaml:1:2: BC101 [error] 合计")
    assert not english_sentences("BC101 sum-mismatch `budgetcheck validate` --fail-on report.yaml 合计 x>=1 [auto|never]")
    assert not english_sentences("basic_expenditure.total：填报 20.00 FILE INPUTS...")


def _zh_outputs(tmp_path: Path) -> dict[str, str]:
    """The output (stdout + stderr) of every command and text format under --lang zh."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("unit: [unclosed\n", encoding="utf-8")
    schema = tmp_path / "schema.yaml"
    schema.write_text("unit: {name: 某单位, year: 二〇二四, extra: 1}\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    broken_toml = tmp_path / "broken.toml"
    broken_toml.write_text("[tool.budgetcheck\n", encoding="utf-8")
    config = tmp_path / "bad.toml"
    config.write_text("[tool.budgetcheck]\nfial-on = 'error'\n", encoding="utf-8")
    runs: dict[str, list[str]] = {
        **{f"validate --format {fmt}": ["validate", "--jobs", "1", "--format", fmt, "--lang", "zh", str(FIXTURE),
                                        *INPUTS, str(broken), str(schema), str(empty), str(tmp_path / "missing.yaml")]
           for fmt in ("concise", "table", "full") if fmt in FORMATS},
        "validate --statistics": ["validate", "--statistics", "--lang", "zh", str(FIXTURE)],
        "validate default": ["validate", "--jobs", "1", str(FIXTURE)],
        "validate unknown option": ["validate", "--fial-on", "error", str(FIXTURE)],
        "validate unknown format": ["validate", "--format", "tabel", str(FIXTURE)],
        "validate unknown rule": ["validate", "--select", "BC1O1", str(FIXTURE)],
        "validate unknown profile": ["validate", "--profile", "nationl", str(FIXTURE)],
        "validate bad config": ["validate", "--config", str(config), str(FIXTURE)],
        "validate broken config": ["validate", "--config", str(broken_toml), str(FIXTURE)],
        "validate missing file": ["validate", "--lang", "zh", str(tmp_path / "missing.yaml")],
        "validate broken baseline": ["validate", "--lang", "zh", "--baseline", str(broken_toml), str(FIXTURE)],
        "validate bad choice": ["validate", "--fail-on", "never", str(FIXTURE)],
        "validate missing argument": ["validate"],
        "rules": ["rules", "--lang", "zh"],
        "rule unknown": ["rule", "BC1O1", "--lang", "zh"],
        "help": ["--help"],
        **{f"{command} --help": [command, "--help"] for command in ("validate", "rules", "rule", "schema", "extract")},
        **{f"rule {code}": ["rule", code, "--lang", "zh"] for code, rule in RULES.items() if rule.docs_zh},
    }
    from click.testing import CliRunner

    from budgetcheck.cli.app import main

    outputs = {}
    for name, args in runs.items():
        result = CliRunner().invoke(main, args, env={"GITHUB_ACTIONS": None, "LC_ALL": None, **ZH, "COLUMNS": "100"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.exception)
        outputs[name] = result.stdout + result.stderr
    return outputs


def test_lang_zh_output_of_every_command_and_text_format_has_no_english_sentence(tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    outputs = _zh_outputs(tmp_path)
    assert "强制性" in outputs["validate --format concise"] and "用法" in outputs["validate --help"]
    assert "[选项] 输入..." in outputs["validate --help"] and "[OPTIONS]" not in outputs["validate unknown option"]
    found = {name: english_sentences(text) for name, text in outputs.items()}
    flagged = {name: words for name, words in found.items() if words}
    assert flagged == {}, "\n".join(f"{name}: {words}" for name, words in flagged.items())


def test_rules_without_chinese_documentation_are_listed() -> None:
    """New rules may land before their translation: ``rule --lang zh`` then shows English docs."""
    missing = sorted(code for code, rule in RULES.items() if not rule.docs_zh)
    if missing:
        pytest.skip(f"rules without docs_zh (shown in English under --lang zh): {', '.join(missing)}")
    assert all(rule.docs_in("zh") == rule.docs_zh for rule in RULES.values())


def test_a_rule_without_chinese_docs_falls_back_to_english() -> None:
    from budgetcheck.model.records import replace

    rule = replace(RULES["BC101"], docs_zh="")
    assert rule.docs_in("zh") == rule.docs and rule.docs_in("en") == rule.docs


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    placeholder = re.compile(r"\{([a-z_]+)(?:!r)?\}")
    for key, (en, zh) in MESSAGES.items():
        assert en and zh, key
        english_only = {"message", "shown", "detail"}  # parser and pydantic words, replaced in Chinese
        assert set(placeholder.findall(en)) - english_only <= set(placeholder.findall(zh)) | {"kind", "problem"}, key
    assert all(zh for zh in CLICK_ZH.values())


def test_a_text_renders_in_either_language_and_survives_pickling() -> None:
    import pickle

    text = Text("input.empty_file")
    assert text == "empty file: no report" and text.render("zh") == "空文件，没有报告"
    copy = pickle.loads(pickle.dumps(text))
    assert isinstance(copy, Text) and copy.render("zh") == text.render("zh")
    assert t("summary.explained", "zh", n=2) == "，已说明 2"


def test_undefined_expected_values_are_translated() -> None:
    assert fragment("undefined (prior 0.00)", "zh") == "无法计算（上年数为 0.00）"
    assert fragment("undefined (prior 0.00)", "en") == "undefined (prior 0.00)"
    assert fragment("19.00", "zh") == "19.00"


def test_did_you_mean_names_the_closest_choice() -> None:
    assert "fail-on" in did_you_mean("fial-on", ["fail-on", "format", "select"])
    assert did_you_mean("zzzz", ["fail-on", "format"]) == ""


def test_places_in_source_documents_are_translated() -> None:
    from budgetcheck.i18n import place
    from budgetcheck.result import Finding, Severity

    assert place("line 21, column 11", "zh") == "第 21 行第 11 列"
    assert place("table 3 row 5 cell 7", "zh") == "表 3 第 5 行第 7 格"
    assert place("paragraph 12", "zh") == "第 12 段" and place("page 4", "zh") == "第 4 页"
    assert place("table 3 row 5 cell 7", "en") == "table 3 row 5 cell 7"
    finding = Finding(rule="BC101", name="sum-mismatch", severity=Severity.ERROR, message_en="m", message_zh="信息",
                      path="p", file="a.docx", source="page 4")
    assert finding.source_text("zh") == "第 4 页" and finding.source_text() == "page 4"
