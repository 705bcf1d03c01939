import { lazyPage, type WebModule } from '../shell/module';

const ExportsPage = lazyPage(() => import('./BillingPages'), 'ExportsPage');
const InvoicePage = lazyPage(() => import('./BillingPages'), 'InvoicePage');
const InvoicesPage = lazyPage(() => import('./BillingPages'), 'InvoicesPage');
const MonthClosePage = lazyPage(() => import('./BillingPages'), 'MonthClosePage');

/** The billing pages: see src/server/modules/billing and payroll for the API they use. */
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
