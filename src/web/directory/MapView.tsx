import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { KIND_COLORS, type Kind, type StructurePoint } from './api';

/** leaflet.markercluster extends the global L: load it after exposing ours. */
let clusterReady: Promise<void> | undefined;
function loadCluster() {
  (window as unknown as { L: typeof L }).L = L;
  clusterReady ??= import('leaflet.markercluster').then(() => undefined);
  return clusterReady;
}

// Start both downloads as soon as the map's code arrives, in parallel with the points.
loadCluster();
let outlines: Promise<GeoJSON.GeoJsonObject | null> | undefined;
function loadOutlines() {
  outlines ??= fetch('/api/public/departements.geojson')
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return outlines;
}
loadOutlines();

const icons = new Map<Kind, L.DivIcon>();
function iconOf(kind: Kind) {
  let icon = icons.get(kind);
  if (!icon) {
    icon = L.divIcon({
      className: `dir-marker dir-marker-${kind}`,
      html: `<span style="display:block;width:16px;height:16px;border-radius:50%;background:${KIND_COLORS[kind]};border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.45)"></span>`,
      iconSize: [20, 20],
      iconAnchor: [10, 10],
    });
    icons.set(kind, icon);
  }
  return icon;
}

/** The structure of each marker, for the cluster group's single click listener. */
const ids = new WeakMap<L.Marker, string>();

const IDF_CENTER: L.LatLngTuple = [48.75, 2.5];

/**
 * The map: département outlines served by Passerelle as an offline base layer, OpenStreetMap tiles when wanted,
 * markers clustered so that thousands stay fluid. Clicking a marker selects its structure (the card is outside).
 */
export default function MapView({
  points,
  selectedId,
  onSelect,
  osmTiles,
}: {
  points: StructurePoint[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  osmTiles: boolean;
}) {
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const tiles = useRef<L.TileLayer | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, {
      center: IDF_CENTER,
      zoom: 9,
      minZoom: 5,
      maxZoom: 17,
      preferCanvas: true,
      attributionControl: true,
    });
    map.current = m;
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Contours : IGN Admin Express (Licence Ouverte)');
    let cancelled = false;
    loadOutlines()
      .then((geo) => {
        if (!geo || cancelled) return;
        L.geoJSON(geo, {
          interactive: false,
          style: { color: '#6b7a90', weight: 1, fillColor: '#eef2f7', fillOpacity: 0.6 },
        })
          .addTo(m)
          .bringToBack();
      })
      .catch(() => {});
    loadCluster().then(() => {
      if (cancelled) return;
      cluster.current = L.markerClusterGroup({
        chunkedLoading: true,
        showCoverageOnHover: false,
        maxClusterRadius: 50,
      });
      // One listener for thousands of markers rather than one each.
      cluster.current.on('click', (e) => {
        const id = ids.get((e as L.LeafletMouseEvent & { layer: L.Marker }).layer);
        if (id) onSelectRef.current(id);
      });
      m.addLayer(cluster.current);
      setReady(true);
    });
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (osmTiles && !tiles.current) {
      tiles.current = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '© contributeurs OpenStreetMap',
      }).addTo(m);
    } else if (!osmTiles && tiles.current) {
      tiles.current.remove();
      tiles.current = null;
    }
  }, [osmTiles]);

  useEffect(() => {
    const m = map.current;
    const group = cluster.current;
    if (!ready || !m || !group) return;
    group.clearLayers();
    markers.current.clear();
    // The final view first: clusters are then computed and drawn once, not again after a zoom change.
    if (points.length) {
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon] as L.LatLngTuple));
      m.fitBounds(bounds.pad(0.05), { maxZoom: 13, animate: false });
    } else m.setView(IDF_CENTER, 9, { animate: false });
    const list = points.map((p) => {
      const marker = L.marker([p.lat, p.lon], { icon: iconOf(p.kind), title: p.name, keyboard: false });
      ids.set(marker, p.id);
      markers.current.set(p.id, marker);
      return marker;
    });
    group.addLayers(list);
    container.current?.setAttribute('data-markers', String(points.length));
  }, [points, ready]);

  useEffect(() => {
    const marker = selectedId ? markers.current.get(selectedId) : undefined;
    const group = cluster.current;
    if (!marker || !group) return;
    group.zoomToShowLayer(marker, () => {
      marker.bindPopup(`<strong>${escapeHtml(marker.options.title ?? '')}</strong>`, { autoPan: true }).openPopup();
    });
  }, [selectedId]);

  return (
    <section
      ref={container}
      data-testid="directory-map"
      data-ready={ready ? 'true' : 'false'}
      aria-label="Carte des structures (la liste à côté donne le même contenu au clavier)"
      style={{ height: '100%', minHeight: 380, width: '100%', borderRadius: 8, background: '#dfe8f2' }}
    />
  );
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
