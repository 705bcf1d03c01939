import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import Supercluster from 'supercluster';
import { directoryApi } from '../../shared/directory';
import { urlOf } from '../api';
import { KIND_COLORS, type Kind, type StructurePoint } from './api';

// Start the outlines' download as soon as the map's code arrives, in parallel with the points.
let outlines: Promise<GeoJSON.GeoJsonObject | null> | undefined;
function loadOutlines() {
  outlines ??= fetch(urlOf(directoryApi.departementsGeojson))
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

/** What a drawn marker stands for, for the layer's single click listener. */
const targets = new WeakMap<L.Marker, { id: string } | { clusterId: number }>();

/** Clusters are computed up to this zoom; beyond it every structure has its own marker. */
const CLUSTER_MAX_ZOOM = 16;
const MAX_ZOOM = 17;

function clusterIcon(count: number) {
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
  return L.divIcon({
    className: `marker-cluster marker-cluster-${size}`,
    html: `<div><span>${count}</span></div>`,
    iconSize: [40, 40],
  });
}

type PointProps = { id: string; kind: Kind; name: string };

/** Draws the clusters and markers of the visible area (with a margin) at the map's zoom. */
function drawVisible(
  m: L.Map,
  group: L.FeatureGroup,
  index: Supercluster<PointProps> | null,
  drawn: Map<string, L.Marker>,
) {
  group.clearLayers();
  drawn.clear();
  if (!index) return;
  const b = m.getBounds().pad(0.25);
  for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(m.getZoom()))) {
    const [lon, lat] = f.geometry.coordinates;
    if ('cluster' in f.properties && f.properties.cluster) {
      const marker = L.marker([lat, lon], { icon: clusterIcon(f.properties.point_count), keyboard: false });
      targets.set(marker, { clusterId: f.properties.cluster_id });
      group.addLayer(marker);
    } else {
      const p = f.properties as PointProps;
      const marker = L.marker([lat, lon], { icon: iconOf(p.kind), title: p.name, keyboard: false });
      targets.set(marker, { id: p.id });
      drawn.set(p.id, marker);
      group.addLayer(marker);
    }
  }
}

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
  const layer = useRef<L.FeatureGroup | null>(null);
  const index = useRef<Supercluster<PointProps> | null>(null);
  const drawn = useRef(new Map<string, L.Marker>());
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
      maxZoom: MAX_ZOOM,
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
    // One listener for every marker: a cluster opens onto its children, a structure is selected.
    const group = L.featureGroup().addTo(m);
    group.on('click', (e) => {
      const target = targets.get((e as L.LeafletMouseEvent & { layer: L.Marker }).layer);
      if (!target) return;
      if ('id' in target) onSelectRef.current(target.id);
      else if (index.current) {
        const zoom = Math.min(index.current.getClusterExpansionZoom(target.clusterId), MAX_ZOOM);
        m.setView((e as L.LeafletMouseEvent).latlng, zoom);
      }
    });
    layer.current = group;
    m.on('moveend', () => {
      drawVisible(m, group, index.current, drawn.current);
      container.current?.setAttribute('data-zoom', String(m.getZoom()));
    });
    setReady(true);
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      layer.current = null;
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
    if (!ready || !m) return;
    index.current = new Supercluster<PointProps>({
      radius: 50,
      maxZoom: CLUSTER_MAX_ZOOM,
    }).load(
      points.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: p.id, kind: p.kind, name: p.name },
      })),
    );
    // The view that shows every point; without animation Leaflet fires moveend at once, which draws.
    if (points.length) {
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon] as L.LatLngTuple));
      m.fitBounds(bounds.pad(0.05), { maxZoom: 13, animate: false });
    } else m.setView(IDF_CENTER, 9, { animate: false });
    container.current?.setAttribute('data-markers', String(points.length));
  }, [points, ready]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection moves the map
  useEffect(() => {
    const m = map.current;
    const p = selectedId ? points.find((x) => x.id === selectedId) : undefined;
    if (!m || !p || !index.current) return;
    // The smallest zoom at which the structure has its own marker.
    let zoom = Math.max(Math.round(m.getZoom()), 5);
    const near: [number, number, number, number] = [p.lon - 1e-6, p.lat - 1e-6, p.lon + 1e-6, p.lat + 1e-6];
    while (
      zoom < MAX_ZOOM &&
      !index.current.getClusters(near, zoom).some((f) => !('cluster' in f.properties) && f.properties.id === p.id)
    ) {
      zoom++;
    }
    const open = () => {
      drawn.current
        .get(p.id)
        ?.bindPopup(`<strong>${escapeHtml(p.name)}</strong>`, { autoPan: true })
        .openPopup();
    };
    if (zoom === Math.round(m.getZoom()) && drawn.current.has(p.id)) open();
    else {
      m.once('moveend', open);
      m.setView([p.lat, p.lon], zoom, { animate: false });
    }
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
