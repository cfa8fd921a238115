"""PDF text extraction with pypdf, page by page (page numbers are kept for citations)."""

from __future__ import annotations

import io
import logging

from indexer.formats import ReadError
from indexer.vietnamese import clean_pdf_text

MAX_PAGES = 3000
NO_TEXT_LAYER = "PDF không có lớp chữ (có thể là bản scan) — cần OCR trước khi nhập."


def extract_pdf_pages(data: bytes, *, max_pages: int = MAX_PAGES) -> list[str]:
    """Extract the text of each page, cleaned of PDF line breaks and hyphenation.

    Args:
        data: the PDF bytes.
        max_pages: refuse longer documents.

    Returns:
        One string per page (1-based page i is element i-1).

    Raises:
        ReadError: encrypted, broken, too long, or without any text layer.
    """
    log = logging.getLogger("pypdf")
    old_level = log.level
    log.setLevel(logging.CRITICAL + 1)  # pypdf logs repairs of broken files; we report our own reasons
    try:
        return _extract(data, max_pages)
    finally:
        log.setLevel(old_level)


def _extract(data: bytes, max_pages: int) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError as exc:
                raise ReadError(
                    "PDF được mã hóa AES (chỉ khóa quyền sửa/in) — máy này thiếu gói 'cryptography' để mở; "
                    "hãy cài gói đó hoặc gỡ bảo vệ rồi nhập lại."
                ) from exc
            except Exception:  # noqa: BLE001 - unsupported algorithm, broken dictionary
                ok = 0
            if not ok:
                raise ReadError(
                    "PDF được bảo vệ bằng mật khẩu (mã hóa) — hãy gỡ mật khẩu rồi nhập lại."
                )
        n = len(reader.pages)
    except ReadError:
        raise
    except FileNotDecryptedError as exc:
        raise ReadError("PDF được bảo vệ bằng mật khẩu (mã hóa) — hãy gỡ mật khẩu rồi nhập lại.") from exc
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - pypdf raises many kinds on garbage
        raise ReadError("PDF bị hỏng hoặc không đúng định dạng — không mở được.") from exc
    if n == 0:
        raise ReadError("PDF không có trang nào.")
    if n > max_pages:
        raise ReadError(f"PDF quá dài ({n} trang > {max_pages}) — hãy tách nhỏ trước khi nhập.")
    pages: list[str] = []
    failed = 0
    for i in range(n):
        try:
            raw = reader.pages[i].extract_text() or ""
        except FileNotDecryptedError as exc:
            raise ReadError("PDF được bảo vệ bằng mật khẩu (mã hóa) — hãy gỡ mật khẩu rồi nhập lại.") from exc
        except Exception:  # noqa: BLE001 - one broken page does not stop the others
            raw = ""
            failed += 1
        pages.append(clean_pdf_text(raw))
    if not any(p.strip() for p in pages):
        if failed == n:
            raise ReadError("PDF bị hỏng — không trang nào đọc được.")
        raise ReadError(NO_TEXT_LAYER)
    return pages


__all__ = ["MAX_PAGES", "NO_TEXT_LAYER", "extract_pdf_pages"]
