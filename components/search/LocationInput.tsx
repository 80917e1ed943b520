'use client';
// The "where" field: suggestions as you type (communes offline, addresses when the national
// address API is configured) and "Autour de moi" with the browser's geolocation. Without
// JavaScript it is a plain text field and the form still works.
import { useEffect, useId, useRef, useState } from 'react';
import { searchAroundMe } from '@/components/islands/location';

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
    if (inputRef.current) searchAroundMe(inputRef.current, setStatus);
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
