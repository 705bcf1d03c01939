import { lazyPage, type WebModule } from '../shell/module';

const NewQuotePage = lazyPage(() => import('./NewQuotePage'), 'NewQuotePage');
const ContractPage = lazyPage(() => import('./ContractPage'), 'ContractPage');
const ContractsPage = lazyPage(() => import('./ContractsPage'), 'ContractsPage');
const PublicQuotePage = lazyPage(() => import('./PublicQuotePage'), 'PublicQuotePage');
const QuotePage = lazyPage(() => import('./QuotePage'), 'QuotePage');
const QuotesPage = lazyPage(() => import('./QuotesPage'), 'QuotesPage');
const RatesPage = lazyPage(() => import('./RatesPage'), 'RatesPage');

/** The quotes pages: see src/server/modules/quotes for the API they use. */
export const quotesWeb: WebModule = {
  publicRoutes: [{ path: 'devis/reponse/:token', element: <PublicQuotePage /> }],
  backOffice: {
    routes: [
      { path: 'devis', element: <QuotesPage /> },
      { path: 'devis/nouveau', element: <NewQuotePage /> },
      { path: 'devis/:quoteId', element: <QuotePage /> },
      { path: 'contrats', element: <ContractsPage /> },
      { path: 'contrats/:placementContractId', element: <ContractPage /> },
      { path: 'tarifs', element: <RatesPage /> },
    ],
    nav: [
      { label: 'Devis', to: 'devis', action: 'quote.read' },
      { label: 'Contrats', to: 'contrats', action: 'placement_contract.read' },
      { label: 'Tarifs', to: 'tarifs', action: 'rate.read' },
    ],
  },
  portal: {
    routes: [
      { path: 'devis', element: <QuotesPage /> },
      { path: 'devis/:quoteId', element: <QuotePage /> },
      { path: 'contrats', element: <ContractsPage /> },
      { path: 'contrats/:placementContractId', element: <ContractPage /> },
    ],
    nav: [
      { label: 'Mes devis', to: 'devis', action: 'quote.read' },
      { label: 'Mes contrats', to: 'contrats', action: 'placement_contract.read' },
    ],
  },
};
