import { type GroupDetail, type MembershipRole, membershipRoles } from '@affluents/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField } from '../../../components/ui/SelectField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCan } from '../../auth/hooks';
import { UserPicker } from '../../users/components/UserPicker';
import { useAddMember } from '../hooks';

/**
 * For the coordination: puts someone who already has an account straight into the group, without the
 * invitation email that people without an account need.
 */
export function AddMemberDialog({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const add = useAddMember();
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<MembershipRole>('member');
  const groupLabel = t(`groupKinds.${group.kind}`);
  const memberIds = useMemo(() => new Set(group.members.map((m) => m.userId)), [group.members]);
  const mayNameFacilitator = can('group.facilitators.manage', { groupId: group.id });
  const roleOptions = membershipRoles
    .filter((r) => r === 'member' || mayNameFacilitator)
    .map((r) => ({ id: r, label: t(`roles.${r}`) }));

  return (
    <ModalDialog
      title={t('group.members.addDialog.title')}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Form
        className="form"
        validationErrors={isApiError(add.error) ? add.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          if (!userId) return;
          add.mutate(
            { groupId: group.id, userId, role },
            {
              onSuccess: (member) => {
                notify.success(t('group.members.added', { name: member.displayName, group: groupLabel }));
                onClose();
              },
            },
          );
        }}
      >
        <p className="muted">
          {t('group.members.addDialog.intro', { group: groupLabel, bassin: group.bassin.name })}
        </p>
        <UserPicker
          label={t('group.members.addDialog.account')}
          value={userId}
          onChange={setUserId}
          isRequired
          unavailable={{ ids: memberIds, reason: t('group.members.addDialog.alreadyMember') }}
        />
        <SelectField
          name="role"
          label={t('group.members.addDialog.role')}
          options={roleOptions}
          value={role}
          onChange={(v) => setRole((v as MembershipRole | null) ?? 'member')}
          description={mayNameFacilitator ? undefined : t('group.members.addDialog.roleHelp')}
        />
        <FormError
          message={
            add.error
              ? errorMessage(add.error, { conflict: t('group.members.addDialog.alreadyMemberError') })
              : null
          }
        />
        <div className="dialog__actions">
          <Button onPress={onClose} isDisabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={add.isPending}>
            {t('group.members.addDialog.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
