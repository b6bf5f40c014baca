import type { GroupSummary } from '@affluents/contracts';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Icon } from '../../../components/ui/Icon';
import cardLink from '../../../styles/card-link.module.css';

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
      className={`group-tile${group.isMember ? ' group-tile--mine' : ''}${canOpen ? ' group-tile--open' : ''}`}
    >
      <div className="group-tile__main">
        {canOpen ? (
          <Link
            href={`/groupes/${group.id}`}
            className={`group-tile__name group-tile__link ${cardLink.cardLink}`}
          >
            <span className="visually-hidden">{bassinName} – </span>
            {kind}
          </Link>
        ) : (
          <span className="group-tile__name">
            <Icon name="lock" className="group-tile__lock" />
            {kind}
          </span>
        )}
        <span className="group-tile__count">{t('bassins.memberCount', { count: group.memberCount })}</span>
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
