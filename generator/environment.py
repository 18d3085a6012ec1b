"""The templates' surroundings: the Jinja environment, its filters and the UI strings."""

from __future__ import annotations

import datetime as dt
import functools
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from .chinese import close_gaps, phrased
from .model import Text
from .prose import prose

TEMPLATES = Path(__file__).parent / "templates"
_STRINGS = TEMPLATES / "strings.yaml"


@dataclass(frozen=True)
class Labels:
    """The UI strings in one language; templates call it as `t("key", name=value)`."""

    language: str
    strings: dict[str, dict[str, str]]

    def __call__(self, key: str, **values: Any) -> Markup:
        """A UI string with {placeholders} filled in. The strings are ours and may hold HTML (a
        link); the values are escaped, as they may come from data.

        A key may have a singular form `key.one`, used when `count` is 1.
        """
        if values.get("count") == 1 and f"{key}.one" in self.strings:
            key = f"{key}.one"
        if self.language not in self.strings.get(key, {}):
            raise jinja2.UndefinedError(f"{_STRINGS.name} has no {self.language} text for {key!r}")
        text = Markup(self.strings[key][self.language])
        if not values:
            return text  # unformatted, a string can be a template of its own
        return text.format(**{name: self.day(v) if isinstance(v, dt.date) else v for name, v in values.items()})

    def loc(self, text: Text) -> str:
        return text.get(self.language)

    def day(self, date: dt.date) -> str:
        """A date as the page's language writes it: 2023-11-20; 2023年11月20日, as a Chinese document
        dates itself (GB/T 9704)."""
        return f"{date.year}年{date.month}月{date.day}日" if self.language == "zh" else date.isoformat()


def strings() -> dict[str, dict[str, str]]:
    """UI strings, {key: {en, zh}}; tests check that every key has both languages. Read at each
    build, so `mkdocs serve` shows an edited string."""
    with _STRINGS.open(encoding="utf-8") as file:
        loaded: dict[str, dict[str, str]] = yaml.safe_load(file)
    for text in loaded.values():  # folded Chinese lines must not leave gaps between characters
        if "zh" in text:
            text["zh"] = close_gaps(text["zh"])
    return loaded


def template_problem(error: jinja2.TemplateError | yaml.YAMLError) -> str:
    """A template or the UI strings that cannot be used, as `path:line[:column]: message`, the
    path from the project's folder: the line of the template whose rendering failed, or the
    place of a syntax error."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return f"{_shown(mark.name)}:{mark.line + 1}:{mark.column + 1}: {error.problem}"
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{_shown(error.filename)}:{error.lineno}: {error.message}"
    # Jinja gives each template line it ran a frame of its own, named after the template file.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    place = f"{_shown(frames[-1].filename)}:{frames[-1].lineno}: " if frames else ""
    return f"{place}{error}"


def _shown(path: str) -> str:
    root = TEMPLATES.parent.parent
    return Path(path).relative_to(root).as_posix() if Path(path).is_relative_to(root) else path


def web_address(url: str) -> str:
    """`{{ source.url|web_address }}`: a link to another site, only if it is an http(s) address
    (the validator requires one; this keeps any other scheme out of the page regardless)."""
    return url if re.match(r"https?://", url, re.IGNORECASE) else "#"


@jinja2.pass_context
def localised(context: jinja2.runtime.Context, text: Text) -> str:
    """`{{ scenario.title|loc }}`: a text in the page's language."""
    return text.get(context["language"])


@jinja2.pass_context
def phrases(context: jinja2.runtime.Context, text: str) -> Markup | str:
    """`{{ title|phrases }}`: a Chinese title that wraps between words (chinese.phrased); as it is
    in other languages, escaped by the template."""
    return phrased(text) if context["language"] == "zh" else text


@functools.cache
def environment() -> jinja2.Environment:
    """The templates: HTML, autoescaped, so that every value is text unless code marks it safe.
    Jinja notices an edited template (as under `mkdocs serve`) and compiles it again."""
    loaded = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    loaded.filters.update(prose=prose, loc=localised, phrases=phrases, web_address=web_address)
    return loaded
