"""Peel's benchmark: `python -m bench.generate --scale small|1m`, then `python -m bench.run`."""
