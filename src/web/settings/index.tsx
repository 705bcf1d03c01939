import { Button, Card, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LEGAL } from '../../shared/legal';
import {
  COMPLEMENTARY_HOURS_LABELS,
  type OrganisationSettings,
  PHONE_CLOCK_IN_LABELS,
  settingsApi,
} from '../../shared/settings';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import type { WebModule } from '../shell/module';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { SensitiveAccessSection } from './SensitiveAccessSection';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

function SettingsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const query = useQuery({
    queryKey: ['settings', orgId],
    queryFn: () => call(settingsApi.get, { params: { orgId } }),
  });
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} title="Paramètres indisponibles" />;
  return (
    <>
      <PageHeader title="Paramètres de la structure" subtitle="Ces réglages s’appliquent à toute l’équipe." />
      <SettingsForm orgId={orgId} initial={query.data} canWrite={can('settings.write')} />
      {can('member.manage') && <SensitiveAccessSection />}
    </>
  );
}

function SettingsForm({
  orgId,
  initial,
  canWrite,
}: {
  orgId: string;
  initial: OrganisationSettings;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const form = useApiForm({
    initial,
    submit: (body) => call(settingsApi.update, { params: { orgId }, body }),
    onSuccess: (data) => {
      qc.setQueryData(['settings', orgId], data);
      notifications.show({ color: 'green', message: 'Paramètres enregistrés.' });
    },
  });
  const { values, set } = form;
  const errors = form.fieldErrors;
  return (
    <>
      <ErrorAlert error={form.alertError} title="Paramètres non enregistrés" />
      <Card withBorder maw={640} component="form" onSubmit={form.onSubmit} noValidate>
        <Stack>
          <NumberInput
            label="Taux de TVA (%)"
            description="0 pour une association intermédiaire exonérée"
            min={0}
            max={20}
            value={values.vatRatePct}
            onChange={(v) => set('vatRatePct', Number(v))}
            error={errors.vatRatePct}
            disabled={!canWrite}
          />
          <TextInput
            label="Mention de TVA sur les factures"
            value={values.vatMention}
            onChange={(e) => set('vatMention', e.currentTarget.value)}
            error={errors.vatMention}
            disabled={!canWrite}
          />
          <TextInput
            label="Numéro de déclaration SAP (attestations fiscales)"
            value={values.sapDeclarationNumber ?? ''}
            onChange={(e) => set('sapDeclarationNumber', e.currentTarget.value || null)}
            error={errors.sapDeclarationNumber}
            disabled={!canWrite}
          />
          <TextInput
            type="date"
            label="Date d’enregistrement de la déclaration SAP"
            value={values.sapDeclarationDate ?? ''}
            onChange={(e) => set('sapDeclarationDate', e.currentTarget.value || null)}
            error={errors.sapDeclarationDate}
            disabled={!canWrite}
          />
          <TextInput
            label="IBAN imprimé sur les factures"
            value={values.iban ?? ''}
            onChange={(e) => set('iban', e.currentTarget.value || null)}
            error={errors.iban}
            disabled={!canWrite}
          />
          <Switch
            label="Particuliers : avance immédiate du crédit d’impôt (URSSAF)"
            description="L’URSSAF paie les factures des clients inscrits et ne leur prélève que la moitié. Le serveur doit être relié à l’URSSAF (URSSAF_API_URL)."
            checked={values.avanceImmediate}
            onChange={(e) => set('avanceImmediate', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <Switch
            label="Particuliers : prélèvement SEPA des factures (mandat signé)"
            checked={values.sepaDirectDebit}
            onChange={(e) => set('sepaDirectDebit', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <TextInput
            label="Identifiant créancier SEPA (ICS)"
            value={values.sepaCreditorId ?? ''}
            onChange={(e) => set('sepaCreditorId', e.currentTarget.value || null)}
            error={errors.sepaCreditorId}
            disabled={!canWrite}
          />
          <NumberInput
            label="ETP de la convention avec l’État"
            min={0}
            decimalScale={2}
            value={values.conventionEtp ?? ''}
            onChange={(v) => set('conventionEtp', v === '' ? null : Number(v))}
            error={errors.conventionEtp}
            disabled={!canWrite}
          />
          <NumberInput
            label="Délai de paiement par défaut (jours)"
            min={0}
            max={60}
            value={values.defaultPaymentTermsDays}
            onChange={(v) => set('defaultPaymentTermsDays', Number(v))}
            error={errors.defaultPaymentTermsDays}
            disabled={!canWrite}
          />
          <NumberInput
            label="Durée de conservation après la sortie (années, RGPD)"
            min={1}
            max={30}
            value={values.retentionYears}
            onChange={(v) => set('retentionYears', Number(v))}
            error={errors.retentionYears}
            disabled={!canWrite}
          />
          <Switch
            label="Répondre aux demandes de renfort du réseau (mutualisation régionale)"
            checked={values.poolingConsent}
            onChange={(e) => set('poolingConsent', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <NumberInput
            label="Durée maximale de travail par jour (heures)"
            description="10 h selon la loi (art. L3121-18) ; jusqu’à 12 h si un accord collectif le prévoit (art. L3121-19)."
            min={LEGAL.dailyWorkMaxMinutes / 60}
            max={LEGAL.dailyWorkMaxByAgreementMinutes / 60}
            value={values.dailyWorkMaxMinutes / 60}
            onChange={(v) => set('dailyWorkMaxMinutes', Math.round(Number(v) * 60))}
            error={errors.dailyWorkMaxMinutes}
            disabled={!canWrite}
          />
          <Select
            label="Heures complémentaires des salariés à temps partiel"
            description="Un dixième des heures du contrat (art. L3123-20), jusqu’au tiers si un accord collectif le prévoit (art. L3123-21)."
            data={options(COMPLEMENTARY_HOURS_LABELS)}
            value={values.complementaryHoursShare}
            onChange={(v) => v && set('complementaryHoursShare', v as OrganisationSettings['complementaryHoursShare'])}
            allowDeselect={false}
            disabled={!canWrite}
          />
          <Select
            label="Pointage sur le téléphone des salariés"
            description="« J’arrive » et « Je pars » sur le travail du jour : les heures réelles vont dans le relevé que le client valide. La position n’est envoyée que si la personne l’accepte."
            data={options(PHONE_CLOCK_IN_LABELS)}
            value={values.phoneClockIn}
            onChange={(v) => v && set('phoneClockIn', v as OrganisationSettings['phoneClockIn'])}
            allowDeselect={false}
            disabled={!canWrite}
          />
          {canWrite && (
            <Button type="submit" loading={form.busy} w="fit-content">
              Enregistrer
            </Button>
          )}
        </Stack>
      </Card>
    </>
  );
}

export const settingsWeb: WebModule = {
  backOffice: {
    routes: [{ path: 'parametres', element: <SettingsPage /> }],
    nav: [{ label: 'Paramètres', to: 'parametres', action: 'settings.write' }],
  },
};
