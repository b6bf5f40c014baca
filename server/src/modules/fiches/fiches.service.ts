import { randomUUID } from 'node:crypto';
import {
  type ChangeFicheStatusRequest,
  type CreateFicheRequest,
  can,
  type DocumentAccess,
  type FicheDetail,
  type FicheVersionContent,
  ficheDocName,
  type PublishFicheRequest,
  type Subject,
  type UpdateFicheRequest,
} from '@affluents/contracts';
import {
  emptySectionKeys,
  ficheSections,
  ficheTemplateUpdate,
  requiredSectionKeys,
} from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '../../common/auth/policy';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { ficheStatusLabels, groupKindLabels } from '../../common/french-labels';
import { slugify } from '../../common/slug';
import { AccessEvents } from '../../identity/access-events';
import { UserDirectory } from '../../identity/user-directory';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { GroupsService } from '../groups/groups.service';
import { FicheEntity } from './fiche.entity';
import { FicheDocuments } from './fiche-documents.port';
import { FicheIndexer } from './fiche-indexer';
import {
  countOrganisations,
  type FicheRef,
  insertFicheAuthor,
  insertFicheAuthorByDocName,
  saveFicheOrganisations,
  selectActiveGroupExists,
  selectDocumentAccessFacts,
  selectFicheAuthorIds,
  selectFicheAuthors,
  selectFicheGroups,
  selectFicheRef,
  selectFicheSummaries,
} from './fiche-rows';
import type { FrozenVersion } from './fiche-version-rows';
import { FicheVersionsService } from './fiche-versions.service';

const uniqueTags = (tags: string[]) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];
const sectionTitle = new Map(ficheSections.map((s) => [s.key, s.title]));

/**
 * Whether a network-wide reach includes the subject: `network_and_guests` every signed-in person,
 * `network` the members of a group and the platform's coordinators, not the outside guests.
 */
export function reachesWholeNetwork(reach: FicheEntity['reach'], subject: Subject): boolean {
  if (reach === 'network_and_guests') return true;
  return reach === 'network' && (subject.memberships.length > 0 || subject.platformRole !== null);
}

/** Fiches actions: creation from the template, metadata, lifecycle and who may open their document. */
@Injectable()
export class FichesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: FicheDocuments,
    private readonly indexer: FicheIndexer,
    private readonly versions: FicheVersionsService,
    private readonly accessEvents: AccessEvents,
    private readonly hub: RealtimeHub,
    private readonly groups: GroupsService,
    private readonly events: DomainEventBus,
    private readonly users: UserDirectory,
  ) {}

  /** Creates a draft and its document, pre-filled with the template, in one transaction. */
  async create(input: CreateFicheRequest, subject: Subject): Promise<FicheDetail> {
    assertCan(subject, 'fiche.create', { groupId: input.groupId });
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      if (!(await selectActiveGroupExists(manager, input.groupId))) throw notFound('Groupe introuvable');
      await this.assertOrganisations(manager, input.organisationIds);
      await manager.getRepository(FicheEntity).insert({
        id,
        title: input.title,
        groupId: input.groupId,
        status: 'draft',
        reach: null,
        sectors: uniqueTags(input.sectors),
        publics: uniqueTags(input.publics),
        themes: uniqueTags(input.themes),
        year: input.year,
        docName: ficheDocName(id),
        createdById: subject.userId,
      });
      await saveFicheOrganisations(manager, id, input.organisationIds, false);
      await insertFicheAuthor(manager, id, subject.userId);
      // The template is written once, here, on the server: clients never seed it.
      await this.documents.create(manager, ficheDocName(id), ficheTemplateUpdate());
    });
    await this.indexer.refreshDocument(ficheDocName(id));
    void this.events.emit('fiche.created', {
      groupId: input.groupId,
      title: input.title,
      actor: await this.users.person(subject.userId),
      link: `/fiches/${id}`,
      ficheId: id,
    });
    return this.detail(id, subject);
  }

  /**
   * One fiche with its metadata, authors, empty sections and the caller's access to its document.
   * A reader outside the group who reaches it through its publication gets the published version only.
   */
  async detail(id: string, subject: Subject): Promise<FicheDetail> {
    const { fiche, live } = await this.readableFiche(id, subject);
    const [summary] = await selectFicheSummaries(this.dataSource.manager, [id]);
    const doc = live
      ? await this.documents.read(fiche.docName)
      : await this.versions.snapshotDoc(fiche.id, fiche.publishedVersionId as string);
    let emptySections: string[];
    try {
      emptySections = emptySectionKeys(doc);
    } finally {
      doc.destroy();
    }
    const authors = await selectFicheAuthors(this.dataSource.manager, id);
    const versions = await this.versions.list(id);
    return {
      ...summary,
      docName: fiche.docName,
      access: (live && this.accessOf(fiche, subject)) || 'read',
      authors,
      emptySections,
      missingRequiredSections: requiredSectionKeys.filter((key) => emptySections.includes(key)),
      publishedAt: fiche.publishedAt?.toISOString() ?? null,
      publishedVersionId: fiche.publishedVersionId,
      liveDocument: live,
      versions: live ? versions : versions.filter((v) => v.id === fiche.publishedVersionId),
    };
  }

  /** Updates metadata beside the text; the editor becomes an author. */
  async update(id: string, input: UpdateFicheRequest, subject: Subject): Promise<FicheDetail> {
    const fiche = await this.visibleFiche(id, subject);
    assertCan(subject, 'fiche.edit', { groupId: fiche.groupId });
    if (fiche.status === 'archived')
      throw conflict('Cette fiche est archivée : restaurez-la avant de la modifier.');
    await this.dataSource.transaction(async (manager) => {
      const changes: Partial<FicheEntity> = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.sectors) changes.sectors = uniqueTags(input.sectors);
      if (input.publics) changes.publics = uniqueTags(input.publics);
      if (input.themes) changes.themes = uniqueTags(input.themes);
      if (input.year !== undefined) changes.year = input.year;
      // updated_at moves even when only the organisations change.
      await manager.getRepository(FicheEntity).update({ id }, { ...changes, updatedAt: new Date() });
      if (input.organisationIds) {
        await this.assertOrganisations(manager, input.organisationIds);
        await saveFicheOrganisations(manager, id, input.organisationIds, true);
      }
      await insertFicheAuthor(manager, id, subject.userId);
      await this.indexer.refreshMetadata(manager, id);
    });
    this.changed(id);
    return this.detail(id, subject);
  }

  /** Publishes the current text for the chosen reach (facilitators). */
  async publish(id: string, input: PublishFicheRequest, subject: Subject): Promise<FicheDetail> {
    const fiche = await this.visibleFiche(id, subject);
    await this.versions.publish(fiche, input, subject);
    this.changed(id);
    return this.detail(id, subject);
  }

  /** Takes a named version of the current text. */
  async takeVersion(id: string, label: string, subject: Subject): Promise<FicheDetail> {
    const fiche = await this.visibleFiche(id, subject);
    await this.versions.takeVersion(fiche, label, subject);
    this.changed(id);
    return this.detail(id, subject);
  }

  /** A frozen version, to open read-only. */
  async versionContent(id: string, versionId: string, subject: Subject): Promise<FicheVersionContent> {
    const { fiche, live } = await this.readableFiche(id, subject);
    if (!live && versionId !== fiche.publishedVersionId) throw notFound('Version introuvable');
    return this.versions.content(fiche, versionId);
  }

  /** Restores a version into the live document (a new change; history is kept). */
  async restoreVersion(id: string, versionId: string, subject: Subject): Promise<FicheDetail> {
    const fiche = await this.visibleFiche(id, subject);
    await this.versions.restore(fiche, versionId, subject);
    await this.indexer.refreshDocument(fiche.docName);
    this.changed(id);
    return this.detail(id, subject);
  }

  /** The fiche as Markdown: metadata, then the text with its template headings (live, or a version). */
  async exportMarkdown(
    id: string,
    versionId: string | undefined,
    subject: Subject,
  ): Promise<{ filename: string; body: string }> {
    const { fiche, live } = await this.readableFiche(id, subject);
    if (!live && versionId && versionId !== fiche.publishedVersionId) throw notFound('Version introuvable');
    const [summary] = await selectFicheSummaries(this.dataSource.manager, [id]);
    const text = await this.versions.markdown(fiche, live ? versionId : (fiche.publishedVersionId as string));
    const line = (label: string, values: Array<string | number | null | undefined>) => {
      const shown = values.filter((v) => v !== null && v !== undefined && v !== '');
      return shown.length ? [`- **${label}** : ${shown.join(', ')}`] : [];
    };
    const header = [
      `# ${summary.title}`,
      '',
      ...line('Bassin', [summary.group.bassin.name]),
      ...line('Groupe', [groupKindLabels[summary.group.kind]]),
      ...line(
        'Organisations',
        summary.organisations.map((o) => o.name),
      ),
      ...line('Secteurs', summary.sectors),
      ...line('Publics', summary.publics),
      ...line('Thèmes', summary.themes),
      ...line('Année', [summary.year]),
      ...line('Statut', [ficheStatusLabels[summary.status]]),
    ];
    const slug = slugify(summary.title);
    return { filename: `fiche-${slug || id}.md`, body: `${header.join('\n')}\n\n${text}\n` };
  }

  /** Moves a fiche between draft and review, or archives and restores it. */
  async changeStatus(id: string, input: ChangeFicheStatusRequest, subject: Subject): Promise<FicheDetail> {
    const fiche = await this.visibleFiche(id, subject);
    const target = input.status;
    if (target === 'archived' || fiche.status === 'archived') {
      assertCan(subject, 'fiche.archive', { groupId: fiche.groupId });
    } else {
      assertCan(subject, 'fiche.edit', { groupId: fiche.groupId });
    }
    if (target === fiche.status) return this.detail(id, subject);
    if (target === 'review') {
      if (fiche.status !== 'draft') throw conflict('Seul un brouillon peut être soumis à relecture.');
      const detail = await this.detail(id, subject);
      if (detail.missingRequiredSections.length > 0) {
        const titles = detail.missingRequiredSections.map((k) => sectionTitle.get(k) ?? k);
        throw conflict(
          `Complétez d’abord ces rubriques obligatoires : ${titles.join(', ')}.`,
          detail.missingRequiredSections.map((key) => ({
            path: `sections.${key}`,
            message: 'Rubrique vide',
          })),
        );
      }
    }
    if (target === 'draft' && fiche.status === 'published') {
      throw badRequest('Une fiche publiée reçoit ses modifications dans un nouveau brouillon.');
    }
    await this.dataSource.getRepository(FicheEntity).update({ id }, { status: target });
    if (target === 'archived') {
      // Writers of an archived fiche become readers at once, on every node.
      const members = await this.groups.memberIds([fiche.groupId]);
      await this.accessEvents.changed(members.get(fiche.groupId) ?? []);
    }
    this.changed(id);
    if (target === 'review') {
      void this.events.emit('fiche.review-requested', {
        groupId: fiche.groupId,
        title: fiche.title,
        actor: await this.users.person(subject.userId),
        link: `/fiches/${id}`,
        ficheId: id,
        authorIds: await selectFicheAuthorIds(this.dataSource.manager, id),
      });
    }
    return this.detail(id, subject);
  }

  /**
   * Tells every open page of the fiche (its room, on every node) that its metadata, status or versions
   * changed, so they refetch it. Sent by the server after the change is committed: the pages never learn
   * it from each other.
   */
  private changed(id: string): void {
    this.hub.emit(rooms.fiche(id), 'fiche:updated', { ficheId: id });
  }

  /**
   * What a user may do with a fiche's document: its group's members write (not once archived),
   * coordinators read, everyone else nothing. Used by the `/collab/` upgrade through the access registry.
   */
  async documentAccess(docName: string, subject: Subject): Promise<DocumentAccess | null> {
    const fiche = await selectDocumentAccessFacts(this.dataSource.manager, docName);
    return fiche ? this.accessOf(fiche, subject) : null;
  }

  /** Records `userId` as an author of the fiche owning `docName` (first contribution wins the date). */
  async recordAuthor(docName: string, userId: string): Promise<void> {
    await insertFicheAuthorByDocName(this.dataSource.manager, docName, userId);
  }

  /** A fiche's id, group, title, document and status, without an access check (the caller decides); null when missing. */
  ref(id: string): Promise<FicheRef | null> {
    return selectFicheRef(this.dataSource.manager, id);
  }

  /** The group of each of these fiches that exists (fiche id -> group id), without an access check. */
  groupsOf(ids: string[]): Promise<Map<string, string>> {
    return selectFicheGroups(this.dataSource.manager, ids);
  }

  /** The display names of a fiche's authors, first contributor first, without an access check. */
  async authorNames(id: string): Promise<string[]> {
    return (await selectFicheAuthors(this.dataSource.manager, id)).map((a) => a.displayName);
  }

  /** A version's frozen document and description, without an access check (the caller decides); null when missing. */
  frozenVersion(id: string, versionId: string): Promise<FrozenVersion | null> {
    return this.versions.frozen(id, versionId);
  }

  /** What `subject` may do with a fiche's document (see `documentAccess`): the one rule, shared by its files. */
  accessOf(fiche: Pick<FicheEntity, 'groupId' | 'status'>, subject: Subject): DocumentAccess | null {
    if (fiche.status !== 'archived' && can(subject, 'fiche.edit', { groupId: fiche.groupId })) return 'write';
    if (can(subject, 'fiche.view', { groupId: fiche.groupId })) return 'read';
    return null;
  }

  /**
   * Loads a fiche for reading: its group (and the follow-up roles) read the live fiche; anyone else
   * within the reach of its publication reads the published version (`live: false`); 403 otherwise.
   */
  async readableFiche(id: string, subject: Subject): Promise<{ fiche: FicheEntity; live: boolean }> {
    const fiche = await this.dataSource.getRepository(FicheEntity).findOneBy({ id });
    if (!fiche) throw can(subject, 'user.list') ? notFound('Fiche introuvable') : forbidden();
    if (can(subject, 'fiche.view', { groupId: fiche.groupId })) return { fiche, live: true };
    if (await this.publicationReaches(fiche, subject)) return { fiche, live: false };
    throw forbidden();
  }

  /**
   * A fiche its readers may ask questions about: published (not archived) and readable by the caller, its
   * group or within its publication's reach. 404 otherwise, whether or not it exists. With its authors.
   */
  /** The ids of a fiche's authors. */
  authorIds(id: string): Promise<string[]> {
    return selectFicheAuthorIds(this.dataSource.manager, id);
  }

  async askableFiche(
    id: string,
    subject: Subject,
  ): Promise<{ id: string; groupId: string; authorIds: string[] }> {
    const fiche = await this.dataSource.getRepository(FicheEntity).findOneBy({ id });
    const readable =
      fiche?.publishedVersionId &&
      fiche.status !== 'archived' &&
      (can(subject, 'fiche.view', { groupId: fiche.groupId }) ||
        (await this.publicationReaches(fiche, subject)));
    if (!fiche || !readable) throw notFound('Fiche introuvable');
    const authorIds = await selectFicheAuthorIds(this.dataSource.manager, id);
    return { id: fiche.id, groupId: fiche.groupId, authorIds };
  }

  /**
   * A fiche's title for a link preview in a message: given to those who may view the fiche and, for a
   * fiche published to the whole network, to anyone it reaches; null otherwise, or when it does not exist.
   */
  async previewTitle(id: string, subject: Subject): Promise<string | null> {
    const fiche = await this.dataSource.getRepository(FicheEntity).findOneBy({ id });
    if (!fiche) return null;
    const visible =
      can(subject, 'fiche.view', { groupId: fiche.groupId }) ||
      (fiche.publishedVersionId !== null && reachesWholeNetwork(fiche.reach, subject));
    return visible ? fiche.title : null;
  }

  /** True when the fiche has a published version, is not archived, and its reach includes the subject. */
  private async publicationReaches(fiche: FicheEntity, subject: Subject): Promise<boolean> {
    if (!fiche.publishedVersionId || fiche.status === 'archived') return false;
    if (reachesWholeNetwork(fiche.reach, subject)) return true;
    if (fiche.reach !== 'bassin' || subject.memberships.length === 0) return false;
    return this.groups.sharesBassin(
      subject.memberships.map((m) => m.groupId),
      fiche.groupId,
    );
  }

  /** Loads a fiche the subject may see; 403 (whether or not it exists) otherwise, 404 only to coordinators. */
  private async visibleFiche(id: string, subject: Subject): Promise<FicheEntity> {
    const fiche = await this.dataSource.getRepository(FicheEntity).findOneBy({ id });
    if (!fiche) throw can(subject, 'user.list') ? notFound('Fiche introuvable') : forbidden();
    if (!can(subject, 'fiche.view', { groupId: fiche.groupId })) throw forbidden();
    return fiche;
  }

  private async assertOrganisations(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if ((await countOrganisations(manager, ids)) !== new Set(ids).size) {
      throw badRequest('Organisation inconnue', [
        { path: 'organisationIds', message: 'Organisation introuvable' },
      ]);
    }
  }
}
