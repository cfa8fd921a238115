"""One module per `rasoat` sub-command; each exposes ``run(args) -> int`` (the exit code)."""
