import { type BassinSummary, type GroupKind, groupKinds } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { CheckboxGroupField } from '../../../components/ui/CheckboxGroupField';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { ModalDialog } from '../../../components/ui/Dialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Menu, MenuItem, MenuPopover, MenuTrigger } from '../../../components/ui/Menu';
import { SelectField } from '../../../components/ui/SelectField';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useBassins, useCreateBassin, useMergeBassin, useUpdateBassin } from '../hooks';

type Dialog = { kind: 'rename' | 'archive' | 'merge'; bassin: BassinSummary } | null;

function CreateBassinForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateBassin();
  const [name, setName] = useState('');
  const [kinds, setKinds] = useState<GroupKind[]>([...groupKinds]);
  return (
    <Form
      className="inline-form"
      aria-label={t('adminBassins.createTitle')}
      validationErrors={isApiError(create.error) ? create.error.fieldErrorMap : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { name: name.trim(), groupKinds: groupKinds.filter((k) => kinds.includes(k)) },
          {
            onSuccess: (bassin) => {
              notify.success(t('adminBassins.created', { name: bassin.name, count: bassin.groups.length }));
              setName('');
              setKinds([...groupKinds]);
            },
          },
        );
      }}
    >
      <TextField
        name="name"
        label={t('adminBassins.newName')}
        description={t('adminBassins.newNameHelp')}
        value={name}
        onChange={setName}
        isRequired
        validate={maxLength(t, 80)}
      />
      <Button type="submit" variant="primary" isPending={create.isPending}>
        {t('adminBassins.create')}
      </Button>
      <CheckboxGroupField
        name="groupKinds"
        label={t('adminBassins.groupsToCreate')}
        description={t('adminBassins.groupsToCreateHelp')}
        options={groupKinds.map((kind) => ({ id: kind, label: t(`groupKinds.${kind}`) }))}
        value={kinds}
        onChange={(value) => setKinds(value as GroupKind[])}
      />
      <FormError
        message={create.error ? errorMessage(create.error, { conflict: t('adminBassins.nameTaken') }) : null}
      />
    </Form>
  );
}

function RenameDialog({ bassin, onClose }: { bassin: BassinSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateBassin();
  const [name, setName] = useState(bassin.name);
  return (
    <ModalDialog
      title={t('adminBassins.renameTitle', { name: bassin.name })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Form
        className="form"
        validationErrors={isApiError(update.error) ? update.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { id: bassin.id, name: name.trim() },
            {
              onSuccess: (saved) => {
                notify.success(t('adminBassins.renamed', { name: saved.name }));
                onClose();
              },
            },
          );
        }}
      >
        <TextField
          name="name"
          label={t('adminBassins.name')}
          value={name}
          onChange={setName}
          isRequired
          validate={maxLength(t, 80)}
        />
        <FormError
          message={
            update.error ? errorMessage(update.error, { conflict: t('adminBassins.nameTaken') }) : null
          }
        />
        <div className="dialog__actions">
          <Button onPress={onClose} isDisabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            {t('adminBassins.rename')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

function MergeDialog({
  bassin,
  bassins,
  onClose,
}: {
  bassin: BassinSummary;
  bassins: BassinSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const merge = useMergeBassin();
  const [target, setTarget] = useState<string | null>(null);
  const targets = bassins
    .filter((b) => b.id !== bassin.id && !b.archivedAt)
    .map((b) => ({ id: b.id, label: b.name }));
  const targetName = targets.find((b) => b.id === target)?.label ?? '';
  return (
    <ModalDialog
      title={t('adminBassins.mergeTitle', { name: bassin.name })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
    >
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!target) return;
          merge.mutate(
            { id: bassin.id, targetBassinId: target },
            {
              onSuccess: (result) => {
                notify.success(
                  t('adminBassins.merged', { source: result.source.name, target: result.target.name }),
                  t('adminBassins.mergedDetail', {
                    groups: result.movedGroups,
                    merged: result.mergedGroups,
                    memberships: result.movedMemberships,
                    organisations: result.movedOrganisations,
                  }),
                );
                onClose();
              },
            },
          );
        }}
      >
        <p>{t('adminBassins.mergeText', { name: bassin.name })}</p>
        <SelectField
          name="targetBassinId"
          label={t('adminBassins.mergeTarget')}
          options={targets}
          value={target}
          onChange={setTarget}
          isRequired
          placeholder={t('adminBassins.chooseBassin')}
          validate={(v) => (v ? null : t('validation.required'))}
        />
        {target && (
          <p className="notice notice--warning">
            {t('adminBassins.mergeWarning', { source: bassin.name, target: targetName })}
          </p>
        )}
        <FormError message={merge.error ? errorMessage(merge.error) : null} />
        <div className="dialog__actions">
          <Button onPress={onClose} isDisabled={merge.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={merge.isPending}>
            {t('adminBassins.merge')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

function BassinState({ bassin, bassins }: { bassin: BassinSummary; bassins: BassinSummary[] }) {
  const { t } = useTranslation();
  if (bassin.mergedIntoId) {
    const into = bassins.find((b) => b.id === bassin.mergedIntoId)?.name ?? '?';
    return <Badge tone="neutral">{t('adminBassins.mergedInto', { name: into })}</Badge>;
  }
  if (bassin.archivedAt) return <Badge tone="warning">{t('bassins.archived')}</Badge>;
  return <Badge tone="success">{t('adminBassins.active')}</Badge>;
}

/** Administration tab: create, rename, archive or restore, and merge bassins. */
export function BassinsAdmin() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const bassins = useBassins(true);
  const archive = useUpdateBassin();
  const restore = useUpdateBassin();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const all = bassins.data ?? [];
  const sorted = [...all].sort((a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)));

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('adminBassins.title')}</h2>
      </div>
      <p className="muted">{t('adminBassins.intro')}</p>
      <CreateBassinForm />
      {bassins.isPending ? (
        <LoadingState />
      ) : bassins.isError ? (
        <ErrorState error={bassins.error} onRetry={() => bassins.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('adminBassins.emptyTitle')}>
          <p>{t('adminBassins.emptyText')}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <Table aria-label={t('adminBassins.title')}>
            <TableHeader>
              <Column isRowHeader>{t('adminBassins.columns.name')}</Column>
              <Column>{t('adminBassins.columns.groups')}</Column>
              <Column>{t('adminBassins.columns.state')}</Column>
              <Column>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Column>
            </TableHeader>
            <TableBody items={sorted} dependencies={[all, i18n.language]}>
              {(bassin) => (
                <Row id={bassin.id}>
                  <Cell>
                    <span className="cell-strong">{bassin.name}</span>
                  </Cell>
                  <Cell>
                    <ul className="plain-list">
                      {bassin.groups.map((g) => (
                        <li key={g.id}>
                          {t(`groupKinds.${g.kind}`)}{' '}
                          <span className="muted">
                            ({t('bassins.memberCount', { count: g.memberCount })})
                          </span>
                        </li>
                      ))}
                    </ul>
                  </Cell>
                  <Cell>
                    <BassinState bassin={bassin} bassins={all} />
                  </Cell>
                  <Cell>
                    {bassin.mergedIntoId ? null : (
                      <MenuTrigger>
                        <Button size="sm" aria-label={t('adminBassins.actionsFor', { name: bassin.name })}>
                          {t('common.actions')} <span aria-hidden="true">▾</span>
                        </Button>
                        <MenuPopover>
                          <Menu
                            onAction={(key) => {
                              if (key === 'restore') {
                                restore.mutate(
                                  { id: bassin.id, archived: false },
                                  {
                                    onSuccess: () =>
                                      notify.success(t('adminBassins.restored', { name: bassin.name })),
                                    onError: (error) =>
                                      notify.error(t('adminBassins.restoreFailed'), errorMessage(error)),
                                  },
                                );
                              } else {
                                archive.reset();
                                setDialog({ kind: key as 'rename' | 'archive' | 'merge', bassin });
                              }
                            }}
                          >
                            <MenuItem id="rename">{t('adminBassins.rename')}</MenuItem>
                            {bassin.archivedAt ? (
                              <MenuItem id="restore">{t('adminBassins.restore')}</MenuItem>
                            ) : (
                              <MenuItem id="archive">{t('adminBassins.archive')}</MenuItem>
                            )}
                            {bassin.archivedAt ? null : (
                              <MenuItem id="merge">{t('adminBassins.merge')}</MenuItem>
                            )}
                          </Menu>
                        </MenuPopover>
                      </MenuTrigger>
                    )}
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        </div>
      )}
      {dialog?.kind === 'rename' && <RenameDialog bassin={dialog.bassin} onClose={close} />}
      {dialog?.kind === 'merge' && <MergeDialog bassin={dialog.bassin} bassins={all} onClose={close} />}
      <ConfirmDialog
        title={dialog?.kind === 'archive' ? t('adminBassins.archiveTitle', { name: dialog.bassin.name }) : ''}
        isOpen={dialog?.kind === 'archive'}
        onOpenChange={(open) => !open && close()}
        confirmLabel={t('adminBassins.archive')}
        isPending={archive.isPending}
        error={archive.error ? errorMessage(archive.error) : null}
        onConfirm={() => {
          if (dialog?.kind !== 'archive') return;
          const { bassin } = dialog;
          archive.mutate(
            { id: bassin.id, archived: true },
            {
              onSuccess: () => {
                notify.success(t('adminBassins.archived', { name: bassin.name }));
                close();
              },
            },
          );
        }}
      >
        <p>{t('adminBassins.archiveText')}</p>
      </ConfirmDialog>
    </div>
  );
}
