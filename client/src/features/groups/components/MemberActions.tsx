import type { GroupMember, MembershipRole } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import {
  Menu,
  MenuItem,
  MenuPopover,
  MenuSection,
  MenuSeparator,
  MenuTrigger,
} from '../../../components/ui/Menu';

type ActionId = 'make-facilitator' | 'make-member' | 'remove';

interface MemberActionsProps {
  member: GroupMember;
  /** The member is the signed-in user: removing becomes leaving. */
  isSelf: boolean;
  /** Naming or demoting facilitators, and removing another facilitator, is the coordination's call. */
  mayManageFacilitators: boolean;
  isPending?: boolean;
  onChangeRole: (role: MembershipRole) => void;
  onRemove: () => void;
}

/**
 * The menu of what the signed-in user may do with one member. It offers only what the server would accept,
 * and is left out when nothing is allowed (another facilitator, for a facilitator who is not coordination).
 */
export function MemberActions({
  member,
  isSelf,
  mayManageFacilitators,
  isPending,
  onChangeRole,
  onRemove,
}: MemberActionsProps) {
  const { t } = useTranslation();
  const mayRemove = isSelf || member.role !== 'facilitator' || mayManageFacilitators;
  if (!mayManageFacilitators && !mayRemove) return null;

  return (
    <MenuTrigger>
      <Button
        size="sm"
        aria-label={t('group.members.actionsFor', { name: member.displayName })}
        isPending={isPending}
      >
        {t('common.actions')} <span aria-hidden="true">▾</span>
      </Button>
      <MenuPopover>
        <Menu
          onAction={(key) => {
            const action = key as ActionId;
            if (action === 'make-facilitator') onChangeRole('facilitator');
            if (action === 'make-member') onChangeRole('member');
            if (action === 'remove') onRemove();
          }}
        >
          {mayManageFacilitators && (
            <MenuSection>
              {member.role === 'member' ? (
                <MenuItem id="make-facilitator">{t('group.members.makeFacilitator')}</MenuItem>
              ) : (
                <MenuItem id="make-member">{t('group.members.makeMember')}</MenuItem>
              )}
            </MenuSection>
          )}
          {mayManageFacilitators && mayRemove && <MenuSeparator />}
          {mayRemove && (
            <MenuSection>
              <MenuItem id="remove" className="menu__item--danger">
                {isSelf ? t('group.members.leave') : t('group.members.remove')}
              </MenuItem>
            </MenuSection>
          )}
        </Menu>
      </MenuPopover>
    </MenuTrigger>
  );
}
