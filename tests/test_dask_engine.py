"""--engine dask: the same rows as the local engine, on a LocalCluster of 2 worker processes."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from claimex import api

pytestmark = [pytest.mark.model, pytest.mark.slow]

RAW = "data/raw"


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
def test_dask_rows_equal_local_rows(nlp):
    local = [row for r in api.process([RAW], nlp=nlp) for row in r.records]
    dask = [row for r in api.process([RAW], nlp=nlp, engine="dask", workers=2) for row in r.records]
    assert local and dask == local


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
def test_dask_on_an_existing_scheduler(nlp):
    from distributed import LocalCluster

    from claimex.engines.dask_engine import local_cluster_options

    with LocalCluster(**local_cluster_options(2)) as cluster:
        rows = [
            row
            for r in api.process([RAW], nlp=nlp, engine="dask", scheduler=cluster.scheduler_address)
            for row in r.records
        ]
    local = [row for r in api.process([RAW], nlp=nlp) for row in r.records]
    assert rows == local


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from claimex.cli import app

    result = CliRunner().invoke(
        app, ["extract", RAW, "-o", str(tmp_path / "x.csv"), "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "x.csv").exists()


def test_dask_engine_missing_is_a_usage_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from claimex.cli import app
    from claimex.engines import dask_engine

    def missing():
        raise dask_engine.DaskUnavailable(dask_engine.INSTALL_HINT)

    monkeypatch.setattr(dask_engine, "require_dask", missing)
    result = CliRunner().invoke(app, ["extract", RAW, "-o", str(tmp_path / "x.csv"), "--engine", "dask"])
    assert result.exit_code == 2
    assert 'pip install ".[dask]"' in result.output
