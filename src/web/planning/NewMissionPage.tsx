import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../shared/format';
import { api, qs } from '../api';
import { CommunePicker } from '../needs/CommunePicker';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { usePlanningAction } from './model';
import { todayInParis } from './time';

/** A mission starts today at the earliest (a contract signed late often began on paper earlier). */
const defaultStart = (c: { startDate: string; endDate: string }) => {
  const today = todayInParis();
  return today > c.startDate && today <= c.endDate ? today : c.startDate;
};

type ContractItem = {
  id: string;
  number: string;
  status: string;
  clientName: string;
  startDate: string;
  endDate: string;
  signedAt: string | null;
  amendsId: string | null;
};
type ContractFull = ContractItem & {
  romeCodes: string[];
  tasks: string;
  site: { name: string; addressLine: string | null; postalCode: string | null; communeName: string | null } | null;
};

/**
 * A new mission under a signed placement contract: the job (among the contract's), the place, the period and the
 * instructions for the people who will go. Reached from the contract's page or from the planning.
 */
export function NewMissionPage() {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const [f, setF] = useUrlFilters(['contrat'] as const);
  const contracts = useQuery({
    queryKey: ['planning', orgId, 'contracts-for-missions'],
    queryFn: () => api<{ items: ContractItem[] }>(`/api/orgs/${orgId}/placement-contracts${qs({ limit: 200 })}`),
    enabled: !f.contrat,
  });
  const contract = useQuery({
    queryKey: ['planning', orgId, 'contract', f.contrat],
    queryFn: () => api<ContractFull>(`/api/orgs/${orgId}/placement-contracts/${f.contrat}`),
    enabled: !!f.contrat,
  });
  const c = contract.data;
  const labels = useQueries({
    queries: (c?.romeCodes ?? []).map((rome) => ({
      queryKey: ['job-label', rome],
      queryFn: () => api<{ items: { rome: string; label: string }[] }>(`/api/public/needs/jobs${qs({ q: rome })}`),
      staleTime: 3_600_000,
    })),
  });
  const label = (rome: string, i: number) => labels[i]?.data?.items.find((j) => j.rome === rome)?.label ?? rome;
  const [form, setForm] = useState({ rome: '', startDate: '', endDate: '', notes: '' });
  const [otherSite, setOtherSite] = useState(false);
  const [site, setSite] = useState({ line: '', postalCode: '', communeCode: '', communeLabel: '', name: '' });
  const create = usePlanningAction((o) =>
    api<{ id: string }>(`/api/orgs/${o}/missions`, {
      body: {
        placementContractId: c!.id,
        rome: form.rome || c!.romeCodes[0],
        startDate: form.startDate || defaultStart(c!),
        endDate: form.endDate || c!.endDate,
        notes: form.notes.trim() || null,
        site: otherSite
          ? {
              line: site.line.trim() || null,
              postalCode: site.postalCode.trim() || null,
              communeCode: site.communeCode,
              name: site.name.trim() || undefined,
            }
          : undefined,
      },
    }),
  );

  if (!f.contrat) {
    const usable = (contracts.data?.items ?? []).filter((x) => x.signedAt && x.status === 'active');
    return (
      <>
        <PageHeader
          title="Nouvelle mission"
          subtitle="Une mission se rattache à un contrat de mise à disposition signé."
        />
        <ErrorAlert error={contracts.error} />
        {contracts.isPending ? (
          <Loading />
        ) : usable.length === 0 ? (
          <Alert color="gray">
            Aucun contrat signé en cours.{' '}
            <Link to="../../../contrats" relative="path">
              Voir les contrats
            </Link>
          </Alert>
        ) : (
          <Select
            label="Contrat de mise à disposition"
            placeholder="Choisissez le contrat"
            searchable
            data={usable.map((x) => ({
              value: x.id,
              label: `${x.number} · ${x.clientName} (du ${formatDate(x.startDate)} au ${formatDate(x.endDate)})`,
            }))}
            onChange={(v) => v && setF({ contrat: v })}
            maw={640}
          />
        )}
      </>
    );
  }
  if (contract.isPending) return <Loading />;
  if (!c) return <ErrorAlert error={contract.error} />;
  const notSigned = !c.signedAt;
  return (
    <>
      <PageHeader
        title="Nouvelle mission"
        subtitle={`${c.clientName} · contrat ${c.number} (du ${formatDate(c.startDate)} au ${formatDate(c.endDate)})`}
      />
      {notSigned && (
        <Alert color="grape" mb="md" title="Contrat pas encore signé">
          Le client n’a pas encore signé ce contrat : la mission peut être préparée, mais personne ne doit être mis à
          disposition avant la signature.
        </Alert>
      )}
      <Card withBorder maw={720}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await create.mutateAsync().catch(() => null);
            if (r) navigate(`../${r.id}?nouvelle=1`, { relative: 'path' });
          }}
        >
          <Stack>
            <Select
              label="Métier"
              description="Parmi les métiers du contrat"
              data={c.romeCodes.map((r, i) => ({ value: r, label: `${label(r, i)} (${r})` }))}
              value={form.rome || c.romeCodes[0] || null}
              onChange={(v) => setForm({ ...form, rome: v ?? '' })}
              allowDeselect={false}
              required
            />
            <Text size="sm">
              <b>Lieu :</b>{' '}
              {c.site
                ? `${c.site.name}, ${[c.site.addressLine, c.site.postalCode, c.site.communeName].filter(Boolean).join(' ')}`
                : 'le lieu principal du client'}
            </Text>
            <Checkbox
              label="Intervenir à une autre adresse du client"
              checked={otherSite}
              onChange={(e) => setOtherSite(e.currentTarget.checked)}
            />
            {otherSite && (
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label="Nom du lieu"
                  value={site.name}
                  onChange={(e) => setSite({ ...site, name: e.currentTarget.value })}
                  placeholder="ex. Résidence Les Lilas"
                />
                <TextInput
                  label="Adresse"
                  value={site.line}
                  onChange={(e) => setSite({ ...site, line: e.currentTarget.value })}
                />
                <TextInput
                  label="Code postal"
                  value={site.postalCode}
                  onChange={(e) => setSite({ ...site, postalCode: e.currentTarget.value })}
                  w={120}
                />
                <CommunePicker
                  value={site.communeCode}
                  valueLabel={site.communeLabel}
                  onChange={(code, l) => setSite({ ...site, communeCode: code, communeLabel: l })}
                />
              </Group>
            )}
            <Group align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label="Début de la mission"
                value={form.startDate || defaultStart(c)}
                min={c.startDate}
                max={c.endDate}
                onChange={(e) => setForm({ ...form, startDate: e.currentTarget.value })}
                required
              />
              <TextInput
                type="date"
                label="Fin de la mission"
                value={form.endDate || c.endDate}
                min={c.startDate}
                max={c.endDate}
                onChange={(e) => setForm({ ...form, endDate: e.currentTarget.value })}
                required
              />
            </Group>
            <Textarea
              label="Consignes pour les personnes qui interviennent"
              description="Accès, interlocuteur sur place, tenue… (visibles par l’équipe)"
              value={form.notes}
              onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={4000}
            />
            <ErrorAlert error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={otherSite && !site.communeCode}>
                Créer la mission
              </Button>
              <Button variant="default" component={Link} to={`../../../contrats/${c.id}`} relative="path">
                Retour au contrat
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
