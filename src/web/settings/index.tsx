import { Button, Card, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import type { WebModule } from '../shell/module';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { SensitiveAccessSection } from './SensitiveAccessSection';

type Settings = {
  vatRatePct: number;
  vatMention: string;
  sapDeclarationNumber: string | null;
  sapDeclarationDate: string | null;
  conventionEtp: number | null;
  retentionYears: number;
  poolingConsent: boolean;
  dailyWorkMaxMinutes: number;
  complementaryHoursShare: 'tenth' | 'third';
  defaultPaymentTermsDays: number;
  iban: string | null;
  phoneClockIn: 'off' | 'on' | 'with_position';
  avanceImmediate: boolean;
  sepaDirectDebit: boolean;
  sepaCreditorId: string | null;
};

function SettingsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const canWrite = can('settings.write');
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['settings', orgId],
    queryFn: () => api<Settings>(`/api/orgs/${orgId}/settings`),
  });
  const [form, setForm] = useState<Settings | null>(null);
  useEffect(() => {
    if (query.data && !form) setForm(query.data);
  }, [query.data, form]);
  const save = useMutation({
    mutationFn: (body: Settings) => api<Settings>(`/api/orgs/${orgId}/settings`, { method: 'PATCH', body }),
    onSuccess: (data) => {
      qc.setQueryData(['settings', orgId], data);
      notifications.show({ color: 'green', message: 'Paramètres enregistrés.' });
    },
  });
  if (query.isPending || !form) return <Loading />;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <>
      <PageHeader title="Paramètres de la structure" subtitle="Ces réglages s’appliquent à toute l’équipe." />
      <ErrorAlert error={save.error} title="Paramètres non enregistrés" />
      <Card withBorder maw={640} component="form" onSubmit={submit}>
        <Stack>
          <NumberInput
            label="Taux de TVA (%)"
            description="0 pour une association intermédiaire exonérée"
            min={0}
            max={20}
            value={form.vatRatePct}
            onChange={(v) => set('vatRatePct', Number(v))}
            error={errors.vatRatePct}
            disabled={!canWrite}
          />
          <TextInput
            label="Mention de TVA sur les factures"
            value={form.vatMention}
            onChange={(e) => set('vatMention', e.currentTarget.value)}
            error={errors.vatMention}
            disabled={!canWrite}
          />
          <TextInput
            label="Numéro de déclaration SAP (attestations fiscales)"
            value={form.sapDeclarationNumber ?? ''}
            onChange={(e) => set('sapDeclarationNumber', e.currentTarget.value || null)}
            error={errors.sapDeclarationNumber}
            disabled={!canWrite}
          />
          <TextInput
            type="date"
            label="Date d’enregistrement de la déclaration SAP"
            value={form.sapDeclarationDate ?? ''}
            onChange={(e) => set('sapDeclarationDate', e.currentTarget.value || null)}
            error={errors.sapDeclarationDate}
            disabled={!canWrite}
          />
          <TextInput
            label="IBAN imprimé sur les factures"
            value={form.iban ?? ''}
            onChange={(e) => set('iban', e.currentTarget.value || null)}
            error={errors.iban}
            disabled={!canWrite}
          />
          <Switch
            label="Particuliers : avance immédiate du crédit d’impôt (URSSAF)"
            description="L’URSSAF paie les factures des clients inscrits et ne leur prélève que la moitié. Le serveur doit être relié à l’URSSAF (URSSAF_API_URL)."
            checked={form.avanceImmediate}
            onChange={(e) => set('avanceImmediate', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <Switch
            label="Particuliers : prélèvement SEPA des factures (mandat signé)"
            checked={form.sepaDirectDebit}
            onChange={(e) => set('sepaDirectDebit', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <TextInput
            label="Identifiant créancier SEPA (ICS)"
            value={form.sepaCreditorId ?? ''}
            onChange={(e) => set('sepaCreditorId', e.currentTarget.value || null)}
            error={errors.sepaCreditorId}
            disabled={!canWrite}
          />
          <NumberInput
            label="ETP de la convention avec l’État"
            min={0}
            decimalScale={2}
            value={form.conventionEtp ?? ''}
            onChange={(v) => set('conventionEtp', v === '' ? null : Number(v))}
            error={errors.conventionEtp}
            disabled={!canWrite}
          />
          <NumberInput
            label="Délai de paiement par défaut (jours)"
            min={0}
            max={60}
            value={form.defaultPaymentTermsDays}
            onChange={(v) => set('defaultPaymentTermsDays', Number(v))}
            error={errors.defaultPaymentTermsDays}
            disabled={!canWrite}
          />
          <NumberInput
            label="Durée de conservation après la sortie (années, RGPD)"
            min={1}
            max={30}
            value={form.retentionYears}
            onChange={(v) => set('retentionYears', Number(v))}
            error={errors.retentionYears}
            disabled={!canWrite}
          />
          <Switch
            label="Répondre aux demandes de renfort du réseau (mutualisation régionale)"
            checked={form.poolingConsent}
            onChange={(e) => set('poolingConsent', e.currentTarget.checked)}
            disabled={!canWrite}
          />
          <NumberInput
            label="Durée maximale de travail par jour (heures)"
            description="10 h selon la loi (art. L3121-18) ; jusqu’à 12 h si un accord collectif le prévoit (art. L3121-19)."
            min={10}
            max={12}
            value={form.dailyWorkMaxMinutes / 60}
            onChange={(v) => set('dailyWorkMaxMinutes', Math.round(Number(v) * 60))}
            error={errors.dailyWorkMaxMinutes}
            disabled={!canWrite}
          />
          <Select
            label="Heures complémentaires des salariés à temps partiel"
            description="Un dixième des heures du contrat (art. L3123-20), jusqu’au tiers si un accord collectif le prévoit (art. L3123-21)."
            data={[
              { value: 'tenth', label: 'Un dixième des heures du contrat' },
              { value: 'third', label: 'Un tiers (accord collectif)' },
            ]}
            value={form.complementaryHoursShare}
            onChange={(v) => v && set('complementaryHoursShare', v as Settings['complementaryHoursShare'])}
            allowDeselect={false}
            disabled={!canWrite}
          />
          <Select
            label="Pointage sur le téléphone des salariés"
            description="« J’arrive » et « Je pars » sur le travail du jour : les heures réelles vont dans le relevé que le client valide. La position n’est envoyée que si la personne l’accepte."
            data={[
              { value: 'off', label: 'Non' },
              { value: 'on', label: 'Oui, les heures seulement' },
              { value: 'with_position', label: 'Oui, avec la position (si la personne l’accepte)' },
            ]}
            value={form.phoneClockIn}
            onChange={(v) => v && set('phoneClockIn', v as Settings['phoneClockIn'])}
            allowDeselect={false}
            disabled={!canWrite}
          />
          {canWrite && (
            <Button type="submit" loading={save.isPending} w="fit-content">
              Enregistrer
            </Button>
          )}
        </Stack>
      </Card>
      {can('member.manage') && <SensitiveAccessSection />}
    </>
  );
}

export const settingsWeb: WebModule = {
  backOffice: {
    routes: [{ path: 'parametres', element: <SettingsPage /> }],
    nav: [{ label: 'Paramètres', to: 'parametres', action: 'settings.write' }],
  },
};
