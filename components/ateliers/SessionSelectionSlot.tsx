// The place of "Ajouter à ma sélection" for one session: empty markup that the public pages'
// script fills (components/islands/selection-session.ts); nothing without JavaScript, since the
// selection lives in the browser.
export type SlotSession = { id: string; slug: string; title: string; place: string; startsAt: Date; when: string };

export function SessionSelectionSlot({ session: s }: { session: SlotSession }) {
  return (
    <span
      className="selection-button"
      data-selection-session=""
      data-id={s.id}
      data-slug={s.slug}
      data-title={s.title}
      data-place={s.place}
      data-starts-at={s.startsAt.toISOString()}
      data-when={s.when}
    />
  );
}
