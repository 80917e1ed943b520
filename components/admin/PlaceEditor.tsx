'use client';
import type { SectionState } from '@/lib/editing/update';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SERVICE_LABELS, SPECIFIC_SUPPORT_LABELS, SUPPORT_MODE_LABELS } from '@/lib/standard/enums';
import { CheckboxGroup, HoursEditor, TextField } from './fields';
import { LocationPicker } from './LocationPicker';
import { SectionForm } from './SectionForm';

type Action = (state: SectionState, form: FormData) => Promise<SectionState>;
type Props = {
  place: Record<string, unknown>;
  version: number;
  actions: Record<string, Action>;
  map: { tileUrl: string; attribution: string };
  proposal?: { id: string; sections: string[] };
};

export function PlaceEditor({ place, version, actions, map, proposal }: Props) {
  const proposalFor = (section: string) => (proposal?.sections.includes(section) ? proposal.id : undefined);
  const v = (values: Record<string, unknown> | undefined, field: string) => (values && field in values ? values[field] : place[field]);
  return (
    <div className="editor">
      <SectionForm id="identite" title="Identité et adresse" action={actions.identite} version={version} proposalId={proposalFor('identite')}>
        {(values, errors) => (
          <>
            <TextField name="name" label="Nom du lieu" value={v(values, 'name')} error={errors.name} />
            <TextField name="street" label="Adresse (numéro et voie)" value={v(values, 'street')} error={errors.street} />
            <TextField name="addressComplement" label="Complément d’adresse" value={v(values, 'addressComplement')} error={errors.addressComplement} />
            <TextField name="postcode" label="Code postal" value={v(values, 'postcode')} error={errors.postcode} />
            <TextField name="commune" label="Commune" value={v(values, 'commune')} error={errors.commune} />
            <LocationPicker
              latitude={v(values, 'latitude')}
              longitude={v(values, 'longitude')}
              errors={errors}
              tileUrl={map.tileUrl}
              attribution={map.attribution}
            />
          </>
        )}
      </SectionForm>
      <SectionForm id="contact" title="Contact" action={actions.contact} version={version} proposalId={proposalFor('contact')}>
        {(values, errors) => (
          <>
            <TextField name="phone" label="Téléphone" type="tel" value={v(values, 'phone')} error={errors.phone} />
            <TextField name="emails" label="Courriels (un par ligne)" multiline value={v(values, 'emails')} error={errors.emails} />
            <TextField name="websites" label="Sites web (un par ligne)" multiline value={v(values, 'websites')} error={errors.websites} />
            <TextField
              name="appointmentUrl"
              label="Lien de prise de rendez-vous en ligne"
              type="url"
              value={v(values, 'appointmentUrl')}
              error={errors.appointmentUrl}
            />
          </>
        )}
      </SectionForm>
      <SectionForm id="horaires" title="Horaires" action={actions.horaires} version={version} proposalId={proposalFor('horaires')}>
        {(values, errors) => <HoursEditor value={v(values, 'openingHours')} error={errors.openingHours} />}
      </SectionForm>
      <SectionForm id="services" title="Services et accompagnement" action={actions.services} version={version} proposalId={proposalFor('services')}>
        {(values, errors) => (
          <>
            <CheckboxGroup name="services" legend="Services" options={SERVICE_LABELS} value={v(values, 'services')} error={errors.services} />
            <CheckboxGroup
              name="supportModes"
              legend="Modalités d’accompagnement"
              options={SUPPORT_MODE_LABELS}
              value={v(values, 'supportModes')}
              error={errors.supportModes}
            />
            <CheckboxGroup name="fees" legend="Frais à charge" options={FEE_LABELS} value={v(values, 'fees')} error={errors.fees} />
            <CheckboxGroup
              name="accessModes"
              legend="Modalités d’accès"
              options={ACCESS_MODE_LABELS}
              value={v(values, 'accessModes')}
              error={errors.accessModes}
            />
          </>
        )}
      </SectionForm>
      <SectionForm id="publics" title="Publics" action={actions.publics} version={version} proposalId={proposalFor('publics')}>
        {(values, errors) => (
          <>
            <CheckboxGroup
              name="publics"
              legend="Publics spécifiquement adressés"
              options={PUBLIC_LABELS}
              value={v(values, 'publics')}
              error={errors.publics}
            />
            <CheckboxGroup
              name="specificSupport"
              legend="Prise en charge spécifique"
              options={SPECIFIC_SUPPORT_LABELS}
              value={v(values, 'specificSupport')}
              error={errors.specificSupport}
            />
          </>
        )}
      </SectionForm>
      <SectionForm id="presentation" title="Présentation" action={actions.presentation} version={version} proposalId={proposalFor('presentation')}>
        {(values, errors) => (
          <>
            <TextField name="summary" label="Résumé (280 caractères au plus)" multiline value={v(values, 'summary')} error={errors.summary} />
            <TextField name="presentation" label="Présentation détaillée" multiline value={v(values, 'presentation')} error={errors.presentation} />
            <TextField
              name="practicalInfo"
              label="Informations pratiques (à apporter, accès…)"
              multiline
              value={v(values, 'practicalInfo')}
              error={errors.practicalInfo}
            />
          </>
        )}
      </SectionForm>
      <SectionForm id="fermeture" title="Fermeture temporaire" action={actions.fermeture} version={version} proposalId={proposalFor('fermeture')}>
        {(values, errors) => (
          <>
            <TextField name="closedFrom" label="Fermé à partir du" type="date" value={v(values, 'closedFrom')} error={errors.closedFrom} />
            <TextField name="closedUntil" label="Jusqu’au (inclus)" type="date" value={v(values, 'closedUntil')} error={errors.closedUntil} />
            <TextField name="closureMessage" label="Message affiché" value={v(values, 'closureMessage')} error={errors.closureMessage} />
          </>
        )}
      </SectionForm>
    </div>
  );
}
