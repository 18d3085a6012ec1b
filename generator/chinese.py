"""Spacing and line breaks in Chinese text. Chinese puts no space between characters, but YAML
folding (`>-`) and wrapped Markdown paragraphs join lines with a space or a line break, which
browsers show as a gap: "重构； 其表述". Spaces between Chinese and Latin text ("GB/T 2260 代码")
are kept. A browser may end a line between any two Chinese characters, a figure and its unit too.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from markupsafe import Markup

# CJK radicals, punctuation, kana, ideographs, compatibility ideographs and full-width forms, and
# the quotation marks “ ” of Chinese text (shared with English, but never spaced in Chinese)
_CJK = "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”]"
# A gap of spaces with at most one line break: a blank line (a new paragraph) is left alone.
_GAP = re.compile(f"(?<={_CJK})[ \\t]*(?:\\n[ \\t]*)?(?={_CJK})")


def close_gaps(text: str) -> str:
    """`text` without the spaces and single line breaks between two Chinese characters."""
    if " " not in text and "\n" not in text and "\t" not in text:  # most short texts: nothing to search
        return text
    return _GAP.sub("", text)


# A figure and the unit or measure word after it ("2023年", "5分钟", "420余处", "1.4万处", a date),
# which a line may otherwise end between: "截至2023 / 年底". The units of more than one character
# are those of the units vocabulary (a test keeps them in step); another figure keeps one character
# (and 余, 万 or 多 before it), as "1000个 / 汉字" may break.
_UNITS = ("个汉字", "厘米/年", "毫米/年", "条/日", "分钟", "小时", "千米", "厘米", "毫米", "毫秒", "纳秒")
FIGURE = (
    "[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?"
    + "|[0-9]+(?:[.,][0-9]+)*%?(?:"
    + "|".join(_UNITS)
    + r"|[余万多][\u4e00-\u9fff]|[\u4e00-\u9fff])"
)
# Not from inside a run of digits (each start there would scan the whole run again), and only
# where a Chinese character follows the digits: most digits of a page are in its addresses
# (the 1,744 Chinese pages of 1,500 scenarios: 0.42 s, not 0.62).
_FIGURE = re.compile(f"(?<![0-9.,])(?=[0-9][0-9.,%]*[\u4e00-\u9fff])(?:{FIGURE})")


_CHART = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def keep_figures(html: str) -> str:
    """A Chinese page's `html` with each figure kept on one line with its unit, in a span of class
    "figure" (white-space: nowrap). Only text changes, never a tag: the templates escape '<' and
    '>' in attributes, and so do the Markdown renderer (an address percent-encodes them) and the
    sanitizer, so a figure is in a tag only if the last '<' before it comes after the last '>'.
    Nor the text of a chart: in SVG a span would end the drawing."""
    charts = [(chart.start(), chart.end()) for chart in _CHART.finditer(html)] if "<svg" in html else []
    out, done = [], 0
    for figure in _FIGURE.finditer(html):
        start = figure.start()
        if html.rfind("<", 0, start) > html.rfind(">", 0, start) or any(a < start < b for a, b in charts):
            continue
        out += [html[done:start], '<span class="figure">', figure[0], "</span>"]
        done = figure.end()
    return "".join(out) + html[done:]


_OPENING = "“‘《（【「〈([{"  # a word after it stays with it, as one before a closing mark: no '“ / 孤岛'
_CLOSING = "”’》）】」〉)]}，。、；：？！,.;:?!"


# What stays one word whatever jieba makes of it: a figure with its unit ('30分钟', keep_figures
# then keeps it on a line) and a code or name in Latin letters and digits ('GF-4', 'InSAR')
_WHOLE = re.compile(f"{FIGURE}|[A-Za-z0-9][A-Za-z0-9.\\-/]*")


@functools.cache
def _jieba() -> Any:
    """jieba, imported here, not above: `generator check` renders no page and need not load it (0.14 s)."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)  # it announces building its dictionary, on stderr
    return jieba


def phrased(text: str) -> Markup:
    """A Chinese title with a break opportunity (<wbr>) between its words, as jieba reads them: the
    page keeps each word whole (CSS word-break: keep-all), so a title wraps as '掩星数据的 / 本地',
    not '掩星数 / 据'. Each word is escaped, as Markup.join does."""
    jieba = _jieba()
    pieces, done = [], 0
    for whole in _WHOLE.finditer(text):
        pieces += [*jieba.cut(text[done : whole.start()]), whole[0]]  # as the search plugin reads it (HMM on: 掩星)
        done = whole.end()
    words: list[str] = []
    for word in [*pieces, *jieba.cut(text[done:])]:
        if not word:
            continue
        if words and (words[-1][-1] in _OPENING or word[0] in _CLOSING or word.isspace()):
            words[-1] += word
        else:
            words.append(word)
    return Markup("<wbr>").join(words)
