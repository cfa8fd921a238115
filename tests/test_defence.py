"""Ministry of Defence records (excerpt of a real record, then all 207)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from indexer.defence import is_defence_record, procedure_from_defence
from indexer.records import Procedure, Source


def _record() -> dict:
    return {
        "thu_tuc_id": "1.013124",
        "source_file": "ChiTietTTHC_1.013124.doc",
        "metadata": {
            "mã_thủ_tục": "1.013124",
            "tên_thủ_tục": "Thủ tục thẩm định và phê duyệt kế hoạch ứng phó sự cố tràn dầu của các cơ sở, dự án dầu khí ngoài khơi",
            "số_quyết_định": "Quyết định số 6225/QĐ-BQP",
            "cấp_thực_hiện": "Cấp Bộ, Cấp Tỉnh",
            "loại_thủ_tục": "TTHC được luật giao quy định chi tiết",
            "lĩnh_vực": "Ứng phó sự cố tràn dầu",
        },
        "content": {
            "trình_tự_thực_hiện": "Bước 1: Các cơ sở xây dựng kế hoạch, gửi hồ sơ đề nghị phê duyệt. Bước 2: Trong thời"
            " hạn 30 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Ủy ban Quốc gia ra quyết định phê duyệt.",
            "cách_thức_thực_hiện": "",
            "đối_tượng_thực_hiện": "Doanh nghiệp, Tổ chức nước ngoài",
            "cơ_quan_thực_hiện": "Văn phòng Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn",
            "cơ_quan_có_thẩm_quyền": "Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn",
            "kết_quả_thực_hiện": "Quyết định phê duyệt kế hoạch ứng phó sự cố tràn dầu.",
            "yêu_cầu_điều_kiện_thực_hiện": "Không",
        },
        "tables": {
            "hinh_thuc_nop": [
                {"hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "30 Ngày làm việc", "phi_le_phi": "Phí : 0 Đồng", "mo_ta": ""},
                {"hinh_thuc": "Trực tuyến", "thoi_han_giai_quyet": "Không quy định", "phi_le_phi": "Phí : 2.000.000 Đồng (Thẩm định)", "mo_ta": "hoặc bằng các hình thức phù hợp khác"},
            ],
            "thanh_phan_ho_so": [
                {"ten_giay_to": "Văn bản đề nghị thẩm định và phê duyệt kế hoạch.", "so_luong": "", "ghi_chu": "Bản chính: 1\nBản sao: 0"},
                {"ten_giay_to": "Kế hoạch ứng phó sự cố tràn dầu theo mẫu tại Phụ lục II", "so_luong": "5-PHLCII.doc", "ghi_chu": "Bản chính: 1\nBản sao: 1"},
            ],
            "can_cu_phap_ly": [
                {"so_ky_hieu": "12", "trich_yeu": "Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021 của Thủ tướng Chính phủ ban hành Quy chế", "ngay_ban_hanh": "24-03-2021", "co_quan_ban_hanh": "Thủ tướng Chính phủ"},
                {"so_ky_hieu": "103/2025/TT-BQP", "trich_yeu": "Thông tư quy định ...", "ngay_ban_hanh": "01-07-2025"},
                {"so_ky_hieu": "54", "trich_yeu": "Luật Hải quan 2014", "ngay_ban_hanh": "23-06-2014"},
            ],
        },
    }


def test_procedure_from_defence() -> None:
    obj = _record()
    assert is_defence_record(obj)
    p = procedure_from_defence(obj, Source(file="mod.jsonl", record=3))
    assert p.code == "1.013124" and p.decision == "6225/QĐ-BQP"
    assert p.level == "Cấp bộ, Cấp tỉnh"  # the portal's spelling
    assert p.field == "Ứng phó sự cố tràn dầu"
    assert p.agency.startswith("Văn phòng Ủy ban Quốc gia")
    assert len(p.steps) == 2 and p.steps[1].startswith("Bước 2: Trong thời hạn 30 ngày")
    direct, online = p.channels
    assert (direct.processing_time.value, direct.processing_time.unit, direct.fee.amount_vnd) == (30, "working_days", 0)
    assert online.processing_time.unit == "text" and online.fee.amount_vnd == 2_000_000
    assert online.description == "hoặc bằng các hình thức phù hợp khác"
    assert [(d.quantity, d.form) for d in p.documents] == [("1 bản chính", ""), ("1 bản chính, 1 bản sao", "5-PHLCII.doc")]
    assert p.forms == ["5-PHLCII.doc"]
    assert [(lb.number, lb.date) for lb in p.legal_basis] == [
        ("12/2021/QĐ-TTg", "24/03/2021"),  # the cut "12" is completed from the title
        ("103/2025/TT-BQP", "01/07/2025"),
        ("", "23/06/2014"),  # "54" alone is no document number
    ]
    assert p.requirements == [] and p.result.startswith("Quyết định phê duyệt")
    assert Procedure.from_dict(json.loads(json.dumps(p.to_dict(), ensure_ascii=False))) == p


def test_defence_accent_less_keys_and_missing_parts() -> None:
    p = procedure_from_defence(
        {"thu_tuc_id": "2.000001", "metadata": {"ten_thu_tuc": "Thủ tục B", "so_quyet_dinh": "3980 /QĐ-BQP"}},
        Source(),
    )
    assert p.code == "2.000001" and p.name == "Thủ tục B" and p.decision == "3980/QĐ-BQP"
    assert p.channels == [] and p.documents == [] and p.legal_basis == []


def test_all_defence_records(shared_data: Path) -> None:
    with gzip.open(shared_data / "procedures" / "ministry_of_defence_207.jsonl.gz", "rt", encoding="utf-8") as fh:
        objs = [json.loads(line) for line in fh if line.strip()]
    assert len(objs) == 207
    procs = [procedure_from_defence(o, Source(file="mod.jsonl.gz", record=i)) for i, o in enumerate(objs)]
    assert all(p.code and p.name for p in procs)
    assert all(p.documents for p in procs)
    assert sum(1 for p in procs if any(lb.number for lb in p.legal_basis)) >= 200
    assert sum(1 for p in procs if any(c.processing_time for c in p.channels)) >= 200
    assert all(p.decision for p in procs)
    # 5 records carry a cut number ("Quyết định số 4777"), kept as written
    assert sum(1 for p in procs if p.decision.endswith("/QĐ-BQP")) == 202
