'use client';
// One section of the place editor. Keeps what was typed on every outcome, warns before leaving
// with unsaved changes, and shows a conflict instead of overwriting someone else's save.
import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SectionState } from '@/lib/editing/update';

type Props = {
  title: string;
  id: string;
  action: (state: SectionState, form: FormData) => Promise<SectionState>;
  version: number;
  /** A pending proposal shown in the form: saving settles it. */
  proposalId?: string;
  children: (values: Record<string, unknown> | undefined, errors: Record<string, string>) => ReactNode;
};

const LABELS: Record<string, string> = { summary: 'Résumé', openingHours: 'Horaires', phone: 'Téléphone', emails: 'Courriels', name: 'Nom' };

export function SectionForm({ title, id, action, version, proposalId, children }: Props) {
  const [state, formAction, pending] = useActionState(action, { version });
  // Dirty when something was typed after the last answer, or when that answer was not a success.
  const [editedAt, setEditedAt] = useState<SectionState['result'] | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const result = state.result;
  const errors = result?.status === 'invalid' ? result.errors : {};

  const succeeded = !!result && (result.status === 'saved' || result.status === 'pending' || result.status === 'unchanged');
  const dirty = editedAt !== null && (editedAt === result || !succeeded);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <section className="editor-section" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{title}</h2>
      <form ref={ref} action={formAction} onChange={() => setEditedAt(result)} noValidate data-section={id}>
        <input type="hidden" name="version" value={state.version} />
        {proposalId && <input type="hidden" name="proposal" value={proposalId} />}
        {result?.status === 'saved' && (
          <p className="notice notice--success" role="status">
            Enregistré.
          </p>
        )}
        {result?.status === 'unchanged' && (
          <p className="notice" role="status">
            Aucune modification à enregistrer.
          </p>
        )}
        {result?.status === 'pending' && (
          <p className="notice notice--success" role="status">
            Modification envoyée : elle sera publiée après validation par la coordination du réseau.
          </p>
        )}
        {result?.status === 'invalid' && (
          <p className="notice notice--error" role="alert">
            Rien n’a été enregistré : corrigez les champs indiqués.
          </p>
        )}
        {result?.status === 'forbidden' && (
          <p className="notice notice--error" role="alert">
            Vous n’avez pas le droit de modifier ce lieu.
          </p>
        )}
        {result?.status === 'conflict' && (
          <div className="notice notice--warning conflict" role="alert">
            <p>
              <strong>Conflit :</strong> {result.changedBy ? `${result.changedBy} a` : 'quelqu’un a'} modifié cette fiche pendant que vous l’éditiez. Rien n’a
              été écrasé. Voici les valeurs enregistrées maintenant ; vos saisies sont conservées dans le formulaire. Enregistrez à nouveau pour les remplacer
              par les vôtres.
            </p>
            <dl>
              {Object.entries(result.current).map(([field, value]) => (
                <div key={field}>
                  <dt>{LABELS[field] ?? field}</dt>
                  <dd>{Array.isArray(value) ? value.join(', ') || '(vide)' : String(value ?? '(vide)')}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
        {children(state.values, errors)}
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            Motif <span className="hint">(facultatif, visible dans l’historique)</span>
          </label>
          <input id={`${id}-reason`} name="reason" type="text" maxLength={500} />
        </div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Enregistrement…' : `Enregistrer « ${title} »`}
        </button>
      </form>
    </section>
  );
}
