// What a public page rendered by lib/render says when what it names does not exist (an unknown
// network, commune or département, an unknown address): the reason, and a way on, in the page's language.
import { translator, type Translator } from '@/lib/i18n';

export function NotFoundContent({ title, message, t = translator() }: { title: string; message: string; t?: Translator }) {
  return (
    <div className="container prose">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={t.path('/recherche')}>{t('notFound.search')}</a> · <a href={t.path('/')}>{t('notFound.home')}</a>
      </p>
    </div>
  );
}
