// Draws the asset map from data already in the page (the numbered results, as JSON), and
// again whenever htmx swaps in new results. The list is the primary view: without JavaScript,
// or if Leaflet is missing, the map stays hidden and nothing is lost.
const container = document.getElementById("asset-map");

const readMarkers = () => {
  const data = document.getElementById("asset-markers");
  return data ? JSON.parse(data.textContent) : [];
};

// The map's stylesheet is fetched only now, so it never holds up the list of results, which
// the browser has already shown.
const stylesheetLoaded = (href) => new Promise((resolve) => {
  if (!href) return resolve();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.addEventListener("load", resolve);
  link.addEventListener("error", resolve);
  document.head.append(link);
});

if (container && window.L) {
  await stylesheetLoaded(container.dataset.stylesheet);
  const L = window.L;
  // No fades: content that is half faded in or out reads as low contrast, and moves for nothing.
  const map = L.map(container, { scrollWheelZoom: false, fadeAnimation: false });
  if (container.dataset.tileUrl) {
    L.tileLayer(container.dataset.tileUrl, { maxZoom: 19, attribution: container.dataset.attribution }).addTo(map);
  }
  const layer = L.layerGroup().addTo(map);

  const draw = () => {
    const markers = readMarkers();
    map.closePopup();
    layer.clearLayers();
    container.hidden = markers.length === 0;
    if (markers.length === 0) return;
    const bounds = [];
    markers.forEach((item) => {
      const icon = L.divIcon({ className: "", html: `<span class="app-asset-marker" aria-hidden="true">${item.n}</span>`, iconSize: [28, 28] });
      const marker = L.marker([item.lat, item.lon], { icon, title: `${item.n}. ${item.name}`, alt: `${item.n}. ${item.name}`, keyboard: true });
      const link = document.createElement("a");
      link.href = item.url;
      link.className = "govuk-link";
      link.textContent = `${item.n}. ${item.name}`;
      marker.bindPopup(link);
      // Named by the asset, not by its number alone, wherever the marker is announced. Its
      // element exists once the map has a view, so it is named when it is added.
      marker.on("add", () => marker.getElement().setAttribute("aria-label", `${item.n}. ${item.name}`));
      marker.addTo(layer);
      bounds.push([item.lat, item.lon]);
    });
    map.invalidateSize();
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    }
  };

  draw();
  document.body.addEventListener("htmx:afterSettle", draw);
}
