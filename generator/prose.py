"""Contributor Markdown (the `problem` and `how_to_respond` texts) to HTML that cannot carry markup
of its own: a renderer that emits no raw HTML and links only to web addresses (http or https, with
a host), then an allowlist sanitizer as the last line. The validator refuses what this drops, with
a located message; safety does not depend on it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.helpers import parseLinkDestination
from markdown_it.rules_inline import emphasis
from markdown_it.rules_inline.state_inline import StateInline
from markupsafe import Markup

# Limited Markdown: paragraphs, emphasis, lists, code and links. No raw HTML, no images (they would
# load from another host), no headings (the page provides them), no autolinked bare addresses, no
# code block by indentation (a paragraph indented in the YAML file is a paragraph; code is fenced).


def _limited() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable(
        ["image", "heading", "lheading", "code", "html_block", "html_inline"]
    )


_RENDERER = _limited()

# An http or https address with a host: the only links a contributor's text may hold. Not a path
# ("../x", "/x", "?x": the rules allow none, and a page's depth would change where it goes), not
# "//host" (another host, scheme-less).
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#\\@]+(?:[/?#][^\s]*)?", re.IGNORECASE)


def web_link(url: str) -> bool:
    """Whether `url` is a link the renderer keeps. Browsers drop tabs and newlines inside a
    scheme ("java\tscript:"), so the address is judged as they would read it."""
    return bool(_WEB_ADDRESS.fullmatch(re.sub(r"[\x00-\x20]", "", url)))


_RENDERER.validateLink = web_link  # type: ignore[method-assign]

# The same Markdown read to find every link target a reader could follow, the ones the renderer
# refuses included, so that the validator can say where each is.
_READER = _limited()
_READER.validateLink = lambda url: True  # type: ignore[method-assign]


def link_targets(text: str) -> list[str]:
    """Every link target of a limited-Markdown text (entities decoded): inline links, autolinks
    and reference definitions, in lists and quotes too, used or not. Where each is a web_link,
    the renderer keeps them all and reads the text as this reader does; where one is not, the
    validator refuses the text, so no link the renderer would read otherwise reaches a page (a
    definition it refuses is text, where a link in its title would come to life:
    '[r]: https:// "[x](/path)"')."""
    if "[" not in text and "<" not in text:  # every kind of link needs one
        return []
    env: dict[str, dict[str, dict[str, str]]] = {}
    tokens = _READER.parse(text, env)
    inline = [str(child.attrs["href"]) for token in tokens for child in token.children or () if child.type == "link_open"]
    return inline + [reference["href"] for reference in env.get("references", {}).values()]


def target_at(text: str, start: int) -> tuple[int, str] | None:
    """The link target written from `start` of `text` (after '](' or ']: '): where it ends, and the
    address the reader makes of it (escapes and entities decoded, as link_targets gives it)."""
    written = parseLinkDestination(text, start, len(text))
    return (written.pos, _READER.normalizeLink(written.str)) if written.ok else None


# The same Markdown read to find where each emphasis mark ('*', '**', '_') is and whether the
# renderer reads it as emphasis or shows it as written: each mark's token says where it is, and
# the marks' text is not joined with the text around them.
_MARKS = _limited()
_MARKS.validateLink = web_link  # type: ignore[method-assign]
_MARKS.inline.ruler2.disable("fragments_join")
_MARKS.core.ruler.disable("text_join")


def _marked(state: StateInline, silent: bool) -> bool:
    start = state.pos
    if not emphasis.tokenize(state, silent):
        return False
    for offset, token in enumerate(state.tokens[len(state.tokens) - (state.pos - start) :]):
        token.meta["at"] = start + offset
    return True


_MARKS.inline.ruler.at("emphasis", _marked)


@dataclass(frozen=True)
class Marks:
    """A run of emphasis marks in a paragraph of a Markdown text ('**' in '须遵守**《'): where it
    is in the paragraph's text, and whether the renderer reads it as emphasis."""

    paragraph: str  # the paragraph's text, as the renderer reads it
    start: int
    marks: str
    read: bool
    opens: bool  # read as the start of emphasis, not its end
    block: int  # which of the text's blocks the paragraph is (two paragraphs may read alike)
    line: int  # the line of the text, from 0, that the paragraph starts on

    @property
    def end(self) -> int:
        return self.start + len(self.marks)


def marks(text: str) -> list[Marks]:
    """Every run of emphasis marks in a Markdown text, paragraph by paragraph, as the renderer
    reads it (not in code, nor a link's address)."""
    if "*" not in text and "_" not in text:
        return []
    found: list[Marks] = []
    for number, block in enumerate(_MARKS.parse(text)):
        if block.type != "inline" or not block.children:
            continue
        # a mark read as emphasis is a tag's token, or (the second '*' of '**') one emptied
        read = {child.meta["at"]: child.type != "text" or not child.content for child in block.children if "at" in child.meta}
        opening = {child.meta["at"] for child in block.children if "at" in child.meta and child.type.endswith("_open")}
        run: list[int] = []
        for at in [*sorted(read), -1]:
            if run and (at != run[-1] + 1 or block.content[at] != block.content[run[0]]):
                written = block.content[run[0] : run[-1] + 1]
                found.append(
                    Marks(
                        block.content,
                        run[0],
                        written,
                        all(read[i] for i in run),
                        bool(opening & set(run)),
                        number,
                        block.map[0] if block.map else 0,
                    )
                )
                run = []
            run.append(at)
    return found


def punctuation(character: str) -> bool:
    """Whether CommonMark counts `character` as punctuation beside an emphasis mark (symbols too)."""
    return isMdAsciiPunct(ord(character)) or isPunctChar(character)


def space(character: str) -> bool:
    return isWhiteSpace(ord(character))


_TAGS = {"p", "em", "strong", "code", "pre", "ul", "ol", "li", "a", "br", "blockquote", "hr"}
_ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}, "ol": {"start"}, "*": set()}  # "*": not even nh3's default title and lang


def prose(text: str) -> Markup:
    """The HTML of a limited-Markdown text: paragraphs, emphasis, lists and safe links."""
    html = _RENDERER.render(text)
    return Markup(
        nh3.clean(
            html,
            tags=_TAGS,
            attributes=_ATTRIBUTES,
            url_schemes={"http", "https"},
            link_rel="noopener noreferrer",
        )
    )
