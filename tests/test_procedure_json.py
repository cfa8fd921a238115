"""JSON / JSON Lines routing: portal, Ministry of Defence, RaSoát's own JSON, bad input."""

from __future__ import annotations

import gzip
import json

import pytest

from indexer.procedure_json import read_json_bytes, records_from_objects
from indexer.records import LegalUnit, Procedure, Source

PORTAL = {
    "ma_thu_tuc": "1.000178",
    "ten_thu_tuc": "Giải quyết khiếu nại (thực hiện tại cấp Trung ương)",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp60 Ngày làm việcKhông có thông tin",
}
DEFENCE = {"thu_tuc_id": "1.013124", "metadata": {"mã_thủ_tục": "1.013124", "tên_thủ_tục": "Thủ tục thẩm định"}}
OWN_PROC = Procedure(code="1.001193", name="Đăng ký khai sinh", level="Cấp xã", source=Source(file="old.docx", page=2)).to_dict()
OWN_REG = LegalUnit(doc_number="19/2014/QĐ-TTg", article="5", text="Điều 5. ...").to_dict()


def test_routing_and_failures() -> None:
    res = records_from_objects([PORTAL, DEFENCE, OWN_PROC, OWN_REG, {"foo": 1}, "chuỗi"], "data.json")
    kinds = [(type(r).__name__, getattr(r, "code", "")) for r in res.records]
    assert kinds == [("Procedure", "1.000178"), ("Procedure", "1.013124"), ("Procedure", "1.001193"), ("LegalUnit", "")]
    assert [r.source.record for r in res.records] == [0, 1, 2, 3]
    assert all(r.source.file == "data.json" for r in res.records)
    assert res.records[2].source.page == 2  # the page of a re-read record is kept
    assert [f.error.split(":")[0] for f in res.failures] == ["Bản ghi số 5", "Bản ghi số 6"]
    assert "không nhận ra định dạng" in res.failures[0].error and "foo" in res.failures[0].error
    assert all(f.path == "data.json" for f in res.failures)


def test_one_broken_record_does_not_lose_the_others() -> None:
    broken = dict(PORTAL, cach_thuc_thuc_hien=12345)  # not a string: the reader must not crash the batch
    res = records_from_objects([broken, PORTAL], "x.json")
    assert len(res.records) + len(res.failures) == 2
    assert any(getattr(r, "code", "") == "1.000178" for r in res.records)


def test_read_json_shapes() -> None:
    for data in (
        json.dumps([PORTAL, DEFENCE], ensure_ascii=False),
        json.dumps({"procedures": [PORTAL, DEFENCE]}, ensure_ascii=False),
        json.dumps({"records": [PORTAL, DEFENCE]}, ensure_ascii=False),
        "\n".join(json.dumps(o, ensure_ascii=False) for o in (PORTAL, DEFENCE)) + "\n",
    ):
        res = read_json_bytes(data.encode("utf-8"), "f.json")
        assert [r.code for r in res.records] == ["1.000178", "1.013124"], data[:40]
        assert res.failures == []
    single = read_json_bytes(json.dumps(OWN_PROC, ensure_ascii=False).encode("utf-8-sig"), "one.json")
    assert [r.name for r in single.records] == ["Đăng ký khai sinh"]
    gz = read_json_bytes(gzip.compress(json.dumps([PORTAL]).encode()), "f.json.gz")
    assert [r.code for r in gz.records] == ["1.000178"]


def test_invalid_json_reports_line() -> None:
    res = read_json_bytes(b'[\n  {"ma_thu_tuc": "1.0"},\n  {"ma_thu_tuc" "2.0"}\n]', "bad.json")
    assert res.records == []
    assert len(res.failures) == 1
    assert res.failures[0].error.startswith("Tệp JSON bị lỗi ở dòng 3")
    assert "thiếu dấu hai chấm" in res.failures[0].error
    assert read_json_bytes(b"   ", "empty.json").failures[0].error.startswith("Tệp JSON rỗng")


def test_json_lines_bad_line_keeps_the_others() -> None:
    lines = [json.dumps(PORTAL), '{"ma_thu_tuc": ', json.dumps(DEFENCE), "", json.dumps({"x": 1})]
    res = read_json_bytes("\n".join(lines).encode(), "f.jsonl")
    assert [r.code for r in res.records] == ["1.000178", "1.013124"]
    assert [r.source.record for r in res.records] == [0, 2]
    errors = sorted(f.error for f in res.failures)
    assert errors[0].startswith("Dòng 5: không nhận ra định dạng")
    assert errors[1].startswith("Tệp JSON bị lỗi ở dòng 2")


def test_round_trip_of_own_json() -> None:
    p = Procedure(code="1.000080", name="Cấp phiếu lý lịch tư pháp", steps=["Bước 1", "Bước 2"])
    res = read_json_bytes(json.dumps([p.to_dict()], ensure_ascii=False).encode(), "own.json")
    got = res.records[0]
    assert got.steps == p.steps and got.name == p.name and got.source == Source(file="own.json", record=0)


# --- regressions: a file broken as a whole is ONE failure ------------------------------------


@pytest.mark.parametrize("data", [
    b'[\n{"kind": "procedure", "name": "A", "code": "1.000001"},\n{"kind": "procedure", "name": "B"',
    b'{\n  "ma_thu_tuc": "1.0",\n  "ten_thu_tuc": "x"\n,,\n}\n',
    b'{"kind": "procedure", "name": "A", "code": "1.000001"}\n{\n  "kind": "procedure",\n  "name": "B"\n}\n',
    b"hello world\nfoo\nbar\n",
])
def test_broken_json_file_is_exactly_one_failure(data: bytes) -> None:
    res = read_json_bytes(data, "hong.json")
    assert res.records == []
    assert len(res.failures) == 1
    assert res.failures[0].to_dict() == {"path": "hong.json", "error": res.failures[0].error}
    assert res.failures[0].error.startswith("Tệp JSON bị lỗi ở dòng")


def test_valid_array_with_bad_objects_names_the_record() -> None:
    res = read_json_bytes(json.dumps([PORTAL, 5, {"x": 1}]).encode(), "a.json")
    assert [r.code for r in res.records] == ["1.000178"]
    assert [f.error.split(":")[0] for f in res.failures] == ["Bản ghi số 2", "Bản ghi số 3"]
