"""Regenerate the bundled sample corpus of RaSoát (bộ dữ liệu mẫu).

Everything in this file is SAMPLE data written for the project: the procedures, codes,
provinces ("tỉnh Bình Sơn", "tỉnh An Lạc"), decisions and regulations are invented to
look like real Vietnamese publications. Legal bases cite real national documents by
number only.

Run from the repository root::

    .venv/bin/python corpus/make_corpus.py

It rewrites, deterministically (fixed dates in PDF/DOCX/XLSX metadata, fixed zip times):
    corpus/thu-tuc/*.json            procedures in RaSoát's own JSON schema
    corpus/cong-bo/*.docx, *.pdf     Quyết định công bố with the standard appendix layout
    corpus/van-ban/*.docx/.pdf/.md   three regulations (Chương/Điều/khoản/điểm)
    corpus/lists/danh-muc-tinh.csv/.xlsx  a province's typed list of procedures
    corpus/quy-trinh/*/*.docx, *.pdf ISO 9001 quy trình of two communes (corpus/make_processes.py)
    corpus/ground_truth.json         planted overlaps, simplification findings, queries
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
for _p in (REPO, ROOT):  # ROOT: the quy trình writer (make_processes.py) next to this file
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from indexer.records import (  # noqa: E402
    Channel,
    DossierDocument,
    Fee,
    LegalBasis,
    Procedure,
    ProcessingTime,
    Source,
)

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_DT = datetime(2025, 10, 1, 8, 0, 0, tzinfo=timezone.utc)
ZIP_DT = (2025, 10, 1, 8, 0, 0)

BS = "Bình Sơn"
AL = "An Lạc"
TINH, XA, BO, HUYEN = "Cấp tỉnh", "Cấp xã", "Cấp bộ", "Cấp huyện"

# ---------------------------------------------------------------------------------------------
# small builders
# ---------------------------------------------------------------------------------------------


def tg(value: Optional[float], text: str, unit: str = "working_days") -> ProcessingTime:
    """A processing time (thời hạn giải quyết)."""
    return ProcessingTime(value=value, unit=unit if value is not None else "text", text=text)


def phi(amount: Optional[int], text: str) -> Fee:
    """A fee (phí, lệ phí)."""
    return Fee(amount_vnd=amount, text=text)


_KENH = {
    "TT": ("Trực tiếp", "Nộp hồ sơ trực tiếp tại Bộ phận Một cửa (Bộ phận tiếp nhận và trả kết quả)."),
    "TTu": ("Trực tuyến", "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh."),
    "BC": ("Dịch vụ bưu chính", "Gửi hồ sơ qua dịch vụ bưu chính công ích đến Bộ phận Một cửa."),
}


def kenh(kinds: str, time: Optional[ProcessingTime], fee: Optional[Fee]) -> list[Channel]:
    """Channels of submission sharing one processing time and fee.

    Args:
        kinds: comma-separated keys among TT (trực tiếp), TTu (trực tuyến), BC (bưu chính).
        time: processing time, or None when the publication gives none.
        fee: fee, or None.

    Returns:
        One Channel per kind.
    """
    out = []
    for k in kinds.split(","):
        name, desc = _KENH[k.strip()]
        out.append(Channel(channel=name, processing_time=time, fee=fee, description=desc))
    return out


def gt(name: str, quantity: str = "01 bản chính", form: str = "") -> DossierDocument:
    """One paper of the dossier (giấy tờ)."""
    return DossierDocument(name=name, quantity=quantity, form=form)


def cc(number: str, title: str, date: str) -> LegalBasis:
    """One legal basis (căn cứ pháp lý)."""
    return LegalBasis(number=number, title=title, date=date)


# real national documents, cited by number (titles shortened)
L = {
    "hotich": cc("60/2014/QH13", "Luật Hộ tịch", "20/11/2014"),
    "nd123": cc("123/2015/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", "15/11/2015"),
    "tt04": cc("04/2020/TT-BTP", "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP", "28/5/2020"),
    "tt85": cc("85/2019/TT-BTC", "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương", "29/11/2019"),
    "hngd": cc("52/2014/QH13", "Luật Hôn nhân và gia đình", "19/6/2014"),
    "nd23": cc("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", "16/02/2015"),
    "nd45": cc("45/2020/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử", "08/4/2020"),
    "tt226": cc("226/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực", "11/11/2016"),
    "lltp": cc("28/2009/QH12", "Luật Lý lịch tư pháp", "17/6/2009"),
    "tt244": cc("244/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp", "11/11/2016"),
    "luatsu": cc("65/2006/QH11", "Luật Luật sư", "29/6/2006"),
    "luatsu2": cc("20/2012/QH13", "Luật sửa đổi, bổ sung một số điều của Luật Luật sư", "20/11/2012"),
    "nd123_13": cc("123/2013/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Luật sư", "14/10/2013"),
    "tt220": cc("220/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực hoạt động hành nghề luật sư", "10/11/2016"),
    "datdai": cc("31/2024/QH15", "Luật Đất đai", "18/01/2024"),
    "nd101": cc("101/2024/NĐ-CP", "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai", "29/7/2024"),
    "nd102": cc("102/2024/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai", "30/7/2024"),
    "dn": cc("59/2020/QH14", "Luật Doanh nghiệp", "17/6/2020"),
    "nd168": cc("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", "30/6/2025"),
    "tt47": cc("47/2019/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp", "05/8/2019"),
    "attp": cc("55/2010/QH12", "Luật An toàn thực phẩm", "17/6/2010"),
    "nd15": cc("15/2018/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm", "02/02/2018"),
    "nd155": cc("155/2018/NĐ-CP", "Nghị định sửa đổi, bổ sung một số quy định liên quan đến điều kiện đầu tư kinh doanh thuộc phạm vi quản lý nhà nước của Bộ Y tế", "12/11/2018"),
    "tt67": cc("67/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong công tác an toàn vệ sinh thực phẩm", "18/4/2016"),
    "nd105": cc("105/2017/NĐ-CP", "Nghị định về kinh doanh rượu", "14/9/2017"),
    "nd17": cc("17/2020/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến điều kiện đầu tư kinh doanh thuộc lĩnh vực quản lý nhà nước của Bộ Công Thương", "05/02/2020"),
    "duoc": cc("105/2016/QH13", "Luật Dược", "06/4/2016"),
    "nd54": cc("54/2017/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Dược", "08/5/2017"),
    "tt277": cc("277/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực dược, mỹ phẩm", "14/11/2016"),
    "kcb": cc("15/2023/QH15", "Luật Khám bệnh, chữa bệnh", "09/01/2023"),
    "nd96": cc("96/2023/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh", "30/12/2023"),
    "tt59": cc("59/2023/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực y tế", "30/8/2023"),
    "attvsld": cc("84/2015/QH13", "Luật An toàn, vệ sinh lao động", "25/6/2015"),
    "tt56": cc("56/2017/TT-BYT", "Thông tư quy định chi tiết thi hành Luật Bảo hiểm xã hội và Luật An toàn, vệ sinh lao động thuộc lĩnh vực y tế", "29/12/2017"),
    "blld": cc("45/2019/QH14", "Bộ luật Lao động", "20/11/2019"),
    "nd152": cc("152/2020/NĐ-CP", "Nghị định quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam", "30/12/2020"),
    "nd70": cc("70/2023/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 152/2020/NĐ-CP", "18/9/2023"),
    "vieclam": cc("38/2013/QH13", "Luật Việc làm", "16/11/2013"),
    "nd28": cc("28/2015/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp", "12/3/2015"),
    "nd61": cc("61/2020/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 28/2015/NĐ-CP", "29/5/2020"),
    "nd145": cc("145/2020/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động", "14/12/2020"),
    "xkld": cc("69/2020/QH14", "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", "13/11/2020"),
    "nd112": cc("112/2021/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", "10/12/2021"),
    "nd20": cc("20/2021/NĐ-CP", "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", "15/3/2021"),
    "nkt": cc("51/2010/QH12", "Luật Người khuyết tật", "17/6/2010"),
    "nd28_12": cc("28/2012/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật", "10/4/2012"),
    "tt01_19": cc("01/2019/TT-BLĐTBXH", "Thông tư quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện", "02/01/2019"),
    "nd103": cc("103/2017/NĐ-CP", "Nghị định quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội", "12/9/2017"),
    "giaoduc": cc("43/2019/QH14", "Luật Giáo dục", "14/6/2019"),
    "tt32": cc("32/2020/TT-BGDĐT", "Thông tư ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học", "15/9/2020"),
    "nd125": cc("125/2024/NĐ-CP", "Nghị định quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục", "05/10/2024"),
    "nd105_20": cc("105/2020/NĐ-CP", "Nghị định quy định chính sách phát triển giáo dục mầm non", "08/9/2020"),
    "tt13": cc("13/2021/TT-BGDĐT", "Thông tư quy định về điều kiện, trình tự, thủ tục, thẩm quyền công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", "15/4/2021"),
    "dulich": cc("09/2017/QH14", "Luật Du lịch", "19/6/2017"),
    "nd168_17": cc("168/2017/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Du lịch", "31/12/2017"),
    "tt06_17": cc("06/2017/TT-BVHTTDL", "Thông tư quy định chi tiết một số điều của Luật Du lịch", "15/12/2017"),
    "tt33": cc("33/2018/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành, phí thẩm định cấp thẻ hướng dẫn viên du lịch", "30/3/2018"),
    "nd110": cc("110/2018/NĐ-CP", "Nghị định quy định về quản lý và tổ chức lễ hội", "29/8/2018"),
    "nd144": cc("144/2020/NĐ-CP", "Nghị định quy định về hoạt động nghệ thuật biểu diễn", "14/12/2020"),
    "tt288": cc("288/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định nội dung chương trình nghệ thuật biểu diễn", "15/11/2016"),
    "duongbo": cc("35/2024/QH15", "Luật Đường bộ", "27/6/2024"),
    "ttatgt": cc("36/2024/QH15", "Luật Trật tự, an toàn giao thông đường bộ", "27/6/2024"),
    "nd10": cc("10/2020/NĐ-CP", "Nghị định quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô", "17/01/2020"),
    "nd119": cc("119/2021/NĐ-CP", "Nghị định quy định về trình tự, thủ tục cấp, cấp lại, thu hồi giấy phép vận tải đường bộ qua biên giới", "24/12/2021"),
    "tt35": cc("35/2024/TT-BGTVT", "Thông tư quy định về đào tạo, sát hạch, cấp giấy phép lái xe", "15/11/2024"),
    "tt37": cc("37/2023/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ được hoạt động trên các loại phương tiện", "07/6/2023"),
    "xaydung": cc("50/2014/QH13", "Luật Xây dựng", "18/6/2014"),
    "xaydung2": cc("62/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng", "17/6/2020"),
    "nd175": cc("175/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng", "30/12/2024"),
    "tt38": cc("38/2022/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp chứng chỉ hành nghề, lệ phí cấp chứng chỉ hành nghề trong hoạt động xây dựng", "24/6/2022"),
}


def lb(*keys: str) -> list[LegalBasis]:
    """Legal bases by key."""
    return [L[k] for k in keys]


def P(**kw) -> Procedure:
    """A Procedure with defaults for the optional parts."""
    return Procedure(**kw)


# common step texts
def buoc_mot_cua(co_quan: str, xu_ly: str, tra: str = "Trả kết quả cho người nộp hồ sơ tại Bộ phận Một cửa, qua dịch vụ bưu chính hoặc trả kết quả điện tử.") -> list[str]:
    """Three standard steps: receive, handle, return."""
    return [
        f"Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Bộ phận Một cửa của {co_quan} hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
        "Bước 2: Công chức tiếp nhận kiểm tra thành phần hồ sơ; trường hợp hồ sơ chưa đầy đủ, hợp lệ thì hướng dẫn một lần bằng văn bản để bổ sung, hoàn thiện; hồ sơ đầy đủ thì cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
        f"Bước 3: {xu_ly}",
        f"Bước 4: {tra}",
    ]


UBND_XA_BS = "Ủy ban nhân dân cấp xã (tỉnh Bình Sơn)"
QD_HT = "Quyết định số 1125/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"


# ---------------------------------------------------------------------------------------------
# JSON file 1: Tư pháp (hộ tịch, chứng thực, lý lịch tư pháp, luật sư)
# ---------------------------------------------------------------------------------------------

T_NGAY = tg(1, "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo")
MIEN = phi(0, "Miễn lệ phí")


def tu_phap() -> list[Procedure]:
    """Procedures of the justice sector (Bình Sơn and central)."""
    return [
        P(
            code="1.004101", name="Đăng ký khai sinh", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cá nhân (cha, mẹ, ông, bà hoặc người thân thích khác của trẻ em)",
            decision=QD_HT,
            steps=[
                "Bước 1: Người đi đăng ký khai sinh nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu hồ sơ chưa đầy đủ thì hướng dẫn người nộp bổ sung, hoàn thiện một lần.",
                "Bước 3: Thấy thông tin khai sinh đầy đủ và phù hợp, công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ đăng ký khai sinh, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử để lấy số định danh cá nhân và trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh.",
                "Bước 4: Người đi đăng ký khai sinh kiểm tra nội dung, cùng ký vào Sổ đăng ký khai sinh và nhận Giấy khai sinh bản chính.",
            ],
            channels=kenh("TT,TTu,BC", T_NGAY, phi(0, "Miễn lệ phí đăng ký khai sinh đúng hạn")),
            documents=[
                gt("Tờ khai đăng ký khai sinh theo mẫu", "01 bản chính", "Tờ khai đăng ký khai sinh (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp; trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh", "01 bản chính"),
                gt("Căn cước công dân hoặc thẻ căn cước của người đi đăng ký khai sinh", "Xuất trình bản chính"),
                gt("Sổ hộ khẩu của cha, mẹ trẻ em", "01 bản chính để đối chiếu"),
                gt("Giấy chứng nhận kết hôn của cha, mẹ trẻ em (nếu cha, mẹ đã đăng ký kết hôn)", "01 bản sao"),
            ],
            result="Giấy khai sinh (bản chính); bản sao Giấy khai sinh theo yêu cầu.",
            requirements=[],
            legal_basis=lb("hotich", "nd123", "tt04", "tt85"),
        ),
        P(
            code="1.004102", name="Đăng ký kết hôn", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Công dân Việt Nam (hai bên nam, nữ)", decision=QD_HT,
            steps=[
                "Bước 1: Hai bên nam, nữ nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên hoặc nộp trực tuyến.",
                "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ và điều kiện kết hôn; trường hợp cần xác minh thì thời hạn xác minh không quá 05 ngày làm việc.",
                "Bước 3: Thấy đủ điều kiện kết hôn, công chức tư pháp - hộ tịch ghi việc kết hôn vào Sổ đăng ký kết hôn; hai bên nam, nữ cùng ký vào Sổ và Giấy chứng nhận kết hôn.",
                "Bước 4: Chủ tịch Ủy ban nhân dân cấp xã tổ chức trao Giấy chứng nhận kết hôn cho hai bên.",
            ],
            channels=kenh("TT,TTu", tg(1, "Ngay trong ngày làm việc; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc"), phi(0, "Miễn lệ phí đăng ký kết hôn")),
            documents=[
                gt("Tờ khai đăng ký kết hôn theo mẫu", "01 bản chính", "Tờ khai đăng ký kết hôn (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Giấy xác nhận tình trạng hôn nhân do Ủy ban nhân dân cấp xã nơi thường trú cấp (trường hợp bên nam, bên nữ cư trú ở xã khác)", "01 bản chính"),
                gt("Căn cước công dân của hai bên nam, nữ", "Xuất trình bản chính"),
                gt("Bản sao bản án, quyết định ly hôn đã có hiệu lực pháp luật (trường hợp đã từng kết hôn và ly hôn)", "01 bản sao"),
            ],
            result="Giấy chứng nhận kết hôn (02 bản chính, mỗi bên giữ 01 bản).",
            requirements=[
                "Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên.",
                "Việc kết hôn do nam và nữ tự nguyện quyết định.",
                "Không bị mất năng lực hành vi dân sự.",
                "Không thuộc các trường hợp cấm kết hôn theo quy định của Luật Hôn nhân và gia đình.",
            ],
            legal_basis=lb("hotich", "hngd", "nd123", "tt04"),
        ),
        P(
            code="1.004103", name="Đăng ký khai tử", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết; đại diện cơ quan, tổ chức",
            decision=QD_HT,
            steps=[
                "Bước 1: Trong thời hạn 15 ngày kể từ ngày có người chết, người có trách nhiệm nộp hồ sơ đăng ký khai tử tại Ủy ban nhân dân cấp xã nơi cư trú cuối cùng của người chết.",
                "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi nội dung khai tử vào Sổ đăng ký khai tử và cập nhật vào Cơ sở dữ liệu hộ tịch điện tử.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Trích lục khai tử; người đi đăng ký ký vào Sổ và nhận Trích lục khai tử.",
            ],
            channels=kenh("TT,TTu,BC", T_NGAY, phi(0, "Miễn lệ phí đăng ký khai tử")),
            documents=[
                gt("Tờ khai đăng ký khai tử theo mẫu", "01 bản chính", "Tờ khai đăng ký khai tử (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp", "01 bản chính"),
                gt("Chứng minh nhân dân của người đi đăng ký khai tử", "Xuất trình bản chính"),
            ],
            result="Trích lục khai tử (bản chính).",
            requirements=[],
            legal_basis=lb("hotich", "nd123", "tt04"),
        ),
        P(
            code="1.004104", name="Cấp Giấy xác nhận tình trạng hôn nhân", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Công dân Việt Nam cư trú trong nước", decision=QD_HT,
            steps=[
                "Bước 1: Người yêu cầu nộp hồ sơ trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi thường trú.",
                "Bước 2: Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân của người yêu cầu; trường hợp người yêu cầu đã từng cư trú ở nhiều nơi thì gửi văn bản đề nghị xác minh.",
                "Bước 3: Thấy người yêu cầu đủ điều kiện, công chức tư pháp - hộ tịch trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy xác nhận tình trạng hôn nhân.",
                "Bước 4: Trả kết quả trực tiếp tại Bộ phận Một cửa.",
            ],
            channels=kenh("TT", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì không quá 13 ngày làm việc"), phi(5000, "Lệ phí: 5.000 đồng/lần (theo Nghị quyết của Hội đồng nhân dân tỉnh)")),
            documents=[
                gt("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", "01 bản chính", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Bản sao có chứng thực Giấy chứng nhận kết hôn hoặc bản án, quyết định ly hôn (trường hợp đã từng kết hôn)", "01 bản sao có chứng thực"),
                gt("Căn cước công dân của người yêu cầu", "Xuất trình bản chính"),
            ],
            result="Giấy xác nhận tình trạng hôn nhân (bản chính), có giá trị 06 tháng kể từ ngày cấp.",
            requirements=["Giấy xác nhận tình trạng hôn nhân được cấp để sử dụng vào mục đích ghi trong Tờ khai."],
            legal_basis=lb("hotich", "nd123", "tt04", "tt85"),
        ),
        P(
            code="1.004105", name="Cấp bản sao trích lục hộ tịch", field="Hộ tịch", level=XA, province=BS,
            agency="Ủy ban nhân dân cấp xã nơi đã đăng ký sự kiện hộ tịch (tỉnh Bình Sơn)",
            applicants="Cá nhân, tổ chức có yêu cầu", decision=QD_HT,
            steps=[
                "Bước 1: Người yêu cầu nộp tờ khai tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi đã đăng ký sự kiện hộ tịch, qua dịch vụ bưu chính hoặc trực tuyến.",
                "Bước 2: Công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử.",
                "Bước 3: Công chức tư pháp - hộ tịch trình người có thẩm quyền ký bản sao trích lục hộ tịch và trả kết quả cho người yêu cầu.",
            ],
            channels=kenh("TT,TTu,BC", tg(1, "Ngay trong ngày tiếp nhận yêu cầu; trường hợp nhận yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"), phi(8000, "Phí cấp bản sao trích lục: 8.000 đồng/bản")),
            documents=[
                gt("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", "01 bản chính", "Tờ khai cấp bản sao trích lục hộ tịch (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền thực hiện yêu cầu cấp bản sao trích lục hộ tịch)", "01 bản chính"),
                gt("Giấy tờ tùy thân có ảnh của người yêu cầu (hộ chiếu, căn cước công dân hoặc giấy tờ khác có ảnh còn giá trị sử dụng)", "Xuất trình bản chính"),
            ],
            result="Bản sao trích lục hộ tịch.",
            requirements=[],
            legal_basis=lb("hotich", "nd123", "tt04", "tt85"),
        ),
        P(
            code="2.000635", name="Cấp bản sao trích lục hộ tịch", field="Hộ tịch", level=TINH, province=BS,
            agency="Sở Tư pháp tỉnh Bình Sơn", applicants="Cá nhân, tổ chức có yêu cầu",
            decision="Quyết định số 1126/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=[
                "Bước 1: Người yêu cầu nộp tờ khai tại Bộ phận Một cửa của Sở Tư pháp (đối với sự kiện hộ tịch có yếu tố nước ngoài mà Sổ hộ tịch đang lưu tại Sở Tư pháp), qua dịch vụ bưu chính hoặc trực tuyến.",
                "Bước 2: Công chức Sở Tư pháp tra cứu Sổ hộ tịch lưu trữ hoặc Cơ sở dữ liệu hộ tịch điện tử.",
                "Bước 3: Lãnh đạo Sở Tư pháp ký bản sao trích lục hộ tịch; trả kết quả cho người yêu cầu.",
            ],
            channels=kenh("TT,TTu,BC", tg(1, "Ngay trong ngày tiếp nhận yêu cầu; trường hợp phải tra cứu Sổ hộ tịch lưu trữ thì không quá 03 ngày làm việc"), phi(8000, "Phí cấp bản sao trích lục: 8.000 đồng/bản")),
            documents=[
                gt("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", "01 bản chính", "Tờ khai cấp bản sao trích lục hộ tịch (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Giấy tờ tùy thân có ảnh của người yêu cầu (hộ chiếu, căn cước công dân hoặc giấy tờ khác có ảnh còn giá trị sử dụng)", "Xuất trình bản chính"),
                gt("Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền)", "01 bản chính"),
            ],
            result="Bản sao trích lục hộ tịch.",
            requirements=[],
            legal_basis=lb("hotich", "nd123", "tt04", "tt85"),
        ),
        P(
            code="1.004106", name="Đăng ký lại khai sinh", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cá nhân đã đăng ký khai sinh nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất",
            decision=QD_HT,
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi đã đăng ký khai sinh trước đây hoặc nơi người yêu cầu thường trú",
                "Công chức tư pháp - hộ tịch kiểm tra, xác minh hồ sơ; thấy việc đăng ký lại khai sinh là đúng thì ghi vào Sổ đăng ký khai sinh và trình Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy khai sinh.",
            ),
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì không quá 10 ngày làm việc"), phi(5000, "Lệ phí: 5.000 đồng/lần")),
            documents=[
                gt("Tờ khai đăng ký lại khai sinh theo mẫu", "01 bản chính", "Tờ khai đăng ký lại khai sinh (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Bản sao toàn bộ hồ sơ, giấy tờ của người yêu cầu có thông tin liên quan đến nội dung khai sinh", "01 bản sao"),
                gt("Văn bản cam đoan của người yêu cầu về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính Giấy khai sinh", "01 bản chính"),
            ],
            result="Giấy khai sinh (bản chính) có ghi chú \"Đăng ký lại\".",
            requirements=["Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất."],
            legal_basis=lb("hotich", "nd123", "tt04", "tt85"),
        ),
        P(
            code="1.004107", name="Đăng ký nhận cha, mẹ, con", field="Hộ tịch", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cá nhân (người nhận và người được nhận là cha, mẹ, con)", decision=QD_HT,
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi cư trú của người nhận hoặc người được nhận",
                "Công chức tư pháp - hộ tịch kiểm tra, xác minh; thấy việc nhận cha, mẹ, con là đúng và không có tranh chấp thì ghi vào Sổ hộ tịch, các bên cùng ký và Chủ tịch Ủy ban nhân dân cấp xã ký Trích lục đăng ký nhận cha, mẹ, con.",
            ),
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc"), phi(15000, "Lệ phí: 15.000 đồng/trường hợp")),
            documents=[
                gt("Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", "01 bản chính", "Tờ khai đăng ký nhận cha, mẹ, con (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền khác xác nhận quan hệ cha con, mẹ con", "01 bản chính hoặc bản sao"),
                gt("Bản sao Giấy khai sinh của người con", "01 bản sao"),
                gt("Căn cước công dân của bên nhận và bên được nhận", "Xuất trình bản chính"),
            ],
            result="Trích lục đăng ký nhận cha, mẹ, con.",
            requirements=["Bên nhận, bên được nhận còn sống vào thời điểm đăng ký và không có tranh chấp về việc nhận cha, mẹ, con."],
            legal_basis=lb("hotich", "hngd", "nd123", "tt04", "tt85"),
        ),
        P(
            code="2.000488", name="Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
            field="Chứng thực", level=XA, province=BS, agency=UBND_XA_BS,
            applicants="Cá nhân, tổ chức", decision="Quyết định số 1127/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=[
                "Bước 1: Người yêu cầu chứng thực xuất trình bản chính giấy tờ, văn bản và bản sao cần chứng thực tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã; trường hợp chứng thực bản sao điện tử thì gửi bản chụp qua Cổng Dịch vụ công.",
                "Bước 2: Người thực hiện chứng thực kiểm tra bản chính, đối chiếu với bản sao; nếu nội dung bản sao đúng với bản chính thì ghi lời chứng, ký, ghi rõ họ tên và đóng dấu.",
                "Bước 3: Trả bản sao đã chứng thực cho người yêu cầu.",
            ],
            channels=kenh("TT,TTu", tg(1, "Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ"), phi(2000, "Phí chứng thực: 2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản")),
            documents=[
                gt("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Xuất trình bản chính"),
                gt("Bản sao cần chứng thực", "Theo số lượng người yêu cầu"),
            ],
            result="Bản sao được chứng thực từ bản chính.",
            requirements=["Bản chính không thuộc các trường hợp không được dùng làm cơ sở để chứng thực bản sao theo Điều 22 Nghị định số 23/2015/NĐ-CP."],
            legal_basis=lb("nd23", "nd45", "tt226"),
        ),
        P(
            code="2.000815", name="Chứng thực chữ ký trong các giấy tờ, văn bản", field="Chứng thực", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cá nhân", decision="Quyết định số 1127/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=[
                "Bước 1: Người yêu cầu chứng thực chữ ký xuất trình giấy tờ tùy thân và giấy tờ, văn bản sẽ ký tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã.",
                "Bước 2: Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký trước mặt người thực hiện chứng thực.",
                "Bước 3: Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và trả kết quả.",
            ],
            channels=kenh("TT", tg(1, "Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"), phi(10000, "Phí chứng thực chữ ký: 10.000 đồng/trường hợp")),
            documents=[
                gt("Căn cước công dân hoặc hộ chiếu còn giá trị sử dụng của người yêu cầu chứng thực", "01 bản chính hoặc bản sao có chứng thực"),
                gt("Giấy tờ, văn bản mà người yêu cầu sẽ ký", "01 bản chính"),
            ],
            result="Giấy tờ, văn bản đã được chứng thực chữ ký.",
            requirements=["Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực (thủ tục có tính chất bắt buộc trực tiếp)."],
            legal_basis=lb("nd23", "tt226"),
        ),
        P(
            code="1.001078", name="Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
            field="Lý lịch tư pháp", level=TINH, province=BS, agency="Sở Tư pháp tỉnh Bình Sơn",
            applicants="Công dân Việt Nam; người nước ngoài đang cư trú tại Việt Nam",
            decision="Quyết định số 1126/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=[
                "Bước 1: Người yêu cầu nộp Tờ khai và giấy tờ kèm theo tại Bộ phận Một cửa của Sở Tư pháp, qua dịch vụ bưu chính hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID.",
                "Bước 2: Sở Tư pháp tra cứu thông tin lý lịch tư pháp trong Cơ sở dữ liệu lý lịch tư pháp; trường hợp thông tin chưa đầy đủ thì phối hợp với cơ quan Công an, Tòa án để xác minh.",
                "Bước 3: Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp; trả kết quả cho người yêu cầu (bản giấy hoặc bản điện tử).",
            ],
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(200000, "Phí: 200.000 đồng/lần/người; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng/lần/người")),
            documents=[
                gt("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu", "01 bản chính", "Mẫu số 03/2013/TT-LLTP"),
                gt("Bản chụp căn cước công dân hoặc hộ chiếu của người được cấp Phiếu lý lịch tư pháp", "01 bản chụp"),
                gt("Giấy xác nhận thông tin về cư trú của người yêu cầu", "01 bản chính"),
            ],
            result="Phiếu lý lịch tư pháp số 1 hoặc số 2.",
            requirements=[],
            legal_basis=lb("lltp", "nd45", "tt244"),
        ),
        P(
            code="1.002032", name="Cấp Chứng chỉ hành nghề luật sư", field="Luật sư", level=BO,
            agency="Bộ Tư pháp (Cục Bổ trợ tư pháp)", applicants="Công dân Việt Nam đáp ứng tiêu chuẩn luật sư",
            decision="Quyết định số 1452/QĐ-BTP ngày 20/6/2025 của Bộ trưởng Bộ Tư pháp",
            steps=[
                "Bước 1: Người đề nghị nộp hồ sơ tại Ban chủ nhiệm Đoàn luật sư nơi người đó tập sự hành nghề luật sư.",
                "Bước 2: Trong thời hạn 07 ngày làm việc, Ban chủ nhiệm Đoàn luật sư gửi văn bản đề nghị kèm hồ sơ đến Sở Tư pháp; Sở Tư pháp có ý kiến và chuyển hồ sơ đến Bộ Tư pháp.",
                "Bước 3: Bộ Tư pháp xem xét, cấp Chứng chỉ hành nghề luật sư; trường hợp từ chối phải thông báo bằng văn bản và nêu rõ lý do.",
            ],
            channels=kenh("TT,BC,TTu", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(800000, "Lệ phí cấp Chứng chỉ hành nghề luật sư: 800.000 đồng/chứng chỉ")),
            documents=[
                gt("Giấy đề nghị cấp Chứng chỉ hành nghề luật sư theo mẫu", "01 bản chính", "Mẫu TP-LS-01"),
                gt("Phiếu lý lịch tư pháp", "01 bản chính"),
                gt("Giấy chứng nhận sức khỏe", "01 bản chính"),
                gt("Bản sao Bằng cử nhân luật hoặc Bằng thạc sĩ luật", "01 bản sao"),
                gt("Bản sao Giấy chứng nhận tốt nghiệp khóa đào tạo nghề luật sư", "01 bản sao"),
                gt("Bản sao Giấy chứng nhận kết quả kiểm tra kết quả tập sự hành nghề luật sư", "01 bản sao"),
            ],
            result="Chứng chỉ hành nghề luật sư.",
            requirements=[
                "Trung thành với Tổ quốc, tuân thủ Hiến pháp và pháp luật, có phẩm chất đạo đức tốt.",
                "Có bằng cử nhân luật, đã được đào tạo nghề luật sư và đã qua thời gian tập sự hành nghề luật sư.",
                "Có sức khỏe bảo đảm hành nghề luật sư.",
            ],
            legal_basis=lb("luatsu", "luatsu2", "nd123_13", "tt220"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 2: Đất đai, doanh nghiệp, hộ kinh doanh
# ---------------------------------------------------------------------------------------------

VPDK = "Văn phòng đăng ký đất đai tỉnh Bình Sơn (Sở Nông nghiệp và Môi trường)"
QD_DD = "Quyết định số 1201/QĐ-UBND ngày 28/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"
DKKD = "Sở Tài chính tỉnh Bình Sơn (Phòng Đăng ký kinh doanh)"
QD_DN = "Quyết định số 1210/QĐ-UBND ngày 29/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"
PHI_DN = phi(50000, "Lệ phí đăng ký doanh nghiệp: 50.000 đồng/lần; miễn lệ phí đối với hồ sơ đăng ký qua mạng thông tin điện tử")


def dat_dai_doanh_nghiep() -> list[Procedure]:
    """Land, enterprise and household-business procedures of Bình Sơn."""
    return [
        P(
            code="1.004201",
            name="Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
            field="Đất đai", level=TINH, province=BS, agency=VPDK,
            applicants="Hộ gia đình, cá nhân, cộng đồng dân cư, tổ chức đang sử dụng đất", decision=QD_DD,
            steps=[
                "Bước 1: Người sử dụng đất nộp hồ sơ tại Bộ phận Một cửa cấp xã, Chi nhánh Văn phòng đăng ký đất đai hoặc nộp trực tuyến.",
                "Bước 2: Văn phòng đăng ký đất đai kiểm tra hồ sơ; đề nghị Ủy ban nhân dân cấp xã xác nhận hiện trạng sử dụng đất, tình trạng tranh chấp, sự phù hợp với quy hoạch và niêm yết công khai trong 15 ngày.",
                "Bước 3: Văn phòng đăng ký đất đai gửi thông tin để xác định nghĩa vụ tài chính, cập nhật cơ sở dữ liệu đất đai và trình cơ quan có thẩm quyền ký Giấy chứng nhận.",
                "Bước 4: Trao Giấy chứng nhận cho người được cấp sau khi đã hoàn thành nghĩa vụ tài chính.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian niêm yết công khai và thực hiện nghĩa vụ tài chính)"), phi(100000, "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy (theo Nghị quyết của Hội đồng nhân dân tỉnh)")),
            documents=[
                gt("Đơn đăng ký đất đai, tài sản gắn liền với đất", "01 bản chính", "Mẫu số 04/ĐK"),
                gt("Một trong các giấy tờ về quyền sử dụng đất quy định tại Điều 137 Luật Đất đai (nếu có)", "01 bản sao"),
                gt("Sơ đồ nhà ở, công trình xây dựng (trường hợp đăng ký tài sản gắn liền với đất)", "01 bản chính"),
                gt("Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ liên quan đến việc miễn, giảm nghĩa vụ tài chính (nếu có)", "01 bản sao"),
            ],
            result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất; cập nhật vào hồ sơ địa chính.",
            requirements=["Đất không có tranh chấp hoặc tranh chấp đã được giải quyết; phù hợp với quy hoạch sử dụng đất."],
            legal_basis=lb("datdai", "nd101", "nd102", "tt85"),
        ),
        P(
            code="1.004202",
            name="Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
            field="Đất đai", level=TINH, province=BS, agency=VPDK,
            applicants="Hộ gia đình, cá nhân, tổ chức", decision=QD_DD,
            steps=[
                "Bước 1: Người sử dụng đất nộp hồ sơ tại Bộ phận Một cửa hoặc Chi nhánh Văn phòng đăng ký đất đai.",
                "Bước 2: Văn phòng đăng ký đất đai kiểm tra hồ sơ, gửi thông tin địa chính đến cơ quan thuế để xác định nghĩa vụ tài chính.",
                "Bước 3: Chỉnh lý, cập nhật biến động vào hồ sơ địa chính, cơ sở dữ liệu đất đai; xác nhận nội dung biến động trên Giấy chứng nhận đã cấp hoặc cấp Giấy chứng nhận mới.",
                "Bước 4: Trả kết quả cho người sử dụng đất.",
            ],
            channels=kenh("TT,TTu,BC", tg(10, "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(30000, "Lệ phí chỉnh lý biến động: 30.000 đồng/lần")),
            documents=[
                gt("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "01 bản chính", "Mẫu số 11/ĐK"),
                gt("Hợp đồng, văn bản về chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất đã được công chứng hoặc chứng thực", "01 bản chính"),
                gt("Bản gốc Giấy chứng nhận đã cấp", "01 bản chính"),
                gt("Các giấy tờ khác theo yêu cầu của cơ quan giải quyết hồ sơ (nếu cần)", "Theo yêu cầu"),
            ],
            result="Giấy chứng nhận đã được xác nhận biến động hoặc Giấy chứng nhận mới.",
            requirements=[
                "Có Giấy chứng nhận; đất không có tranh chấp, không bị kê biên bảo đảm thi hành án; còn trong thời hạn sử dụng đất.",
                "Đáp ứng các điều kiện khác theo yêu cầu của cơ quan có thẩm quyền khi cần thiết.",
            ],
            legal_basis=lb("datdai", "nd101", "tt85"),
        ),
        P(
            code="1.004203", name="Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            field="Đất đai", level=TINH, province=BS, agency=VPDK,
            applicants="Hộ gia đình, cá nhân, tổ chức đã được cấp Giấy chứng nhận", decision=QD_DD,
            steps=buoc_mot_cua(
                "Văn phòng đăng ký đất đai hoặc Ủy ban nhân dân cấp xã",
                "Văn phòng đăng ký đất đai kiểm tra hồ sơ, xác nhận lý do cấp đổi, lập hồ sơ trình cơ quan có thẩm quyền ký Giấy chứng nhận mới và cập nhật hồ sơ địa chính.",
            ),
            channels=kenh("TT,TTu,BC", tg(7, "Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(50000, "Lệ phí cấp đổi Giấy chứng nhận: 50.000 đồng/giấy")),
            documents=[
                gt("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "01 bản chính", "Mẫu số 11/ĐK"),
                gt("Bản gốc Giấy chứng nhận đã cấp", "01 bản chính"),
                gt("Bản sao có chứng thực căn cước công dân của người sử dụng đất", "01 bản sao có chứng thực"),
            ],
            result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp đổi).",
            requirements=["Giấy chứng nhận đã cấp bị ố, nhòe, rách, hư hỏng hoặc có sai sót, hoặc người sử dụng đất có nhu cầu đổi sang mẫu mới."],
            legal_basis=lb("datdai", "nd101", "tt85"),
        ),
        P(
            code="1.004204", name="Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân",
            field="Đất đai", level=HUYEN, province=BS,
            agency="Ủy ban nhân dân cấp huyện (Phòng Tài nguyên và Môi trường)",
            applicants="Hộ gia đình, cá nhân", decision="Quyết định số 845/QĐ-UBND ngày 15/4/2024 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=[
                "Bước 1: Người sử dụng đất nộp đơn xin chuyển mục đích sử dụng đất kèm Giấy chứng nhận tại Bộ phận Một cửa của Ủy ban nhân dân cấp huyện.",
                "Bước 2: Phòng Tài nguyên và Môi trường thẩm tra hồ sơ, xác minh thực địa, thẩm định nhu cầu chuyển mục đích sử dụng đất.",
                "Bước 3: Trình Ủy ban nhân dân cấp huyện quyết định cho phép chuyển mục đích sử dụng đất; người sử dụng đất thực hiện nghĩa vụ tài chính.",
                "Bước 4: Chỉnh lý hồ sơ địa chính và trả kết quả.",
            ],
            channels=kenh("TT,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian thực hiện nghĩa vụ tài chính)"), phi(None, "Không thu lệ phí; người sử dụng đất nộp tiền sử dụng đất theo quy định")),
            documents=[
                gt("Đơn xin chuyển mục đích sử dụng đất", "01 bản chính", "Mẫu số 02c"),
                gt("Bản sao Giấy chứng nhận quyền sử dụng đất", "01 bản sao"),
            ],
            result="Quyết định cho phép chuyển mục đích sử dụng đất của Ủy ban nhân dân cấp huyện.",
            requirements=["Phù hợp với kế hoạch sử dụng đất hằng năm của cấp huyện đã được phê duyệt."],
            legal_basis=lb("datdai", "nd102"),
        ),
        P(
            code="1.004205", name="Hòa giải tranh chấp đất đai", field="Đất đai", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Các bên tranh chấp đất đai", decision=QD_DD,
            steps=[
                "Bước 1: Bên tranh chấp nộp đơn đề nghị hòa giải tại Ủy ban nhân dân cấp xã nơi có đất tranh chấp.",
                "Bước 2: Ủy ban nhân dân cấp xã thẩm tra, xác minh nguyên nhân phát sinh tranh chấp, thu thập giấy tờ liên quan.",
                "Bước 3: Thành lập Hội đồng hòa giải tranh chấp đất đai và tổ chức cuộc họp hòa giải có sự tham gia của các bên.",
                "Bước 4: Lập biên bản hòa giải thành hoặc không thành và gửi cho các bên.",
            ],
            channels=kenh("TT,BC", tg(30, "Không quá 30 ngày kể từ ngày nhận được đơn", "days"), phi(0, "Không")),
            documents=[
                gt("Đơn đề nghị hòa giải tranh chấp đất đai", "01 bản chính"),
                gt("Giấy tờ, tài liệu có liên quan đến việc tranh chấp (nếu có)", "01 bản sao"),
            ],
            result="Biên bản hòa giải thành hoặc hòa giải không thành.",
            requirements=[],
            legal_basis=lb("datdai", "nd102"),
        ),
        P(
            code="2.001610", name="Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
            field="Thành lập và hoạt động doanh nghiệp", level=TINH, province=BS, agency=DKKD,
            applicants="Cá nhân, tổ chức thành lập doanh nghiệp", decision=QD_DN,
            steps=[
                "Bước 1: Người thành lập doanh nghiệp hoặc người được ủy quyền nộp hồ sơ tại Phòng Đăng ký kinh doanh hoặc qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.",
                "Bước 2: Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ; trường hợp hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.",
                "Bước 3: Cấp Giấy chứng nhận đăng ký doanh nghiệp và cập nhật vào Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
            ],
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), PHI_DN),
            documents=[
                gt("Giấy đề nghị đăng ký doanh nghiệp", "01 bản chính", "Phụ lục I-2 ban hành kèm theo Thông tư của Bộ Tài chính"),
                gt("Điều lệ công ty", "01 bản chính"),
                gt("Bản sao giấy tờ pháp lý của cá nhân (căn cước công dân hoặc hộ chiếu) đối với chủ sở hữu công ty là cá nhân", "01 bản sao"),
                gt("Bản sao giấy tờ pháp lý của tổ chức và văn bản cử người đại diện theo ủy quyền (đối với chủ sở hữu là tổ chức)", "01 bản sao"),
            ],
            result="Giấy chứng nhận đăng ký doanh nghiệp.",
            requirements=["Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh; tên doanh nghiệp đặt đúng quy định."],
            legal_basis=lb("dn", "nd168", "tt47"),
        ),
        P(
            code="2.001611", name="Đăng ký thành lập doanh nghiệp tư nhân",
            field="Thành lập và hoạt động doanh nghiệp", level=TINH, province=BS, agency=DKKD,
            applicants="Cá nhân", decision=QD_DN,
            steps=[
                "Bước 1: Chủ doanh nghiệp tư nhân hoặc người được ủy quyền nộp hồ sơ tại Phòng Đăng ký kinh doanh hoặc qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.",
                "Bước 2: Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ.",
                "Bước 3: Cấp Giấy chứng nhận đăng ký doanh nghiệp cho doanh nghiệp tư nhân.",
            ],
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), PHI_DN),
            documents=[
                gt("Giấy đề nghị đăng ký doanh nghiệp tư nhân", "01 bản chính", "Phụ lục I-1"),
                gt("Bản sao giấy tờ pháp lý của cá nhân (căn cước công dân hoặc hộ chiếu) đối với chủ doanh nghiệp tư nhân", "01 bản sao"),
            ],
            result="Giấy chứng nhận đăng ký doanh nghiệp.",
            requirements=["Mỗi cá nhân chỉ được quyền thành lập một doanh nghiệp tư nhân."],
            legal_basis=lb("dn", "nd168", "tt47"),
        ),
        P(
            code="2.001612", name="Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn",
            field="Thành lập và hoạt động doanh nghiệp", level=TINH, province=BS, agency=DKKD,
            applicants="Doanh nghiệp", decision=QD_DN,
            steps=[
                "Bước 1: Doanh nghiệp nộp hồ sơ đăng ký thay đổi tại Phòng Đăng ký kinh doanh nơi đặt trụ sở chính hoặc qua mạng thông tin điện tử.",
                "Bước 2: Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ.",
                "Bước 3: Cấp Giấy chứng nhận đăng ký doanh nghiệp mới với thông tin người đại diện theo pháp luật đã thay đổi.",
            ],
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), PHI_DN),
            documents=[
                gt("Thông báo thay đổi nội dung đăng ký doanh nghiệp", "01 bản chính", "Phụ lục II-1"),
                gt("Nghị quyết, quyết định của chủ sở hữu công ty hoặc của Hội đồng thành viên về việc thay đổi người đại diện theo pháp luật", "01 bản chính"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao"),
                gt("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật mới", "01 bản sao"),
            ],
            result="Giấy chứng nhận đăng ký doanh nghiệp (cấp mới theo nội dung thay đổi).",
            requirements=[],
            legal_basis=lb("dn", "nd168", "tt47"),
        ),
        P(
            code="2.001613", name="Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo",
            field="Thành lập và hoạt động doanh nghiệp", level=TINH, province=BS, agency=DKKD,
            applicants="Doanh nghiệp, chi nhánh, văn phòng đại diện, địa điểm kinh doanh", decision=QD_DN,
            steps=[
                "Bước 1: Doanh nghiệp gửi thông báo đến Phòng Đăng ký kinh doanh chậm nhất 03 ngày làm việc trước ngày tạm ngừng hoặc tiếp tục kinh doanh.",
                "Bước 2: Phòng Đăng ký kinh doanh tiếp nhận, kiểm tra thông báo.",
                "Bước 3: Cấp Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn.",
            ],
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không thu lệ phí")),
            documents=[
                gt("Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn đã thông báo", "01 bản chính", "Phụ lục II-19"),
                gt("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông về việc tạm ngừng kinh doanh", "01 bản chính"),
            ],
            result="Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn.",
            requirements=["Thời hạn tạm ngừng kinh doanh của mỗi lần thông báo không quá một năm."],
            legal_basis=lb("dn", "nd168"),
        ),
        P(
            code="2.000720", name="Đăng ký thành lập hộ kinh doanh", field="Thành lập và hoạt động của hộ kinh doanh",
            level=XA, province=BS, agency=UBND_XA_BS,
            applicants="Cá nhân, thành viên hộ gia đình là công dân Việt Nam",
            decision="Quyết định số 1211/QĐ-UBND ngày 29/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi đặt địa điểm kinh doanh",
                "Cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ của hồ sơ, cấp Giấy chứng nhận đăng ký hộ kinh doanh và cập nhật vào Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh.",
            ),
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(100000, "Lệ phí: 100.000 đồng/lần (theo Nghị quyết của Hội đồng nhân dân tỉnh)")),
            documents=[
                gt("Giấy đề nghị đăng ký hộ kinh doanh", "01 bản chính", "Phụ lục III-1"),
                gt("Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và các thành viên hộ gia đình đăng ký hộ kinh doanh", "01 bản sao"),
                gt("Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình cùng đăng ký)", "01 bản sao"),
                gt("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh", "01 bản chính"),
            ],
            result="Giấy chứng nhận đăng ký hộ kinh doanh.",
            requirements=["Ngành, nghề kinh doanh không bị cấm; tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi cấp xã."],
            legal_basis=lb("dn", "nd168", "tt85"),
        ),
        P(
            code="2.000721", name="Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", field="Thành lập và hoạt động của hộ kinh doanh",
            level=XA, province=BS, agency=UBND_XA_BS, applicants="Hộ kinh doanh",
            decision="Quyết định số 1211/QĐ-UBND ngày 29/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi hộ kinh doanh đặt trụ sở",
                "Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ và cấp Giấy chứng nhận đăng ký hộ kinh doanh mới.",
            ),
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(50000, "Lệ phí: 50.000 đồng/lần")),
            documents=[
                gt("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "01 bản chính", "Phụ lục III-2"),
                gt("Bản sao biên bản họp thành viên hộ gia đình về việc thay đổi nội dung đăng ký (trường hợp hộ kinh doanh do các thành viên hộ gia đình đăng ký)", "01 bản sao"),
            ],
            result="Giấy chứng nhận đăng ký hộ kinh doanh (cấp mới theo nội dung thay đổi).",
            requirements=[],
            legal_basis=lb("dn", "nd168", "tt85"),
        ),
        P(
            code="2.000722", name="Chấm dứt hoạt động hộ kinh doanh", field="Thành lập và hoạt động của hộ kinh doanh",
            level=XA, province=BS, agency=UBND_XA_BS, applicants="Hộ kinh doanh",
            decision="Quyết định số 1211/QĐ-UBND ngày 29/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi hộ kinh doanh đặt trụ sở",
                "Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ, ra thông báo về việc chấm dứt hoạt động hộ kinh doanh và cập nhật tình trạng trên Hệ thống thông tin quốc gia.",
            ),
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không thu lệ phí")),
            documents=[
                gt("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", "01 bản chính", "Phụ lục III-5"),
                gt("Thông báo của cơ quan thuế về việc hộ kinh doanh đã hoàn thành nghĩa vụ thuế", "01 bản sao"),
            ],
            result="Thông báo về việc chấm dứt hoạt động hộ kinh doanh.",
            requirements=["Hộ kinh doanh đã thanh toán đầy đủ các khoản nợ, nghĩa vụ thuế."],
            legal_basis=lb("dn", "nd168"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 3: Y tế, an toàn thực phẩm, dược, công thương
# ---------------------------------------------------------------------------------------------

QD_YT = "Quyết định số 1305/QĐ-UBND ngày 05/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"


def _attp_docs(nganh: str) -> list[DossierDocument]:
    """The near-identical dossier of the three food-safety certificates."""
    return [
        gt("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "01 bản chính", "Mẫu số 01"),
        gt("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện an toàn thực phẩm", "01 bản chính", "Mẫu số 02"),
        gt(f"Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh có ngành nghề {nganh}", "01 bản sao"),
        gt("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm do cơ sở y tế có thẩm quyền cấp", "01 bản sao"),
        gt("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm", "01 bản sao"),
    ]


def _attp_steps(co_quan: str, ngay_tham_dinh: str) -> list[str]:
    return [
        f"Bước 1: Cơ sở nộp hồ sơ tại Bộ phận Một cửa của {co_quan} hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
        "Bước 2: Cơ quan tiếp nhận kiểm tra tính hợp lệ của hồ sơ; trường hợp hồ sơ không hợp lệ thì thông báo bằng văn bản cho cơ sở trong thời hạn 05 ngày làm việc.",
        f"Bước 3: Đoàn thẩm định tiến hành thẩm định thực tế điều kiện an toàn thực phẩm tại cơ sở trong thời hạn {ngay_tham_dinh} kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "Bước 4: Trường hợp cơ sở đạt yêu cầu, cơ quan có thẩm quyền cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm; trường hợp chưa đạt thì thông báo rõ lý do.",
    ]


def y_te_cong_thuong() -> list[Procedure]:
    """Health, food safety, pharmacy and trade procedures of Bình Sơn plus two central ones."""
    return [
        P(
            code="1.004301",
            name="Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống",
            field="An toàn thực phẩm", level=TINH, province=BS,
            agency="Sở Y tế tỉnh Bình Sơn (Chi cục An toàn vệ sinh thực phẩm)",
            applicants="Tổ chức, cá nhân kinh doanh dịch vụ ăn uống (nhà hàng, bếp ăn tập thể, căng tin)", decision=QD_YT,
            steps=_attp_steps("Sở Y tế", "10 ngày làm việc"),
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(700000, "Phí thẩm định: 700.000 đồng/lần/cơ sở (cơ sở phục vụ dưới 200 suất ăn)")),
            documents=_attp_docs("kinh doanh dịch vụ ăn uống"),
            result="Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
            requirements=["Cơ sở đáp ứng điều kiện bảo đảm an toàn thực phẩm đối với kinh doanh dịch vụ ăn uống theo Luật An toàn thực phẩm."],
            legal_basis=lb("attp", "nd15", "nd155", "tt67"),
        ),
        P(
            code="1.004302",
            name="Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản",
            field="Quản lý chất lượng nông lâm sản và thủy sản", level=TINH, province=BS,
            agency="Sở Nông nghiệp và Môi trường tỉnh Bình Sơn (Chi cục Quản lý chất lượng nông lâm sản và thủy sản)",
            applicants="Tổ chức, cá nhân sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản",
            decision="Quyết định số 1306/QĐ-UBND ngày 05/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=_attp_steps("Sở Nông nghiệp và Môi trường", "10 ngày làm việc"),
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(700000, "Phí thẩm định: 700.000 đồng/lần/cơ sở")),
            documents=_attp_docs("sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản"),
            result="Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
            requirements=["Cơ sở đáp ứng điều kiện bảo đảm an toàn thực phẩm trong sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản."],
            legal_basis=lb("attp", "nd15", "tt67"),
        ),
        P(
            code="1.004303",
            name="Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc lĩnh vực công thương",
            field="An toàn thực phẩm", level=TINH, province=BS,
            agency="Sở Công Thương tỉnh Bình Sơn",
            applicants="Tổ chức, cá nhân sản xuất, kinh doanh rượu, bia, nước giải khát, sữa chế biến, dầu thực vật, bánh kẹo",
            decision="Quyết định số 1307/QĐ-UBND ngày 05/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=_attp_steps("Sở Công Thương", "30 ngày làm việc"),
            channels=kenh("TT,BC", tg(45, "45 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(3500000, "Phí thẩm định: 3.500.000 đồng/lần/cơ sở")),
            documents=_attp_docs("sản xuất, kinh doanh thực phẩm"),
            result="Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
            requirements=["Cơ sở đáp ứng điều kiện bảo đảm an toàn thực phẩm đối với sản xuất, kinh doanh thực phẩm thuộc phạm vi quản lý của ngành Công Thương."],
            legal_basis=lb("attp", "nd15", "nd17", "tt67"),
        ),
        P(
            code="1.004304", name="Cấp Giấy xác nhận nội dung quảng cáo thực phẩm", field="An toàn thực phẩm",
            level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn (Chi cục An toàn vệ sinh thực phẩm)",
            applicants="Tổ chức, cá nhân có sản phẩm thực phẩm cần quảng cáo", decision=QD_YT,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế thẩm định nội dung quảng cáo; trường hợp nội dung chưa phù hợp thì có văn bản nêu rõ nội dung cần sửa đổi.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1100000, "Phí thẩm định: 1.100.000 đồng/lần/sản phẩm")),
            documents=[
                gt("Đơn đề nghị xác nhận nội dung quảng cáo", "01 bản chính", "Mẫu số 10 Phụ lục I Nghị định số 15/2018/NĐ-CP"),
                gt("Bản sao bản công bố sản phẩm và giấy tiếp nhận đăng ký bản công bố sản phẩm", "01 bản sao"),
                gt("Mẫu nhãn sản phẩm và kịch bản, ma-két nội dung dự kiến quảng cáo", "01 bản chính"),
            ],
            result="Giấy xác nhận nội dung quảng cáo thực phẩm.",
            requirements=["Nội dung quảng cáo phù hợp với công dụng, tính năng của sản phẩm đã được công bố."],
            legal_basis=lb("attp", "nd15", "tt67"),
        ),
        P(
            code="1.004305", name="Đăng ký bản công bố sản phẩm đối với thực phẩm dinh dưỡng y học, thực phẩm dùng cho chế độ ăn đặc biệt",
            field="An toàn thực phẩm", level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn (Chi cục An toàn vệ sinh thực phẩm)",
            applicants="Tổ chức, cá nhân sản xuất, kinh doanh thực phẩm", decision=QD_YT,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế thẩm định hồ sơ và cấp Giấy tiếp nhận đăng ký bản công bố sản phẩm.",
            ),
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1500000, "Phí thẩm định: 1.500.000 đồng/lần/sản phẩm")),
            documents=[
                gt("Bản công bố sản phẩm", "01 bản chính", "Mẫu số 02 Phụ lục I Nghị định số 15/2018/NĐ-CP"),
                gt("Phiếu kết quả kiểm nghiệm an toàn thực phẩm của sản phẩm trong thời hạn 12 tháng", "01 bản chính"),
                gt("Bằng chứng khoa học chứng minh công dụng của sản phẩm hoặc của thành phần tạo nên công dụng", "01 bản sao"),
            ],
            result="Giấy tiếp nhận đăng ký bản công bố sản phẩm.",
            requirements=[],
            legal_basis=lb("attp", "nd15", "tt67"),
        ),
        P(
            code="1.004306", name="Cấp Giấy chứng nhận lưu hành tự do (CFS) đối với sản phẩm thực phẩm xuất khẩu",
            field="An toàn thực phẩm", level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn (Chi cục An toàn vệ sinh thực phẩm)",
            applicants="Thương nhân xuất khẩu thực phẩm", decision=QD_YT,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế kiểm tra hồ sơ và cấp Giấy chứng nhận lưu hành tự do.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1000000, "Phí: 1.000.000 đồng/giấy chứng nhận")),
            documents=[
                gt("Văn bản đề nghị cấp Giấy chứng nhận lưu hành tự do", "01 bản chính"),
                gt("Danh mục sản phẩm đề nghị cấp Giấy chứng nhận lưu hành tự do", "01 bản chính"),
                gt("Bản sao giấy tiếp nhận đăng ký bản công bố sản phẩm hoặc bản tự công bố sản phẩm", "01 bản sao"),
            ],
            result="Giấy chứng nhận lưu hành tự do (CFS).",
            requirements=[],
            legal_basis=lb("attp", "nd15"),
        ),
        P(
            code="1.004307", name="Cấp Giấy chứng nhận y tế đối với thực phẩm xuất khẩu", field="An toàn thực phẩm",
            level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn (Chi cục An toàn vệ sinh thực phẩm)",
            applicants="Tổ chức, cá nhân xuất khẩu thực phẩm", decision=QD_YT,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế kiểm tra hồ sơ, kết quả kiểm nghiệm lô hàng và cấp Giấy chứng nhận y tế.",
            ),
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1000000, "Phí: 1.000.000 đồng/giấy chứng nhận")),
            documents=[
                gt("Văn bản đề nghị cấp Giấy chứng nhận y tế", "01 bản chính"),
                gt("Phiếu kết quả kiểm nghiệm lô hàng thực phẩm xuất khẩu", "01 bản chính"),
            ],
            result="Giấy chứng nhận y tế (Health Certificate).",
            requirements=[],
            legal_basis=lb("attp", "nd15"),
        ),
        P(
            code="2.000901", name="Cấp Giấy phép bán lẻ sản phẩm rượu", field="Lưu thông hàng hóa trong nước", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Thương nhân, hộ kinh doanh bán lẻ rượu",
            decision="Quyết định số 1307/QĐ-UBND ngày 05/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi đặt địa điểm kinh doanh",
                "Ủy ban nhân dân cấp xã xem xét, thẩm định hồ sơ và cấp Giấy phép bán lẻ sản phẩm rượu; trường hợp từ chối cấp phải trả lời bằng văn bản và nêu rõ lý do.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(600000, "Phí thẩm định: 600.000 đồng/điểm kinh doanh")),
            documents=[
                gt("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu", "01 bản chính", "Mẫu số 01 Phụ lục ban hành kèm theo Nghị định số 105/2017/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", "01 bản sao"),
                gt("Bản sao hợp đồng thuê, mượn hoặc giấy tờ chứng minh quyền sử dụng hợp pháp địa điểm kinh doanh", "01 bản sao"),
                gt("Bản sao Giấy chứng nhận đủ điều kiện an toàn thực phẩm", "01 bản sao"),
                gt("Bản sao văn bản giới thiệu hoặc hợp đồng mua bán của thương nhân sản xuất, phân phối sản phẩm rượu", "01 bản sao"),
            ],
            result="Giấy phép bán lẻ sản phẩm rượu (thời hạn 05 năm).",
            requirements=["Có địa điểm kinh doanh cố định, địa chỉ rõ ràng; có văn bản giới thiệu hoặc hợp đồng với thương nhân cung cấp rượu."],
            legal_basis=lb("nd105", "nd17"),
        ),
        P(
            code="1.004310", name="Cấp Chứng chỉ hành nghề dược", field="Dược phẩm", level=TINH, province=BS,
            agency="Sở Y tế tỉnh Bình Sơn", applicants="Cá nhân đề nghị cấp Chứng chỉ hành nghề dược", decision=QD_YT,
            steps=[
                "Bước 1: Người đề nghị nộp hồ sơ tại Bộ phận Một cửa của Sở Y tế, qua bưu chính hoặc trực tuyến.",
                "Bước 2: Sở Y tế kiểm tra hồ sơ; trường hợp hồ sơ cần sửa đổi, bổ sung thì có văn bản thông báo.",
                "Bước 3: Hội đồng tư vấn cấp Chứng chỉ hành nghề dược xem xét hồ sơ; Giám đốc Sở Y tế cấp Chứng chỉ hành nghề dược.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(500000, "Phí thẩm định: 500.000 đồng/hồ sơ")),
            documents=[
                gt("Đơn đề nghị cấp Chứng chỉ hành nghề dược", "01 bản chính", "Mẫu số 02 Phụ lục I ban hành kèm theo Nghị định số 54/2017/NĐ-CP"),
                gt("02 ảnh chân dung cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng", "02 ảnh"),
                gt("Bản sao có chứng thực văn bằng chuyên môn", "01 bản sao có chứng thực"),
                gt("Giấy xác nhận thời gian thực hành chuyên môn", "01 bản chính"),
                gt("Giấy chứng nhận đủ sức khỏe để hành nghề dược do cơ sở khám bệnh, chữa bệnh cấp", "01 bản chính"),
                gt("Phiếu lý lịch tư pháp", "01 bản chính"),
                gt("Bản sao có chứng thực căn cước công dân", "01 bản sao có chứng thực"),
            ],
            result="Chứng chỉ hành nghề dược.",
            requirements=["Có văn bằng chuyên môn phù hợp, có thời gian thực hành chuyên môn tại cơ sở dược hợp pháp và có đủ sức khỏe để hành nghề dược."],
            legal_basis=lb("duoc", "nd54", "tt277"),
        ),
        P(
            code="1.004311", name="Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với cơ sở bán lẻ thuốc (nhà thuốc, quầy thuốc)",
            field="Dược phẩm", level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn",
            applicants="Doanh nghiệp, hộ kinh doanh bán lẻ thuốc", decision=QD_YT,
            steps=[
                "Bước 1: Cơ sở nộp hồ sơ tại Bộ phận Một cửa của Sở Y tế hoặc nộp trực tuyến.",
                "Bước 2: Sở Y tế kiểm tra hồ sơ và tổ chức đánh giá thực tế tại cơ sở.",
                "Bước 3: Giám đốc Sở Y tế cấp Giấy chứng nhận đủ điều kiện kinh doanh dược trong trường hợp cơ sở đáp ứng Thực hành tốt cơ sở bán lẻ thuốc.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(1000000, "Phí thẩm định điều kiện kinh doanh thuốc: 1.000.000 đồng/cơ sở")),
            documents=[
                gt("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", "01 bản chính", "Mẫu số 19 Phụ lục I ban hành kèm theo Nghị định số 54/2017/NĐ-CP"),
                gt("Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị bảo quản thuốc", "01 bản chính"),
                gt("Bản sao có chứng thực Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn về dược", "01 bản sao có chứng thực"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao"),
            ],
            result="Giấy chứng nhận đủ điều kiện kinh doanh dược.",
            requirements=["Đạt Thực hành tốt cơ sở bán lẻ thuốc (GPP)."],
            legal_basis=lb("duoc", "nd54", "nd155", "tt277"),
        ),
        P(
            code="1.004312", name="Thay đổi người chịu trách nhiệm chuyên môn về dược của cơ sở bán lẻ thuốc",
            field="Dược phẩm", level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn",
            applicants="Cơ sở bán lẻ thuốc", decision=QD_YT,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế thẩm định hồ sơ và điều chỉnh nội dung người chịu trách nhiệm chuyên môn trên Giấy chứng nhận đủ điều kiện kinh doanh dược.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(500000, "Phí thẩm định: 500.000 đồng/hồ sơ")),
            documents=[
                gt("Đơn đề nghị điều chỉnh Giấy chứng nhận đủ điều kiện kinh doanh dược", "01 bản chính", "Mẫu số 20 Phụ lục I ban hành kèm theo Nghị định số 54/2017/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận đủ điều kiện kinh doanh dược đã cấp", "01 bản sao"),
                gt("Bản sao Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn mới", "01 bản sao"),
                gt("Bản sao Giấy chứng nhận đăng ký kinh doanh", "01 bản sao"),
            ],
            result="Giấy chứng nhận đủ điều kiện kinh doanh dược (điều chỉnh).",
            requirements=[],
            legal_basis=lb("duoc", "nd54"),
        ),
        P(
            code="1.004320", name="Cấp giấy phép hoạt động đối với phòng khám đa khoa", field="Khám bệnh, chữa bệnh",
            level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn",
            applicants="Doanh nghiệp, tổ chức đề nghị cấp giấy phép hoạt động phòng khám", decision=QD_YT,
            steps=[
                "Bước 1: Cơ sở nộp hồ sơ đề nghị cấp giấy phép hoạt động tại Sở Y tế hoặc nộp trực tuyến.",
                "Bước 2: Sở Y tế kiểm tra hồ sơ; thành lập đoàn thẩm định và thẩm định thực tế tại cơ sở.",
                "Bước 3: Giám đốc Sở Y tế cấp giấy phép hoạt động; trường hợp không cấp thì có văn bản trả lời và nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(30, "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(4300000, "Phí thẩm định cấp giấy phép hoạt động: 4.300.000 đồng/cơ sở")),
            documents=[
                gt("Đơn đề nghị cấp giấy phép hoạt động", "01 bản chính", "Mẫu 01 Phụ lục II ban hành kèm theo Nghị định số 96/2023/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao"),
                gt("Danh sách người hành nghề đăng ký hành nghề tại cơ sở", "01 bản chính"),
                gt("Bản kê khai cơ sở vật chất, thiết bị y tế của cơ sở", "01 bản chính"),
                gt("Bản sao giấy phép hành nghề của người chịu trách nhiệm chuyên môn kỹ thuật", "01 bản sao"),
            ],
            result="Giấy phép hoạt động khám bệnh, chữa bệnh.",
            requirements=["Đáp ứng điều kiện về cơ sở vật chất, thiết bị y tế, nhân sự đối với phòng khám đa khoa."],
            legal_basis=lb("kcb", "nd96", "tt59"),
        ),
        P(
            code="1.004321", name="Khám giám định y khoa lần đầu do tai nạn lao động", field="Giám định y khoa",
            level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn (Hội đồng Giám định y khoa tỉnh)",
            applicants="Người lao động bị tai nạn lao động", decision=QD_YT,
            steps=[
                "Bước 1: Người lao động hoặc người sử dụng lao động nộp hồ sơ đề nghị khám giám định tại Hội đồng Giám định y khoa tỉnh.",
                "Bước 2: Hội đồng Giám định y khoa kiểm tra hồ sơ, hẹn lịch khám giám định.",
                "Bước 3: Tổ chức khám giám định và ban hành Biên bản giám định y khoa.",
            ],
            channels=kenh("TT,BC", tg(60, "60 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(None, "Phí giám định y khoa do người sử dụng lao động chi trả theo quy định của Bộ Tài chính")),
            documents=[
                gt("Giấy đề nghị khám giám định", "01 bản chính", "Mẫu ban hành kèm theo Thông tư số 56/2017/TT-BYT"),
                gt("Biên bản điều tra tai nạn lao động", "01 bản sao"),
                gt("Giấy ra viện hoặc tóm tắt hồ sơ bệnh án sau khi điều trị tai nạn lao động", "01 bản sao"),
                gt("Bản sao thẻ bảo hiểm y tế", "01 bản sao"),
            ],
            result="Biên bản giám định y khoa.",
            requirements=[],
            legal_basis=lb("attvsld", "tt56"),
        ),
        P(
            code="1.002041", name="Cấp giấy phép nhập khẩu thuốc chưa có giấy đăng ký lưu hành tại Việt Nam",
            field="Dược phẩm", level=BO, agency="Cục Quản lý Dược - Bộ Y tế",
            applicants="Cơ sở có Giấy chứng nhận đủ điều kiện kinh doanh dược phạm vi xuất khẩu, nhập khẩu thuốc",
            decision="Quyết định số 2180/QĐ-BYT ngày 10/7/2025 của Bộ trưởng Bộ Y tế",
            steps=[
                "Bước 1: Cơ sở nhập khẩu nộp hồ sơ trực tuyến trên Cổng thông tin một cửa quốc gia hoặc nộp trực tiếp tại Cục Quản lý Dược.",
                "Bước 2: Cục Quản lý Dược thẩm định hồ sơ; trường hợp cần bổ sung thì có văn bản hướng dẫn.",
                "Bước 3: Cục trưởng Cục Quản lý Dược cấp giấy phép nhập khẩu.",
            ],
            channels=kenh("TT,TTu", tg(30, "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(1500000, "Phí thẩm định: 1.500.000 đồng/hồ sơ")),
            documents=[
                gt("Đơn hàng nhập khẩu thuốc", "03 bản chính", "Mẫu số 15 Phụ lục III ban hành kèm theo Nghị định số 54/2017/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận đủ điều kiện kinh doanh dược của cơ sở nhập khẩu", "01 bản sao"),
                gt("Giấy chứng nhận sản phẩm dược phẩm (CPP) do cơ quan quản lý có thẩm quyền của nước xuất khẩu cấp", "01 bản chính hoặc bản sao"),
                gt("Tiêu chuẩn chất lượng và phương pháp kiểm nghiệm thuốc", "01 bản sao"),
            ],
            result="Giấy phép nhập khẩu thuốc.",
            requirements=["Thuốc đáp ứng nhu cầu điều trị, chưa có giấy đăng ký lưu hành tại Việt Nam."],
            legal_basis=lb("duoc", "nd54", "tt277"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 4: Lao động, bảo trợ xã hội, giáo dục
# ---------------------------------------------------------------------------------------------

QD_LD = "Quyết định số 1288/QĐ-UBND ngày 03/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"
QD_BTXH = "Quyết định số 1290/QĐ-UBND ngày 03/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"
QD_GD = "Quyết định số 1295/QĐ-UBND ngày 04/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"

TRO_CAP_NAME = "Trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng đối với đối tượng bảo trợ xã hội"


def lao_dong_xa_hoi_giao_duc() -> list[Procedure]:
    """Labour, social protection and education procedures of Bình Sơn."""
    return [
        P(
            code="1.004401", name="Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
            field="Việc làm", level=TINH, province=BS, agency="Sở Nội vụ tỉnh Bình Sơn",
            applicants="Người sử dụng lao động (doanh nghiệp, cơ quan, tổ chức) sử dụng người lao động nước ngoài", decision=QD_LD,
            steps=[
                "Bước 1: Trước ít nhất 15 ngày kể từ ngày người lao động nước ngoài dự kiến bắt đầu làm việc, người sử dụng lao động nộp hồ sơ tại Sở Nội vụ hoặc nộp trực tuyến.",
                "Bước 2: Sở Nội vụ kiểm tra hồ sơ; trường hợp hồ sơ chưa đầy đủ thì thông báo để bổ sung.",
                "Bước 3: Sở Nội vụ cấp giấy phép lao động; trường hợp không cấp thì trả lời bằng văn bản và nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(600000, "Lệ phí: 600.000 đồng/giấy phép (theo Nghị quyết của Hội đồng nhân dân tỉnh)")),
            documents=[
                gt("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", "01 bản chính", "Mẫu số 11/PLI ban hành kèm theo Nghị định số 70/2023/NĐ-CP"),
                gt("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe do cơ quan, tổ chức y tế có thẩm quyền cấp, có giá trị trong thời hạn 12 tháng", "01 bản chính"),
                gt("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người phạm tội do cơ quan có thẩm quyền cấp", "01 bản chính"),
                gt("Bản sao có chứng thực hộ chiếu còn giá trị sử dụng", "01 bản sao có chứng thực"),
                gt("Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật", "01 bản sao"),
                gt("02 ảnh màu cỡ 4 cm x 6 cm, phông nền trắng, chụp không quá 06 tháng", "02 ảnh"),
                gt("Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài", "01 bản sao"),
                gt("Bản sao hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người lao động nước ngoài", "01 bản sao"),
            ],
            result="Giấy phép lao động (thời hạn tối đa 02 năm).",
            requirements=["Người lao động nước ngoài đủ 18 tuổi trở lên, có năng lực hành vi dân sự đầy đủ, có trình độ chuyên môn phù hợp và đủ sức khỏe theo quy định."],
            legal_basis=lb("blld", "nd152", "nd70", "tt85"),
        ),
        P(
            code="1.004402", name="Giải quyết hưởng trợ cấp thất nghiệp", field="Việc làm", level=TINH, province=BS,
            agency="Trung tâm Dịch vụ việc làm tỉnh Bình Sơn (Sở Nội vụ)", applicants="Người lao động đã đóng bảo hiểm thất nghiệp",
            decision=QD_LD,
            steps=[
                "Bước 1: Trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động, người lao động nộp hồ sơ tại Trung tâm Dịch vụ việc làm hoặc nộp trực tuyến.",
                "Bước 2: Trung tâm Dịch vụ việc làm kiểm tra hồ sơ, đối chiếu quá trình đóng bảo hiểm thất nghiệp.",
                "Bước 3: Trình Giám đốc Sở Nội vụ ký quyết định hưởng trợ cấp thất nghiệp; cơ quan bảo hiểm xã hội chi trả trợ cấp tháng đầu.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Đề nghị hưởng trợ cấp thất nghiệp", "01 bản chính", "Mẫu số 03 ban hành kèm theo Thông tư của Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
                gt("Bản chính hoặc bản sao có chứng thực của một trong các giấy tờ xác nhận việc chấm dứt hợp đồng lao động hoặc hợp đồng làm việc", "01 bản chính hoặc bản sao có chứng thực"),
                gt("Sổ bảo hiểm xã hội", "01 bản chính"),
            ],
            result="Quyết định về việc hưởng trợ cấp thất nghiệp.",
            requirements=[
                "Đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong thời gian 24 tháng trước khi chấm dứt hợp đồng lao động.",
                "Chưa tìm được việc làm sau 15 ngày kể từ ngày nộp hồ sơ hưởng trợ cấp thất nghiệp.",
            ],
            legal_basis=lb("vieclam", "nd28", "nd61"),
        ),
        P(
            code="1.004403", name="Đăng ký nội quy lao động của doanh nghiệp", field="Lao động", level=TINH, province=BS,
            agency="Sở Nội vụ tỉnh Bình Sơn", applicants="Người sử dụng lao động sử dụng từ 10 người lao động trở lên", decision=QD_LD,
            steps=buoc_mot_cua(
                "Sở Nội vụ",
                "Sở Nội vụ xem xét nội quy lao động; trường hợp có quy định trái pháp luật thì thông báo, hướng dẫn người sử dụng lao động sửa đổi, bổ sung và đăng ký lại.",
            ),
            channels=kenh("TT,TTu,BC", tg(7, "07 ngày làm việc kể từ ngày nhận đủ hồ sơ"), phi(0, "Không")),
            documents=[
                gt("Văn bản đề nghị đăng ký nội quy lao động", "01 bản chính"),
                gt("Nội quy lao động", "01 bản chính"),
                gt("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)", "01 bản sao"),
                gt("Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, trách nhiệm vật chất (nếu có)", "01 bản sao"),
                gt("Giấy tờ khác theo yêu cầu của cơ quan quản lý nhà nước về lao động", "Theo yêu cầu"),
            ],
            result="Văn bản xác nhận đăng ký nội quy lao động.",
            requirements=[],
            legal_basis=lb("blld", "nd145"),
        ),
        P(
            code="1.004501", name=TRO_CAP_NAME, field="Bảo trợ xã hội", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Đối tượng bảo trợ xã hội hoặc người giám hộ, người thân", decision=QD_BTXH,
            steps=[
                "Bước 1: Đối tượng hoặc người giám hộ nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã hoặc nộp trực tuyến.",
                "Bước 2: Công chức văn hóa - xã hội tiếp nhận, kiểm tra; Hội đồng xét duyệt trợ giúp xã hội cấp xã họp xét duyệt và niêm yết công khai kết quả trong 02 ngày làm việc.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã quyết định trợ cấp xã hội hằng tháng; trường hợp không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Tờ khai đề nghị trợ giúp xã hội", "01 bản chính", "Mẫu số 1a, 1b, 1c, 1d, 1đ ban hành kèm theo Nghị định số 20/2021/NĐ-CP"),
                gt("Bản sao giấy khai sinh của trẻ em (đối với trường hợp trợ cấp xã hội đối với trẻ em)", "01 bản sao"),
                gt("Bản sao căn cước công dân của đối tượng", "01 bản sao"),
                gt("Giấy xác nhận khuyết tật (đối với người khuyết tật)", "01 bản sao"),
                gt("Bản sao quyết định của tòa án tuyên bố người mất tích (nếu có)", "01 bản sao"),
            ],
            result="Quyết định trợ cấp xã hội hằng tháng của Chủ tịch Ủy ban nhân dân cấp xã.",
            requirements=["Đối tượng thuộc diện hưởng trợ cấp xã hội hằng tháng theo Nghị định số 20/2021/NĐ-CP."],
            legal_basis=lb("nd20"),
        ),
        P(
            code="1.004502", name="Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", field="Bảo trợ xã hội", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cơ quan, tổ chức, gia đình hoặc cá nhân tổ chức mai táng", decision=QD_BTXH,
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã nơi đối tượng cư trú",
                "Chủ tịch Ủy ban nhân dân cấp xã xem xét, quyết định hỗ trợ chi phí mai táng.",
            ),
            channels=kenh("TT,TTu,BC", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Tờ khai đề nghị hỗ trợ chi phí mai táng", "01 bản chính", "Mẫu số 04 ban hành kèm theo Nghị định số 20/2021/NĐ-CP"),
                gt("Bản sao trích lục khai tử", "01 bản sao"),
                gt("Bản sao quyết định hưởng trợ cấp xã hội của người đã chết", "01 bản sao"),
            ],
            result="Quyết định hỗ trợ chi phí mai táng.",
            requirements=[],
            legal_basis=lb("nd20"),
        ),
        P(
            code="1.004503", name="Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", field="Bảo trợ xã hội",
            level=XA, province=BS, agency=UBND_XA_BS, applicants="Hộ gia đình có nhà ở bị đổ, sập, hư hỏng nặng do thiên tai, hỏa hoạn",
            decision=QD_BTXH,
            steps=buoc_mot_cua(
                "Ủy ban nhân dân cấp xã",
                "Ủy ban nhân dân cấp xã tổ chức xác minh thiệt hại về nhà ở, niêm yết công khai danh sách và Chủ tịch Ủy ban nhân dân cấp xã quyết định hỗ trợ.",
            ),
            channels=kenh("TT,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Tờ khai đề nghị hỗ trợ về nhà ở", "01 bản chính", "Mẫu số 05 ban hành kèm theo Nghị định số 20/2021/NĐ-CP"),
            ],
            result="Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở.",
            requirements=["Nhà ở bị đổ, sập, trôi, cháy hoàn toàn hoặc hư hỏng nặng do thiên tai, hỏa hoạn mà không còn nơi ở."],
            legal_basis=[],
        ),
        P(
            code="1.004504", name="Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", field="Bảo trợ xã hội",
            level=XA, province=BS, agency=UBND_XA_BS, applicants="Người khuyết tật hoặc người đại diện hợp pháp", decision=QD_BTXH,
            steps=[
                "Bước 1: Người đề nghị nộp đơn tại Ủy ban nhân dân cấp xã nơi người khuyết tật cư trú.",
                "Bước 2: Chủ tịch Ủy ban nhân dân cấp xã triệu tập Hội đồng xác định mức độ khuyết tật; Hội đồng tổ chức quan sát, phỏng vấn người khuyết tật.",
                "Bước 3: Niêm yết, thông báo công khai kết luận của Hội đồng và cấp Giấy xác nhận khuyết tật.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đơn", "days"), phi(0, "Không")),
            documents=[
                gt("Đơn đề nghị xác định mức độ khuyết tật", "01 bản chính", "Mẫu số 01 ban hành kèm theo Thông tư số 01/2019/TT-BLĐTBXH"),
                gt("Bản sao các giấy tờ y tế chứng minh về khuyết tật: bệnh án, giấy tờ khám, điều trị, phẫu thuật (nếu có)", "01 bản sao"),
                gt("Bản sao kết luận của Hội đồng Giám định y khoa về khả năng tự phục vụ, mức độ suy giảm khả năng lao động (nếu có)", "01 bản sao"),
            ],
            result="Giấy xác nhận khuyết tật.",
            requirements=[],
            legal_basis=lb("nkt", "nd28_12", "tt01_19"),
        ),
        P(
            code="1.004601", name="Chuyển trường đối với học sinh trung học cơ sở", field="Giáo dục trung học", level=XA, province=BS,
            agency="Hiệu trưởng trường trung học cơ sở nơi chuyển đến; Ủy ban nhân dân cấp xã (tỉnh Bình Sơn)",
            applicants="Học sinh trung học cơ sở và cha, mẹ hoặc người giám hộ", decision=QD_GD,
            steps=[
                "Bước 1: Cha, mẹ hoặc người giám hộ nộp hồ sơ cho nhà trường nơi chuyển đến.",
                "Bước 2: Hiệu trưởng nhà trường nơi chuyển đến tiếp nhận và xếp học sinh vào lớp; trường hợp chuyển trường từ tỉnh khác thì có ý kiến đồng ý của Ủy ban nhân dân cấp xã.",
                "Bước 3: Nhà trường nơi chuyển đến thông báo kết quả cho gia đình học sinh.",
            ],
            channels=kenh("TT", tg(3, "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Đơn xin chuyển trường do cha, mẹ hoặc người giám hộ ký", "01 bản chính"),
                gt("Học bạ (bản chính)", "01 bản chính"),
                gt("Giấy giới thiệu chuyển trường do hiệu trưởng nhà trường nơi đi cấp", "01 bản chính"),
                gt("Bản sao giấy khai sinh của học sinh", "01 bản sao"),
            ],
            result="Học sinh được tiếp nhận vào học tại trường nơi chuyển đến.",
            requirements=[],
            legal_basis=lb("giaoduc", "tt32"),
        ),
        P(
            code="1.004602", name="Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", field="Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân",
            level=TINH, province=BS, agency="Sở Giáo dục và Đào tạo tỉnh Bình Sơn",
            applicants="Trung tâm ngoại ngữ, tin học đã được thành lập hoặc cho phép thành lập", decision=QD_GD,
            steps=buoc_mot_cua(
                "Sở Giáo dục và Đào tạo",
                "Sở Giáo dục và Đào tạo thẩm định hồ sơ, kiểm tra thực tế tại trung tâm; Giám đốc Sở ra quyết định cho phép hoạt động giáo dục.",
            ),
            channels=kenh("TT,TTu,BC", None, phi(0, "Không")),
            documents=[
                gt("Tờ trình đề nghị cho phép hoạt động giáo dục", "01 bản chính"),
                gt("Bản sao quyết định thành lập hoặc cho phép thành lập trung tâm", "01 bản sao"),
                gt("Danh sách đội ngũ giáo viên kèm bản sao văn bằng, chứng chỉ", "01 bản chính"),
                gt("Chương trình, tài liệu giảng dạy", "01 bản chính"),
                gt("Bản sao giấy chứng nhận quyền sử dụng đất hoặc hợp đồng thuê địa điểm", "01 bản sao"),
            ],
            result="Quyết định cho phép hoạt động giáo dục.",
            requirements=["Có đội ngũ giáo viên, cơ sở vật chất, chương trình giảng dạy đáp ứng yêu cầu của Nghị định số 125/2024/NĐ-CP."],
            legal_basis=lb("giaoduc", "nd125"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 5: bổ sung (a later decision that publishes one procedure a second time)
# ---------------------------------------------------------------------------------------------

QD_BS = "Quyết định số 1560/QĐ-UBND ngày 06/10/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"


def bo_sung() -> list[Procedure]:
    """A later publication: the social-allowance procedure again, plus two new ones."""
    return [
        P(
            code="1.004599", name="Thực hiện trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng đối với đối tượng bảo trợ xã hội",
            field="Bảo trợ xã hội", level=XA, province=BS, agency="UBND cấp xã (tỉnh Bình Sơn)",
            applicants="Đối tượng bảo trợ xã hội hoặc người giám hộ, người thân", decision=QD_BS,
            steps=[
                "Bước 1: Đối tượng hoặc người giám hộ nộp hồ sơ tại Bộ phận Một cửa của UBND cấp xã hoặc nộp trực tuyến.",
                "Bước 2: Công chức văn hóa - xã hội tiếp nhận, kiểm tra; Hội đồng xét duyệt trợ giúp xã hội cấp xã họp xét duyệt, niêm yết công khai kết quả trong 02 ngày làm việc.",
                "Bước 3: Chủ tịch UBND cấp xã quyết định trợ cấp xã hội hằng tháng; trường hợp không đủ điều kiện thì trả lời bằng văn bản, nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Tờ khai đề nghị trợ giúp xã hội", "01 bản chính", "Mẫu số 1a, 1b, 1c, 1d, 1đ ban hành kèm theo Nghị định số 20/2021/NĐ-CP"),
                gt("Giay xac nhan khuyet tat (doi voi nguoi khuyet tat)", "01 bản sao"),
                gt("Bản sao căn cước công dân của đối tượng", "01 bản sao"),
                gt("Bản sao giấy khai sinh của trẻ em (đối với trường hợp trợ cấp xã hội đối với trẻ em)", "01 bản sao"),
                gt("Bản sao quyết định của tòa án tuyên bố người mất tích (nếu có)", "01 bản sao"),
            ],
            result="Quyết định trợ cấp xã hội hằng tháng của Chủ tịch UBND cấp xã.",
            requirements=["Đối tượng thuộc diện hưởng trợ cấp xã hội hằng tháng theo Nghị định số 20/2021/NĐ-CP."],
            legal_basis=lb("nd20"),
        ),
        P(
            code="1.004603", name="Hỗ trợ ăn trưa đối với trẻ em mẫu giáo", field="Giáo dục mầm non", level=XA, province=BS,
            agency=UBND_XA_BS, applicants="Cha, mẹ hoặc người chăm sóc trẻ em mẫu giáo thuộc diện được hỗ trợ", decision=QD_BS,
            steps=[
                "Bước 1: Cha, mẹ hoặc người chăm sóc trẻ nộp hồ sơ cho cơ sở giáo dục mầm non trong thời hạn 20 ngày kể từ ngày khai giảng năm học.",
                "Bước 2: Cơ sở giáo dục mầm non lập danh sách trẻ em được hỗ trợ, gửi Ủy ban nhân dân cấp xã.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã phê duyệt danh sách và thông báo kết quả.",
            ],
            channels=kenh("TT,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Đơn đề nghị hỗ trợ ăn trưa", "01 bản chính", "Mẫu ban hành kèm theo Nghị định số 105/2020/NĐ-CP"),
                gt("Bản sao giấy khai sinh của trẻ em", "01 bản sao"),
                gt("Giấy xác nhận hộ nghèo, hộ cận nghèo do Ủy ban nhân dân cấp xã cấp (nếu có)", "01 bản sao"),
            ],
            result="Quyết định phê duyệt danh sách trẻ em được hỗ trợ ăn trưa.",
            requirements=["Trẻ em mẫu giáo thuộc hộ nghèo, hộ cận nghèo hoặc ở thôn đặc biệt khó khăn."],
            legal_basis=lb("giaoduc", "nd105_20"),
        ),
        P(
            code="1.004505", name="Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập", field="Bảo trợ xã hội",
            level=TINH, province=BS, agency="Sở Y tế tỉnh Bình Sơn", applicants="Tổ chức, cá nhân thành lập cơ sở trợ giúp xã hội",
            decision=QD_BS,
            steps=buoc_mot_cua(
                "Sở Y tế",
                "Sở Y tế thẩm định hồ sơ, kiểm tra điều kiện thành lập và cấp Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội", "01 bản chính", "Mẫu số 01 ban hành kèm theo Nghị định số 103/2017/NĐ-CP"),
                gt("Dự thảo quy chế hoạt động của cơ sở", "01 bản chính"),
                gt("Bản sao giấy chứng nhận quyền sử dụng đất hoặc hợp đồng thuê trụ sở", "01 bản sao"),
                gt("Phiếu lý lịch tư pháp của người đứng đầu cơ sở", "01 bản chính"),
            ],
            result="Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội.",
            requirements=["Có cơ sở vật chất, nhân viên và quy chế hoạt động đáp ứng tiêu chuẩn của Nghị định số 103/2017/NĐ-CP."],
            legal_basis=lb("nd103"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 6: cấp bộ (central procedures)
# ---------------------------------------------------------------------------------------------


def cap_bo() -> list[Procedure]:
    """Central-level (ministry) procedures."""
    return [
        P(
            code="1.002051", name="Cấp giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
            field="Quản lý lao động ngoài nước", level=BO, agency="Bộ Nội vụ (Cục Quản lý lao động ngoài nước)",
            applicants="Doanh nghiệp", decision="Quyết định số 640/QĐ-BNV ngày 25/7/2025 của Bộ trưởng Bộ Nội vụ",
            steps=[
                "Bước 1: Doanh nghiệp nộp hồ sơ trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến đến Cục Quản lý lao động ngoài nước.",
                "Bước 2: Cục Quản lý lao động ngoài nước thẩm định hồ sơ, kiểm tra cơ sở vật chất của doanh nghiệp.",
                "Bước 3: Bộ trưởng Bộ Nội vụ cấp giấy phép; trường hợp không cấp thì trả lời bằng văn bản và nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(5000000, "Phí thẩm định cấp giấy phép: 5.000.000 đồng/giấy phép")),
            documents=[
                gt("Văn bản đề nghị cấp giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài", "01 bản chính", "Mẫu số 01 Phụ lục ban hành kèm theo Nghị định số 112/2021/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao"),
                gt("Giấy xác nhận ký quỹ hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài", "01 bản chính"),
                gt("Đề án hoạt động đưa người lao động đi làm việc ở nước ngoài", "01 bản chính"),
                gt("Phiếu lý lịch tư pháp số 1 của người đại diện theo pháp luật của doanh nghiệp", "01 bản chính"),
            ],
            result="Giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.",
            requirements=["Có vốn điều lệ từ 05 tỷ đồng trở lên; đã ký quỹ 01 tỷ đồng; người đại diện theo pháp luật có trình độ từ đại học trở lên."],
            legal_basis=lb("xkld", "nd112"),
        ),
        P(
            code="1.002061", name="Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", field="Quản lý văn bằng, chứng chỉ",
            level=BO, agency="Bộ Giáo dục và Đào tạo (Cục Quản lý chất lượng)",
            applicants="Người có văn bằng do cơ sở giáo dục nước ngoài cấp",
            decision="Quyết định số 1980/QĐ-BGDĐT ngày 15/7/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo",
            steps=[
                "Bước 1: Người đề nghị nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, qua bưu chính hoặc trực tiếp tại Cục Quản lý chất lượng.",
                "Bước 2: Cục Quản lý chất lượng kiểm tra hồ sơ; đối với văn bằng chưa có thông tin kiểm định thì xác minh với cơ sở giáo dục nước ngoài.",
                "Bước 3: Cấp văn bản công nhận văn bằng; trường hợp không công nhận thì trả lời bằng văn bản, nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Đơn đề nghị công nhận văn bằng", "01 bản chính", "Mẫu ban hành kèm theo Thông tư số 13/2021/TT-BGDĐT"),
                gt("Bản sao văn bằng đề nghị công nhận kèm theo bản dịch sang tiếng Việt được chứng thực", "01 bản sao"),
                gt("Bản sao có chứng thực phụ lục văn bằng hoặc bảng kết quả học tập", "01 bản sao có chứng thực"),
                gt("Bản sao căn cước công dân hoặc hộ chiếu của người đề nghị", "01 bản sao"),
                gt("Văn bản ủy quyền xác minh thông tin văn bằng", "01 bản chính"),
            ],
            result="Văn bản công nhận văn bằng.",
            requirements=["Chương trình đào tạo đã được kiểm định chất lượng hoặc cơ sở giáo dục nước ngoài được cơ quan có thẩm quyền của nước đó cho phép hoạt động."],
            legal_basis=lb("giaoduc", "tt13"),
        ),
        P(
            code="1.002071", name="Cấp Giấy phép kinh doanh dịch vụ lữ hành quốc tế", field="Du lịch", level=BO,
            agency="Cục Du lịch Quốc gia Việt Nam (Bộ Văn hóa, Thể thao và Du lịch)", applicants="Doanh nghiệp",
            decision="Quyết định số 2234/QĐ-BVHTTDL ngày 18/7/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
            steps=[
                "Bước 1: Doanh nghiệp nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến đến Cục Du lịch Quốc gia Việt Nam.",
                "Bước 2: Cục Du lịch Quốc gia Việt Nam thẩm định hồ sơ.",
                "Bước 3: Cấp Giấy phép kinh doanh dịch vụ lữ hành quốc tế và thông báo cho cơ quan chuyên môn về du lịch cấp tỉnh nơi doanh nghiệp có trụ sở.",
            ],
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(3000000, "Phí thẩm định: 3.000.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành quốc tế", "01 bản chính", "Mẫu số 03 Phụ lục II ban hành kèm theo Thông tư số 06/2017/TT-BVHTTDL"),
                gt("Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao có chứng thực"),
                gt("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành", "01 bản chính"),
                gt("Bản sao có chứng thực quyết định bổ nhiệm hoặc hợp đồng lao động giữa doanh nghiệp với người phụ trách kinh doanh dịch vụ lữ hành", "01 bản sao có chứng thực"),
                gt("Bản sao có chứng thực văn bằng, chứng chỉ của người phụ trách kinh doanh dịch vụ lữ hành", "01 bản sao có chứng thực"),
            ],
            result="Giấy phép kinh doanh dịch vụ lữ hành quốc tế.",
            requirements=["Ký quỹ kinh doanh dịch vụ lữ hành tại ngân hàng; người phụ trách kinh doanh có trình độ và chứng chỉ nghiệp vụ điều hành du lịch quốc tế."],
            legal_basis=lb("dulich", "nd168_17", "tt06_17", "tt33"),
        ),
        P(
            code="1.002081", name="Cấp Giấy phép vận tải đường bộ quốc tế ASEAN", field="Đường bộ", level=BO,
            agency="Cục Đường bộ Việt Nam (Bộ Xây dựng)", applicants="Doanh nghiệp, hợp tác xã kinh doanh vận tải",
            decision="Quyết định số 905/QĐ-BXD ngày 22/7/2025 của Bộ trưởng Bộ Xây dựng",
            steps=[
                "Bước 1: Doanh nghiệp, hợp tác xã nộp hồ sơ đến Cục Đường bộ Việt Nam.",
                "Bước 2: Cục Đường bộ Việt Nam thẩm định hồ sơ.",
                "Bước 3: Cấp Giấy phép vận tải đường bộ quốc tế ASEAN; trường hợp không cấp thì trả lời bằng văn bản.",
            ],
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Giấy đề nghị cấp Giấy phép vận tải đường bộ quốc tế ASEAN", "01 bản chính", "Mẫu ban hành kèm theo Nghị định số 119/2021/NĐ-CP"),
                gt("Bản sao Giấy phép kinh doanh vận tải bằng xe ô tô", "01 bản sao"),
                gt("Phương án kinh doanh vận tải đường bộ quốc tế", "01 bản chính"),
            ],
            result="Giấy phép vận tải đường bộ quốc tế ASEAN.",
            requirements=["Có Giấy phép kinh doanh vận tải bằng xe ô tô với loại hình phù hợp."],
            legal_basis=lb("duongbo", "nd119"),
        ),
        P(
            code="1.002091", name="Cấp chứng chỉ hành nghề hoạt động xây dựng hạng I", field="Quản lý năng lực hoạt động xây dựng", level=BO,
            agency="Bộ Xây dựng (Cục Kinh tế - Quản lý đầu tư xây dựng)", applicants="Cá nhân hoạt động xây dựng",
            decision="Quyết định số 905/QĐ-BXD ngày 22/7/2025 của Bộ trưởng Bộ Xây dựng",
            steps=[
                "Bước 1: Cá nhân nộp hồ sơ trực tuyến hoặc trực tiếp, qua bưu chính đến Bộ Xây dựng.",
                "Bước 2: Cơ quan cấp chứng chỉ kiểm tra hồ sơ; tổ chức sát hạch kiến thức chuyên môn và pháp luật.",
                "Bước 3: Hội đồng xét cấp chứng chỉ hành nghề xem xét; Bộ Xây dựng cấp chứng chỉ hành nghề.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(300000, "Lệ phí cấp chứng chỉ: 300.000 đồng/chứng chỉ")),
            documents=[
                gt("Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng", "01 bản chính", "Mẫu số 01 Phụ lục IV ban hành kèm theo Nghị định số 175/2024/NĐ-CP"),
                gt("01 ảnh màu cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng", "01 ảnh"),
                gt("Bản sao văn bằng do cơ sở đào tạo hợp pháp cấp phù hợp với lĩnh vực đề nghị cấp chứng chỉ", "01 bản sao"),
                gt("Bản khai kinh nghiệm làm việc chuyên môn", "01 bản chính", "Mẫu số 02 Phụ lục IV"),
                gt("Căn cước công dân của người đề nghị", "01 bản sao"),
            ],
            result="Chứng chỉ hành nghề hoạt động xây dựng hạng I (thời hạn 05 năm).",
            requirements=["Có trình độ đại học trở lên thuộc chuyên ngành phù hợp; có ít nhất 07 năm kinh nghiệm; đạt yêu cầu sát hạch."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt38"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# JSON file 7: đường bộ, thể thao, công chứng (Bình Sơn)
# ---------------------------------------------------------------------------------------------


def giao_thong_the_thao_cong_chung() -> list[Procedure]:
    """Three more provincial procedures of Bình Sơn."""
    return [
        P(
            code="1.004731", name="Cấp phép thi công công trình trên đường bộ đang khai thác", field="Đường bộ",
            level=TINH, province=BS, agency=SXD, applicants="Tổ chức, cá nhân là chủ đầu tư hoặc nhà thầu thi công",
            decision="Quyết định số 1343/QĐ-UBND ngày 08/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Sở Xây dựng",
                "Sở Xây dựng thẩm định hồ sơ, kiểm tra hiện trường và cấp giấy phép thi công; trường hợp không cấp thì trả lời bằng văn bản, nêu rõ lý do.",
            ),
            channels=kenh("TT,TTu,BC", tg(7, "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Đơn đề nghị cấp phép thi công", "01 bản chính", "Mẫu ban hành kèm theo Thông tư của Bộ trưởng Bộ Giao thông vận tải"),
                gt("Bản sao văn bản chấp thuận xây dựng công trình thiết yếu của cơ quan có thẩm quyền", "01 bản sao"),
                gt("Hồ sơ thiết kế bản vẽ thi công, biện pháp tổ chức thi công bảo đảm an toàn giao thông", "01 bản chính"),
            ],
            result="Giấy phép thi công công trình trên đường bộ đang khai thác.",
            requirements=["Có văn bản chấp thuận xây dựng công trình thiết yếu còn hiệu lực."],
            legal_basis=lb("duongbo"),
        ),
        P(
            code="1.004901", name="Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", field="Thể dục thể thao",
            level=TINH, province=BS, agency="Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Sơn",
            applicants="Doanh nghiệp, hộ kinh doanh kinh doanh hoạt động thể thao",
            decision="Quyết định số 1344/QĐ-UBND ngày 09/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, kiểm tra điều kiện cơ sở vật chất, trang thiết bị và cấp Giấy chứng nhận.",
            ),
            channels=kenh("TT,TTu,BC", tg(7, "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(500000, "Phí thẩm định: 500.000 đồng/hồ sơ")),
            documents=[
                gt("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "01 bản chính", "Mẫu số 02 Phụ lục ban hành kèm theo Nghị định số 36/2019/NĐ-CP"),
                gt("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh (cơ sở vật chất, trang thiết bị, nhân viên chuyên môn)", "01 bản chính"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", "01 bản sao"),
            ],
            result="Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao.",
            requirements=["Có cơ sở vật chất, trang thiết bị thể thao và nhân viên chuyên môn đáp ứng yêu cầu của môn thể thao kinh doanh."],
            legal_basis=[cc("77/2006/QH11", "Luật Thể dục, thể thao", "29/11/2006"), cc("36/2019/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao", "29/4/2019")],
        ),
        P(
            code="2.000801", name="Đăng ký hoạt động Văn phòng công chứng", field="Công chứng", level=TINH, province=BS,
            agency="Sở Tư pháp tỉnh Bình Sơn", applicants="Văn phòng công chứng đã có quyết định cho phép thành lập",
            decision="Quyết định số 1126/QĐ-UBND ngày 14/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn",
            steps=buoc_mot_cua(
                "Sở Tư pháp",
                "Sở Tư pháp kiểm tra hồ sơ, cấp Giấy đăng ký hoạt động cho Văn phòng công chứng và cấp Thẻ công chứng viên cho các công chứng viên.",
            ),
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1000000, "Phí thẩm định điều kiện hoạt động: 1.000.000 đồng/hồ sơ")),
            documents=[
                gt("Đơn đăng ký hoạt động Văn phòng công chứng", "01 bản chính", "Mẫu TP-CC-07"),
                gt("Bản sao quyết định cho phép thành lập Văn phòng công chứng", "01 bản sao"),
                gt("Giấy tờ chứng minh về trụ sở của Văn phòng công chứng", "01 bản sao"),
                gt("Hồ sơ đăng ký hành nghề của các công chứng viên hợp danh và công chứng viên làm việc theo chế độ hợp đồng", "01 bộ"),
            ],
            result="Giấy đăng ký hoạt động Văn phòng công chứng.",
            requirements=["Văn phòng công chứng phải đăng ký hoạt động trong thời hạn 90 ngày kể từ ngày quyết định cho phép thành lập có hiệu lực."],
            legal_basis=[cc("46/2024/QH15", "Luật Công chứng", "26/11/2024")],
        ),
    ]


# ---------------------------------------------------------------------------------------------
# DOCX: Quyết định công bố của tỉnh Bình Sơn (Sở Xây dựng) — 9 procedures
# ---------------------------------------------------------------------------------------------

QD_XD = "Quyết định số 1342/QĐ-UBND ngày 08/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn"
SXD = "Sở Xây dựng tỉnh Bình Sơn"
GPXD_STEPS = [
    "Bước 1: Chủ đầu tư nộp hồ sơ tại Bộ phận Một cửa của Sở Xây dựng hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Bước 2: Sở Xây dựng kiểm tra hồ sơ; trường hợp hồ sơ chưa đầy đủ thì thông báo một lần bằng văn bản để chủ đầu tư bổ sung.",
    "Bước 3: Sở Xây dựng thẩm định hồ sơ, kiểm tra thực địa và lấy ý kiến các cơ quan quản lý nhà nước có liên quan.",
    "Bước 4: Giám đốc Sở Xây dựng ký giấy phép; trả kết quả cho chủ đầu tư.",
]
# procedures whose "Cách thức thực hiện" is written as a DOCX table
TABLE_CODES = {"1.004701", "1.004702", "1.004711", "1.004712", "1.004721"}


def docx_xay_dung() -> list[Procedure]:
    """Procedures published in the DOCX decision (construction and roads)."""
    fam_app = "Chủ đầu tư (tổ chức, cá nhân) xây dựng công trình"
    return [
        P(
            code="1.004701", name="Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III", field="Hoạt động xây dựng",
            level=TINH, province=BS, agency=SXD, applicants=fam_app, decision=QD_XD, steps=GPXD_STEPS,
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(150000, "Lệ phí: 150.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp giấy phép xây dựng", "01 bản chính", "Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản sao Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ hợp pháp về đất đai", "01 bản sao"),
                gt("Bản sao quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng", "01 bản sao"),
                gt("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)", "02 bộ"),
                gt("Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế", "01 bản chính"),
            ],
            result="Giấy phép xây dựng.",
            requirements=["Phù hợp với quy hoạch xây dựng, quy hoạch có tính chất kỹ thuật chuyên ngành; bảo đảm an toàn cho công trình và công trình lân cận."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
        P(
            code="1.004702", name="Điều chỉnh giấy phép xây dựng đối với công trình cấp II, cấp III", field="Hoạt động xây dựng",
            level=TINH, province=BS, agency=SXD, applicants=fam_app, decision=QD_XD, steps=GPXD_STEPS,
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(150000, "Lệ phí: 150.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị điều chỉnh giấy phép xây dựng", "01 bản chính", "Mẫu số 02 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản chính giấy phép xây dựng đã được cấp", "01 bản chính"),
                gt("Bản vẽ thiết kế xây dựng phần điều chỉnh", "02 bộ"),
                gt("Bản sao văn bản thông báo kết quả thẩm định thiết kế điều chỉnh của cơ quan chuyên môn về xây dựng", "01 bản sao"),
            ],
            result="Giấy phép xây dựng điều chỉnh.",
            requirements=["Có thay đổi về vị trí, quy mô, công năng hoặc kết cấu chịu lực của công trình so với giấy phép đã cấp."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
        P(
            code="1.004703", name="Gia hạn giấy phép xây dựng đối với công trình cấp II, cấp III", field="Hoạt động xây dựng",
            level=TINH, province=BS, agency=SXD, applicants=fam_app, decision=QD_XD, steps=GPXD_STEPS,
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(15000, "Lệ phí: 15.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị gia hạn giấy phép xây dựng", "01 bản chính", "Mẫu số 02 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản chính giấy phép xây dựng đã được cấp", "01 bản chính"),
            ],
            result="Giấy phép xây dựng được gia hạn (mỗi lần gia hạn 12 tháng).",
            requirements=["Giấy phép còn hiệu lực nhưng công trình chưa được khởi công; mỗi giấy phép chỉ được gia hạn tối đa 02 lần."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
        P(
            code="1.004704", name="Cấp lại giấy phép xây dựng đối với công trình cấp II, cấp III", field="Hoạt động xây dựng",
            level=TINH, province=BS, agency=SXD, applicants=fam_app, decision=QD_XD, steps=GPXD_STEPS,
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(15000, "Lệ phí: 15.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp lại giấy phép xây dựng, trong đó giải trình rõ lý do đề nghị cấp lại", "01 bản chính", "Mẫu số 02 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản chính giấy phép xây dựng đã được cấp (đối với trường hợp bị rách, nát)", "01 bản chính"),
            ],
            result="Giấy phép xây dựng được cấp lại.",
            requirements=["Giấy phép xây dựng bị rách, nát hoặc bị mất."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
        P(
            code="1.004705", name="Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", field="Quản lý năng lực hoạt động xây dựng",
            level=TINH, province=BS, agency=SXD, applicants="Cá nhân hoạt động xây dựng", decision=QD_XD,
            steps=[
                "Bước 1: Cá nhân nộp hồ sơ trực tuyến, trực tiếp hoặc qua bưu chính đến Sở Xây dựng.",
                "Bước 2: Sở Xây dựng kiểm tra hồ sơ và tổ chức sát hạch kiến thức chuyên môn, pháp luật.",
                "Bước 3: Hội đồng xét cấp chứng chỉ hành nghề xem xét; Giám đốc Sở Xây dựng cấp chứng chỉ hành nghề.",
            ],
            channels=kenh("TT,TTu,BC", tg(20, "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(300000, "Lệ phí cấp chứng chỉ: 300.000 đồng/chứng chỉ")),
            documents=[
                gt("Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng", "01 bản chính", "Mẫu số 01 Phụ lục IV Nghị định số 175/2024/NĐ-CP"),
                gt("01 ảnh màu cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng", "01 ảnh"),
                gt("Bản sao văn bằng do cơ sở đào tạo hợp pháp cấp phù hợp với lĩnh vực đề nghị cấp chứng chỉ", "01 bản sao"),
                gt("Bản khai kinh nghiệm làm việc chuyên môn", "01 bản chính", "Mẫu số 02 Phụ lục IV"),
                gt("Căn cước công dân của người đề nghị", "01 bản sao"),
            ],
            result="Chứng chỉ hành nghề hoạt động xây dựng hạng II hoặc hạng III (thời hạn 05 năm).",
            requirements=["Có trình độ chuyên môn phù hợp; hạng II có ít nhất 04 năm, hạng III có ít nhất 02 năm kinh nghiệm; đạt yêu cầu sát hạch."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt38"),
        ),
        P(
            code="1.004711", name="Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", field="Đường bộ", level=TINH, province=BS,
            agency=SXD, applicants="Doanh nghiệp, hợp tác xã, hộ kinh doanh vận tải", decision=QD_XD,
            steps=[
                "Bước 1: Đơn vị kinh doanh vận tải nộp hồ sơ tại Sở Xây dựng hoặc nộp trực tuyến.",
                "Bước 2: Sở Xây dựng kiểm tra, thẩm định hồ sơ.",
                "Bước 3: Cấp Giấy phép kinh doanh vận tải bằng xe ô tô; trường hợp không cấp thì trả lời bằng văn bản, nêu rõ lý do.",
            ],
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(200000, "Phí: 200.000 đồng/giấy phép")),
            documents=[
                gt("Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "01 bản chính", "Phụ lục I Nghị định số 10/2020/NĐ-CP"),
                gt("Bản sao có chứng thực Giấy chứng nhận đăng ký kinh doanh", "01 bản sao có chứng thực"),
                gt("Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải", "01 bản sao"),
                gt("Phương án kinh doanh vận tải bằng xe ô tô", "01 bản chính"),
                gt("Quyết định thành lập và quy định chức năng, nhiệm vụ của bộ phận quản lý, theo dõi các điều kiện về an toàn giao thông", "01 bản sao"),
            ],
            result="Giấy phép kinh doanh vận tải bằng xe ô tô.",
            requirements=["Có phương tiện thuộc quyền sử dụng hợp pháp, người điều hành vận tải đáp ứng trình độ theo quy định."],
            legal_basis=lb("duongbo", "nd10"),
        ),
        P(
            code="1.004712", name="Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", field="Đường bộ", level=TINH, province=BS,
            agency=SXD, applicants="Cá nhân có giấy phép lái xe", decision=QD_XD,
            steps=[
                "Bước 1: Người đề nghị nộp hồ sơ tại Sở Xây dựng hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "Bước 2: Sở Xây dựng kiểm tra hồ sơ, đối chiếu dữ liệu giấy phép lái xe và chụp ảnh (đối với hồ sơ nộp trực tiếp).",
                "Bước 3: Cấp đổi giấy phép lái xe.",
            ],
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(135000, "Lệ phí: 135.000 đồng/lần cấp")),
            documents=[
                gt("Đơn đề nghị đổi giấy phép lái xe", "01 bản chính", "Mẫu ban hành kèm theo Thông tư số 35/2024/TT-BGTVT"),
                gt("Bản sao giấy phép lái xe sắp hết hạn hoặc bị hỏng", "01 bản sao"),
                gt("Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp", "01 bản chính"),
                gt("Bản sao căn cước công dân hoặc hộ chiếu còn thời hạn", "01 bản sao"),
            ],
            result="Giấy phép lái xe (đổi).",
            requirements=[],
            legal_basis=lb("ttatgt", "tt35", "tt37"),
        ),
        P(
            code="1.004721", name="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", field="Hoạt động xây dựng", level=XA,
            province=BS, agency=UBND_XA_BS, applicants="Hộ gia đình, cá nhân xây dựng nhà ở riêng lẻ", decision=QD_XD,
            steps=[
                "Bước 1: Chủ đầu tư nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã hoặc nộp trực tuyến.",
                "Bước 2: Ủy ban nhân dân cấp xã kiểm tra hồ sơ, kiểm tra thực địa.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã cấp giấy phép xây dựng.",
            ],
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(75000, "Lệ phí: 75.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp giấy phép xây dựng", "01 bản chính", "Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản sao giấy tờ chứng minh quyền sử dụng đất", "01 bản sao"),
                gt("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)", "02 bộ"),
            ],
            result="Giấy phép xây dựng nhà ở riêng lẻ.",
            requirements=["Phù hợp với quy hoạch chi tiết xây dựng và mục đích sử dụng đất."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
        P(
            code="1.004722", name="Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ", field="Hoạt động xây dựng", level=XA,
            province=BS, agency=UBND_XA_BS, applicants="Hộ gia đình, cá nhân xây dựng nhà ở riêng lẻ trong khu vực đã có quy hoạch nhưng chưa thực hiện",
            decision=QD_XD,
            steps=[
                "Bước 1: Chủ đầu tư nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã.",
                "Bước 2: Ủy ban nhân dân cấp xã kiểm tra hồ sơ, kiểm tra thực địa.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã cấp giấy phép xây dựng có thời hạn.",
            ],
            channels=kenh("TT,TTu,BC", tg(15, "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(75000, "Lệ phí: 75.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp giấy phép xây dựng có thời hạn", "01 bản chính", "Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP"),
                gt("Bản sao giấy tờ chứng minh quyền sử dụng đất", "01 bản sao"),
                gt("Bản vẽ thiết kế xây dựng", "02 bộ"),
                gt("Bản cam kết tự phá dỡ công trình khi Nhà nước thực hiện giải phóng mặt bằng", "01 bản chính"),
            ],
            result="Giấy phép xây dựng có thời hạn.",
            requirements=["Thuộc khu vực có quy hoạch phân khu được phê duyệt, công bố nhưng chưa thực hiện và chưa có quyết định thu hồi đất."],
            legal_basis=lb("xaydung", "xaydung2", "nd175", "tt85"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# PDF: Quyết định công bố của tỉnh An Lạc — 8 procedures
# ---------------------------------------------------------------------------------------------

QD_AL = "Quyết định số 2087/QĐ-UBND ngày 22/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh An Lạc"
UBND_XA_AL = "Ủy ban nhân dân cấp xã (tỉnh An Lạc)"
VHTTDL_AL = "Sở Văn hóa, Thể thao và Du lịch tỉnh An Lạc"


def pdf_an_lac() -> list[Procedure]:
    """Procedures published in the PDF decision of An Lạc province."""
    return [
        P(
            code="1.001089", name="Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
            field="Lý lịch tư pháp", level=TINH, province=AL, agency="Sở Tư pháp tỉnh An Lạc",
            applicants="Công dân Việt Nam; người nước ngoài đang cư trú tại Việt Nam", decision=QD_AL,
            steps=[
                "Bước 1: Người yêu cầu nộp Tờ khai và giấy tờ kèm theo tại Trung tâm Phục vụ hành chính công tỉnh An Lạc, qua dịch vụ bưu chính hoặc trực tuyến.",
                "Bước 2: Sở Tư pháp tra cứu Cơ sở dữ liệu lý lịch tư pháp, phối hợp với cơ quan Công an khi cần xác minh.",
                "Bước 3: Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp và trả kết quả.",
            ],
            channels=kenh("TT,TTu,BC", tg(7, "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(200000, "Phí: 200.000 đồng/lần/người; sinh viên, người có công với cách mạng: 100.000 đồng/lần/người")),
            documents=[
                gt("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu", "01 bản chính", "Mẫu số 03/2013/TT-LLTP"),
                gt("Bản chụp căn cước công dân hoặc hộ chiếu của người được cấp Phiếu lý lịch tư pháp", "01 bản chụp"),
                gt("Giấy xác nhận thông tin về cư trú của người yêu cầu", "01 bản chính"),
                gt("Văn bản ủy quyền (trường hợp ủy quyền cho người khác làm thủ tục)", "01 bản chính"),
            ],
            result="Phiếu lý lịch tư pháp số 1 hoặc số 2.",
            requirements=[],
            legal_basis=lb("lltp", "tt244"),
        ),
        P(
            code="1.004801", name="Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", field="Du lịch", level=TINH, province=AL,
            agency=VHTTDL_AL, applicants="Doanh nghiệp", decision=QD_AL,
            steps=[
                "Bước 1: Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh, qua bưu chính hoặc trực tuyến.",
                "Bước 2: Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.",
                "Bước 3: Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa; trường hợp từ chối phải trả lời bằng văn bản.",
            ],
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(3000000, "Phí thẩm định: 3.000.000 đồng/giấy phép")),
            documents=[
                gt("Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "01 bản chính", "Mẫu số 03 Phụ lục II Thông tư số 06/2017/TT-BVHTTDL"),
                gt("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao"),
                gt("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa", "01 bản chính"),
                gt("Bản sao quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành", "01 bản sao"),
                gt("Bản sao văn bằng, chứng chỉ của người phụ trách kinh doanh dịch vụ lữ hành", "01 bản sao"),
            ],
            result="Giấy phép kinh doanh dịch vụ lữ hành nội địa.",
            requirements=["Ký quỹ kinh doanh dịch vụ lữ hành nội địa tại ngân hàng."],
            legal_basis=lb("dulich", "nd168_17", "tt06_17", "tt33"),
        ),
        P(
            code="1.004802", name="Cấp thẻ hướng dẫn viên du lịch nội địa", field="Du lịch", level=TINH, province=AL,
            agency=VHTTDL_AL, applicants="Cá nhân", decision=QD_AL,
            steps=[
                "Bước 1: Người đề nghị nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc nộp trực tuyến.",
                "Bước 2: Sở Văn hóa, Thể thao và Du lịch kiểm tra hồ sơ.",
                "Bước 3: Cấp thẻ hướng dẫn viên du lịch nội địa.",
            ],
            channels=kenh("TT,TTu,BC", tg(10, "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "days"), phi(650000, "Phí thẩm định: 650.000 đồng/thẻ")),
            documents=[
                gt("Đơn đề nghị cấp thẻ hướng dẫn viên du lịch", "01 bản chính", "Mẫu số 03 Phụ lục I Thông tư số 06/2017/TT-BVHTTDL"),
                gt("Sơ yếu lý lịch có xác nhận của cơ quan, tổ chức hoặc Ủy ban nhân dân cấp xã nơi cư trú", "01 bản chính"),
                gt("Bản sao có chứng thực văn bằng hoặc chứng chỉ nghiệp vụ hướng dẫn du lịch nội địa", "01 bản sao có chứng thực"),
                gt("Giấy chứng nhận sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp trong thời hạn không quá 06 tháng", "01 bản chính"),
                gt("02 ảnh chân dung màu cỡ 3 cm x 4 cm", "02 ảnh"),
            ],
            result="Thẻ hướng dẫn viên du lịch nội địa (thời hạn 05 năm).",
            requirements=["Có năng lực hành vi dân sự đầy đủ; không mắc bệnh truyền nhiễm; tốt nghiệp trung cấp chuyên ngành hướng dẫn du lịch trở lên hoặc có chứng chỉ nghiệp vụ."],
            legal_basis=lb("dulich", "tt06_17", "tt33"),
        ),
        P(
            code="1.004811", name="Đăng ký tổ chức lễ hội cấp tỉnh", field="Văn hóa cơ sở", level=TINH, province=AL,
            agency=VHTTDL_AL, applicants="Cơ quan, tổ chức tổ chức lễ hội", decision=QD_AL,
            steps=[
                "Bước 1: Cơ quan, tổ chức nộp hồ sơ đăng ký trước ngày tổ chức lễ hội ít nhất 30 ngày làm việc.",
                "Bước 2: Sở Văn hóa, Thể thao và Du lịch thẩm định, trình Ủy ban nhân dân tỉnh.",
                "Bước 3: Ủy ban nhân dân tỉnh có văn bản chấp thuận; trường hợp không chấp thuận phải trả lời bằng văn bản.",
            ],
            channels=kenh("TT,BC", tg(20, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(0, "Không")),
            documents=[
                gt("Văn bản đăng ký tổ chức lễ hội", "01 bản chính", "Mẫu số 01 Phụ lục Nghị định số 110/2018/NĐ-CP"),
                gt("Kế hoạch tổ chức lễ hội", "01 bản chính"),
                gt("Bản sao có chứng thực quyết định thành lập ban tổ chức lễ hội", "01 bản sao có chứng thực"),
            ],
            result="Văn bản chấp thuận tổ chức lễ hội của Ủy ban nhân dân tỉnh.",
            requirements=["Lễ hội được tổ chức lần đầu, được khôi phục sau thời gian gián đoạn hoặc có thay đổi nội dung so với truyền thống."],
            legal_basis=lb("nd110"),
        ),
        P(
            code="1.004812", name="Chấp thuận tổ chức biểu diễn nghệ thuật trên địa bàn tỉnh", field="Nghệ thuật biểu diễn",
            level=TINH, province=AL, agency=VHTTDL_AL, applicants="Tổ chức, cá nhân tổ chức biểu diễn nghệ thuật", decision=QD_AL,
            steps=[
                "Bước 1: Tổ chức, cá nhân nộp hồ sơ trước ngày dự kiến tổ chức biểu diễn ít nhất 05 ngày làm việc.",
                "Bước 2: Sở Văn hóa, Thể thao và Du lịch thẩm định nội dung chương trình.",
                "Bước 3: Ban hành văn bản chấp thuận tổ chức biểu diễn nghệ thuật.",
            ],
            channels=kenh("TT,TTu,BC", tg(5, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), phi(1500000, "Phí thẩm định chương trình: 1.500.000 đồng/chương trình (độ dài dưới 50 phút)")),
            documents=[
                gt("Văn bản đề nghị tổ chức biểu diễn nghệ thuật", "01 bản chính", "Mẫu số 01 Phụ lục Nghị định số 144/2020/NĐ-CP"),
                gt("Kịch bản, danh mục tác giả, tác phẩm, người biểu diễn", "01 bản chính"),
            ],
            result="Văn bản chấp thuận tổ chức biểu diễn nghệ thuật.",
            requirements=[],
            legal_basis=lb("nd144", "tt288"),
        ),
        P(
            code="1.004111", name="Đăng ký khai sinh", field="Hộ tịch", level=XA, province=AL, agency=UBND_XA_AL,
            applicants="Cá nhân (cha, mẹ, ông, bà hoặc người thân thích khác của trẻ em)", decision=QD_AL,
            steps=[
                "Bước 1: Người đi đăng ký khai sinh nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi nội dung khai sinh vào Sổ đăng ký khai sinh và cập nhật vào Cơ sở dữ liệu hộ tịch điện tử.",
                "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh; người đi đăng ký ký vào Sổ và nhận Giấy khai sinh.",
            ],
            channels=kenh("TT,TTu,BC", T_NGAY, phi(0, "Miễn lệ phí đăng ký khai sinh đúng hạn")),
            documents=[
                gt("Tờ khai đăng ký khai sinh theo mẫu", "01 bản chính", "Tờ khai đăng ký khai sinh (ban hành kèm theo Thông tư số 04/2020/TT-BTP)"),
                gt("Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp", "01 bản chính"),
                gt("Văn bản ủy quyền (trường hợp ủy quyền đăng ký khai sinh)", "01 bản chính"),
            ],
            result="Giấy khai sinh (bản chính).",
            requirements=[],
            legal_basis=lb("hotich", "nd123", "tt04"),
        ),
        P(
            code="1.004821", name="Thông báo tổ chức lễ hội cấp xã", field="Văn hóa cơ sở", level=XA, province=AL,
            agency=UBND_XA_AL, applicants="Ban tổ chức lễ hội, cơ quan, tổ chức", decision=QD_AL,
            steps=[
                "Bước 1: Ban tổ chức lễ hội gửi văn bản thông báo đến Ủy ban nhân dân cấp xã trước ngày tổ chức ít nhất 20 ngày làm việc.",
                "Bước 2: Ủy ban nhân dân cấp xã tiếp nhận; trường hợp không đồng ý thì trả lời bằng văn bản.",
            ],
            channels=kenh("TT,BC,TTu", tg(5, "05 ngày làm việc kể từ ngày nhận được thông báo"), phi(0, "Không")),
            documents=[
                gt("Văn bản thông báo tổ chức lễ hội", "01 bản chính", "Mẫu số 03 Phụ lục Nghị định số 110/2018/NĐ-CP"),
            ],
            result="Lễ hội được tổ chức theo thông báo (không có ý kiến khác của Ủy ban nhân dân cấp xã).",
            requirements=[],
            legal_basis=lb("nd110"),
        ),
    ]


def json_files() -> dict[str, list[Procedure]]:
    """The JSON files of the corpus, keyed by path relative to corpus/."""
    return {
        "thu-tuc/tu-phap-ho-tich.json": tu_phap(),
        "thu-tuc/dat-dai-doanh-nghiep.json": dat_dai_doanh_nghiep(),
        "thu-tuc/y-te-an-toan-thuc-pham.json": y_te_cong_thuong(),
        "thu-tuc/lao-dong-xa-hoi-giao-duc.json": lao_dong_xa_hoi_giao_duc(),
        "thu-tuc/bo-sung-qd-1560.json": bo_sung(),
        "thu-tuc/cap-bo.json": cap_bo(),
        "thu-tuc/giao-thong-the-thao-cong-chung.json": giao_thong_the_thao_cong_chung(),
    }


DOCX_PROC = "cong-bo/qd-1342-xay-dung-giao-thong-binh-son.docx"
PDF_PROC = "cong-bo/qd-2087-tu-phap-van-hoa-an-lac.pdf"


# ---------------------------------------------------------------------------------------------
# Regulations (văn bản): Chương / Điều / khoản / điểm
# ---------------------------------------------------------------------------------------------


@dataclass
class Reg:
    """A regulation to render: header lines, then chapters of articles.

    ``chapters`` is a list of (label, title, articles); an article is (number, title, clauses);
    a clause is a string or (string, [points]); points are lettered a), b), ...
    """

    path: str
    doc_number: str
    header: list[str]
    preamble: list[str]
    chapters: list[tuple[str, str, list]]
    footer: list[str] = field(default_factory=list)

    def articles(self) -> int:
        return sum(len(a) for _, _, a in self.chapters)


POINT_LETTERS = "abcdđeghiklmn"


def reg_iso() -> Reg:
    """Internal regulation: ISO 9001:2015 quality management at Sở Tư pháp Bình Sơn (DOCX)."""
    return Reg(
        path="van-ban/quy-che-iso-9001-so-tu-phap-binh-son.docx",
        doc_number="215/QĐ-STP",
        header=[
            "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
            "SỞ TƯ PHÁP",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "QUY CHẾ",
            "Áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại Sở Tư pháp tỉnh Bình Sơn",
            "(Ban hành kèm theo Quyết định số 215/QĐ-STP ngày 12/3/2025 của Giám đốc Sở Tư pháp tỉnh Bình Sơn)",
        ],
        preamble=[],
        chapters=[
            ("Chương I", "QUY ĐỊNH CHUNG", [
                ("1", "Phạm vi điều chỉnh và đối tượng áp dụng", [
                    "Quy chế này quy định việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 (sau đây gọi là Hệ thống) trong hoạt động giải quyết thủ tục hành chính và các hoạt động nội bộ của Sở Tư pháp tỉnh Bình Sơn.",
                    ("Quy chế này áp dụng đối với:", [
                        "Giám đốc, các Phó Giám đốc Sở;",
                        "Văn phòng Sở, các phòng chuyên môn, nghiệp vụ và đơn vị sự nghiệp trực thuộc Sở;",
                        "Công chức, viên chức và người lao động làm việc tại Sở.",
                    ]),
                ]),
                ("2", "Giải thích từ ngữ", [
                    "Hệ thống quản lý chất lượng là tập hợp các chính sách, mục tiêu, quy trình và nguồn lực mà Sở thiết lập để chỉ đạo và kiểm soát chất lượng giải quyết công việc.",
                    "Quy trình là tài liệu mô tả trình tự các bước, trách nhiệm, thời gian và biểu mẫu để giải quyết một thủ tục hành chính hoặc một công việc nội bộ.",
                    "Đại diện lãnh đạo về chất lượng là Phó Giám đốc Sở được Giám đốc phân công giúp Giám đốc chỉ đạo xây dựng, áp dụng, duy trì và cải tiến Hệ thống.",
                    "Sự không phù hợp là việc không đáp ứng một yêu cầu của Hệ thống, của quy trình hoặc của khách hàng, trong đó có việc giải quyết hồ sơ quá hạn.",
                ]),
                ("3", "Nguyên tắc áp dụng", [
                    "Việc xây dựng, áp dụng Hệ thống thực hiện theo Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước và mô hình khung Hệ thống ban hành kèm theo Quyết định số 101/QĐ-BKHCN ngày 21/01/2019 của Bộ trưởng Bộ Khoa học và Công nghệ.",
                    "Toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở phải được xây dựng thành quy trình và áp dụng thống nhất trong Hệ thống.",
                    "Chính sách chất lượng, mục tiêu chất lượng và các quy trình được công khai cho công chức, viên chức và tổ chức, cá nhân biết.",
                    "Ưu tiên áp dụng Hệ thống trên môi trường điện tử, kết nối với Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
                ]),
            ]),
            ("Chương II", "XÂY DỰNG, ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HỆ THỐNG", [
                ("4", "Ban Chỉ đạo ISO", [
                    ("Thành phần Ban Chỉ đạo ISO gồm:", [
                        "Trưởng ban là Giám đốc Sở;",
                        "Phó Trưởng ban thường trực là Đại diện lãnh đạo về chất lượng;",
                        "Thành viên là Chánh Văn phòng Sở, trưởng các phòng chuyên môn và thủ trưởng đơn vị sự nghiệp trực thuộc.",
                    ]),
                    ("Ban Chỉ đạo ISO có nhiệm vụ:", [
                        "Xây dựng kế hoạch xây dựng, áp dụng, duy trì và cải tiến Hệ thống hằng năm;",
                        "Tổ chức soạn thảo, rà soát chính sách chất lượng, mục tiêu chất lượng và các quy trình;",
                        "Theo dõi, đôn đốc các phòng, đơn vị thực hiện đúng quy trình đã ban hành.",
                    ]),
                ]),
                ("5", "Trách nhiệm của Giám đốc Sở", [
                    "Cam kết xây dựng, áp dụng và cải tiến thường xuyên hiệu lực của Hệ thống.",
                    "Phê duyệt chính sách chất lượng, mục tiêu chất lượng hằng năm và ban hành các quy trình của Hệ thống.",
                    "Bảo đảm nguồn lực về nhân sự, kinh phí, cơ sở vật chất cho việc áp dụng Hệ thống.",
                    "Chủ trì cuộc họp xem xét của lãnh đạo ít nhất 01 lần trong năm.",
                ]),
                ("6", "Trách nhiệm của Đại diện lãnh đạo về chất lượng", [
                    "Giúp Giám đốc chỉ đạo, điều hành việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống.",
                    ("Báo cáo Giám đốc về:", [
                        "Kết quả hoạt động của Hệ thống và mọi nhu cầu cải tiến;",
                        "Kết quả đánh giá nội bộ và việc khắc phục sự không phù hợp;",
                        "Mức độ hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục hành chính.",
                    ]),
                    "Làm đầu mối liên hệ với các cơ quan, tổ chức bên ngoài về các vấn đề liên quan đến Hệ thống.",
                ]),
                ("7", "Trách nhiệm của các phòng, đơn vị và công chức, viên chức", [
                    "Trưởng các phòng, đơn vị chịu trách nhiệm trước Giám đốc về việc áp dụng Hệ thống trong phạm vi phòng, đơn vị mình phụ trách; phân công cán bộ làm đầu mối ISO.",
                    ("Công chức, viên chức có trách nhiệm:", [
                        "Thực hiện đúng các quy trình, biểu mẫu đã được ban hành;",
                        "Ghi chép, lưu giữ đầy đủ hồ sơ công việc theo quy định;",
                        "Kịp thời báo cáo sự không phù hợp và đề xuất biện pháp cải tiến.",
                    ]),
                ]),
                ("8", "Kiểm soát tài liệu và hồ sơ", [
                    "Tài liệu của Hệ thống được đánh mã số, ghi rõ lần ban hành, ngày hiệu lực và được phê duyệt trước khi áp dụng.",
                    "Khi văn bản quy phạm pháp luật liên quan đến quy trình được sửa đổi, bổ sung hoặc thay thế, phòng chủ trì phải cập nhật quy trình trong thời hạn 15 ngày làm việc kể từ ngày văn bản có hiệu lực.",
                    "Hồ sơ của Hệ thống được lưu giữ ít nhất 03 năm, trừ trường hợp pháp luật về lưu trữ có quy định thời hạn dài hơn.",
                ]),
                ("9", "Đánh giá nội bộ và xem xét của lãnh đạo", [
                    "Việc đánh giá nội bộ được thực hiện ít nhất 01 lần trong năm, bao quát toàn bộ các quy trình thuộc phạm vi áp dụng của Hệ thống.",
                    "Chuyên gia đánh giá nội bộ phải có chứng chỉ đào tạo về đánh giá nội bộ và không đánh giá công việc của chính mình.",
                    ("Cuộc họp xem xét của lãnh đạo xem xét các nội dung:", [
                        "Kết quả thực hiện mục tiêu chất lượng;",
                        "Kết quả đánh giá nội bộ và ý kiến phản hồi của tổ chức, cá nhân;",
                        "Các cơ hội cải tiến và nhu cầu thay đổi Hệ thống.",
                    ]),
                    "Hành động khắc phục sự không phù hợp phải được hoàn thành trong thời hạn 15 ngày làm việc kể từ ngày phát hiện, trừ trường hợp Giám đốc quyết định thời hạn khác.",
                ]),
                ("10", "Công bố Hệ thống quản lý chất lượng phù hợp", [
                    "Sau khi xây dựng và áp dụng Hệ thống, Giám đốc Sở ký Quyết định công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015.",
                    "Quyết định công bố được gửi Sở Khoa học và Công nghệ để theo dõi, tổng hợp và được đăng tải trên Trang thông tin điện tử của Sở.",
                    "Khi mở rộng, thu hẹp phạm vi áp dụng hoặc điều chỉnh Hệ thống, Giám đốc Sở công bố lại theo quy định.",
                ]),
            ]),
            ("Chương III", "TỔ CHỨC THỰC HIỆN", [
                ("11", "Kinh phí", [
                    "Kinh phí xây dựng, áp dụng, duy trì và cải tiến Hệ thống được bố trí từ ngân sách nhà nước trong dự toán chi thường xuyên của Sở theo Thông tư số 116/2015/TT-BTC ngày 11/8/2015 của Bộ trưởng Bộ Tài chính.",
                    "Văn phòng Sở lập dự toán kinh phí hằng năm, trình Giám đốc phê duyệt.",
                ]),
                ("12", "Khen thưởng và xử lý vi phạm", [
                    "Kết quả áp dụng Hệ thống là một tiêu chí đánh giá, xếp loại chất lượng và xét thi đua, khen thưởng hằng năm đối với tập thể, cá nhân.",
                    "Tập thể, cá nhân không thực hiện đúng quy trình, để hồ sơ quá hạn mà không có lý do chính đáng thì tùy mức độ bị xem xét xử lý theo quy định.",
                ]),
                ("13", "Điều khoản thi hành", [
                    "Văn phòng Sở có trách nhiệm theo dõi, đôn đốc và báo cáo Giám đốc việc thực hiện Quy chế này.",
                    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị phản ánh về Văn phòng Sở để tổng hợp, trình Giám đốc xem xét sửa đổi, bổ sung cho phù hợp.",
                ]),
            ]),
        ],
        footer=["GIÁM ĐỐC", "(Đã ký)"],
    )


def reg_mot_cua() -> Reg:
    """Provincial regulation on the one-stop shop of An Lạc (PDF)."""
    return Reg(
        path="van-ban/quy-che-mot-cua-an-lac.pdf",
        doc_number="18/2025/QĐ-UBND",
        header=[
            "ỦY BAN NHÂN DÂN TỈNH AN LẠC",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "QUY CHẾ",
            "Tổ chức và hoạt động của Bộ phận Một cửa (Bộ phận tiếp nhận và trả kết quả) các cấp trên địa bàn tỉnh An Lạc",
            "(Ban hành kèm theo Quyết định số 18/2025/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh An Lạc)",
        ],
        preamble=[],
        chapters=[
            ("Chương I", "QUY ĐỊNH CHUNG", [
                ("1", "Phạm vi điều chỉnh", [
                    "Quy chế này quy định về tổ chức, hoạt động của Trung tâm Phục vụ hành chính công tỉnh và Trung tâm Phục vụ hành chính công xã, phường (sau đây gọi chung là Bộ phận Một cửa) trong việc tiếp nhận hồ sơ, giải quyết và trả kết quả thủ tục hành chính trên địa bàn tỉnh An Lạc.",
                    "Những nội dung không quy định tại Quy chế này thực hiện theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.",
                ]),
                ("2", "Đối tượng áp dụng", [
                    ("Quy chế này áp dụng đối với:", [
                        "Các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh;",
                        "Ủy ban nhân dân các xã, phường;",
                        "Cơ quan ngành dọc được tổ chức tiếp nhận hồ sơ tại Bộ phận Một cửa;",
                        "Cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa và tổ chức, cá nhân có yêu cầu giải quyết thủ tục hành chính.",
                    ]),
                ]),
                ("3", "Nguyên tắc hoạt động", [
                    "Lấy sự hài lòng của tổ chức, cá nhân là thước đo chất lượng và hiệu quả phục vụ.",
                    "Mọi hồ sơ thủ tục hành chính được tiếp nhận, trả kết quả tập trung tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công; không tiếp nhận hồ sơ tại các phòng chuyên môn.",
                    "Không yêu cầu tổ chức, cá nhân nộp bản sao hoặc xuất trình giấy tờ mà thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư hoặc các cơ sở dữ liệu chuyên ngành đã được kết nối, chia sẻ.",
                    "Công khai, minh bạch thời hạn, phí, lệ phí và tiến độ giải quyết hồ sơ.",
                ]),
            ]),
            ("Chương II", "TỔ CHỨC BỘ PHẬN MỘT CỬA", [
                ("4", "Trung tâm Phục vụ hành chính công tỉnh", [
                    "Trung tâm Phục vụ hành chính công tỉnh là đơn vị hành chính đặc thù thuộc Văn phòng Ủy ban nhân dân tỉnh, có con dấu riêng.",
                    "Giám đốc Trung tâm do Chủ tịch Ủy ban nhân dân tỉnh bổ nhiệm; các Phó Giám đốc do Chánh Văn phòng Ủy ban nhân dân tỉnh bổ nhiệm theo phân cấp.",
                    "Trung tâm được bố trí trụ sở tại vị trí thuận tiện, có khu vực hướng dẫn, khu vực tiếp nhận và trả kết quả, khu vực tra cứu và khu vực dành cho người khuyết tật.",
                ]),
                ("5", "Trung tâm Phục vụ hành chính công xã, phường", [
                    "Trung tâm Phục vụ hành chính công xã, phường do Chủ tịch Ủy ban nhân dân cấp xã quyết định thành lập; Giám đốc Trung tâm là Phó Chủ tịch Ủy ban nhân dân cấp xã.",
                    "Công chức làm việc tại Trung tâm là công chức chuyên môn của Ủy ban nhân dân cấp xã được phân công tiếp nhận hồ sơ theo lĩnh vực.",
                ]),
                ("6", "Cán bộ, công chức làm việc tại Bộ phận Một cửa", [
                    ("Cán bộ, công chức được cử đến Bộ phận Một cửa phải đáp ứng các tiêu chuẩn sau:", [
                        "Có chuyên môn, nghiệp vụ phù hợp với lĩnh vực được giao;",
                        "Có ít nhất 03 năm công tác trong ngành, lĩnh vực được phân công;",
                        "Có phẩm chất, đạo đức tốt, tinh thần trách nhiệm và tác phong giao tiếp văn minh.",
                    ]),
                    "Thời gian cử làm việc tại Bộ phận Một cửa không dưới 06 tháng và không quá 24 tháng mỗi đợt.",
                    "Cán bộ, công chức mặc trang phục theo quy định và đeo thẻ công chức trong khi thi hành nhiệm vụ.",
                ]),
            ]),
            ("Chương III", "TIẾP NHẬN, GIẢI QUYẾT VÀ TRẢ KẾT QUẢ", [
                ("7", "Tiếp nhận hồ sơ", [
                    ("Tổ chức, cá nhân nộp hồ sơ theo một trong các hình thức:", [
                        "Trực tiếp tại Bộ phận Một cửa;",
                        "Qua dịch vụ bưu chính công ích;",
                        "Trực tuyến trên Cổng Dịch vụ công quốc gia.",
                    ]),
                    ("Khi tiếp nhận hồ sơ, công chức kiểm tra tính đầy đủ, hợp lệ của hồ sơ và xử lý như sau:", [
                        "Hồ sơ đầy đủ, hợp lệ thì cập nhật vào Hệ thống thông tin giải quyết thủ tục hành chính và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả;",
                        "Hồ sơ chưa đầy đủ thì hướng dẫn một lần, đầy đủ bằng Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ;",
                        "Thủ tục không thuộc thẩm quyền thì từ chối tiếp nhận bằng Phiếu từ chối tiếp nhận và nêu rõ lý do.",
                    ]),
                    "Hồ sơ nộp trực tiếp được số hóa ngay khi tiếp nhận; kết quả số hóa được lưu vào kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
                ]),
                ("8", "Chuyển hồ sơ và giải quyết", [
                    "Hồ sơ được chuyển đến cơ quan có thẩm quyền giải quyết ngay trong ngày tiếp nhận hoặc chậm nhất trong ngày làm việc tiếp theo đối với hồ sơ tiếp nhận sau 15 giờ.",
                    "Đối với thủ tục liên thông, cơ quan chủ trì chịu trách nhiệm chuyển hồ sơ điện tử cho cơ quan phối hợp; tổ chức, cá nhân không phải nộp lại hồ sơ.",
                    "Cơ quan giải quyết không được yêu cầu tổ chức, cá nhân bổ sung hồ sơ quá một lần trong suốt quá trình giải quyết.",
                ]),
                ("9", "Xử lý hồ sơ quá hạn", [
                    "Trường hợp hồ sơ có thể quá hạn, cơ quan giải quyết phải có Phiếu xin lỗi và hẹn lại ngày trả kết quả gửi tổ chức, cá nhân chậm nhất 01 ngày trước ngày hết hạn, nêu rõ lý do quá hạn.",
                    "Việc hẹn lại ngày trả kết quả chỉ được thực hiện không quá 01 lần.",
                    "Bộ phận Một cửa thống kê hồ sơ quá hạn hằng tháng và công khai trên Cổng thông tin điện tử của tỉnh.",
                ]),
                ("10", "Trả kết quả", [
                    "Kết quả giải quyết được trả đúng thời hạn đã hẹn; khuyến khích trả kết quả trước hạn.",
                    "Kết quả điện tử được trả vào tài khoản định danh điện tử của tổ chức, cá nhân trên Cổng Dịch vụ công và có giá trị pháp lý như bản giấy.",
                    "Tổ chức, cá nhân được lựa chọn nhận kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích.",
                ]),
                ("11", "Đánh giá việc giải quyết thủ tục hành chính", [
                    "Tổ chức, cá nhân đánh giá việc giải quyết thủ tục hành chính bằng thiết bị đánh giá tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công.",
                    ("Tiêu chí đánh giá gồm:", [
                        "Thời gian giải quyết so với thời hạn quy định;",
                        "Số lần phải bổ sung hồ sơ và số lần phải đi lại;",
                        "Mức độ hài lòng về thái độ phục vụ của cán bộ, công chức.",
                    ]),
                    "Kết quả đánh giá là căn cứ để xếp loại thi đua cuối năm đối với cơ quan và cán bộ, công chức.",
                ]),
            ]),
            ("Chương IV", "TỔ CHỨC THỰC HIỆN", [
                ("12", "Trách nhiệm của các cơ quan", [
                    ("Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm:", [
                        "Hướng dẫn, kiểm tra việc thực hiện Quy chế này;",
                        "Tổng hợp kết quả đánh giá, báo cáo Chủ tịch Ủy ban nhân dân tỉnh hằng quý;",
                        "Bảo đảm vận hành Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
                    ]),
                    "Sở Nội vụ đưa kết quả thực hiện Quy chế vào tiêu chí chấm điểm chỉ số cải cách hành chính hằng năm.",
                    "Ủy ban nhân dân các xã, phường bố trí trụ sở, trang thiết bị và công chức cho Trung tâm Phục vụ hành chính công xã, phường.",
                ]),
                ("13", "Điều khoản thi hành", [
                    "Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quy chế này.",
                    "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp, trình Ủy ban nhân dân tỉnh sửa đổi, bổ sung.",
                ]),
            ]),
        ],
        footer=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)"],
    )


def reg_ra_soat() -> Reg:
    """Provincial decision on reviewing and evaluating administrative procedures (Markdown)."""
    return Reg(
        path="van-ban/quy-dinh-ra-soat-danh-gia-tthc-binh-son.md",
        doc_number="07/2025/QĐ-UBND",
        header=[
            "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
            "Số: 07/2025/QĐ-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Bình Sơn, ngày 20 tháng 02 năm 2025",
            "QUYẾT ĐỊNH",
            "Quy định về rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh Bình Sơn",
            "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
        ],
        preamble=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;",
            "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;",
            "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
            "QUYẾT ĐỊNH:",
        ],
        chapters=[
            ("Chương I", "QUY ĐỊNH CHUNG", [
                ("1", "Phạm vi điều chỉnh và đối tượng áp dụng", [
                    "Quyết định này quy định việc rà soát, đánh giá thủ tục hành chính và quy định có liên quan đến thủ tục hành chính thuộc phạm vi giải quyết của các cơ quan hành chính nhà nước trên địa bàn tỉnh Bình Sơn.",
                    "Quyết định này áp dụng đối với các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân dân cấp xã và cán bộ, công chức làm công tác kiểm soát thủ tục hành chính.",
                ]),
                ("2", "Mục đích, yêu cầu của rà soát, đánh giá", [
                    "Phát hiện thủ tục hành chính, thành phần hồ sơ, yêu cầu, điều kiện không cần thiết, không phù hợp, không bảo đảm tính hợp pháp để kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ.",
                    "Cắt giảm thời gian giải quyết, chi phí tuân thủ và số lần đi lại của tổ chức, cá nhân.",
                    "Việc rà soát phải thực chất, có số liệu cụ thể và có sự tham gia của đối tượng thực hiện thủ tục hành chính.",
                ]),
            ]),
            ("Chương II", "NỘI DUNG, PHƯƠNG THỨC RÀ SOÁT, ĐÁNH GIÁ", [
                ("3", "Kế hoạch rà soát hằng năm", [
                    "Chậm nhất ngày 15 tháng 12 hằng năm, Văn phòng Ủy ban nhân dân tỉnh trình Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính của năm sau.",
                    ("Kế hoạch rà soát phải xác định rõ:", [
                        "Danh mục thủ tục hành chính, nhóm thủ tục hành chính cần rà soát;",
                        "Cơ quan chủ trì, cơ quan phối hợp;",
                        "Thời hạn hoàn thành và sản phẩm của từng nhiệm vụ.",
                    ]),
                ]),
                ("4", "Nội dung rà soát, đánh giá", [
                    ("Đối với từng thủ tục hành chính, cơ quan chủ trì rà soát đánh giá các nội dung sau:", [
                        "Sự cần thiết của thủ tục hành chính;",
                        "Tính hợp lý của tên thủ tục, trình tự, cách thức thực hiện, thời hạn giải quyết;",
                        "Tính cần thiết, hợp lý của từng thành phần hồ sơ, trong đó ưu tiên cắt giảm giấy tờ mà thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành;",
                        "Tính hợp pháp, hợp lý của yêu cầu, điều kiện và của phí, lệ phí;",
                        "Căn cứ pháp lý của thủ tục hành chính.",
                    ]),
                    "Các yêu cầu không rõ ràng như \"giấy tờ khác theo yêu cầu của cơ quan\", \"nếu cần\" phải được kiến nghị bãi bỏ hoặc quy định cụ thể.",
                    "Việc rà soát phải đối chiếu với thủ tục hành chính cùng loại của các cấp, các tỉnh khác để phát hiện thủ tục trùng lặp, chồng chéo hoặc có thời hạn, chi phí cao bất hợp lý.",
                ]),
                ("5", "Phương thức rà soát", [
                    "Việc rà soát được thực hiện bằng biểu mẫu rà soát, đánh giá theo Thông tư số 02/2017/TT-VPCP và được cập nhật trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
                    "Cơ quan chủ trì tổ chức lấy ý kiến của tổ chức, cá nhân là đối tượng thực hiện thủ tục hành chính bằng hình thức trực tuyến hoặc hội nghị, tọa đàm.",
                    "Chi phí tuân thủ thủ tục hành chính được tính toán theo phương pháp do Văn phòng Chính phủ hướng dẫn, trước và sau khi đề xuất đơn giản hóa.",
                ]),
                ("6", "Phương án đơn giản hóa", [
                    ("Phương án đơn giản hóa thủ tục hành chính phải nêu rõ:", [
                        "Nội dung đơn giản hóa và lý do;",
                        "Kiến nghị thực thi, trong đó chỉ rõ điều, khoản, điểm của văn bản quy phạm pháp luật cần sửa đổi, bổ sung;",
                        "Lợi ích của phương án, tỷ lệ cắt giảm chi phí tuân thủ.",
                    ]),
                    "Phương án đơn giản hóa thuộc thẩm quyền của Trung ương được Ủy ban nhân dân tỉnh tổng hợp, gửi bộ, ngành quản lý trước ngày 30 tháng 10 hằng năm.",
                ]),
            ]),
            ("Chương III", "TRÁCH NHIỆM VÀ TỔ CHỨC THỰC HIỆN", [
                ("7", "Trách nhiệm của Văn phòng Ủy ban nhân dân tỉnh", [
                    "Chủ trì xây dựng, theo dõi, đôn đốc việc thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính.",
                    "Kiểm tra chất lượng phương án đơn giản hóa của các sở, ban, ngành trước khi trình Chủ tịch Ủy ban nhân dân tỉnh phê duyệt.",
                    "Tổng hợp kết quả rà soát, báo cáo Ủy ban nhân dân tỉnh và Văn phòng Chính phủ theo định kỳ 6 tháng và hằng năm.",
                ]),
                ("8", "Trách nhiệm của các sở, ban, ngành", [
                    "Thực hiện rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý theo Kế hoạch được phê duyệt.",
                    "Gửi phương án đơn giản hóa về Văn phòng Ủy ban nhân dân tỉnh trước ngày 30 tháng 9 hằng năm.",
                    "Cập nhật, công bố thủ tục hành chính sửa đổi, bổ sung trong thời hạn 05 ngày làm việc kể từ ngày văn bản quy định thủ tục có hiệu lực.",
                ]),
                ("9", "Trách nhiệm của Ủy ban nhân dân cấp xã", [
                    "Phối hợp với các sở, ban, ngành rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã.",
                    "Phản ánh kịp thời những khó khăn, vướng mắc phát sinh trong quá trình giải quyết thủ tục hành chính tại địa phương.",
                ]),
                ("10", "Hiệu lực thi hành", [
                    "Quyết định này có hiệu lực thi hành kể từ ngày 05 tháng 3 năm 2025 và thay thế Quyết định số 22/2019/QĐ-UBND ngày 15/7/2019 của Ủy ban nhân dân tỉnh Bình Sơn ban hành Quy định về rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh.",
                    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm thi hành Quyết định này.",
                ]),
            ]),
        ],
        footer=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)"],
    )


def regulations() -> list[Reg]:
    """The three bundled regulations."""
    return [reg_iso(), reg_mot_cua(), reg_ra_soat()]


def reg_lines(reg: Reg) -> list[tuple[str, str]]:
    """A regulation as (style, text) lines; style in title|chapter|article|text."""
    out: list[tuple[str, str]] = [("title", h) for h in reg.header]
    out += [("text", p) for p in reg.preamble]
    for label, title, arts in reg.chapters:
        out.append(("chapter", label))
        out.append(("chapter", title))
        for num, atitle, clauses in arts:
            out.append(("article", f"Điều {num}. {atitle}"))
            for i, cl in enumerate(clauses, 1):
                text, points = (cl, []) if isinstance(cl, str) else cl
                out.append(("text", f"{i}. {text}" if len(clauses) > 1 or points else text))
                for j, pt in enumerate(points):
                    out.append(("text", f"{POINT_LETTERS[j]}) {pt}"))
    out += [("title", f) for f in reg.footer]
    return out


# ---------------------------------------------------------------------------------------------
# Procedures as publication text (standard appendix layout)
# ---------------------------------------------------------------------------------------------


def _time_text(p: Procedure) -> str:
    for ch in p.channels:
        if ch.processing_time and ch.processing_time.text:
            return ch.processing_time.text
    return ""


def _fee_text(p: Procedure) -> str:
    for ch in p.channels:
        if ch.fee and ch.fee.text:
            return ch.fee.text
    return "Không"


def _channels_text(p: Procedure) -> str:
    say = {
        "Trực tiếp": f"nộp trực tiếp tại Bộ phận Một cửa ({p.agency})",
        "Dịch vụ bưu chính": "qua dịch vụ bưu chính công ích",
        "Trực tuyến": "nộp trực tuyến trên Cổng Dịch vụ công quốc gia",
    }
    parts = [say[c.channel] for c in p.channels]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." if text else ""


def procedure_blocks(p: Procedure, number: int, *, style: str, table: bool) -> list[tuple[str, object]]:
    """One procedure in the standard layout as (kind, payload) blocks.

    Args:
        p: the procedure.
        number: its number in the appendix.
        style: "docx" ("1. Thủ tục X (Mã thủ tục: …)", "-" bullets) or "pdf"
            ("1. Thủ tục: X" then "Mã thủ tục: …", "+" for papers and bases).
        table: write "Cách thức thực hiện" as a table (DOCX only).

    Returns:
        Blocks: ("heading", text), ("line", text), ("table", rows).
    """
    dash = "-"
    out: list[tuple[str, object]] = []
    if style == "docx":
        out.append(("heading", f"{number}. Thủ tục {p.name} (Mã thủ tục: {p.code})"))
    else:
        out.append(("heading", f"{number}. Thủ tục: {p.name}"))
        out.append(("line", f"Mã thủ tục: {p.code}"))
    out.append(("label", f"{dash} Trình tự thực hiện:"))
    out += [("line", s) for s in p.steps]
    if table:
        out.append(("label", f"{dash} Cách thức thực hiện:"))
        rows = [["Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"]]
        for c in p.channels:
            rows.append([
                c.channel,
                c.processing_time.text if c.processing_time else "",
                c.fee.text if c.fee else "",
                c.description,
            ])
        out.append(("table", rows))
    else:
        out.append(("line", f"{dash} Cách thức thực hiện: {_channels_text(p)}"))
    out.append(("label", f"{dash} Thành phần, số lượng hồ sơ:"))
    out.append(("line", "a) Thành phần hồ sơ:"))
    n = len(p.documents)
    for i, d in enumerate(p.documents):
        end = "." if i == n - 1 else ";"
        out.append(("line", f"+ {d.name} ({d.quantity}){end}"))
    out.append(("line", "b) Số lượng hồ sơ: 01 bộ."))
    if not table:
        t = _time_text(p)
        if t:
            out.append(("line", f"{dash} Thời hạn giải quyết: {t}."))
    out.append(("line", f"{dash} Đối tượng thực hiện thủ tục hành chính: {p.applicants}."))
    out.append(("line", f"{dash} Cơ quan thực hiện thủ tục hành chính: {p.agency}."))
    out.append(("line", f"{dash} Kết quả thực hiện thủ tục hành chính: {p.result}"))
    if not table:
        out.append(("line", f"{dash} Phí, lệ phí: {_fee_text(p)}."))
    forms = [d.form for d in p.documents if d.form]
    out.append(("line", f"{dash} Tên mẫu đơn, mẫu tờ khai: {'; '.join(forms) + '.' if forms else 'Không.'}"))
    req = " ".join(p.requirements) if p.requirements else "Không."
    out.append(("line", f"{dash} Yêu cầu, điều kiện thực hiện thủ tục hành chính: {req}"))
    out.append(("label", f"{dash} Căn cứ pháp lý của thủ tục hành chính:"))
    m = len(p.legal_basis)
    for i, b in enumerate(p.legal_basis):
        end = "." if i == m - 1 else ";"
        kinds = ("Thông tư liên tịch", "Thông tư", "Nghị định", "Nghị quyết", "Quyết định", "Luật")
        kind = next((k for k in kinds if b.title.startswith(k)), b.title.split(" ")[0])
        if b.title.startswith("Bộ luật"):
            out.append(("line", f"+ {b.title} số {b.number} ngày {b.date}{end}"))
        elif kind == "Luật":
            out.append(("line", f"+ {b.title} số {b.number} ngày {b.date}{end}"))
        else:
            rest = b.title[len(kind):].strip()
            out.append(("line", f"+ {kind} số {b.number} ngày {b.date} {rest}{end}"))
    return out


def grouped(procs: list[Procedure]) -> list[tuple[str, list[tuple[str, list[Procedure]]]]]:
    """Group procedures by level then field, keeping first-seen order."""
    levels: dict[str, dict[str, list[Procedure]]] = {}
    for p in procs:
        levels.setdefault(p.level, {}).setdefault(p.field, []).append(p)
    return [(lv, list(fields.items())) for lv, fields in levels.items()]


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
LEVEL_HEAD = {TINH: "THỦ TỤC HÀNH CHÍNH CẤP TỈNH", XA: "THỦ TỤC HÀNH CHÍNH CẤP XÃ"}


# ---------------------------------------------------------------------------------------------
# writers
# ---------------------------------------------------------------------------------------------


def _fix_zip(path: Path) -> None:
    """Rewrite a zip (DOCX/XLSX) with fixed entry times so regeneration gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                stamp = FIXED_DT.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def _docx_core(doc, title: str) -> None:
    cp = doc.core_properties
    cp.author = "RaSoát - dữ liệu mẫu"
    cp.last_modified_by = "RaSoát"
    cp.title = title
    cp.created = FIXED_DT.replace(tzinfo=None)
    cp.modified = FIXED_DT.replace(tzinfo=None)
    cp.revision = 1


def write_json(rel: str, procs: list[Procedure]) -> None:
    """Write procedures as a JSON array of Procedure.to_dict()."""
    out = []
    for i, p in enumerate(procs):
        p.source = Source(file=f"corpus/{rel}", record=i)
        out.append(p.to_dict())
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_procedure_docx(rel: str, procs: list[Procedure]) -> None:
    """The Quyết định công bố of Bình Sơn (construction, roads) as DOCX."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    _docx_core(doc, "Quyết định công bố thủ tục hành chính lĩnh vực xây dựng, đường bộ")
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)

    def para(text: str, bold: bool = False, center: bool = False, italic: bool = False):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    para("ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN", bold=True, center=True)
    para("Số: 1342/QĐ-UBND", center=True)
    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
    para("Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    para("Bình Sơn, ngày 08 tháng 9 năm 2025", italic=True, center=True)
    para("QUYẾT ĐỊNH", bold=True, center=True)
    para("Về việc công bố danh mục và nội dung thủ tục hành chính mới ban hành, được sửa đổi, bổ sung trong lĩnh vực hoạt động xây dựng, đường bộ thuộc phạm vi chức năng quản lý của Sở Xây dựng tỉnh Bình Sơn", bold=True, center=True)
    para("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN", bold=True, center=True)
    para("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;")
    para("Theo đề nghị của Giám đốc Sở Xây dựng.")
    para("QUYẾT ĐỊNH:", bold=True, center=True)
    para(f"Điều 1. Công bố kèm theo Quyết định này danh mục và nội dung {len(procs):02d} thủ tục hành chính trong lĩnh vực hoạt động xây dựng, đường bộ thuộc phạm vi chức năng quản lý của Sở Xây dựng tỉnh Bình Sơn (có Phụ lục kèm theo).")
    para("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.")
    para("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Xây dựng, Chủ tịch Ủy ban nhân dân các xã, phường và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.")
    para("KT. CHỦ TỊCH", bold=True)
    para("PHÓ CHỦ TỊCH", bold=True)
    para("(Đã ký)", italic=True)
    doc.add_page_break()
    para("PHỤ LỤC", bold=True, center=True)
    para("THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH, ĐƯỢC SỬA ĐỔI, BỔ SUNG TRONG LĨNH VỰC HOẠT ĐỘNG XÂY DỰNG, ĐƯỜNG BỘ THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ XÂY DỰNG TỈNH BÌNH SƠN", bold=True, center=True)
    para("(Kèm theo Quyết định số 1342/QĐ-UBND ngày 08/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Sơn)", italic=True, center=True)
    para("PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH", bold=True)
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"]):
        c.text = h
    for i, p in enumerate(procs, 1):
        cells = t.add_row().cells
        for c, v in zip(cells, [str(i), p.code, p.name, p.field, p.agency]):
            c.text = v
    para("PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH", bold=True)
    for li, (level, fields) in enumerate(grouped(procs)):
        para(f"{'AB'[li]}. {LEVEL_HEAD[level]}", bold=True)
        n = 0
        for fi, (fname, fprocs) in enumerate(fields):
            para(f"{ROMAN[fi]}. LĨNH VỰC {fname.upper()}", bold=True)
            for p in fprocs:
                n += 1
                for kind, payload in procedure_blocks(p, n, style="docx", table=p.code in TABLE_CODES):
                    if kind == "table":
                        rows = payload
                        tb = doc.add_table(rows=0, cols=len(rows[0]))
                        tb.style = "Table Grid"
                        for row in rows:
                            cells = tb.add_row().cells
                            for c, v in zip(cells, row):
                                c.text = v
                    else:
                        para(str(payload), bold=kind in ("heading", "label"))
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    _fix_zip(path)


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DT)
    pdf.set_creator("RaSoát make_corpus.py")
    pdf.set_producer("fpdf2")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_margins(20, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _pdf_line(pdf, text: str, *, bold: bool = False, center: bool = False, size: int = 10) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, 5.2, text, align="C" if center else "L", new_x="LMARGIN", new_y="NEXT")


def write_procedure_pdf(rel: str, procs: list[Procedure]) -> None:
    """The appendix of Quyết định 2087/QĐ-UBND of An Lạc as a PDF (text layer, DejaVuSans)."""
    pdf = _pdf()
    pdf.set_title("Phụ lục thủ tục hành chính - Quyết định số 2087/QĐ-UBND tỉnh An Lạc")
    pdf.set_author("RaSoát - dữ liệu mẫu")
    _pdf_line(pdf, "ỦY BAN NHÂN DÂN TỈNH AN LẠC", bold=True, center=True)
    _pdf_line(pdf, "PHỤ LỤC", bold=True, center=True)
    _pdf_line(pdf, "THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA TRONG LĨNH VỰC TƯ PHÁP, VĂN HÓA VÀ DU LỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP TỈNH, CẤP XÃ TRÊN ĐỊA BÀN TỈNH AN LẠC", bold=True, center=True)
    _pdf_line(pdf, "(Kèm theo Quyết định số 2087/QĐ-UBND ngày 22/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh An Lạc)", center=True)
    pdf.ln(2)
    _pdf_line(pdf, "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH", bold=True)
    for li, (level, fields) in enumerate(grouped(procs)):
        _pdf_line(pdf, f"{'AB'[li]}. {LEVEL_HEAD[level]}", bold=True)
        n = 0
        for fi, (fname, fprocs) in enumerate(fields):
            _pdf_line(pdf, f"{ROMAN[fi]}. LĨNH VỰC {fname.upper()}", bold=True)
            for p in fprocs:
                n += 1
                for kind, payload in procedure_blocks(p, n, style="pdf", table=False):
                    _pdf_line(pdf, str(payload), bold=kind in ("heading", "label"))
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def write_reg_docx(reg: Reg) -> None:
    """A regulation as DOCX (headings bold, articles bold)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    _docx_core(doc, reg.header[4] if len(reg.header) > 4 else reg.doc_number)
    for style, text in reg_lines(reg):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = style in ("title", "chapter", "article")
        if style in ("title", "chapter"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    path = ROOT / reg.path
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    _fix_zip(path)


def write_reg_pdf(reg: Reg) -> None:
    """A regulation as PDF with a text layer."""
    pdf = _pdf()
    pdf.set_title(reg.header[4] if len(reg.header) > 4 else reg.doc_number)
    pdf.set_author("RaSoát - dữ liệu mẫu")
    for style, text in reg_lines(reg):
        _pdf_line(pdf, text, bold=style in ("title", "chapter", "article"), center=style in ("title", "chapter"))
    path = ROOT / reg.path
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def write_reg_md(reg: Reg) -> None:
    """A regulation as Markdown (plain lines, bold article headings)."""
    lines = []
    for style, text in reg_lines(reg):
        if style == "article":
            lines.append(f"**{text}**")
        elif style == "chapter":
            lines.append(f"**{text}**")
        else:
            lines.append(text)
        lines.append("")
    path = ROOT / reg.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# catalogue lists (danh mục do tỉnh tự gõ)
# ---------------------------------------------------------------------------------------------

# (name as typed, code as typed, field, level, expected_status, expected_code, candidates)
LIST_ROWS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    ("Đăng ký khai sinh", "1.004101.000.00.00.H36", "Hộ tịch", "Cấp xã", "matched", "1.004101", []),
    ("Đăng ký kết hôn", "1.004102.H36", "Hộ tịch", "Cấp xã", "matched", "1.004102", []),
    ("Cấp bản sao trích lục hộ tịch", "", "Hộ tịch", "", "ambiguous", "", ["1.004105", "2.000635"]),
    ("Chứng thực bản sao từ bản chính giấy tờ, văn bản (cấp xã)", "", "Chứng thực", "Cấp xã", "matched", "2.000488", []),
    ("Dang ky thanh lap cong ty trach nhiem huu han mot thanh vien", "", "Doanh nghiep", "Cap tinh", "matched", "2.001610", []),
    ("Đăng ký thành lập DNTN", "", "Doanh nghiệp", "Cấp tỉnh", "matched", "2.001611", []),
    ("Đăng ký thành lập hộ kinh doanh", "2.000720.000.00.00.H36", "Hộ kinh doanh", "Cấp xã", "matched", "2.000720", []),
    ("Thông báo tạm ngừng kinh doanh (ĐKKD)", "", "Doanh nghiệp", "Cấp tỉnh", "matched", "2.001613", []),
    ("Cấp đổi GCN quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "", "Đất đai", "Cấp tỉnh", "matched", "1.004203", []),
    ("Đăng ký biến động QSDĐ do chuyển nhượng, tặng cho, thừa kế", "", "Đất đai", "Cấp tỉnh", "matched", "1.004202", []),
    ("Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân", "", "Đất đai", "Cấp huyện", "matched", "1.004204", []),
    ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ (UBND cấp xã)", "1.004721.H36", "Xây dựng", "Cấp xã", "matched", "1.004721", []),
    ("Gia hạn giấy phép xây dựng công trình cấp II, III (cấp tỉnh)", "", "Xây dựng", "Cấp tỉnh", "matched", "1.004703", []),
    ("Cấp lại giấy phép xây dựng đối với công trình cấp II, cấp III", "1.004704", "Xây dựng", "Cấp tỉnh", "matched", "1.004704", []),
    ("Cap giay phep kinh doanh van tai bang xe o to", "", "Duong bo", "Cap tinh", "matched", "1.004711", []),
    ("Cấp GCN cơ sở đủ điều kiện ATTP đối với cơ sở kinh doanh dịch vụ ăn uống", "", "An toàn thực phẩm", "Cấp tỉnh", "matched", "1.004301", []),
    ("Giải quyết hưởng trợ cấp thất nghiệp", "1.004402.000.00.00.H36", "Việc làm", "Cấp tỉnh", "matched", "1.004402", []),
    ("Cấp giấy phép lao động cho người nước ngoài làm việc tại Việt Nam", "", "Việc làm", "Cấp tỉnh", "matched", "1.004401", []),
    ("Chuyển trường đối với học sinh trung học cơ sở", "", "Giáo dục", "Cấp xã", "matched", "1.004601", []),
    ("Xác định mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "", "Bảo trợ xã hội", "Cấp xã", "matched", "1.004504", []),
    ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội (UBND xã)", "", "Bảo trợ xã hội", "Cấp xã", "matched", "1.004502", []),
    ("Cấp giấy phép bán lẻ sản phẩm thuốc lá", "", "Lưu thông hàng hóa", "Cấp xã", "unmatched", "", []),
    ("Đăng ký tạm trú", "", "Cư trú", "Cấp xã", "unmatched", "", []),
    ("Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường", "", "Khoáng sản", "Cấp tỉnh", "unmatched", "", []),
    ("Công nhận làng nghề truyền thống", "", "Nông thôn", "Cấp tỉnh", "unmatched", "", []),
]
LIST_HEADER = ["STT", "Tên thủ tục hành chính", "Mã TTHC", "Lĩnh vực", "Cấp"]


def write_lists() -> None:
    """The province's typed list as CSV (UTF-8 with BOM, as Excel saves it) and XLSX."""
    (ROOT / "lists").mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(LIST_HEADER)
    for i, (name, code, fld, lvl, *_rest) in enumerate(LIST_ROWS, 1):
        w.writerow([i, name, code, fld, lvl])
    (ROOT / "lists" / "danh-muc-tinh.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh mục TTHC"
    ws.append(LIST_HEADER)
    for i, (name, code, fld, lvl, *_rest) in enumerate(LIST_ROWS, 1):
        ws.append([i, name, code, fld, lvl])
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 26
    wb.properties.creator = "RaSoát - dữ liệu mẫu"
    wb.properties.created = FIXED_DT.replace(tzinfo=None)
    wb.properties.modified = FIXED_DT.replace(tzinfo=None)
    path = ROOT / "lists" / "danh-muc-tinh.xlsx"
    wb.save(str(path))
    _fix_zip(path)


# ---------------------------------------------------------------------------------------------
# ground truth
# ---------------------------------------------------------------------------------------------

DB_DANCU = "Cơ sở dữ liệu quốc gia về dân cư"
DB_HOTICH = "Cơ sở dữ liệu hộ tịch điện tử"
DB_DKDN = "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp"
DB_BH = "Cơ sở dữ liệu quốc gia về bảo hiểm"
DB_GPLX = "Cơ sở dữ liệu giấy phép lái xe"
DB_DATDAI = "Cơ sở dữ liệu quốc gia về đất đai"
DB_LLTP = "Cơ sở dữ liệu lý lịch tư pháp"
DB_SK = "Cơ sở dữ liệu nền tảng sổ sức khỏe điện tử"

RULES = {
    1: "R1 — Giấy tờ đã có trong cơ sở dữ liệu quốc gia, chuyên ngành (database nêu CSDL)",
    2: "R2 — Quy định đã lỗi thời sau cải cách (sổ hộ khẩu, CMND, cấp huyện)",
    3: "R3 — Bản sao có chứng thực; giấy tờ yêu cầu hai lần",
    4: "R4 — Thời hạn giải quyết hoặc phí, lệ phí cao bất thường so với thủ tục tương tự",
    5: "R5 — Chưa có cách thức nộp trực tuyến",
    6: "R6 — Thủ tục trùng lặp, chồng chéo: hợp nhất hoặc liên thông",
    7: "R7 — Yêu cầu mơ hồ; thiếu căn cứ pháp lý hoặc thời hạn giải quyết",
}
# procedures that need the applicant in person by nature (not R5 findings)
PRESENCE_BY_NATURE = {"2.000815"}

# rule 1: (code, paper substring, database)
DB_PAPERS: list[tuple[str, str, str]] = [
    ("1.004101", "Căn cước công dân hoặc thẻ căn cước của người đi đăng ký khai sinh", DB_DANCU),
    ("1.004101", "Giấy chứng nhận kết hôn của cha, mẹ trẻ em", DB_HOTICH),
    ("1.004102", "Giấy xác nhận tình trạng hôn nhân", DB_HOTICH),
    ("1.004102", "Căn cước công dân của hai bên nam, nữ", DB_DANCU),
    ("1.004104", "Giấy chứng nhận kết hôn hoặc bản án, quyết định ly hôn", DB_HOTICH),
    ("1.004104", "Căn cước công dân của người yêu cầu", DB_DANCU),
    ("1.004107", "Bản sao Giấy khai sinh của người con", DB_HOTICH),
    ("1.004107", "Căn cước công dân của bên nhận và bên được nhận", DB_DANCU),
    ("1.001078", "Bản chụp căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("1.001078", "Giấy xác nhận thông tin về cư trú", DB_DANCU),
    ("1.001089", "Bản chụp căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("1.001089", "Giấy xác nhận thông tin về cư trú", DB_DANCU),
    ("1.002032", "Phiếu lý lịch tư pháp", DB_LLTP),
    ("1.002032", "Giấy chứng nhận sức khỏe", DB_SK),
    ("1.004203", "căn cước công dân của người sử dụng đất", DB_DANCU),
    ("1.004204", "Bản sao Giấy chứng nhận quyền sử dụng đất", DB_DATDAI),
    ("2.001610", "căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("2.001611", "căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("2.001612", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.004101", "Sổ hộ khẩu", DB_DANCU),
    ("1.004103", "Chứng minh nhân dân", DB_DANCU),
    ("1.004105", "căn cước công dân", DB_DANCU),
    ("2.000635", "căn cước công dân", DB_DANCU),
    ("2.000815", "Căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("1.004301", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", DB_DKDN),
    ("1.004301", "Giấy xác nhận đủ sức khỏe", DB_SK),
    ("1.004302", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", DB_DKDN),
    ("1.004302", "Giấy xác nhận đủ sức khỏe", DB_SK),
    ("1.004303", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", DB_DKDN),
    ("1.004303", "Giấy xác nhận đủ sức khỏe", DB_SK),
    ("2.000901", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", DB_DKDN),
    ("1.004310", "Giấy chứng nhận đủ sức khỏe để hành nghề dược", DB_SK),
    ("1.004310", "Phiếu lý lịch tư pháp", DB_LLTP),
    ("1.004310", "Bản sao có chứng thực căn cước công dân", DB_DANCU),
    ("1.004311", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.004312", "Bản sao Giấy chứng nhận đăng ký kinh doanh", DB_DKDN),
    ("1.004320", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.004321", "Bản sao thẻ bảo hiểm y tế", DB_BH),
    ("1.004401", "Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe", DB_SK),
    ("1.004401", "Phiếu lý lịch tư pháp", DB_LLTP),
    ("1.004402", "Sổ bảo hiểm xã hội", DB_BH),
    ("1.004501", "Bản sao giấy khai sinh của trẻ em", DB_HOTICH),
    ("1.004501", "Bản sao căn cước công dân của đối tượng", DB_DANCU),
    ("1.004599", "Bản sao giấy khai sinh của trẻ em", DB_HOTICH),
    ("1.004599", "Bản sao căn cước công dân của đối tượng", DB_DANCU),
    ("1.004502", "Bản sao trích lục khai tử", DB_HOTICH),
    ("1.004505", "Bản sao giấy chứng nhận quyền sử dụng đất", DB_DATDAI),
    ("1.004505", "Phiếu lý lịch tư pháp của người đứng đầu cơ sở", DB_LLTP),
    ("1.004601", "Bản sao giấy khai sinh của học sinh", DB_HOTICH),
    ("1.004602", "Bản sao giấy chứng nhận quyền sử dụng đất", DB_DATDAI),
    ("1.004603", "Bản sao giấy khai sinh của trẻ em", DB_HOTICH),
    ("1.002051", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.002051", "Phiếu lý lịch tư pháp số 1", DB_LLTP),
    ("1.002061", "Bản sao căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("1.002071", "Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.002091", "Căn cước công dân của người đề nghị", DB_DANCU),
    ("1.004705", "Căn cước công dân của người đề nghị", DB_DANCU),
    ("1.004701", "Bản sao Giấy chứng nhận quyền sử dụng đất", DB_DATDAI),
    ("1.004711", "Bản sao có chứng thực Giấy chứng nhận đăng ký kinh doanh", DB_DKDN),
    ("1.004712", "Bản sao giấy phép lái xe", DB_GPLX),
    ("1.004712", "Giấy khám sức khỏe của người lái xe", DB_SK),
    ("1.004712", "Bản sao căn cước công dân hoặc hộ chiếu", DB_DANCU),
    ("1.004801", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", DB_DKDN),
    ("1.004802", "Giấy chứng nhận sức khỏe", DB_SK),
    ("1.004901", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", DB_DKDN),
]

# rules 2-7: (code, rule, component, paper substring or "", note)
OTHER_FINDINGS: list[tuple[str, int, str, str, str]] = [
    ("1.004101", 2, "Thành phần hồ sơ", "Sổ hộ khẩu", "Sổ hộ khẩu không còn giá trị sử dụng từ 01/01/2023 (Luật Cư trú 2020)."),
    ("1.004103", 2, "Thành phần hồ sơ", "Chứng minh nhân dân", "Chứng minh nhân dân đã được thay bằng căn cước công dân/thẻ căn cước."),
    ("1.004204", 2, "Cơ quan thực hiện", "", "Thủ tục vẫn ghi \"Ủy ban nhân dân cấp huyện\" (cả cấp thực hiện và trình tự) dù cấp huyện đã kết thúc hoạt động từ 01/7/2025."),
    ("1.004104", 3, "Thành phần hồ sơ", "Bản sao có chứng thực Giấy chứng nhận kết hôn", ""),
    ("1.004203", 3, "Thành phần hồ sơ", "Bản sao có chứng thực căn cước công dân", ""),
    ("1.004310", 3, "Thành phần hồ sơ", "Bản sao có chứng thực văn bằng chuyên môn", ""),
    ("1.004310", 3, "Thành phần hồ sơ", "Bản sao có chứng thực căn cước công dân", ""),
    ("1.004311", 3, "Thành phần hồ sơ", "Bản sao có chứng thực Chứng chỉ hành nghề dược", ""),
    ("1.004401", 3, "Thành phần hồ sơ", "Bản sao có chứng thực hộ chiếu", ""),
    ("1.004402", 3, "Thành phần hồ sơ", "Bản chính hoặc bản sao có chứng thực của một trong các giấy tờ xác nhận việc chấm dứt hợp đồng", ""),
    ("1.002061", 3, "Thành phần hồ sơ", "Bản sao có chứng thực phụ lục văn bằng", ""),
    ("1.002071", 3, "Thành phần hồ sơ", "Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", ""),
    ("1.002071", 3, "Thành phần hồ sơ", "Bản sao có chứng thực quyết định bổ nhiệm", ""),
    ("1.002071", 3, "Thành phần hồ sơ", "Bản sao có chứng thực văn bằng, chứng chỉ", ""),
    ("1.004711", 3, "Thành phần hồ sơ", "Bản sao có chứng thực Giấy chứng nhận đăng ký kinh doanh", ""),
    ("1.004802", 3, "Thành phần hồ sơ", "Bản sao có chứng thực văn bằng hoặc chứng chỉ nghiệp vụ", ""),
    ("1.004811", 3, "Thành phần hồ sơ", "Bản sao có chứng thực quyết định thành lập ban tổ chức", ""),
    ("1.004401", 3, "Thành phần hồ sơ (yêu cầu 2 lần)", "hộ chiếu", "Hộ chiếu bị yêu cầu hai lần: \"Bản sao có chứng thực hộ chiếu\" và \"Bản sao hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu\"."),
    ("1.004303", 4, "Thời hạn giải quyết", "", "45 ngày làm việc; các thủ tục cùng lĩnh vực \"An toàn thực phẩm\" 10-20 ngày làm việc."),
    ("1.004303", 4, "Phí, lệ phí", "", "3.500.000 đồng; các thủ tục cùng lĩnh vực 700.000-1.500.000 đồng."),
    ("1.004501", 6, "Toàn bộ thủ tục (trùng lặp, chồng chéo)", "", "Công bố trùng với 1.004599."),
    ("1.004599", 6, "Toàn bộ thủ tục (trùng lặp, chồng chéo)", "", "Công bố trùng với 1.004501."),
    ("1.004301", 6, "Toàn bộ thủ tục (trùng lặp, chồng chéo)", "", "Cùng hồ sơ với 1.004302, 1.004303 (ba cơ quan): liên thông/hợp nhất."),
    ("1.004302", 6, "Toàn bộ thủ tục (trùng lặp, chồng chéo)", "", "Cùng hồ sơ với 1.004301, 1.004303."),
    ("1.004303", 6, "Toàn bộ thủ tục (trùng lặp, chồng chéo)", "", "Cùng hồ sơ với 1.004301, 1.004302."),
    ("1.004202", 7, "Thành phần hồ sơ", "Các giấy tờ khác theo yêu cầu của cơ quan giải quyết hồ sơ (nếu cần)", ""),
    ("1.004202", 7, "Yêu cầu, điều kiện", "Đáp ứng các điều kiện khác theo yêu cầu của cơ quan có thẩm quyền khi cần thiết", ""),
    ("1.004403", 7, "Thành phần hồ sơ", "Giấy tờ khác theo yêu cầu của cơ quan quản lý nhà nước về lao động", ""),
    ("1.004503", 7, "Căn cứ pháp lý", "", "Không có căn cứ pháp lý."),
    ("1.004602", 7, "Thời hạn giải quyết", "", "Không có thời hạn giải quyết."),
]

LOOKALIKES: list[tuple[str, str]] = [
    ("2.000901", "Bản sao Giấy chứng nhận đủ điều kiện an toàn thực phẩm"),
    ("1.004312", "Bản sao Giấy chứng nhận đủ điều kiện kinh doanh dược đã cấp"),
    ("1.002041", "Bản sao Giấy chứng nhận đủ điều kiện kinh doanh dược của cơ sở nhập khẩu"),
    ("1.002081", "Bản sao Giấy phép kinh doanh vận tải bằng xe ô tô"),
]

DUPLICATES: list[tuple[str, str, str, str]] = [
    ("1.004501", "1.004599", "duplicate", "Cùng một thủ tục trợ cấp xã hội hằng tháng công bố hai lần (QĐ 1290 và QĐ 1560): giấy tờ đảo thứ tự, \"UBND\" thay \"Ủy ban nhân dân\", một tên giấy tờ viết không dấu."),
    ("1.004105", "2.000635", "variant", "Cùng thủ tục cấp bản sao trích lục hộ tịch ở hai cấp (xã và tỉnh), giấy tờ gần như giống hệt."),
    ("1.002091", "1.004705", "variant", "Cấp chứng chỉ hành nghề xây dựng ở cấp bộ (hạng I) và cấp tỉnh (hạng II, III): cùng hồ sơ, khác hạng."),
    ("1.001078", "1.001089", "variant", "Cấp Phiếu lý lịch tư pháp ở hai tỉnh (Bình Sơn 10 ngày, An Lạc 07 ngày và thêm văn bản ủy quyền)."),
    ("1.004101", "1.004111", "variant", "Đăng ký khai sinh ở hai tỉnh: Bình Sơn còn đòi sổ hộ khẩu, căn cước, giấy chứng nhận kết hôn; An Lạc thì không."),
    ("1.004701", "1.004702", "family", "Họ giấy phép xây dựng công trình cấp II, III: cấp mới / điều chỉnh."),
    ("1.004701", "1.004703", "family", "Họ giấy phép xây dựng công trình cấp II, III: cấp mới / gia hạn."),
    ("1.004701", "1.004704", "family", "Họ giấy phép xây dựng công trình cấp II, III: cấp mới / cấp lại."),
    ("1.004703", "1.004704", "family", "Gia hạn và cấp lại giấy phép xây dựng: cùng đơn mẫu số 02, cùng bản chính giấy phép."),
    ("1.004721", "1.004722", "family", "Giấy phép xây dựng nhà ở riêng lẻ: cấp mới / có thời hạn."),
    ("1.004301", "1.004302", "overlap", "Hai cơ quan (Sở Y tế, Sở Nông nghiệp và Môi trường) cấp cùng loại giấy chứng nhận an toàn thực phẩm với hồ sơ và trình tự gần như giống hệt: ứng viên liên thông/hợp nhất."),
    ("1.004301", "1.004303", "overlap", "Sở Y tế và Sở Công Thương: cùng hồ sơ giấy chứng nhận an toàn thực phẩm."),
    ("1.004302", "1.004303", "overlap", "Sở Nông nghiệp và Môi trường và Sở Công Thương: cùng hồ sơ giấy chứng nhận an toàn thực phẩm."),
]
FAMILIES = [["1.004701", "1.004702", "1.004703", "1.004704"], ["1.004721", "1.004722"]]


def _reg_cite(art: str, doc: str, attached: bool = True) -> dict:
    """A regulation unit as the reader cites it (a Quy chế issued with a decision, or the decision)."""
    head = "Quy chế ban hành kèm theo Quyết định" if attached else "Quyết định"
    return {"citation": f"Điều {art}, {head} {doc}", "doc_number": doc, "article": art}


# (query, expected procedure codes, expected regulation units, note)
SEARCH: list[tuple[str, list[str], list[dict], str]] = [
    ("làm giấy khai sinh cho con", ["1.004101", "1.004111"], [], "ngôn ngữ đời thường"),
    ("dang ky ket hon", ["1.004102"], [], "không dấu"),
    ("xin giấy phép xây dựng nhà ở", ["1.004721", "1.004722"], [], ""),
    ("gia hạn giấy phép xây dựng", ["1.004703"], [], "phải phân biệt trong họ giấy phép"),
    ("phiếu lý lịch tư pháp", ["1.001078", "1.001089"], [], "hai tỉnh"),
    ("thành lập công ty trách nhiệm hữu hạn một thành viên", ["2.001610"], [], ""),
    ("trợ cấp thất nghiệp", ["1.004402"], [], ""),
    ("giấy phép lao động cho người nước ngoài", ["1.004401"], [], ""),
    ("giấy chứng nhận an toàn thực phẩm cho nhà hàng", ["1.004301"], [], "nhà hàng = dịch vụ ăn uống"),
    ("đổi bằng lái xe", ["1.004712"], [], "\"bằng lái\" là cách nói thường ngày"),
    ("mo ho kinh doanh", ["2.000720"], [], "không dấu, nói tắt"),
    ("sang tên sổ đỏ khi mua bán đất", ["1.004202"], [], "cách nói thường ngày của chuyển nhượng quyền sử dụng đất"),
    ("tro cap xa hoi hang thang", ["1.004501", "1.004599"], [], "không dấu; hai bản công bố trùng"),
    ("cong nhan van bang nuoc ngoai", ["1.002061"], [], "không dấu"),
    ("chứng thực bản sao giấy tờ", ["2.000488"], [], ""),
    ("giấy phép bán rượu", ["2.000901"], [], ""),
    ("lữ hành quốc tế", ["1.002071"], [], ""),
    ("nhà thuốc đủ điều kiện kinh doanh dược", ["1.004311"], [], ""),
    ("trách nhiệm của đại diện lãnh đạo về chất lượng", [], [_reg_cite("6", "215/QĐ-STP")], "quy chế ISO 9001"),
    ("đánh giá nội bộ ISO bao lâu một lần", [], [_reg_cite("9", "215/QĐ-STP")], ""),
    ("hồ sơ quá hạn phiếu xin lỗi hẹn lại ngày trả kết quả", [], [_reg_cite("9", "18/2025/QĐ-UBND")], "quy chế một cửa"),
    ("thoi gian cu cong chuc lam viec tai bo phan mot cua", [], [_reg_cite("6", "18/2025/QĐ-UBND")], "không dấu"),
    ("kế hoạch rà soát thủ tục hành chính hằng năm", [], [_reg_cite("3", "07/2025/QĐ-UBND", False)], ""),
    ("bãi bỏ yêu cầu giấy tờ khác theo yêu cầu của cơ quan", [], [_reg_cite("4", "07/2025/QĐ-UBND", False)], ""),
]


def ground_truth(files: dict[str, list[Procedure]]) -> dict:
    """Build corpus/ground_truth.json and check every reference against the data."""
    procs: dict[str, tuple[str, Procedure]] = {}
    for rel, ps in files.items():
        for p in ps:
            assert p.code not in procs, f"mã trùng: {p.code}"
            procs[p.code] = (rel, p)

    def check(code: str, paper: str = "") -> None:
        assert code in procs, f"không có thủ tục {code}"
        if paper:
            names = [d.name for d in procs[code][1].documents] + procs[code][1].requirements
            assert any(paper.lower() in n.lower() for n in names), f"{code}: không thấy giấy tờ {paper!r}"

    simp = []
    for code, (rel, p) in sorted(procs.items()):
        if code not in PRESENCE_BY_NATURE and not any(c.channel == "Trực tuyến" for c in p.channels):
            only = "chỉ nộp trực tiếp" if all(c.channel == "Trực tiếp" for c in p.channels) else "không có nộp trực tuyến"
            simp.append({"code": code, "rule": 5, "component": "Cách thức thực hiện", "note": only})
    for code, paper, db in DB_PAPERS:
        check(code, paper)
        simp.append({"code": code, "rule": 1, "component": "Thành phần hồ sơ", "paper": paper, "database": db})
    for code, rule, comp, paper, note in OTHER_FINDINGS:
        check(code, paper)
        e = {"code": code, "rule": rule, "component": comp}
        if paper:
            e["paper"] = paper
        if note:
            e["note"] = note
        simp.append(e)
    for code, paper in LOOKALIKES:
        check(code, paper)
    for a, b, _, _ in DUPLICATES:
        check(a)
        check(b)
    for q, codes, _, _ in SEARCH:
        for c in codes:
            check(c)
    regs = regulations()
    reg_articles = {(r.doc_number, a[0]) for r in regs for _, _, arts in r.chapters for a in arts}
    for _, _, units, _ in SEARCH:
        for u in units:
            assert (u["doc_number"], u["article"]) in reg_articles, u
    lists = []
    for i, (name, code, _f, _l, status, exp, cands) in enumerate(LIST_ROWS, 1):
        if exp:
            check(exp)
        for c in cands:
            check(c)
        e = {"row": i, "name": name, "code": code, "expected_status": status, "expected_code": exp}
        if cands:
            e["candidates"] = cands
        lists.append(e)

    return {
        "description": "Dữ liệu mẫu RaSoát (tự soạn, không phải dữ liệu thật). Sample data: ground truth for tests and demos.",
        "procedures": {
            code: {"file": f"corpus/{rel}", "field": p.field, "level": p.level, "name": p.name, "province": p.province}
            for code, (rel, p) in sorted(procs.items())
        },
        "duplicates": [{"a": a, "b": b, "relation": r, "why": why} for a, b, r, why in DUPLICATES],
        "families": FAMILIES,
        "rules": {str(k): v for k, v in RULES.items()},
        "simplification": sorted(simp, key=lambda e: (e["code"], e["rule"])),
        "lookalike_negatives": [{"code": c, "paper": p} for c, p in LOOKALIKES],
        "search": [
            {
                "query": q,
                "expected": [f"tthc:{c}" for c in codes] + [u["citation"] for u in units],
                "expected_units": units,
                "note": note,
            }
            for q, codes, units, note in SEARCH
        ],
        "regulations": [
            {"file": f"corpus/{r.path}", "doc_number": r.doc_number, "articles": r.articles()} for r in regs
        ],
        "lists": lists,
        "list_files": ["corpus/lists/danh-muc-tinh.csv", "corpus/lists/danh-muc-tinh.xlsx"],
    }


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------


def build() -> dict:
    """Write every corpus file; return the ground truth."""
    files: dict[str, list[Procedure]] = dict(json_files())
    for rel, procs in files.items():
        write_json(rel, procs)
    files[DOCX_PROC] = docx_xay_dung()
    files[PDF_PROC] = pdf_an_lac()
    for p in files[DOCX_PROC] + files[PDF_PROC]:
        p.source = Source(file="")
    write_procedure_docx(DOCX_PROC, files[DOCX_PROC])
    write_procedure_pdf(PDF_PROC, files[PDF_PROC])
    iso, mot_cua, ra_soat = regulations()
    write_reg_docx(iso)
    write_reg_pdf(mot_cua)
    write_reg_md(ra_soat)
    write_lists()
    gt_data = ground_truth(files)
    from make_processes import process_pairs, write_processes

    by_code = {p.code: p for ps in files.values() for p in ps}
    gt_data["processes"] = write_processes(ROOT, by_code, fix_zip=_fix_zip, docx_core=_docx_core, new_pdf=_pdf,
                                           pdf_line=_pdf_line, font=FONT)
    gt_data["process_pairs"] = process_pairs()
    (ROOT / "ground_truth.json").write_text(json.dumps(gt_data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gt_data


def main() -> int:
    """Regenerate the corpus and print a short summary."""
    g = build()
    fields = {v["field"] for v in g["procedures"].values()}
    levels = {v["level"] for v in g["procedures"].values()}
    print(f"Đã tạo {len(g['processes'])} quy trình ISO, {len(g['procedures'])} thủ tục ({len(fields)} lĩnh vực, cấp: {', '.join(sorted(levels))}), "
          f"{len(g['regulations'])} văn bản ({sum(r['articles'] for r in g['regulations'])} điều), "
          f"{len(g['lists'])} dòng danh mục.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
