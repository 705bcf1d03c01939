import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Button, Card, Group, SegmentedControl, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { type DataColumn, DataTable, download, toCsv } from '../blocks/DataTable';

export type ChartSeries = { name: string; label: string; color: string };
export type ChartRow = Record<string, string | number | null>;

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
  const columns = chartColumns({ dataKey, keyLabel, series, valueFormatter, unit });
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
          <Button size="xs" variant="default" onClick={() => download(csvName, toCsv(data, columns))}>
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
          <ChartTable data={data} columns={columns} caption={title} hidden />
        </>
      ) : (
        <ChartTable data={data} columns={columns} caption={title} />
      )}
    </Card>
  );
}

/**
 * The chart's columns: the period (the row's header) and one value per series, formatted as on the chart; the CSV
 * holds the raw numbers with a decimal comma, for a spreadsheet in French settings.
 */
function chartColumns({
  dataKey,
  keyLabel,
  series,
  valueFormatter,
  unit,
}: {
  dataKey: string;
  keyLabel: string;
  series: ChartSeries[];
  valueFormatter: (v: number) => string;
  unit?: string;
}): DataColumn<ChartRow>[] {
  const value = (d: ChartRow, name: string) => {
    const v = d[name];
    return typeof v === 'number' ? v : null;
  };
  return [
    { key: dataKey, header: keyLabel, rowHeader: true, csv: (d) => d[dataKey], cell: (d) => d[dataKey] },
    ...series.map(
      (s): DataColumn<ChartRow> => ({
        key: s.name,
        header: unit ? `${s.label} (${unit})` : s.label,
        align: 'right',
        csv: (d) => String(value(d, s.name) ?? '').replace('.', ','),
        cell: (d) => {
          const v = value(d, s.name);
          return v === null ? '—' : valueFormatter(v);
        },
      }),
    ),
  ];
}

function ChartTable({
  data,
  columns,
  caption,
  hidden,
}: {
  data: ChartRow[];
  columns: DataColumn<ChartRow>[];
  caption: string;
  hidden?: boolean;
}) {
  // Static: the chart's rows in the chart's order, nothing to sort, search or page.
  const table = (
    <DataTable rows={data} columns={columns} rowKey={(d) => String(d[columns[0]!.key])} caption={caption} empty="" />
  );
  // Screen readers get the table even while the chart is shown; the eye sees the chart only.
  return hidden ? <VisuallyHidden>{table}</VisuallyHidden> : <Box fz="sm">{table}</Box>;
}
