"""Reviewer workflow: accept / reject / note stored in <index DIR>/reviews.json, kept across reindexing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.records import Channel, DossierDocument, Procedure
from search.simplify.advisor import advise
from search.simplify.reviews import attach_reviews, load_reviews, orphan_reviews, reviews_path, set_review

REPO = Path(__file__).resolve().parent.parent


def _procs() -> list[Procedure]:
    return [
        Procedure(code="1.000001", name="Cấp giấy phép A", field="A",
                  documents=[DossierDocument("Bản sao giấy khai sinh"), DossierDocument("Sổ hộ khẩu")],
                  channels=[Channel("Trực tiếp")]),
    ]


def test_set_attach_note_clear(tmp_path) -> None:
    cands = advise(_procs())
    c = cands[0]
    r = set_review(tmp_path, c, "accept", "đồng ý")
    assert r is not None and r.decision == "accept"
    data = json.loads(reviews_path(tmp_path).read_text(encoding="utf-8"))
    assert data["version"] == 1 and c.key in data["reviews"]
    # a note keeps the decision
    set_review(tmp_path, c, "note", "cần hỏi Bộ Công an")
    fresh = attach_reviews(advise(_procs()), tmp_path)
    got = next(x for x in fresh if x.id == c.id)
    assert got.review["decision"] == "accept" and got.review["note"] == "cần hỏi Bộ Công an"
    assert got.review["label"] == "Chấp nhận"
    assert all(x.review is None for x in fresh if x.id != c.id)
    set_review(tmp_path, cands[1], "reject")
    assert {r.decision for r in load_reviews(tmp_path).values()} == {"accept", "reject"}
    set_review(tmp_path, c, "clear")
    assert c.key not in load_reviews(tmp_path)
    with pytest.raises(ValueError):
        set_review(tmp_path, c, "maybe")
    assert not list(tmp_path.glob(".reviews-*"))  # atomic write leaves no temporary file


def test_orphans_and_damaged_file(tmp_path) -> None:
    c = advise(_procs())[0]
    set_review(tmp_path, c, "accept")
    assert orphan_reviews([], tmp_path)[0].candidate_id == c.id
    reviews_path(tmp_path).write_text("không phải JSON", encoding="utf-8")
    with pytest.raises(ValueError, match="bị hỏng"):
        load_reviews(tmp_path)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


def test_reviews_survive_reindex_via_cli(corpus_index_copy, corpus_dir) -> None:
    """accept through `rasoat review`, rebuild the bundle, the decision is still attached."""
    from indexer.pipeline import index_sources
    from search import open_index
    from search.simplify.advisor import advise_index

    idx = open_index(corpus_index_copy)
    cands = advise_index(idx, rules=["R1", "R2", "R3", "R5", "R7"])
    assert cands, "the corpus should yield simplification candidates"
    target = cands[0]
    res = _cli("review", target.id, "accept", "--note", "đã thống nhất", "--index", str(corpus_index_copy))
    assert res.returncode == 0, res.stderr
    assert "Chấp nhận" in res.stdout
    assert reviews_path(corpus_index_copy).exists()

    index_sources([corpus_dir], corpus_index_copy, rebuild=True, progress=False)
    again = advise_index(open_index(corpus_index_copy), rules=["R1", "R2", "R3", "R5", "R7"])
    same = next(c for c in again if c.id == target.id)
    assert same.review and same.review["decision"] == "accept" and same.review["note"] == "đã thống nhất"

    res = _cli("review", "9.999999-R1-deadbeef", "accept", "--index", str(corpus_index_copy))
    assert res.returncode == 1 and "không tìm thấy đề xuất" in res.stderr


def test_duplicate_groups_in_a_second_process_give_the_same_proposals(corpus_index) -> None:
    """advise_index computes rule 6's groups in a spawned process while the other rules run: same output."""
    from search import open_index
    from search.simplify.advisor import advise_index

    idx = open_index(corpus_index)
    together = [(c.id, c.evidence, c.proposal) for c in advise_index(idx, parallel=True)]
    alone = [(c.id, c.evidence, c.proposal) for c in advise_index(idx, parallel=False)]
    assert together == alone and any(cid.split("-")[1] == "R6" for cid, _, _ in together)
