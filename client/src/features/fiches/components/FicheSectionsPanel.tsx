import { ficheSections } from '@affluents/editor/template';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UnstyledButton } from '../../../components/ui';
import './fiche-page.css';

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
      <h2 id={headingId} className="side-panel__title">
        {t('fiches.sections.title')}
      </h2>
      <p className="muted side-panel__intro">
        {t('fiches.sections.progress', { count: filledCount, total: ficheSections.length })}
      </p>
      <ol className="section-list">
        {ficheSections.map((section) => {
          const filled = !empty.has(section.key);
          return (
            <li
              key={section.key}
              className={`section-item section-item--${filled ? 'filled' : 'empty'}`}
              data-section={section.key}
            >
              <UnstyledButton className="section-item__button" onPress={() => onSelect?.(section.key)}>
                <span className="section-item__mark" aria-hidden="true">
                  {filled ? '✓' : ''}
                </span>
                <span className="section-item__title">{section.title}</span>
                <span className="section-item__state">
                  {filled ? t('fiches.sections.filled') : t('fiches.sections.empty')}
                  {section.required && (
                    <span className="section-item__required">{t('fiches.sections.required')}</span>
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
