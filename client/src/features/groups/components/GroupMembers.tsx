import type { GroupDetail, GroupMember, MembershipRole } from '@affluents/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCan, useCurrentUser } from '../../auth/hooks';
import { useRemoveMember, useUpdateMember } from '../hooks';
import { AddMemberDialog } from './AddMemberDialog';
import { MemberActions } from './MemberActions';
import { MemberList } from './MemberList';
import styles from './members.module.css';

interface GroupMembersProps {
  group: GroupDetail;
  /** The heading of the panel; the member count follows it. */
  title: string;
  headingLevel?: 2 | 3;
  className?: string;
  /** Called once the signed-in user has left the group. */
  onLeft?: () => void;
}

/**
 * A group's members, and for those the shared policy allows: a menu per member (name or demote a facilitator,
 * remove someone, leave) and, for the coordination, adding an existing account. Used on the group's home and
 * in the administration.
 */
export function GroupMembers({ group, title, headingLevel = 2, className, onLeft }: GroupMembersProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useCurrentUser();
  const errorMessage = useErrorMessage();
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<GroupMember | null>(null);
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const target = { groupId: group.id };
  const mayManage = can('group.members.manage', target);
  const mayManageFacilitators = can('group.facilitators.manage', target);
  // Searching accounts is the coordination's: facilitators bring people in with an invitation instead.
  const mayAdd = mayManage && can('user.list') && !group.archivedAt;
  const groupLabel = t(`groupKinds.${group.kind}`);
  const Heading = `h${headingLevel}` as const;
  const leaving = removing !== null && removing.userId === me?.id;

  const changeRole = (member: GroupMember, role: MembershipRole) =>
    update.mutate(
      { groupId: group.id, userId: member.userId, role },
      {
        onSuccess: (saved) =>
          notify.success(
            t(role === 'facilitator' ? 'group.members.nowFacilitator' : 'group.members.nowMember', {
              name: saved.displayName,
              group: groupLabel,
            }),
          ),
        onError: (error) =>
          notify.error(
            t('group.members.roleChangeFailed', { name: member.displayName }),
            errorMessage(error),
          ),
      },
    );

  const confirmRemoval = () => {
    if (!removing) return;
    const member = removing;
    const wasSelf = leaving;
    remove.mutate(
      { groupId: group.id, userId: member.userId },
      {
        onSuccess: () => {
          const names = { name: member.displayName, group: groupLabel, bassin: group.bassin.name };
          notify.success(wasSelf ? t('group.members.left', names) : t('group.members.removed', names));
          setRemoving(null);
          if (wasSelf) onLeft?.();
          // The removed member's menu button is gone: keep keyboard focus in the list, not on the page body.
          else window.setTimeout(() => headingRef.current?.focus(), 0);
        },
      },
    );
  };

  return (
    <section className={['panel', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className={`toolbar ${styles.membersToolbar}`}>
        <Heading id={headingId} ref={headingRef} tabIndex={-1} className="panel__title toolbar__title">
          {title} <span className="count">({group.memberCount})</span>
        </Heading>
        {mayAdd && (
          <Button size="sm" onPress={() => setAdding(true)}>
            {t('group.members.add')}
          </Button>
        )}
      </div>
      <MemberList
        members={group.members}
        currentUserId={me?.id ?? ''}
        emptyHeadingLevel={headingLevel === 2 ? 3 : 4}
        renderActions={
          mayManage
            ? (member) => (
                <MemberActions
                  member={member}
                  isSelf={member.userId === me?.id}
                  mayManageFacilitators={mayManageFacilitators}
                  isPending={update.isPending && update.variables?.userId === member.userId}
                  onChangeRole={(role) => changeRole(member, role)}
                  onRemove={() => {
                    remove.reset();
                    setRemoving(member);
                  }}
                />
              )
            : undefined
        }
      />
      <ConfirmDialog
        title={
          removing === null
            ? ''
            : leaving
              ? t('group.members.leaveTitle', { group: groupLabel })
              : t('group.members.removeTitle', { name: removing.displayName })
        }
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        confirmLabel={leaving ? t('group.members.leave') : t('group.members.remove')}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={confirmRemoval}
      >
        <p>
          {leaving
            ? t('group.members.leaveText', { group: groupLabel, bassin: group.bassin.name })
            : t('group.members.removeText', {
                name: removing?.displayName ?? '',
                group: groupLabel,
                bassin: group.bassin.name,
              })}
        </p>
      </ConfirmDialog>
      {adding && <AddMemberDialog group={group} onClose={() => setAdding(false)} />}
    </section>
  );
}
