"""Bad input never raises: each bad file gives exactly one {path, error} in Vietnamese and the batch goes on."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.formats import ReadError, check_zip_safety
from indexer.pdf_text import NO_TEXT_LAYER
from indexer.readers import read_bytes, read_path, read_paths

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
REGULATION = "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định về tiếp nhận hồ sơ.\n"


def _pdf_bytes(text: str = REGULATION) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if FONT.exists():
        pdf.add_font("DejaVu", "", str(FONT))
        pdf.set_font("DejaVu", size=11)
    else:  # pragma: no cover - fonts missing
        pdf.set_font("Helvetica", size=11)
        text = "Dieu 1. Pham vi\nNoi dung.\n"
    pdf.add_page()
    for line in text.strip().split("\n"):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _scanned_pdf_bytes() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        img.putpixel((x, 50), (0, 0, 0))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=100)
    return bytes(pdf.output())


def _encrypted_pdf_bytes() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_with_owner_password_only_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    p = tmp_path / "chi-chu.pdf"
    with open(p, "wb") as fh:
        writer.write(fh)
    res = read_path(p)
    assert res.failures == []
    assert [u.article_title for u in res.records] == ["Phạm vi điều chỉnh"]


def _docx_bytes(lines: list[str] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for line in lines or []:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip_bomb_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    return buf.getvalue()


def _one_failure(path: Path, **kw) -> str:  # type: ignore[no-untyped-def]
    res = read_path(path, **kw)
    assert res.records == []
    assert len(res.failures) == 1, res.failures
    f = res.failures[0]
    assert f.path == str(path)
    assert f.to_dict() == {"path": str(path), "error": f.error}
    return f.error


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    (d / "hong.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage garbage")
    (d / "ma-hoa.pdf").write_bytes(_encrypted_pdf_bytes())
    (d / "scan.pdf").write_bytes(_scanned_pdf_bytes())
    (d / "rong.docx").write_bytes(_docx_bytes())
    (d / "cat-cut.docx").write_bytes(_docx_bytes(["Điều 1. A", "Nội dung"])[:900])
    (d / "bom.docx").write_bytes(_zip_bomb_docx())
    (d / "rac.bin").write_bytes(bytes(range(256)) * 16)
    (d / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (d / "rong.txt").write_bytes(b"")
    (d / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (d / "hong.json").write_text('{"ma_thu_tuc": "1.0', encoding="utf-8")
    (d / "tot.txt").write_text(REGULATION, encoding="utf-8")
    (d / "tot.pdf").write_bytes(_pdf_bytes())
    return d


EXPECTED = {
    "hong.pdf": "PDF bị hỏng",
    "ma-hoa.pdf": "mật khẩu",
    "scan.pdf": NO_TEXT_LAYER,
    "rong.docx": "không có nội dung",
    "cat-cut.docx": "bị hỏng",
    "bom.docx": "bom nén",
    "rac.bin": "Không nhận ra định dạng",
    "anh.png": "Tệp ảnh",
    "rong.txt": "Tệp rỗng",
    "cu.doc": ".doc/.xls",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gives_one_clear_reason(bad_dir: Path, name: str) -> None:
    error = _one_failure(bad_dir / name)
    assert EXPECTED[name] in error


def test_bad_json_is_one_failure(bad_dir: Path) -> None:
    res = read_path(bad_dir / "hong.json")
    assert res.records == [] and len(res.failures) == 1


def test_batch_goes_on(bad_dir: Path) -> None:
    res = read_paths([bad_dir])
    failed = sorted(Path(f.path).name for f in res.failures)
    assert failed == sorted(list(EXPECTED) + ["hong.json"])
    good = sorted({Path(r.source.file).name for r in res.records})
    assert good == ["tot.pdf", "tot.txt"]
    assert all(r.article_title == "Phạm vi điều chỉnh" for r in res.records)


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "lon.txt"
    p.write_text(REGULATION * 100, encoding="utf-8")
    error = _one_failure(p, max_bytes=1000)
    assert "quá lớn" in error and "--max-mb" in error
    assert read_path(p).failures == []


def test_missing_and_directory_like(tmp_path: Path) -> None:
    assert "Không tìm thấy" in _one_failure(tmp_path / "khong-co.pdf")


def test_zip_total_cap() -> None:
    data = _docx_bytes(["x" * 1000] * 50)
    check_zip_safety(data)
    with pytest.raises(ReadError, match="quá lớn"):
        check_zip_safety(data, max_total=10_000)


def test_utf16_and_cp1252_text_files(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(REGULATION.encode("utf-16"))
    assert [u.article_title for u in read_path(p).records] == ["Phạm vi điều chỉnh"]
    p = tmp_path / "w.txt"
    p.write_bytes("Article 1. Café — no Vietnamese structure here\n".encode("cp1252"))
    res = read_path(p)
    assert res.records == [] and res.failures == []


# --- fuzzing --------------------------------------------------------------------------------

NAMES = ["x.pdf", "x.docx", "x.json", "x.jsonl", "x.gz", "x.txt", "x.md", "x.html", "x.csv", "x.xlsx", "x"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_VALID = {}


def _valid(kind: str) -> bytes:
    if kind not in _VALID:
        _VALID[kind] = {
            "pdf": _pdf_bytes,
            "docx": lambda: _docx_bytes(["Điều 1. A", "1. Khoản một", "Thủ tục đăng ký (Mã thủ tục: 1.000001)"]),
            "json": lambda: json.dumps(
                [{"kind": "procedure", "code": "1.000080", "name": "Đăng ký khai sinh", "steps": ["a"]}],
                ensure_ascii=False,
            ).encode(),
        }[kind]()
    return _VALID[kind]


def _assert_safe(data: bytes, name: str) -> None:
    res = read_bytes(data, name)
    assert len(res.failures) <= 1
    for f in res.failures:
        assert f.path == name and f.error


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
def test_fuzz_random_bytes(data: bytes, name: str) -> None:
    _assert_safe(data, name)


@FUZZ
@given(
    kind=st.sampled_from(["pdf", "docx", "json"]),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8),
    truncate=st.floats(0.05, 1.0),
)
def test_fuzz_mutated_valid_files(kind: str, cuts: list[tuple[float, int]], truncate: float) -> None:
    data = bytearray(_valid(kind))
    for pos, byte in cuts:
        data[int(pos * (len(data) - 1))] = byte
    data = bytes(data[: max(1, int(len(data) * truncate))])
    _assert_safe(data, f"x.{kind}")


@FUZZ
@given(text=st.text(max_size=2000))
def test_fuzz_random_text(text: str) -> None:
    for name in ("x.txt", "x.md", "x.html"):
        _assert_safe(text.encode("utf-8", errors="surrogatepass"), name)


# --- regressions: AES-encrypted PDFs (needs the `cryptography` package) ------------------------


def _aes_pdf(tmp_path: Path, algorithm: str, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm=algorithm)
    p = tmp_path / f"{algorithm}-{bool(user_password)}.pdf"
    with open(p, "wb") as fh:
        writer.write(fh)
    return p


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_with_empty_user_password_is_read(tmp_path: Path, algorithm: str) -> None:
    res = read_path(_aes_pdf(tmp_path, algorithm, ""))
    assert res.failures == []
    assert [u.article_title for u in res.records] == ["Phạm vi điều chỉnh"]


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_needing_user_password_fails_clearly(tmp_path: Path, algorithm: str) -> None:
    p = _aes_pdf(tmp_path, algorithm, "mat-khau")
    error = _one_failure(p)
    assert error == "PDF được bảo vệ bằng mật khẩu (mã hóa) — hãy gỡ mật khẩu rồi nhập lại."
