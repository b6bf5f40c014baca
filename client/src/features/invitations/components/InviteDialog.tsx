import { type MembershipRole, membershipRoles } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField, type SelectOption } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { email as emailRule } from '../../../lib/validators';
import { useCan } from '../../auth/hooks';
import { OrganisationPicker } from '../../organisations/components/OrganisationPicker';
import { useCreateInvitation } from '../hooks';

interface InviteDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The group to invite into; when absent, the dialog asks for one among `groupOptions`. */
  groupId?: string;
  groupOptions?: SelectOption[];
}

/** Invites an email address into a group, with a role and optionally the person's organisation. */
export function InviteDialog({ isOpen, onOpenChange, groupId, groupOptions = [] }: InviteDialogProps) {
  const { t } = useTranslation();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const create = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('member');
  const [chosenGroup, setChosenGroup] = useState<string | null>(groupId ?? null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const { reset } = create;

  useEffect(() => {
    if (isOpen) {
      setEmail('');
      setRole('member');
      setChosenGroup(groupId ?? null);
      setOrganisationId(null);
      setMessage('');
      reset();
    }
  }, [isOpen, groupId, reset]);

  const targetGroup = groupId ?? chosenGroup;
  // Naming facilitators is the coordination's call (shared policy); others invite members only.
  const mayNameFacilitator = can('group.facilitators.manage', { groupId: targetGroup ?? undefined });
  const roleOptions = membershipRoles
    .filter((r) => r === 'member' || mayNameFacilitator)
    .map((r) => ({ id: r, label: t(`roles.${r}`) }));

  return (
    <ModalDialog title={t('invitations.dialog.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(create.error) ? create.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          if (!targetGroup) return;
          create.mutate(
            {
              email: email.trim(),
              groupId: targetGroup,
              role,
              organisationId,
              message: message.trim() || undefined,
            },
            {
              onSuccess: (invitation) => {
                notify.success(t('invitations.dialog.sent', { email: invitation.email }));
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <p className="muted">{t('invitations.dialog.intro')}</p>
        {!groupId && (
          <SelectField
            name="groupId"
            label={t('invitations.dialog.group')}
            options={groupOptions}
            value={chosenGroup}
            onChange={setChosenGroup}
            isRequired
            placeholder={t('invitations.dialog.chooseGroup')}
            validate={(v) => (v ? null : t('validation.required'))}
          />
        )}
        <TextField
          name="email"
          type="email"
          label={t('invitations.dialog.email')}
          value={email}
          onChange={setEmail}
          isRequired
          autoComplete="off"
          validate={emailRule(t)}
        />
        <SelectField
          name="role"
          label={t('invitations.dialog.role')}
          options={roleOptions}
          value={role}
          onChange={(v) => setRole((v as MembershipRole) ?? 'member')}
          description={mayNameFacilitator ? undefined : t('invitations.dialog.roleHelp')}
        />
        <OrganisationPicker
          value={organisationId}
          onChange={setOrganisationId}
          label={t('invitations.dialog.organisation')}
          description={t('invitations.dialog.organisationHelp')}
        />
        <TextField
          name="message"
          label={t('invitations.dialog.message')}
          description={t('invitations.dialog.messageHelp')}
          value={message}
          onChange={setMessage}
        />
        <FormError message={create.error ? errorMessage(create.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('invitations.dialog.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
