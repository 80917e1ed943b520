'use client';
import { signOut } from 'next-auth/react';

export function SignOutButtons({ signOutEverywhere }: { signOutEverywhere: () => Promise<void> }) {
  return (
    <div className="admin-nav__signout">
      <button type="button" className="button button--small" onClick={() => signOut({ callbackUrl: '/connexion' })}>
        Se déconnecter
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={async () => {
          await signOutEverywhere();
          await signOut({ callbackUrl: '/connexion' });
        }}
      >
        Se déconnecter partout
      </button>
    </div>
  );
}
