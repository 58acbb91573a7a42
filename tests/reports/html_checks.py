"""Reading an HTML document as a person (text, headings) and as an auditor (accessibility,
contrast, network)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_SKIP = {"style", "script", "title", "desc"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[str] = field(default_factory=list)


class Page(HTMLParser):
    """Every element, its attributes, the visible text and the headings, in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.headings: list[tuple[int, str]] = []
        self.text_parts: list[str] = []
        self.css = ""
        self._open: list[Element] = []
        self._heading: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        if self._open:
            self._open[-1].children.append(tag)
        self.elements.append(element)
        if tag not in {"meta", "br", "link", "img", "input", "circle", "line", "rect", "polyline"}:
            self._open.append(element)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), squash("".join(self._heading))))
            self._heading = None

    def handle_data(self, data: str) -> None:
        inside = {e.tag for e in self._open}
        if "style" in inside:
            self.css += data
        if self._heading is not None:
            self._heading.append(data)
        if not inside & TEXT_SKIP:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return squash(" ".join(self.text_parts))


def squash(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces are kept, they matter."""
    return re.sub(r"[ \t\r\n\f]+", " ", text).strip()


def accessibility_problems(page: Page) -> list[str]:
    """A basic audit: language, labelled images and charts, headings in order."""
    problems = []
    html = [e for e in page.elements if e.tag == "html"]
    if not html or not html[0].attrs.get("lang"):
        problems.append("<html> has no lang")
    for e in page.elements:
        if e.tag == "img" and not (e.attrs.get("alt") or e.attrs.get("aria-label")):
            problems.append(f"img without alt: {e.attrs}")
        if e.tag == "svg":
            labelled = (
                e.attrs.get("aria-label")
                or e.attrs.get("aria-labelledby")
                or "title" in e.children
                or e.attrs.get("aria-hidden") == "true"
            )
            if not labelled or not (e.attrs.get("role") or e.attrs.get("aria-hidden")):
                problems.append(f"svg without a role and a label: {e.attrs}")
    levels = [level for level, _ in page.headings]
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        problems.append(f"there should be one h1, first: {levels[:3]}")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"heading jumps from h{before} to h{after}")
    return problems


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _expand(colour: str) -> str:
    colour = colour.lower()
    if len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour


def text_and_background_colours(css: str) -> tuple[set[str], set[str]]:
    """Colours given to text (``color``, and ``fill`` of SVG text) and to backgrounds."""
    variables = {
        name: _expand(value)
        for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", css)
    }

    def resolve(value: str) -> str | None:
        value = value.strip()
        found = re.fullmatch(r"var\(--([\w-]+)\)", value)
        if found:
            return variables[found.group(1)]
        return _expand(value) if re.fullmatch(r"#[0-9a-fA-F]{3,6}", value) else None

    text, backgrounds = set(), set()
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        for prop, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body):
            colour = resolve(value)
            if colour is None:
                continue
            if prop == "color" or (prop == "fill" and re.search(r"\btext\b", selector)):
                text.add(colour)
            elif prop in ("background", "background-color"):
                backgrounds.add(colour)
    return text, backgrounds


def network_references(page: Page) -> list[str]:
    """Anything that would be fetched from a network when the page is opened."""
    found = []
    for e in page.elements:
        for attr in ("src", "srcset", "data", "poster", "action", "formaction"):
            value = e.attrs.get(attr) or ""
            if re.search(r"(?i)\b(https?:)?//", value):
                found.append(f"<{e.tag} {attr}={value}>")
        if e.tag in ("link", "script", "iframe", "object", "embed", "base"):
            found.append(f"<{e.tag}> {e.attrs}")
        href = e.attrs.get("href") or e.attrs.get("xlink:href") or ""
        if e.tag != "a" and re.search(r"(?i)\b(https?:)?//", href):
            found.append(f"<{e.tag} href={href}>")
    if re.search(r"(?i)@import|@font-face|url\(", page.css):
        found.append("the stylesheet loads something (@import, @font-face or url())")
    return found
