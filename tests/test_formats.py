"""Format detection by content and text decoding (UTF-8/UTF-16 BOM, cp1258, cp1252); folder walking."""

from __future__ import annotations

import gzip
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest

from indexer.formats import ReadError, decode_text, detect_format, gunzip_capped
from indexer.readers import iter_source_files, read_path, read_paths

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode like Windows does for cp1258: base letter (with its quality mark) + combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        out += (base + "".join(c for c in nfd if c in TONES)).encode("cp1258")
    return bytes(out)


VI = "Đăng ký khai sinh cho trẻ em; thủ tục hành chính của Ủy ban nhân dân tỉnh Quảng Ninh"


def _docx_bytes(text: str = "Xin chào") -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Tên thủ tục", "Mã"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data,name,fmt",
    [
        (b"%PDF-1.4\n%...", "x.bin", "pdf"),
        (b"\x1f\x8b\x08\x00rest", "x.dat", "gzip"),
        (b'{"ma_thu_tuc": "1.000080"}', "noext", "json"),
        (b'[{"a": 1}, {"a": 2}]', "x.txt", "json"),
        (b'{"a": 1}\n{"a": 2}\n', "x.data", "jsonl"),
        (b"<!DOCTYPE html><html><body><p>Xin ch\xc3\xa0o</p></body></html>", "page", "html"),
        (b"<table><tr><td>1</td></tr></table>", "x", "html"),
        ("Tên thủ tục,Mã thủ tục\nĐăng ký khai sinh,1.001193\n".encode(), "list", "csv"),
        (b"a,b\n1,2\n", "x.csv", "csv"),
        ("Điều 1. Phạm vi điều chỉnh\n".encode(), "x.docx", "text"),  # content wins over the extension
        (b"", "x.pdf", "empty"),
        (b"   \n\t ", "x.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "x.pdf", "image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "scan.pdf", "image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "old.doc", "ole"),
        (bytes(range(256)) * 4, "x.txt", "binary"),
    ],
)
def test_detect_format_by_content(data: bytes, name: str, fmt: str) -> None:
    assert detect_format(data, name) == fmt


def test_detect_zip_containers() -> None:
    assert detect_format(_docx_bytes(), "renamed.pdf") == "docx"
    assert detect_format(_xlsx_bytes(), "list.bin") == "xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    assert detect_format(buf.getvalue(), "a.zip") == "zip"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (VI.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + VI.encode("utf-8"), "utf-8-sig"),
        (VI.encode("utf-16"), "utf-16"),  # with BOM
        (VI.encode("utf-16-le"), "utf-16"),  # without BOM
        (to_cp1258(VI), "cp1258"),
    ],
)
def test_decode_vietnamese(data: bytes, encoding: str) -> None:
    text, enc = decode_text(data)
    assert enc == encoding
    assert text == VI


def test_cp1258_combining_tones_become_nfc() -> None:
    # cp1258 writes "ả" as "a" + combining hook (0xD2): NFC must give one code point
    text, enc = decode_text(to_cp1258("Thủ tục hành chính cấp xã"))
    assert enc == "cp1258"
    assert text == "Thủ tục hành chính cấp xã"
    assert all(not (0x300 <= ord(c) <= 0x323) for c in text)


def test_cp1252_western_text() -> None:
    text, enc = decode_text("Café crème, naïve résumé".encode("cp1252"))
    assert enc == "cp1252"
    assert text == "Café crème, naïve résumé"


def test_gunzip_cap() -> None:
    data = gzip.compress(b"a" * 3_000_000)
    assert len(gunzip_capped(data)) == 3_000_000
    with pytest.raises(ReadError, match="quá"):
        gunzip_capped(data, max_bytes=1_000_000)
    with pytest.raises(ReadError, match="hỏng"):
        gunzip_capped(data[:50])


def test_text_file_in_legacy_encodings_parses(tmp_path: Path) -> None:
    text = "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định về thủ tục hành chính.\n"
    for enc in ("utf-8", "utf-16", "cp1258"):
        p = tmp_path / f"qc-{enc}.txt"
        p.write_bytes(to_cp1258(text) if enc == "cp1258" else text.encode(enc))
        res = read_path(p)
        assert res.failures == [], enc
        (u,) = res.records
        assert u.article_title == "Phạm vi điều chỉnh"
        assert u.text == "Quy chế này quy định về thủ tục hành chính."


def test_gzip_text_is_sniffed_again(tmp_path: Path) -> None:
    p = tmp_path / "qc.md.gz"
    p.write_bytes(gzip.compress("Điều 1. Phạm vi\nNội dung.\n".encode()))
    res = read_path(p)
    assert res.failures == []
    assert res.records[0].source.file == str(p)


def test_json_routes_to_procedure_json(tmp_path: Path) -> None:
    p = tmp_path / "tthc.jsonl"
    obj = {"kind": "procedure", "code": "1.000080", "name": "Đăng ký khai sinh"}
    p.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    res = read_path(p)
    assert res.failures == []
    assert [r.code for r in res.records] == ["1.000080"]
    gz = tmp_path / "tthc.jsonl.gz"
    gz.write_bytes(gzip.compress(p.read_bytes()))
    res = read_path(gz)
    assert [r.code for r in res.records] == ["1.000080"]


def test_html_regulation(tmp_path: Path) -> None:
    html = (
        "<html><head><title>x</title><script>var a=1;</script></head><body>"
        "<p>Số: 12/2024/QĐ-UBND</p><p><b>Điều 1.</b> Phạm vi điều chỉnh</p><p>1. Nội dung khoản một.</p>"
        "<table><tr><td>Ô 1</td><td>Ô 2</td></tr></table></body></html>"
    )
    p = tmp_path / "qd.html"
    p.write_text(html, encoding="utf-8")
    res = read_path(p)
    assert res.failures == []
    (u,) = res.records
    assert u.citation == "Điều 1, Quyết định 12/2024/QĐ-UBND"
    assert "Ô 1 | Ô 2" in u.text and "var a" not in u.text


def test_iter_source_files_order_and_skips(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "z.md").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "_draft.txt").write_text("x")
    (tmp_path / "ground_truth.json").write_text("{}")
    (tmp_path / "make.py").write_text("print(1)")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    doc = tmp_path / "b" / "doc"
    doc.mkdir()
    (doc / "metadata.json").write_text(json.dumps({"doc_id": "12_2024_QĐ_UBND", "doc_type": "Quyết định",
                                                   "doc_title": "Về thử nghiệm", "issue_date": "01-02-2024"}))
    for n in (10, 2, 1):
        (doc / f"chunk_{n}.md").write_text(f"Điều {n}. Tiêu đề {n}\nNội dung {n}.\n", encoding="utf-8")
    files = iter_source_files([tmp_path])
    rel = [str(f.relative_to(tmp_path)) for f in files]
    assert rel == ["a.txt", "b/doc/chunk_1.md", "b/doc/chunk_2.md", "b/doc/chunk_10.md", "b/z.md"]
    res = read_paths([doc])
    assert res.failures == []
    assert [u.citation for u in res.records] == [
        "Điều 1, Quyết định 12/2024/QĐ-UBND", "Điều 2, Quyết định 12/2024/QĐ-UBND", "Điều 10, Quyết định 12/2024/QĐ-UBND"
    ]
    assert res.records[0].issued == "01/02/2024" and res.records[0].doc_title == "Về thử nghiệm"


def test_catalogue_lists_route_to_catalogue_reader(tmp_path: Path) -> None:
    csv = tmp_path / "danh-muc.csv"
    csv.write_text("STT,Tên thủ tục,Mã thủ tục\n1,Đăng ký khai sinh,1.001193\n2,Đăng ký kết hôn,1.000894\n", encoding="utf-8")
    res = read_path(csv)
    assert res.failures == []
    assert [(r.kind, r.name, r.code) for r in res.records] == [
        ("catalogue_entry", "Đăng ký khai sinh", "1.001193"),
        ("catalogue_entry", "Đăng ký kết hôn", "1.000894"),
    ]
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Tên thủ tục", "Mã thủ tục"])
    wb.active.append(["Đăng ký khai sinh", "1.001193"])
    xlsx = tmp_path / "danh-muc.bin"  # content decides, not the extension
    wb.save(xlsx)
    res = read_path(xlsx)
    assert res.failures == []
    assert [(r.kind, r.name) for r in res.records] == [("catalogue_entry", "Đăng ký khai sinh")]


def test_text_lookalikes_stay_text() -> None:
    assert detect_format("Tên thủ tục: Đăng ký khai sinh, kết hôn\n- Trình tự thực hiện:\n".encode(), "a.txt") == "text"
    assert detect_format(b"[Trang chu](http://x)\n[Muc luc](http://y)\n", "a.md") == "text"
