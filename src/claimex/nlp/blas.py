"""The model's matrix products: numpy's BLAS, on one thread.

thinc multiplies matrices with blis unless told otherwise.  The blis wheels
pick their kernels by CPU model, and on a CPU they do not know they fall back
to generic C (``BLIS_ARCH_DEBUG=1`` prints the choice: ``generic`` on the AMD
EPYC, family 26, of our CI and development machines).  There a product takes
three times the CPU time of numpy's own BLAS (OpenBLAS) on one thread, and the
products of the two token-to-vector networks were a third of claimex's time on
PolNeAR dev.  On a CPU blis knows, the two are on par.

* :func:`use_numpy_blas` gives a loaded pipeline's models thinc's
  ``NumpyOps(use_blis=False)``, whose ``gemm`` is numpy's matrix product.
* :func:`one_blas_thread` holds numpy's BLAS to one thread (threadpoolctl)
  while claimex runs the model: claimex runs in parallel by processes
  (``--workers``), and on the small products of news paragraphs extra BLAS
  threads spin more than they help.

Limits: the parser's and the entity recognizer's transition loops call blis
from compiled code (thinc's ``CBlas``), which Python cannot redirect; they stay
on blis.  The products are not bit-identical to blis's (sums in another
order), so a score close to a tie can tip the other way: on PolNeAR dev the
table and its scores did not change (see ``bench/README.md``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

_OPS = NumpyOps(use_blis=False)


def use_numpy_blas(nlp: Language) -> None:
    """Switch the models of ``nlp``'s components that run on thinc's CPU ops to numpy's matrix product."""
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # not GPU ops, nor another backend someone chose
                node.ops = _OPS


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread inside the block (as it was outside).  The libraries are looked up on each
    entry (about a millisecond): a BLAS loaded since the last block (scipy's, imported on first need) is held too."""
    with ThreadpoolController().limit(limits=1, user_api="blas"):
        yield
