'use client';
// A map with one draggable pin, for placing a place precisely in the editor. Keyboard users can
// type the coordinates instead: the inputs beside the map stay the reference.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';

type Props = { lat: number; lng: number; tileUrl: string; attribution: string; onMove: (lat: number, lng: number) => void };

const pin = L.divIcon({ className: 'map-pin map-pin--active', html: '<span></span>', iconSize: [26, 26], iconAnchor: [13, 26] });

function Follow({ lat, lng }: { lat: number; lng: number }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().contains([lat, lng])) map.setView([lat, lng], Math.max(map.getZoom(), 15));
  }, [lat, lng, map]);
  return null;
}

function ClickToMove({ onMove }: { onMove: Props['onMove'] }) {
  useMapEvents({ click: (event) => onMove(event.latlng.lat, event.latlng.lng) });
  return null;
}

export default function PinMap({ lat, lng, tileUrl, attribution, onMove }: Props) {
  const marker = useRef<L.Marker>(null);
  const handlers = useMemo(
    () => ({
      dragend() {
        const point = marker.current?.getLatLng();
        if (point) onMove(point.lat, point.lng);
      },
    }),
    [onMove],
  );
  return (
    <MapContainer center={[lat, lng]} zoom={16} className="pin-map" scrollWheelZoom={false}>
      <TileLayer url={tileUrl} attribution={attribution} />
      <Marker position={[lat, lng]} draggable icon={pin} eventHandlers={handlers} ref={marker} title="Position du lieu (déplaçable)" alt="Position du lieu" />
      <Follow lat={lat} lng={lng} />
      <ClickToMove onMove={onMove} />
    </MapContainer>
  );
}
