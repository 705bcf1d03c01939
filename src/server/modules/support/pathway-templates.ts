/** Pathway templates (PRODUCT.md: "the care pathway … immersion PMSMP → training → missions → VAE → hire"). */
export type PathwayTemplate = { key: string; title: string; steps: { kind: string; label: string }[] };

export const PATHWAY_TEMPLATES: PathwayTemplate[] = [
  {
    key: 'ehpad',
    title: 'Parcours EHPAD',
    steps: [
      { kind: 'immersion', label: 'Immersion (PMSMP) en EHPAD' },
      { kind: 'training', label: 'Formation adaptée (gestes et postures, hygiène, bientraitance)' },
      { kind: 'missions', label: 'Missions en EHPAD (agent de service, aide en cuisine, soins d’hygiène)' },
      { kind: 'vae', label: 'VAE du diplôme d’aide-soignant·e' },
      { kind: 'hire', label: 'Embauche par l’établissement' },
    ],
  },
  {
    key: 'proprete',
    title: 'Parcours propreté',
    steps: [
      { kind: 'immersion', label: 'Immersion (PMSMP) dans une entreprise de propreté' },
      { kind: 'training', label: 'Formation agent·e de propreté et d’hygiène' },
      { kind: 'missions', label: 'Missions d’entretien des locaux' },
      { kind: 'hire', label: 'Embauche en CDI ou CDD de 6 mois et plus' },
    ],
  },
];

export const findTemplate = (key: string) => PATHWAY_TEMPLATES.find((t) => t.key === key);
