import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { communeChoiceLabel } from '../../shared/directory';
import { formatDate } from '../../shared/format';
import { needsApi } from '../../shared/needs';
import { planningApi } from '../../shared/planning';
import { type ContractDetail, quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { PostalCodeInput } from '../blocks/PostalCodeInput';
import { useApiForm } from '../blocks/useApiForm';
import { CommunePicker } from '../needs/CommunePicker';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { todayInParis } from './time';

/** A mission starts today at the earliest (a contract signed late often began on paper earlier). */
const defaultStart = (c: { startDate: string; endDate: string }) => {
  const today = todayInParis();
  return today > c.startDate && today <= c.endDate ? today : c.startDate;
};

/**
 * A new mission under a signed placement contract: the job (among the contract's), the place, the period and the
 * instructions for the people who will go. Reached from the contract's page or from the planning.
 */
export function NewMissionPage() {
  const orgId = useOrgId();
  const [f, setF] = useUrlFilters(['contrat'] as const);
  const contracts = useQuery({
    queryKey: ['planning', orgId, 'contracts-for-missions'],
    queryFn: () => call(quotesApi.contracts, { params: { orgId }, query: { limit: 200 } }),
    enabled: !f.contrat,
  });
  const contract = useQuery({
    queryKey: ['planning', orgId, 'contract', f.contrat],
    queryFn: () => call(quotesApi.contract, { params: { orgId, placementContractId: f.contrat } }),
    enabled: !!f.contrat,
  });
  const c = contract.data;
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
  return <MissionForm contract={c} />;
}

/** The mission's job (among the contract's), place, period and instructions. */
function MissionForm({ contract: c }: { contract: ContractDetail }) {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const labels = useQueries({
    queries: c.romeCodes.map((rome) => ({
      queryKey: ['job-label', rome],
      queryFn: () => call(needsApi.jobs, { query: { q: rome } }),
      staleTime: 3_600_000,
    })),
  });
  const label = (rome: string, i: number) => labels[i]?.data?.items.find((j) => j.rome === rome)?.label ?? rome;
  const form = useApiForm({
    initial: {
      rome: c.romeCodes[0] ?? '',
      startDate: defaultStart(c),
      endDate: c.endDate,
      notes: '',
      otherSite: false,
      siteName: '',
      siteLine: '',
      sitePostalCode: '',
      siteCommuneCode: '',
      siteCommuneLabel: '',
    },
    submit: (v) =>
      call(planningApi.createMission, {
        params: { orgId },
        body: {
          placementContractId: c.id,
          rome: v.rome,
          startDate: v.startDate,
          endDate: v.endDate,
          notes: v.notes.trim() || null,
          site: v.otherSite
            ? {
                line: v.siteLine.trim() || null,
                postalCode: v.sitePostalCode.trim() || null,
                communeCode: v.siteCommuneCode,
                name: v.siteName.trim() || undefined,
              }
            : undefined,
        },
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
      navigate(`../${r.id}?nouvelle=1`, { relative: 'path' });
    },
  });
  const v = form.values;
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
        <form onSubmit={form.onSubmit}>
          <Stack>
            <Select
              label="Métier"
              description="Parmi les métiers du contrat"
              data={c.romeCodes.map((r, i) => ({ value: r, label: `${label(r, i)} (${r})` }))}
              {...form.field('rome')}
              value={v.rome || null}
              onChange={(r) => form.set('rome', r ?? '')}
              allowDeselect={false}
              required
            />
            <Text size="sm">
              <b>Lieu :</b>{' '}
              {c.site
                ? `${c.site.name}, ${[c.site.addressLine, c.site.postalCode, c.site.communeName].filter(Boolean).join(' ')}`
                : 'le lieu principal du client'}
            </Text>
            <Checkbox label="Intervenir à une autre adresse du client" {...form.checkbox('otherSite')} />
            {v.otherSite && (
              // Two columns on a computer (the place and its street, then the postal code and the commune), one on a
              // phone; each field's help under it, so that the inputs of a row stay level.
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Nom du lieu"
                  {...form.field('siteName')}
                  error={form.errorAt('site.name')}
                  placeholder="ex. Résidence Les Lilas"
                />
                <TextInput label="Adresse" {...form.field('siteLine')} error={form.errorAt('site.line')} />
                <PostalCodeInput
                  value={v.sitePostalCode}
                  onChange={(x) => form.set('sitePostalCode', x)}
                  communeCode={v.siteCommuneCode}
                  onCommune={(c) =>
                    form.setValues((x) => ({
                      ...x,
                      siteCommuneCode: c?.code ?? '',
                      siteCommuneLabel: c ? communeChoiceLabel(c) : '',
                    }))
                  }
                  error={form.errorAt('site.postalCode')}
                />
                <CommunePicker
                  value={v.siteCommuneCode}
                  valueLabel={v.siteCommuneLabel}
                  postalCode={v.sitePostalCode}
                  onChange={(code, l, postal) =>
                    form.setValues((x) => ({
                      ...x,
                      siteCommuneCode: code,
                      siteCommuneLabel: l,
                      sitePostalCode: postal,
                    }))
                  }
                  error={form.errorAt('site.communeCode')}
                />
              </SimpleGrid>
            )}
            <Group align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label="Début de la mission"
                {...form.field('startDate')}
                min={c.startDate}
                max={c.endDate}
                required
              />
              <TextInput
                type="date"
                label="Fin de la mission"
                {...form.field('endDate')}
                min={c.startDate}
                max={c.endDate}
                required
              />
            </Group>
            <Textarea
              label="Consignes pour les personnes qui interviennent"
              description="Accès, interlocuteur sur place, tenue… (visibles par l’équipe)"
              {...form.field('notes')}
              autosize
              minRows={3}
              maxLength={4000}
            />
            <ErrorAlert error={form.alertError ?? (form.errorAt('site.communeCode') ? form.error : null)} />
            <Group>
              <Button type="submit" loading={form.busy} disabled={v.otherSite && !v.siteCommuneCode}>
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
