import type { GroupMember } from '@affluents/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { EmptyState } from '../../../components/ui/EmptyState';
import { OrganisationKindLabel } from '../../organisations/components/OrganisationKindLabel';
import styles from './members.module.css';

interface MemberListProps {
  members: GroupMember[];
  currentUserId: string;
  /** What the signed-in user may do with a member (a menu), for those allowed to manage the group. */
  renderActions?: (member: GroupMember) => ReactNode;
  emptyHeadingLevel?: 3 | 4;
}

/** The members of a group, facilitators first (the server's order is kept). */
export function MemberList({
  members,
  currentUserId,
  renderActions,
  emptyHeadingLevel = 3,
}: MemberListProps) {
  const { t } = useTranslation();
  if (members.length === 0) {
    return (
      <EmptyState title={t('group.members.emptyTitle')} headingLevel={emptyHeadingLevel}>
        <p>{t('group.members.emptyText')}</p>
      </EmptyState>
    );
  }
  return (
    <ul className={styles.memberList}>
      {members.map((member) => (
        <li
          key={member.userId}
          className={`member-card ${styles.memberCard}${renderActions ? ` ${styles.memberCardIsActions}` : ''}`}
        >
          <div className={styles.memberCardHead}>
            <span className={styles.memberCardName}>
              {member.displayName}
              {member.userId === currentUserId && (
                <span className={styles.memberCardYou}> {t('group.members.you')}</span>
              )}
            </span>
            <Badge tone={member.role === 'facilitator' ? 'info' : 'neutral'}>
              {t(`roles.${member.role}`)}
            </Badge>
          </div>
          {member.jobTitle && <span className={styles.memberCardJob}>{member.jobTitle}</span>}
          {member.organisation ? (
            <span className={`member-card__org ${styles.memberCardOrg}`}>
              {member.organisation.name} · <OrganisationKindLabel kind={member.organisation.kind} />
            </span>
          ) : (
            <span className={`member-card__org ${styles.memberCardOrg} muted`}>
              {t('group.members.noOrganisation')}
            </span>
          )}
          {renderActions && <div className={styles.memberCardActions}>{renderActions(member)}</div>}
        </li>
      ))}
    </ul>
  );
}
