import {
  type PlatformRole,
  platformRoles,
  type UpdateUserRequest,
  type UserAdminView,
} from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Checkbox } from '../../../components/ui/Checkbox';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useCan, useCurrentUser } from '../../auth/hooks';
import { OrganisationPicker } from '../../organisations/components/OrganisationPicker';
import { useUpdateUser } from '../hooks';

const NO_ROLE = 'none';

interface EditUserDialogProps {
  user: UserAdminView | null;
  onOpenChange: (open: boolean) => void;
}

/** Edits an account: name, job title, organisation, platform role (admins only), disabled state. */
export function EditUserDialog({ user, onOpenChange }: EditUserDialogProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useCurrentUser();
  const errorMessage = useErrorMessage();
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState<string>(NO_ROLE);
  const [disabled, setDisabled] = useState(false);
  const { reset } = update;

  useEffect(() => {
    if (user) {
      setDisplayName(user.displayName);
      setJobTitle(user.jobTitle ?? '');
      setOrganisationId(user.organisation?.id ?? null);
      setRole(user.platformRole ?? NO_ROLE);
      setDisabled(user.disabledAt !== null);
      reset();
    }
  }, [user, reset]);

  if (!user) return null;
  const mayGrant = can('user.grant-platform-role');
  const isSelf = me?.id === user.id;

  const submit = () => {
    const body: UpdateUserRequest = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if ((jobTitle.trim() || null) !== user.jobTitle) body.jobTitle = jobTitle.trim() || null;
    if (organisationId !== (user.organisation?.id ?? null)) body.organisationId = organisationId;
    const nextRole = role === NO_ROLE ? null : (role as PlatformRole);
    if (mayGrant && nextRole !== user.platformRole) body.platformRole = nextRole;
    if (disabled !== (user.disabledAt !== null)) body.disabled = disabled;
    if (Object.keys(body).length === 0) {
      onOpenChange(false);
      return;
    }
    update.mutate(
      { id: user.id, ...body },
      {
        onSuccess: (saved) => {
          notify.success(t('users.edit.saved', { name: saved.displayName }));
          onOpenChange(false);
        },
      },
    );
  };

  return (
    <ModalDialog
      title={t('users.edit.title', { name: user.displayName })}
      isOpen={user !== null}
      onOpenChange={onOpenChange}
    >
      <Form
        className="form"
        validationErrors={isApiError(update.error) ? update.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="muted">{user.email}</p>
        <TextField
          name="displayName"
          label={t('profile.displayName')}
          value={displayName}
          onChange={setDisplayName}
          isRequired
          validate={maxLength(t, 80)}
        />
        <TextField
          name="jobTitle"
          label={t('profile.jobTitle')}
          value={jobTitle}
          onChange={setJobTitle}
          validate={maxLength(t, 120, false)}
        />
        <OrganisationPicker
          value={organisationId}
          onChange={setOrganisationId}
          label={t('users.edit.organisation')}
        />
        <SelectField
          name="platformRole"
          label={t('users.edit.platformRole')}
          options={[
            { id: NO_ROLE, label: t('platformRoles.none') },
            ...platformRoles.map((r) => ({ id: r, label: t(`platformRoles.${r}`) })),
          ]}
          value={role}
          onChange={(v) => setRole(v ?? NO_ROLE)}
          isDisabled={!mayGrant || isSelf}
          description={
            !mayGrant
              ? t('users.edit.adminOnly')
              : isSelf
                ? t('users.edit.notSelf')
                : t('users.edit.platformRoleHelp')
          }
        />
        <Checkbox isSelected={disabled} onChange={setDisabled} isDisabled={isSelf} name="disabled">
          {t('users.edit.disabled')}
        </Checkbox>
        <p className="field__description">
          {isSelf ? t('users.edit.notSelf') : t('users.edit.disabledHelp')}
        </p>
        <FormError message={update.error ? errorMessage(update.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
