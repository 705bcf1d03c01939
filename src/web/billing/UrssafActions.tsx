import { Alert, Button, Card, Group, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { type ClientIndividual, individualsApi, type UrssafRequest } from '../../shared/individuals';
import { urssafActionsApi } from '../../shared/urssaf-actions';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';
import { today } from './PaymentForm';

/**
 * A refused or invalid URSSAF payment request, sent again once the accountant corrected the cause: a new request
 * (new URSSAF number), the refused one kept in the history. Nothing for a request still alive.
 */
export function UrssafResendButton({ request }: { request: Pick<UrssafRequest, 'id' | 'state'> }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const resend = useMutation({
    mutationFn: () => call(urssafActionsApi.resendRequest, { params: { orgId, id: request.id } }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['urssaf-requests', orgId] });
      qc.invalidateQueries({ queryKey: ['invoice-individual', orgId, r.invoiceId] });
      notifyDone(
        r.state === 'sent'
          ? 'Demande envoyée à nouveau : l’URSSAF l’a reçue.'
          : 'Demande enregistrée : elle partira dès que l’URSSAF répondra.',
      );
    },
  });
  if (!can('payment.write') || (request.state !== 'refused' && request.state !== 'error')) return null;
  return (
    <>
      <Button size="xs" variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
        Envoyer à nouveau
      </Button>
      <ErrorAlert error={resend.error} title="Demande non envoyée" />
    </>
  );
}

/**
 * On an individual's record, once registered: update the bank account URSSAF debits (a new address is changed on
 * the client's record), and record that the client leaves the avance immédiate, or comes back. URSSAF's API has
 * no call for either: the client also changes them in their space on particulier.urssaf.fr.
 */
export function UrssafRegistrationActions(p: {
  clientId: string;
  data: ClientIndividual;
  onChange: (d: ClientIndividual) => void;
}) {
  const orgId = useOrgId();
  const can = useCan();
  const r = p.data.registration;
  const [leftOn, setLeftOn] = useState(today());
  const params = { orgId, clientId: p.clientId };
  const bank = useApiForm({
    initial: { iban: '', bic: r?.bic ?? '', accountHolder: r?.accountHolder ?? '' },
    submit: (v) =>
      call(individualsApi.saveUrssafFile, {
        params,
        body: {
          consentOn: r?.consentOn ?? null,
          civilite: r?.civilite ?? null,
          birthName: r?.birthName ?? null,
          usageName: r?.usageName ?? null,
          firstNames: r?.firstNames ?? null,
          birthDate: r?.birthDate ?? null,
          birthCountryCode: r?.birthCountryCode ?? '99100',
          birthDepartment: r?.birthDepartment ?? null,
          birthCommuneCode: r?.birthCommuneCode ?? null,
          birthCommuneName: r?.birthCommuneName ?? null,
          mobilePhone: r?.mobilePhone ?? null,
          email: r?.email ?? null,
          iban: v.iban.trim() || undefined,
          bic: v.bic.trim() || null,
          accountHolder: v.accountHolder.trim() || null,
        },
      }),
    onSuccess: (d) => {
      p.onChange(d);
      notifyDone('Compte bancaire enregistré. Le client doit aussi le changer sur particulier.urssaf.fr.');
    },
    resetOnSuccess: true,
  });
  const leave = useMutation({
    mutationFn: (day: string | null) => call(urssafActionsApi.leave, { params, body: { leftOn: day } }),
    onSuccess: (d, day) => {
      p.onChange(d);
      notifyDone(day ? 'Le client a quitté l’avance immédiate.' : 'Le client revient à l’avance immédiate.');
    },
  });
  if (!r || (r.status !== 'registered' && r.status !== 'left') || !can('payment.write')) return null;
  if (r.status === 'left')
    return (
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Avance immédiate quittée
        </Title>
        <Text size="sm" mb="sm">
          Ses factures sont à payer en entier. Les demandes déjà envoyées à l’URSSAF sont suivies jusqu’au bout.
        </Text>
        <Button variant="light" onClick={() => leave.mutate(null)} loading={leave.isPending}>
          Reprendre l’avance immédiate
        </Button>
        <ErrorAlert error={leave.error} title="Changement impossible" />
      </Card>
    );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Changer l’inscription URSSAF
      </Title>
      <Alert color="blue" mb="sm" title="Le client change aussi ses informations chez l’URSSAF">
        L’URSSAF ne permet pas à la structure de modifier une inscription. Le client change son adresse ou son compte
        bancaire dans son espace particulier.urssaf.fr. Une nouvelle adresse se change sur la fiche du client.
      </Alert>
      <form onSubmit={bank.onSubmit} noValidate>
        <ErrorAlert error={bank.alertError} title="Compte non enregistré" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={`Nouvel IBAN (actuel : ${r.ibanMasked ?? '—'})`} {...bank.field('iban')} />
          <TextInput label="BIC" {...bank.field('bic')} />
          <TextInput label="Titulaire du compte" {...bank.field('accountHolder')} />
        </SimpleGrid>
        <Button type="submit" mt="sm" variant="light" loading={bank.busy}>
          Enregistrer le nouveau compte
        </Button>
      </form>
      <Group mt="md" align="end">
        <TextInput
          type="date"
          label="Le client quitte l’avance immédiate le"
          value={leftOn}
          onChange={(e) => setLeftOn(e.currentTarget.value)}
        />
        <Button color="red" variant="light" onClick={() => leave.mutate(leftOn)} loading={leave.isPending}>
          Quitter l’avance immédiate
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Ses factures suivantes seront à payer en entier
        {r.registeredAt ? ` (inscrit le ${formatDate(r.registeredAt)})` : ''}.
      </Text>
      <ErrorAlert error={leave.error} title="Changement impossible" />
    </Card>
  );
}
