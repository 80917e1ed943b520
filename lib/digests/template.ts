// The weekly digest as mail: the same content in plain text and in simple HTML (inline styles only,
// every value escaped), with the settings and one-click-away unsubscribe links at the bottom.
import type { Mail } from '@/lib/mail';
import { escapeHtml as escape } from '@/lib/render/escape';
import type { DigestNetwork } from './content';

export type DigestLinks = { settings: string; unsubscribe: string };

function text(name: string | null, networks: DigestNetwork[], links: DigestLinks): string {
  const lines = [`Bonjour${name ? ` ${name}` : ''},`, '', 'Voici ce qui s’est passé cette semaine dans vos réseaux sur Repères.'];
  for (const n of networks) {
    lines.push('', `== ${n.name} ==`, `Tableau de bord : ${n.dashboard}`);
    for (const s of n.sections) {
      lines.push('', s.title);
      for (const l of s.lines) lines.push(`- ${l.text}`, `  ${l.href}`);
      if (s.more) lines.push(`${s.more.text} : ${s.more.href}`);
    }
  }
  lines.push(
    '',
    '—',
    `Changer le jour d’envoi ou arrêter ce résumé : ${links.settings}`,
    `Ne plus recevoir ce résumé (sans vous connecter) : ${links.unsubscribe}`,
  );
  return lines.join('\n');
}

function html(name: string | null, networks: DigestNetwork[], links: DigestLinks): string {
  const a = (href: string, label: string) => `<a href="${escape(href)}">${escape(label)}</a>`;
  const body = networks
    .map(
      (n) =>
        `<h2 style="font-size:1.2em">${escape(n.name)}</h2><p>${a(n.dashboard, 'Ouvrir le tableau de bord du réseau')}</p>` +
        n.sections
          .map(
            (s) =>
              `<h3 style="font-size:1em">${escape(s.title)}</h3>` +
              (s.lines.length ? `<ul>${s.lines.map((l) => `<li>${a(l.href, l.text)}</li>`).join('')}</ul>` : '') +
              (s.more ? `<p>${a(s.more.href, s.more.text)}</p>` : ''),
          )
          .join(''),
    )
    .join('');
  return [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Résumé de la semaine</title></head>',
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1e1e1e">',
    `<p>Bonjour${name ? ` ${escape(name)}` : ''},</p><p>Voici ce qui s’est passé cette semaine dans vos réseaux sur Repères.</p>`,
    body,
    `<hr><p style="font-size:.9em">${a(links.settings, 'Changer le jour d’envoi ou arrêter ce résumé')} · ${a(links.unsubscribe, 'Ne plus recevoir ce résumé (sans vous connecter)')}</p>`,
    '</body></html>',
  ].join('');
}

export function digestMail(to: { email: string; name: string | null }, networks: DigestNetwork[], links: DigestLinks): Mail {
  const subject = `Repères — résumé de la semaine : ${networks.map((n) => n.name).join(', ')}`;
  return { to: to.email, subject, text: text(to.name, networks, links), html: html(to.name, networks, links) };
}
