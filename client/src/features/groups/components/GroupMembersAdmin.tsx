import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../components/ui';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { SelectField } from '../../../components/ui/SelectField';
import { useBassins } from '../../bassins/hooks';
import { useGroup } from '../hooks';
import { GroupMembers } from './GroupMembers';

/** Name of the search parameter that keeps the chosen group, so that the tab can be linked to. */
export const GROUP_PARAM = 'groupe';

/** Administration tab: pick a bassin and one of its groups, then manage that group's members. */
export function GroupMembersAdmin() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const bassins = useBassins(true);
  const groupId = params.get(GROUP_PARAM) ?? '';
  const group = useGroup(groupId, { enabled: groupId !== '' });
  const [pickedBassin, setPickedBassin] = useState<string | null>(null);

  if (bassins.isPending) return <LoadingState />;
  if (bassins.isError) return <ErrorState error={bassins.error} onRetry={() => bassins.refetch()} />;

  const available = bassins.data.filter((b) => !b.mergedIntoId);
  const bassinOfGroup = available.find((b) => b.groups.some((g) => g.id === groupId));
  const bassinId = bassinOfGroup?.id ?? pickedBassin;
  const bassin = available.find((b) => b.id === bassinId);

  const chooseGroup = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(GROUP_PARAM, id);
        else next.delete(GROUP_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('adminMembers.title')}</h2>
      </div>
      <p className="muted">{t('adminMembers.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('adminMembers.bassin')}
          placeholder={t('adminBassins.chooseBassin')}
          options={available.map((b) => ({
            id: b.id,
            label: b.name,
            description: b.archivedAt ? t('bassins.archived') : undefined,
          }))}
          value={bassinId}
          onChange={(id) => {
            setPickedBassin(id);
            chooseGroup(null);
          }}
        />
        <SelectField
          label={t('adminMembers.group')}
          placeholder={t('adminMembers.chooseGroup')}
          isDisabled={!bassin}
          options={(bassin?.groups ?? []).map((g) => ({
            id: g.id,
            label: t(`groupKinds.${g.kind}`),
            description: t('bassins.memberCount', { count: g.memberCount }),
          }))}
          value={bassin?.groups.some((g) => g.id === groupId) ? groupId : null}
          onChange={chooseGroup}
        />
      </div>
      {groupId === '' ? (
        <EmptyState title={t('adminMembers.pickTitle')} icon="users">
          <p>{t('adminMembers.pickText')}</p>
        </EmptyState>
      ) : group.isPending ? (
        <LoadingState />
      ) : group.isError ? (
        <ErrorState error={group.error} onRetry={() => group.refetch()} />
      ) : (
        <>
          <GroupMembers
            group={group.data}
            headingLevel={3}
            title={`${group.data.bassin.name} – ${t(`groupKinds.${group.data.kind}`)}`}
          />
          <p>
            <Link href={`/groupes/${group.data.id}`} className="link">
              {t('adminMembers.openGroup')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
