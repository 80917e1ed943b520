'use client';
import { useTransition } from 'react';

export function UserStatusButton({ disabled, label, action }: { disabled: boolean; label: string; action: () => Promise<unknown> }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={`button button--small${disabled ? '' : ' button--danger'}`}
      disabled={pending}
      aria-label={`${disabled ? 'Réactiver' : 'Désactiver'} le compte de ${label}`}
      onClick={() => start(async () => void (await action()))}
    >
      {disabled ? 'Réactiver' : 'Désactiver'}
    </button>
  );
}
