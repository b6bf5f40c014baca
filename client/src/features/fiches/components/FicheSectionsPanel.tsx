import { ficheSections } from '@affluents/editor/template';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { UnstyledButton } from '../../../components/ui';
import pageStyles from './fiche-page.module.css';

interface FicheSectionsPanelProps {
  /** Keys of the template sections that have no text yet (live, from the shared document). */
  emptySections: readonly string[];
  /** Brings the text to a section's heading. */
  onSelect?: (sectionKey: string) => void;
}

/** The template's sections with, for each, whether it is filled, required ones marked. */
export function FicheSectionsPanel({ emptySections, onSelect }: FicheSectionsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const empty = new Set(emptySections);
  const filledCount = ficheSections.filter((s) => !empty.has(s.key)).length;
  return (
    <section className="side-panel__section" aria-labelledby={headingId}>
      <h2 id={headingId} className={sidePanel.title}>
        {t('fiches.sections.title')}
      </h2>
      <p className={`muted ${sidePanel.intro}`}>
        {t('fiches.sections.progress', { count: filledCount, total: ficheSections.length })}
      </p>
      <ol className={pageStyles.sectionList}>
        {ficheSections.map((section) => {
          const filled = !empty.has(section.key);
          return (
            <li
              key={section.key}
              className={`section-item section-item--${filled ? `filled ${pageStyles.sectionItemFilled}` : 'empty'}`}
              data-section={section.key}
            >
              <UnstyledButton
                className={pageStyles.sectionItemButton}
                onPress={() => onSelect?.(section.key)}
              >
                <span className={pageStyles.sectionItemMark} aria-hidden="true">
                  {filled ? '✓' : ''}
                </span>
                <span className={pageStyles.sectionItemTitle}>{section.title}</span>
                <span className={pageStyles.sectionItemState}>
                  {filled ? t('fiches.sections.filled') : t('fiches.sections.empty')}
                  {section.required && (
                    <span className={pageStyles.sectionItemRequired}>{t('fiches.sections.required')}</span>
                  )}
                </span>
              </UnstyledButton>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
