'use client';
// Latitude and longitude of a place: typed, proposed from the address (through lib/geo, with its
// offline fallback), or set by dragging the pin on the map.
import dynamic from 'next/dynamic';
import { useCallback, useRef, useState } from 'react';

const PinMap = dynamic(() => import('@/components/map/PinMap'), {
  ssr: false,
  loading: () => <div className="pin-map pin-map--loading">Chargement de la carte…</div>,
});

type Props = { latitude: unknown; longitude: unknown; errors: Record<string, string>; tileUrl: string; attribution: string };

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const round = (n: number) => String(Math.round(n * 1e6) / 1e6);

export function LocationPicker({ latitude, longitude, errors, tileUrl, attribution }: Props) {
  const [lat, setLat] = useState(text(latitude));
  const [lng, setLng] = useState(text(longitude));
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const move = useCallback((a: number, b: number) => {
    setLat(round(a));
    setLng(round(b));
    setMessage('Repère déplacé : enregistrez la section pour garder cette position.');
  }, []);

  const locate = async () => {
    const form = root.current?.closest('form');
    const get = (name: string) => (form?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const query = [get('street'), get('postcode'), get('commune')].filter(Boolean).join(' ');
    if (!query.trim()) return setMessage('Saisissez d’abord l’adresse.');
    setBusy(true);
    try {
      const response = await fetch(`/api/geo/locate?q=${encodeURIComponent(query)}`);
      const body = (await response.json()) as { point?: { latitude: number; longitude: number; precision: string; label: string }; error?: string };
      if (!body.point) setMessage(body.error ?? 'Adresse introuvable.');
      else {
        setLat(round(body.point.latitude));
        setLng(round(body.point.longitude));
        setMessage(
          body.point.precision === 'address' || body.point.precision === 'street'
            ? `Repère placé sur « ${body.point.label} ». Vérifiez-le sur la carte et déplacez-le si besoin.`
            : `Adresse précise introuvable : repère placé au centre de ${body.point.label}. Déplacez-le sur l’entrée du lieu.`,
        );
      }
    } catch {
      setMessage('La localisation n’a pas répondu : saisissez les coordonnées ou déplacez le repère.');
    } finally {
      setBusy(false);
    }
  };

  const latNumber = Number(lat);
  const lngNumber = Number(lng);
  const hasPoint =
    lat !== '' && lng !== '' && Number.isFinite(latNumber) && Number.isFinite(lngNumber) && Math.abs(latNumber) <= 90 && Math.abs(lngNumber) <= 180;
  return (
    <div ref={root} className="location-picker">
      <div className="location-picker__coords">
        {(['latitude', 'longitude'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`f-${name}`}>{name === 'latitude' ? 'Latitude' : 'Longitude'}</label>
            <span className="hint" id={`f-${name}-hint`}>
              En degrés décimaux, par exemple {name === 'latitude' ? '47.4736' : '-0.5542'}
            </span>
            <input
              id={`f-${name}`}
              name={name}
              inputMode="decimal"
              value={name === 'latitude' ? lat : lng}
              onChange={(e) => (name === 'latitude' ? setLat : setLng)(e.target.value)}
              aria-invalid={!!errors[name]}
              aria-describedby={errors[name] ? `f-${name}-error` : `f-${name}-hint`}
            />
            {errors[name] && (
              <p className="field-error" id={`f-${name}-error`}>
                {errors[name]}
              </p>
            )}
          </div>
        ))}
      </div>
      <button type="button" className="button button--small" onClick={locate} disabled={busy}>
        Placer le repère d’après l’adresse
      </button>
      <p className="hint" role="status" aria-live="polite">
        {message}
      </p>
      {hasPoint && <PinMap lat={latNumber} lng={lngNumber} tileUrl={tileUrl} attribution={attribution} onMove={move} />}
    </div>
  );
}
