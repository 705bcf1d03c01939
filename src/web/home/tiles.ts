import { formatCents, formatDateTime, frenchMonth } from '../../shared/format';
import type { HomeTile, HomeTileKey } from '../../shared/reporting';
import { TO_VALIDATE_FILTER } from '../../shared/timesheets';
import { OPEN_TIMESHEETS } from '../timesheets/months';

export type { HomeTile } from '../../shared/reporting';

const monthName = frenchMonth;

type TileText = {
  label: string;
  hint?: (t: HomeTile) => string | undefined;
  to: (t: HomeTile) => string;
  action: string;
};

/**
 * What each tile says and where its one click leads: the page that acts, already filtered (UX.md: each morning
 * starts from the home page). Paths are relative to the area's base URL.
 */
export const TILE_TEXT: Record<HomeTileKey, TileText> = {
  shifts_open_72h: {
    label: 'Créneaux à pourvoir dans les 72 h',
    to: () => 'planning',
    action: 'Trouver un remplaçant',
  },
  needs_to_claim: {
    label: 'Besoins à prendre en charge',
    // A passed deadline is said as such: the network may now route the need to another structure.
    hint: (t) =>
      !t.deadlineAt
        ? undefined
        : new Date(t.deadlineAt).getTime() <= Date.now()
          ? `Échéance dépassée depuis le ${formatDateTime(t.deadlineAt)}`
          : `Première échéance : ${formatDateTime(t.deadlineAt)}`,
    to: () => 'besoins?status=new',
    action: 'Voir les besoins',
  },
  proposals_pending: {
    label: 'Propositions sans réponse',
    to: () => 'planning',
    action: 'Relancer ou proposer à un autre',
  },
  contracts_to_sign: {
    label: 'Contrats de mise à disposition à signer',
    to: () => 'contrats',
    action: 'Voir les contrats',
  },
  pass_ending_90d: {
    label: 'PASS IAE finissant dans les 90 jours',
    to: () => 'salaries?pass=soon',
    action: 'Voir les salarié·es',
  },
  prolongations_to_request: {
    label: 'Prolongations de PASS à demander (30 jours)',
    to: () => 'salaries?pass=soon',
    action: 'Préparer la demande',
  },
  interviews_due: {
    label: 'Entretiens de suivi à prévoir',
    hint: () => 'Pas d’entretien depuis plus de 3 mois',
    to: () => 'salaries?status=active',
    action: 'Voir les parcours',
  },
  health_visits_due: {
    label: 'Visites médicales à prévoir (30 jours)',
    to: () => 'salaries?status=active',
    action: 'Voir les salarié·es',
  },
  exits_to_record: {
    label: 'Sorties à enregistrer',
    hint: () => 'Contrat terminé, sortie non saisie',
    to: () => 'salaries?status=active',
    action: 'Enregistrer les sorties',
  },
  timesheets_to_validate: {
    label: 'Relevés d’heures à faire valider',
    to: () => `releves?month=${OPEN_TIMESHEETS}&status=${TO_VALIDATE_FILTER}`,
    action: 'Voir les relevés',
  },
  timesheets_disputed: {
    label: 'Relevés contestés',
    to: () => `releves?month=${OPEN_TIMESHEETS}&status=disputed`,
    action: 'Régler les contestations',
  },
  month_close: {
    label: 'Clôture du mois',
    hint: (t) =>
      t.month
        ? `${monthName(t.month)} : ${t.state === 'done' ? 'clôturé' : t.state === 'running' ? 'clôture en cours' : 'à clôturer'}`
        : undefined,
    to: (t) => `cloture${t.month ? `?month=${t.month}` : ''}`,
    action: 'Ouvrir la clôture',
  },
  invoices_overdue: {
    label: 'Factures en retard de paiement',
    hint: (t) => (t.amountCents ? `${formatCents(t.amountCents)} à relancer` : undefined),
    to: () => 'factures?status=overdue',
    action: 'Relancer',
  },
  client_next_shifts: { label: 'Vos créneaux des 7 prochains jours', to: () => 'planning', action: 'Voir le planning' },
  client_timesheets_to_validate: {
    label: 'Relevés d’heures à valider',
    // The tile counts the timesheets sent to the client; the list opens on those, not on the month in progress.
    to: () => `releves?month=${OPEN_TIMESHEETS}&status=sent`,
    action: 'Valider les heures',
  },
  client_invoices_unpaid: {
    label: 'Factures à régler',
    hint: (t) => (t.amountCents ? `${formatCents(t.amountCents)} au total` : undefined),
    to: () => 'factures?status=unpaid',
    action: 'Voir les factures',
  },
};
