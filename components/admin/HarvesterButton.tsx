'use client';
import { useTransition } from 'react';

const LABEL = { pause: 'Suspendre', resume: 'Reprendre les envois', remove: 'Supprimer' } as const;

export function HarvesterButton({ kind, name, action }: { kind: keyof typeof LABEL; name: string; action: () => Promise<unknown> }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={`button button--small${kind === 'remove' ? ' button--danger' : ''}`}
      disabled={pending}
      aria-label={`${LABEL[kind]} : ${name}`}
      onClick={() => start(async () => void (await action()))}
    >
      {LABEL[kind]}
    </button>
  );
}
