import { Group, Select, TextInput } from '@mantine/core';
import { useUrlFilters } from '../shell/ui';

export type Period = { from: string; to: string };
export type PeriodKind = 'mois' | 'trimestre' | 'annee' | 'personnalise';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Today's date in Paris (the dashboards count Paris days). */
export const parisToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date()).slice(0, 10);

/** The period a URL names: ?periode=mois&mois=2026-03, trimestre&trimestre=2026-T1, annee&annee=2026, personnalise&du=&au=. */
export function periodOf(
  f: Record<'periode' | 'mois' | 'trimestre' | 'annee' | 'du' | 'au', string>,
  today = parisToday(),
): Period {
  const year = Number(today.slice(0, 4));
  const kind = (f.periode || 'annee') as PeriodKind;
  if (kind === 'mois') {
    const month = /^\d{4}-\d{2}$/.test(f.mois) ? f.mois : today.slice(0, 7);
    const [y, m] = month.split('-').map(Number);
    return { from: `${month}-01`, to: `${month}-${pad(lastDay(y, m))}` };
  }
  if (kind === 'trimestre') {
    const match = /^(\d{4})-T([1-4])$/.exec(f.trimestre);
    const y = match ? Number(match[1]) : year;
    const q = match ? Number(match[2]) : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const first = (q - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
  }
  if (kind === 'personnalise' && /^\d{4}-\d{2}-\d{2}$/.test(f.du) && /^\d{4}-\d{2}-\d{2}$/.test(f.au) && f.du <= f.au)
    return { from: f.du, to: f.au };
  const y = /^\d{4}$/.test(f.annee) ? Number(f.annee) : year;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const KEYS = ['periode', 'mois', 'trimestre', 'annee', 'du', 'au'] as const;

/** The period chosen in the URL (UX.md: filters live in the URL, a dashboard can be shared as it is seen). */
export function usePeriod() {
  const [f, set] = useUrlFilters(KEYS);
  return { period: periodOf(f), filters: f, set };
}

function recentYears(today: string) {
  const y = Number(today.slice(0, 4));
  return [y, y - 1, y - 2, y - 3].map(String);
}

/** Choice of the period: month, quarter, year or custom dates, all written to the URL. */
export function PeriodPicker() {
  const { period, filters: f, set } = usePeriod();
  const today = parisToday();
  const kind = (f.periode || 'annee') as PeriodKind;
  const years = recentYears(today);
  const months = years.flatMap((y) =>
    Array.from({ length: 12 }, (_, i) => `${y}-${pad(12 - i)}`).filter((m) => m <= today.slice(0, 7)),
  );
  const quarters = years.flatMap((y) => ['T4', 'T3', 'T2', 'T1'].map((q) => `${y}-${q}`));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Période"
        value={kind}
        allowDeselect={false}
        w={160}
        data={[
          { value: 'mois', label: 'Mois' },
          { value: 'trimestre', label: 'Trimestre' },
          { value: 'annee', label: 'Année' },
          { value: 'personnalise', label: 'Dates choisies' },
        ]}
        onChange={(v) => set({ periode: v === 'annee' ? null : v })}
      />
      {kind === 'mois' && (
        <Select
          label="Mois"
          w={160}
          allowDeselect={false}
          value={period.from.slice(0, 7)}
          data={months}
          onChange={(v) => set({ mois: v })}
        />
      )}
      {kind === 'trimestre' && (
        <Select
          label="Trimestre"
          w={160}
          allowDeselect={false}
          value={`${period.from.slice(0, 4)}-T${Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1}`}
          data={quarters}
          onChange={(v) => set({ trimestre: v })}
        />
      )}
      {kind === 'annee' && (
        <Select
          label="Année"
          w={120}
          allowDeselect={false}
          value={period.from.slice(0, 4)}
          data={years}
          onChange={(v) => set({ annee: v })}
        />
      )}
      {kind === 'personnalise' && (
        <>
          <TextInput
            type="date"
            label="Du"
            value={f.du || period.from}
            onChange={(e) => set({ du: e.currentTarget.value, au: f.au || period.to })}
          />
          <TextInput
            type="date"
            label="Au"
            value={f.au || period.to}
            onChange={(e) => set({ au: e.currentTarget.value, du: f.du || period.from })}
          />
        </>
      )}
    </Group>
  );
}
