/** CSV for French spreadsheets and payroll software: ';' separator, UTF-8 with BOM, CRLF, quoted when needed. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** Hours with a decimal comma and two decimals: 7,50. */
export const decimalHours = (minutes: number) => (minutes / 60).toFixed(2).replace('.', ',');
