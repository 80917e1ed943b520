// How long the oldest proposed change or report has waited (issue #23).
import Link from 'next/link';

const day = (date: Date) => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

export function ReviewAge({ age }: { age: { oldest: Date; days: number; waiting: number } | null }) {
  return (
    <section aria-labelledby="file-attente" className="dashboard-block">
      <h2 id="file-attente">File à valider</h2>
      <p data-testid="review-age">
        {age ? (
          <>
            {age.waiting} en attente ; la plus ancienne attend depuis{' '}
            <strong>{age.days === 0 ? 'aujourd’hui' : `${age.days} jour${age.days > 1 ? 's' : ''}`}</strong> (le {day(age.oldest)}).{' '}
            <Link href="/admin/a-valider">Ouvrir la file à valider</Link>
          </>
        ) : (
          'Rien n’attend de validation.'
        )}
      </p>
    </section>
  );
}
