"""The source check refuses Chinese pages that drop, alter, add or reorder the source's sentences."""

from pathlib import Path

from edition.checks.source_text import check_source_text, normalise, source_sentences
from helpers import edition_from, page

SOURCE = "欢迎光临内蒙古政府门户网站设为首页  |  ;加入收藏\n标题一句\n返回新闻发布会首页  时间:2017年09月28日\n  第一句,有逗号。第二句;第三句函待解决。\n"


def zh(body: str) -> dict[str, str]:
    return {"p.zh.md": page("甲", body)}


GOOD = "# 编者标题\n\n## 标题一句 {#t}\n\n时间：2017年09月28日\n{#d}\n\n第一句，有逗号。第二句；\n{#p-1}\n\n第三句函待〔亟待〕解决。\n{#p-2}"


def test_faithful_pages_with_normalised_punctuation_and_marked_corrections_pass(tmp_path):
    assert check_source_text(edition_from(tmp_path, zh(GOOD), ["p.md"]), SOURCE) == []


def test_chrome_is_not_part_of_the_document():
    sentences = source_sentences(SOURCE)
    assert not any("欢迎光临" in s or "返回新闻发布会首页" in s for s in sentences)
    assert "时间:2017年09月28日" in sentences[1]


def test_dropped_sentence_is_refused_naming_file_line_and_sentence(tmp_path):
    body = GOOD.replace("第二句；", "")
    [problem] = check_source_text(edition_from(tmp_path, zh(body), ["p.md"]), SOURCE)
    assert problem.path == "docs/p.zh.md"
    assert problem.line == 14  # the {#p-1} line of the paragraph it should follow
    assert "'#p-1'" in problem.message
    assert "第二句" in problem.message and "missing or altered" in problem.message


def test_altered_word_is_refused(tmp_path):
    body = GOOD.replace("第三句函待〔亟待〕解决", "第三句亟待解决")
    problems = check_source_text(edition_from(tmp_path, zh(body), ["p.md"]), SOURCE)
    assert any("missing or altered" in p.message and "函待" in p.message for p in problems)
    assert any("not in the source" in p.message and "亟待" in p.message for p in problems)


def test_added_sentence_is_refused(tmp_path):
    body = GOOD.replace("第一句，有逗号。", "第一句，有逗号。编者自己加的话。")
    [problem] = check_source_text(edition_from(tmp_path, zh(body), ["p.md"]), SOURCE)
    assert "not in the source" in problem.message and "编者自己加的话" in problem.message


def test_reordered_sentences_are_refused(tmp_path):
    body = GOOD.replace("第一句，有逗号。第二句；", "第二句；第一句，有逗号。")
    problems = check_source_text(edition_from(tmp_path, zh(body), ["p.md"]), SOURCE)
    assert problems and all(p.path == "docs/p.zh.md" for p in problems)


def test_text_without_a_paragraph_id_is_not_source_text(tmp_path):
    body = GOOD.replace("第二句；\n{#p-1}", "\n{#p-1}\n\n第二句；")
    problems = check_source_text(edition_from(tmp_path, zh(body), ["p.md"]), SOURCE)
    assert any("第二句" in p.message for p in problems)


def test_normalise_ignores_punctuation_width_and_editorial_marks():
    assert normalise("显著增强〔，〕满意率，“1+N”") == normalise("显著增强满意率,1+N")


def test_project_copy_of_the_source_has_every_part():
    source = Path(__file__).resolve().parents[1] / "source" / "press-release-2017-09-28.zh.txt"
    sentences = source_sentences(source.read_text(encoding="utf-8"))
    assert sentences[0] == "自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会"
    assert any(s.startswith("五、大力推进人民警察管理制度改革") for s in sentences)
    assert sentences[-1].startswith("我们将加大改革成效宣传力度")
