import { Table, type TableProps } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';

/**
 * A table that becomes a list of stacked rows on a phone (theme.css, `.stack-on-phone`, under 36em): each cell
 * shows its column's header before its value, so that nothing is wider than a 360 px screen and every action
 * stays in reach. On a wider screen it is a plain table. The headers are copied into `data-label` after each
 * render (columns may come and go with the role).
 */
export function StackTable({ className, ...props }: TableProps) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      let column = 0;
      for (const cell of row.children) {
        const label = headers[column];
        if (label && (cell as HTMLTableCellElement).colSpan === 1) cell.setAttribute('data-label', label);
        column += (cell as HTMLTableCellElement).colSpan || 1;
      }
    }
  });
  return <Table ref={ref} className={['stack-on-phone', className].filter(Boolean).join(' ')} {...props} />;
}
