"""Batch analysis on Dask into a resumable, exactly-once Parquet dataset (``communique batch``).

Modules: ``tables`` (analyses <-> Parquet rows), ``dataset`` (files, manifest, atomic commits),
``cluster`` (partitions, the Dask client, running partitions on workers), ``work`` (what a worker
runs), ``run`` (the batch driver), ``loading`` (a dataset or a parallel run into the SQLite store),
``watching`` (polling feeds), ``commands`` (the ``batch`` and ``watch`` commands).
"""
