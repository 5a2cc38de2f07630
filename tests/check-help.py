#!/usr/bin/env python3
# check-help.py SRCDIR: the user guide is whole in every language: each
# Mallard page parses, has a title, links only to pages that exist, the
# topics are listed in help/meson.build, and Danish has every English page.
import os
import re
import sys
import xml.etree.ElementTree as ET

MAL = '{http://projectmallard.org/1.0/}'
root = os.path.join(sys.argv[1], 'help')
problems = []
listed = re.findall(r"'(\w+)'", re.search(r"help_pages = \[(.*?)\]",
                                          open(os.path.join(root, 'meson.build')).read()).group(1))
langs = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
english = sorted(f[:-5] for f in os.listdir(os.path.join(root, 'C')) if f.endswith('.page'))

if sorted(listed) != english:
    problems.append('help/meson.build lists %s, help/C has %s' % (sorted(listed), english))
for lang in langs:
    pages = sorted(f[:-5] for f in os.listdir(os.path.join(root, lang)) if f.endswith('.page'))
    if pages != english:
        problems.append('%s has %s, C has %s' % (lang, pages, english))
    for page in pages:
        path = os.path.join(root, lang, page + '.page')
        try:
            tree = ET.parse(path).getroot()
        except ET.ParseError as e:
            problems.append('%s: %s' % (path, e))
            continue
        if tree.tag != MAL + 'page' or tree.get('id') != page:
            problems.append('%s: not a Mallard page with id “%s”' % (path, page))
        title = tree.find(MAL + 'title')
        if title is None or not (title.text or '').strip():
            problems.append('%s: no title' % path)
        for link in tree.iter(MAL + 'link'):
            xref = (link.get('xref') or '').split('#')[0]
            if xref and xref not in pages:
                problems.append('%s: links to “%s”, which is no page' % (path, xref))

for p in problems:
    print(p)
print('help: %d languages, %d pages each' % (len(langs), len(english)))
sys.exit(1 if problems else 0)
