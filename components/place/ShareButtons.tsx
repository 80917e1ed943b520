/**
 * "Copier le lien", "Partager" (Web Share API when the phone has it), "Imprimer": the public pages'
 * script (components/islands/share.ts) draws them, since without JavaScript they could do nothing.
 */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  return (
    <div className="share no-print" data-share="" data-url={url} data-title={title}>
      <span role="status" aria-live="polite" className="muted" />
    </div>
  );
}
