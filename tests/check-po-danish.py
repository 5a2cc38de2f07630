#!/usr/bin/env python3
# Fails on Danish that is not Danish: a message left in English, English
# words in a translation, or one of KOMBIT's fixed terms (po/glossary.md)
# translated with another word. check-po.sh already fails on missing,
# untranslated and fuzzy messages.
import re
import sys

srcdir = sys.argv[1]

def unquote(line):
    return bytes(line.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

def entries(path):
    entry, key = {}, None
    with open(path, encoding="utf-8") as po:
        for line in po:
            line = line.rstrip("\n")
            if not line.strip():
                if entry:
                    yield entry
                entry, key = {}, None
                continue
            if line.startswith("#,"):
                entry["flags"] = line
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += unquote(line)
            else:
                key, _, rest = line.partition(" ")
                entry[key] = unquote(rest)
    if entry:
        yield entry

# Words the same in both languages, or names.
SAME = {
    "styr", "klik", "kombit", "øir", "pdf", "csv", "couchdb", "url", "http", "https", "ics",
    "id", "sts", "sf", "ksd", "yr", "erp", "dubu", "opus", "kmd", "prisme", "fujitsu", "eg",
    "indsigt", "gnome", "sqlite", "json", "utf", "mb", "kb", "api", "dir", "file", "name",
    "meeting", "today", "yyyy", "mm", "dd", "nn", "ok", "status", "server", "service",
    "services", "system", "systemer", "normal", "data", "kick", "off", "note", "type",
    "person", "mail", "database", "rollegalleri", "pejlemærke",
}
ENGLISH = re.compile(r"\b(the|with|from|this|that|your|you|which|should|would|could|"
                     r"isn't|don't|can't|won't|please|been|were|there|their|here's|"
                     r"anything|nothing|something|everything)\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-zÆØÅæøå]{3,}")

glossary = []
with open(f"{srcdir}/po/glossary.md", encoding="utf-8") as text:
    for row in text:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("English in the code", "---") or cells[0].startswith("-"):
            continue
        english = [e.strip() for e in cells[0].split("/")]
        danish = [d.strip() for d in cells[1].split("/")]
        if len(english) == len(danish):
            glossary.extend(zip(english, danish))

problems = []
for entry in entries(f"{srcdir}/po/da.po"):
    msgid = entry.get("msgid", "")
    if not msgid:
        continue
    translations = [v for k, v in entry.items() if k.startswith("msgstr")]
    where = msgid if len(msgid) < 70 else msgid[:67] + "…"
    # Command-line syntax and format strings stay as they are.
    words = [w.lower() for w in WORD.findall(re.sub(r"--[a-z-]+|%[a-z]+", "", msgid))]
    for text in translations:
        if text == msgid and any(w not in SAME for w in words):
            problems.append(f"left in English: {where!r}")
        hit = ENGLISH.search(re.sub(r"--[a-z-]+", "", text))
        if hit:
            problems.append(f"English word {hit.group(0)!r} in the translation of {where!r}")
    plain = re.sub(r"--[a-z-]+", "", msgid)
    for english, danish in glossary:
        # A capitalised term is a name, as a page's: matched only as the
        # message's first word, so "Export Role Overview" is free.
        if english[:1].isupper():
            found = re.match(rf"{re.escape(english)}\b", plain)
        else:
            found = re.search(rf"\b{re.escape(english)}s?\b", plain, re.IGNORECASE)
        if found:
            stem = danish.lower()[:max(4, round(len(danish) * 0.6))]
            if not any(stem in t.lower() for t in translations):
                problems.append(f"{english!r} should be {danish!r} in {where!r}")

for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    print(f"{len(problems)} problems in po/da.po", file=sys.stderr)
    sys.exit(1)
print("po/da.po reads as Danish, with KOMBIT's terms")
