"""Propose a paragraph's sentence alignment: punctuation first, then lengths, as Gale and Church do.

Gale and Church (1993) align sentences by their lengths alone: a translation's length is about
``c`` times the original's, with a variance ``s2`` per character, and a dynamic programme picks the
groups (1–1, 1–2, 2–1, …) whose lengths fit best, weighed by how common each shape is. Here the
sentences are first cut at punctuation (edition/model/sentences.py), so only the grouping is left to
lengths, and the figures a group holds (edition/checks/numbers.py) must stand on both sides of it: a
shape that moves "200 systems" into another group than its Chinese is not proposed. ``c`` and
``s2`` are measured on the edition's own paragraphs (``Model.of``), not taken from the
paper's European languages. The result is a proposal: scripts/align_sentences.py writes it for a
maintainer to read and confirm.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from edition.model.figure_text import chinese_figures, english_figures, spelled_out

# How common each shape is (Gale and Church's counts, with 2–2 and the threes made rare).
PRIORS = {(1, 1): 0.89, (1, 2): 0.045, (2, 1): 0.045, (2, 2): 0.011, (1, 3): 0.004, (3, 1): 0.004}
LARGEST = max(max(shape) for shape in PRIORS)  # the most sentences a group joins on one side
FIGURE_PENALTY = 8.0  # the cost of a figure left on one side of a group: about a 1-in-3000 length misfit


@dataclass(frozen=True)
class Model:
    """English characters per Chinese character (``c``) and the variance per character (``s2``)."""

    c: float = 3.0
    s2: float = 4.0

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Model:
        """The model measured on aligned (Chinese, English) texts, e.g. the edition's paragraphs."""
        found = [(len(zh), len(en)) for zh, en in pairs if zh and en]
        if len(found) < 3:
            return cls()
        c = sum(en for _, en in found) / sum(zh for zh, _ in found)
        s2 = sum((en - c * zh) ** 2 / zh for zh, en in found) / len(found)
        return cls(c, max(s2, 1.0))

    def cost(self, zh: int, en: int) -> float:
        """-log of the probability that texts of these lengths are translations of each other."""
        if zh == 0 and en == 0:
            return 0.0
        mean = (zh + en / self.c) / 2
        delta = (en - zh * self.c) / math.sqrt(max(mean, 1.0) * self.s2)
        tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 * (1 - Phi(|delta|))
        return -math.log(max(tail, 1e-300))


@dataclass(frozen=True)
class _Figures:
    """The figures of a group of sentences: its own (``keys``) and, in English, those it spells out."""

    keys: frozenset[str]
    spelled: frozenset[str] = frozenset()


def _figures_apart(zh: _Figures, en: _Figures, zh_all: set[str], en_all: set[str]) -> int:
    """Figures of the paragraph that stand on one side of this group only."""
    return len((zh.keys & en_all) - (en.keys | en.spelled)) + len((en.keys & zh_all) - zh.keys)


def propose(zh: list[str], en: list[str], model: Model | None = None) -> tuple[tuple[int, int], ...]:
    """The likeliest shape for a paragraph's Chinese and English sentences (every sentence in a group)."""
    model = model or Model()
    if not zh or not en:
        return ()
    zh_all = {f.key for f in chinese_figures("".join(zh))}
    en_text = " ".join(en)
    en_all = {f.key for f in english_figures(en_text)} | spelled_out(en_text)
    # Each group of sentences is weighed against every group of the other side: its figures are
    # read once (the figures' regexes were most of a proposal's time).
    zh_groups = {
        (i, a): _Figures(frozenset(f.key for f in chinese_figures("".join(zh[i : i + a]))))
        for i in range(len(zh))
        for a in range(1, LARGEST + 1)
        if i + a <= len(zh)
    }
    en_groups = {
        (j, b): _Figures(frozenset(f.key for f in english_figures(part)), frozenset(spelled_out(part)))
        for j in range(len(en))
        for b in range(1, LARGEST + 1)
        if j + b <= len(en)
        for part in [" ".join(en[j : j + b])]
    }
    inf = math.inf
    best = [[inf] * (len(en) + 1) for _ in range(len(zh) + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (len(en) + 1) for _ in range(len(zh) + 1)]
    best[0][0] = 0.0
    for i in range(len(zh) + 1):
        for j in range(len(en) + 1):
            if best[i][j] == inf:
                continue
            for (a, b), prior in PRIORS.items():
                if i + a > len(zh) or j + b > len(en):
                    continue
                zh_text, en_part = "".join(zh[i : i + a]), " ".join(en[j : j + b])
                cost = model.cost(len(zh_text), len(en_part)) - math.log(prior)
                cost += FIGURE_PENALTY * _figures_apart(zh_groups[i, a], en_groups[j, b], zh_all, en_all)
                if best[i][j] + cost < best[i + a][j + b]:
                    best[i + a][j + b] = best[i][j] + cost
                    back[i + a][j + b] = (a, b)
    shape: list[tuple[int, int]] = []
    i, j = len(zh), len(en)
    while (i, j) != (0, 0):
        step = back[i][j]
        if step is None:  # more sentences on one side than three to one can join: one group of all
            return ((len(zh), len(en)),)
        shape.append(step)
        i, j = i - step[0], j - step[1]
    return tuple(reversed(shape))
