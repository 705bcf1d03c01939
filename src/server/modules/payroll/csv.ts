type Cell = string | number | null | undefined;

/** A plain number as text ("-7,50", "+3"): a value for the spreadsheet, not a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be run as a formula by Excel or LibreOffice when the export is opened (a worker
 * named `=HYPERLINK(…)` in the payroll file). Such a cell gets a leading single quote, shown as text; numbers stay.
 */
export function csvSafeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * CSV for French spreadsheets and payroll software: ';' separator, UTF-8 with BOM, CRLF, quoted when needed,
 * formulas neutralised. Every CSV Passerelle writes goes through this function.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : csvSafeText(v);
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** Hours with a decimal comma and two decimals: 7,50. */
export const decimalHours = (minutes: number) => (minutes / 60).toFixed(2).replace('.', ',');
