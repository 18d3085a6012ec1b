"""Spacing and line breaks in Chinese text. Chinese puts no space between characters, but YAML
folding (`>-`) and wrapped Markdown paragraphs join lines with a space or a line break, which
browsers show as a gap: "重构； 其表述". Spaces between Chinese and Latin text ("GB/T 2260 代码")
are kept. A browser may end a line between any two Chinese characters, a figure and its unit too.
"""

from __future__ import annotations

import re

# CJK radicals, punctuation, kana, ideographs, compatibility ideographs and full-width forms
_CJK = "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
# A gap of spaces with at most one line break: a blank line (a new paragraph) is left alone.
_GAP = re.compile(f"(?<={_CJK})[ \\t]*(?:\\n[ \\t]*)?(?={_CJK})")


def close_gaps(text: str) -> str:
    """`text` without the spaces and single line breaks between two Chinese characters."""
    if " " not in text and "\n" not in text and "\t" not in text:  # most short texts: nothing to search
        return text
    return _GAP.sub("", text)


# A figure and the unit or measure word after it ("2023年", "5分钟", "420余处", "1.4万处"),
# which a line may otherwise end between: "截至2023 / 年底". Two characters only for the units
# that take two (and 余, 万, 多 before a measure word); otherwise one, as "1000个 / 汉字" may break.
# (分钟, 小时, 千米 厘米 毫米, 毫秒, 余 万 多; catalogue.js writes its rows' text with the same pattern.)
_FIGURE = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*%?(?:\u5206\u949f|\u5c0f\u65f6|[\u5343\u5398\u6beb]\u7c73|\u6beb\u79d2|[\u4f59\u4e07\u591a][\u4e00-\u9fff]|[\u4e00-\u9fff])"
)


def keep_figures(html: str) -> str:
    """A Chinese page's `html` with each figure kept on one line with its unit, in a span of class
    "figure" (white-space: nowrap). Only text changes, never a tag: the templates escape '<' and
    '>' in attributes, and so do the Markdown renderer (an address percent-encodes them) and the
    sanitizer, so a figure is in a tag only if the last '<' before it comes after the last '>'."""
    out, done = [], 0
    for figure in _FIGURE.finditer(html):
        start = figure.start()
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):  # in a tag's attributes
            continue
        out += [html[done:start], '<span class="figure">', figure[0], "</span>"]
        done = figure.end()
    return "".join(out) + html[done:]
