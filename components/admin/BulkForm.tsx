'use client';
// Bulk actions over the checked rows of the places table. The table itself is rendered on the
// server and passed in; this only adds the action bar and the answer.
import { useActionState, type ReactNode } from 'react';
import type { BulkState } from '@/lib/editing/update';

type Props = { action: (state: BulkState, form: FormData) => Promise<BulkState>; canPublish: boolean; children: ReactNode };

export function BulkForm({ action, canPublish, children }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <div className="bulk-bar">
        <div className="field">
          <label htmlFor="bulk-action">Pour les lieux cochés</label>
          <select id="bulk-action" name="action" defaultValue="confirm">
            <option value="confirm">Marquer comme vérifiés aujourd’hui</option>
            {canPublish && <option value="publish">Publier</option>}
            {canPublish && <option value="archive">Archiver</option>}
          </select>
        </div>
        <button type="submit" className="button button--small" disabled={pending}>
          Appliquer
        </button>
      </div>
      {state.message && (
        <p className={`notice ${state.tone === 'error' ? 'notice--error' : 'notice--success'}`} role={state.tone === 'error' ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
      {children}
    </form>
  );
}
