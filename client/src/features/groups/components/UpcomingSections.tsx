import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/EmptyState';
import type { IconName } from '../../../components/ui/Icon';

// Discussions have their own section now (features/discussions).
const sections = ['meetings'] as const;
const icons: Record<(typeof sections)[number], IconName> = {
  meetings: 'calendar',
};

/**
 * The group's working spaces. They are not open yet: each says plainly what it will hold and what
 * the group can do in the meantime, instead of showing sample content.
 */
export function UpcomingSections() {
  const { t } = useTranslation();
  return (
    <div className="section-grid">
      {sections.map((key) => (
        <section key={key} className="panel" aria-labelledby={`section-${key}`}>
          <h2 id={`section-${key}`} className="panel__title">
            {t(`group.sections.${key}.title`)}
          </h2>
          <EmptyState title={t(`group.sections.${key}.emptyTitle`)} icon={icons[key]}>
            <p>{t(`group.sections.${key}.emptyText`)}</p>
          </EmptyState>
        </section>
      ))}
    </div>
  );
}
