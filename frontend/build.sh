#!/usr/bin/env bash
# Rebuilds static/govuk from the govuk-frontend npm package, and static/leaflet from leaflet's. Run from anywhere: `make frontend`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../static/govuk"
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts
dist=node_modules/govuk-frontend/dist/govuk
rm -rf "$out" && mkdir -p "$out/assets"
npx sass --pkg-importer=node --style=compressed --no-source-map src/application.scss "$out/govuk-frontend.min.css"
cp "$dist/govuk-frontend.min.js" "$out/govuk-frontend.min.js"
# Only the image the CSS references (the footer crest, never rendered here, but collectstatic
# follows the url()); no fonts (system fonts) and no GOV.UK icons (they are the crown).
mkdir -p "$out/assets/images"
cp "$dist/assets/images/govuk-crest.svg" "$out/assets/images/"
# Leaflet for the asset map: its script, its stylesheet and the images the stylesheet names.
leaflet_out="$here/../static/leaflet"
rm -rf "$leaflet_out" && mkdir -p "$leaflet_out"
# The source map too: leaflet.js names it, and collectstatic's manifest insists it exists.
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css "$leaflet_out/"
cp -r node_modules/leaflet/dist/images "$leaflet_out/images"
cp node_modules/leaflet/LICENSE "$leaflet_out/LICENSE"
echo "leaflet $(node -p "require('leaflet/package.json').version") built $(date -u +%Y-%m-%d) by frontend/build.sh" > "$leaflet_out/VERSION"
{
  echo "govuk-frontend $(node -p "require('govuk-frontend/package.json').version")"
  echo "sass $(npx sass --version | cut -d' ' -f1)"
  echo "built $(date -u +%Y-%m-%d) by frontend/build.sh"
} > "$out/VERSION"
echo "Built $(wc -c < "$out/govuk-frontend.min.css") bytes of CSS into static/govuk"
