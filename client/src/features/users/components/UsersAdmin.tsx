import type { UserAdminView } from '@affluents/contracts';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { QueryList } from '../../../components/ui/QueryList';
import { SearchField } from '../../../components/ui/SearchField';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { OrganisationKindLabel } from '../../organisations/components/OrganisationKindLabel';
import { useUsers } from '../hooks';
import { EditUserDialog } from './EditUserDialog';

/** Administration tab: search accounts and edit them. */
export function UsersAdmin() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const deferredQ = useDeferredValue(q.trim());
  const users = useUsers(deferredQ);
  const [editing, setEditing] = useState<UserAdminView | null>(null);

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('users.title')}</h2>
      </div>
      <p className="muted">{t('users.intro')}</p>
      <div className="filters">
        <SearchField
          label={t('users.search')}
          description={t('users.searchHelp')}
          value={q}
          onChange={setQ}
        />
      </div>
      <QueryList
        query={users}
        empty={
          deferredQ
            ? { title: t('users.noMatch'), text: t('users.noMatchText') }
            : { title: t('users.emptyTitle'), text: t('users.emptyText') }
        }
      >
        {(items) => (
          <div className="table-wrap">
            <Table aria-label={t('users.title')}>
              <TableHeader>
                <Column isRowHeader>{t('users.columns.name')}</Column>
                <Column>{t('users.columns.organisation')}</Column>
                <Column>{t('users.columns.role')}</Column>
                <Column>{t('users.columns.groups')}</Column>
                <Column>{t('users.columns.status')}</Column>
                <Column>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Column>
              </TableHeader>
              <TableBody items={items} dependencies={[i18n.language]}>
                {(user) => (
                  <Row id={user.id}>
                    <Cell>
                      <span className="cell-strong">{user.displayName}</span>
                      <span className="cell-sub">{user.email}</span>
                    </Cell>
                    <Cell>
                      {user.organisation ? (
                        <>
                          {user.organisation.name} · <OrganisationKindLabel kind={user.organisation.kind} />
                        </>
                      ) : (
                        '—'
                      )}
                    </Cell>
                    <Cell>
                      {user.platformRole ? (
                        <Badge tone="info">{t(`platformRoles.${user.platformRole}`)}</Badge>
                      ) : (
                        '—'
                      )}
                    </Cell>
                    <Cell>{user.memberships.length}</Cell>
                    <Cell>
                      {user.disabledAt ? (
                        <Badge tone="danger">{t('users.disabled')}</Badge>
                      ) : (
                        <Badge tone="success">{t('users.active')}</Badge>
                      )}
                    </Cell>
                    <Cell>
                      <Button
                        size="sm"
                        onPress={() => setEditing(user)}
                        aria-label={t('users.editNamed', { name: user.displayName })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Cell>
                  </Row>
                )}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryList>
      <EditUserDialog user={editing} onOpenChange={(open) => !open && setEditing(null)} />
    </div>
  );
}
