"""PDF pages as layout text (pypdf ``extraction_mode="layout"``) cut into blocks with tables.

Used for quy trình PDFs, whose header box and step table ("TT | Trình tự | Trách nhiệm |
Thời gian | Biểu mẫu") come out of plain extraction as a jumble of cell fragments. In layout
mode every line keeps its columns (runs of two or more spaces), so:

- the header box (lines before the first numbered section heading) becomes one table row of
  column texts;
- a step table is found by its header line (at least two of Trình tự / Trách nhiệm / Thời gian /
  Biểu mẫu ...), its column starts are read from that line and its neighbours, and each body
  line's segments go to the nearest column; rows are anchored on the step labels (B1, Bước 2,
  3 ...), vertically centred or top aligned;
- every other line is a text block (spaces collapsed).
"""

from __future__ import annotations

import io
import logging
import re
from typing import Optional

from indexer.docx_text import Block
from indexer.vietnamese import fold, normalize

_HEADING = re.compile(r"^\s{0,3}(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+\S")
_LABEL = re.compile(r"^(?:B\s*\d{1,2}|Bước\s*\d{1,2}|\d{1,2})[.:)]?$", re.I)
_LABEL_LEAD = re.compile(r"^(B\s*\d{1,2}|Bước\s*\d{1,2}|\d{1,2})[.:)]?\s+(?=\S)", re.I)
_COLUMN_WORDS = ("trinh tu", "noi dung", "cong viec", "trach nhiem", "thoi gian", "bieu mau", "ket qua",
                 "nguoi thuc hien", "don vi thuc hien", "mo ta", "tien trinh")
MAX_LAYOUT_PAGES = 200
_HEADER_TAILS = {"hien", "thuc hien", "qua", "ket qua", "mau", "bieu mau", "gian", "nhiem", "viec", "lam viec",
                 "ngay", "ngay lam viec", "gio", "xu ly", "cong viec", "san pham", "ho so", "trach nhiem", "thoi gian"}


def layout_pages(data: bytes) -> list[str]:
    """Layout text of every page ("" for a page that fails), at most ``MAX_LAYOUT_PAGES`` pages.

    Args:
        data: PDF bytes (already checked readable by ``indexer.pdf_text``).

    Returns:
        One string per page.
    """
    from pypdf import PdfReader

    log = logging.getLogger("pypdf")
    old = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        out = []
        for page in list(reader.pages)[:MAX_LAYOUT_PAGES]:
            try:
                out.append(_normalize_keep_columns(page.extract_text(extraction_mode="layout") or ""))
            except Exception:  # noqa: BLE001 - one broken page does not stop the others
                out.append("")
        return out
    finally:
        log.setLevel(old)


def _normalize_keep_columns(text: str) -> str:
    """``normalize`` each run of text but keep the runs of spaces that mark the columns."""
    lines = []
    for line in text.replace("\r", "").split("\n"):
        parts = re.split(r"(\s{2,})", line)
        lines.append("".join(p if not p.strip() else normalize(p) for p in parts))
    return "\n".join(lines)


def _segments(line: str) -> list[tuple[int, str]]:
    """(start column, text) of the runs separated by two or more spaces."""
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"\S+(?: \S+)*", line):
        out.append((m.start(), m.group(0)))
    return out


def _joined(segs: list[tuple[int, str]], gap: int = 5) -> list[tuple[int, str]]:
    """Segments closer than ``gap`` spaces joined again (justified header words: "Biểu    mẫu/Kết")."""
    out: list[tuple[int, str]] = []
    end = -gap
    for start, text in segs:
        if out and start - end < gap:
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((start, text))
        end = start + len(text)
    return out


def _ends_table(segs: list[tuple[int, str]]) -> bool:
    """A lone run at the margin that reads as a section heading ("6. BIỂU MẪU", "VI. HỒ SƠ LƯU")."""
    if len(segs) != 1:
        return False
    m = re.match(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})[.)]\s*(.+)$", segs[0][1])
    if not m:
        return False
    letters = [c for c in m.group(1) if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _is_step_header(line: str) -> bool:
    segs = _segments(line)
    if len(segs) < 2:
        return False
    hits = sum(1 for _, s in segs if any(w in fold(s) for w in _COLUMN_WORDS))
    return hits >= 2


def _columns(lines: list[str], at: int) -> list[tuple[int, str]]:
    """Column starts and names from the header line and its non-blank neighbours."""
    cols: dict[int, str] = {}
    for j in (at - 1, at, at + 1):
        if 0 <= j < len(lines) and lines[j].strip() and (j == at or (
                len(_segments(lines[j])) <= 3 and not _HEADING.match(lines[j]))):  # not "5.7. Trình tự …" above
            for start, text in _joined(_segments(lines[j])):
                near = next((c for c in cols if abs(c - start) <= 3), None)
                if near is None:
                    cols[start] = text
                else:
                    cols[near] = f"{cols[near]} {text}" if j > at else f"{text} {cols[near]}"
    return sorted(cols.items())


def _label_groups(body: list[list[tuple[int, str]]], first: int) -> list[tuple[int, int]]:
    """(first, last) body line of each step label: a label wrapped in a narrow column ("Bước" over
    "1") is one label."""
    out: list[tuple[int, int]] = []
    for k, segs in enumerate(body):
        if segs[0][0] >= first - 3:
            continue
        word = segs[0][1]
        if out and k - out[-1][1] <= 2 and _WORD_ONLY.match(body[out[-1][0]][0][1]) and re.match(r"^\d", word):
            out[-1] = (out[-1][0], k)  # "Bước" then "1"
        else:
            out.append((k, k))
    return out


def _rivers(raw: list[str], starts: list[int], reach: int = 6) -> list[int]:
    """Column starts moved onto the "rivers" of the body: runs of character positions that are
    blank on every body line. Justified cells put their last word right against the next column,
    so the header's positions alone misplace words by a character or two; a river does not.

    Args:
        raw: the body lines of the table.
        starts: column starts read from the header.
        reach: how far (characters) a river may be from the header's start to replace it.

    Returns:
        The starts, each moved to the end of the nearest river within ``reach``.
    """
    if not raw:
        return starts
    width = max(len(ln) for ln in raw)
    used = [False] * (width + 1)
    for ln in raw:
        for m in re.finditer(r"\S", ln):
            used[m.start()] = True
    ends = [i for i in range(1, width + 1) if used[i] and not used[i - 1]]  # first used position after a river
    out = [starts[0]]
    for st in starts[1:]:
        near = min(ends, key=lambda e: abs(e - st), default=None)
        out.append(near if near is not None and abs(near - st) <= reach and near > out[-1] else st)
    return out


def _assign(segs: list[tuple[int, str]], starts: list[int]) -> list[str]:
    cells = [""] * len(starts)
    for pos, text in segs:
        i = max((k for k, s in enumerate(starts) if s <= pos), default=0)
        cells[i] = f"{cells[i]} {text}".strip()
    return cells


_WORD_ONLY = re.compile(r"^(?:Bước|B)\.?$", re.I)


def _is_label(seg: str) -> bool:
    return bool(_LABEL.match(seg) or _LABEL_LEAD.match(seg) or _WORD_ONLY.match(seg))


def _table(lines: list[str], at: int) -> tuple[list[list[str]], int]:
    """Rows of the step table whose header is ``lines[at]``; also the index after the table."""
    cols = _columns(lines, at)
    starts = [c for c, _ in cols]
    first = starts[1] if len(starts) > 1 else 4
    j = at + 1
    while j < len(lines) and lines[j].strip():  # header continuation lines ("quả")
        j += 1
    k, seen = j, 0  # wrapped header words further down, after a blank line ("hiện", "quả", "(ngày)")
    while k < len(lines) and seen < 2:
        if lines[k].strip():
            if not all(fold(t).strip(" ()/") in _HEADER_TAILS for _, t in _segments(lines[k])):
                break
            seen += 1
            j = k + 1
        k += 1
    body: list[list[tuple[int, str]]] = []
    raw: list[str] = []
    end = j
    while end < len(lines):
        if lines[end].strip():
            segs = _segments(lines[end])
            if segs[0][0] < first - 3 and (not _is_label(segs[0][1]) or _ends_table(segs)):
                break  # text back at the left margin: the table is over
            body.append(segs)
            raw.append(lines[end])
        end += 1
    starts = _rivers(raw, starts)
    groups = _label_groups(body, first)
    head = [[name for _, name in cols]]
    if not groups:
        return head, end
    # labels sit in the middle of their rows (text above the first one) or at the top; when the
    # first row is a single line both are possible: read both ways, keep the tidier one
    if groups[0][0] > 0:
        return head + _partition(body, groups, starts, True), end
    best = max((_partition(body, groups, starts, centred) for centred in (False, True)), key=_tidiness)
    return head + best, end


_TIME_WORDS = re.compile(r"\d+(?:[.,/]\d+)?\s*(?:ngay|gio|phut|thang)|trong ngay")


def _tidiness(rows: list[list[str]]) -> int:
    """How well a reading of the rows fits: time cells holding exactly one time, cells that do not
    start with a lower-case word (a line that belongs to the row above)."""
    score = 0
    for r in rows:
        times = [len(_TIME_WORDS.findall(fold(c))) for c in r[1:]]
        score += 2 * sum(1 for t in times if t == 1) - 2 * sum(1 for t in times if t > 1)
        score -= sum(1 for c in r[1:] if c[:1].islower())
    return score


def _partition(body: list[list[tuple[int, str]]], groups: list[tuple[int, int]], starts: list[int],
               centred: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    start = 0
    for n, (a, b) in enumerate(groups):
        nxt = groups[n + 1][0] if n + 1 < len(groups) else len(body)
        if centred and n + 1 < len(groups):
            stop = min(nxt, max(b + 1, a + b - start + 1))
        else:
            stop = nxt
        if not centred and n == 0:
            start = 0  # lines above the first label (none when labels are at the top)
        cells = [""] * len(starts)
        for segs in body[start:stop]:
            for i, c in enumerate(_assign(segs, starts)):
                if c:
                    cells[i] = f"{cells[i]} {c}".strip()
        m = _LABEL_LEAD.match(cells[0])
        if m and len(cells) > 1:  # "B1 Tiếp nhận ..." in one run: the label alone stays in column 0
            cells[1] = f"{cells[0][m.end():].strip()} {cells[1]}".strip()
            cells[0] = m.group(1)
        rows.append(cells)
        start = stop
    return rows


def _header_block(lines: list[str]) -> Optional[Block]:
    cols: dict[int, list[str]] = {}
    for ln in lines:
        for start, text in _segments(ln):
            near = next((c for c in cols if abs(c - start) <= 3), None)
            cols.setdefault(start if near is None else near, []).append(text)
    if len(cols) < 2:
        return None
    row = ["\n".join(v) for _, v in sorted(cols.items())]
    return Block(text=" | ".join(c.replace("\n", " ") for c in row), rows=[row], page=1)


def layout_blocks(pages: list[str]) -> list[Block]:
    """Blocks of a quy trình PDF: header box and step tables as table blocks, other lines as text.

    Args:
        pages: layout text per page (``layout_pages``).

    Returns:
        Blocks in reading order with 1-based page numbers.
    """
    blocks: list[Block] = []
    head_done = False
    for pno, text in enumerate(pages, 1):
        lines = text.split("\n")
        i = 0
        if not head_done:
            k = next((n for n, ln in enumerate(lines) if _HEADING.match(ln) and len(_segments(ln)) == 1), None)
            if k is not None:
                top = 0  # the box ends with its last line that has columns or is indented
                for n, ln in enumerate(lines[:k]):  # ("Người viết: … (Đã ký)" below it is not in it)
                    segs = _segments(ln)
                    if segs and (len(segs) >= 2 or segs[0][0] > 3):
                        top = n + 1
                box = [ln for ln in lines[:top] if ln.strip()]
                hb = _header_block(box) if any(len(_segments(ln)) >= 2 for ln in box) else None
                if hb is not None:
                    hb.page = pno
                    blocks.append(hb)
                    i = top
                head_done = True
        while i < len(lines):
            ln = lines[i]
            if _is_step_header(ln):
                rows, i = _table(lines, i)
                flat = "\n".join(" | ".join(r) for r in rows)
                blocks.append(Block(text=flat, rows=rows, page=pno))
                continue
            t = re.sub(r"\s{2,}", " ", ln).strip()
            if t:
                blocks.append(Block(text=t, page=pno))
            i += 1
    return blocks


__all__ = ["MAX_LAYOUT_PAGES", "layout_blocks", "layout_pages"]
