#!/usr/bin/env bash
# Fetch the upstream public sources of the knowledge base into a folder laid out like ../shared/data,
# for `npm run kb:build -- --from DIR` (the pack pipeline, .github/workflows/kb-pack.yml; docs/data-packs.md).
#
#   tools/kb-build/fetch-sources.sh DIR
#
# DIR/misp-galaxy/*.json                 MISP/misp-galaxy, clusters/ at the default branch's head
# DIR/ofac-addresses/sanctioned_*.json   0xB10C/ofac-sanctioned-digital-currency-addresses, branch `lists` (nightly from the OFAC SDN list)
# DIR/incidents/defi_exploits.csv        eggbertgjk/vault-risk-framework, data/defi_exploits.csv
# DIR/incidents/dprk_attributed_incidents_tayvano.csv
#                                        the project's pinned transcription of tayvano/lazarus-bluenoroff-research's
#                                        README table (tools/kb-build/pinned/; upstream publishes no data file)
# DIR/readability-test-pages/*/expected.html
#                                        mozilla/readability test pages: ordinary web text, to flag one-word victim
#                                        names that are ordinary words
# DIR/articles/negatives/ordinary-words.txt
#                                        the lower-case words of the project's labelled non-crypto articles
#                                        (tools/kb-build/pinned/; the articles themselves are not redistributable):
#                                        same purpose
# DIR/snapshots.env                      KB_*_COMMIT and KB_*_DATE of what was fetched (`set -a; . DIR/snapshots.env`
#                                        before kb:build, so source links and as-of dates name these snapshots)
#
# Only git over HTTPS to github.com (KB_SOURCES_GIT_BASE overrides it, for tests); shallow, sparse clones.
set -euo pipefail

out=${1:?usage: fetch-sources.sh DIR}
base=${KB_SOURCES_GIT_BASE:-https://github.com}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# clone REPO BRANCH(or -) DEST [SPARSE_PATH]: a shallow clone, optionally of one folder only
clone() {
  local repo=$1 branch=$2 dest=$3 path=${4:-}
  local args=(--quiet --depth 1 --no-tags)
  [ "$branch" != - ] && args+=(--branch "$branch")
  [ -n "$path" ] && args+=(--filter=blob:none --sparse)
  git clone "${args[@]}" "$base/$repo" "$dest"
  [ -n "$path" ] && git -C "$dest" sparse-checkout set "$path"
  return 0
}
commit_of() { git -C "$1" rev-parse HEAD; }
date_of() { git -C "$1" log -1 --format=%cs; }

mkdir -p "$out/misp-galaxy" "$out/ofac-addresses" "$out/incidents" "$out/readability-test-pages" "$out/articles/negatives"

clone MISP/misp-galaxy - "$work/misp" clusters
cp "$work/misp/clusters/"*.json "$out/misp-galaxy/"

clone 0xB10C/ofac-sanctioned-digital-currency-addresses lists "$work/ofac"
cp "$work/ofac/"sanctioned_addresses_*.json "$out/ofac-addresses/"

clone eggbertgjk/vault-risk-framework - "$work/defi" data
cp "$work/defi/data/defi_exploits.csv" "$out/incidents/defi_exploits.csv"

cp "$here/pinned/dprk_attributed_incidents_tayvano.csv" "$out/incidents/"
cp "$here/pinned/ordinary-words.txt" "$out/articles/negatives/"

clone mozilla/readability - "$work/readability" test/test-pages
for page in "$work/readability/test/test-pages/"*/; do
  name=$(basename "$page")
  if [ -f "$page/expected.html" ]; then
    mkdir -p "$out/readability-test-pages/$name"
    cp "$page/expected.html" "$out/readability-test-pages/$name/"
  fi
done

cat > "$out/snapshots.env" <<ENV
KB_MISP_COMMIT=$(commit_of "$work/misp")
KB_MISP_DATE=$(date_of "$work/misp")
KB_OFAC_COMMIT=$(commit_of "$work/ofac")
KB_OFAC_AS_OF=$(date_of "$work/ofac")
KB_DEFI_COMMIT=$(commit_of "$work/defi")
KB_DEFI_DATE=$(date_of "$work/defi")
ENV

echo "fetched into $out:"
echo "  misp-galaxy: $(ls "$out/misp-galaxy" | wc -l) cluster files; ofac-addresses: $(ls "$out/ofac-addresses" | wc -l) lists;" \
  "defi_exploits.csv: $(($(wc -l < "$out/incidents/defi_exploits.csv") - 1)) rows; readability pages: $(ls "$out/readability-test-pages" | wc -l)"
sed 's/^/  /' "$out/snapshots.env"
