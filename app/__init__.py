"""RaSoát apps: the `rasoat` CLI and the Gradio web UI (thin layers over indexer/ and search/)."""
