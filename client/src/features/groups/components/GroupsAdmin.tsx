import type { BassinSummary, GroupSummary } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ModalDialog } from '../../../components/ui/Dialog';
import { ErrorState } from '../../../components/ui/ErrorState';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { LoadingState } from '../../../components/ui/LoadingState';
import { SelectField } from '../../../components/ui/SelectField';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useBassins } from '../../bassins/hooks';
import { useMoveGroup } from '../hooks';
import { GROUP_PARAM } from './GroupMembersAdmin';

interface Moving {
  group: GroupSummary;
  bassin: BassinSummary;
}

function MoveGroupDialog({
  moving,
  bassins,
  onClose,
}: {
  moving: Moving;
  bassins: BassinSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const move = useMoveGroup();
  const [target, setTarget] = useState<string | null>(null);
  const kindLabel = t(`groupKinds.${moving.group.kind}`);
  const candidates = bassins.filter((b) => b.id !== moving.bassin.id && !b.mergedIntoId);
  // A bassin holds at most one group of each kind: those are shown but cannot be chosen.
  const taken = candidates.filter((b) => b.groups.some((g) => g.kind === moving.group.kind)).map((b) => b.id);
  const options = candidates.map((b) => ({
    id: b.id,
    label: b.name,
    description: taken.includes(b.id) ? t('adminGroups.alreadyHasKind', { kind: kindLabel }) : undefined,
  }));

  return (
    <ModalDialog
      title={t('adminGroups.moveTitle', { kind: kindLabel, bassin: moving.bassin.name })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!target) return;
          move.mutate(
            { id: moving.group.id, bassinId: target },
            {
              onSuccess: (group) => {
                notify.success(t('adminGroups.moved', { kind: kindLabel, bassin: group.bassin.name }));
                onClose();
              },
            },
          );
        }}
      >
        <p>{t('adminGroups.moveText')}</p>
        <SelectField
          name="bassinId"
          label={t('adminGroups.target')}
          options={options}
          disabledKeys={taken}
          value={target}
          onChange={setTarget}
          isRequired
          placeholder={t('adminBassins.chooseBassin')}
          validate={(v) => (v ? null : t('validation.required'))}
        />
        <FormError
          message={
            move.error
              ? errorMessage(move.error, { conflict: t('adminGroups.conflict', { kind: kindLabel }) })
              : null
          }
        />
        <div className="dialog__actions">
          <Button onPress={onClose} isDisabled={move.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={move.isPending}>
            {t('adminGroups.move')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

/** Administration tab: every group with its bassin, a way to its members, and moving it to another bassin. */
export function GroupsAdmin() {
  const { t, i18n } = useTranslation();
  const bassins = useBassins(true);
  const [moving, setMoving] = useState<Moving | null>(null);

  if (bassins.isPending) return <LoadingState />;
  if (bassins.isError) return <ErrorState error={bassins.error} onRetry={() => bassins.refetch()} />;

  const rows = bassins.data
    .filter((b) => !b.mergedIntoId)
    .flatMap((bassin) => bassin.groups.map((group) => ({ id: group.id, group, bassin })));

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('adminGroups.title')}</h2>
      </div>
      <p className="muted">{t('adminGroups.intro')}</p>
      <div className="table-wrap">
        <Table aria-label={t('adminGroups.title')}>
          <TableHeader>
            <Column isRowHeader>{t('adminGroups.columns.group')}</Column>
            <Column>{t('adminGroups.columns.bassin')}</Column>
            <Column>{t('adminGroups.columns.members')}</Column>
            <Column>
              <span className="visually-hidden">{t('common.actions')}</span>
            </Column>
          </TableHeader>
          <TableBody items={rows} dependencies={[i18n.language]}>
            {({ group, bassin }) => (
              <Row id={group.id}>
                <Cell>
                  <span className="cell-strong">{t(`groupKinds.${group.kind}`)}</span>
                </Cell>
                <Cell>
                  {bassin.name}
                  {bassin.archivedAt && <span className="cell-sub">{t('bassins.archived')}</span>}
                </Cell>
                <Cell>{group.memberCount}</Cell>
                <Cell>
                  <div className="cell-actions">
                    <ButtonLink
                      href={`/admin?onglet=membres&${GROUP_PARAM}=${group.id}`}
                      className="button--sm"
                      aria-label={t('adminGroups.membersNamed', {
                        kind: t(`groupKinds.${group.kind}`),
                        bassin: bassin.name,
                      })}
                    >
                      {t('adminGroups.members')}
                    </ButtonLink>
                    <Button
                      size="sm"
                      onPress={() => setMoving({ group, bassin })}
                      aria-label={t('adminGroups.moveNamed', {
                        kind: t(`groupKinds.${group.kind}`),
                        bassin: bassin.name,
                      })}
                    >
                      {t('adminGroups.move')}
                    </Button>
                  </div>
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {moving && <MoveGroupDialog moving={moving} bassins={bassins.data} onClose={() => setMoving(null)} />}
    </div>
  );
}
