"""`rasoat match LIST`: match a list of procedures (CSV/XLSX) to the index."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from app.commands.duplicates import open_index_or_none
from indexer.records import CatalogueEntry

_STATUS = {"matched": "khớp", "ambiguous": "chưa rõ", "unmatched": "không khớp"}


def read_list(path: Path) -> tuple[list[CatalogueEntry], list[str]]:
    """Read a CSV/XLSX list into rows; returns (rows, Vietnamese error messages)."""
    try:
        from indexer.readers import read_path

        res = read_path(path)
    except ImportError:
        from indexer.catalogue_list import read_catalogue_bytes

        fmt = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
        res = read_catalogue_bytes(path.read_bytes(), str(path), fmt)
    rows = [r for r in res.records if isinstance(r, CatalogueEntry)]
    errors = [f"{f.path}: {f.error}" for f in res.failures]
    if not rows and not errors:
        errors.append(f"{path}: không tìm thấy danh mục thủ tục (cần cột tên thủ tục)")
    return rows, errors


def run(args: Namespace) -> int:
    """Match the list and print one line per row. Exit 2 for a missing list/index, 1 if unreadable."""
    path = Path(args.list)
    if not path.is_file():
        sys.stderr.write(f"rasoat: không tìm thấy tệp danh mục {args.list}.\n")
        return 2
    index = open_index_or_none(args.index)
    if index is None:
        return 2
    rows, errors = read_list(path)
    for e in errors:
        sys.stderr.write(f"rasoat: không đọc được danh mục — {e}\n")
    if not rows:
        return 1
    from search.duplicates.catalogue import match_catalogue, summary

    results = match_catalogue(index, rows, k=max(1, args.k))
    counts = summary(results)
    if args.json:
        json.dump({"summary": counts, "results": [r.to_dict() for r in results]}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        out = sys.stdout
        out.write(f"Đối chiếu {len(results)} dòng: {counts['matched']} khớp, {counts['ambiguous']} chưa rõ, "
                  f"{counts['unmatched']} không khớp.\n")
        for r in results:
            best = r.matches[0] if r.matches else None
            line = f"Dòng {r.entry.row}: [{_STATUS[r.status]}] {r.entry.name or r.entry.code}"
            if best and r.status != "unmatched":
                line += f" → {best['code']} {best['title']} ({best['score']:.2f})"
            out.write(line + "\n")
            if r.status == "ambiguous":
                for m in [m for m in r.matches[1:] if m["score"] >= r.matches[0]["score"] - 0.1]:
                    out.write(f"      hoặc {m['code']} {m['title']} [{m['level']}] ({m['score']:.2f})\n")
            if r.reason and r.status != "matched":
                out.write(f"      {r.reason}\n")
    return 1 if errors else 0
