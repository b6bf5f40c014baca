import type { BassinSummary, GroupSummary } from '@affluents/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { EmptyState } from '../../../components/ui/EmptyState';
import cardLink from '../../../styles/card-link.module.css';
import styles from './bassins.module.css';

/** The "Mes groupes" summary at the top of the home page. */
export function MyGroups({ bassins, isCoordination }: { bassins: BassinSummary[]; isCoordination: boolean }) {
  const { t } = useTranslation();
  const mine = bassins.flatMap((bassin) =>
    bassin.groups.filter((g) => g.isMember).map((group) => ({ group, bassinName: bassin.name })),
  );

  return (
    <section aria-labelledby="my-groups-title" className={styles.myGroups}>
      <h2 id="my-groups-title">{t('bassins.myGroupsTitle')}</h2>
      {mine.length === 0 ? (
        <EmptyState title={t('bassins.noGroupTitle')} icon="mail">
          <p>{isCoordination ? t('bassins.noGroupCoordination') : t('bassins.noGroupText')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.myGroupsList}>
          {mine.map(({ group, bassinName }) => (
            <MyGroupItem key={group.id} group={group} bassinName={bassinName}>
              {t('bassins.memberCount', { count: group.memberCount })}
            </MyGroupItem>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One of my groups as a card leading to its page: its bassin, its kind, then `children` (what the list
 * says of it: its members on the bassins page, its unread messages on the home page) and my role.
 */
export function MyGroupItem({
  group,
  bassinName,
  className,
  children,
}: {
  group: GroupSummary;
  bassinName: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className={`${styles.myGroupsItem} ${className ?? ''}`}>
      <Link href={`/groupes/${group.id}`} className={`${styles.myGroupsLink} ${cardLink.cardLink}`}>
        <span className={styles.myGroupsBassin}>{bassinName}</span>
        <span className={styles.myGroupsKind}>{t(`groupKinds.${group.kind}`)}</span>
      </Link>
      <span className={styles.myGroupsMeta}>
        {children}
        {group.myRole === 'facilitator' && <Badge tone="info">{t('roles.facilitator')}</Badge>}
      </span>
    </li>
  );
}
