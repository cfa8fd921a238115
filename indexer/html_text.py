"""HTML text extraction (BeautifulSoup, stdlib parser): block elements become lines, tables rows."""

from __future__ import annotations

import re

from indexer.formats import ReadError
from indexer.vietnamese import normalize

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "table", "ul", "ol", "blockquote", "pre", "header", "footer", "title",
}


def extract_html_text(html: str) -> str:
    """Visible text of an HTML page, one line per block element, table cells joined by " | ".

    Args:
        html: decoded HTML.

    Returns:
        Normalised text.

    Raises:
        ReadError: when the page has no visible text.
    """
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup(["script", "style", "noscript", "template", "head"]):
            tag.decompose()
        for cell in soup.find_all(["td", "th"]):
            cell.insert_after(" | ")
        for tag in soup.find_all(_BLOCK_TAGS):
            tag.insert_before("\n")
            tag.insert_after("\n")
        text = soup.get_text()
    except RecursionError as exc:
        raise ReadError("Trang HTML lồng nhau quá sâu — không đọc được.") from exc
    lines = []
    for line in normalize(text).split("\n"):
        line = re.sub(r"\s*\|\s*$", "", line.strip())
        if line:
            lines.append(line)
    if not lines:
        raise ReadError("Trang HTML không có nội dung chữ.")
    return "\n".join(lines)


__all__ = ["extract_html_text"]
