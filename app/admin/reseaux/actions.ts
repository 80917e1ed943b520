'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { sendReminders, startCampaign } from '@/lib/campaigns';
import { publicUrl } from '@/lib/config/env';
import { db } from '@/lib/db';
import { managedNetwork, managesCampaign } from '@/lib/networks/dashboard';

const baseUrl = publicUrl;

export async function startCampaignAction(slug: string, form: FormData) {
  const user = await requireUser(`/admin/reseaux/${slug}`);
  const network = await managedNetwork(user, slug);
  if (!network) redirect('/admin/reseaux');
  const result = await startCampaign(db, user, {
    networkId: network.id,
    name: String(form.get('name') ?? ''),
    placeIds: form.getAll('placeIds').map(String),
    reminderAfterDays: Number(form.get('reminderAfterDays')),
    validDays: Number(form.get('validDays')),
    baseUrl: baseUrl(),
  });
  if (result.status === 'started') {
    revalidatePath(`/admin/reseaux/${slug}`);
    redirect(`/admin/reseaux/${slug}/campagnes/${result.campaignId}?envoyes=${result.sent}`);
  }
  const message = result.status === 'forbidden' ? 'Vous ne coordonnez pas ce réseau.' : result.message;
  redirect(
    `/admin/reseaux/${slug}/campagnes/nouvelle?critere=${encodeURIComponent(String(form.get('critere') ?? 'annee'))}&erreur=${encodeURIComponent(message)}`,
  );
}

export async function remindAction(slug: string, campaignId: string) {
  const user = await requireUser(`/admin/reseaux/${slug}`);
  if (!(await managesCampaign(user, campaignId))) redirect('/admin/reseaux');
  const sent = await sendReminders(db, { campaignId, baseUrl: baseUrl() });
  redirect(`/admin/reseaux/${slug}/campagnes/${campaignId}?relances=${sent}`);
}
