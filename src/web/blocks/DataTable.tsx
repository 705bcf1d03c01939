import { Button, Group, Pagination, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { normalise } from '../../shared/format';
import { StackTable } from '../shell/StackTable';
import { Empty, useUrlFilters } from '../shell/ui';

export type DataColumn<T> = {
  /** Stable key: the sort's name in the URL (`?tri=nom`, `?tri=-nom` for descending). */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** What the column sorts by; a column without it is not sortable. */
  sortBy?: (row: T) => string | number | null | undefined;
  /** The text in the CSV export; defaults to sortBy, and a column with neither is left out of the export. */
  csv?: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right' | 'center';
  /** The cell names its row (`<th scope="row">`): the month of a chart's table, read before each value. */
  rowHeader?: boolean;
  /** The header is said by screen readers only (a column of checkboxes: « Choisir »). */
  hideHeader?: boolean;
};

export type DataTableProps<T> = {
  rows: readonly T[];
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  /** Said by screen readers before the table; shown under it too with `showCaption` ("12 structures"). */
  caption: ReactNode;
  showCaption?: boolean;
  /** Shown instead of the table when there is no row at all. */
  empty: ReactNode;
  /** The text a row is found by; with it, a search field filters the rows (`?filtre=` in the URL). */
  searchText?: (row: T) => string;
  searchLabel?: string;
  /** Rows per page (`?page=` in the URL); all on one page by default. */
  pageSize?: number;
  /**
   * The server pages the list: `rows` is the current page (read `?page=` with useUrlFilters to fetch it) and `total`
   * counts them all; sorting and searching are then the page's business, not the table's.
   */
  total?: number;
  /** Offer "Exporter (CSV)", saved under this name (without .csv). */
  csvName?: string;
  /** Prefix of the URL keys, when a page holds two tables. */
  urlPrefix?: string;
  /**
   * Rows after the records (a document's totals): never sorted, searched, paged or exported; in the body, so that
   * they stack on a phone like the others.
   */
  footer?: ReactNode;
  striped?: boolean;
  highlightOnHover?: boolean;
  mb?: string;
  /** Attributes of a row's `<tr>` (a `data-testid` the browser tests find it by, a highlight). */
  rowProps?: (row: T) => { style?: CSSProperties } & { [data: `data-${string}`]: string | undefined };
};

const compare = (a: unknown, b: unknown) => {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'fr', { numeric: true, sensitivity: 'base' });
};

/** CSV for a French spreadsheet: `;` between cells, quotes doubled, a BOM so that accents open right. */
export function toCsv<T>(rows: readonly T[], columns: DataColumn<T>[]): string {
  const exported = columns.filter((c) => c.csv || c.sortBy);
  const cell = (v: unknown) => {
    const s = v == null ? '' : String(v);
    return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [
    exported.map((c) => cell(c.header)).join(';'),
    ...rows.map((r) => exported.map((c) => cell((c.csv ?? c.sortBy)?.(r))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The one list of the web app (docs/decisions/014-web-blocks.md): sort by a column header, filter by a search field,
 * pages — all three kept in the URL's search params so that a link or the back button returns to the same view —,
 * a CSV export of what is shown, an empty state, headers announced to screen readers (caption, scope, aria-sort),
 * and rows stacked under their headers on a 360 px phone (StackTable).
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  showCaption = false,
  empty,
  searchText,
  searchLabel = 'Rechercher',
  pageSize,
  total,
  csvName,
  urlPrefix = '',
  footer,
  striped = true,
  highlightOnHover = true,
  mb,
  rowProps,
}: DataTableProps<T>) {
  const keys = [`${urlPrefix}tri`, `${urlPrefix}filtre`, `${urlPrefix}page`] as const;
  const [url, setUrl] = useUrlFilters(keys);
  const sort = url[keys[0]];
  const search = url[keys[1]];
  const page = Math.max(1, Number(url[keys[2]]) || 1);

  const shown = useMemo(() => {
    const needle = normalise(search.trim());
    let out = needle && searchText ? rows.filter((r) => normalise(searchText(r)).includes(needle)) : [...rows];
    const column = columns.find((c) => c.key === sort.replace(/^-/, ''));
    if (column?.sortBy) {
      const sign = sort.startsWith('-') ? -1 : 1;
      const by = column.sortBy;
      out = out.sort((a, b) => sign * compare(by(a), by(b)));
    }
    return out;
  }, [rows, columns, sort, search, searchText]);

  if (rows.length === 0) return <Empty>{empty}</Empty>;
  const count = total ?? shown.length;
  const pages = pageSize ? Math.max(1, Math.ceil(count / pageSize)) : 1;
  const current = total === undefined ? Math.min(page, pages) : page;
  const visible = pageSize && total === undefined ? shown.slice((current - 1) * pageSize, current * pageSize) : shown;

  const toggle = (key: string) =>
    setUrl({ [keys[0]]: sort === key ? `-${key}` : sort === `-${key}` ? null : key, [keys[2]]: null });

  return (
    <>
      {(searchText || csvName) && (
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          {searchText ? (
            <TextInput
              label={searchLabel}
              type="search"
              value={search}
              onChange={(e) => setUrl({ [keys[1]]: e.currentTarget.value, [keys[2]]: null })}
              maw={320}
            />
          ) : (
            <span />
          )}
          {csvName && (
            <Button variant="default" size="sm" onClick={() => download(csvName, toCsv(shown, columns))}>
              Exporter (CSV)
            </Button>
          )}
        </Group>
      )}
      {shown.length === 0 ? (
        <Empty>Aucune ligne ne correspond à « {search} ».</Empty>
      ) : (
        <StackTable striped={striped} highlightOnHover={highlightOnHover} mb={mb}>
          {showCaption ? (
            <Table.Caption>{caption}</Table.Caption>
          ) : (
            <caption>
              <VisuallyHidden>{caption}</VisuallyHidden>
            </caption>
          )}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const direction = sort === c.key ? 'ascending' : sort === `-${c.key}` ? 'descending' : undefined;
                return (
                  <Table.Th
                    key={c.key}
                    scope="col"
                    ta={c.align}
                    aria-sort={c.sortBy ? (direction ?? 'none') : undefined}
                  >
                    {c.sortBy ? (
                      <UnstyledButton onClick={() => toggle(c.key)} fw={700} fz="sm">
                        {c.header}
                        <span aria-hidden="true">
                          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                        </span>
                      </UnstyledButton>
                    ) : c.hideHeader ? (
                      <VisuallyHidden>{c.header}</VisuallyHidden>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={rowKey(r)} {...rowProps?.(r)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <Table.Th key={c.key} scope="row" ta={c.align} fw={500}>
                      {c.cell(r)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c.key} ta={c.align}>
                      {c.cell(r)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
            {footer}
          </Table.Tbody>
        </StackTable>
      )}
      {pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {count} ligne{count > 1 ? 's' : ''}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={(p) => setUrl({ [keys[2]]: p === 1 ? null : String(p) })}
            getControlProps={(control) => ({
              'aria-label': {
                first: 'Première page',
                previous: 'Page précédente',
                next: 'Page suivante',
                last: 'Dernière page',
              }[control],
            })}
          />
        </Group>
      )}
    </>
  );
}
