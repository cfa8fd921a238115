"""Python search API: open_index(...).search / get / procedures / vectors, filters, accents, explain."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.records import LegalUnit, Procedure
from search import open_index
from search.hits import HIT_KEYS, Hit
from search.index import SearchError, SearchIndex
from test_pipeline import shared_build


@pytest.fixture(scope="module")
def ix() -> SearchIndex:
    _, index, _ = shared_build()
    return open_index(index)


def test_hybrid_finds_procedure_with_citation_and_snippet(ix):
    hits = ix.search("đăng ký khai sinh", k=5)
    assert hits and isinstance(hits[0], Hit)
    top = hits[0]
    assert top.id == "tthc:1.000001" and top.kind == "procedure" and top.code == "1.000001"
    assert top.citation == "Thủ tục 1.000001: Đăng ký khai sinh"
    assert "<mark>" in top.snippet and top.source.endswith("tt-1.000001.json")
    assert len({h.id for h in hits}) == len(hits)  # one hit per record
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
def test_accentless_query(ix, mode):
    assert ix.search("dang ky khai sinh", k=3, mode=mode)[0].id == "tthc:1.000001"
    assert ix.search("giay phep xay dung", k=3, mode=mode)[0].id == "tthc:1.000003"


def test_dense_mode_answers(ix):
    hits = ix.search("dang ky ket hon", k=3, mode="dense")
    assert len(hits) == 3
    assert all(h.explain is None for h in hits)


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
def test_code_in_query_puts_that_record_first(ix, mode):
    # the code is written nowhere in the searched text: the officer who types it means that record
    for query in ("thủ tục 1.000003", "hồ sơ của TTHC (1.000003)?", "1.000003"):
        hits = ix.search(query, k=3, mode=mode, explain=True)
        assert hits[0].id == "tthc:1.000003" and hits[0].explain["code_match"] is True
        assert all("code_match" not in h.explain for h in hits[1:])
    assert ix.coded_records("1.000003 và 1.000001") == ["tthc:1.000003", "tthc:1.000001"]
    assert ix.coded_records("năm 1.000003x") == [] and ix.coded_records("") == []
    # within the filters: a code outside them is not brought back
    assert all(h.kind == "regulation" for h in ix.search("1.000003", k=3, mode=mode, where={"kind": "regulation"}))


def test_named_level_is_preferred(ix):
    rows = ix.level_rows("nộp hồ sơ ở UBND phường")
    marked = {u.record_id for u, m in zip(ix.units(), rows) if m}
    assert marked == {"tthc:1.000001", "tthc:1.000002"}  # "Cấp xã"; never a regulation
    assert ix.level_rows("bảo hiểm xã hội") is None and ix.level_rows("hồ sơ gồm gì") is None
    tinh = {u.record_id for u, m in zip(ix.units(), ix.level_rows("lên Sở Xây dựng hỏi")) if m}
    assert tinh == {"tthc:2.000004"}
    for mode in ("hybrid", "lexical", "dense"):
        hits = ix.search("cấp giấy tờ ở tỉnh", k=4, mode=mode, explain=True)
        flags = {h.id: h.explain["named_level"] for h in hits}
        assert flags.get("tthc:2.000004", True) is True and not any(v for k, v in flags.items() if k != "tthc:2.000004")
    plain = ix.search("cấp giấy tờ", k=4, explain=True)
    assert all("named_level" not in h.explain for h in plain)
    # a name that states its level outranks the "Cấp thực hiện" field (left at "Cấp xã" by the reform)
    from search.index import _LEVEL_IN_NAME
    from indexer.vietnamese import fold
    assert _LEVEL_IN_NAME.search(fold("Trình báo mất thẻ ABTC (thực hiện tại cấp huyện)"))
    assert _LEVEL_IN_NAME.search(fold("Cấp lại thẻ giám định viên tư pháp cấp Trung ương"))
    assert not _LEVEL_IN_NAME.search(fold("Cấp lại thẻ Căn cước công dân"))
    # a question answered by a regulation keeps its order: no level preference at all
    legal = ix.search("hướng dẫn bổ sung hồ sơ một lần tại Bộ phận Một cửa cấp xã", k=5, explain=True)
    assert legal[0].kind == "regulation" and all("named_level" not in h.explain for h in legal)


def test_regulation_hit_cites_clause(ix):
    hits = ix.search("hướng dẫn bổ sung hồ sơ một lần tại Bộ phận Một cửa", k=3, where={"kind": "regulation"})
    assert hits and all(h.kind == "regulation" for h in hits)
    assert hits[0].id.startswith("vb:61/2018/NĐ-CP|3")
    assert "61/2018/NĐ-CP" in hits[0].citation and hits[0].citation.startswith("Điều 3")
    assert hits[0].code == ""


def test_filters(ix):
    hits = ix.search("thủ tục", k=10, where={"field": "ho tich"})
    assert {h.id for h in hits} == {"tthc:1.000001", "tthc:1.000002"}
    assert [h.id for h in ix.search("cấp", k=10, where={"level": "TỈNH"})] == ["tthc:2.000004"]
    assert {h.id for h in ix.search("hồ sơ", k=10, where={"kind": "procedure", "agency": "cấp xã"})} <= {
        "tthc:1.000001", "tthc:1.000002"}
    assert [h.id for h in ix.search("đăng ký", k=5, where={"code": "1.000002"})] == ["tthc:1.000002"]
    assert {h.id for h in ix.search("hộ tịch", k=10, where={"doc_number": "123/2015"})} == {"tthc:1.000001"}
    both = ix.search("đăng ký", k=10, where={"code": ["1.000001", "1.000002"]})
    assert {h.id for h in both} == {"tthc:1.000001", "tthc:1.000002"}
    assert all(h.kind == "regulation" for h in ix.search("hồ sơ", k=10, where={"kind": "regulation"}))
    assert ix.search("hồ sơ", k=10, where={"code": "9.999999"}) == []
    with pytest.raises(SearchError):
        ix.search("hồ sơ", where={"mau": "x"})
    with pytest.raises(SearchError):
        ix.search("hồ sơ", mode="fuzzy")


def test_explain_and_json_shape(ix):
    h = ix.search("giấy chứng sinh", k=1, explain=True)[0]
    d = h.to_dict()
    assert set(d) == set(HIT_KEYS) | {"explain"}
    assert {"lexical_rank", "lexical_score", "dense_rank", "dense_score", "unit"} <= set(d["explain"])
    # the right record first; with e5's weight its best unit may be the whole text (dense rank 1)
    assert h.id == "tthc:1.000001" and d["explain"]["lexical_rank"] is not None and d["explain"]["dense_rank"]
    assert set(ix.search("giấy chứng sinh", k=1)[0].to_dict()) == set(HIT_KEYS)


def test_never_silently_empty(ix):
    for q in ("giấy chứng sinh", "căn cước", "QUY HOẠCH", "cong khai minh bach"):
        assert ix.search(q, k=3, mode="lexical"), q
        assert ix.search(q, k=3), q
    assert ix.search("   ", k=3) == []


def test_get_records(ix):
    p = ix.get("1.000001")
    assert isinstance(p, Procedure) and p.name == "Đăng ký khai sinh"
    assert ix.get("tthc:1.000001") == p
    assert ix.get("tthc:1.000001#steps") == p
    assert ix.get("không-có") is None
    reg = ix.regulations()
    assert reg and all(isinstance(r, LegalUnit) for r in reg)
    assert ix.get(ix.record_ids("regulation")[0]) == reg[0]
    assert len(ix.procedures()) == 4


def test_vectors(ix):
    ids, vecs = ix.procedure_vectors()
    assert ids == ix.record_ids("procedure") and vecs.shape == (4, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    q = ix.encode_queries(["đăng ký khai sinh", "căn cước"])
    assert q.shape == (2, 384)


def test_status_and_manifest(ix):
    s = ix.status()
    assert s["documents"] == len(ix.record_ids()) and s["procedures"] == 4
    assert s["model"] == "multilingual-e5-small-q4" and s["dense"] == "flat" and s["stale"] is False
    assert ix.manifest["counts"]["units"] == s["units"]
    assert ix.path.name == "index"


@pytest.mark.parametrize("threshold", [10**9, 100])
def test_dense_index_flat_and_ivf_roundtrip(tmp_path, threshold):
    from indexer.faiss_index import build_index, save_index
    from search.dense import DenseIndex

    rng = np.random.default_rng(0)
    v = rng.standard_normal((2000, 32)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    save_index(build_index(v, threshold=threshold), tmp_path / "v.faiss")
    d = DenseIndex.load(tmp_path / "v.faiss")
    assert d.kind == ("flat" if threshold > 2000 else "ivf")
    assert np.allclose(d.vectors[7], v[7])
    rows, scores = d.search(v[42], 5)
    assert rows[0] == 42 and scores[0] == pytest.approx(1.0, abs=1e-4)
    allowed = np.zeros(2000, dtype=bool)
    allowed[100:110] = True
    rows, _ = d.search(v[42], 3, allowed=allowed)
    assert len(rows) == 3 and all(100 <= r < 110 for r in rows)


def test_snippet_fast_paths_match_reference():
    """The snippet fast paths give exactly what vietnamese.normalize and a token-by-token scan give."""
    import re

    from indexer.vietnamese import _TOKEN, fold, has_diacritics, normalize
    from search import snippets

    texts = [
        "Đăng ký khai sinh\r\ntại  UBND\u00a0cấp xã;\u200b hoà giải, thuỷ sản, qủa\tQuyết định 19/2014/QĐ-TTg",
        "Thủ tục 1.000080: cấp lại GIẤY PHÉP lái xe – hạng B2 (ISO 9001:2008)\u3000\u2003phí 135.000 đồng",
        "e\u0301 dấu rời, İstanbul ǅ ligature, \u00adnối mềm, Ủy ban nhân dân",
        "",
    ]
    for text in texts:
        assert snippets._normalize_fast(text) == re.sub(r"\s+", " ", normalize(text)).strip()
        norm = snippets._normalize_fast(text)
        spans = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(norm)]
        toks = [w for _, _, w in spans]

        def adjacent(i: int) -> bool:
            return norm[spans[i][1]:spans[i + 1][0]].isspace()

        for query in ("đăng ký", "dang ky", "UBND", "hòa giải", "thuy san", "19/2014/qđ-ttg", "1.000080", "phí"):
            words, fwords, pairs, fpairs, alone, falone = snippets._query_forms(query)
            idx = []
            if has_diacritics(query) and any(t in words for t in toks):
                known = words | {w for p in pairs for w in p}
                idx = snippets._marked(toks, adjacent, words, pairs, alone, known)
            if not idx:
                ftoks = [fold(t) for t in toks]
                idx = snippets._marked(ftoks, adjacent, fwords, fpairs, falone, fwords | {w for p in fpairs for w in p})
            want = [(spans[i][0], spans[i][1], fold(toks[i])) for i in idx]
            assert snippets._matches(norm, query) == want, (text, query)


def _decree(number: str, title: str, days: str) -> str:
    return f"""# NGHỊ ĐỊNH
Số: {number}

{title}

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về {title.lower()}.

Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành; các quy định trước đây trái với Nghị định này bị bãi bỏ sau {days} ngày.
"""


@pytest.fixture(scope="module")
def two_decrees(tmp_path_factory) -> SearchIndex:
    from indexer.pipeline import index_sources

    root = tmp_path_factory.mktemp("named-docs")
    src = root / "src"
    src.mkdir()
    (src / "nd-61.md").write_text(_decree("61/2018/NĐ-CP", "VỀ THỰC HIỆN CƠ CHẾ MỘT CỬA", "30"), encoding="utf-8")
    (src / "nd-63.md").write_text(_decree("63/2010/NĐ-CP", "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "45"), encoding="utf-8")
    index_sources([src], root / "index")
    return open_index(root / "index")


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
@pytest.mark.parametrize("query, number", [
    ("Nghị định 63 có hiệu lực thi hành từ khi nào", "63/2010/NĐ-CP"),
    ("nghi dinh so 63 co hieu luc thi hanh tu khi nao", "63/2010/NĐ-CP"),
    ("hiệu lực thi hành của NĐ 63/2010", "63/2010/NĐ-CP"),
])
def test_named_document_is_preferred(two_decrees, query, number, mode):
    hits = two_decrees.search(query, k=2, mode=mode, explain=True)
    assert number in hits[0].citation and hits[0].explain["named_document"] is True
    assert two_decrees.named_rows("hiệu lực thi hành") is None
