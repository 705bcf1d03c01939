import { Badge, Button, Card, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import { CIVILITE_OPTIONS, type ClientIndividual, individualsApi } from '../../shared/individuals';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';

function RegistrationBadge({ data }: { data: ClientIndividual }) {
  if (!data.avanceImmediate.configured || !data.avanceImmediate.enabled)
    return <Badge color="gray">Non inscrit (avance immédiate non activée)</Badge>;
  const s = data.registration?.status ?? 'not_registered';
  if (s === 'registered') return <Badge color="green">Inscrit à l’URSSAF</Badge>;
  if (s === 'rejected') return <Badge color="red">Inscription refusée</Badge>;
  if (s === 'left') return <Badge color="gray">A quitté l’avance immédiate</Badge>;
  return <Badge color="gray">Non inscrit</Badge>;
}

/** Empty → null: the server records "not given", not an empty string. */
const n = (v: string) => (v.trim() ? v.trim() : null);

/** The avance immédiate file of an individual: consent, identity and bank account, then the registration. */
export function UrssafCard(p: {
  clientId: string;
  data: ClientIndividual;
  onChange: (d: ClientIndividual) => void;
  write: boolean;
}) {
  const orgId = useOrgId();
  const params = { orgId, clientId: p.clientId };
  const r = p.data.registration;
  const form = useApiForm({
    initial: {
      consentOn: r?.consentOn ?? '',
      civilite: (r?.civilite ?? null) as '1' | '2' | null,
      birthName: r?.birthName ?? '',
      usageName: r?.usageName ?? '',
      firstNames: r?.firstNames ?? '',
      birthDate: r?.birthDate ?? '',
      birthCountryCode: r?.birthCountryCode ?? '99100',
      birthDepartment: r?.birthDepartment ?? '',
      birthCommuneCode: r?.birthCommuneCode ?? '',
      birthCommuneName: r?.birthCommuneName ?? '',
      mobilePhone: r?.mobilePhone ?? '',
      email: r?.email ?? '',
      iban: '',
      bic: r?.bic ?? '',
      accountHolder: r?.accountHolder ?? '',
    },
    submit: (v) =>
      call(individualsApi.saveUrssafFile, {
        params,
        body: {
          consentOn: n(v.consentOn),
          civilite: v.civilite,
          birthName: n(v.birthName),
          usageName: n(v.usageName),
          firstNames: n(v.firstNames),
          birthDate: n(v.birthDate),
          birthCountryCode: v.birthCountryCode.trim() || '99100',
          birthDepartment: n(v.birthDepartment),
          birthCommuneCode: n(v.birthCommuneCode),
          birthCommuneName: n(v.birthCommuneName),
          mobilePhone: n(v.mobilePhone.replace(/\s/g, '')),
          email: n(v.email),
          // The IBAN is never sent back to the screen: left empty, the recorded one stays.
          iban: n(v.iban) ?? undefined,
          bic: n(v.bic),
          accountHolder: n(v.accountHolder),
        },
      }),
    onSuccess: (data) => {
      p.onChange(data);
      notifyDone('Dossier d’avance immédiate enregistré.');
    },
  });
  const register = useMutation({
    mutationFn: () => call(individualsApi.registerUrssaf, { params }),
    onSuccess: (data) => {
      p.onChange(data);
      notifyDone('Client inscrit à l’URSSAF : il doit maintenant activer son compte en ligne.');
    },
  });
  const field = (k: Exclude<keyof typeof form.values, 'civilite'>, label: string, extra: object = {}) => (
    <TextInput label={label} {...form.field(k)} disabled={!p.write} {...extra} />
  );
  const active = p.data.avanceImmediate.enabled && p.data.avanceImmediate.configured;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Avance immédiate du crédit d’impôt
        </Title>
        <RegistrationBadge data={p.data} />
      </Group>
      <Text size="sm" mb="sm">
        Avec l’accord du client, l’URSSAF paie chaque facture du mois et ne prélève au client que la moitié : il
        n’avance plus son crédit d’impôt.
        {!active &&
          (p.data.avanceImmediate.configured
            ? ' Activez-la dans les paramètres de la structure.'
            : ' Le service de l’URSSAF n’est pas configuré sur ce serveur (URSSAF_API_URL).')}
      </Text>
      {r?.status === 'registered' && r.registeredAt && (
        <Text size="sm" mb="sm">
          Inscrit le {formatDate(r.registeredAt)} · identifiant URSSAF {r.urssafClientId}
        </Text>
      )}
      {r?.status === 'rejected' && (
        <Text size="sm" c="red.9" mb="sm" role="alert">
          Refus de l’URSSAF : {r.errorReason}
        </Text>
      )}
      {r?.status !== 'registered' && r?.status !== 'left' && (
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorAlert error={form.alertError} title="Dossier non enregistré" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {field('consentOn', 'Accord écrit du client le', { type: 'date' })}
            <Select
              label="Civilité"
              data={CIVILITE_OPTIONS.map((o) => ({ ...o }))}
              {...form.field('civilite')}
              disabled={!p.write}
            />
            {field('birthName', 'Nom de naissance')}
            {field('usageName', 'Nom d’usage')}
            {field('firstNames', 'Prénoms')}
            {field('birthDate', 'Date de naissance', { type: 'date' })}
            {field('birthCountryCode', 'Pays de naissance (code INSEE)', { description: '99100 pour la France' })}
            {field('birthDepartment', 'Département de naissance', { description: 'ex. 075' })}
            {field('birthCommuneCode', 'Commune de naissance (3 chiffres)', { description: 'fin du code INSEE' })}
            {field('birthCommuneName', 'Nom de la commune de naissance')}
            {field('mobilePhone', 'Téléphone portable')}
            {field('email', 'E-mail')}
            {field('iban', r?.ibanMasked ? `IBAN (enregistré : ${r.ibanMasked})` : 'IBAN')}
            {field('bic', 'BIC')}
            {field('accountHolder', 'Titulaire du compte')}
          </SimpleGrid>
          {p.write && (
            <Group mt="md">
              <Button type="submit" loading={form.busy}>
                Enregistrer le dossier
              </Button>
              {active && (
                <Button variant="light" onClick={() => register.mutate()} loading={register.isPending}>
                  Inscrire à l’URSSAF
                </Button>
              )}
            </Group>
          )}
          <ErrorAlert error={register.error} title="Inscription impossible" />
        </form>
      )}
    </Card>
  );
}
