import type { UrssafRequestState } from '../schema.js';

/**
 * The statuses of a payment request and the reasons of a refusal, as URSSAF's « API Tiers de prestation »
 * documentation (v1.1.7, § 4.3 "Statuts de la demande de paiement") lists them, in French for the accountant.
 */
export const URSSAF_STATUSES: Record<string, { label: string; state: UrssafRequestState; help: string }> = {
  '10': { label: 'Intégrée', state: 'sent', help: 'L’URSSAF a reçu et accepté la demande.' },
  '20': {
    label: 'En attente de validation',
    state: 'sent',
    help: 'Le client a été prévenu : il doit valider la demande (sans réponse sous 48 h, elle est validée).',
  },
  '30': { label: 'Validée', state: 'sent', help: 'Le client a validé ; le prélèvement de sa part est lancé.' },
  '40': { label: 'Refusée', state: 'refused', help: 'Le client a refusé la demande de paiement.' },
  '50': { label: 'Prélevée', state: 'sent', help: 'Le prélèvement de la part du client est en cours.' },
  '60': {
    label: 'En refus de prélèvement',
    state: 'sent',
    help: 'Le prélèvement du client est revenu impayé : l’URSSAF le relance.',
  },
  '70': { label: 'Payée', state: 'paid', help: 'L’URSSAF a payé la facture à la structure.' },
  '110': { label: 'Annulée', state: 'cancelled', help: 'Annulée à la demande motivée de la structure.' },
  '111': { label: 'Annulée après impayé', state: 'cancelled', help: 'Annulée après un impayé du client.' },
  '112': {
    label: 'Annulée après recouvrement',
    state: 'cancelled',
    help: 'Annulée après recouvrement par la structure.',
  },
  '120': { label: 'Recouvrée', state: 'cancelled', help: 'L’impayé a été recouvré par la structure.' },
};

/** Reasons a client gives when refusing (infoRejet.code), same source. */
export const URSSAF_REJECT_REASONS: Record<string, string> = {
  REGUL_MNT_FACT: 'Régularisation : erreur sur le montant facturé ou sur le tarif indiqué',
  REGUL_NB_QTE_FACT: 'Régularisation : nombre d’heures ou quantités facturées erronés',
  REGUL_PRESTA_FACT: 'Régularisation : erreur sur les prestations facturées',
  REGUL_AUTRE: 'Régularisation : autre motif',
  CONTEST_ERR_FACT: 'Contestation : la facture comporte une erreur',
  CONTEST_FACT_REGLEE: 'Contestation : la facture a déjà été réglée',
  CONTEST_AUTRE: 'Contestation : autre motif',
  ANNUL_DBL: 'Annulation : demande de paiement en doublon',
  ANNUL_ERR_MNT: 'Annulation : montant facturé erroné',
  ANNUL_ERR_TECH: 'Annulation : erreur technique',
  ANNUL_AUTRE: 'Annulation : autre motif',
};

/** Validation errors of the API (code → what to do), the ones an accountant can act on. */
export const URSSAF_ERRORS: Record<string, string> = {
  ERR_PARTICULIER_INCONNU: 'Client inconnu de l’URSSAF, ou sa date de naissance ne correspond pas.',
  ERR_LIEN_PARTICULIER_PRESTATAIRE:
    'Le client n’a pas encore activé son compte en ligne URSSAF, ou la période n’est pas couverte.',
  ERR_FACTURE_DOUBLON: 'Cette facture a déjà été transmise à l’URSSAF.',
  ERR_PERIODE_EMPLOI_MOIS_NON_UNIQUE: 'La période facturée s’étend sur deux mois.',
  ERR_TOTAL_PRESTATIONS: 'Le total des prestations diffère du montant de la facture.',
  ERR_DATE_FUTUR: 'La période d’emploi est dans le futur.',
  ERR_CMPT_BLOQUE: 'Le compte URSSAF du client est bloqué : la demande ne peut aboutir.',
  ERR_DGFIP_R2P_INCONNU: 'L’administration fiscale ne reconnaît pas cette identité : vérifiez l’état civil.',
  ERR_DGFIP_IMPOTPART_INCONNU:
    'Le client doit avoir déjà fait une déclaration de revenus pour bénéficier de l’avance immédiate.',
  ERR_COORDONNEES_BANCAIRES: 'Le BIC ou l’IBAN est invalide.',
  ERR_LIEN_TIERS_PRESTATION_PARTICULIER_EXISTE: 'Ce client est déjà inscrit par la structure.',
  ERR_CONTACT: 'Téléphone portable, e-mail ou adresse incomplets ou invalides.',
  ERREUR_VALIDATION: 'Les informations envoyées ne respectent pas les formats attendus.',
};

export const statusLabel = (code: string | null) => (code ? (URSSAF_STATUSES[code]?.label ?? `Statut ${code}`) : null);
export const rejectReason = (code: string | null) => (code ? (URSSAF_REJECT_REASONS[code] ?? `Motif ${code}`) : null);
export const errorReason = (code: string | null, message: string | null) =>
  code ? (URSSAF_ERRORS[code] ?? message ?? code) : message;
/** The local state a URSSAF status moves a request to (unknown codes keep it followed). */
export const stateOf = (code: string): UrssafRequestState => URSSAF_STATUSES[code]?.state ?? 'sent';
