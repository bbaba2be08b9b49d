#!/usr/bin/env bash
# Puts bpmn-io's form viewer, at the version Camunda 7.24's Tasklist bundles, where the response
# page serves it. It comes from the npm registry as the package's own tarball (its UMD bundle has
# no further dependencies), checked against the integrity npm published for it.
# Usage: fetch-form-viewer.sh <destination directory>   (run by Maven in generate-resources)
set -euo pipefail

VERSION=1.8.7
INTEGRITY="sha512-9U66Z7x+rbtVxRs+/UxTqHeJxaavtGDgaxH5QXrTJiWftUdbj74tyZESBAAL2yclVn6aHC9csekOsceVoGr2ng=="
dest="$1"
cache="${FORM_VIEWER_CACHE:-$HOME/.cache/cspr-form-viewer}"

if [ -f "$dest/form-viewer.umd.js" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-form-viewer: npm is needed to fetch @bpmn-io/form-js@$VERSION (install Node.js and npm)" >&2
  exit 1
fi

tarball="$cache/bpmn-io-form-js-$VERSION.tgz"
if [ ! -f "$tarball" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack "@bpmn-io/form-js@$VERSION" --silent >/dev/null)
fi
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  rm -f "$tarball"
  echo "fetch-form-viewer: $tarball does not match the published integrity; refusing it" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work" package/dist/form-viewer.umd.js package/dist/assets/form-js.css \
  package/dist/assets/flatpickr/light.css package/LICENSE
mkdir -p "$dest"
cp "$work/package/dist/form-viewer.umd.js" "$work/package/dist/assets/form-js.css" "$dest/"
cp "$work/package/dist/assets/flatpickr/light.css" "$dest/flatpickr-light.css"
cp "$work/package/LICENSE" "$dest/LICENSE-form-js.txt"
echo "$VERSION" > "$dest/VERSION"
