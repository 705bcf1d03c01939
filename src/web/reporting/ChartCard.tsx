import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Button, Card, Group, SegmentedControl, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';

export type ChartSeries = { name: string; label: string; color: string };
export type ChartRow = Record<string, string | number | null>;

/** A CSV for a spreadsheet in French settings: ";" separated, decimal comma, UTF-8 with BOM. */
export function toCsv(headers: string[], rows: (string | number | null)[][]) {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A chart with its table (UX.md: look rather than read, with a table view for screen readers and an export):
 * the chart is hidden from assistive technologies, which read the table; the table is one click away for
 * everyone, and the CSV holds the same rows.
 */
export function ChartCard({
  title,
  kind,
  data,
  dataKey,
  keyLabel,
  series,
  valueFormatter = (v) => String(v),
  csvName,
  unit,
}: {
  title: string;
  kind: 'bar' | 'line';
  data: ChartRow[];
  dataKey: string;
  keyLabel: string;
  series: ChartSeries[];
  valueFormatter?: (v: number) => string;
  csvName: string;
  unit?: string;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const headers = [keyLabel, ...series.map((s) => (unit ? `${s.label} (${unit})` : s.label))];
  const rows = data.map((d) => [d[dataKey] as string, ...series.map((s) => (d[s.name] as number | null) ?? null)]);
  const common = {
    h: 260,
    data,
    dataKey,
    series: series.map((s) => ({ name: s.name, label: s.label, color: s.color })),
    valueFormatter,
    withLegend: series.length > 1,
    tickLine: 'y' as const,
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: 'Graphique' },
              { value: 'table', label: 'Tableau' },
            ]}
            aria-label={`Affichage : ${title}`}
          />
          <Button size="xs" variant="default" onClick={() => downloadCsv(`${csvName}.csv`, toCsv(headers, rows))}>
            Export CSV
          </Button>
        </Group>
      </Group>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucune donnée sur la période.
        </Text>
      ) : view === 'chart' ? (
        <>
          <div aria-hidden="true">
            {/* No keyboard layer inside a hidden chart (axe: aria-hidden-focus); the table below carries the values. */}
            {kind === 'bar' ? (
              <BarChart {...common} barChartProps={{ accessibilityLayer: false }} />
            ) : (
              <LineChart {...common} curveType="linear" lineChartProps={{ accessibilityLayer: false }} />
            )}
          </div>
          <ChartTable headers={headers} rows={rows} valueFormatter={valueFormatter} caption={title} hidden />
        </>
      ) : (
        <ChartTable headers={headers} rows={rows} valueFormatter={valueFormatter} caption={title} />
      )}
    </Card>
  );
}

function ChartTable({
  headers,
  rows,
  valueFormatter,
  caption,
  hidden,
}: {
  headers: string[];
  rows: (string | number | null)[][];
  valueFormatter: (v: number) => string;
  caption: string;
  hidden?: boolean;
}) {
  const table = (
    <Table striped withTableBorder={!hidden} fz="sm">
      <caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h} scope="col">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={String(r[0])}>
            <Table.Th scope="row" fw={500}>
              {r[0]}
            </Table.Th>
            {r.slice(1).map((v, i) => (
              <Table.Td key={headers[i + 1]} ta="right">
                {v === null ? '—' : valueFormatter(v as number)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  // Screen readers get the table even while the chart is shown; the eye sees the chart only.
  return hidden ? (
    <VisuallyHidden>{table}</VisuallyHidden>
  ) : (
    <Table.ScrollContainer
      minWidth={360}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Tableau défilant' } }}
    >
      {table}
    </Table.ScrollContainer>
  );
}
