"""RaSoát indexer: read files → normalise Vietnamese text → structure → units → bundle on disk."""

from indexer.records import (
    CatalogueEntry,
    Channel,
    DossierDocument,
    Fee,
    LegalBasis,
    LegalUnit,
    ProcessingTime,
    Procedure,
    ReadFailure,
    ReadResult,
    Source,
)

__all__ = [
    "CatalogueEntry",
    "Channel",
    "DossierDocument",
    "Fee",
    "LegalBasis",
    "LegalUnit",
    "ProcessingTime",
    "Procedure",
    "ReadFailure",
    "ReadResult",
    "Source",
]
