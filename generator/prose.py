"""Contributor Markdown (the `problem` and `how_to_respond` texts) to HTML that cannot carry markup
of its own: a renderer that emits no raw HTML and links only to web addresses (http or https, with
a host), then an allowlist sanitizer as the last line. The validator refuses what this drops, with
a located message; safety does not depend on it."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
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
