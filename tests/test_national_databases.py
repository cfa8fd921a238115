"""The paper → national database catalogue (NQ 66.7/2025/NQ-CP Điều 4) and its paper-name matching."""

from __future__ import annotations

import pytest

from search.simplify.national_databases import DATABASES, PAPERS, catalogue_rows, database, match_paper


def keys(name: str) -> list[str]:
    return [m.paper.key for m in match_paper(name)]


@pytest.mark.parametrize(
    "name, key",
    [
        ("Bản sao Giấy khai sinh", "khai_sinh"),
        ("01 bản sao có chứng thực giấy khai sinh", "khai_sinh"),
        ("ban sao giay khai sinh", "khai_sinh"),  # typed without diacritics
        ("Trích lục khai sinh (bản sao)", "khai_sinh"),
        ("Giấy chứng nhận đăng ký kinh doanh", "dkdn"),  # the old name
        ("Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", "dkdn"),
        ("GCN ĐKKD (bản chụp)", "dkdn"),  # abbreviations
        ("giay chung nhan dang ky doanh nghiep", "dkdn"),
        ("Giấy chứng nhận đăng ký hộ kinh doanh", "hkd"),
        ("Giấy chứng nhận đăng ký hợp tác xã", "htx"),
        ("01 bản chụp CMND/CCCD", "can_cuoc"),
        ("Thẻ Căn cước công dân còn giá trị sử dụng", "can_cuoc"),
        ("chung minh nhan dan", "can_cuoc"),
        ("Sổ hộ khẩu", "cu_tru"),
        ("Giấy xác nhận thông tin về cư trú", "cu_tru"),
        ("Giấy chứng nhận kết hôn", "ket_hon"),
        ("Giấy xác nhận tình trạng hôn nhân", "hon_nhan"),
        ("Bản sao giấy chứng tử hoặc trích lục khai tử", "khai_tu"),
        ("Thẻ bảo hiểm y tế", "bhyt"),
        ("Sổ bảo hiểm xã hội", "bhxh"),
        ("so bao hiem xa hoi", "bhxh"),
        ("Bản sao giấy phép lái xe", "gplx"),
        ("Giấy chứng nhận đăng ký xe", "dang_ky_xe"),
        ("Bản sao Giấy chứng nhận quyền sử dụng đất", "dat_dai"),
        ("Phiếu lý lịch tư pháp số 1", "lltp"),
        ("Giấy khám sức khoẻ của người lái xe", "suc_khoe"),  # old tone placement
        ("Giấy khai sinh;1 bản chínhBiên bản xác nhận", "khai_sinh"),  # glued table rows
    ],
)
def test_catalogue_papers_match(name: str, key: str) -> None:
    assert key in keys(name)


@pytest.mark.parametrize(
    "name",
    [
        "Giấy chứng nhận đủ điều kiện kinh doanh",
        "Bản sao giấy chứng nhận đủ điều kiện an toàn thực phẩm",
        "Giấy phép kinh doanh karaoke",
        "Giấy phép xây dựng",
        "Giấy chứng nhận đăng ký đầu tư",
        "Tờ khai đề nghị cấp giấy phép lái xe",  # a form that names the paper
        "Giấy khai đăng ký xe (mẫu ĐKX10)",
        "Số giấy phép lái xe",  # a number written in a form, not the paper
        "Phiếu đề nghị giải quyết thủ tục về căn cước",
        "Giấy khai sinh do cơ quan có thẩm quyền nước ngoài cấp",
        "Giấy phép lái xe quốc tế",
        "Hộ chiếu",
        "giay chung nhan du dieu kien kinh doanh",
        "Bản sao giấy khai sinh (cơ quan giải quyết khai thác trong Cơ sở dữ liệu hộ tịch điện tử)",
        "",
    ],
)
def test_look_alikes_do_not_match(name: str) -> None:
    assert keys(name) == []


def test_match_carries_database_and_citation() -> None:
    (m,) = match_paper("Bản sao giấy khai sinh")
    assert m.database.name == "Cơ sở dữ liệu hộ tịch điện tử"
    assert m.citation.startswith("Điều 4 khoản 2 điểm a Nghị quyết số 66.7/2025/NQ-CP")
    assert m.segment == "Bản sao giấy khai sinh"


def test_alternatives_in_one_name_give_each_paper() -> None:
    assert keys("Giấy chứng nhận kết hôn hoặc giấy xác nhận tình trạng hôn nhân") == ["ket_hon", "hon_nhan"]


def test_catalogue_is_consistent() -> None:
    db_keys = {d.key for d in DATABASES}
    assert len(DATABASES) == 9  # Điều 4 khoản 1..9
    assert all(p.database in db_keys for p in PAPERS)
    assert database("dan_cu").citation.startswith("Điều 4 khoản 1 ")
    rows = catalogue_rows()
    assert len(rows) == len(PAPERS) and all(r.citation.startswith("Điều 4 khoản") for r in rows)
