"""Generate ``gateway/watermark/data/generated.tsv`` from WordNet 3.0 and word frequencies.

Run (offline, only to regenerate; the gateway never needs these resources):

    apt-get install wordnet-base && pip install wordfreq
    python -m benchmarks.watermark.build_table [--wordnet /usr/share/wordnet] [--out PATH]

Candidate sets are WordNet synsets; a word joins its synset's set only when it is safe to swap in
*every* sentence where it occurs as written, judged by hard filters (each one removes a known way a
swap changes meaning or grammar):

* one part of speech only: the word (and its base form, if it looks inflected) is in no other POS
  index and is not an irregular inflection of anything (``*.exc``), so "found"/"rose" never enter;
* one meaning: monosemous in WordNet, or a dominant sense with >= 90% of >= 10 SemCor sense tags;
* no usage label (slang, colloquial, obscene, ethnic slur ... synsets are dropped), no capitals, no
  multi-word lemmas, no adjective position markers (predicate-only adjectives differ in syntax);
* frequency-matched: every member has Zipf frequency >= ``MIN_ZIPF`` and lies within ``MAX_GAP`` of
  the set's most frequent member (no register jump from an everyday word to a rare or formal one);
* inflected sets (noun plurals, verb -s/-ed/-ing) are derived by rule only for regular forms whose
  spelling is unambiguous, and are kept only when no generated form is itself another lemma.

Words of the hand-curated ``equivalents.tsv`` keep their sets; generated sets never reuse them.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

MIN_ZIPF = 2.6
MAX_GAP = 1.0
DOMINANT_SHARE = 0.9
DOMINANT_MIN_TAGS = 10
MAX_MEMBERS = 4
SPELLING_MIN_ZIPF = 2.0
_IZE = re.compile(r"^([a-z]{4,}?)(i[z]|y[z])(e|es|ed|ing|er|ers|ation|ations|able)$")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
# Words a marker must never write whatever WordNet says (vulgar or insulting synonyms whose synset
# carries no usage label).
BLOCK = frozenset("""dumbass shithead asshole arse bastard bitch crap damn piss shit fuck fucking prick dick
cock pussy tit tits boob boobs whore slut retard retarded idiot moron imbecile cretin negro nigger faggot fag
dyke queer spic chink gook kike wop jap twat wank wanker bugger bollocks""".split())
_WORD = re.compile(r"^[a-z]{3,}$")
_CVC = re.compile(r"[^aeiou][aeiouy][^aeiouwxy]$")
ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "gateway/watermark/data/equivalents.tsv"
OUT = ROOT / "gateway/watermark/data/generated.tsv"


class WordNet:
    def __init__(self, d: Path) -> None:
        self.senses: dict[tuple[str, str], list[int]] = {}  # (lemma, pos) -> synset offsets
        for pos, name in POS_FILES.items():
            for line in (d / f"index.{name}").read_text("latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                n_syn, n_ptr = int(f[2]), int(f[3])
                self.senses[(f[0], pos)] = [int(x) for x in f[6 + n_ptr:6 + n_ptr + n_syn]]
        self.tags: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)  # sense number -> tag count
        for line in (d / "cntlist.rev").read_text("latin-1").splitlines():
            key, num, cnt = line.split()
            lemma, rest = key.split("%")
            self.tags[(lemma, SS_TYPE[rest[0]])][int(num)] = int(cnt)
        self.inflected: set[str] = set()  # irregular inflected forms of any POS
        for name in POS_FILES.values():
            for line in (d / f"{name}.exc").read_text("latin-1").splitlines():
                self.inflected.add(line.split()[0])
        self.verb_exc = {ln.split()[1] for ln in (d / "verb.exc").read_text("latin-1").splitlines()}
        self.noun_exc = {ln.split()[1] for ln in (d / "noun.exc").read_text("latin-1").splitlines()}
        self.synsets: dict[tuple[int, str], list[str]] = {}
        for pos, name in POS_FILES.items():
            for line in (d / f"data.{name}").read_text("latin-1").splitlines():
                if line.startswith(" "):
                    continue
                head = line.split("|")[0].split()
                if " ;u " in f" {' '.join(head)} ":  # usage domain: slang, colloquialism, obscenity...
                    continue
                n = int(head[3], 16)
                words = [head[4 + 2 * i] for i in range(n)]
                self.synsets[(int(head[0]), pos)] = words
        self.lemmas = {w for (w, _p) in self.senses}

    def pos_of(self, w: str) -> set[str]:
        return {p for p in POS_FILES if (w, p) in self.senses}

    def dominant(self, w: str, pos: str) -> int | None:
        """The synset ``w`` almost always means in ``pos``, or None."""
        offs = self.senses[(w, pos)]
        if len(offs) == 1:
            return offs[0]
        tags = self.tags.get((w, pos), {})
        total = sum(tags.values())
        top = tags.get(1, 0)  # index order is by frequency: sense 1 is the most tagged
        if total >= DOMINANT_MIN_TAGS and top >= DOMINANT_SHARE * total:
            return offs[0]
        return None

    def looks_inflected(self, w: str) -> bool:
        if w in self.inflected:
            return True
        bases = []
        for suf, reps in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
                          ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e"))):
            if w.endswith(suf):
                stem = w[: -len(suf)]
                bases += [stem + r for r in reps]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    bases.append(stem[:-1])
        return any(b != w and b in self.lemmas for b in bases)


def eligible(wn: WordNet, w: str, pos: str) -> bool:
    return (bool(_WORD.match(w)) and wn.pos_of(w) == {pos} and not wn.looks_inflected(w)
            and zipf_frequency(w, "en") >= MIN_ZIPF)


def plural(w: str) -> str | None:
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("f", "fe", "o", "man")):
        return None  # knife/knives, hero/heroes: not derivable by rule
    return w + "s"


def verb_forms(w: str) -> tuple[str, str, str] | None:
    """(-s, -ed, -ing) for verbs whose regular spelling is unambiguous."""
    if _CVC.search(w) or w.endswith(("c", "ee", "ie", "ye", "oe")):
        return None  # doubling (commit/committed) and odd stems: not derivable by rule
    if w.endswith("e"):
        return w + "s", w + "d", w[:-1] + "ing"
    if w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies", w[:-1] + "ied", w + "ing"
    s = w + "es" if w.endswith(("s", "x", "z", "ch", "sh")) else w + "s"
    return s, w + "ed", w + "ing"


def cluster(words: list[str]) -> list[str]:
    """The most frequent member and those within MAX_GAP of it, at most MAX_MEMBERS."""
    ranked = sorted(set(words), key=lambda x: -zipf_frequency(x, "en"))
    top = zipf_frequency(ranked[0], "en")
    return [x for x in ranked if top - zipf_frequency(x, "en") <= MAX_GAP][:MAX_MEMBERS]


def build(wn: WordNet, taken: set[str], synonyms: bool = False) -> list[tuple[str, list[str]]]:
    by_synset: dict[tuple[int, str], list[str]] = defaultdict(list)
    for (off, pos), words in wn.synsets.items():
        for raw in words:
            if "(" in raw:  # adjective position markers: (a), (p), (ip)
                continue
            w = raw.lower() if raw.islower() else ""
            if w and w not in taken and eligible(wn, w, pos) and wn.dominant(w, pos) == off:
                by_synset[(off, pos)].append(w)
    out: list[tuple[str, list[str]]] = []
    used = set(taken)

    def add(label: str, members: list[str]) -> bool:
        if len(set(members)) < len(members) or len(members) < 2 or any(m in used or m in BLOCK for m in members):
            return False
        used.update(members)
        out.append((label, members))
        return True

    for members in spelling_pairs(wn):  # first: the safest sets
        add("spelling", members)
    for (_off, pos), words in sorted(by_synset.items()) if synonyms else ():
        members = cluster(words) if len(words) >= 2 else []
        if len(members) < 2 or not add(pos, members):
            continue
        if pos == "n" and not any(m in wn.noun_exc for m in members):
            forms = [plural(m) for m in members]
            if all(forms) and all(f not in wn.lemmas for f in forms):
                add("n+", forms)  # type: ignore[arg-type]
        if pos == "v" and not any(m in wn.verb_exc for m in members):
            forms3 = [verb_forms(m) for m in members]
            if all(forms3):
                for i in range(3):
                    forms = [f[i] for f in forms3]  # type: ignore[index]
                    if all(f not in wn.lemmas and f not in wn.inflected for f in forms):
                        add("v+", forms)
    return out


# (American, British) differences accepted as pure spelling variants; everything else WordNet pairs
# by small edits (especially/specially, flammable/inflammable, blond/blonde) is not a spelling pair.
SPELLING_DIFFS = frozenset({("z", "s"), ("", "u"), ("er", "re"), ("", "ue"), ("l", "ll"), ("s", "c"),
                            ("e", "ae"), ("e", "oe"), ("a", "e"), ("", "e"), ("ll", "l")})
TAILS = ("", "s", "es", "d", "ed", "ing", "er", "ers", "ation", "ations", "ful", "fully", "less", "able", "ably",
         "ly", "al", "ally", "ite", "ites", "ism", "ist", "ists", "ic", "ical", "ness", "r", "rs", "ment", "ments")
NOT_SPELLING = frozenset({"license", "licence", "licenced", "licensed", "meter", "metre", "program", "programme",
                          "check", "cheque", "tire", "tyre", "curb", "kerb", "story", "storey", "practice", "practise",
                          "blond", "blonde", "homogenous", "homogeneous", "heterogenous", "heterogeneous",
                          "forgo", "forego", "supercedes", "supercede", "hinderance", "brasier", "egger", "quat", "sherds", "descendant", "descendent", "dependance", "dependence"})


def _diff(a: str, b: str) -> tuple[str, str, str, str]:
    """a = p + da + s, b = p + db + s with the longest common prefix p and suffix s."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return a[:i], a[i:len(a) - j], b[i:len(b) - j], a[len(a) - j:]


def spelling_pairs(wn: WordNet) -> list[list[str]]:
    """American/British spelling pairs: WordNet lemmas with identical senses that differ by a known
    spelling rule, plus their inflected and derived forms found in the frequency list."""
    senses: dict[str, set] = defaultdict(set)
    for (w, p), offs in wn.senses.items():
        senses[w].update((o, p) for o in offs)
    base: set[tuple[str, str]] = set()
    for words in wn.synsets.values():
        ws = [w for w in words if _WORD.match(w) and w not in NOT_SPELLING]
        for a in ws:
            for b in ws:
                _p, da, db, _s = _diff(a, b)
                if a != b and senses[a] == senses[b] and (da, db) in SPELLING_DIFFS:
                    base.add((a, b))
    pairs: dict[str, str] = {}
    for a, b in sorted(base):
        p, da, db, s = _diff(a, b)
        stems = {(a, b)}
        if (da, db) == ("", "e") and len(a) < 6:
            continue  # short stems: "gam"/"game" are different words
        if s.endswith(("e", "y")) and a.endswith(s) and b.endswith(s):
            stems.add((a[:-1], b[:-1]))
        for sa, sb in sorted(stems):  # sorted: the output (and so the table digest) is reproducible
            for t in TAILS:
                x, y = sa + t, sb + t
                if x in NOT_SPELLING or y in NOT_SPELLING or x in pairs or y in pairs:
                    continue
                if x in wn.inflected or y in wn.inflected or senses.get(x, set()) != senses.get(y, set()):
                    continue  # "analyses" is also the plural of "analysis"; "game" is not "gam"
                if min(zipf_frequency(x, "en"), zipf_frequency(y, "en")) >= SPELLING_MIN_ZIPF:
                    pairs[x] = y
    # -ize/-ise families missing from WordNet (initialize/initialise, serialize/serialise ...)
    for w in top_n_list("en", 200_000):
        m = _IZE.match(w)
        if m and w not in pairs and zipf_frequency(w, "en") >= SPELLING_MIN_ZIPF:
            other = m.group(1) + m.group(2).replace("z", "s") + m.group(3)
            if other not in pairs and zipf_frequency(other, "en") >= SPELLING_MIN_ZIPF:
                pairs[w] = other
    return [[x, y] for x, y in pairs.items()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--synonyms", action="store_true",
                    help="also emit WordNet synonym sets (rejected for the shipped table: see docs/watermark.md)")
    args = ap.parse_args()
    wn = WordNet(Path(args.wordnet))
    taken = {w.strip().lower() for ln in CURATED.read_text().splitlines()
             if ln.strip() and not ln.startswith("#") for w in ln.split("\t")}
    sets = build(wn, taken, args.synonyms)
    lines = ["# Generated by benchmarks/watermark/build_table.py from WordNet 3.0 (Princeton licence) and",
             "# wordfreq Zipf frequencies; filters in that script's docstring. Do not edit by hand: add",
             "# exclusions to the generator or hand-written sets to equivalents.tsv.",
             "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."]
    counts: dict[str, int] = defaultdict(int)
    for label, members in sets:
        counts[label] += 1
        lines.append("\t".join(members))
    Path(args.out).write_text("\n".join(lines) + "\n")
    print(f"{len(sets)} sets ({dict(counts)}), {sum(len(m) for _, m in sets)} words -> {args.out}")


if __name__ == "__main__":
    main()
