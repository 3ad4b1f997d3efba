// The parcel on a map: the shop (pickup), the buyer (drop-off), the trail the shipper reported and where they are now.
// Drawn as a plain SVG map first, which works offline; when OpenStreetMap tiles load, Leaflet shows the same marks over
// them instead.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@goshop/shared';

export interface Point { lat: number; lng: number }

interface Props {
  pickup: Point;
  dropoff?: Point | null;
  trail: readonly Point[];
  current?: Point | null;
}

function DrawnMap({ pickup, dropoff, trail, current }: Props) {
  const { t } = useI18n();
  const points = [pickup, ...(dropoff ? [dropoff] : []), ...trail, ...(current ? [current] : [])];
  const minLat = Math.min(...points.map((p) => p.lat)), maxLat = Math.max(...points.map((p) => p.lat));
  const minLng = Math.min(...points.map((p) => p.lng)), maxLng = Math.max(...points.map((p) => p.lng));
  const span = Math.max(maxLat - minLat, maxLng - minLng, 0.01);
  const x = (p: Point) => 20 + ((p.lng - minLng) / span) * 360;
  const y = (p: Point) => 300 - ((p.lat - minLat) / span) * 260;
  return (
    <svg viewBox="0 0 400 320" className="sf-map" role="img" aria-label={t('tracking.mapLabel')} data-testid="drawn-map">
      <rect width="400" height="320" fill="#eef2e6" />
      {trail.length > 1 && <polyline fill="none" stroke="#1d4ed8" strokeWidth="3" points={trail.map((p) => `${x(p)},${y(p)}`).join(' ')} />}
      <circle cx={x(pickup)} cy={y(pickup)} r="8" fill="#9a3412"><title>{t('tracking.pickup')}</title></circle>
      {dropoff && <circle cx={x(dropoff)} cy={y(dropoff)} r="8" fill="#166534"><title>{t('tracking.dropoff')}</title></circle>}
      {current && <circle cx={x(current)} cy={y(current)} r="7" fill="#1d4ed8" stroke="#fff" strokeWidth="2" data-testid="shipper-marker"><title>{t('tracking.shipper')}</title></circle>}
    </svg>
  );
}

export function TrackingMap(props: Props) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState(false);
  const layers = useRef<{ update: (p: Props) => void } | null>(null);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    // Offline (the tests, a basement) there are no tiles: the drawn map stays.
    if (!navigator.onLine || !element.current) return;
    void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(([L]) => {
      if (disposed || !element.current) return;
      const map = L.map(element.current, { attributionControl: true });
      const tileLayer = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19, attribution: '© OpenStreetMap' });
      tileLayer.once('tileload', () => setTiles(true));
      tileLayer.addTo(map);
      const marks = L.layerGroup().addTo(map);
      layers.current = {
        update(p) {
          marks.clearLayers();
          const all: [number, number][] = [[p.pickup.lat, p.pickup.lng]];
          L.circleMarker([p.pickup.lat, p.pickup.lng], { color: '#9a3412' }).bindTooltip(t('tracking.pickup')).addTo(marks);
          if (p.dropoff) { all.push([p.dropoff.lat, p.dropoff.lng]); L.circleMarker([p.dropoff.lat, p.dropoff.lng], { color: '#166534' }).bindTooltip(t('tracking.dropoff')).addTo(marks); }
          if (p.trail.length > 1) L.polyline(p.trail.map((q) => [q.lat, q.lng] as [number, number]), { color: '#1d4ed8' }).addTo(marks);
          if (p.current) { all.push([p.current.lat, p.current.lng]); L.circleMarker([p.current.lat, p.current.lng], { color: '#1d4ed8', radius: 7 }).bindTooltip(t('tracking.shipper')).addTo(marks); }
          map.fitBounds(L.latLngBounds(all).pad(0.2));
        },
      };
      layers.current.update(props);
      dispose = () => map.remove();
    }).catch(() => undefined);
    return () => { disposed = true; dispose(); layers.current = null; };
    // The map is made once; later positions go through update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => { layers.current?.update(props); }, [props]);

  return (
    <div>
      <div ref={element} className="sf-map" hidden={!tiles} aria-hidden={!tiles} />
      {!tiles && <DrawnMap {...props} />}
    </div>
  );
}
