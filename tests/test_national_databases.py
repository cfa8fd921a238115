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
        "",
        # issue 13: more look-alikes
        "Bản sao Giấy chứng nhận đủ điều kiện về an ninh, trật tự",
        "Giấy phép kinh doanh dịch vụ lữ hành quốc tế",  # a licence of another sector
        "Bản sao giấy phép kinh doanh vận tải bằng xe ô tô",
        "Giấy chứng nhận đăng ký đầu tư (bản sao)",  # an investment certificate alone
        "Bản sao Giấy chứng nhận đăng ký đầu tư hoặc văn bản chấp thuận chủ trương đầu tư",
        "Giấy khai sinh do cơ quan có thẩm quyền của nước ngoài cấp đã được hợp pháp hóa lãnh sự",
        "Giấy chứng nhận đăng ký doanh nghiệp hoặc các tài liệu tương đương do cơ quan quản lý có thẩm quyền nước ngoài cấp",
        "Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của nước nơi người đó cư trú cấp",
        "Văn bản đề nghị ghi rõ họ tên, chức vụ, số Căn cước công dân, Chứng minh nhân dân hoặc Hộ chiếu của người đại diện",
        "Danh sách thành viên, trong đó nêu rõ: Họ và tên; số căn cước hoặc số định danh cá nhân; nơi cư trú",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "Giấy tờ về cư trú hoặc giấy phép lao động tại Việt Nam đối với người nước ngoài",
        "Giấy tờ chứng minh về trụ sở",
        "Giấy chứng nhận đăng ký phương tiện hoạt động vui chơi, giải trí dưới nước",
        "Văn bản xác định diện tích đất nhưng chưa được cấp giấy chứng nhận quyền sử dụng đất",
        "Bản chụp trang nhân thân hộ chiếu",
        # issue 13, second dev sample: papers legalised abroad, of a neighbouring country's
        # citizen or of a stateless person; a civil-status fallback note names no paper
        "Bản chính Phiếu lý lịch tư pháp hoặc giấy tờ khác thay thế đã được hợp pháp hóa lãnh sự",
        "Bản sao giấy tờ chứng minh nhân thân, giấy tờ chứng minh nơi thường trú ở khu vực biên giới của công dân nước láng giềng",
        "Bản sao Giấy khai sinh, Hộ chiếu hoặc giấy tờ khác có giá trị thay thế đối với người không quốc tịch",
        "Trường hợp không khai thác được thông tin thì cơ quan đăng ký hộ tịch yêu cầu người đi đăng ký hộ tịch "
        "xuất trình bản chính giấy tờ để chứng minh",
        "Tên, địa chỉ đối với cơ quan, tổ chức; tên, số thẻ Căn cước/thẻ Căn cước công dân/số định danh cá nhân",
        "Giấy phép lái xe do cơ quan có thẩm quyền nước ngoài cấp cho nhà đầu tư nước ngoài",
        # issue 13, fourth dev sample: foreigners' diplomatic / official ID
        "Bản sao một trong các giấy tờ: giấy chứng minh thư ngoại giao, giấy chứng minh thư công vụ, thẻ tạm trú",
        # issue 13, fifth dev sample: the paper excepted, the request form (its code names the paper),
        # a person without Vietnamese nationality, a parent's death is not a kin relation to prove
        "Bản sao giấy tờ tùy thân của người đề nghị cấp thẻ, trừ căn cước công dân, thẻ căn cước.",
        "Văn bản yêu cầu cấp thông tin dùng cho cơ quan tiến hành tố tụng (Mẫu số 03/2025/LLTP)",
        "Đối với nhân sự dự kiến không có quốc tịch Việt Nam: Phiếu lý lịch tư pháp hoặc văn bản có giá trị tương đương",
        "Giấy chứng nhận đã cấp cho tàu cá",
        # sixth dev sample: the result named in brackets; a foreigner's paper said so in brackets
        "Khi đến cơ quan đăng ký hộ tịch nhận kết quả (Giấy chứng nhận kết hôn), người có yêu cầu phải nộp đơn",
        "Bản sao giấy xác nhận tình trạng hôn nhân (đối với người nước ngoài)",
        # seventh dev sample: an organisation set up abroad, a failed look-up, the account that merely holds
        # an integrated passport
        "Tài liệu chứng minh tổ chức được thành lập hợp pháp ở nước ngoài: bản sao giấy chứng nhận đăng ký kinh doanh",
        "Trường hợp không tra cứu được thông tin do chưa có trong Cơ sở dữ liệu hộ tịch điện tử thì đề nghị xác minh",
        "Cá nhân đã kích hoạt tài khoản định danh điện tử thì không phải nộp bản sao hộ chiếu đã tích hợp",
        # eighth: the e-ID boilerplate, a missing proof replaced by a sworn statement
        "Thông tin tích hợp trên căn cước điện tử, tài khoản định danh điện tử có giá trị chứng minh như giấy tờ",
        "Nếu không có chứng cứ chứng minh quan hệ cha, mẹ, con thì phải có văn bản cam đoan của các bên",
        # tenth: a paper the line already said is issued abroad, referred back to; a business run abroad
        "Đối với nhân sự không có quốc tịch Việt Nam: Phiếu lý lịch tư pháp do cơ quan có thẩm quyền nước ngoài cấp. "
        "Phiếu lý lịch tư pháp quy định tại điểm này phải được cấp không quá 06 tháng",
        "Bản sao đăng ký kinh doanh hoặc chứng từ xác nhận hoạt động kinh doanh tại nước ngoài",
        # eleventh: a vague land paper where nothing says the agency looks it up; an e-copy note
        "Bản sao giấy tờ hợp pháp chứng minh về quyền sử dụng đất theo quy định",
        "Trường hợp đã có bản điện tử giấy tờ hộ tịch thì người yêu cầu được sử dụng bản điện tử này",
        # twelfth: a list headed by a foreign firm; the act of declaring residence in a look-up clause
        "Tài liệu về doanh nghiệp bảo hiểm nước ngoài: ++ Bản sao giấy chứng nhận đăng ký kinh doanh",
        "Người được trở lại quốc tịch khi khai báo thông tin về cư trú phải có quyết định, trừ trường hợp đã khai "
        "thác được thông tin",
        # thirteenth: the look-up failed, said after a ";" in the same sentence
        "Nếu qua tra cứu thông tin trong Cơ sở dữ liệu hộ tịch điện tử; thông qua kết nối không thể hiện thông tin "
        "về việc đã ghi chú ly hôn thì cơ quan hướng dẫn công dân",
        # fourteenth: a paper asked only of foreign firms
        "Giấy phép thành lập hoặc chứng nhận đăng ký doanh nghiệp hoặc văn bản tương đương (trừ doanh nghiệp Việt Nam)",
        # sixteenth: issued by the country where the taxpayer resides
        "Bản sao đăng ký kinh doanh hoặc giấy chứng nhận đăng ký thuế do nước cư trú cấp",
        # nineteenth: the act of adjusting residence data; a form's wording amended
        "Trường hợp thông tin đã được cập nhật từ Cơ sở dữ liệu hộ tịch điện tử thì công dân không phải thực hiện "
        "thủ tục điều chỉnh thông tin về cư trú",
        "Đơn đề nghị theo mẫu, trong đó thay thế cụm từ “Số Chứng minh nhân dân (Căn cước công dân)” bằng cụm từ "
        "“Số Căn cước công dân/Căn cước”",
        # twentieth: a form listing "họ, tên, nơi cư trú, số … thẻ Căn cước công dân"
        "Văn bản đăng ký gồm: tên văn phòng; họ, tên, nơi cư trú, số Giấy chứng minh nhân dân, thẻ Căn cước công "
        "dân của người đứng đầu",
    ],
)
def test_look_alikes_do_not_match(name: str) -> None:
    assert keys(name) == []


@pytest.mark.parametrize(
    "name, key",
    [
        # a list of alternatives
        ("Giấy chứng nhận đăng ký đầu tư, giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ có giá trị tương đương", "dkdn"),
        # copies
        ("Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu Giấy chứng nhận quyền sử dụng đất, "
         "quyền sở hữu nhà ở", "dat_dai"),
        ("Bản gốc hoặc bản sao có chứng thực hoặc bản sao điện tử được chứng thực từ bản chính Giấy chứng nhận sức khỏe",
         "suc_khoe"),
        # purposes
        ("Giấy tờ chứng minh quan hệ nhân thân với người được hưởng", "nhan_than"),
        ("Bản sao tài liệu về tư cách pháp lý của tổ chức kinh tế", "dkdn"),
        ("Trường hợp cha, mẹ đã chết thì văn bản thỏa thuận được thay thế bằng giấy tờ chứng minh cha, mẹ đã chết", "khai_tu"),
        ("Một trong các giấy chứng nhận quy định tại khoản 21 Điều 3, khoản 3 Điều 256 Luật Đất đai", "dat_dai"),
        # identity papers to show, or in one cell with other papers
        ("Giấy tờ phải xuất trình: Thẻ căn cước hoặc Hộ chiếu", "can_cuoc"),
        ("thì người yêu cầu đăng ký hộ tịch phải xuất trình giấy tờ tùy thân", "can_cuoc"),
        ("++ Văn bản ủy quyền, Bản sao thẻ căn cước công dân hoặc hộ chiếu của người đại diện", "can_cuoc"),
        # glued copy words
        ("Bản sao giấy chứng nhận đăng ký phương tiện cơ giới đường bộ", "dang_ky_xe"),
        ("Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở được cấp qua các thời kỳ", "dat_dai"),
        # issue 13, second dev sample
        ("Bản sao Giấy chứng nhận đầu tư (đồng thời là Giấy chứng nhận đăng ký kinh doanh)", "dkdn"),
        ("Tài liệu về tư cách pháp lý của nhà đầu tư", "phap_ly_nha_dau_tu"),
        # issue 13, third dev sample
        ("Các giấy tờ chứng minh người phụ thuộc theo quy định của pháp luật về thuế thu nhập cá nhân", "nhan_than"),
        ("giấy tờ, tài liệu để chứng minh người con nuôi đó với trẻ em được nhận làm con nuôi là anh, chị em ruột",
         "nhan_than"),
        ("Khi nộp hồ sơ tại UBND cấp xã, cần chứng minh nơi cư trú của người nhận con nuôi", "cu_tru"),
        ("ngoài bản sao Giấy khai sinh, phải có ý kiến bằng văn bản của cha, mẹ", "khai_sinh"),
        ("người có yêu cầu ghi vào Sổ việc nuôi con nuôi đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài "
         "phải xuất trình giấy tờ tùy thân", "can_cuoc"),
        ("bản sao Giấy chứng nhận quyền sử dụng đất của tổ chức kinh tế có nhà đầu tư nước ngoài góp vốn", "dat_dai"),
        ("Bản sao đăng ký kinh doanh hoặc giấy phép hành nghề do Việt Nam cấp", "dkdn"),
        # issue 13, fourth dev sample
        ("Văn bản của cơ quan bảo hiểm xã hội cung cấp thông tin về việc đóng bảo hiểm xã hội của tổ chức", "bhxh"),
        ("Bản sao giấy tờ, tài liệu chứng minh tư cách pháp lý của người đề nghị đăng ký trong trường hợp người đề "
         "nghị là tổ chức, cá nhân Việt Nam", "phap_ly_nha_dau_tu"),
        ("Bản sao có chứng thực Giấy chứng nhận đãng ký hợp tác xã (trường hợp chủ tàu là hợp tác xã)", "htx"),
        ("Tài liệu chứng minh quyền nhân thân giữa người đăng ký và người nhận thừa kế", "nhan_than"),
        # issue 13, fifth dev sample
        ("Giấy xác nhận tình trạng hôn nhân do Cơ quan đại diện ngoại giao, Cơ quan đại diện lãnh sự của Việt Nam ở "
         "nước ngoài cấp", "hon_nhan"),
        ("Giấy tờ của chủ xe (sử dụng tài khoản định danh mức độ 2)", "can_cuoc"),
        ("Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo quy định của Bộ luật Dân sự", "nhan_than"),
        ("Giấy tờ chứng minh là cha, mẹ hoặc người đại diện theo pháp luật đối với trường hợp trẻ em dưới 14 tuổi",
         "nhan_than"),
        ("giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại diện theo pháp luật đối với người "
         "mất năng lực hành vi dân sự, người chưa đủ 14 tuổi", "nhan_than"),
        ("Một trong các giấy tờ: Giấy tờ về quốc tịch, hộ tịch, hộ khẩu, căn cước", "giay_to_ho_tich"),
        ("Danh sách lao động, mức đóng bảo hiểm xã hội, bảo hiểm y tế có xác nhận của cơ quan bảo hiểm", "bhxh"),
        ("Giấy chứng nhận đã cấp hoặc một trong các loại giấy tờ về quyền sử dụng đất", "dat_dai"),
        ("người thừa kế phải gửi bản sao chụp giấy chứng tử", "khai_tu"),
        # issue 13, sixth dev sample
        ("Văn bản đề nghị đăng ký xe tạm thời, kèm theo bản phô tô chứng nhận đăng ký xe", "dang_ky_xe"),
        ("Bản sao điện tử được cấp từ sổ gốc của giấy phép lái xe", "gplx"),
        ("phải nộp giấy tờ chứng minh tình trạng hôn nhân (đối với người nước ngoài), giấy xác nhận của tổ chức y tế",
         "suc_khoe"),
        ("Bản sao Giấy chứng nhận quyền sử dụng đất (của tổ chức có vốn đầu tư nước ngoài)", "dat_dai"),
        ("Trường hợp thông tin đã có trong CSDLQGVDC thì không phải nộp", "csdl_dan_cu"),
        # seventh dev sample
        ("Bản sao Giấy chứng nhận đăng ký hoạt động chi nhánh do Phòng Đăng ký kinh doanh cấp", "dkdn"),
        ("Người được ủy quyền xuất trình tài khoản định danh điện tử", "tai_khoan_dinh_danh"),
        ("Tài liệu chứng minh việc thay đổi tên doanh nghiệp, địa chỉ trụ sở chính", "dkdn"),
        ("Bản sao giấy khai sinh của con hoặc giấy tờ hợp lệ khác chứng minh quan hệ cha con, mẹ con", "nhan_than"),
        # ninth dev sample
        ("Bản sao giấy tờ chứng minh người đứng đầu văn phòng thường trú tại Việt Nam", "cu_tru"),
        ("Nộp kèm bản sao giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại diện hợp pháp",
         "nhan_than"),
        ("Hợp đồng chuyển nhượng quyền sử dụng đất và bản gốc Giấy chứng nhận đã cấp", "dat_dai"),
        ("Giấy tờ pháp lý của tổ chức đối với thành viên là tổ chức", "dkdn"),
        # tenth
        ("Bản sao điện tử từ sổ gốc giấy chứng nhận đăng ký xe ô tô", "dang_ky_xe"),
        ("Khi nộp hồ sơ cần chứng minh nơi người được nhận làm con nuôi thường trú", "cu_tru"),
        ("Văn bản xác nhận của cơ quan bảo hiểm về việc tham gia bảo hiểm cho người lao động", "bhxh"),
        # eleventh: a vague land paper the record says the agency looks up (lookup_only)
        ("Tổ chức không phải nộp các giấy tờ hợp pháp chứng minh về quyền sử dụng đất khi cơ quan khai thác được "
         "thông tin trên Cơ sở dữ liệu quốc gia", "giay_to_dat"),
        ("Cơ quan tra cứu thông tin về giấy tờ hộ tịch qua Cơ sở dữ liệu hộ tịch điện tử", "giay_to_ho_tich"),
        # twelfth
        ("Bản khai quá trình đóng bảo hiểm xã hội", "bhxh"),
        ("Giấy tờ để chứng minh người nhận con nuôi là cô, cậu, dì, chú, bác ruột của trẻ", "nhan_than"),
        ("Bản sao tài liệu chứng minh tư cách pháp nhân, chức năng nhiệm vụ của doanh nghiệp", "dkdn"),
        # thirteenth
        ("Hồ sơ chứng minh người phụ thuộc theo quy định của Luật Thuế thu nhập cá nhân", "nhan_than"),
        ("Bằng Tổ quốc ghi công kèm theo giấy tờ chứng minh mối quan hệ thân nhân với liệt sỹ", "nhan_than"),
        ("Văn bản của cơ quan thuế, cơ quan bảo hiểm xã hội xác nhận về việc thực hiện nghĩa vụ thuế, đóng bảo "
         "hiểm xã hội của tổ chức", "bhxh"),
        ("Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng đối với tài sản mà pháp luật quy định phải đăng ký "
         "quyền sở hữu, quyền sử dụng", "dat_dai"),
        # fourteenth
        ("Bản sao sổ hoặc tờ rời về tham gia bảo hiểm xã hội", "bhxh"),
        # fifteenth: land with a water surface is still land in the land database
        ("Bản chính giấy chứng nhận quyền sử dụng đất có mặt nước ven biển", "dat_dai"),
        # seventeenth
        ("Xác nhận của cơ quan bảo hiểm xã hội về việc đã hoàn thành nghĩa vụ về bảo hiểm xã hội", "bhxh"),
        ("Sơ yếu lý lịch tư thuật; PLLTP được cấp chưa quá 12 tháng", "lltp"),
        # nineteenth
        ("Hợp đồng lao động kèm theo giấy tờ chứng minh thời gian đóng bảo hiểm xã hội", "bhxh"),
        ("Bản sao chứng chỉ hoặc hợp đồng lao động và hồ sơ bảo hiểm xã hội", "bhxh"),
        ("Chứng nhận thu hồi chứng nhận đăng ký xe, biển số xe", "thu_hoi_dang_ky_xe"),
        ("Xuất trình giấy tờ hợp lệ chứng minh thông tin người đến nộp hồ sơ", "can_cuoc"),
        ("Tài liệu về tư cách pháp lý của cá nhân, tổ chức góp vốn, mua cổ phần", "phap_ly_nha_dau_tu"),
        # twentieth
        ("Bản sao giấy chứng nhận đủ tiêu chuẩn sức khỏe lái tàu theo quy định của Bộ trưởng Bộ Y tế", "suc_khoe"),
        ("Phiếu lý lịch tư pháp có thể do cơ quan có thẩm quyền của nước nơi người đó cư trú cấp. Đối với Phiếu lý "
         "lịch tư pháp do cơ quan có thẩm quyền của Việt Nam cấp, người nộp không phải nộp Phiếu lý lịch tư pháp", "lltp"),
    ],
)
def test_reads_like_a_reviewer(name: str, key: str) -> None:
    assert key in keys(name)


def test_lookup_clause_is_a_candidate_with_its_own_flag() -> None:
    ms = match_paper("Bản sao giấy khai sinh (cơ quan giải quyết khai thác trong Cơ sở dữ liệu hộ tịch điện tử)")
    assert [m.paper.key for m in ms] == ["khai_sinh"] and all(m.lookup for m in ms)
    ms = match_paper(
        "(Trường hợp khai thác được thông tin trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp: Tổ chức, cá nhân, "
        "doanh nghiệp không phải nộp Bản sao Giấy chứng nhận đăng ký hộ kinh doanh."
    )
    assert [m.paper.key for m in ms] == ["hkd"] and ms[0].lookup and ms[0].database.key == "dkdn"
    # no paper named: the databases the clause names
    ms = match_paper("Trường hợp các thông tin cá nhân đã có trong Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu hộ "
                     "tịch điện tử thì không phải tải lên")
    assert {m.database.key for m in ms} == {"dan_cu", "ho_tich"}
    assert not match_paper("Bản sao giấy khai sinh")[0].lookup


def test_investor_legal_status_names_both_databases() -> None:
    (m,) = match_paper("Tài liệu về tư cách pháp lý của các bên tham gia hợp tác kinh doanh")
    assert {d.key for d in m.databases} == {"dkdn", "dan_cu"}


def test_one_paper_several_databases_with_provisions() -> None:
    (m,) = match_paper("Giấy tờ chứng minh quan hệ nhân thân")
    assert [d.key for d in m.databases] == ["ho_tich", "dan_cu"]
    prov = {d.key: p for d, p in m.provisions()}
    assert prov["ho_tich"].startswith("Điều 4 khoản 2 Nghị quyết số 66.7/2025/NQ-CP") and "Luật Hộ tịch" in prov["ho_tich"]
    assert prov["dan_cu"].startswith("Điều 4 khoản 1 ")


def test_mapping_is_data_not_code() -> None:
    import json

    from search.simplify.national_databases import DATA_PATH

    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert DATA_PATH.parent.name == "data" and {p["key"] for p in data["papers"]} == {p.key for p in PAPERS}


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
    assert all(k in db_keys for p in PAPERS for k, _ in p.databases)
    assert database("dan_cu").citation.startswith("Điều 4 khoản 1 ")
    rows = catalogue_rows()
    assert len(rows) == len(PAPERS) and all(r.citation.startswith("Điều 4 khoản") for r in rows)


def test_a_civil_status_extract_is_not_a_kin_relation() -> None:
    (m,) = match_paper("Bản sao trích lục hộ tịch về việc ghi chú ly hôn đã thực hiện")
    assert m.paper.key == "giay_to_ho_tich" and [d.key for d in m.databases] == ["ho_tich"]


def test_the_act_is_not_the_paper_in_a_lookup_clause() -> None:
    found = keys("Giấy tờ chứng minh nơi cư trú để xác định thẩm quyền đăng ký kết hôn trong trường hợp cơ quan "
                 "không khai thác được thông tin về nơi cư trú")
    assert found == ["cu_tru"]
