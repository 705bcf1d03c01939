import { lazyPage, type WebModule } from '../shell/module';

const AccessPage = lazyPage(() => import('./AccessPage'), 'AccessPage');
const AccessCodePage = lazyPage(() => import('./AccessCodePage'), 'AccessCodePage');
const ForgotPasswordPage = lazyPage(() => import('./PasswordPages'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./PasswordPages'), 'ResetPasswordPage');
const TeamPage = lazyPage(() => import('./TeamPage'), 'TeamPage');
const AccountPage = lazyPage(() => import('./AccountPage'), 'AccountPage');

/** Getting in and managing who gets in: see src/server/modules/accounts (team-routes.ts). */
export const accountsWeb: WebModule = {
  publicRoutes: [
    { path: '/acces/:token', element: <AccessPage /> },
    { path: '/code', element: <AccessCodePage /> },
    { path: '/mot-de-passe-oublie', element: <ForgotPasswordPage /> },
    { path: '/mot-de-passe/:token', element: <ResetPasswordPage /> },
  ],
  backOffice: {
    routes: [
      { path: 'equipe', element: <TeamPage /> },
      { path: 'mon-compte', element: <AccountPage /> },
    ],
    nav: [
      { label: 'Équipe', to: 'equipe', action: 'member.manage' },
      { label: 'Mon compte', to: 'mon-compte', action: 'organisation.read' },
    ],
  },
  network: {
    routes: [
      { path: 'equipe', element: <TeamPage /> },
      { path: 'mon-compte', element: <AccountPage /> },
    ],
    nav: [
      { label: 'Équipe du réseau', to: 'equipe', action: 'network.member.manage' },
      { label: 'Mon compte', to: 'mon-compte', action: 'network.read' },
    ],
  },
};
