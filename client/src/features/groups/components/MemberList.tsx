import type { GroupMember } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { EmptyState } from '../../../components/ui/EmptyState';
import { OrganisationKindLabel } from '../../organisations/components/OrganisationKindLabel';

/** The members of a group, facilitators first (the server's order is kept). */
export function MemberList({ members, currentUserId }: { members: GroupMember[]; currentUserId: string }) {
  const { t } = useTranslation();
  if (members.length === 0) {
    return (
      <EmptyState title={t('group.members.emptyTitle')} headingLevel={3}>
        <p>{t('group.members.emptyText')}</p>
      </EmptyState>
    );
  }
  return (
    <ul className="member-list">
      {members.map((member) => (
        <li key={member.userId} className="member-card">
          <div className="member-card__head">
            <span className="member-card__name">
              {member.displayName}
              {member.userId === currentUserId && (
                <span className="member-card__you"> {t('group.members.you')}</span>
              )}
            </span>
            <Badge tone={member.role === 'facilitator' ? 'info' : 'neutral'}>
              {t(`roles.${member.role}`)}
            </Badge>
          </div>
          {member.jobTitle && <span className="member-card__job">{member.jobTitle}</span>}
          {member.organisation ? (
            <span className="member-card__org">
              {member.organisation.name} · <OrganisationKindLabel kind={member.organisation.kind} />
            </span>
          ) : (
            <span className="member-card__org muted">{t('group.members.noOrganisation')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
