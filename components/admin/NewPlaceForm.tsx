'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import type { CreatePlaceState } from '@/lib/places/create';
import { TextField } from './fields';
import { LocationPicker } from './LocationPicker';

type Props = {
  action: (state: CreatePlaceState, form: FormData) => Promise<CreatePlaceState>;
  networks: Array<{ id: string; name: string }>;
  networkRequired: boolean;
  map: { tileUrl: string; attribution: string };
};

export function NewPlaceForm({ action, networks, networkRequired, map }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const chosen = new Set((values.networkIds as string[] | undefined) ?? (networks.length === 1 ? [networks[0].id] : []));
  return (
    // The key remounts the fields with the kept values after each answer from the server.
    <form action={formAction} key={JSON.stringify(values)} noValidate>
      {state.status === 'invalid' && (
        <p className="notice notice--error" role="alert">
          Rien n’a été créé : corrigez les champs indiqués.
        </p>
      )}
      {state.status === 'forbidden' && (
        <p className="notice notice--error" role="alert">
          Vous ne pouvez créer un lieu que dans un réseau que vous coordonnez.
        </p>
      )}
      {state.status === 'duplicates' && state.matches && (
        <div className="notice notice--warning duplicates" role="alert">
          <p>
            <strong>Ce lieu existe peut-être déjà.</strong> Vérifiez ces fiches avant d’en créer une nouvelle :
          </p>
          <ul>
            {state.matches.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/lieux/${m.id}`}>{m.name}</Link> — {m.street}, {m.commune}
                {m.distanceMeters !== null
                  ? ` (à ${m.distanceMeters < 1000 ? `${m.distanceMeters} m` : `${(m.distanceMeters / 1000).toFixed(1).replace('.', ',')} km`})`
                  : ''}
                {m.status === 'ARCHIVED' ? ' — archivé, vous pouvez le restaurer' : ''}
              </li>
            ))}
          </ul>
          <div className="checkbox">
            <input type="checkbox" id="confirmDuplicate" name="confirmDuplicate" />
            <label htmlFor="confirmDuplicate">Ce n’est pas le même lieu : créer quand même</label>
          </div>
        </div>
      )}
      <TextField name="name" label="Nom du lieu" value={values.name} error={errors.name} />
      <TextField name="street" label="Adresse (numéro et voie)" value={values.street} error={errors.street} />
      <TextField name="addressComplement" label="Complément d’adresse" value={values.addressComplement} error={errors.addressComplement} />
      <TextField name="postcode" label="Code postal" value={values.postcode} error={errors.postcode} />
      <TextField name="commune" label="Commune" value={values.commune} error={errors.commune} />
      <LocationPicker latitude={values.latitude} longitude={values.longitude} errors={errors} tileUrl={map.tileUrl} attribution={map.attribution} />
      {networks.length > 0 && (
        <fieldset className="filter-group">
          <legend>Réseau{networkRequired ? ' (obligatoire)' : ''}</legend>
          {networks.map((n) => (
            <div className="checkbox" key={n.id}>
              <input type="checkbox" id={`net-${n.id}`} name="networkIds" value={n.id} defaultChecked={chosen.has(n.id)} />
              <label htmlFor={`net-${n.id}`}>{n.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        Créer le lieu (en brouillon)
      </button>
    </form>
  );
}
