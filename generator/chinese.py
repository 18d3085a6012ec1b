"""Spacing in Chinese text. Chinese puts no space between characters, but YAML folding (`>-`)
and wrapped Markdown paragraphs join lines with a space or a line break, which browsers show as
a gap: "重构； 其表述". Spaces between Chinese and Latin text ("GB/T 2260 代码") are kept.
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
