"""Resolve written Thai addresses (codes, name columns, free text, titles) to a DOPA tambon code."""

from __future__ import annotations

import gc
import itertools
import math
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import geothai
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from areaplan.errors import ImportFormatError
from areaplan.values import ValueProblem, clean_text, parse_village_no, thai_digits_to_arabic

__all__ = [
    "AddressMatch",
    "AddressResolver",
    "Mention",
    "ParsedAddress",
    "parse_address",
]

LEVELS = ("changwat", "amphoe", "tambon")
_CODE_LEN = {"changwat": 2, "amphoe": 4, "tambon": 6}
_RANK = {"unlocated": 0, "changwat": 1, "amphoe": 2, "tambon": 3}
#: rapidfuzz ``fuzz.ratio`` score a misspelt name must reach inside its amphoe/changwat.
FUZZY_CUTOFF = 85.0
_INPUTS = ("tambon", "amphoe", "changwat", "location_text", "title", "village_no")
_LEVEL_TH = {"changwat": "จังหวัด", "amphoe": "อำเภอ", "tambon": "ตำบล"}

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

# "จ." / "อ." / "ต." before a name, but not the first letter of an abbreviated name ("จ.ป.ร.")
_SHORT_PREFIX = re.compile(r"^\s*(?:จ|อ|ต)\.\s*(?=[^.]*$)")
_LONG_PREFIX = re.compile(r"^(?:จังหวัด|กิ่งอำเภอ|อำเภอ|เขต|ตำบล|แขวง)")
_MARKS = re.compile(r"[\s.'’‘\-–—]")
_THAI_TONES = re.compile("[\u0e47-\u0e4e\u0e31]")  # tone marks, thanthakhat, mai han-akat, etc.
_LOOKALIKE_VOWELS = str.maketrans("\u0e35\u0e37\u0e39", "\u0e34\u0e36\u0e38")  # ี ื ู -> ิ ึ ุ
_CAPITAL_WORDS = ("เมือง", "mueang", "muang")
_BANGKOK_ALIASES = ("กทม", "กรุงเทพ", "กรุงเทพฯ", "bangkok", "bkk")


@lru_cache(maxsize=200_000)
def _norm(text: str) -> str:
    """A name in comparison form: NFC, Arabic digits, lower case, no spaces/dots, no level word."""
    t = thai_digits_to_arabic(clean_text(text)).lower().replace("เเ", "แ")
    t = _SHORT_PREFIX.sub("", t)
    t = _MARKS.sub("", t)
    return _LONG_PREFIX.sub("", t)


def _skeleton(norm: str) -> str:
    """A normalised name without tone marks, with look-alike vowels folded (PDF extraction slips)."""
    return _THAI_TONES.sub("", norm).translate(_LOOKALIKE_VOWELS)


@lru_cache(maxsize=100_000)
def _variants(name: object) -> tuple[str, ...]:
    """The comparison keys of one official name: itself and any alternative in brackets."""
    text = clean_text(name)
    if not text:
        return ()
    keys = {_norm(text)}
    m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*", text) if "(" in text else None
    if m:
        keys.update({_norm(m.group(1)), _norm(m.group(2))})
    return tuple(k for k in keys if k)


def _code_digits(value: object) -> str | None:
    """DOPA digits from '901104', '๙๐๑๑๐๔', 'TH901104' or 901104.0; None when it is not a code."""
    if type(value) is str and len(value) in (2, 4, 6, 8) and value.isascii() and value.isdigit():
        return value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, np.integer)):
        text = str(int(value))
    elif isinstance(value, (float, np.floating)):
        if math.isnan(value) or not float(value).is_integer():
            return None
        text = str(int(value))
    else:
        text = thai_digits_to_arabic(clean_text(value)).replace(" ", "")
        if text[:2].upper() == "TH":
            text = text[2:]
        text = re.sub(r"\.0+$", "", text)
    if re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{8}", text):
        return text
    return None


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, str) and not value.strip(_BLANK_CHARS)


_BLANK_CHARS = " \t\r\n\v\f\xa0\u200b\ufeff"


# ---------------------------------------------------------------------------------------------
# Name index (one per source: the workspace gazetteer, geothai)
# ---------------------------------------------------------------------------------------------


class _Index:
    """Name and code lookups of one list of administrative areas, built once."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str, str]], source: str) -> None:
        self.source = source
        self.name: dict[str, str] = {}  # code -> Thai name as published
        self.parent: dict[str, str] = {}
        self.level: dict[str, str] = {}
        self.by_name: dict[str, dict[str, tuple[str, ...]]] = {lvl: {} for lvl in LEVELS}
        self.children: dict[str, list[tuple[str, str]]] = {}  # parent code -> [(norm, code)]
        self.tambons_of_changwat: dict[str, list[tuple[str, str]]] = {}
        grouped: dict[str, dict[str, list[str]]] = {lvl: {} for lvl in LEVELS}
        names, levels, parents = self.name, self.level, self.parent
        children, of_changwat = self.children, self.tambons_of_changwat
        for level, code, name_th, name_en, parent in rows:
            if level not in grouped or not code:
                continue
            names[code] = clean_text(name_th) or clean_text(name_en)
            levels[code] = level
            th_keys = _variants(name_th)  # distinct already
            keys = th_keys + _variants(name_en)
            group = grouped[level]
            for key in (dict.fromkeys(keys) if len(keys) > 1 else keys):
                codes = group.get(key)
                if codes is None:
                    group[key] = [code]
                else:
                    codes.append(code)
            if parent:
                parents[code] = parent
                siblings = children.get(parent)
                if siblings is None:
                    siblings = children[parent] = []
                for key in th_keys:
                    siblings.append((key, code))
                    if level == "tambon":
                        of_changwat.setdefault(code[:2], []).append((key, code))
        for level in LEVELS:
            self.by_name[level] = {
                k: (v[0],) if len(v) == 1 else tuple(sorted(set(v))) for k, v in grouped[level].items()
            }
        for code, level in self.level.items():
            if level == "tambon" and code not in self.parent:
                self.parent[code] = code[:4]
            elif level == "amphoe" and code not in self.parent:
                self.parent[code] = code[:2]
        if "10" in self.level:
            self.by_name["changwat"].setdefault("กรุงเทพ", ("10",))
            for alias in _BANGKOK_ALIASES:
                self.by_name["changwat"].setdefault(_norm(alias), ("10",))
        self.capital: dict[str, str] = {}
        for code, level in self.level.items():
            if level == "changwat":
                cap = self._find_capital(code)
                if cap:
                    self.capital[code] = cap
        self._fuzzy_choices: dict[str, list[tuple[str, str]]] = {}

    def _find_capital(self, changwat: str) -> str | None:
        if changwat == "10":
            return None
        amphoes = self.children.get(changwat, [])
        first = changwat + "01"
        for key, code in amphoes:
            if code == first and key.startswith("เมือง"):
                return code
        cname = _norm(self.name.get(changwat, ""))
        hits = {code for key, code in amphoes if key == "เมือง" + cname}
        return hits.pop() if len(hits) == 1 else None

    def exists(self, code: str) -> bool:
        """True when this index has an area with this code."""
        return code in self.level

    def amphoe_of(self, tambon: str) -> str:
        """The amphoe code of a tambon code."""
        return self.parent.get(tambon, tambon[:4])

    def fuzzy_choices(self, level: str) -> list[tuple[str, str]]:
        """(Thai key, code) of every unambiguous name of a level, for nationwide typo correction."""
        hit = self._fuzzy_choices.get(level)
        if hit is None:
            hit = [
                (k, cs[0]) for k, cs in self.by_name[level].items() if len(cs) == 1 and len(k) > 2 and not k.isascii()
            ]
            self._fuzzy_choices[level] = hit
        return hit


@lru_cache(maxsize=1)
def _geothai_index() -> _Index:
    rows: list[tuple[str, str, str, str, str]] = []
    for p in geothai.provinces():
        rows.append(("changwat", p.code, p.name_th, p.name_en, ""))
        for d in geothai.districts(p.code):
            rows.append(("amphoe", d.code, d.name_th, d.name_en, p.code))
            for s in geothai.subdistricts(d.code):
                rows.append(("tambon", s.code, s.name_th, s.name_en, d.code))
    return _Index(rows, "geothai")


def _gazetteer_index(frame: pd.DataFrame) -> _Index:
    missing = sorted({"code", "name_th", "level"} - set(frame.columns))
    if missing:
        raise ImportFormatError(
            f"รายชื่อเขตการปกครองต้องมีคอลัมน์ code, name_th, level ขาด {', '.join(missing)}",
            f"the gazetteer needs columns code, name_th and level; missing {', '.join(missing)}",
        )
    rows = []
    names_en = frame["name_en"] if "name_en" in frame.columns else pd.Series("", index=frame.index)
    parents = frame["parent_code"] if "parent_code" in frame.columns else pd.Series(None, index=frame.index)
    level_of: dict[object, str] = {}
    for code, name_th, name_en, level, parent in zip(
        frame["code"].tolist(), frame["name_th"].tolist(), names_en.tolist(), frame["level"].tolist(),
        parents.tolist(),
    ):
        lvl = level_of.get(level) if isinstance(level, str) else None
        if lvl is None:
            lvl = clean_text(level).lower()
            if isinstance(level, str):
                level_of[level] = lvl
        level = lvl
        code = _code_digits(code)
        if level not in _CODE_LEN or code is None or len(code) != _CODE_LEN[level]:
            continue
        parent_code = _code_digits(parent) if not _is_blank(parent) else None
        if parent_code is None and level != "changwat":
            parent_code = code[: _CODE_LEN[level] - 2]
        rows.append((level, code, "" if _is_blank(name_th) else str(name_th),
                     "" if _is_blank(name_en) else str(name_en), parent_code or ""))
    return _Index(rows, "gazetteer")


# ---------------------------------------------------------------------------------------------
# Free text
# ---------------------------------------------------------------------------------------------

_PREFIX_BODY = (
    r"(?P<t>ตำบล|{na}ต\.)|(?P<tw>แขวง)"
    r"|(?P<a>กิ่งอำเภอ|อำเภอ|{na}อ\.)|(?P<aw>เขต)"
    r"|(?P<c>จังหวัด|{na}จ\.)"
    r"|(?P<bkk>กรุงเทพมหานคร|กรุงเทพฯ|กทม\.?)"
)
# Every branch starts with a literal letter, so the regex engine finds candidate positions with its
# fast first-character scan (a leading lookahead or lookbehind would defeat it). "ต." / "อ." / "จ." must
# not follow a Thai letter or a dot: a two-character lookbehind taken after the letter says the same.
_NA = "[\u0e01-\u0e4e.]"
_PREFIX = re.compile(
    "ต(?:ำบล(?P<t>)|(?<!" + _NA + "ต)\\.(?P<t_>))"
    "|แขวง(?P<tw>)"
    "|ก(?:ิ่งอำเภอ(?P<a_>)|รุงเทพมหานคร(?P<bkk>)|รุงเทพฯ(?P<bkk_>)|ทม\\.?(?P<bkk__>))"
    "|อ(?:ำเภอ(?P<a>)|(?<!" + _NA + "อ)\\.(?P<a__>))"
    "|เขต(?P<aw>)"
    "|จ(?:ังหวัด(?P<c>)|(?<!" + _NA + "จ)\\.(?P<c_>))"
)
_PREFIX_AT = re.compile(_PREFIX_BODY.format(na=""))
_KEYWORD_IN = re.compile(r"ตำบล|แขวง|กิ่งอำเภอ|อำเภอ|จังหวัด|ต\.|อ\.|จ\.|เขต|และ|หมู่")
_TOKEN = re.compile(r"[ \t]*([^\s\d,()/;:\"'\-–—ฯ\[\]{}<>+*&=]*)")
_NEXT_TOKEN = re.compile(r"( |-)([^\s\d,()/;:\"'\-–—ฯ\[\]{}<>+*&=]+)")  # "บ้าน ต๋อม", "สุไหงโก-ลก"
_CONNECTOR = re.compile(r"(?:และ|เชื่อม|ถึง|กับ|หมู่|ม\.|บ้าน|ฯ|ตำบล|แขวง|กิ่งอำเภอ|อำเภอ|จังหวัด|ต\.|อ\.|จ\.|เขต)")
_VILLAGE = re.compile("(?:หมู่ที่|หมู่|ม(?<!" + _NA + "ม)\\.)\\s*([0-9]{1,2})(?![0-9])")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
# one character-class scan decides whether the slower checks below are needed at all
_MAYBE_CLEAN = re.compile("[\u0e4d\u200b\ufeff\xa0\t\n\r\v\f\u0e50-\u0e59]")
_NEEDS_CLEAN_CHAR = re.compile("[\u0e4d\u200b\ufeff\xa0\t\n\r\v\f]")
_LEVEL_OF_GROUP = {
    "t": "tambon", "t_": "tambon", "tw": "tambon",
    "a": "amphoe", "a_": "amphoe", "a__": "amphoe", "aw": "amphoe",
    "c": "changwat", "c_": "changwat", "bkk": "changwat", "bkk_": "changwat", "bkk__": "changwat",
}
_BKK_GROUPS = frozenset({"bkk", "bkk_", "bkk__"})
_WEAK_GROUPS = frozenset({"tw", "aw"})


@dataclass(frozen=True)
class Mention:
    """One place name found in a text: its level, the name as written and where it is."""

    level: str
    name: str
    start: int
    end: int
    weak: bool = False  # after แขวง/เขต, words that also start non-place phrases


@dataclass(frozen=True)
class ParsedAddress:
    """The named parts of a free-text address (names as written, not yet resolved)."""

    tambon: str | None
    amphoe: str | None
    changwat: str | None
    village_no: int | None
    tambon_count: int
    mentions: tuple[Mention, ...] = ()
    villages: tuple[tuple[int, int], ...] = ()  # (position, number) of every หมู่ที่ in the text


class _Names:
    """Which normalised names are known per level (union of the resolver's indexes)."""

    def __init__(self, indexes: Iterable[_Index]) -> None:
        self.sets: dict[str, set[str]] = {lvl: set() for lvl in LEVELS}
        for idx in indexes:
            for lvl in LEVELS:
                self.sets[lvl].update(idx.by_name[lvl])
        self.sets["amphoe"].update(_CAPITAL_WORDS)
        self.lengths = {lvl: sorted({len(k) for k in self.sets[lvl]}, reverse=True) for lvl in LEVELS}

    def known(self, level: str, raw: str) -> bool:
        return _norm(raw) in self.sets[level]

    def longest_prefix(self, level: str, raw: str) -> int:
        """Length of the longest known name that starts `raw` (0 when none)."""
        plain = raw.replace(".", "")
        if len(plain) != len(raw):
            # dots inside the token: fall back to a slower position-exact scan
            for end in range(len(raw), 1, -1):
                if _norm(raw[:end]) in self.sets[level]:
                    return end
            return 0
        names = self.sets[level]
        for n in self.lengths[level]:
            if n < len(raw) and raw[:n].lower() in names:
                return n
        return 0


def _scan_core(text: str, names: _Names) -> list[tuple[str, str, int, int, bool]]:
    """(level, name as written, start, end, weak) of every ตำบล/อำเภอ/จังหวัด mention in cleaned text."""
    mentions: list[tuple[str, str, int, int, bool]] = []
    sets = names.sets
    n = len(text)
    pos = 0
    anchored = False
    while pos < n:
        m = _PREFIX_AT.match(text, pos) if anchored else None
        if m is None:
            m = _PREFIX.search(text, pos)
            if m is None:
                break
        anchored = False
        group = m.lastgroup or ""
        m_end = m.end()
        if group in _BKK_GROUPS:
            mentions.append(("changwat", m.group(0), m.start(), m_end, False))
            pos = m_end
            continue
        level = _LEVEL_OF_GROUP[group]
        weak = group in _WEAK_GROUPS
        tm = _TOKEN.match(text, m_end)
        tok = tm.group(1)
        if not tok:
            pos = max(m_end, tm.end())
            continue
        tok_start = tm.start(1)
        name = None
        end = tm.end(1)
        if _norm(tok) in sets[level]:
            name = tok
        else:
            k = names.longest_prefix(level, tok)
            if k and _CONNECTOR.match(tok, k):
                name, end, anchored = tok[:k], tok_start + k, True
            else:
                nxt = _NEXT_TOKEN.match(text, end)
                if nxt and not _PREFIX_AT.match(nxt.group(2)) and names.known(level, tok + nxt.group(2)):
                    name, end = tok + nxt.group(1) + nxt.group(2), nxt.end(2)
                elif not weak:
                    cut = _KEYWORD_IN.search(tok, 1)
                    if cut:
                        name, end, anchored = tok[: cut.start()], tok_start + cut.start(), True
                    else:
                        name = tok
        if name is None:  # a weak prefix not followed by a known name (แขวงทางหลวง, เขตพื้นที่…)
            pos = m_end
            continue
        mentions.append((level, name, m.start(), end, weak))
        pos = end
    return mentions


def _scan(text: str, names: _Names) -> ParsedAddress:
    """Find ตำบล/อำเภอ/จังหวัด mentions and village numbers in cleaned text."""
    mentions = [Mention(*x) for x in _scan_core(text, names)]
    villages = tuple((vm.start(), int(vm.group(1))) for vm in _VILLAGE.finditer(text))
    tambons = [x for x in mentions if x.level == "tambon"]
    first = tambons[0] if tambons else None
    anchor = first.start if first else None
    if first is None:
        amph = [x for x in mentions if x.level == "amphoe"]
        anchor = amph[0].start if amph else None
    a_m = _context(mentions, "amphoe", anchor, names)
    c_m = _context(mentions, "changwat", anchor if a_m is None else a_m.start, names)
    amphoe = a_m.name if a_m else None
    changwat = c_m.name if c_m else None
    village = _village_for(villages, tambons, 0)[0] if tambons else (villages[0][1] if villages else None)
    count = len({_norm(x.name) for x in tambons})
    return ParsedAddress(
        tambon=first.name if first else None,
        amphoe=amphoe,
        changwat=changwat,
        village_no=village,
        tambon_count=count,
        mentions=tuple(mentions),
        villages=villages,
    )


def _context(mentions: list[Mention], level: str, anchor: int | None, names: _Names) -> Mention | None:
    """The mention of `level` that belongs with the name at `anchor`: the first known one after it."""
    cands = [x for x in mentions if x.level == level]
    if not cands:
        return None
    if anchor is None:
        known = [x for x in cands if names.known(level, x.name)]
        return (known or cands)[0]
    after = [x for x in cands if x.start > anchor]
    for group in (after, list(reversed([x for x in cands if x.start <= anchor]))):
        known = [x for x in group if names.known(level, x.name)]
        if known:
            return known[0]
    return after[0] if after else cands[-1]


def _village_for(
    villages: tuple[tuple[int, int], ...], tambons: list[Mention], i: int
) -> tuple[int | None, int]:
    """The village number written with the i-th tambon mention, and how many were written there."""
    return _village_for_spans(villages, [(m.start, m.end) for m in tambons], i)


def _village_for_spans(
    villages: tuple[tuple[int, int], ...] | list[tuple[int, int]], spans: list[tuple[int, int]], i: int
) -> tuple[int | None, int]:
    """As _village_for, with the tambon mentions given as (start, end)."""
    start = spans[i][0]
    prev_end = spans[i - 1][1] if i > 0 else -1
    before = [v for p, v in villages if prev_end <= p < start]
    if before:
        return before[0], len(set(before))
    nxt = spans[i + 1][0] if i + 1 < len(spans) else None
    after = [v for p, v in villages if p > start and (nxt is None or p < nxt)]
    if after:
        return after[0], len(set(after))
    if len(spans) == 1 and villages:
        return villages[0][1], len({v for _, v in villages})
    return None, 0


def _sig_context(
    sig: tuple[tuple[str, str, bool], ...], level: str, anchor: int | None, names: _Names
) -> tuple[int, str] | None:
    """As _context, on a mention signature: (position in the signature, name) or None."""
    cands = [(i, name) for i, (lvl, name, _) in enumerate(sig) if lvl == level]
    if len(cands) < 2:  # the only one is the answer, known or not
        return cands[0] if cands else None
    known = names.sets[level]
    if anchor is None:
        for c in cands:
            if _norm(c[1]) in known:
                return c
        return cands[0]
    after = [c for c in cands if c[0] > anchor]
    for c in after:
        if _norm(c[1]) in known:
            return c
    for c in reversed(cands):
        if c[0] <= anchor and _norm(c[1]) in known:
            return c
    return after[0] if after else cands[-1]


class _Tail:
    """What the resolver needs of a cleaned text's tail, worked out once per distinct tail.

    The tail is the text from its first ตำบล/แขวง/อำเภอ/เขต/จังหวัด/กรุงเทพฯ prefix on ("ตำบลคอหงส์
    อำเภอหาดใหญ่ จังหวัดสงขลา"): it repeats across titles while the work text before it (the head)
    does not. The scan finds the same mentions in the whole text as in its tail, shifted: it starts
    at that first prefix, and from there on looks forward or at characters inside the tail (the
    look-behind of ต./อ./จ. at the cut itself only confirms the match the whole text has there). No
    village match ("หมู่ที่ 3") crosses the cut, as none holds a prefix letter; the ones in the head
    come before every tambon mention, so they change only the answer for the first tambon mention and
    for a text with none (_info_vf, _info_first). A text is (signature id, _Tail, head villages): _Info.
    """

    __slots__ = ("sig", "tambons", "vf", "before0", "all_v", "first", "clean")

    def __init__(
        self, sig: int, tambons: int, vf: tuple, before0: frozenset, all_v: frozenset, first, clean: bool
    ) -> None:
        self.sig = sig  # id of the mention signature ((level, name, weak), ...); 0 = no mentions
        self.tambons = tambons  # number of tambon mentions
        self.vf = vf  # _village_for of each tambon mention when nothing is written before the tail
        self.before0 = before0  # village numbers in the tail before the first tambon mention
        self.all_v = all_v  # every village number in the tail
        self.first = first  # (first village number, number of distinct ones) or None
        self.clean = clean  # the tail passes _clean_free_text's fast path (as the end of a text)


_EMPTY: frozenset[int] = frozenset()
_NO_TAIL = _Tail(0, 0, (), _EMPTY, _EMPTY, None, False)

#: what the resolver knows of one cleaned text: (signature id, _Tail, village numbers in the head)
_Info = tuple


def _info_vf(info: _Info, i: int) -> tuple[int | None, int]:
    """_village_for of the i-th tambon mention of a text."""
    prefix = info[2]
    if prefix and not i:
        return prefix[0], len(info[1].before0.union(prefix))
    return info[1].vf[i]


def _info_first(info: _Info) -> tuple[int, int] | None:
    """(first village number, number of distinct ones) of a text, None when it has none."""
    prefix = info[2]
    if prefix:
        return prefix[0], len(info[1].all_v.union(prefix))
    return info[1].first


def _info_village_no(info: _Info) -> int | None:
    """ParsedAddress.village_no of a text."""
    if info[1].tambons:
        return _info_vf(info, 0)[0]
    first = _info_first(info)
    return first[0] if first else None


@lru_cache(maxsize=1)
def _geothai_names() -> _Names:
    return _Names([_geothai_index()])


def parse_address(text: str) -> ParsedAddress:
    """The named parts of a free-text Thai address: tambon, amphoe, changwat, village, tambon count."""
    return _scan(thai_digits_to_arabic(clean_text(text)), _geothai_names())


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddressMatch:
    """Where a written address points: DOPA codes, village number, precision and how it was found."""

    tambon_code: str | None
    amphoe_code: str | None
    changwat_code: str | None
    village_no: int | None
    precision: str  # "tambon" | "amphoe" | "changwat" | "unlocated"
    method: str  # "code" | "columns" | "location_text" | "title" | ""
    note_th: str = ""
    note_en: str = ""


@dataclass
class _Partial:
    tambon: str | None = None
    amphoe: str | None = None
    changwat: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    village: int | None = None
    village_count: int = 0

    @property
    def precision(self) -> str:
        if self.tambon:
            return "tambon"
        if self.amphoe:
            return "amphoe"
        if self.changwat:
            return "changwat"
        return "unlocated"

    @property
    def rank(self) -> int:
        return _RANK[self.precision]

    def note(self, th: str, en: str) -> None:
        if (th, en) not in self.notes:
            self.notes.append((th, en))


def _village_note(count: int, village: int) -> tuple[str, str]:
    return (
        f"ข้อความระบุ {count} หมู่ ใช้หมู่ที่ {village}",
        f"text names {count} villages; used village {village}",
    )


def _with_village_note(notes: tuple, count: int, village: int) -> tuple[str, str]:
    """note_th and note_en of a place's notes followed by the note on which village was used."""
    notes = list(dict.fromkeys(notes + (_village_note(count, village),)))
    return "; ".join(th for th, _ in notes), "; ".join(en for _, en in notes)


_NA_KEY = object()


def _factorize(values: np.ndarray) -> tuple[np.ndarray, list]:
    """pd.factorize(values, use_na_sentinel=False) with the uniques as a list, several times faster on text.

    The same groups: equal values go together (a dict does that as pandas' hash table does) and so do
    all missing values (None, NaN, NA, NaT: pd.isna), whose group's value here is None.
    """
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()
        values[missing] = _NA_KEY
    items = values.tolist()
    try:
        index = dict.fromkeys(items)
    except TypeError:  # unhashable cells
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes.astype(np.int64, copy=False), [None if u is _NA_KEY else u for u in uniques.tolist()]
    uniques = list(index)
    index = dict(zip(uniques, range(len(uniques))))
    codes = np.fromiter(map(index.__getitem__, items), dtype=np.int64, count=len(items))
    return codes, [None if u is _NA_KEY else u for u in uniques]


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while building many small objects that form no cycles.

    Resolving 100k distinct titles makes about ten small tuples per row; left on, the collector walks
    the growing caches over and over, which took a quarter of resolve_frame's time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_FIELDS = ("tambon_code", "amphoe_code", "changwat_code", "village_no", "precision", "method", "note_th", "note_en")
_MISSING = object()
#: values pandas treats as missing; float (NaN) only counts when pd.isna says so
_NA_TYPES = frozenset({type(None), float, np.float64, type(pd.NA), type(pd.NaT)})
_NULL_TYPES = frozenset({type(None), type(pd.NA), type(pd.NaT)})
#: types whose equal values always have the same canonical form (_key)
_PLAIN_TYPES = frozenset({str, int, float, bool, np.int64, np.float64})
#: caches are emptied together (they share signature ids) once one of them holds this many entries;
#: the per-text ones stop growing there within one call
_CACHE_LIMIT = 300_000


class AddressResolver:
    """Resolve codes, names and Thai free text to DOPA tambon codes (gazetteer first, then geothai)."""

    def __init__(self, gazetteer: pd.DataFrame | None = None, *, fuzzy_cutoff: float = FUZZY_CUTOFF) -> None:
        """Build the name indexes once; `gazetteer` holds the workspace's own boundary names."""
        with _no_gc():  # tens of thousands of small lists and tuples, no cycles
            self._geo = _geothai_index()
            self._gaz = _gazetteer_index(gazetteer) if gazetteer is not None and len(gazetteer) else None
            self._indexes = [self._gaz, self._geo] if self._gaz is not None else [self._geo]
            self._names = _Names(self._indexes) if self._gaz is not None else _geothai_names()
        self.fuzzy_cutoff = float(fuzzy_cutoff)
        self._cache: dict[tuple, AddressMatch] = {}
        self._village_cache: dict[object, tuple[int | None, tuple[str, str] | None]] = {}
        self._clear_text_caches()

    def _clear_text_caches(self) -> None:
        # raw text -> _Info (None for blank text); text from the first prefix -> _Tail
        self._info_cache: dict[str, _Info | None] = {}
        self._tail_cache: dict[str, _Tail] = {}
        self._head_cache: dict[str, tuple[tuple[int, ...], bool]] = {}  # text before the first prefix
        # mention signatures ((level, name, weak), ...) by id, and how many distinct tambon names each has
        self._sig_ids: dict[tuple, int] = {(): 0}
        self._sigs: list[tuple] = [()]
        self._sig_tambons: list[int] = [0]
        self._mention_cache: dict[tuple, tuple] = {}
        self._text_part_cache: dict[tuple, tuple | None] = {}
        self._place_cache: dict[tuple, tuple] = {}

    def _trim_caches(self) -> None:
        """Empty the text caches when they have grown large (only between resolutions: ids are shared)."""
        sizes = (self._info_cache, self._tail_cache, self._head_cache, self._sigs, self._place_cache,
                 self._text_part_cache, self._mention_cache)
        if max(map(len, sizes)) > _CACHE_LIMIT:
            self._clear_text_caches()

    # -- public -------------------------------------------------------------------------------

    def resolve(
        self,
        *,
        tambon: object = None,
        amphoe: object = None,
        changwat: object = None,
        location_text: object = None,
        title: object = None,
        village_no: object = None,
    ) -> AddressMatch:
        """Resolve one address from codes, name columns, location text and title, in that order."""
        key = (_key(tambon), _key(amphoe), _key(changwat), _key(location_text), _key(title), _key(village_no))
        hit = self._cache.get(key)
        if hit is None:
            self._trim_caches()
            t, a, c, loc, ttl, v = key
            hit = AddressMatch(*self._row(t, a, c, self._info(loc), self._info(ttl), v))
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def resolve_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Resolve every row (columns any of tambon/amphoe/changwat/location_text/title/village_no)."""
        cols = [c for c in _INPUTS if c in frame.columns]
        n = len(frame)
        if n == 0 or not cols:
            out = pd.DataFrame(index=frame.index)
            empty = self.resolve()
            for f in _FIELDS:
                out[f] = pd.Series([getattr(empty, f)] * n, index=frame.index, dtype=object)
            out["village_no"] = out["village_no"].astype("Int64")
            return out
        self._trim_caches()
        with _no_gc():
            return self._resolve_frame(frame, cols, n)

    def _resolve_frame(self, frame: pd.DataFrame, cols: list[str], n: int) -> pd.DataFrame:
        # One resolution per distinct combination of raw values: factorise each column and fold the
        # integer codes into one group number per row. Columns that are blank throughout are left out.
        varying = []
        for c in cols:
            arr = frame[c].to_numpy(dtype=object)
            types = set(map(type, arr))
            if types <= _NA_TYPES and pd.isna(arr).all():
                continue
            codes, uniques = _factorize(arr)
            varying.append((c, arr, codes, uniques, types))
        if not varying:
            group = np.zeros(n, dtype=np.int64)
        elif len(varying) == 1:
            group = varying[0][2]
        else:
            group = np.zeros(n, dtype=np.int64)
            for _, _, codes, uniques, _ in varying:
                group, _ = pd.factorize(group * (len(uniques) + 1) + codes, use_na_sentinel=False)
        n_groups = int(group.max()) + 1
        first = np.empty(n_groups, dtype=np.int64)
        first[group[::-1]] = np.arange(n - 1, -1, -1)
        values: dict[str, list] = {}
        for c, arr, codes, uniques, types in varying:
            convert = self._info_of_raw if c in ("location_text", "title") else _key
            kinds = types - _NULL_TYPES
            if len(kinds) <= 1 and kinds <= _PLAIN_TYPES:
                # only equal values of one type (and blanks) were grouped together: convert each once;
                # with one varying column the groups are its codes, in order
                per_unique = [convert(u) for u in uniques]
                values[c] = per_unique if len(varying) == 1 else [per_unique[k] for k in codes[first].tolist()]
            else:  # e.g. 1 and True, which are equal but read differently: use each group's first value
                values[c] = [convert(v) for v in arr[first].tolist()]
        if len(varying) == 1 and varying[0][0] in ("location_text", "title"):
            columns = self._text_columns(values[varying[0][0]], varying[0][0])
        else:
            cols_in = [values[c] if c in values else itertools.repeat(None, n_groups) for c in _INPUTS]
            row = self._row
            results = [row(t, a, c, loc, ttl, v) for t, a, c, loc, ttl, v in zip(*cols_in)]
            columns = {}
            for f, col in zip(_FIELDS, zip(*results)):
                if f == "village_no":
                    columns[f] = np.fromiter((-1 if v is None else v for v in col), dtype=np.int64, count=n_groups)
                else:
                    columns[f] = np.empty(n_groups, dtype=object)
                    columns[f][:] = col
        out = pd.DataFrame(index=frame.index)
        for f in _FIELDS:
            taken = columns[f][group]
            if f == "village_no":
                out[f] = pd.Series(pd.arrays.IntegerArray(taken, taken < 0), index=frame.index)
            else:
                out[f] = pd.Series(taken, index=frame.index, dtype=object)
        return out

    def _text_columns(self, infos: list[_Info | None], step: str) -> dict[str, np.ndarray]:
        """The output columns (one value per text) when one text column is a row's only input.

        The same as _row(..., text, ...) for each, without a tuple per row: the place fields are taken
        from the distinct places, and only the village number (and rarely its note) is per text.
        """
        places: list[tuple] = []
        place_of: dict[int | None, int] = {}
        place_cache = self._place_cache
        which: list[int] = []
        villages: list[int] = []
        village_notes: dict[int, tuple[str, str]] = {}
        for k, info in enumerate(infos):
            sig = info[0] if info is not None else None
            pi = place_of.get(sig)
            if pi is None:
                key = (None, None, None, sig, None) if step == "location_text" else (None, None, None, None, sig)
                place = place_cache.get(key)
                if place is None:
                    place = self._place(*key)
                    place_cache[key] = place
                pi = place_of[sig] = len(places)
                places.append(place)
            else:
                place = places[pi]
            which.append(pi)
            if info is None:
                villages.append(-1)
                continue
            # as _finish, with no village_no value: source is None or (step, tambon mention)
            source = place[6]
            village = None
            if source is not None:
                i = source[1]
                tail, head = info[1], info[2]
                count = 1
                if i is None:
                    if head:
                        village, count = head[0], len(tail.all_v.union(head))
                    elif tail.first is not None:
                        village, count = tail.first
                elif head and not i:
                    village = head[0]
                    if len(head) > 1 or tail.before0:
                        count = len(tail.before0.union(head))
                else:
                    village, count = tail.vf[i]
                if village is not None and count > 1:
                    village_notes[k] = _with_village_note(place[5], count, village)
            if village is None:
                village = _info_village_no(info)
            villages.append(-1 if village is None else village)
        which_arr = np.array(which, dtype=np.int64)
        columns: dict[str, np.ndarray] = {}
        for f, j in (("tambon_code", 0), ("amphoe_code", 1), ("changwat_code", 2), ("precision", 3),
                     ("method", 4), ("note_th", 7), ("note_en", 8)):
            per_place = np.empty(len(places), dtype=object)
            per_place[:] = [p[j] for p in places]
            columns[f] = per_place[which_arr]
        for k, (th, en) in village_notes.items():
            columns["note_th"][k] = th
            columns["note_en"][k] = en
        columns["village_no"] = np.array(villages, dtype=np.int64)
        return columns

    def parse(self, text: str) -> ParsedAddress:
        """Parse free text with this resolver's known names (gazetteer and geothai)."""
        return _scan(_clean_free_text(text) or "", self._names)

    # -- text ------------------------------------------------------------------------------------

    def _info_of_raw(self, value: object) -> _Info | None:
        """_info of a raw cell value (cached by the text itself)."""
        if type(value) is not str:
            return self._info(_key(value))
        hit = self._info_cache.get(value, _MISSING)
        if hit is _MISSING:
            hit = self._info(value if value.strip(_BLANK_CHARS) else None)  # _key of a str
            if len(self._info_cache) < _CACHE_LIMIT:
                self._info_cache[value] = hit
        return hit

    def _info(self, value: object) -> _Info | None:
        """What matters of one canonical text value (None when blank): see _Tail."""
        if type(value) is str:
            # Fast path: the text is already clean (as in _clean_free_text) when the part before the
            # first prefix is and the tail is a known clean one; the checks split exactly at the cut
            # (the tail starts with a Thai consonant, so no space pair and no NFC change span the cut).
            m = _PREFIX.search(value)
            if m is not None:
                cut = m.start()
                entry = self._tail_cache.get(value[cut:] if cut else value)
                if entry is not None and entry.clean:
                    if not cut:
                        return entry.sig, entry, ()
                    head = self._head(value[:cut])
                    if head[1]:
                        return entry.sig, entry, head[0]
        text = _clean_free_text(value)
        if not text:
            return None
        m = _PREFIX.search(text)
        if m is None:
            return 0, _NO_TAIL, tuple(map(int, _VILLAGE.findall(text)))
        cut = m.start()
        tail = text[cut:] if cut else text
        entry = self._tail_cache.get(tail)
        if entry is None:
            entry = self._tail(tail)
            self._tail_cache[tail] = entry
        return entry.sig, entry, self._head(text[:cut])[0] if cut else ()

    def _head(self, before: str) -> tuple[tuple[int, ...], bool]:
        """(village numbers, clean) of the text before the first prefix ("ก่อสร้างถนน หมู่ที่ 3 ").

        A village match never crosses the cut (see _Tail); clean: as _clean_free_text's fast path asks,
        for a text's beginning. These beginnings repeat across titles, hence the cache.
        """
        hit = self._head_cache.get(before)
        if hit is None:
            hit = (
                tuple(map(int, _VILLAGE.findall(before))),
                before[:1] != " "
                and "  " not in before
                and unicodedata.is_normalized("NFC", before)
                and _MAYBE_CLEAN.search(before) is None,
            )
            if len(self._head_cache) < _CACHE_LIMIT:
                self._head_cache[before] = hit
        return hit

    def _tail(self, tail: str) -> _Tail:
        found = _scan_core(tail, self._names)
        sig = tuple([(level, name, weak) for level, name, _, _, weak in found])
        sig_id = self._sig_ids.get(sig)
        if sig_id is None:
            sig_id = len(self._sigs)
            self._sig_ids[sig] = sig_id
            self._sigs.append(sig)
            self._sig_tambons.append(len({_norm(name) for level, name, _ in sig if level == "tambon"}))
        spans = [(start, end) for level, _, start, end, _ in found if level == "tambon"]
        clean = (
            tail[-1:] != " "
            and "  " not in tail
            and unicodedata.is_normalized("NFC", tail)
            and _MAYBE_CLEAN.search(tail) is None
        )
        villages = [(vm.start(), int(vm.group(1))) for vm in _VILLAGE.finditer(tail)]
        if not villages:
            return _Tail(sig_id, len(spans), ((None, 0),) * len(spans), _EMPTY, _EMPTY, None, clean)
        all_v = frozenset(v for _, v in villages)
        return _Tail(
            sig_id,
            len(spans),
            tuple(_village_for_spans(villages, spans, i) for i in range(len(spans))),
            frozenset(v for p, v in villages if p < spans[0][0]) if spans else _EMPTY,
            all_v,
            (villages[0][1], len(all_v)),
            clean,
        )

    # -- evidence ----------------------------------------------------------------------------

    def _row(self, tambon, amphoe, changwat, loc: _Info | None, title: _Info | None, village_no) -> tuple:
        """The AddressMatch fields of one row of canonical values (texts as _Info)."""
        place_key = (tambon, amphoe, changwat, loc[0] if loc else None, title[0] if title else None)
        place = self._place_cache.get(place_key)
        if place is None:
            place = self._place(*place_key)
            self._place_cache[place_key] = place
        return self._finish(place, loc, title, village_no)

    def _finish(self, place: tuple, loc: _Info | None, title: _Info | None, village_no) -> tuple:
        """The AddressMatch fields of a row from its place and its village evidence."""
        t_code, a_code, c_code, precision, method, notes, source, note_th, note_en = place
        # the village number written in the text, for when the village_no value is empty
        village = None
        count = 0
        if source is not None:
            kind, i = source[0], source[1]
            if kind == "code":
                village, count = i, source[2]
            else:
                info = title if kind == "title" else loc
                head = info[2]
                if i is None:
                    hit = _info_first(info)
                    if hit:
                        village, count = hit
                elif head and not i:  # _info_vf, inline
                    village, count = head[0], len(info[1].before0.union(head))
                else:
                    village, count = info[1].vf[i]
        if village is not None and count <= 1 and village_no is None:
            return t_code, a_code, c_code, village, precision, method, note_th, note_en  # the usual case
        text_village = village
        village_note = None
        if village is not None:
            if count > 1:
                village_note = _village_note(count, village)
        else:
            for info in (loc, title):
                if info:
                    text_village = _info_village_no(info)
                    if text_village is not None:
                        break
        extra = []
        village = None
        if village_no is not None:
            read = self._village_cache.get(village_no)
            if read is None:
                try:
                    read = (parse_village_no(village_no), None)
                except ValueProblem as exc:
                    read = (None, (f"อ่านหมู่ที่ไม่ได้: {exc.th}", f"village number not read: {exc.en}"))
                if len(self._village_cache) < 10_000:
                    self._village_cache[village_no] = read
            village = read[0]
            if read[1]:
                extra.append(read[1])
        if village is None:
            village = text_village
            if village_note:
                extra.append(village_note)
        if extra:
            notes = list(dict.fromkeys(notes + tuple(extra)))
            note_th = "; ".join(th for th, _ in notes)
            note_en = "; ".join(en for _, en in notes)
        return t_code, a_code, c_code, village, precision, method, note_th, note_en

    def _place(self, tambon, amphoe, changwat, loc_sig, title_sig):
        """Codes, names and text signatures to the best place (cached apart from the village number).

        Returns (tambon, amphoe, changwat, precision, method, notes, village source, note_th, note_en);
        the village source is ("code", number, count), (step, tambon mention) for a text step, or None.
        """
        notes: list[tuple[str, str]] = []
        best: _Partial | None = None
        best_method = ""
        best_source = None
        chosen: _Partial | None = None
        method = ""
        source = None

        # (1) explicit codes in the columns
        steps: list[tuple[str, object]] = []
        if tambon is not None or amphoe is not None or changwat is not None:
            name_cols: dict[str, object] = {"tambon": None, "amphoe": None, "changwat": None}
            code_part = _Partial()
            any_code = False
            for col, value in (("tambon", tambon), ("amphoe", amphoe), ("changwat", changwat)):
                if value is None:
                    continue
                code = _code_digits(value)
                if code is None:
                    name_cols[col] = value
                    continue
                any_code = True
                self._apply_code(code, col, code_part)
            if any_code:
                notes.extend(code_part.notes)
                code_part.notes = []
                code_source = (
                    ("code", code_part.village, code_part.village_count) if code_part.village is not None else None
                )
                if code_part.tambon:
                    chosen, method, source = code_part, "code", code_source
                elif code_part.rank:
                    best, best_method, best_source = code_part, "code", code_source
            if any(v is not None for v in name_cols.values()):
                steps.append(("columns", name_cols))
        scope_a = best.amphoe if best else None
        scope_c = best.changwat if best else None

        # (2) name columns, (3) location_text, (4) title: stop at the first that gives a tambon
        if loc_sig is not None:
            steps.append(("location_text", loc_sig))
        if title_sig is not None:
            steps.append(("title", title_sig))
        for step, evidence in steps:
            if chosen is not None:
                break
            if step == "columns":
                part = self._resolve_names_all(
                    evidence["tambon"], evidence["amphoe"], evidence["changwat"], scope_a, scope_c
                )
                step_source = None
            else:
                found = self._resolve_text(evidence, scope_a, scope_c, step)
                if found is None:
                    continue
                part, best_i = found
                step_source = (step, best_i)
            notes.extend(part.notes)
            if part.tambon:
                chosen, method, source = part, step, step_source
            elif part.rank > (best.rank if best else 0):
                best, best_method, best_source = part, step, step_source
                scope_a = best.amphoe or scope_a
                scope_c = best.changwat or scope_c
        if chosen is None:
            chosen, method, source = (best, best_method, best_source) if best is not None else (_Partial(), "", None)
        if chosen.rank == 0 and not notes and any(
            v is not None for v in (tambon, amphoe, changwat, loc_sig, title_sig)
        ):
            notes.append(("ไม่พบชื่อตำบล อำเภอ หรือจังหวัด", "no tambon, amphoe or changwat name found"))
        notes = tuple(dict.fromkeys(notes))
        return (
            chosen.tambon,
            chosen.amphoe,
            chosen.changwat,
            chosen.precision,
            method if chosen.rank else "",
            notes,
            source,
            "; ".join(th for th, _ in notes),
            "; ".join(en for _, en in notes),
        )

    def _apply_code(self, code: str, col: str, part: _Partial) -> None:
        """Put an explicit code into `part` when the gazetteer or geothai knows it."""
        village = None
        if len(code) == 8:
            code, village = code[:6], int(code[6:])
        idx = self._lookup_code(code)
        if idx is None:
            part.note(
                f"ไม่พบรหัส {code} ในคอลัมน์{_LEVEL_TH.get(col, col)}",
                f"code {code} in column {col} is not a known area",
            )
            return
        level = idx.level[code]
        if level == "tambon" and self._gaz is not None and idx is self._geo:
            mapped = self._map_into_gazetteer(code)
            if mapped:
                part.note(
                    f"รหัสตำบล {code} ใช้รหัส {mapped} ตามขอบเขตการปกครองของพื้นที่ทำงาน",
                    f"tambon code {code} is {mapped} in the workspace boundaries",
                )
                code, idx = mapped, self._gaz
            else:
                part.note(
                    f"ตำบลรหัส {code} ไม่มีในขอบเขตการปกครองของพื้นที่ทำงาน",
                    f"tambon {code} is not in the workspace boundaries",
                )
        if level == "tambon":
            if part.tambon and part.tambon != code:
                part.note(f"มีรหัสตำบลสองรหัส ใช้ {part.tambon}", f"two tambon codes given; used {part.tambon}")
                return
            part.tambon = code
            part.amphoe = idx.amphoe_of(code)
            part.changwat = code[:2]
            if village:
                part.village, part.village_count = village, 1
        elif level == "amphoe":
            if part.tambon and idx.amphoe_of(part.tambon) != code:
                part.note(
                    f"รหัสอำเภอ {code} ไม่ตรงกับรหัสตำบล {part.tambon}",
                    f"amphoe code {code} does not contain tambon {part.tambon}",
                )
            elif not part.tambon:
                part.amphoe, part.changwat = code, code[:2]
        elif level == "changwat":
            if part.changwat and part.changwat != code:
                part.note(
                    f"รหัสจังหวัด {code} ไม่ตรงกับรหัส{'ตำบล' if part.tambon else 'อำเภอ'}",
                    f"changwat code {code} does not match the other code",
                )
            elif not part.changwat:
                part.changwat = code

    def _lookup_code(self, code: str) -> _Index | None:
        for idx in self._indexes:
            if idx.exists(code):
                return idx
        return None

    def _resolve_text(self, sig_id: int, scope_a, scope_c, step: str) -> tuple[_Partial, int | None] | None:
        """A text's mentions to a place: (partial, tambon mention of its village) or None (cached, read-only)."""
        key = (sig_id, scope_a, scope_c, step)
        hit = self._text_part_cache.get(key, _MISSING)
        if hit is not _MISSING:
            return hit
        hit = None
        if sig_id:  # 0: no mentions at all
            signature = self._sigs[sig_id]
            m_key = (sig_id, scope_a, scope_c)
            found = self._mention_cache.get(m_key)
            if found is None:
                found = self._resolve_mentions(signature, scope_a, scope_c)
                self._mention_cache[m_key] = found
            part, used_i, best_i = found
            if part is not None:
                part = _Partial(part.tambon, part.amphoe, part.changwat, list(part.notes))
                count = self._sig_tambons[sig_id]
                if count > 1 and used_i is not None:
                    used = [name for level, name, _ in signature if level == "tambon"][used_i]
                    where = "ข้อความ" if step == "location_text" else "ชื่อโครงการ"
                    where_en = "location text" if step == "location_text" else "title"
                    part.note(
                        f"{where}ระบุ {count} ตำบล ใช้{'ตำบลแรก' if used_i == 0 else 'ตำบลแรกที่หาพบ'} '{used}'",
                        f"the {where_en} names {count} tambons; used "
                        f"{'the first' if used_i == 0 else 'the first one found'}, '{used}'",
                    )
                hit = (part, best_i)
        self._text_part_cache[key] = hit
        return hit

    def _resolve_mentions(self, signature: tuple, scope_a, scope_c) -> tuple[_Partial | None, int | None, int | None]:
        """Resolve a sequence of mentions: (best partial, tambon mention used, tambon mention of the best)."""
        names = self._names
        tambons = [(i, name) for i, (level, name, _) in enumerate(signature) if level == "tambon"]
        best: _Partial | None = None
        best_i: int | None = None
        for j, (start, name) in enumerate(tambons):
            a_m = _sig_context(signature, "amphoe", start, names)
            c_m = _sig_context(signature, "changwat", a_m[0] if a_m and a_m[0] > start else start, names)
            part = self._resolve_names_all(name, a_m[1] if a_m else None, c_m[1] if c_m else None, scope_a, scope_c)
            if part.tambon:
                return part, j, j
            if best is None or part.rank > best.rank:
                best, best_i = part, j
        if best is None:
            a_m = _sig_context(signature, "amphoe", None, names)
            c_m = _sig_context(signature, "changwat", a_m[0] if a_m else None, names)
            if a_m is None and c_m is None:
                return None, None, None
            best = self._resolve_names_all(None, a_m[1] if a_m else None, c_m[1] if c_m else None, scope_a, scope_c)
        return best, None, best_i

    # -- names ---------------------------------------------------------------------------------

    def _resolve_names_all(self, t, a, c, scope_a, scope_c) -> _Partial:
        """Resolve names against the gazetteer first, then geothai; keep the most precise answer."""
        t = None if _is_blank(t) else str(t)
        a = None if _is_blank(a) else str(a)
        c = None if _is_blank(c) else str(c)
        first = self._resolve_names(self._indexes[0], t, a, c, scope_a, scope_c)
        if len(self._indexes) == 1 or first.tambon:
            return first
        second = self._resolve_names(self._geo, t, a, c, scope_a, scope_c)
        if second.rank <= first.rank:
            for note in second.notes:
                first.note(*note)
            return first
        # geothai found more: bring its codes into the gazetteer when the gazetteer has them
        gaz = self._gaz
        if second.tambon and not gaz.exists(second.tambon):
            mapped = self._map_into_gazetteer(second.tambon)
            if mapped:
                second.tambon = mapped
                second.amphoe = gaz.amphoe_of(mapped)
                second.changwat = mapped[:2]
            else:
                second.note(
                    f"ตำบลรหัส {second.tambon} ไม่มีในขอบเขตการปกครองของพื้นที่ทำงาน",
                    f"tambon {second.tambon} is not in the workspace boundaries",
                )
        if second.amphoe and not gaz.exists(second.amphoe) and not second.tambon:
            second.note(
                f"อำเภอรหัส {second.amphoe} ไม่มีในขอบเขตการปกครองของพื้นที่ทำงาน",
                f"amphoe {second.amphoe} is not in the workspace boundaries",
            )
        return second

    def _map_into_gazetteer(self, tambon: str) -> str | None:
        gaz = self._gaz
        key = _norm(self._geo.name.get(tambon, ""))
        cands = [c for c in gaz.by_name["tambon"].get(key, ()) if c[:2] == tambon[:2]]
        if len(cands) > 1:
            in_a = [c for c in cands if gaz.amphoe_of(c) == tambon[:4]]
            cands = in_a
        return cands[0] if len(cands) == 1 else None

    def _resolve_names(self, idx: _Index, t, a, c, scope_a, scope_c) -> _Partial:
        """Resolve written tambon/amphoe/changwat names within one index."""
        part = _Partial()
        # changwat
        c_code = None
        if c:
            c_code = self._one_name(idx, "changwat", c, None, part)
        if c_code is None and scope_c and idx.exists(scope_c):
            c_code = scope_c
        # amphoe
        a_code = None
        if a:
            a_code = self._amphoe(idx, a, c_code, part)
        if a_code is None and scope_a and idx.exists(scope_a) and (c_code is None or scope_a[:2] == c_code):
            a_code = scope_a
        if a_code and c_code is None:
            c_code = a_code[:2]
        # tambon
        t_code = None
        if t:
            t_code = self._tambon(idx, t, a_code, c_code, part)
        if t_code:
            part.tambon, part.amphoe, part.changwat = t_code, idx.amphoe_of(t_code), t_code[:2]
        else:
            part.amphoe, part.changwat = a_code, c_code or part.changwat
        return part

    def _one_name(self, idx: _Index, level: str, written: str, parent: str | None, part: _Partial) -> str | None:
        key = _norm(written)
        if not key:
            return None
        cands = idx.by_name[level].get(key, ())
        if parent:
            cands = tuple(x for x in cands if idx.parent.get(x) == parent)
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            part.note(
                f"ชื่อ{_LEVEL_TH[level]} '{written}' ซ้ำกัน {len(cands)} แห่ง",
                f"{level} name '{written}' fits {len(cands)} places",
            )
            return None
        choices = idx.children.get(parent, []) if parent else idx.fuzzy_choices(level)
        hit = self._fuzzy(key, choices)
        if hit:
            self._note_fix(part, level, written, idx.name[hit])
            return hit
        part.note(f"ไม่พบ{_LEVEL_TH[level]} '{written}'", f"{level} '{written}' not found")
        return None

    def _amphoe(self, idx: _Index, written: str, c_code: str | None, part: _Partial) -> str | None:
        key = _norm(written)
        if key in _CAPITAL_WORDS:
            if c_code:
                cap = idx.capital.get(c_code)
                if cap:
                    return cap
            if c_code is None:
                part.note(
                    f"'อำเภอ{written.removeprefix('อำเภอ')}' ไม่ระบุจังหวัด จึงไม่ทราบว่าเป็นอำเภอเมืองใด",
                    f"'{written}' (capital district) without a changwat cannot be placed",
                )
            return None
        cands = idx.by_name["amphoe"].get(key, ())
        if c_code:
            in_c = [x for x in cands if x[:2] == c_code]
            if len(in_c) == 1:
                return in_c[0]
            if len(in_c) > 1:
                part.note(
                    f"ชื่ออำเภอ '{written}' ซ้ำกัน {len(in_c)} แห่งในจังหวัดเดียวกัน",
                    f"amphoe name '{written}' fits {len(in_c)} places in one changwat",
                )
                return None
            hit = self._fuzzy(key, idx.children.get(c_code, []))
            if hit:
                self._note_fix(part, "amphoe", written, idx.name[hit])
                return hit
            if cands:
                part.note(
                    f"อำเภอ '{written}' ไม่อยู่ในจังหวัด{idx.name.get(c_code, c_code)}",
                    f"amphoe '{written}' is not in changwat {c_code}",
                )
            else:
                part.note(f"ไม่พบอำเภอ '{written}'", f"amphoe '{written}' not found")
            return None
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            part.note(
                f"ชื่ออำเภอ '{written}' ซ้ำกัน {len(cands)} แห่ง ไม่ได้ระบุจังหวัด",
                f"amphoe name '{written}' fits {len(cands)} places and no changwat is given",
            )
        else:
            part.note(f"ไม่พบอำเภอ '{written}'", f"amphoe '{written}' not found")
        return None

    def _tambon(self, idx: _Index, written: str, a_code, c_code, part: _Partial) -> str | None:
        key = _norm(written)
        if not key:
            return None
        cands = idx.by_name["tambon"].get(key, ())
        if a_code:
            in_a = [x for x in cands if idx.amphoe_of(x) == a_code]
            if len(in_a) == 1:
                return in_a[0]
            if len(in_a) > 1:
                self._note_ambiguous(idx, part, written, in_a)
                return None
            hit = self._fuzzy(key, idx.children.get(a_code, []))
            if hit is None:
                hit = self._name_plus_place(idx, key, a_code)
            if hit:
                self._note_fix(part, "tambon", written, idx.name[hit])
                return hit
        if c_code:
            in_c = [x for x in cands if x[:2] == c_code]
            if len(in_c) == 1:
                if a_code:
                    part.note(
                        f"ตำบล{written} ไม่อยู่ในอำเภอ{idx.name.get(a_code, a_code)} "
                        f"ใช้ตำบล{idx.name[in_c[0]]} อำเภอ{idx.name.get(idx.amphoe_of(in_c[0]), '')}",
                        f"tambon '{written}' is not in amphoe {a_code}; used {in_c[0]} of the same changwat",
                    )
                return in_c[0]
            if len(in_c) > 1:
                self._note_ambiguous(idx, part, written, in_c)
                return None
            if not a_code:
                hit = self._fuzzy(key, idx.tambons_of_changwat.get(c_code, []))
                if hit:
                    self._note_fix(part, "tambon", written, idx.name[hit])
                    return hit
            if idx is self._indexes[-1]:
                where_th = f"อำเภอ{idx.name.get(a_code, '')}" if a_code else f"จังหวัด{idx.name.get(c_code, '')}"
                where_en = f"amphoe {a_code}" if a_code else f"changwat {c_code}"
                part.note(f"ไม่พบตำบล '{written}' ใน{where_th}", f"tambon '{written}' not found in {where_en}")
            return None
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            self._note_ambiguous(idx, part, written, cands)
            common_c = {x[:2] for x in cands}
            if len(common_c) == 1 and not part.changwat:
                # every candidate is in one changwat: that much is certain
                part.changwat = common_c.pop()
            return None
        if idx is self._indexes[-1]:
            part.note(f"ไม่พบตำบล '{written}'", f"tambon '{written}' not found")
        return None

    def _name_plus_place(self, idx: _Index, key: str, a_code: str) -> str | None:
        """A tambon of `a_code` written with its amphoe or changwat name glued on ("ในเมืองหนองคาย")."""
        a_name = _norm(idx.name.get(a_code, ""))
        c_name = _norm(idx.name.get(a_code[:2], ""))
        tails = {t for t in (a_name, c_name, a_name.removeprefix("เมือง")) if t}
        hits = {
            code
            for name, code in idx.children.get(a_code, [])
            if len(key) > len(name) and key.startswith(name) and key[len(name):] in tails
        }
        return hits.pop() if len(hits) == 1 else None

    def _note_ambiguous(self, idx: _Index, part: _Partial, written: str, codes: list[str] | tuple[str, ...]) -> None:
        places = ", ".join(
            f"{idx.name.get(idx.amphoe_of(c), '')}/{idx.name.get(c[:2], '')}" for c in codes[:5]
        )
        part.note(
            f"ชื่อตำบล '{written}' ซ้ำกัน {len(codes)} แห่ง ({places}) ระบุอำเภอหรือจังหวัดไม่พอ ไม่เลือกแทน",
            f"tambon name '{written}' fits {len(codes)} places ({', '.join(codes[:5])}); "
            f"not enough amphoe/changwat to choose, none guessed",
        )

    def _note_fix(self, part: _Partial, level: str, written: str, official: str) -> None:
        part.note(
            f"แก้ชื่อ{_LEVEL_TH[level]} '{written}' เป็น '{official}'",
            f"corrected {level} name '{written}' to '{official}'",
        )

    def _fuzzy(self, key: str, choices: list[tuple[str, str]]) -> str | None:
        """The one code whose name is close to `key` (ratio ≥ cutoff or same letters but tone marks)."""
        if not choices or len(key) < 3:
            return None
        names = [k for k, _ in choices]
        found = process.extract(key, names, scorer=fuzz.ratio, limit=3, score_cutoff=self.fuzzy_cutoff)
        if found:
            top = found[0][1]
            codes = {choices[i][1] for _, s, i in found if s == top}
            if len(codes) == 1:
                return codes.pop()
            return None
        sk = _skeleton(key)
        if len(sk) < 3:
            return None
        codes = {code for k, code in choices if _skeleton(k) == sk}
        return codes.pop() if len(codes) == 1 else None


def _clean_free_text(value: object) -> str | None:
    """Free text ready for scanning: NFC, joined sara am, Arabic digits, single spaces (None if blank)."""
    if value is None:
        return None
    if isinstance(value, str) and unicodedata.is_normalized("NFC", value) and " " != value[:1] and " " != value[-1:] \
            and "  " not in value:
        if _MAYBE_CLEAN.search(value) is None:
            return value or None  # already clean, no Thai digits
        if _NEEDS_CLEAN_CHAR.search(value) is None:
            return thai_digits_to_arabic(value)  # clean, but for Thai digits
    text = clean_text(value)
    if _THAI_DIGIT.search(text):
        text = thai_digits_to_arabic(text)
    return text or None


def _key(value: object) -> object:
    """A hashable, canonical form of one input value (None for blanks)."""
    if _is_blank(value):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        value = float(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        return value
    return str(value)
