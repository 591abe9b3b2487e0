"""Parse document texts into clean, structured records.

Two layouts, told apart by their content (:func:`layout_of`):

* **letter** (a Kamerbrief): pages of running text with headings and footnotes. From a text
  extract, a line that starts with a single space followed by a non-space starts a new page;
  from a PDF the pages come numbered (:mod:`knowledge.pdf`). Empty lines are extraction
  artefacts (ignored); a line with only a few spaces separates paragraphs; a line of many spaces
  starts a footnote block (``N text`` lines, possibly wrapped, followed by repeated link URLs).
  Letterhead furniture (``Pagina x van y``, ``Datum`` and the date under it, ``Onze referentie``,
  ``Kenmerk``, reference numbers) is not content.
* **annex** (a keuzelijst): numbered themes ``Thema N: title (sectors)`` with actions as bullets
  (U+F0B7), numbered items ``1)``, ``1.`` and sub-bullets ``o``. No pages.

Both: footnote markers glued to the citing word (``vaardigheden.1``, ``peer-tutoring1;``);
words broken over lines after a hyphen (``zij-`` / ``instromers``).

Nothing here is typed in by hand or named after one document: headings, pages, themes and
actions are all derived from the text layout.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

BULLET = "\uf0b7"

_FURNITURE_RE = re.compile(
    r"^(?:Pagina \d+ van \d+|Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Datum|Bijlage\(n\)"
    r"|\d{6,}|[A-Z]{2,}[-/ ]?\d{4,}[-/\d]*)$"
)
_DATE_LINE_RE = re.compile(
    r"^\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r" (?:19|20)\d\d$"
)
_FOOTNOTE_LINE_RE = re.compile(r"^(\d{1,2}) (\S.*)$")
_URL_LINE_RE = re.compile(r"^https?://\S+$")
_TERMINAL = (".", "!", "?")
_LOWER_JOINERS = {"en", "of", "tot", "t/m"}
# Function words a heading never ends with (a wrapped body line often does).
_HEADING_BAD_LAST = {
    "de", "het", "een", "van", "en", "of", "in", "op", "te", "met", "voor", "aan", "bij", "om",
    "dat", "die", "er", "is", "zijn", "als", "door", "naar", "over", "uit", "tot",
}

# A page: its number and its raw lines ("" or a few spaces: a paragraph gap).
Page = Tuple[int, List[str]]


class SourceError(RuntimeError):
    """A source file is missing, unreadable or does not have the expected shape."""


@dataclass
class Line:
    text: str
    page: Optional[int]
    page_start: bool = False
    separator: bool = False
    footnotes: List[int] = field(default_factory=list)


@dataclass
class Footnote:
    number: int
    text: str
    page: Optional[int]
    cited_line: Optional[int] = None  # index into the body line list


@dataclass
class Para:
    """A clean paragraph with the pages its characters are on."""

    text: str
    segments: List[Tuple[int, Optional[int]]]  # (start offset, page)
    section_path: Tuple[str, ...]
    footnotes: List[int]
    kind: str = "paragraph"

    @property
    def page(self) -> Optional[int]:
        return self.segments[0][1] if self.segments else None

    @property
    def page_end(self) -> Optional[int]:
        return self.segments[-1][1] if self.segments else None

    def page_at(self, offset: int) -> Optional[int]:
        return page_at(self.segments, offset, self.page)


def page_at(segments, offset: int, default: Optional[int]) -> Optional[int]:
    """The page a character offset is on, given (start offset, page) segments."""
    page = default
    for start, seg_page in segments:
        if start <= offset:
            page = seg_page
    return page


# --------------------------------------------------------------------------- line scanning

FOOTNOTE_RULE_MIN = 10    # a blank line at least this long opens a footnote block
_PAGE_NUMBER_RE = re.compile(r"^\s*Pagina (\d+) van \d+\s*$")


def split_pages(text: str) -> List[Page]:
    """A letter's text extract as pages: a line that starts with one space and then text opens a
    page; a page that says "Pagina N van M" is page N. A text without such lines is one page."""
    pages: List[Page] = []
    for raw in text.splitlines():
        if raw == "":
            continue  # PDF extraction artefact, carries no meaning
        opens = re.match(r"^ \S", raw) and (not pages or any(l.strip() for l in pages[-1][1]))
        if opens or not pages:
            pages.append((len(pages) + 1, []))
        pages[-1][1].append(raw)
    numbered: List[Page] = []
    for number, lines in pages:
        stated = next((int(m.group(1)) for m in map(_PAGE_NUMBER_RE.match, lines) if m), None)
        numbered.append((stated or number, lines))
    return numbered


def scan(pages: Sequence[Tuple[Optional[int], List[str]]]) -> Tuple[List[Line], List[Footnote]]:
    """Split pages of raw lines into body lines (with their page) and footnotes."""
    body: List[Line] = []
    footnotes: List[Footnote] = []
    for page, lines in pages:
        in_footnotes = False
        after_date_label = False
        for position, raw in enumerate(lines):
            if raw == "":
                continue  # PDF extraction artefact, carries no meaning (a gap is a few spaces)
            page_start = position == 0 and page is not None
            stripped = " ".join(raw.split())
            if not stripped:
                if len(raw) >= FOOTNOTE_RULE_MIN:
                    in_footnotes = True
                elif not in_footnotes:
                    body.append(Line("", page, separator=True))
                continue
            if _FURNITURE_RE.match(stripped):
                after_date_label = stripped == "Datum"
                continue
            if after_date_label and _DATE_LINE_RE.match(stripped):
                after_date_label = False
                continue  # the letter's date under its "Datum" label
            after_date_label = False
            if in_footnotes:
                m = _FOOTNOTE_LINE_RE.match(stripped)
                expected = (footnotes[-1].number + 1) if footnotes else 1
                if m and int(m.group(1)) == expected:
                    footnotes.append(Footnote(expected, m.group(2).strip(), page))
                    continue
                if footnotes and _URL_LINE_RE.match(stripped):
                    squeezed = "".join("".join(f.text.split()) for f in footnotes)
                    if stripped in squeezed:
                        continue  # repeated link annotation of a footnote URL
                    footnotes[-1].text = join_lines([footnotes[-1].text, stripped])
                    continue
                if footnotes and not footnotes[-1].text.endswith(_TERMINAL):
                    footnotes[-1].text = join_lines([footnotes[-1].text, stripped])
                    continue
                in_footnotes = False
            body.append(Line(stripped, page, page_start=page_start))
    _link_footnote_markers(body, footnotes)
    return body, footnotes


def _link_footnote_markers(body: List[Line], footnotes: Sequence[Footnote]) -> None:
    """Find each footnote's marker in the body (in order), remove it and link it."""
    start = 0
    for fn in footnotes:
        marker = re.compile(r"(?<=[^\W\d_]|[.,;:)’'])" + str(fn.number) + r"(?=[\s,.;:)]|$)")
        for index in range(start, len(body)):
            line = body[index]
            if line.separator:
                continue
            m = marker.search(line.text)
            if m:
                line.text = (line.text[: m.start()] + line.text[m.end():]).rstrip()
                line.text = re.sub(r"\s{2,}", " ", line.text)
                line.footnotes.append(fn.number)
                fn.cited_line = index
                start = index
                break


def join_lines(lines: Sequence[str]) -> str:
    """Join wrapped lines: spaces between words, compounds broken after a hyphen rejoined."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        first_word = line.split(" ", 1)[0]
        if (
            out.endswith("-")
            and len(out) >= 2
            and out[-2].isalnum()
            and line[:1].islower()
            and first_word not in _LOWER_JOINERS
        ):
            out += line
        else:
            out += " " + line
    return re.sub(r"\s{2,}", " ", out)


def _join_with_pages(lines: Sequence[Line]) -> Tuple[str, List[Tuple[int, Optional[int]]]]:
    text = ""
    segments: List[Tuple[int, Optional[int]]] = []
    for line in lines:
        text = join_lines([text, line.text])
        if not segments or segments[-1][1] != line.page:
            segments.append((max(0, len(text) - len(line.text)), line.page))
    return text, segments


def _width(lines: Sequence[Line]) -> float:
    lengths = [len(l.text) for l in lines if not l.separator and len(l.text) > 40]
    return statistics.median(lengths) if lengths else 80.0


# --------------------------------------------------------------------------- letters

def _blocks(body: Sequence[Line], width: float) -> List[List[Line]]:
    """Group lines into blocks between separators; join blocks across page breaks."""
    blocks: List[List[Line]] = []
    current: List[Line] = []
    for line in body:
        if line.separator:
            if current:
                blocks.append(current)
                current = []
            continue
        if line.page_start and current:
            last = current[-1].text
            continues = not last.endswith(_TERMINAL + (":",)) and len(last) >= 0.8 * width
            if not continues:
                blocks.append(current)
                current = []
        current.append(line)
    if current:
        blocks.append(current)
    # A block ending in a comma continues in the next one (signature: "De minister ...," / name).
    merged: List[List[Line]] = []
    for block in blocks:
        if merged and merged[-1][-1].text.endswith(",") and len(block) == 1:
            merged[-1] = merged[-1] + block
        else:
            merged.append(block)
    return merged


def _is_one_line_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or text.endswith((",", ";")):
        return False
    if not (text[0].isupper() or text[0] == "("):
        return False
    if text.endswith(_TERMINAL) and len(words) > 1:
        return False
    return words[-1].lower() not in _HEADING_BAD_LAST


def _heading_prefix(block: Sequence[Line], width: float) -> int:
    """Number of leading lines of a multi-line block that form a heading (0, 1 or 2)."""
    if len(block) < 2:
        return 0
    first = block[0].text
    if not (first[:1].isupper() or first[:1] == "("):
        return 0
    for k in (1, 2):
        if k >= len(block):
            break
        last = block[k - 1].text
        nxt = block[k].text
        if not nxt[:1].isupper():
            continue
        if last.endswith((",", ";")) or (last.endswith(_TERMINAL) and len(last.split()) > 1):
            continue
        if last.split()[-1].lower() in _HEADING_BAD_LAST:
            continue
        if k == 2 and (block[0].text.endswith(_TERMINAL) or len(last) >= 0.8 * width):
            continue
        if len(" ".join(l.text for l in block[:k])) > 160:
            continue
        return k
    return 0


def _is_level1(heading: str) -> bool:
    letters = [c for c in heading if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) or heading.startswith("Bijlage")


def _display_heading(heading: str) -> str:
    heading = heading.strip().rstrip(".").strip()
    letters = [c for c in heading if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        heading = heading[:1] + heading[1:].lower()
    return heading


def _split_paragraphs(lines: Sequence[Line], width: float) -> List[List[Line]]:
    """Split a block where a short line ends a sentence and the next starts a new one."""
    paras: List[List[Line]] = [[]]
    for i, line in enumerate(lines):
        paras[-1].append(line)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if (
            nxt
            and line.text.endswith(_TERMINAL)
            and len(line.text) < 0.85 * width
            and nxt[:1].isupper()
            and not lines[i + 1].page_start
        ):
            paras.append([])
    return [p for p in paras if p]


def parse_letter(pages: Sequence[Page]) -> Tuple[List[Para], List[Footnote]]:
    """A letter's paragraphs (with headings and pages) and footnotes."""
    body, footnotes = scan(pages)
    width = _width(body)
    paras: List[Para] = []
    level1: Optional[str] = None
    level2: Optional[str] = None
    for block in _blocks(body, width):
        if len(block) == 1 and _is_one_line_heading(block[0].text):
            heading_lines, rest = block, []
        else:
            k = _heading_prefix(block, width)
            heading_lines, rest = block[:k], block[k:]
        if heading_lines:
            heading = _display_heading(join_lines([l.text for l in heading_lines]))
            if _is_level1(join_lines([l.text for l in heading_lines])):
                level1, level2 = heading, None
            else:
                level2 = heading
            # Footnotes cited in a heading belong to the first paragraph below it.
            carried = [n for l in heading_lines for n in l.footnotes]
            if rest and carried:
                rest[0].footnotes = carried + rest[0].footnotes
            elif carried and paras:
                paras[-1].footnotes.extend(carried)
        path = tuple(h for h in (level1, level2) if h)
        for para_lines in _split_paragraphs(rest, width):
            joined, segments = _join_with_pages(para_lines)
            paras.append(
                Para(joined, segments, path, [n for l in para_lines for n in l.footnotes])
            )
    return paras, footnotes


# --------------------------------------------------------------------------- annexes

@dataclass
class Item:
    level: int
    marker: str
    lines: List[str]
    footnotes: List[int]
    children: List["Item"] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class ThemeRecord:
    number: int
    title: str
    sectors: Tuple[str, ...]
    heading: str
    intro_paragraphs: List[str]
    intro_footnotes: List[int]
    closing_notes: List[str]
    extends: Tuple[int, ...]
    programme: Optional[str]
    items: List[Item]


@dataclass
class ActionRecord:
    theme: int
    position: int
    group: Optional[str]
    text: str
    examples: Optional[str]
    notes: List[str]
    footnotes: List[int]
    full_text: str


@dataclass
class AnnexParse:
    title: str
    intro: List[Para]
    themes: List[ThemeRecord]
    actions: List[ActionRecord]
    footnotes: List[Footnote]


_THEME_RE = re.compile(r"^Thema (\d+):\s*(.+?)\s*\(([^()]*)\)\s*$")
_ITEM_RES = [
    (re.compile("^" + BULLET + r"\s+(.*)$"), 1, "bullet"),
    (re.compile(r"^(\d+)\)\s+(.*)$"), 1, "paren"),
    (re.compile(r"^(\d+)\.\s+(.*)$"), 2, "dot"),
    (re.compile(r"^o\s+(.*)$"), 2, "o"),
    (re.compile(r"^\*\s+(.*)$"), 0, "star"),
]
_SECTOR_WORDS = ("mbo", "hbo", "wo", "ho", "po", "vo", "so")
_PROGRAMMES = (("medische opleidingen", "geneeskunde"), ("lerarenopleidingen", "lerarenopleiding"))


def parse_sectors(text: str) -> Tuple[str, ...]:
    parts = [p.strip().lower() for p in re.split(r",|\ben\b", text) if p.strip()]
    sectors = tuple(p for p in parts if p in _SECTOR_WORDS)
    if not sectors:
        raise SourceError(f"cannot read the sectors in theme heading: ({text})")
    return sectors


def _match_item(text: str):
    for regex, level, kind in _ITEM_RES:
        m = regex.match(text)
        if m:
            return level, kind, m.group(m.lastindex or 1)
    return None


def split_examples(text: str) -> Tuple[str, Optional[str]]:
    """Split "Do X. Bijvoorbeeld door Y" into ("Do X.", "Bijvoorbeeld door Y")."""
    m = re.search(r"(?<=[.,])\s+(?=[Bb]ijvoorbeeld\b)", text)
    if not m:
        return text, None
    head = text[: m.start()].rstrip(" ,")
    if not head.endswith(_TERMINAL):
        head += "."
    return head, text[m.end():].strip()


def _clean_item_text(text: str) -> str:
    return text.strip().rstrip(";").strip()


def layout_of(text: str) -> str:
    """"annex" when the text has theme headings ("Thema N: title (sectors)"), else "letter"."""
    return "annex" if any(_THEME_RE.match(" ".join(l.split())) for l in text.splitlines()) else "letter"


def parse_annex(text: str) -> AnnexParse:
    """An annex's title, introduction, themes and actions (from its text)."""
    body, footnotes = scan([(None, text.splitlines())])
    # Title: the lines before the first separator that follows text.
    idx = 0
    while idx < len(body) and body[idx].separator:
        idx += 1
    title_lines: List[str] = []
    while idx < len(body) and not body[idx].separator:
        title_lines.append(body[idx].text)
        idx += 1
    title = join_lines(title_lines)

    intro_blocks: List[List[Line]] = [[]]
    themes: List[ThemeRecord] = []
    theme: Optional[ThemeRecord] = None
    intro_para: List[Line] = []
    current: Optional[Item] = None
    parent: Optional[Item] = None

    def flush_intro_para() -> None:
        nonlocal intro_para
        if intro_para and theme is not None:
            theme.intro_paragraphs.append(join_lines([l.text for l in intro_para]))
            theme.intro_footnotes.extend(n for l in intro_para for n in l.footnotes)
        intro_para = []

    for line in body[idx:]:
        m = _THEME_RE.match(line.text) if not line.separator else None
        if m:
            flush_intro_para()
            heading_title = m.group(2).strip()
            programme = next(
                (tag for needle, tag in _PROGRAMMES if needle in heading_title.lower()), None
            )
            theme = ThemeRecord(
                number=int(m.group(1)), title=heading_title, sectors=parse_sectors(m.group(3)),
                heading=line.text, intro_paragraphs=[], intro_footnotes=list(line.footnotes),
                closing_notes=[], extends=(), programme=programme, items=[],
            )
            themes.append(theme)
            current = parent = None
            continue
        if theme is None:
            if line.separator:
                intro_blocks.append([])
            else:
                intro_blocks[-1].append(line)
            continue
        if line.separator:
            flush_intro_para()
            current = None
            continue
        item = _match_item(line.text)
        if item:
            level, kind, rest = item
            new = Item(level, kind, [rest], list(line.footnotes))
            if level == 0:
                theme.closing_notes.append(rest)
                current = new
            elif level == 1:
                theme.items.append(new)
                parent = current = new
            else:
                if parent is None:
                    raise SourceError(f"sub-item without a parent in theme {theme.number}: {rest[:40]}")
                parent.children.append(new)
                current = new
            continue
        if current is not None:
            if current.level == 0:
                theme.closing_notes[-1] = join_lines([theme.closing_notes[-1], line.text])
            else:
                current.lines.append(line.text)
                current.footnotes.extend(line.footnotes)
        else:
            intro_para.append(line)
    flush_intro_para()
    if not themes:
        raise SourceError("no 'Thema N: title (sectors)' headings found")

    for theme in themes:
        ext = re.search(r"thema[’']?s\s+(\d+)\s*-\s*(\d+)", " ".join(theme.intro_paragraphs))
        if ext:
            theme.extends = tuple(range(int(ext.group(1)), int(ext.group(2)) + 1))

    intro: List[Para] = []
    for block in intro_blocks:
        if block:
            joined, segments = _join_with_pages(block)
            intro.append(Para(joined, segments, (), [n for l in block for n in l.footnotes], "intro"))

    actions: List[ActionRecord] = []
    for theme in themes:
        position = 0
        for item in theme.items:
            text = _clean_item_text(item.text)
            if item.children and text.endswith(":") and all(c.marker in ("dot", "o") for c in item.children):
                group = re.sub(r",?\s*(middels|via|door)?\s*:$", "", text).strip()
                for child in item.children:
                    position += 1
                    actions.append(_action(theme.number, position, group, child, []))
            else:
                notes = [_clean_item_text(c.text) for c in item.children]
                position += 1
                actions.append(_action(theme.number, position, None, item, notes))
    return AnnexParse(title, intro, themes, actions, footnotes)


def _action(theme: int, position: int, group: Optional[str], item: Item, notes: List[str]) -> ActionRecord:
    full = _clean_item_text(item.text)
    full = full[:1].upper() + full[1:]
    text, examples = split_examples(full)
    return ActionRecord(theme, position, group, text, examples, notes, list(item.footnotes), full)

