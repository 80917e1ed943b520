import { notFound } from 'next/navigation';
import Link from 'next/link';
import { NewPlaceForm } from '@/components/admin/NewPlaceForm';
import { canStartPlaceCreation, placeCreationNeedsNetwork } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { managedNetworks } from '@/lib/networks/dashboard';
import { createPlaceAction } from '../../actions';

export const metadata = { title: 'Nouveau lieu' };

export default async function NewPlacePage() {
  const user = await requireUser('/admin/lieux/nouveau');
  if (!canStartPlaceCreation(user)) notFound();
  const networks = (await managedNetworks(user)).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <p>
        <Link href="/admin/lieux">← Tous les lieux</Link>
      </p>
      <h1>Nouveau lieu</h1>
      <p>Commencez par le nom et l’adresse : Repères vérifie que le lieu n’existe pas déjà. Le reste de la fiche se complète ensuite, section par section.</p>
      <NewPlaceForm
        action={createPlaceAction}
        networks={networks}
        networkRequired={placeCreationNeedsNetwork(user)}
        map={{ tileUrl: env().TILE_URL, attribution: env().TILE_ATTRIBUTION }}
      />
    </>
  );
}
