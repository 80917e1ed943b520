'use client';
// Two parts of "Ma sélection" (SelectionSheet.tsx): what an empty selection says, and who the fiche
// is for — the person's first name and need (kept in this tab only) and the professional's
// structure (kept for their next fiches). In the page's words (`t`, words.tsx).
import type { Professional } from './selection-store';
import { rich, type Words } from './words';

/** What an empty selection says: how to fill it. */
export function EmptySelection({ t }: { t: Words }) {
  return (
    <div className="notice" data-testid="empty-selection">
      <p>
        <strong>{t('orient.sheet.empty')}</strong>
      </p>
      <p>
        {rich(t, 'orient.sheet.emptyHow', {
          questions: <a href={t.path('/orienter')}>{t('orient.sheet.emptyQuestions')}</a>,
          search: <a href={t.path('/recherche')}>{t('orient.sheet.emptySearch')}</a>,
          add: t('island.addToSelection'),
        })}
      </p>
    </div>
  );
}

/** Who the fiche is for (kept in this tab only) and the professional's structure (kept for their next fiches). */
export function WhoFor({
  beneficiary,
  professional,
  updateBeneficiary,
  updateProfessional,
  t,
}: {
  beneficiary: { firstName: string; need: string };
  professional: Professional;
  updateBeneficiary: (change: Partial<{ firstName: string; need: string }>) => void;
  updateProfessional: (change: Partial<Professional>) => void;
  t: Words;
}) {
  return (
    <section aria-labelledby="pour-qui" className="no-print">
      <h2 id="pour-qui">{t('orient.sheet.whoFor')}</h2>
      <div className="field">
        <label htmlFor="firstName">{t('orient.sheet.firstName')}</label>
        <input
          id="firstName"
          maxLength={60}
          autoComplete="off"
          value={beneficiary.firstName}
          onChange={(e) => updateBeneficiary({ firstName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="need">{t('orient.sheet.need')}</label>
        <input
          id="need"
          maxLength={300}
          autoComplete="off"
          placeholder={t('orient.sheet.needPlaceholder')}
          value={beneficiary.need}
          onChange={(e) => updateBeneficiary({ need: e.target.value })}
        />
      </div>
      <h3>{t('orient.sheet.yourStructure')}</h3>
      <p className="hint">{t('orient.sheet.structureHint')}</p>
      <div className="field">
        <label htmlFor="structure">{t('orient.sheet.structure')}</label>
        <input
          id="structure"
          maxLength={150}
          autoComplete="organization"
          value={professional.structure}
          onChange={(e) => updateProfessional({ structure: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="contact">{t('orient.sheet.contact')}</label>
        <input id="contact" maxLength={200} value={professional.contact} onChange={(e) => updateProfessional({ contact: e.target.value })} />
      </div>
    </section>
  );
}
