"""Diacritic restoration of accent-less queries: RaSoát's bundle bigram model vs pyvi.

The questions of the procedure benchmarks (70 tuning + 30 held-out) and the 100 ALQAC training
questions that were written with diacritics (some procedure questions are typed without) are
folded to plain ASCII letters ("đăng ký" → "dang ky"), then restored by
``search.diacritics.DiacriticRestorer`` read from the lexical index of the corpus they are asked
against (national procedures, ALQAC articles), with and without the colloquial lexicon's
pseudo-documents, and by pyvi's ``ViUtils.add_accents`` (a general-purpose model) as the peer
in the same run. Reports syllable accuracy (lower case), share of questions restored exactly
and the time per question.

Run:
    .venv/bin/python benchmarks/diacritics.py
    .venv/bin/python benchmarks/diacritics.py --sweep   # + the bigram weight sweep
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import load_alqac, procedure_bench  # noqa: E402
from indexer.vietnamese import fold, has_diacritics, normalize  # noqa: E402
from search.diacritics import DiacriticRestorer  # noqa: E402
from search.lexical import LEXICON_PSEUDO_DOCS, LexicalIndex  # noqa: E402

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case letter runs of a text (the syllables compared)."""
    return _LETTERS.findall(normalize(text).lower())


def score(restore, questions: list[str]) -> dict[str, float]:
    """Syllable accuracy, exact-question share and ms per question of a restore function.

    Args:
        restore: folded syllables → restored syllables.
        questions: the accented questions (the truth).
    """
    right = total = exact = 0
    t0 = time.perf_counter()
    for q in questions:
        truth = words(q)
        try:
            got = restore([fold(w) for w in truth])
        except Exception:  # noqa: BLE001 - pyvi fails on some inputs (KeyError): counts as unrestored
            got = [fold(w) for w in truth]
        ok = sum(a == b for a, b in zip(got, truth))
        right += ok
        total += len(truth)
        exact += ok == len(truth) and len(got) == len(truth)
    ms = (time.perf_counter() - t0) * 1000 / max(len(questions), 1)
    return {"syllables": right / max(total, 1), "exact": exact / max(len(questions), 1), "ms": ms}


def pyvi_restore(tokens: list[str]) -> list[str]:
    """pyvi's ``ViUtils.add_accents`` over the folded syllables."""
    from pyvi import ViUtils

    return words(str(ViUtils.add_accents(" ".join(tokens))))


def restorer(idx: LexicalIndex, lexicon_weight: int, bigram_weight: float | None = None) -> DiacriticRestorer:
    """The index's restorer with the given lexicon pseudo-documents (0: corpus only) and bigram weight."""
    r = idx.make_diacritic_restorer(lexicon_weight)
    if bigram_weight is not None:
        r.bigram_weight = bigram_weight
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sweep", action="store_true", help="also sweep the bigram weight")
    args = ap.parse_args()

    bench = procedure_bench()
    alqac_corpus, alqac_q = load_alqac()
    alqac_idx = LexicalIndex.from_texts(alqac_corpus.titles, alqac_corpus.bodies)
    def typed(qs) -> list[str]:  # questions written with diacritics: the truth to restore
        return [q.text for q in qs if has_diacritics(q.text)]

    sets = [(f"{name} ({len(qs)} with diacritics)", idx, qs) for name, idx, qs in (
        ("procedure tuning", bench.index, typed(bench.tuning)),
        ("procedure held-out", bench.index, typed(bench.heldout)),
        ("ALQAC train", alqac_idx, typed(alqac_q)),
    )]
    print("| question set | method | syllables right | questions exact | ms / question |")
    print("|---|---|---|---|---|")
    for name, idx, qs in sets:
        rows = [
            ("RaSoát, corpus only", restorer(idx, 0).restore_tokens),
            (f"RaSoát, + lexicon ×{LEXICON_PSEUDO_DOCS} (product)", restorer(idx, LEXICON_PSEUDO_DOCS).restore_tokens),
            ("pyvi ViUtils.add_accents (peer)", pyvi_restore),
            ("left folded (no restoration)", lambda toks: toks),
        ]
        for label, fn in rows:
            m = score(fn, qs)
            print(f"| {name} | {label} | {m['syllables']:.3f} | {m['exact']:.3f} | {m['ms']:.1f} |")
    if args.sweep:
        print("\n| bigram weight | procedure tuning syllables | ALQAC syllables |\n|---|---|---|")
        for w in (0.3, 0.5, 0.7, 0.9, 0.99):
            a = score(restorer(bench.index, LEXICON_PSEUDO_DOCS, w).restore_tokens, sets[0][2])
            b = score(restorer(alqac_idx, LEXICON_PSEUDO_DOCS, w).restore_tokens, sets[2][2])
            print(f"| {w} | {a['syllables']:.3f} | {b['syllables']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
