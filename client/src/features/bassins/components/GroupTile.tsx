import type { GroupSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { Icon } from '../../../components/ui/Icon';
import cardLink from '../../../styles/card-link.module.css';
import styles from './bassins.module.css';

interface GroupTileProps {
  group: GroupSummary;
  bassinName: string;
  canOpen: boolean;
}

/** One of a bassin's three groups: a link when the user may open it, plain text with a reason otherwise. */
export function GroupTile({ group, bassinName, canOpen }: GroupTileProps) {
  const { t } = useTranslation();
  const kind = t(`groupKinds.${group.kind}`);
  return (
    <li
      className={`${styles.groupTile}${group.isMember ? ` group-tile--mine ${styles.groupTileMine}` : ''}${canOpen ? ` ${styles.groupTileOpen}` : ''}`}
    >
      <div className={styles.groupTileMain}>
        {canOpen ? (
          <Link
            href={`/groupes/${group.id}`}
            className={`${styles.groupTileName} ${styles.groupTileLink} ${cardLink.cardLink}`}
          >
            <span className="visually-hidden">{bassinName} – </span>
            {kind}
          </Link>
        ) : (
          <span className={styles.groupTileName}>
            <Icon name="lock" className={styles.groupTileLock} />
            {kind}
          </span>
        )}
        <span className={styles.groupTileCount}>
          {t('bassins.memberCount', { count: group.memberCount })}
        </span>
        {!canOpen && <span className="visually-hidden">{t('bassins.membersOnly')}</span>}
      </div>
      {group.isMember && (
        <Badge tone="accent">
          <span aria-hidden="true">★ </span>
          {group.myRole === 'facilitator' ? t('bassins.myGroupFacilitator') : t('bassins.myGroup')}
        </Badge>
      )}
    </li>
  );
}
