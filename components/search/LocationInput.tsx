'use client';
// The "where" field: suggestions as you type (communes offline, addresses when the national
// address API is configured) and "Autour de moi" with the browser's geolocation. Without
// JavaScript it is a plain text field and the form still works.
import { useEffect, useId, useRef, useState } from 'react';

export function LocationInput({ defaultValue }: { defaultValue: string }) {
  const listId = useId();
  const [options, setOptions] = useState<Array<{ label: string; value: string }>>([]);
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onInput = (value: string) => {
    window.clearTimeout(timer.current);
    if (value.trim().length < 2) return setOptions([]);
    timer.current = window.setTimeout(async () => {
      try {
        const response = await fetch(`/api/geo/suggest?q=${encodeURIComponent(value)}`);
        if (response.ok) setOptions(((await response.json()) as { suggestions: Array<{ label: string; value: string }> }).suggestions);
      } catch {
        // suggestions are a convenience: typing still works
      }
    }, 200);
  };

  const aroundMe = () => {
    if (!navigator.geolocation) return setStatus('Votre navigateur ne permet pas de vous localiser : saisissez une commune.');
    setStatus('Recherche de votre position…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = inputRef.current?.form;
        if (!form) return;
        const set = (name: string, value: string) => {
          let field = form.elements.namedItem(name) as HTMLInputElement | null;
          if (!field) {
            field = document.createElement('input');
            field.type = 'hidden';
            field.name = name;
            form.appendChild(field);
          }
          field.value = value;
        };
        set('lat', position.coords.latitude.toFixed(5));
        set('lng', position.coords.longitude.toFixed(5));
        if (inputRef.current) inputRef.current.value = 'Autour de moi';
        form.requestSubmit();
      },
      () => setStatus('Position indisponible : saisissez une commune ou un code postal.'),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <div className="field location-field">
      <label htmlFor="ou">Où ? Ville, code postal ou adresse</label>
      <div className="location-field__row">
        <input
          ref={inputRef}
          id="ou"
          name="ou"
          type="text"
          list={listId}
          autoComplete="off"
          defaultValue={defaultValue}
          placeholder="Ex. : Saumur, 49300"
          onInput={(e) => onInput(e.currentTarget.value)}
          onChange={(e) => {
            // Typing a new place replaces a previous "Autour de moi" position.
            const form = e.currentTarget.form;
            for (const name of ['lat', 'lng']) (form?.elements.namedItem(name) as HTMLInputElement | null)?.remove();
          }}
        />
        <button type="button" className="button" onClick={aroundMe}>
          Autour de moi
        </button>
      </div>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      <p className="hint" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
