/**
 * The imports' contract, shared by the server and the web app: what can be imported, the columns each kind
 * reads (with the header names AIs' files actually use), the presets, and the shapes of the answers.
 */
import { z } from 'zod';
import { endpoint } from './http.js';

export const IMPORT_KINDS = ['workers', 'clients', 'contracts', 'missions', 'hours'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  workers: 'Salarié·es en insertion (identité, PASS IAE, contrat de travail)',
  clients: 'Clients (utilisateurs) et leur contact',
  contracts: 'Contrats de mise à disposition déjà signés (importez d’abord les clients et les salarié·es)',
  missions: 'Missions et créneaux réguliers (importez d’abord les contrats)',
  hours: 'Heures déjà travaillées ce mois-ci (importez d’abord les missions)',
};

/**
 * The IAE administrative criteria as les emplois de l'inclusion names them (gip-inclusion/les-emplois,
 * itou/eligibility/enums.py, AdministrativeCriteriaKind.for_iae()), accepted in the workers' eligibility column by
 * code or by label. ZRR and QPV are one criterion in Passerelle (zrr_qpv_resident).
 */
export const ELIGIBILITY_CRITERIA_OF_LES_EMPLOIS = {
  RSA: { criterion: 'rsa', label: 'Bénéficiaire du RSA' },
  ASS: { criterion: 'ass', label: 'Allocataire ASS' },
  AAH: { criterion: 'aah', label: 'Allocation aux adultes handicapés' },
  DETLD: { criterion: 'very_long_term_unemployed', label: 'Demandeur d’emploi de très longue durée (+24 mois)' },
  CAP_BEP: { criterion: 'low_qualification', label: 'Niveau d’étude 3 (CAP, BEP) ou infra' },
  SENIOR: { criterion: 'senior_50', label: 'Senior (+ de 50 ans)' },
  JEUNE: { criterion: 'young_26', label: 'Jeune (- de 26 ans)' },
  ASE: { criterion: 'ase_leaver', label: 'Aide sociale à l’enfance' },
  DELD: { criterion: 'long_term_unemployed', label: 'Demandeur d’emploi de longue durée (12-24 mois)' },
  TH: { criterion: 'disabled_worker', label: 'Travailleur handicapé' },
  PI: { criterion: 'single_parent', label: 'Parent isolé' },
  PSH_PR: {
    criterion: 'homeless',
    label: 'Personne sans hébergement ou hébergée ou ayant un parcours de rue',
  },
  REF_DA: {
    criterion: 'refugee',
    label: 'Réfugié statutaire, bénéficiaire d’une protection temporaire, protégé subsidiaire ou demandeur d’asile',
  },
  ZRR: { criterion: 'zrr_qpv_resident', label: 'Résident ZRR' },
  QPV: { criterion: 'zrr_qpv_resident', label: 'Résident QPV' },
  DETENTION_MJ: {
    criterion: 'under_justice',
    label: 'Sortant de détention ou personne placée sous main de justice',
  },
  FLE: { criterion: 'french_below_a1', label: 'Maîtrise de la langue française' },
  PM: { criterion: 'mobility_problem', label: 'Problème de mobilité' },
} as const;
export const ELIGIBILITY_CRITERIA_CODES = Object.keys(ELIGIBILITY_CRITERIA_OF_LES_EMPLOIS);

export type ImportField = {
  key: string;
  label: string;
  required: boolean;
  /** What the cell holds, for the mapping step and the template. */
  hint: string;
  /** Header names (compared without accents, case or punctuation) recognised without any mapping. */
  aliases: string[];
  /** An example value for the downloadable template. */
  example: string;
};

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  workers: [
    {
      key: 'lastName',
      label: 'Nom',
      required: true,
      hint: 'Nom de famille',
      aliases: ['nom', 'nom de famille', 'nom candidat', 'nom salarie'],
      example: 'Diallo',
    },
    {
      key: 'firstName',
      label: 'Prénom',
      required: true,
      hint: 'Prénom usuel',
      aliases: ['prenom', 'prenom candidat', 'prenom salarie'],
      example: 'Awa',
    },
    {
      key: 'birthDate',
      label: 'Date de naissance',
      required: true,
      hint: 'JJ/MM/AAAA',
      aliases: ['date de naissance', 'naissance', 'date de naissance candidat', 'ne le', 'nee le'],
      example: '14/03/1988',
    },
    {
      key: 'email',
      label: 'E-mail',
      required: false,
      hint: 'Adresse e-mail',
      aliases: ['email', 'e mail', 'courriel', 'email candidat', 'adresse email', 'adresse e mail'],
      example: 'awa.diallo@example.org',
    },
    {
      key: 'phone',
      label: 'Téléphone',
      required: false,
      hint: 'Portable de préférence',
      aliases: ['telephone', 'tel', 'portable', 'telephone candidat', 'mobile'],
      example: '06 12 34 56 78',
    },
    {
      key: 'addressLine',
      label: 'Adresse',
      required: false,
      hint: 'Numéro et rue',
      aliases: ['adresse', 'adresse postale', 'rue'],
      example: '12 rue des Écoles',
    },
    {
      key: 'postalCode',
      label: 'Code postal',
      required: false,
      hint: '5 chiffres',
      aliases: ['code postal', 'cp', 'code postal candidat', 'departement candidat'],
      example: '94000',
    },
    {
      key: 'communeName',
      label: 'Commune',
      required: false,
      hint: 'Nom de la commune, avec le code postal (facultatif si ce code ne sert qu’une commune)',
      aliases: ['commune', 'ville', 'ville candidat', 'localite'],
      example: 'Créteil',
    },
    {
      key: 'communeCode',
      label: 'Code commune INSEE',
      required: false,
      hint: '5 caractères ; sinon code postal + commune',
      aliases: ['code commune', 'code insee', 'insee', 'code commune insee'],
      example: '94028',
    },
    {
      key: 'jobs',
      label: 'Métiers (codes ROME)',
      required: false,
      hint: 'Codes ROME séparés par des virgules',
      aliases: ['metiers', 'metier', 'codes rome', 'code rome', 'rome'],
      example: 'K2204, G1603',
    },
    {
      key: 'passNumber',
      label: 'Numéro de PASS IAE',
      required: false,
      hint: '12 caractères',
      aliases: ['numero pass iae', 'pass iae', 'numero de pass iae', 'n pass iae', 'pass'],
      example: '999992612345',
    },
    {
      key: 'passStartDate',
      label: 'Début du PASS IAE',
      required: false,
      hint: 'JJ/MM/AAAA',
      aliases: ['debut pass iae', 'date debut pass iae', 'debut du pass iae', 'date de debut du pass iae'],
      example: '01/09/2026',
    },
    {
      key: 'passEndDate',
      label: 'Fin du PASS IAE',
      required: false,
      hint: 'JJ/MM/AAAA (calculée si absente)',
      aliases: ['fin pass iae', 'date fin pass iae', 'fin du pass iae', 'date de fin du pass iae'],
      example: '31/08/2028',
    },
    {
      key: 'hiredOn',
      label: 'Date d’embauche',
      required: false,
      hint: 'JJ/MM/AAAA',
      aliases: ['date d embauche', 'date embauche', 'embauche le', 'dates de debut d embauche', 'debut d embauche'],
      example: '01/09/2026',
    },
    {
      key: 'contractKind',
      label: 'Type de contrat',
      required: false,
      hint: 'CDDU, CDDI ou CDI inclusion',
      aliases: ['type de contrat', 'contrat', 'nature du contrat'],
      example: 'CDDU',
    },
    {
      key: 'contractStartDate',
      label: 'Début du contrat',
      required: false,
      hint: 'JJ/MM/AAAA',
      aliases: ['debut du contrat', 'date debut contrat', 'debut contrat'],
      example: '01/09/2026',
    },
    {
      key: 'contractEndDate',
      label: 'Fin du contrat',
      required: false,
      hint: 'JJ/MM/AAAA (vide pour un CDI)',
      aliases: ['fin du contrat', 'date fin contrat', 'fin contrat'],
      example: '28/02/2027',
    },
    {
      key: 'weeklyHours',
      label: 'Heures par semaine',
      required: false,
      hint: 'Durée hebdomadaire du contrat, ex. 24 ou 17,5',
      aliases: ['heures par semaine', 'heures hebdomadaires', 'duree hebdomadaire', 'horaire hebdomadaire'],
      example: '24',
    },
    {
      key: 'eligibilityDate',
      label: 'Date du diagnostic d’éligibilité',
      required: false,
      hint: 'JJ/MM/AAAA ; données sensibles : importées seulement par une personne habilitée',
      aliases: ['date du diagnostic', 'date diagnostic', 'date du diagnostic d eligibilite', 'diagnostic le'],
      example: '20/08/2026',
    },
    {
      key: 'eligibilityAuthor',
      label: 'Auteur du diagnostic',
      required: false,
      hint: '« Prescripteur » (prescripteur habilité) ou « Structure » (l’AI elle-même)',
      aliases: ['auteur du diagnostic', 'auteur diagnostic', 'diagnostic etabli par', 'diagnostic realise par'],
      example: 'Prescripteur',
    },
    {
      key: 'eligibilityPrescriber',
      label: 'Organisation du prescripteur',
      required: false,
      hint: 'Quand un prescripteur habilité a établi le diagnostic (ex. France Travail Créteil)',
      aliases: ['organisation du prescripteur', 'organisme prescripteur', 'prescripteur habilite'],
      example: 'France Travail Créteil',
    },
    {
      key: 'eligibilityCriteria',
      label: 'Critères d’éligibilité',
      required: false,
      hint: `Obligatoires quand la structure établit elle-même le diagnostic ; codes des emplois de l’inclusion séparés par des points-virgules : ${ELIGIBILITY_CRITERIA_CODES.join(', ')}`,
      aliases: [
        'criteres',
        'criteres d eligibilite',
        'criteres administratifs',
        'criteres administratifs d eligibilite',
      ],
      example: '',
    },
    {
      key: 'eligibilityValidated',
      label: 'Éligibilité IAE validée',
      required: false,
      hint: 'Colonne « oui/non » de l’export des emplois de l’inclusion : signalée « à compléter », rien n’est enregistré',
      aliases: ['eligibilite iae validee', 'eligibilite validee'],
      example: '',
    },
    {
      key: 'applicationStatus',
      label: 'Statut de la candidature',
      required: false,
      hint: 'Seules les candidatures acceptées sont importées',
      aliases: ['statut de la candidature'],
      example: '',
    },
  ],
  clients: [
    {
      key: 'name',
      label: 'Nom',
      required: true,
      hint: 'Raison sociale, ou nom et prénom d’un particulier',
      aliases: ['nom', 'raison sociale', 'nom du client', 'client', 'denomination'],
      example: 'EHPAD Les Tilleuls',
    },
    {
      key: 'kind',
      label: 'Type de client',
      required: true,
      hint: 'Particulier, Association, Collectivité, Entreprise, Bailleur social, EHPAD, Médico-social, Établissement public',
      aliases: ['type', 'type de client', 'categorie'],
      example: 'EHPAD',
    },
    {
      key: 'legalForm',
      label: 'Forme juridique (code INSEE)',
      required: false,
      hint: 'Catégorie juridique INSEE, ex. 5710 (SAS) ou 9220 (association) ; vide : à compléter (480 h comptées d’ici là)',
      aliases: ['forme juridique', 'categorie juridique', 'code categorie juridique', 'code forme juridique'],
      example: '5710',
    },
    {
      key: 'siret',
      label: 'SIRET',
      required: false,
      hint: '14 chiffres (sauf particulier)',
      aliases: ['siret', 'n siret', 'numero siret'],
      example: '',
    },
    {
      key: 'addressLine',
      label: 'Adresse',
      required: false,
      hint: 'Numéro et rue',
      aliases: ['adresse', 'adresse postale', 'rue'],
      example: '3 avenue du Général de Gaulle',
    },
    {
      key: 'postalCode',
      label: 'Code postal',
      required: false,
      hint: '5 chiffres',
      aliases: ['code postal', 'cp'],
      example: '94000',
    },
    {
      key: 'communeName',
      label: 'Commune',
      required: false,
      hint: 'Nom de la commune, avec le code postal (facultatif si ce code ne sert qu’une commune)',
      aliases: ['commune', 'ville', 'localite'],
      example: 'Créteil',
    },
    {
      key: 'communeCode',
      label: 'Code commune INSEE',
      required: false,
      hint: '5 caractères ; sinon code postal + commune',
      aliases: ['code commune', 'code insee', 'insee', 'code commune insee'],
      example: '94028',
    },
    {
      key: 'siteName',
      label: 'Lieu d’intervention',
      required: false,
      hint: 'Un client a plusieurs lieux : répétez la ligne du client (même SIRET) avec un lieu par ligne',
      aliases: ['lieu d intervention', 'lieu', 'site', 'nom du site', 'nom du lieu', 'etablissement'],
      example: 'Bâtiment B',
    },
    {
      key: 'siteAddressLine',
      label: 'Adresse du lieu',
      required: false,
      hint: 'Numéro et rue du lieu d’intervention',
      aliases: ['adresse du lieu', 'adresse du site', 'adresse lieu d intervention'],
      example: '5 rue des Lilas',
    },
    {
      key: 'sitePostalCode',
      label: 'Code postal du lieu',
      required: false,
      hint: '5 chiffres (vide : celui du client)',
      aliases: ['code postal du lieu', 'code postal du site', 'cp du lieu'],
      example: '94000',
    },
    {
      key: 'siteCommuneName',
      label: 'Commune du lieu',
      required: false,
      hint: 'Vide : celle du client',
      aliases: ['commune du lieu', 'ville du lieu', 'commune du site', 'ville du site'],
      example: 'Créteil',
    },
    {
      key: 'contactName',
      label: 'Contact',
      required: true,
      hint: 'Nom de la personne à joindre',
      aliases: ['contact', 'nom du contact', 'interlocuteur', 'referent'],
      example: 'Mme Claire Martin',
    },
    {
      key: 'email',
      label: 'E-mail du contact',
      required: true,
      hint: 'Adresse e-mail',
      aliases: ['email', 'e mail', 'courriel', 'email du contact', 'adresse email'],
      example: 'direction@ehpad-tilleuls.example.org',
    },
    {
      key: 'phone',
      label: 'Téléphone',
      required: false,
      hint: 'Numéro du contact',
      aliases: ['telephone', 'tel', 'portable'],
      example: '01 45 67 89 10',
    },
    {
      key: 'billingEmail',
      label: 'E-mail de facturation',
      required: false,
      hint: 'Si différent du contact',
      aliases: ['email de facturation', 'email facturation', 'courriel facturation'],
      example: '',
    },
    {
      key: 'paymentTermsDays',
      label: 'Délai de paiement (jours)',
      required: false,
      hint: '0 à 60',
      aliases: ['delai de paiement', 'delai paiement', 'echeance'],
      example: '30',
    },
  ],
  contracts: [
    {
      key: 'clientSiret',
      label: 'SIRET du client',
      required: false,
      hint: 'Le client est trouvé par son SIRET, sinon par son nom',
      aliases: ['siret', 'siret du client', 'siret client'],
      example: '',
    },
    {
      key: 'clientName',
      label: 'Client',
      required: false,
      hint: 'Nom du client, tel qu’il est dans Passerelle',
      aliases: ['client', 'nom du client', 'utilisateur', 'raison sociale'],
      example: 'EHPAD Les Tilleuls',
    },
    {
      key: 'site',
      label: 'Lieu d’intervention',
      required: false,
      hint: 'Nom du lieu du client (vide : son premier lieu)',
      aliases: ['lieu d intervention', 'lieu', 'site', 'nom du site', 'nom du lieu'],
      example: 'EHPAD Les Tilleuls',
    },
    {
      key: 'paperNumber',
      label: 'Numéro du contrat',
      required: false,
      hint: 'Le numéro du contrat papier (gardé tel quel)',
      aliases: ['numero', 'numero du contrat', 'n contrat', 'reference'],
      example: 'MAD-2025-0042',
    },
    {
      key: 'jobs',
      label: 'Métiers (codes ROME)',
      required: true,
      hint: 'Codes ROME séparés par des virgules',
      aliases: ['metiers', 'metier', 'codes rome', 'code rome', 'rome'],
      example: 'K2204',
    },
    {
      key: 'tasks',
      label: 'Tâches',
      required: true,
      hint: 'Les tâches écrites au contrat',
      aliases: ['taches', 'missions', 'objet', 'description'],
      example: 'Entretien des chambres et des parties communes',
    },
    {
      key: 'startDate',
      label: 'Début',
      required: true,
      hint: 'JJ/MM/AAAA',
      aliases: ['debut', 'date de debut', 'du'],
      example: '01/09/2025',
    },
    {
      key: 'endDate',
      label: 'Fin',
      required: true,
      hint: 'JJ/MM/AAAA',
      aliases: ['fin', 'date de fin', 'au'],
      example: '31/08/2026',
    },
    {
      key: 'signedOn',
      label: 'Signé le',
      required: true,
      hint: 'JJ/MM/AAAA (au plus tard le premier jour)',
      aliases: ['signe le', 'date de signature', 'signature'],
      example: '28/08/2025',
    },
    {
      key: 'signedBy',
      label: 'Signé par',
      required: true,
      hint: 'Nom de la personne qui a signé pour le client',
      aliases: ['signe par', 'signataire'],
      example: 'Claire Martin',
    },
    {
      key: 'workers',
      label: 'Salarié·es nommé·es',
      required: false,
      hint: '« Prénom Nom » ou numéros de PASS IAE, séparés par des points-virgules',
      aliases: ['salaries', 'salaries nommes', 'intervenants', 'personnes'],
      example: 'Awa Diallo; Lucas Martin',
    },
    {
      key: 'equivalentPay',
      label: 'Salaire d’un salarié équivalent (€/h)',
      required: false,
      hint: 'Pour un client entreprise (R5132-20)',
      aliases: ['salaire equivalent', 'remuneration equivalente', 'salaire d un salarie equivalent'],
      example: '',
    },
    {
      key: 'commitmentNumber',
      label: 'Numéro d’engagement',
      required: false,
      hint: 'Pour un acheteur public (Chorus Pro)',
      aliases: ['numero d engagement', 'engagement', 'bon de commande'],
      example: '',
    },
  ],
  missions: [
    {
      key: 'contractNumber',
      label: 'Numéro du contrat',
      required: true,
      hint: 'Le numéro du contrat de mise à disposition dans Passerelle (ou celui du contrat papier importé)',
      aliases: ['numero du contrat', 'contrat', 'n contrat', 'numero de contrat', 'contrat de mise a disposition'],
      example: 'MAD-2025-0042',
    },
    {
      key: 'rome',
      label: 'Métier (code ROME)',
      required: true,
      hint: 'Code ROME du métier (ex. K2204)',
      aliases: ['metier', 'metier code rome', 'code rome', 'rome', 'poste'],
      example: 'K2204',
    },
    {
      key: 'startDate',
      label: 'Début de la mission',
      required: true,
      hint: 'JJ/MM/AAAA',
      aliases: ['debut de la mission', 'date de debut', 'debut mission'],
      example: '01/12/2026',
    },
    {
      key: 'endDate',
      label: 'Fin de la mission',
      required: true,
      hint: 'JJ/MM/AAAA',
      aliases: ['fin de la mission', 'date de fin', 'fin mission'],
      example: '31/05/2027',
    },
    {
      key: 'site',
      label: 'Lieu d’intervention',
      required: false,
      hint: 'Nom du lieu du client (vide : celui du contrat)',
      aliases: ['lieu d intervention', 'lieu', 'site', 'nom du site', 'nom du lieu'],
      example: '',
    },
    {
      key: 'weekdays',
      label: 'Jours',
      required: false,
      hint: 'Pour des créneaux réguliers : « lundi, mercredi » ou « du lundi au vendredi »',
      aliases: ['jours', 'jours de la semaine', 'jours travailles'],
      example: 'lundi, jeudi',
    },
    {
      key: 'startTime',
      label: 'Heure de début',
      required: false,
      hint: 'HH:MM',
      aliases: ['heure de debut', 'heure debut'],
      example: '08:00',
    },
    {
      key: 'endTime',
      label: 'Heure de fin',
      required: false,
      hint: 'HH:MM',
      aliases: ['heure de fin', 'heure fin'],
      example: '12:00',
    },
    {
      key: 'worker',
      label: 'Salarié·e',
      required: false,
      hint: 'Qui tient les créneaux réguliers : « Prénom Nom » ou numéro de PASS IAE (vide : créneaux à pourvoir)',
      aliases: ['salarie', 'salariee', 'intervenant', 'intervenante', 'numero pass iae', 'pass iae'],
      example: 'Awa Diallo',
    },
  ],
  hours: [
    {
      key: 'worker',
      label: 'Salarié·e',
      required: true,
      hint: '« Prénom Nom » ou numéro de PASS IAE',
      aliases: ['salarie', 'salariee', 'intervenant', 'intervenante', 'numero pass iae', 'pass iae'],
      example: 'Awa Diallo',
    },
    {
      key: 'contractNumber',
      label: 'Numéro du contrat',
      required: true,
      hint: 'Le numéro du contrat de mise à disposition dans Passerelle (ou celui du contrat papier importé)',
      aliases: ['numero du contrat', 'contrat', 'n contrat', 'numero de contrat', 'contrat de mise a disposition'],
      example: 'MAD-2025-0042',
    },
    {
      key: 'rome',
      label: 'Métier (code ROME)',
      required: false,
      hint: 'Utile quand le contrat a plusieurs missions',
      aliases: ['metier', 'metier code rome', 'code rome', 'rome', 'poste'],
      example: 'K2204',
    },
    {
      key: 'date',
      label: 'Date',
      required: true,
      hint: 'JJ/MM/AAAA, un jour de ce mois déjà passé',
      aliases: ['date', 'jour', 'date du creneau', 'date d intervention'],
      example: '02/11/2026',
    },
    {
      key: 'startTime',
      label: 'Heure de début',
      required: true,
      hint: 'HH:MM',
      aliases: ['heure de debut', 'heure debut', 'debut'],
      example: '08:00',
    },
    {
      key: 'endTime',
      label: 'Heure de fin',
      required: true,
      hint: 'HH:MM',
      aliases: ['heure de fin', 'heure fin', 'fin'],
      example: '12:00',
    },
  ],
};

export type ImportPreset = { id: string; label: string; kind: ImportKind; mapping: Record<string, string> };

/**
 * Files AIs actually have. The les emplois de l'inclusion preset follows the employer's export of job applications
 * (gip-inclusion/les-emplois, itou/job_applications/export.py, JOB_APPLICATION_CSV_HEADERS): its "Département
 * candidat" column holds the postcode, and only accepted applications are hires.
 */
export const IMPORT_PRESETS: ImportPreset[] = [
  {
    id: 'template-workers',
    label: 'Modèle Passerelle — salarié·es',
    kind: 'workers',
    mapping: Object.fromEntries(
      IMPORT_FIELDS.workers
        .filter((f) => f.key !== 'applicationStatus' && f.key !== 'eligibilityValidated')
        .map((f) => [f.key, f.label]),
    ),
  },
  {
    id: 'les-emplois',
    label: 'Les emplois de l’inclusion — export des candidatures',
    kind: 'workers',
    mapping: {
      lastName: 'Nom candidat',
      firstName: 'Prénom candidat',
      birthDate: 'Date de naissance candidat',
      email: 'Email candidat',
      phone: 'Téléphone candidat',
      communeName: 'Ville candidat',
      postalCode: 'Département candidat',
      passNumber: 'Numéro PASS IAE',
      passStartDate: 'Début PASS IAE',
      passEndDate: 'Fin PASS IAE',
      hiredOn: 'Dates de début d’embauche',
      applicationStatus: 'Statut de la candidature',
      // « oui/non » only, without author or date: reported « à compléter », no diagnosis is recorded from it.
      eligibilityValidated: 'Éligibilité IAE validée',
    },
  },
  {
    id: 'template-clients',
    label: 'Modèle Passerelle — clients',
    kind: 'clients',
    mapping: Object.fromEntries(IMPORT_FIELDS.clients.map((f) => [f.key, f.label])),
  },
  {
    id: 'template-contracts',
    label: 'Modèle Passerelle — contrats signés',
    kind: 'contracts',
    mapping: Object.fromEntries(IMPORT_FIELDS.contracts.map((f) => [f.key, f.label])),
  },
  {
    id: 'template-missions',
    label: 'Modèle Passerelle — missions et créneaux réguliers',
    kind: 'missions',
    mapping: Object.fromEntries(IMPORT_FIELDS.missions.map((f) => [f.key, f.label])),
  },
  {
    id: 'template-hours',
    label: 'Modèle Passerelle — heures travaillées',
    kind: 'hours',
    mapping: Object.fromEntries(IMPORT_FIELDS.hours.map((f) => [f.key, f.label])),
  },
];

/** Headers compared as people type them: no accents, case, apostrophes or punctuation. */
export const normaliseHeader = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The mapping guessed from a file's headers: each field to the first header among its label and aliases. */
export function guessMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const byNormal = new Map(headers.map((h) => [normaliseHeader(h), h]));
  const mapping: Record<string, string> = {};
  for (const field of IMPORT_FIELDS[kind]) {
    for (const name of [field.label, ...field.aliases]) {
      const header = byNormal.get(normaliseHeader(name));
      if (header) {
        mapping[field.key] = header;
        break;
      }
    }
  }
  return mapping;
}

export const ImportFileBody = z.strictObject({
  kind: z.enum(IMPORT_KINDS, 'Choisissez ce que vous importez.'),
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes in base64 (CSV or XLSX). */
  contentBase64: z.string().min(1, 'Choisissez un fichier.').max(14_000_000, 'Le fichier dépasse 10 Mo.'),
  /** Field key → header of the file; guessed from the headers when absent. */
  mapping: z.record(z.string().max(60), z.string().max(200)).optional(),
});
export type ImportFileInput = z.infer<typeof ImportFileBody>;

export const IMPORT_ROW_ACTIONS = ['create', 'skip', 'error'] as const;
export const IMPORT_ROW_ACTION_LABELS: Record<(typeof IMPORT_ROW_ACTIONS)[number], string> = {
  create: 'Créé',
  skip: 'Déjà présent',
  error: 'À corriger',
};

export const ImportRowView = z.object({
  line: z.number(),
  label: z.string(),
  action: z.enum(IMPORT_ROW_ACTIONS),
  messages: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRowView>;

export const ImportCounts = z.object({ create: z.number(), skip: z.number(), error: z.number() });

export const ImportPreviewView = z.object({
  kind: z.enum(IMPORT_KINDS),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  /** Required fields with no column: nothing can be checked until they are mapped. */
  missingFields: z.array(z.string()),
  counts: ImportCounts,
  rows: z.array(ImportRowView),
});
export type ImportPreview = z.infer<typeof ImportPreviewView>;

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export const ImportRunView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number(),
  done: z.number(),
  counts: ImportCounts,
  rows: z.array(ImportRowView),
  /** Why nothing was written, when failed. */
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRunView>;

const OrgParams = z.object({ orgId: z.uuid() });
export const ImportPresetsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(IMPORT_KINDS),
      mapping: z.record(z.string(), z.string()),
    }),
  ),
});

export const importsApi = {
  /** What importing a CSV or XLSX file would do, line by line (nothing is written). */
  preview: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/imports/preview',
    params: OrgParams,
    body: ImportFileBody,
    response: ImportPreviewView,
  }),
  /** Imports a file: every line is written, or none; the import runs on and is followed with `get`. */
  start: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/imports',
    params: OrgParams,
    body: ImportFileBody,
    status: 202,
    response: z.object({ id: z.string() }),
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/imports',
    params: OrgParams,
    response: z.object({ items: z.array(ImportRunView), total: z.number() }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/imports/:importId',
    params: OrgParams.extend({ importId: z.uuid() }),
    response: ImportRunView,
  }),
  presets: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/imports/presets',
    params: OrgParams,
    response: ImportPresetsView,
  }),
  /** The generic template of a kind of import (a file: link to it with `urlOf`). */
  template: {
    method: 'GET',
    path: '/api/orgs/:orgId/imports/templates/:kind',
    params: OrgParams.extend({ kind: z.enum(IMPORT_KINDS) }),
    query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
  },
  /** All the organisation's data: one CSV per table in a zip, with a README of the columns (a file). */
  exportAll: { method: 'GET', path: '/api/orgs/:orgId/export', params: OrgParams },
} as const;
