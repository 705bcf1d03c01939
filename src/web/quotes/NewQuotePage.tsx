import { Button, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { clientsApi } from '../../shared/clients';
import { needsApi } from '../../shared/needs';
import { quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { Notice } from './Notice';
import { QuoteLinesEditor } from './QuoteLinesEditor';
import { QuoteTermsFields } from './QuoteTermsFields';
import { emptyLine, in30, type Line, type QuoteFormValues, quoteBody } from './quote-form';

/** Build a quote by hand or from a claimed need's HR diagnostic. */
export function NewQuotePage() {
  const orgId = useOrgId();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const needId = params.get('needId') ?? '';
  const [clientSearch, setClientSearch] = useState('');
  const form = useApiForm<QuoteFormValues, { id: string }>({
    initial: {
      clientId: params.get('clientId') ?? '',
      lines: [emptyLine()],
      validUntil: in30(),
      tenderReference: '',
      siteId: '',
      startDate: '',
      endDate: '',
      tasks: '',
      protectiveEquipment: '',
      equipmentSuppliedBy: '',
      equivalentPay: '',
      notes: '',
    },
    submit: (values) => call(quotesApi.create, { params: { orgId }, body: quoteBody(values, needId) }),
    onSuccess: (q) => navigate(`../${q.id}`, { relative: 'path' }),
  });
  const { clientId, lines } = form.values;
  const setClientId = (id: string) => form.set('clientId', id);
  const setLines = (update: (lines: Line[]) => Line[]) => form.setValues((v) => ({ ...v, lines: update(v.lines) }));
  const [error, setError] = useState<unknown>(null);

  const needs = useQuery({
    queryKey: ['needs', orgId, 'open'],
    queryFn: () => call(needsApi.inbox, { params: { orgId }, query: { status: 'open', limit: 100 } }),
    enabled: can('need.read'),
  });
  const draft = useQuery({
    queryKey: ['quote-draft', orgId, needId],
    queryFn: () => call(quotesApi.draftFromNeed, { params: { orgId, needId } }),
    enabled: !!needId,
  });
  const { setValues } = form;
  useEffect(() => {
    const d = draft.data;
    if (!d) return;
    setValues((old) => ({
      ...old,
      clientId: d.clientId ?? old.clientId,
      lines: d.lines.map((l) => ({
        rome: l.rome,
        label: l.label,
        hours: Math.round((l.minutes / 60) * 100) / 100,
        rate: l.hourlyRateCents ? l.hourlyRateCents / 100 : '',
      })),
      validUntil: d.validUntil,
      startDate: d.startDate ?? '',
      endDate: d.endDate ?? '',
      tasks: d.tasks ?? '',
      protectiveEquipment: d.protectiveEquipment ?? '',
      equipmentSuppliedBy: d.equipmentSuppliedBy ?? '',
      notes: d.notes ?? '',
    }));
  }, [draft.data, setValues]);

  const clients = useQuery({
    queryKey: ['clients', orgId, 'pick', clientSearch],
    queryFn: () => call(clientsApi.list, { params: { orgId }, query: { q: clientSearch, limit: 30 } }),
  });
  const client = useQuery({
    queryKey: ['client', orgId, clientId],
    queryFn: () => call(clientsApi.get, { params: { orgId, clientId } }),
    enabled: !!clientId,
  });
  const clientOptions = [
    ...(client.data ? [{ value: client.data.id, label: client.data.name }] : []),
    ...(clients.data?.items ?? []).filter((c) => c.id !== clientId).map((c) => ({ value: c.id, label: c.name })),
  ];

  const lookupRate = async (i: number, rome: string) => {
    if (!client.data || !/^[A-N]\d{4}$/.test(rome)) return;
    const on = form.values.startDate || new Date().toISOString().slice(0, 10);
    const r = await call(quotesApi.rateLookup, {
      params: { orgId },
      query: { rome, clientKind: client.data.kind, on },
    });
    setLines((ls) =>
      ls.map((l, k) => (k === i && r.rate && l.rate === '' ? { ...l, rate: r.rate.hourlyRateCents / 100 } : l)),
    );
  };

  const createClientFromNeed = async () => {
    setError(null);
    try {
      const c = await call(clientsApi.createFromNeed, { params: { orgId, needId } });
      setClientId(c.id);
      draft.refetch();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <PageHeader title="Nouveau devis" subtitle="À partir d’un besoin pris en charge, ou à la main" />
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <ErrorAlert error={form.error} />
          <Grid>
            {can('need.read') && (
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label="Besoin pris en charge (facultatif)"
                  placeholder="Choisir un besoin"
                  clearable
                  searchable
                  data={(needs.data?.items ?? []).map((n) => ({
                    value: n.id,
                    label: `${n.reference} — ${n.establishmentName}`,
                  }))}
                  value={needId || null}
                  onChange={(x) => {
                    const p = new URLSearchParams(params);
                    if (x) p.set('needId', x);
                    else p.delete('needId');
                    setParams(p, { replace: true });
                  }}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label="Client"
                required
                searchable
                placeholder="Tapez une partie du nom"
                searchValue={clientSearch}
                onSearchChange={setClientSearch}
                data={clientOptions}
                value={clientId || null}
                onChange={(x) => setClientId(x ?? '')}
                error={form.fieldErrors.clientId}
                filter={({ options }) => options}
              />
            </Grid.Col>
          </Grid>
          {needId && draft.data && !draft.data.clientId && !clientId && (
            <Notice color="blue" title="Ce besoin n’a pas encore de client">
              <Group justify="space-between">
                <Text>« {draft.data.establishmentName} » deviendra un client avec son adresse et son contact.</Text>
                <Button onClick={createClientFromNeed}>Créer le client à partir du besoin</Button>
              </Group>
            </Notice>
          )}
          <QuoteLinesEditor lines={lines} setLines={setLines} errorAt={form.errorAt} onRomeChosen={lookupRate} />
          <QuoteTermsFields form={form} client={client.data} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.busy}>
              Créer le devis
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
