#!/bin/sh
# Fails when a translatable string of Styr is missing from po/da.po, is
# untranslated or fuzzy there, or when a file with translatable strings is
# missing from po/POTFILES.in (so its strings would never reach da.po).
set -eu
srcdir=$1
cd "$srcdir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$tmp/listed"
{
  grep -rlE '(^|[^A-Za-z_])(N?_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui src --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | sort -u > "$tmp/marked"

missing=$(comm -13 "$tmp/listed" "$tmp/marked")
if [ -n "$missing" ]; then
  echo "Files with translatable strings that po/POTFILES.in does not list:" >&2
  echo "$missing" >&2
  status=1
fi
stale=$(comm -23 "$tmp/listed" "$tmp/marked")
if [ -n "$stale" ]; then
  echo "po/POTFILES.in lists files without translatable strings:" >&2
  echo "$stale" >&2
  status=1
fi

# The same keywords as i18n.gettext(preset: 'glib').
xgettext --from-code=UTF-8 --add-comments --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --output="$tmp/styr.pot" 2> "$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }

# msgcmp counts untranslated and fuzzy entries as missing.
if ! msgcmp po/da.po "$tmp/styr.pot" 2> "$tmp/msgcmp.log"; then
  echo "po/da.po lacks translations:" >&2
  cat "$tmp/msgcmp.log" >&2
  status=1
fi

stats=$(msgfmt --check --statistics -o /dev/null po/da.po 2>&1) || { echo "$stats" >&2; exit 1; }
case $stats in
  *untranslated*|*fuzzy*) echo "po/da.po: $stats" >&2; status=1 ;;
esac

[ $status -eq 0 ] && echo "po/da.po: $stats"
exit $status
