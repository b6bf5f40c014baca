import type { Action } from '@affluents/contracts';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Tab, TabList, TabPanel, Tabs } from '../components/ui';
import { ButtonLink } from '../components/ui/ButtonLink';
import { useCan } from '../features/auth/hooks';
import { BassinsAdmin } from '../features/bassins/components/BassinsAdmin';
import { GroupMembersAdmin } from '../features/groups/components/GroupMembersAdmin';
import { GroupsAdmin } from '../features/groups/components/GroupsAdmin';
import { InvitationsAdmin } from '../features/invitations/components/InvitationsAdmin';
import { OrganisationsAdmin } from '../features/organisations/components/OrganisationsAdmin';
import { UsersAdmin } from '../features/users/components/UsersAdmin';

type TabId = 'bassins' | 'groupes' | 'membres' | 'organisations' | 'comptes' | 'invitations';

const tabs: ReadonlyArray<{ id: TabId; action: Action; Component: ComponentType }> = [
  { id: 'bassins', action: 'bassin.manage', Component: BassinsAdmin },
  { id: 'groupes', action: 'group.move', Component: GroupsAdmin },
  // Without a group, the policy answers for every group: coordination and admins.
  { id: 'membres', action: 'group.members.manage', Component: GroupMembersAdmin },
  { id: 'organisations', action: 'organisation.manage', Component: OrganisationsAdmin },
  { id: 'comptes', action: 'user.list', Component: UsersAdmin },
  { id: 'invitations', action: 'user.manage', Component: InvitationsAdmin },
];

/** Administration for coordination and admins; each tab appears only if the shared policy allows it. */
export function AdminPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const allowed = tabs.filter((tab) => can(tab.action));

  if (allowed.length === 0) {
    return (
      <div className="page">
        <PageHeader title={t('admin.forbiddenTitle')} lede={t('admin.forbiddenText')} />
        <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
      </div>
    );
  }

  const requested = params.get('onglet');
  const selected = allowed.find((tab) => tab.id === requested)?.id ?? allowed[0].id;

  return (
    <div className="page">
      <PageHeader
        title={t('admin.title')}
        lede={t('admin.lede')}
        documentTitle={`${t('admin.title')} – ${t(`admin.tabs.${selected}`)}`}
      />
      <Tabs
        className="tabs"
        selectedKey={selected}
        onSelectionChange={(key) => setParams({ onglet: String(key) }, { replace: true })}
      >
        <TabList className="tabs__list" aria-label={t('admin.tabsLabel')}>
          {allowed.map((tab) => (
            <Tab key={tab.id} id={tab.id} className="tabs__tab">
              {t(`admin.tabs.${tab.id}`)}
            </Tab>
          ))}
        </TabList>
        {allowed.map(({ id, Component }) => (
          <TabPanel key={id} id={id} className="tabs__panel">
            <Component />
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
