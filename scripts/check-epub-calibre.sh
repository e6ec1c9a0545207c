#!/usr/bin/env bash
# check-epub-calibre.sh — does calibre read back what syndicate wrote into an EPUB?
#
# usage: scripts/check-epub-calibre.sh BOOK.epub [BOOK.epub ...]
#
# For each book, reads dc:title, dc:creator, dc:language and dc:publisher from the book's own package
# document, runs calibre's `ebook-meta --to-opf` on it, and checks that calibre reports the same title,
# the same authors in the same order, the same language (calibre speaks ISO 639-2, e.g. "eng"; it is
# mapped back with calibre's own table) and the same publisher. Prints one PASS/FAIL line per book and
# exits 1 if any failed, 2 if calibre is missing.
#
# calibre is deliberately not a test dependency (it is several hundred MB): install it with
#   apt-get install -y calibre
# It needs no display; this script sets QT_QPA_PLATFORM=offscreen for headless machines and
# QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox for running as root.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
for tool in ebook-meta calibre-debug python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "check-epub-calibre: $tool not found; install calibre (apt-get install -y calibre)" >&2
        exit 2
    fi
done
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for book in "$@"; do
    if ! ebook-meta "$book" --to-opf "$tmp/calibre.opf" >"$tmp/log" 2>&1; then
        echo "FAIL  $book  ebook-meta could not read it: $(tail -n 1 "$tmp/log")"
        status=1
        continue
    fi
    # calibre's three-letter language code, as the two-letter code the book declares (if there is one).
    calibre_lang=$(python3 - "$tmp/calibre.opf" <<'PY'
import sys
import xml.etree.ElementTree as ET
dc = "{http://purl.org/dc/elements/1.1/}"
print(next((e.text or "" for e in ET.parse(sys.argv[1]).iter(dc + "language")), ""))
PY
)
    calibre_lang_iso1=$(calibre-debug -c "from calibre.utils.localization import lang_as_iso639_1 as f; print(f('$calibre_lang') or '$calibre_lang')" 2>/dev/null | tail -n 1)
    if ! python3 - "$book" "$tmp/calibre.opf" "$calibre_lang_iso1" <<'PY'
import sys
import xml.etree.ElementTree as ET
import zipfile

DC = "{http://purl.org/dc/elements/1.1/}"
book, calibre_opf, calibre_lang = sys.argv[1:4]
try:
    with zipfile.ZipFile(book) as archive:
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        rootfile = next(e for e in container.iter() if e.tag.endswith("rootfile")).get("full-path")
        ours = ET.fromstring(archive.read(rootfile))
    theirs = ET.parse(calibre_opf).getroot()
except (OSError, KeyError, StopIteration, zipfile.BadZipFile, ET.ParseError) as exc:
    print(f"FAIL  {book}  not a readable EPUB: {exc}")
    sys.exit(1)


def values(root, name):
    return [(e.text or "").strip() for e in root.iter(DC + name)]


problems = []
if values(ours, "title")[:1] != values(theirs, "title")[:1]:
    problems.append(f"title {values(theirs, 'title')[:1]} != {values(ours, 'title')[:1]}")
# calibre shows "Unknown" for a book without dc:creator.
if values(ours, "creator") != values(theirs, "creator") and not (
    not values(ours, "creator") and values(theirs, "creator") in ([], ["Unknown"])
):
    problems.append(f"authors {values(theirs, 'creator')} != {values(ours, 'creator')}")
if values(ours, "publisher")[:1] != values(theirs, "publisher")[:1]:
    problems.append(f"publisher {values(theirs, 'publisher')[:1]} != {values(ours, 'publisher')[:1]}")
declared = (values(ours, "language") or [""])[0].split("-")[0].lower()
if declared != calibre_lang.lower() and not (declared == "und" and calibre_lang in ("", "und")):
    problems.append(f"language {calibre_lang!r} != {declared!r}")
if problems:
    print(f"FAIL  {book}  " + "; ".join(problems))
    sys.exit(1)
print(
    f"PASS  {book}  title={values(ours, 'title')[0]!r} authors={values(ours, 'creator')} "
    f"language={declared} publisher={values(ours, 'publisher')[:1]}"
)
PY
    then
        status=1
    fi
done
exit "$status"
