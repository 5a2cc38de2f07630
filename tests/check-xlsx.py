#!/usr/bin/env python3
# The register as an Excel workbook, read back by an OOXML reader of its
# own (Python's zipfile and ElementTree) rather than by the library that
# wrote it: `styr --export-agreements register.xlsx`, in Danish, must give
# a sheet where every text is a string cell (nothing a spreadsheet would
# evaluate, so no guard), the dates are dates shown dd-mm-yyyy, and every
# number in the XML is written with a full stop whatever the locale.
#
# Usage: check-xlsx.py STYR SOURCEDIR

import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}

REGISTER = (
    '\ufeffAnvendersystem;Leverandør;Services;Status;Gyldig fra;Gyldig til;Begrundelse;Noter\r\n'
    'KMD Sag;=HYPERLINK("http://x");SF1520, SF1500;godkendt;01-12-2019;30-11-2021;-3 %;'
    '"+45 33 12 34 56\nLinje 2"\r\n'
    'Nexus;Systematic;SF1520;anmodet;;;-;@SUM(A1)\r\n'
)


def fail(message):
    print('not ok: ' + message)
    sys.exit(1)


def run(styr, data_dir, *args, lang='C.UTF-8'):
    env = dict(os.environ, LANG=lang, LC_ALL=lang)
    result = subprocess.run([styr, '--data-dir', data_dir, *args], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail('%s: %s%s' % (' '.join(args), result.stdout, result.stderr))
    return result.stdout


def column_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord('A') + 1
    return n - 1, int(ref[len(letters):])


def main():
    styr, sourcedir = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, 'data')
        run(styr, data, '--import-catalogue', os.path.join(sourcedir, 'data', 'catalogue.json'))
        register = os.path.join(tmp, 'register.csv')
        with open(register, 'w', encoding='utf-8', newline='') as f:
            f.write(REGISTER)
        run(styr, data, '--import-agreements', register)
        workbook = os.path.join(tmp, 'register.xlsx')
        said = run(styr, data, '--export-agreements', workbook, lang='da_DK.UTF-8')
        if 'Wrote 2' not in said and 'Skrev 2' not in said:
            fail('the export said: ' + said)

        with zipfile.ZipFile(workbook) as z:
            if z.testzip() is not None:
                fail('the workbook is damaged')
            shared = [''.join(t.itertext()) for t in
                      ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS)]
            sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
            styles = ET.fromstring(z.read('xl/styles.xml'))
            raw = z.read('xl/worksheets/sheet1.xml').decode()
            names = [s.get('name') for s in
                     ET.fromstring(z.read('xl/workbook.xml')).iter('{%s}sheet' % NS['m'])]

    if names != ['Serviceaftaler']:
        fail('the sheet is named %r' % names)
    for attribute in re.findall(r'(?:width|ht)="([^"]*)"', raw):
        if ',' in attribute:
            fail('a number in the sheet is written with a comma: ' + attribute)
    if sheet.find('.//m:f', NS) is not None:
        fail('the sheet has a formula')

    formats = {f.get('numFmtId'): f.get('formatCode') for f in styles.iter('{%s}numFmt' % NS['m'])}
    cell_formats = [x.get('numFmtId') for x in
                    styles.find('m:cellXfs', NS).findall('m:xf', NS)]

    cells = {}
    for c in sheet.iter('{%s}c' % NS['m']):
        column, row = column_index(c.get('r'))
        value = c.find('m:v', NS)
        if c.get('t') == 's':
            cells[(row, column)] = ('text', shared[int(value.text)])
        elif c.get('t') is None and value is not None:
            style = cell_formats[int(c.get('s', '0'))]
            cells[(row, column)] = ('number', value.text, formats.get(style))
        else:
            fail('cell %s is of type %s' % (c.get('r'), c.get('t')))

    header = [cells[(1, c)][1] for c in range(17)]
    if header[:3] != ['ID', 'Anvendersystem', 'Leverandør'] or 'Gyldig til' not in header:
        fail('the header is %r' % header)

    def text(row, heading):
        return cells.get((row, header.index(heading)))

    # Row 2 is KMD Sag, row 3 Nexus: in the order of the using system.
    expected = {
        (2, 'Leverandør'): ('text', '=HYPERLINK("http://x")'),
        (2, 'Begrundelse'): ('text', '-3 %'),
        (2, 'Noter'): ('text', '+45 33 12 34 56\nLinje 2'),
        (2, 'Services'): ('text', 'SF1520, SF1500'),
        (2, 'Status'): ('text', 'Godkendt'),
        (3, 'Noter'): ('text', '@SUM(A1)'),
        (3, 'Begrundelse'): ('text', '-'),
    }
    for (row, heading), want in expected.items():
        got = text(row, heading)
        if got != want:
            fail('row %d, %s: %r, expected %r' % (row, heading, got, want))

    # 1 December 2019 is day 43800 counted Excel's way.
    for heading, serial in (('Gyldig fra', '43800'), ('Gyldig til', '44530')):
        got = text(2, heading)
        if got != ('number', serial, 'dd-mm-yyyy'):
            fail('row 2, %s: %r, expected a date %s shown dd-mm-yyyy' % (heading, got, serial))

    id_cell = text(2, 'ID')
    if id_cell is None or id_cell[0] != 'text' or not re.fullmatch(r'[0-9a-f-]{36}', id_cell[1]):
        fail('row 2 has no ID: %r' % (id_cell,))

    print('ok: the workbook reads back as the register, in string cells and dates')


if __name__ == '__main__':
    main()
