import { Button, SimpleGrid, Stack } from '@mantine/core';
import {
  countOf,
  formatCents,
  formatDate,
  formatDelay,
  formatWholeHours as formatHours,
  formatNumber,
  formatShare,
  shortFrenchMonth as monthLabel,
} from '../../shared/format';
import { reportingApi } from '../../shared/reporting';
import { EXIT_CATEGORIES, EXIT_COUNT_LABELS } from '../../shared/support';
import { urlOf } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { useAiDashboard } from './api';
import { ChartCard } from './ChartCard';
import { PeriodPicker, usePeriod } from './period';
import { Stat } from './Stat';

const hoursOf = (v: number) => `${new Intl.NumberFormat('fr-FR').format(v)} h`;

/** The AI's dashboard (director, accountant): the activity of a period and the State's indicators. */
export function AiDashboardPage() {
  const { period } = usePeriod();
  return (
    <>
      <PageHeader
        title="Tableau de bord"
        subtitle={`Du ${formatDate(period.from)} au ${formatDate(period.to)}`}
        actions={<ReportButton year={Number(period.from.slice(0, 4))} />}
      />
      <PeriodPicker />
      <AiDashboardBody />
    </>
  );
}

function ReportButton({ year }: { year: number }) {
  const orgId = useOrgId();
  return (
    <Button component="a" href={urlOf(reportingApi.activityPdf, { params: { orgId, year } })} download variant="filled">
      Rapport d’activité {year} (PDF)
    </Button>
  );
}

/** The figures and charts, shared by the dashboard page and the director's home page. */
export function AiDashboardBody() {
  const orgId = useOrgId();
  const can = useCan();
  const { period } = usePeriod();
  const { data: d, error, isPending } = useAiDashboard(orgId, period);
  if (isPending) return <Loading />;
  if (error || !d) return <ErrorAlert error={error} title="Tableau de bord indisponible" />;
  const base = `/ai/${orgId}`;
  const s = d.summary;
  return (
    <Stack gap="lg" mt="md">
      {d.to < period.to && (
        <span style={{ fontSize: 14 }}>
          Chiffres arrêtés au {formatDate(d.to)} : les créneaux à venir ne comptent pas.
        </span>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat
          label="Heures travaillées"
          value={formatHours(s.minutesWorked)}
          hint={`${formatHours(s.minutesBilled)} facturées`}
        />
        <Stat
          label="ETP réalisés"
          value={formatNumber(s.etp)}
          hint={
            d.conventionEtp === null
              ? 'ETP conventionnés non renseignés'
              : `${formatShare(d.etpConsumption)} des ${formatNumber(d.conventionEtp)} ETP conventionnés`
          }
          to={can('settings.write') && d.conventionEtp === null ? `${base}/parametres` : undefined}
        />
        <Stat
          label="Salarié·es ayant travaillé"
          value={d.workersPresent}
          hint={`${d.workersHired} embauché·es sur la période`}
        />
        <Stat
          label="Clients actifs"
          value={d.activeClients}
          hint={`${formatShare(d.medicoSocialShare)} des heures en EHPAD / médico-social`}
        />
        <Stat
          label="Remplacements pourvus"
          value={formatShare(d.replacements.fillRate)}
          hint={`${d.replacements.filled} sur ${d.replacements.uncovered} · délai médian ${formatDelay(d.replacements.medianMinutesToFill)}`}
          to={d.replacements.open > 0 ? `${base}/planning` : undefined}
        />
        <Stat
          label="Besoins répondus"
          value={`${d.needs.answered} / ${d.needs.routed}`}
          hint={`${d.needs.claimed} pris en charge · délai médian ${formatDelay(d.needs.medianMinutesToAnswer)}`}
          to={can('need.claim') ? `${base}/besoins` : undefined}
        />
        <Stat
          label="Factures à encaisser"
          value={formatCents(d.invoices.outstandingCents)}
          hint={`${d.invoices.overdue} en retard (${formatCents(d.invoices.overdueCents)})`}
          to={
            can('invoice.read') ? `${base}/factures?status=${d.invoices.overdue > 0 ? 'overdue' : 'unpaid'}` : undefined
          }
        />
        <Stat
          label="PASS IAE finissant sous 90 jours"
          value={d.passEndingSoon}
          to={can('worker.read') ? `${base}/salaries?pass=soon` : undefined}
        />
        <Stat
          label="Taux de sortie dynamique"
          value={formatShare(s.dynamicExitRate)}
          hint={`${EXIT_CATEGORIES.reduce((n, k) => n + s.exits[k], 0)} sorties comptées · ${d.exitsNotCounted} sous 150 h`}
        />
        <Stat
          label="Accompagnement"
          value={d.workersPerSupportStaff === null ? '—' : `${formatNumber(d.workersPerSupportStaff)} salarié·es / CIP`}
          hint={`${countOf(d.supportStaff, 'chargé·e', 'chargé·es')} d’accompagnement`}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard
          title="Heures travaillées et facturées par mois"
          kind="bar"
          data={d.months.map((m) => ({
            mois: monthLabel(m.month),
            worked: Math.round(m.minutesWorked / 60),
            billed: Math.round(m.minutesBilled / 60),
          }))}
          dataKey="mois"
          keyLabel="Mois"
          series={[
            { name: 'worked', label: 'Travaillées', color: 'blue.8' },
            { name: 'billed', label: 'Facturées', color: 'teal.8' },
          ]}
          unit="h"
          valueFormatter={hoursOf}
          csvName={`heures-${d.from}-${d.to}`}
        />
        <ChartCard
          title="ETP réalisés par mois"
          kind="line"
          data={d.months.map((m) => ({ mois: monthLabel(m.month), etp: m.etp, convention: d.conventionEtp }))}
          dataKey="mois"
          keyLabel="Mois"
          series={[
            { name: 'etp', label: 'ETP réalisés', color: 'blue.8' },
            ...(d.conventionEtp === null ? [] : [{ name: 'convention', label: 'ETP conventionnés', color: 'orange' }]),
          ]}
          valueFormatter={(v) => formatNumber(v)}
          csvName={`etp-${d.from}-${d.to}`}
        />
        <ChartCard
          title="Heures en EHPAD et médico-social par mois"
          kind="bar"
          data={d.months.map((m) => ({
            mois: monthLabel(m.month),
            medico: Math.round(m.medicoSocialMinutes / 60),
            others: Math.round((m.minutesWorked - m.medicoSocialMinutes) / 60),
          }))}
          dataKey="mois"
          keyLabel="Mois"
          series={[
            { name: 'medico', label: 'EHPAD / médico-social', color: 'grape.8' },
            { name: 'others', label: 'Autres clients', color: 'gray.7' },
          ]}
          unit="h"
          valueFormatter={hoursOf}
          csvName={`heures-medico-social-${d.from}-${d.to}`}
        />
        <ChartCard
          title="Sorties par catégorie ASP (150 h et plus)"
          kind="bar"
          data={EXIT_CATEGORIES.map((k) => ({ categorie: EXIT_COUNT_LABELS[k], n: s.exits[k] }))}
          dataKey="categorie"
          keyLabel="Catégorie"
          series={[{ name: 'n', label: 'Sorties', color: 'indigo.8' }]}
          csvName={`sorties-${d.from}-${d.to}`}
        />
      </SimpleGrid>
    </Stack>
  );
}
