"""The action a procedure name opens with, the actions a question asks for, and their use in search."""

from __future__ import annotations

import pytest

from search import open_index
from search.fusion import ACTION_PENALTY, FusedHit, prefer
from search.procedure_actions import ACTIONS, asked_actions, name_action
from test_pipeline import shared_build


@pytest.mark.parametrize("name, action", [
    ("Gia hạn Giấy phép kinh doanh sản phẩm, dịch vụ an toàn thông tin mạng", "gia hạn"),
    ("Cấp lại giấy phép lái xe", "cấp lại"),
    ("Thủ tục cấp lại Giấy chứng nhận do bị mất", "cấp lại"),
    ("Sửa đổi, bổ sung Giấy phép kinh doanh sản phẩm", "thay đổi"),
    ("Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "thay đổi"),
    ("Thủ tục đề nghị chấp thuận thay đổi nội dung hoạt động", None),  # "chấp thuận" opens it
    ("Đổi giấy phép lái xe", "thay đổi"),
    ("Thu hồi Giấy phép hoạt động", "thu hồi"),
    ("Xóa đăng ký tạm trú", "chấm dứt"),
    ("Cấp giấy phép lái xe", None),
    ("Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè", None),  # base and reissue in one
    ("Đăng ký khai sinh", None),
    ("Đăng ký tạm trú", None),
])
def test_name_action(name: str, action: str | None) -> None:
    assert name_action(name) == action


@pytest.mark.parametrize("query, asked", [
    ("có cần giấy phép kinh doanh an toàn thông tin mạng không", set()),
    ("giấy phép sắp hết hạn thì làm gì", {"gia hạn", "thay đổi"}),
    ("bị mất giấy phép lái xe", {"cấp lại"}),
    ("bi mat giay phep lai xe", {"cấp lại"}),
    ("công ty đổi địa chỉ trụ sở", {"thay đổi"}),
    ("ngân hàng bị tước giấy phép", {"thu hồi"}),
    ("muốn giải thể hợp tác xã", {"chấm dứt"}),
])
def test_asked_actions(query: str, asked: set[str]) -> None:
    assert asked_actions(query) == asked
    assert set(ACTIONS) >= asked


def test_the_lexicon_wording_counts_as_asked() -> None:
    assert asked_actions("sổ đỏ", ["cấp lại giấy chứng nhận do bị mất"]) == {"cấp lại"}


def test_a_penalty_lowers_and_resorts() -> None:
    import numpy as np

    hits = [FusedHit(0, 1.0), FusedHit(1, 0.95)]
    out = prefer(hits, np.array([True, False]), -ACTION_PENALTY)
    assert [h.row for h in out] == [1, 0] and out[1].score == pytest.approx(1.0 - ACTION_PENALTY)


def test_search_marks_the_unasked_action() -> None:
    _, index, _ = shared_build()
    ix = open_index(index)
    rows = ix.unasked_action_rows("thẻ căn cước công dân")
    marked = {u.record_id for u, m in zip(ix.units(), rows) if m}
    assert marked == {"tthc:2.000004"}  # "Cấp lại thẻ Căn cước công dân"; never a regulation
    assert ix.unasked_action_rows("mất thẻ căn cước") is None  # asks for "cấp lại"
    for mode in ("hybrid", "lexical", "dense"):
        hits = ix.search("thẻ căn cước công dân", k=3, mode=mode, explain=True)
        flags = {h.id: h.explain["unasked_action"] for h in hits}
        assert flags.get("tthc:2.000004", True) is True
        assert not any(v for k, v in flags.items() if k != "tthc:2.000004")
