import { type Organisation, type OrganisationKind, organisationKinds } from '@affluents/contracts';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { QueryList } from '../../../components/ui/QueryList';
import { SearchField } from '../../../components/ui/SearchField';
import { SelectField } from '../../../components/ui/SelectField';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { useBassins } from '../../bassins/hooks';
import { useOrganisations } from '../hooks';
import { OrganisationFormDialog } from './OrganisationFormDialog';
import { OrganisationKindLabel } from './OrganisationKindLabel';

const ALL = 'all';

/** Administration tab: list, filter, create and edit organisations. */
export function OrganisationsAdmin() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>(ALL);
  const [bassinId, setBassinId] = useState<string>(ALL);
  const deferredQ = useDeferredValue(q.trim());
  const { data: bassins = [] } = useBassins(false);
  const query = {
    q: deferredQ || undefined,
    kind: kind === ALL ? undefined : (kind as OrganisationKind),
    bassinId: bassinId === ALL ? undefined : bassinId,
  };
  const organisations = useOrganisations(query);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const bassinName = (id: string | null) =>
    bassins.find((b) => b.id === id)?.name ?? t('organisations.noBassin');
  const filtered = Boolean(query.q || query.kind || query.bassinId);

  const open = (organisation: Organisation | null) => {
    setEditing(organisation);
    setFormOpen(true);
  };

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('organisations.title')}</h2>
        <Button variant="primary" onPress={() => open(null)}>
          {t('organisations.new')}
        </Button>
      </div>
      <div className="filters">
        <SearchField label={t('organisations.search')} value={q} onChange={setQ} />
        <SelectField
          label={t('organisations.form.kind')}
          options={[
            { id: ALL, label: t('organisations.allKinds') },
            ...organisationKinds.map((k) => ({ id: k, label: t(`organisationKinds.${k}.short`) })),
          ]}
          value={kind}
          onChange={(v) => setKind(v ?? ALL)}
        />
        <SelectField
          label={t('organisations.form.bassin')}
          options={[
            { id: ALL, label: t('organisations.allBassins') },
            ...bassins.map((b) => ({ id: b.id, label: b.name })),
          ]}
          value={bassinId}
          onChange={(v) => setBassinId(v ?? ALL)}
        />
      </div>
      <QueryList
        query={organisations}
        empty={
          filtered
            ? { title: t('organisations.noMatch'), text: t('organisations.noMatchText') }
            : { title: t('organisations.emptyTitle'), text: t('organisations.emptyText') }
        }
      >
        {(items) => (
          <div className="table-wrap">
            <Table aria-label={t('organisations.title')}>
              <TableHeader>
                <Column isRowHeader>{t('organisations.columns.name')}</Column>
                <Column>{t('organisations.columns.kind')}</Column>
                <Column>{t('organisations.columns.bassin')}</Column>
                <Column>{t('organisations.columns.city')}</Column>
                <Column>{t('organisations.columns.members')}</Column>
                <Column>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Column>
              </TableHeader>
              <TableBody items={items} dependencies={[i18n.language]}>
                {(o) => (
                  <Row id={o.id}>
                    <Cell>
                      <span className="cell-strong">{o.name}</span>
                      {o.sectors.length > 0 && <span className="cell-sub">{o.sectors.join(', ')}</span>}
                    </Cell>
                    <Cell>
                      <OrganisationKindLabel kind={o.kind} />
                    </Cell>
                    <Cell>{bassinName(o.bassinId)}</Cell>
                    <Cell>{o.address.city || '—'}</Cell>
                    <Cell>{o.memberCount}</Cell>
                    <Cell>
                      <Button
                        size="sm"
                        onPress={() => open(o)}
                        aria-label={t('organisations.editNamed', { name: o.name })}
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
      <OrganisationFormDialog organisation={editing} isOpen={formOpen} onOpenChange={setFormOpen} />
    </div>
  );
}
