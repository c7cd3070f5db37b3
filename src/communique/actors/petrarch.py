"""Converts PETRARCH-2 actor dictionaries (MIT) into ``officeholders_petrarch.tsv``.

Run once when the dictionaries change (they stopped being maintained around 2016)::

    python -m communique.actors.petrarch ../shared/resources/petrarch2-dictionaries > \
        src/communique/data/officeholders_petrarch.tsv   # then put the file header back

Rules (the data file's header repeats them): only entries with at least one dated code are kept; a code
``[AFGGOV 331108-730717]`` splits into ISO3 country and the first known three-letter sector; ``YYMMDD`` is
read as 19YY from 30 and 20YY below; an open term (``>YYMMDD``) is closed on 2016-12-31; names already in
``officeholders.tsv`` are left out; a surname alias is added when the surname is unique among all people
and is no country, place, body, word of a role noun or common name; dated states ("German Democratic
Republic") are no people and are left out.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from communique import data
from communique.actors.gazetteer import Gazetteer, person_key

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)\s*([^\]]*)\]")
HEAD = re.compile(r"^([A-Z][A-Z0-9_.'\-]*)\s*(.*)$")
OPEN_END = "2016-12-31"
RENAMED = {"TMP": "TLS", "DDR": "DEU", "KSV": "XKX", "SUN": "RUS", "USR": "RUS", "YUG": "SRB", "SRP": "SRB", "SCG": "SRB", "KRJ": "IRQ"}
DROPPED = frozenset({"BMU", "COK", "AIA", "ABW", "CYM", "KNT", "MNC"})  # territories we do not list; companies
BODIES = frozenset({"IGO", "NGO", "IMG"})
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL REF HLH HRI DEV AGR ENV LAB LEG ELI UAF REL MOD RAD "
    "SEP INS IGO NGO JEW MUS CHR HIN BUD SHI SUN CTH ORT PRO ATH ENR AID".split()
)
COMMON = data.words("actors.common_surnames")
NOT_PEOPLE = data.words("actors.not_people")


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def parse_actors(text: str) -> list[Entry]:
    """Entries of a PETRARCH actor file: a head line, ``+ALIAS`` lines, indented ``[CODE dates]`` lines."""
    entries: list[Entry] = []
    cur: Entry | None = None
    for line in text.splitlines():
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        if body.startswith("+"):
            if cur is not None:
                cur.aliases.append(body[1:].strip())
        elif body[0] in " \t":
            if cur is not None:
                cur.codes += CODE.findall(body)
        else:
            m = HEAD.match(body)
            cur = Entry(m.group(1), [], CODE.findall(m.group(2))) if m else None
            if cur is not None:
                entries.append(cur)
    return entries


def _date(s: str) -> str | None:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        out = f"{1900 + yy if yy >= 30 else 2000 + yy}-{s[2:4]}-{s[4:6]}"
    elif len(s) == 8 and s.isdigit():
        out = f"{s[:4]}-{s[4:6]}-{s[6:8]}"
    else:
        return None
    return out if "01" <= out[5:7] <= "12" and "01" <= out[8:10] <= "31" else None


def _title(raw: str) -> str:
    words = raw.strip().strip("_").replace("_", " ").lower().split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


def terms_of(entry: Entry) -> list[tuple[str, str, str, str]]:
    """(country, sector, start, end) for every dated code of ``entry``."""
    out: list[tuple[str, str, str, str]] = []
    for code, dates in entry.codes:
        dates = dates.strip()
        country = RENAMED.get(code[:3], code[:3])
        if not dates or country in DROPPED:
            continue
        rest = [code[k : k + 3] for k in range(3, len(code), 3)]
        if country in BODIES:
            sector = next((x for x in rest if x in SECTORS), "GOV")
        else:
            sector = next((x for x in rest if x in SECTORS), "")
        if dates.startswith(">"):
            start, end = _date(dates[1:]), None
        elif dates.startswith("<"):
            start, end = None, _date(dates[1:])
        elif "-" in dates:
            a, _, b = dates.partition("-")
            start, end = _date(a), _date(b)
        else:
            continue
        if not start and not end:
            continue
        end = end or OPEN_END
        if start and start > end:
            continue
        out.append((country, sector, start or "", end))
    return out


def convert(src: Path, curated: set[str], gaz: Gazetteer | None = None) -> list[list[str]]:
    """Rows of ``officeholders_petrarch.tsv`` from the dictionaries in ``src``."""
    rows: list[list[str]] = []
    seen: set[str] = set()
    for name in FILES:
        for entry in parse_actors((src / name).read_text(encoding="utf-8", errors="replace")):
            terms = terms_of(entry)
            full = _title(entry.name)
            key = person_key(full)
            if not terms or len(full.split()) < 2 or not re.fullmatch(r"[A-Za-z .'\-]+", full):
                continue
            if NOT_PEOPLE & set(key.split()):
                continue  # "German Democratic Republic": a dated state, not a person
            if key in curated or key in seen:
                continue
            seen.add(key)
            aliases = [a for a in dict.fromkeys(_title(x) for x in entry.aliases) if re.fullmatch(r"[A-Za-z .'\-]{4,}", a) and person_key(a) != key]
            rows += [[full, "|".join(aliases), c, s, "", st, en, "P2"] for c, s, st, en in terms]
    gaz = gaz or Gazetteer()
    role_words = {w for noun in gaz.roles for w in noun.split()}
    surnames = Counter(person_key(n).split()[-1] for n in {r[0] for r in rows}) + Counter(k.split()[-1] for k in curated if k)
    for r in rows:
        sur = person_key(r[0]).split()[-1]
        taken = gaz.lookup(sur) or gaz.city(sur) or gaz.body(sur) or gaz.role(sur)
        if len(sur) >= 4 and sur not in COMMON and sur not in role_words and surnames[sur] == 1 and not taken:
            r[1] = "|".join([x for x in r[1].split("|") if x] + [r[0].split()[-1]])
    return rows


def main(argv: list[str]) -> int:
    src = Path(argv[1] if len(argv) > 1 else "../shared/resources/petrarch2-dictionaries")
    curated = {person_key(r[0]) for r in data.rows("officeholders.tsv")}
    curated |= {person_key(a) for r in data.rows("officeholders.tsv") if len(r) > 1 for a in r[1].split("|") if a}
    for row in convert(src, curated):
        sys.stdout.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv))
