import type { FicheStatus, GroupKind } from '@affluents/contracts';

/**
 * The French words of domain values for what the server writes itself (mails, PDFs, Markdown, calendar
 * files). The one server copy; the interface has its own in the client locales (i18n-ready there).
 */

/** The three exchange groups of a bassin. */
export const groupKindLabels: Record<GroupKind, string> = {
  social_workers: 'Travailleurs sociaux',
  managers: 'Responsables d’entreprises',
  encadrants: 'Personnel encadrant',
};

/** The lifecycle of a fiche action. */
export const ficheStatusLabels: Record<FicheStatus, string> = {
  draft: 'Brouillon',
  review: 'En relecture',
  published: 'Publiée',
  archived: 'Archivée',
};

/** The label of `value`, or `value` itself when it has none (a value read from a query or a row). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}
