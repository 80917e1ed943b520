'use client';
import type { SectionState } from '@/lib/editing/update';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SERVICE_LABELS, SPECIFIC_SUPPORT_LABELS, SUPPORT_MODE_LABELS } from '@/lib/standard/enums';
import { CheckboxGroup, HoursEditor, TextField } from './fields';
import { LocationPicker } from './LocationPicker';
import { SectionForm } from './SectionForm';

type Action = (state: SectionState, form: FormData) => Promise<SectionState>;
type Read = (field: string) => unknown;
type Errors = Record<string, string>;
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
        {(values, errors) => identityFields((field) => v(values, field), errors, map)}
      </SectionForm>
      <SectionForm id="contact" title="Contact" action={actions.contact} version={version} proposalId={proposalFor('contact')}>
        {(values, errors) => contactFields((field) => v(values, field), errors)}
      </SectionForm>
      <SectionForm id="horaires" title="Horaires" action={actions.horaires} version={version} proposalId={proposalFor('horaires')}>
        {(values, errors) => <HoursEditor value={v(values, 'openingHours')} error={errors.openingHours} />}
      </SectionForm>
      <SectionForm id="services" title="Services et accompagnement" action={actions.services} version={version} proposalId={proposalFor('services')}>
        {(values, errors) => servicesFields((field) => v(values, field), errors)}
      </SectionForm>
      <SectionForm id="publics" title="Publics" action={actions.publics} version={version} proposalId={proposalFor('publics')}>
        {(values, errors) => publicsFields((field) => v(values, field), errors)}
      </SectionForm>
      <SectionForm id="presentation" title="Présentation" action={actions.presentation} version={version} proposalId={proposalFor('presentation')}>
        {(values, errors) => presentationFields((field) => v(values, field), errors)}
      </SectionForm>
      <SectionForm id="fermeture" title="Fermeture temporaire" action={actions.fermeture} version={version} proposalId={proposalFor('fermeture')}>
        {(values, errors) => closureFields((field) => v(values, field), errors)}
      </SectionForm>
    </div>
  );
}

/** Identity and address, with the map pin. */
function identityFields(val: Read, errors: Errors, map: Props['map']) {
  return (
    <>
      <TextField name="name" label="Nom du lieu" value={val('name')} error={errors.name} />
      <TextField name="street" label="Adresse (numéro et voie)" value={val('street')} error={errors.street} />
      <TextField name="addressComplement" label="Complément d’adresse" value={val('addressComplement')} error={errors.addressComplement} />
      <TextField name="postcode" label="Code postal" value={val('postcode')} error={errors.postcode} />
      <TextField name="commune" label="Commune" value={val('commune')} error={errors.commune} />
      <LocationPicker latitude={val('latitude')} longitude={val('longitude')} errors={errors} tileUrl={map.tileUrl} attribution={map.attribution} />
    </>
  );
}

/** How to reach the place. */
function contactFields(val: Read, errors: Errors) {
  return (
    <>
      <TextField name="phone" label="Téléphone" type="tel" value={val('phone')} error={errors.phone} />
      <TextField name="emails" label="Courriels (un par ligne)" multiline value={val('emails')} error={errors.emails} />
      <TextField name="websites" label="Sites web (un par ligne)" multiline value={val('websites')} error={errors.websites} />
      <TextField name="appointmentUrl" label="Lien de prise de rendez-vous en ligne" type="url" value={val('appointmentUrl')} error={errors.appointmentUrl} />
    </>
  );
}

/** What the place offers, and on which terms. */
function servicesFields(val: Read, errors: Errors) {
  return (
    <>
      <CheckboxGroup name="services" legend="Services" options={SERVICE_LABELS} value={val('services')} error={errors.services} />
      <CheckboxGroup
        name="supportModes"
        legend="Modalités d’accompagnement"
        options={SUPPORT_MODE_LABELS}
        value={val('supportModes')}
        error={errors.supportModes}
      />
      <CheckboxGroup name="fees" legend="Frais à charge" options={FEE_LABELS} value={val('fees')} error={errors.fees} />
      <CheckboxGroup name="accessModes" legend="Modalités d’accès" options={ACCESS_MODE_LABELS} value={val('accessModes')} error={errors.accessModes} />
    </>
  );
}

/** Who the place is for. */
function publicsFields(val: Read, errors: Errors) {
  return (
    <>
      <CheckboxGroup name="publics" legend="Publics spécifiquement adressés" options={PUBLIC_LABELS} value={val('publics')} error={errors.publics} />
      <CheckboxGroup
        name="specificSupport"
        legend="Prise en charge spécifique"
        options={SPECIFIC_SUPPORT_LABELS}
        value={val('specificSupport')}
        error={errors.specificSupport}
      />
    </>
  );
}

/** The texts shown on the public page. */
function presentationFields(val: Read, errors: Errors) {
  return (
    <>
      <TextField name="summary" label="Résumé (280 caractères au plus)" multiline value={val('summary')} error={errors.summary} />
      <TextField name="presentation" label="Présentation détaillée" multiline value={val('presentation')} error={errors.presentation} />
      <TextField name="practicalInfo" label="Informations pratiques (à apporter, accès…)" multiline value={val('practicalInfo')} error={errors.practicalInfo} />
    </>
  );
}

/** A temporary closure and its message. */
function closureFields(val: Read, errors: Errors) {
  return (
    <>
      <TextField name="closedFrom" label="Fermé à partir du" type="date" value={val('closedFrom')} error={errors.closedFrom} />
      <TextField name="closedUntil" label="Jusqu’au (inclus)" type="date" value={val('closedUntil')} error={errors.closedUntil} />
      <TextField name="closureMessage" label="Message affiché" value={val('closureMessage')} error={errors.closureMessage} />
    </>
  );
}
