import { Anchor, Button, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useParams } from 'react-router';
import { formatCents, formatDate, formatDateTime, formatMinutes } from '../../shared/format';
import { quotesApi } from '../../shared/quotes';
import { call, urlOf } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading } from '../shell/ui';
import { Notice } from './Notice';

/** The page the client's private link opens: read, accept (signing the contract) or refuse. Works on a phone. */
export function PublicQuotePage() {
  const { token } = useParams();
  const qc = useQueryClient();
  const key = ['public-quote', token];
  const quote = useQuery({
    queryKey: key,
    queryFn: () => call(quotesApi.publicQuote, { params: { token: token ?? '' } }),
    retry: false,
  });
  // One form, two answers: the button pressed says which (Enter in the name field accepts, the first button).
  const answer = useRef<'accept' | 'refuse'>('accept');
  const form = useApiForm({
    initial: { name: '', consent: false, reason: '' },
    submit: async (v) => {
      const params = { token: token ?? '' };
      if (answer.current === 'accept')
        // Unticked, the consent is sent absent: the server's message stands under the box.
        await call(quotesApi.publicAccept, {
          params,
          body: { name: v.name, consent: (v.consent || undefined) as true },
        });
      else await call(quotesApi.publicRefuse, { params, body: { name: v.name, reason: v.reason || null } });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  if (quote.isPending) return <Loading />;
  if (!quote.data) {
    return (
      <Stack maw={640} mx="auto" p="md">
        <Title order={1} size="h2">
          Devis introuvable
        </Title>
        <Text>
          Ce lien n’est plus valable : une version plus récente vous a peut-être été envoyée. Contactez l’association.
        </Text>
      </Stack>
    );
  }
  const q = quote.data;
  const open = q.status === 'draft' || q.status === 'sent';
  return (
    <Stack maw={720} mx="auto" p="md">
      <Text c="dimmed">{q.organisation.name}</Text>
      <Title order={1} size="h2">
        Devis {q.number}
        {q.revision > 1 ? ` (version ${q.revision})` : ''}
      </Title>
      <Text>
        Pour {q.clientName} · valable jusqu’au {formatDate(q.validUntil)}
      </Text>
      {q.acceptedAt && (
        <Notice color="teal" title="Devis accepté">
          Accepté par {q.acceptedBy} le {formatDateTime(q.acceptedAt)}. Le contrat de mise à disposition est signé ;
          l’association vous contactera pour organiser les interventions.
        </Notice>
      )}
      {q.refusedAt && (
        <Notice color="gray" title="Devis refusé">
          Vous avez refusé ce devis le {formatDate(q.refusedAt)}.
        </Notice>
      )}
      {q.status === 'expired' && (
        <Notice color="grape" title="Devis expiré">
          Ce devis n’est plus valable. Demandez une nouvelle version à {q.organisation.name}
          {q.organisation.phone ? ` (${q.organisation.phone})` : ''}.
        </Notice>
      )}
      {/* Not a list: the priced document the client signs, laid out like its PDF (label, hours × rate, amount, total). */}
      <Table>
        <Table.Tbody>
          {q.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {formatMinutes(l.minutes)} × {formatCents(l.hourlyRateCents)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatCents(l.totalCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2} fw={700}>
              Total
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} fw={700}>
              {formatCents(q.totalCents)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {q.siteName && <Text size="sm">Lieu : {q.siteName}</Text>}
      {q.tasks && <Text size="sm">Tâches : {q.tasks}</Text>}
      {q.protectiveEquipment && <Text size="sm">Équipements : {q.protectiveEquipment}</Text>}
      <Anchor href={urlOf(quotesApi.publicPdf, { params: { token: token ?? '' } })} target="_blank">
        Télécharger le devis (PDF)
      </Anchor>
      {open && (
        <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
          <Stack>
            <Title order={2} size="h3">
              Votre réponse
            </Title>
            <ErrorAlert error={form.alertError} />
            <TextInput label="Vos nom et prénom" required {...form.field('name')} />
            <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <input
                type="checkbox"
                checked={form.values.consent}
                onChange={(e) => form.set('consent', e.currentTarget.checked)}
              />
              <span>J’accepte ce devis et je signe le contrat de mise à disposition qui en découle.</span>
            </label>
            {form.errorAt('consent') && (
              <Text c="red" size="sm">
                {form.errorAt('consent')}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={form.busy} onClick={() => (answer.current = 'accept')}>
                Accepter le devis
              </Button>
            </Group>
            <Textarea label="Motif si vous refusez (facultatif)" {...form.field('reason')} />
            <Group>
              <Button type="submit" variant="default" loading={form.busy} onClick={() => (answer.current = 'refuse')}>
                Refuser le devis
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
