import { lazyPage, type WebModule } from '../shell/module';

const ExportsPage = lazyPage(() => import('./ExportsPage'), 'ExportsPage');
const InvoicePage = lazyPage(() => import('./InvoicePage'), 'InvoicePage');
const InvoicesPage = lazyPage(() => import('./InvoicesPage'), 'InvoicesPage');
const MonthClosePage = lazyPage(() => import('./MonthClosePage'), 'MonthClosePage');

/**
 * The billing pages (one file per page, named after it): see src/shared/billing.ts, individuals.ts and payroll.ts
 * for the API they call. The individuals' panels (ClientIndividualPanel…) are shown inside the client record and
 * the invoice page.
 */
export const billingWeb: WebModule = {
  backOffice: {
    routes: [
      { path: 'cloture', element: <MonthClosePage /> },
      { path: 'factures', element: <InvoicesPage /> },
      { path: 'factures/:invoiceId', element: <InvoicePage /> },
      { path: 'exports', element: <ExportsPage /> },
    ],
    nav: [
      { label: 'Clôture du mois', to: 'cloture', action: 'month.close' },
      { label: 'Factures', to: 'factures', action: 'invoice.read' },
      { label: 'Exports', to: 'exports', action: 'export.read' },
    ],
  },
  portal: {
    routes: [
      { path: 'factures', element: <InvoicesPage /> },
      { path: 'factures/:invoiceId', element: <InvoicePage /> },
    ],
    nav: [{ label: 'Mes factures', to: 'factures', action: 'invoice.read' }],
  },
};
