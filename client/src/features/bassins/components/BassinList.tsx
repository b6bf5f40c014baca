import type { BassinSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import styles from './bassins.module.css';
import { GroupTile } from './GroupTile';

interface BassinListProps {
  bassins: BassinSummary[];
  /** Whether the user may open a group's home (members, and coordination for every group). */
  canOpenGroup: (groupId: string) => boolean;
}

/** Every bassin as a card with its three groups; the user's own groups stand out with a badge. */
export function BassinList({ bassins, canOpenGroup }: BassinListProps) {
  const { t } = useTranslation();
  return (
    <ul className={`bassin-grid ${styles.bassinGrid}`}>
      {bassins.map((bassin) => {
        const headingId = `bassin-${bassin.id}`;
        const mine = bassin.groups.some((g) => g.isMember);
        return (
          <li
            key={bassin.id}
            className={`bassin-card ${styles.bassinCard}${mine ? ` ${styles.bassinCardMine}` : ''}`}
          >
            <section aria-labelledby={headingId}>
              <div className={styles.bassinCardHeader}>
                <h3 id={headingId} className={`bassin-card__title ${styles.bassinCardTitle}`}>
                  {bassin.name}
                </h3>
                {bassin.archivedAt && <Badge tone="warning">{t('bassins.archived')}</Badge>}
              </div>
              {bassin.groups.length === 0 ? (
                <p className="muted">{t('bassins.noGroups')}</p>
              ) : (
                <ul className={styles.groupList}>
                  {bassin.groups.map((group) => (
                    <GroupTile
                      key={group.id}
                      group={group}
                      bassinName={bassin.name}
                      canOpen={canOpenGroup(group.id)}
                    />
                  ))}
                </ul>
              )}
            </section>
          </li>
        );
      })}
    </ul>
  );
}
