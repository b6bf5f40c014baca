/** One section of the fiche action template (docs/GLOSSARY.md): a level-2 heading in the shared document. */
export interface FicheSection {
  /** Stable key stored on the heading, so renaming the French title never breaks the typing. */
  key: string;
  title: string;
  /** Short French hint shown in the empty paragraph under the heading. */
  hint: string;
  /** A fiche cannot go to review while a required section is empty. */
  required: boolean;
  /** Level-3 sub-headings that structure the section. */
  parts?: Array<{ key: string; title: string; hint: string }>;
}

/** The sections of a good-practice sheet, in order, as the sector writes them. */
export const ficheSections: readonly FicheSection[] = [
  {
    key: 'objectifs',
    title: 'Objectifs',
    hint: 'Que voulait-on atteindre ? Pour qui, et pourquoi maintenant ?',
    required: true,
  },
  {
    key: 'contexte',
    title: 'Contexte',
    hint: 'La situation de départ : le territoire, le besoin constaté, ce qui existait déjà.',
    required: true,
  },
  {
    key: 'dispositif',
    title: 'Dispositif / action mis en place',
    hint: 'Ce qui a été fait, étape par étape, et qui l’a fait.',
    required: true,
  },
  {
    key: 'public',
    title: 'Public bénéficiaire',
    hint: 'Les personnes concernées : profil, nombre, conditions d’accès.',
    required: true,
  },
  {
    key: 'partenariat',
    title: 'Partenariat',
    hint: 'Avec qui ?',
    required: false,
    parts: [
      { key: 'partenaires', title: 'Présentation des partenaires', hint: 'Les structures associées.' },
      { key: 'roles', title: 'Rôle des partenaires', hint: 'Qui fait quoi.' },
    ],
  },
  {
    key: 'moyens',
    title: 'Moyens mis en œuvre',
    hint: 'Humains, matériels, financiers.',
    required: false,
  },
  {
    key: 'resultats',
    title: 'Résultats',
    hint: 'Ce qui a changé.',
    required: true,
    parts: [
      { key: 'quantitatifs', title: 'Quantitatifs', hint: 'Chiffres : personnes formées, mises à l’emploi…' },
      { key: 'qualitatifs', title: 'Qualitatifs', hint: 'Témoignages, effets observés.' },
    ],
  },
  {
    key: 'specificites',
    title: 'Spécificités',
    hint: 'Les valeurs qui portent l’action.',
    required: false,
  },
  {
    key: 'essaimage',
    title: 'Essaimage',
    hint: 'Comment refaire ailleurs ?',
    required: false,
    parts: [
      { key: 'reussite', title: 'Facteurs de réussite', hint: 'Ce qui a fait la différence.' },
      { key: 'freins', title: 'Freins et difficultés', hint: 'Ce qui a coincé, et comment le contourner.' },
    ],
  },
  {
    key: 'contact',
    title: 'Pour en savoir plus',
    hint: 'Interlocuteur, fonction, téléphone, courriel, site internet.',
    required: true,
  },
];

/** Keys of the sections that must be filled before review. */
export const requiredSectionKeys = ficheSections.filter((s) => s.required).map((s) => s.key);
