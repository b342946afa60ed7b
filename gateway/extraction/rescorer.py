"""A learned re-scorer over the detector's own view of an account (round 28; docs/extraction.md, *Re-scorer*).

The hand-written evidence (scoring.py) weighs each signal by rules tuned round after round; every blind set since
has found twins it flags and campaigns it misses. The re-scorer is a gradient-boosted tree ensemble, trained offline
(benchmarks/extraction_rescorer.py) on the end states of the evaluation's traffic sets, that reads what the detector
already computes for an account - its signals, evidence terms, own score and request count, and its campaign's size
and members' own scores - and gives the probability that the account is extracting. Its threshold was set on
held-out predictions at 1 % of benign accounts.

Shipped as package data (rescorer_model.json: numbers only, no pickle, no scikit-learn at run time) and evaluated in
pure Python when the detector refreshes a verdict, off the hot path. `feature_row` is the one definition of the
features, used by the training script on recorded end states and by the detector online.
"""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from gateway.extraction.patterns import CATEGORIES

MODEL_FILE = Path(__file__).with_name("rescorer_model.json")
FORMAT = "covenant-rescorer/1"
# Features besides the signals (`signal.<name>`) and evidence terms (`evidence.<name>`).
DERIVED = ("own_score", "log_requests", "in_campaign", "campaign_accounts", "campaign_median_own_score",
           "campaign_q75_own_score")


@dataclass(frozen=True, slots=True)
class CampaignStats:
    """What the features read of an account's campaign: its size and its members' own scores."""

    accounts: int
    median_own_score: float
    q75_own_score: float

    @classmethod
    def of(cls, own_scores: Sequence[float]) -> CampaignStats:
        s = sorted(own_scores)
        if not s:
            return cls(0, 0.0, 0.0)
        # Linear interpolation between order statistics (numpy's default quantile), written out: no array per call.
        pos = 0.75 * (len(s) - 1)
        lo = int(pos)
        q75 = s[lo] + (s[min(lo + 1, len(s) - 1)] - s[lo]) * (pos - lo)
        return cls(len(s), statistics.median(s), q75)


def feature_row(names: Sequence[str], signals: Mapping[str, Any], evidence: Mapping[str, float], own_score: float,
                requests: int, campaign: CampaignStats | None) -> list[float]:
    """The features `names` of one account. Values are rounded to four decimals, as the reviewer's detail (and so
    the recorded end states the model was trained on) shows them; `top_category` may be its name or its index."""
    derived = {
        "own_score": round(own_score, 4), "log_requests": math.log1p(requests),
        "in_campaign": 0.0 if campaign is None else 1.0,
        "campaign_accounts": 0.0 if campaign is None else float(campaign.accounts),
        "campaign_median_own_score": 0.0 if campaign is None else campaign.median_own_score,
        "campaign_q75_own_score": 0.0 if campaign is None else campaign.q75_own_score,
    }
    out = []
    for kind, key in _plan(tuple(names)):
        if kind == "signal":
            v = signals.get(key, 0.0)
            out.append(float(CATEGORIES.index(v)) if isinstance(v, str) else round(float(v), 4))
        elif kind == "evidence":
            out.append(round(float(evidence.get(key, 0.0)), 4))
        else:
            out.append(float(derived[key]))
    return out


@functools.lru_cache(maxsize=8)
def _plan(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each feature name as (kind, key): "signal.x" is ("signal", "x"), a derived one ("derived", its name)."""
    out = []
    for n in names:
        kind, _, key = n.partition(".")
        if kind not in ("signal", "evidence"):
            if n not in DERIVED:
                raise ModelError(f"unknown feature {n!r}")
            kind, key = "derived", n
        out.append((kind, key))
    return tuple(out)


def feature_names(signal_names: Sequence[str], evidence_names: Sequence[str]) -> list[str]:
    return [f"signal.{k}" for k in sorted(signal_names)] + [f"evidence.{k}" for k in sorted(evidence_names)] \
        + list(DERIVED)


class ModelError(ValueError):
    """The model file is not a re-scorer model this code can evaluate."""


class TreeEnsemble:
    """A binary gradient-boosted ensemble: probability = sigmoid(baseline + the sum of one leaf value per tree).

    Each tree is flat: node i splits on feature `feature[i]` (-1 for a leaf) at `threshold[i]` (x <= threshold goes
    to `left[i]`, else `right[i]`); a leaf adds `value[i]`."""

    __slots__ = ("features", "threshold", "baseline", "meta", "_trees", "_raw")

    def __init__(self, doc: Mapping[str, Any]) -> None:
        if not isinstance(doc, Mapping):
            raise ModelError(f"a model is a JSON object, not {type(doc).__name__}")
        if doc.get("format") != FORMAT:
            raise ModelError(f"format {doc.get('format')!r}, expected {FORMAT!r}")
        try:
            self.features = tuple(str(f) for f in doc["features"])
            self.threshold = float(doc["threshold"])
            self.baseline = float(doc["baseline"])
            self._trees = tuple(_tree(t, len(self.features)) for t in doc["trees"])
        except (KeyError, TypeError) as exc:
            raise ModelError(f"malformed model: {exc!r}") from exc
        _plan(self.features)  # every feature is one the detector computes
        if not self._trees or not 0.0 < self.threshold < 1.0:
            raise ModelError("a model needs at least one tree and a threshold in (0, 1)")
        self.meta = {k: v for k, v in doc.items() if k not in ("features", "trees")}
        self._raw = _compiled(self._trees, self.baseline)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> TreeEnsemble:
        """The model in `path`, read and compiled once per version of the file (~35-65 ms): a detector is made for
        each policy test case, and the settings' check and the service both ask for an operator's model."""
        st = path.stat()
        return _loaded(cls, str(path), st.st_mtime_ns, st.st_size)

    @classmethod
    def from_file(cls, path: str | Path) -> TreeEnsemble:
        """An operator's model file; every reason it cannot be used is a ModelError naming the file."""
        try:
            return cls.load(Path(path))
        except OSError as exc:
            raise ModelError(f"re-scorer model {path}: {exc.strerror or exc}") from None
        except orjson.JSONDecodeError as exc:
            raise ModelError(f"re-scorer model {path}: not JSON ({exc})") from None
        except ModelError as exc:
            raise ModelError(f"re-scorer model {path}: {exc}") from None

    def probability(self, x: Sequence[float]) -> float:
        total = self._raw(x) if self._raw is not None else self.walk(x)
        return 1.0 / (1.0 + math.exp(-total)) if total > -700.0 else 0.0

    def walk(self, x: Sequence[float]) -> float:
        """The raw score (before the sigmoid), walking the node arrays: what the compiled form computes."""
        total = self.baseline
        for feature, threshold, left, right, value in self._trees:
            i = 0
            f = feature[0]
            while f >= 0:
                i = left[i] if x[f] <= threshold[i] else right[i]
                f = feature[i]
            total += value[i]
        return total


def _tree(t: Mapping[str, Sequence[Any]], n_features: int) -> _Tree:
    feature = tuple(int(v) for v in t["feature"])
    threshold = tuple(float(v) for v in t["threshold"])
    left = tuple(int(v) for v in t["left"])
    right = tuple(int(v) for v in t["right"])
    value = tuple(float(v) for v in t["value"])
    n = len(feature)
    if not n or any(len(a) != n for a in (threshold, left, right, value)):
        raise ModelError("a tree's node arrays differ in length")
    for i, f in enumerate(feature):
        # Children after their parent: every walk ends (no cycle) inside the arrays.
        if f >= n_features or (f >= 0 and not (i < left[i] < n and i < right[i] < n)):
            raise ModelError(f"tree node {i}: feature {f} or children {left[i]}, {right[i]} out of range")
    return feature, threshold, left, right, value


@functools.lru_cache(maxsize=8)
def _loaded(cls: type[TreeEnsemble], path: str, mtime_ns: int, size: int) -> TreeEnsemble:
    return cls(orjson.loads(Path(path).read_bytes()))  # a file that will not load raises, and nothing is kept


_Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]
MAX_COMPILED_DEPTH = 40  # deeper trees are walked (Python's parser limits nesting)


def _compiled(trees: Sequence[_Tree], baseline: float) -> Any:
    """The ensemble as one Python function of nested comparisons, ~2.7x faster than walking the arrays (it runs on
    every refresh of a judged account). Its source holds only the validated numbers: integers and float reprs."""
    lines = ["def raw(x):", f"    t = {baseline!r}"]

    def emit(tree: _Tree, i: int, depth: int) -> bool:
        feature, threshold, left, right, value = tree
        pad = "    " * depth
        if depth > MAX_COMPILED_DEPTH or not math.isfinite(threshold[i] if feature[i] >= 0 else value[i]):
            return False
        if feature[i] < 0:
            lines.append(f"{pad}t += {value[i]!r}")
            return True
        lines.append(f"{pad}if x[{feature[i]}] <= {threshold[i]!r}:")
        if not emit(tree, left[i], depth + 1):
            return False
        lines.append(f"{pad}else:")
        return emit(tree, right[i], depth + 1)

    if not all(emit(tree, 0, 1) for tree in trees):
        return None
    lines.append("    return t")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<rescorer model>", "exec"), namespace)  # numbers only: see above
    return namespace["raw"]
