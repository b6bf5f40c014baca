import type { GroupKind, OrganisationKind, PlatformRole } from '@affluents/contracts';

/**
 * Invented demo content, in French (the personas of the README, the terms of docs/GLOSSARY.md): the nine IBEFE bassins, a dozen structures and the
 * personas. No real person is named; organisation names are made up.
 */

export const DEMO_PASSWORD = 'affluents-demo';

export const demoBassins = [
  'Brabant wallon',
  'Hainaut Centre',
  'Hainaut Sud',
  'Huy-Waremme',
  'Liège',
  'Luxembourg',
  'Namur',
  'Verviers',
  'Wallonie picarde',
] as const;
type DemoBassin = (typeof demoBassins)[number];

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  bassin: DemoBassin;
  street: string;
  postalCode: string;
  city: string;
  sectors: string[];
  publics: string[];
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'horizon',
    name: 'CISP Horizon Emploi',
    kind: 'cisp',
    bassin: 'Hainaut Sud',
    street: 'Rue de la Montagne 42',
    postalCode: '6000',
    city: 'Charleroi',
    sectors: ['bureautique', 'numérique'],
    publics: ["demandeurs d'emploi peu qualifiés", 'femmes'],
  },
  {
    key: 'sambre',
    name: 'EFT Les Jardins de la Sambre',
    kind: 'eft',
    bassin: 'Hainaut Sud',
    street: 'Chemin du Halage 7',
    postalCode: '6031',
    city: 'Monceau-sur-Sambre',
    sectors: ['horticulture', 'maraîchage'],
    publics: ["demandeurs d'emploi peu qualifiés", 'jeunes'],
  },
  {
    key: 'senne',
    name: 'Ressourcerie du Val de Senne',
    kind: 'ressourcerie',
    bassin: 'Brabant wallon',
    street: 'Rue des Frères Taymans 18',
    postalCode: '1480',
    city: 'Tubize',
    sectors: ['recyclage', 'logistique'],
    publics: ["demandeurs d'emploi peu qualifiés"],
  },
  {
    key: 'federation',
    name: 'Fédération des Initiatives Solidaires',
    kind: 'federation',
    bassin: 'Namur',
    street: 'Avenue des Acacias 3',
    postalCode: '5000',
    city: 'Namur',
    sectors: [],
    publics: [],
  },
  {
    key: 'cpas',
    name: 'CPAS de Val-des-Meuses',
    kind: 'cpas',
    bassin: 'Namur',
    street: 'Place communale 1',
    postalCode: '5100',
    city: 'Jambes',
    sectors: [],
    publics: ['bénéficiaires du CPAS'],
  },
  {
    key: 'fournil',
    name: 'EFT Le Fournil Solidaire',
    kind: 'eft',
    bassin: 'Liège',
    street: 'Rue Saint-Léonard 120',
    postalCode: '4000',
    city: 'Liège',
    sectors: ['HORECA'],
    publics: ['jeunes', 'personnes primo-arrivantes'],
  },
  {
    key: 'possibles',
    name: "CISP L'Atelier des Possibles",
    kind: 'cisp',
    bassin: 'Namur',
    street: 'Rue de Dave 210',
    postalCode: '5100',
    city: 'Jambes',
    sectors: ['aide à domicile'],
    publics: ['femmes'],
  },
  {
    key: 'neteclat',
    name: "Net'Éclat Insertion",
    kind: 'ei',
    bassin: 'Hainaut Centre',
    street: 'Rue Albert Ier 15',
    postalCode: '7100',
    city: 'La Louvière',
    sectors: ['nettoyage'],
    publics: ["demandeurs d'emploi peu qualifiés"],
  },
  {
    key: 'bocage',
    name: 'ETA Les Ateliers du Bocage',
    kind: 'eta',
    bassin: 'Luxembourg',
    street: 'Zoning du Wex 4',
    postalCode: '6900',
    city: 'Marche-en-Famenne',
    sectors: ['logistique'],
    publics: ['personnes en situation de handicap'],
  },
  {
    key: 'proxi',
    name: 'ILDE Proxi-Services',
    kind: 'ilde',
    bassin: 'Verviers',
    street: 'Rue Spintay 31',
    postalCode: '4800',
    city: 'Verviers',
    sectors: ['aide à domicile'],
    publics: ['femmes', "demandeurs d'emploi peu qualifiés"],
  },
  {
    key: 'tremplin',
    name: 'CISP Tremplin Picard',
    kind: 'cisp',
    bassin: 'Wallonie picarde',
    street: 'Quai Notre-Dame 9',
    postalCode: '7500',
    city: 'Tournai',
    sectors: ['numérique'],
    publics: ['jeunes'],
  },
  {
    key: 'baticoeur',
    name: 'EFT Bâti-Cœur',
    kind: 'eft',
    bassin: 'Huy-Waremme',
    street: 'Rue du Marché 5',
    postalCode: '4500',
    city: 'Huy',
    sectors: ['construction'],
    publics: ["demandeurs d'emploi peu qualifiés"],
  },
  {
    key: 'recyclerie',
    name: 'La Recyclerie namuroise',
    kind: 'ressourcerie',
    bassin: 'Namur',
    street: 'Rue de la Gare fleurie 16',
    postalCode: '5000',
    city: 'Namur',
    sectors: ['recyclage'],
    publics: ['personnes en situation de handicap'],
  },
];

export interface DemoPerson {
  email: string;
  displayName: string;
  jobTitle: string | null;
  organisation: string | null;
  platformRole: PlatformRole | null;
  groups: Array<{ bassin: DemoBassin; kind: GroupKind; role: 'member' | 'facilitator' }>;
}

export const demoPeople: DemoPerson[] = [
  {
    email: 'admin@affluents.test',
    displayName: 'Équipe Affluents',
    jobTitle: 'Administration de la plateforme',
    organisation: null,
    platformRole: 'admin',
    groups: [],
  },
  {
    email: 'amina@affluents.test',
    displayName: 'Amina Lahlou',
    jobTitle: 'Assistante sociale',
    organisation: 'horizon',
    platformRole: null,
    groups: [{ bassin: 'Hainaut Sud', kind: 'social_workers', role: 'member' }],
  },
  {
    email: 'marc@affluents.test',
    displayName: 'Marc Delvaux',
    jobTitle: 'Directeur',
    organisation: 'sambre',
    platformRole: null,
    groups: [{ bassin: 'Hainaut Sud', kind: 'managers', role: 'member' }],
  },
  {
    email: 'julie@affluents.test',
    displayName: 'Julie Mertens',
    jobTitle: 'Encadrante technique',
    organisation: 'senne',
    platformRole: null,
    groups: [{ bassin: 'Brabant wallon', kind: 'encadrants', role: 'member' }],
  },
  {
    email: 'sophie@affluents.test',
    displayName: 'Sophie Lambert',
    jobTitle: 'Animatrice des groupes namurois',
    organisation: 'federation',
    platformRole: null,
    groups: [
      { bassin: 'Namur', kind: 'social_workers', role: 'facilitator' },
      { bassin: 'Namur', kind: 'managers', role: 'facilitator' },
      { bassin: 'Namur', kind: 'encadrants', role: 'facilitator' },
    ],
  },
  {
    email: 'nadia@affluents.test',
    displayName: 'Nadia Vandenbergh',
    jobTitle: "Agente d'insertion au CPAS",
    organisation: 'cpas',
    platformRole: null,
    groups: [],
  },
  // Colleagues so that group homes are not empty.
  {
    email: 'thomas@affluents.test',
    displayName: 'Thomas Dubois',
    jobTitle: 'Éducateur',
    organisation: 'sambre',
    platformRole: null,
    groups: [{ bassin: 'Hainaut Sud', kind: 'social_workers', role: 'member' }],
  },
  {
    email: 'ines@affluents.test',
    displayName: 'Inès Moreau',
    jobTitle: 'Intervenante sociale',
    organisation: 'horizon',
    platformRole: null,
    groups: [{ bassin: 'Hainaut Sud', kind: 'social_workers', role: 'facilitator' }],
  },
  {
    email: 'claire@affluents.test',
    displayName: 'Claire Renard',
    jobTitle: 'Assistante sociale',
    organisation: 'possibles',
    platformRole: null,
    groups: [{ bassin: 'Namur', kind: 'social_workers', role: 'member' }],
  },
  {
    email: 'olivier@affluents.test',
    displayName: 'Olivier Lejeune',
    jobTitle: 'Formateur',
    organisation: 'recyclerie',
    platformRole: null,
    groups: [{ bassin: 'Namur', kind: 'encadrants', role: 'member' }],
  },
];
