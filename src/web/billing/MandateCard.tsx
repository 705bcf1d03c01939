import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { type ClientIndividual, individualsApi } from '../../shared/individuals';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';
import { today } from './PaymentForm';

/** An individual's SEPA direct debit mandate: the one in force, and the form to record or replace it. */
export function MandateCard(p: {
  clientId: string;
  data: ClientIndividual;
  onChange: (d: ClientIndividual) => void;
  write: boolean;
}) {
  const orgId = useOrgId();
  const form = useApiForm({
    initial: { rum: '', iban: '', bic: '', accountHolder: '', signedOn: today() },
    submit: (body) => call(individualsApi.recordSepaMandate, { params: { orgId, clientId: p.clientId }, body }),
    onSuccess: (data) => {
      p.onChange(data);
      notifyDone('Mandat de prélèvement enregistré.');
    },
    resetOnSuccess: true,
  });
  const m = p.data.mandate;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Prélèvement SEPA
      </Title>
      {m ? (
        <Text size="sm" mb="sm">
          Mandat {m.rum} signé le {formatDate(m.signedOn)} · {m.accountHolder} · {m.ibanMasked} · {m.bic}
          {!p.data.sepaDirectDebit && ' (le prélèvement n’est pas activé dans les paramètres)'}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Aucun mandat : les factures se règlent par virement, chèque ou CESU.
        </Text>
      )}
      {p.write && (
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorAlert error={form.alertError} title="Mandat non enregistré" />
          <Stack gap="xs">
            <TextInput label="Référence unique du mandat (RUM)" required {...form.field('rum')} />
            <TextInput label="IBAN" required {...form.field('iban')} />
            <TextInput label="BIC" required {...form.field('bic')} />
            <TextInput label="Titulaire du compte" required {...form.field('accountHolder')} />
            <TextInput label="Signé le" type="date" required {...form.field('signedOn')} />
            <Button type="submit" loading={form.busy} variant={m ? 'light' : 'filled'}>
              {m ? 'Remplacer le mandat' : 'Enregistrer le mandat'}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
