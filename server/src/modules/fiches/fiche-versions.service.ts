import type { FicheVersion, FicheVersionContent, PublishFicheRequest, Subject } from '@affluents/contracts';
import { formatDateAs } from '@affluents/contracts';
import {
  documentMarkdown,
  documentPlainText,
  emptySectionKeys,
  FICHE_FRAGMENT,
  ficheSections,
  MAX_DOCUMENT_DEPTH,
  nestedDeeperThan,
  requiredSectionKeys,
} from '@affluents/editor/template';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { assertCan } from '../../common/auth/policy';
import { conflict, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import type { FicheEntity } from './fiche.entity';
import { FicheDocuments } from './fiche-documents.port';
import { selectFicheAuthorIds } from './fiche-rows';
import {
  type FrozenVersion,
  insertVersion,
  markPublished,
  selectFrozenVersion,
  selectVersions,
} from './fiche-version-rows';

const sectionTitle = new Map(ficheSections.map((s) => [s.key, s.title]));
const dateLabel = () => formatDateAs('day', new Date(), 'fr-BE');

/**
 * Named versions of a fiche: frozen snapshots of its document taken on demand and at each publication.
 * Publishing freezes the current text for the toolbox; later edits go on in the same document as the
 * next draft until a facilitator publishes again.
 */
@Injectable()
export class FicheVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: FicheDocuments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEventBus,
    private readonly users: UserDirectory,
  ) {}

  /** Versions of a fiche, newest first. */
  list(ficheId: string, manager: EntityManager = this.dataSource.manager): Promise<FicheVersion[]> {
    return selectVersions(manager, ficheId);
  }

  /** Takes a named version of the current text (any member of the group). */
  async takeVersion(fiche: FicheEntity, label: string, subject: Subject): Promise<FicheVersion> {
    assertCan(subject, 'fiche.edit', { groupId: fiche.groupId });
    const snapshot = await this.snapshot(fiche.docName);
    const id = await this.dataSource.transaction((manager) =>
      insertVersion(manager, {
        ficheId: fiche.id,
        label,
        kind: 'manual',
        reach: null,
        title: fiche.title,
        snapshot: snapshot.update,
        text: snapshot.text,
        createdById: subject.userId,
      }),
    );
    return (await this.list(fiche.id)).find((v) => v.id === id) as FicheVersion;
  }

  /**
   * Publishes the current text with the chosen reach: a frozen version, indexed for the toolbox.
   * Refused while a required section is empty or once the fiche is archived.
   */
  async publish(fiche: FicheEntity, input: PublishFicheRequest, subject: Subject): Promise<void> {
    assertCan(subject, 'fiche.publish', { groupId: fiche.groupId });
    if (fiche.status === 'archived') throw conflict('Restaurez la fiche avant de la publier.');
    const snapshot = await this.snapshot(fiche.docName);
    if (snapshot.missing.length > 0) {
      throw conflict(
        `Complétez d’abord ces rubriques obligatoires : ${snapshot.missing.map((k) => sectionTitle.get(k) ?? k).join(', ')}.`,
        snapshot.missing.map((key) => ({ path: `sections.${key}`, message: 'Rubrique vide' })),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const label = input.label ?? `Publication du ${dateLabel()}`;
      const versionId = await insertVersion(manager, {
        ficheId: fiche.id,
        label,
        kind: 'publication',
        reach: input.reach,
        title: fiche.title,
        snapshot: snapshot.update,
        text: snapshot.text,
        createdById: subject.userId,
      });
      await markPublished(manager, fiche.id, { reach: input.reach, versionId, text: snapshot.text });
    });
    void this.events.emit('fiche.published', {
      groupId: fiche.groupId,
      title: fiche.title,
      actor: await this.users.person(subject.userId),
      link: `/fiches/${fiche.id}`,
      ficheId: fiche.id,
      authorIds: await selectFicheAuthorIds(this.dataSource.manager, fiche.id),
    });
  }

  /** A frozen version with its document, to open read-only. */
  async content(fiche: FicheEntity, versionId: string): Promise<FicheVersionContent> {
    const version = (await this.list(fiche.id)).find((v) => v.id === versionId);
    if (!version) throw notFound('Version introuvable');
    const row = await selectFrozenVersion(this.dataSource.manager, fiche.id, versionId);
    if (!row) throw notFound('Version introuvable');
    return { ...version, title: row.title, update: row.snapshot.toString('base64') };
  }

  /**
   * Restores a version: the live document's content becomes a copy of the version's, as one new change
   * that every open editor receives. History is never rewritten: the current text stays in earlier
   * versions and in the document's own history.
   */
  async restore(fiche: FicheEntity, versionId: string, subject: Subject): Promise<void> {
    assertCan(subject, 'fiche.edit', { groupId: fiche.groupId });
    if (fiche.status === 'archived') throw conflict('Restaurez la fiche avant de modifier son texte.');
    const version = await this.versionDoc(fiche.id, versionId);
    try {
      const source = version.getXmlFragment(FICHE_FRAGMENT);
      // Copying is recursive (Yjs' clone), and such content would not be accepted from an editor either.
      if (nestedDeeperThan(source, MAX_DOCUMENT_DEPTH))
        throw conflict(
          `Cette version imbrique des blocs sur plus de ${MAX_DOCUMENT_DEPTH} niveaux : elle ne peut pas être restaurée.`,
        );
      await this.documents.change(fiche.docName, (live) => {
        const target = live.getXmlFragment(FICHE_FRAGMENT);
        target.delete(0, target.length);
        target.insert(
          0,
          source.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()),
        );
      });
    } finally {
      version.destroy();
    }
  }

  /**
   * The fiche's text as Markdown: the live document, or a version. Its images and files link to the
   * app's public address, where the file routes apply the fiche's access rule.
   */
  async markdown(fiche: FicheEntity, versionId: string | undefined): Promise<string> {
    const doc = versionId
      ? await this.versionDoc(fiche.id, versionId)
      : await this.documents.read(fiche.docName);
    try {
      return documentMarkdown(doc, { fileBaseUrl: this.config.publicUrl });
    } finally {
      doc.destroy();
    }
  }

  /** A version's frozen document with its number, label, date and author; null when the fiche has no such version. */
  frozen(ficheId: string, versionId: string): Promise<FrozenVersion | null> {
    return selectFrozenVersion(this.dataSource.manager, ficheId, versionId);
  }

  /** The frozen document of a version; the caller destroys it. */
  async snapshotDoc(ficheId: string, versionId: string): Promise<Y.Doc> {
    return this.versionDoc(ficheId, versionId);
  }

  private async versionDoc(ficheId: string, versionId: string): Promise<Y.Doc> {
    const row = await selectFrozenVersion(this.dataSource.manager, ficheId, versionId);
    if (!row) throw notFound('Version introuvable');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.snapshot);
    return doc;
  }

  private async snapshot(docName: string): Promise<{ update: Uint8Array; text: string; missing: string[] }> {
    const doc = await this.documents.read(docName);
    try {
      const empty = emptySectionKeys(doc);
      return {
        update: Y.encodeStateAsUpdate(doc),
        text: documentPlainText(doc),
        missing: requiredSectionKeys.filter((key) => empty.includes(key)),
      };
    } finally {
      doc.destroy();
    }
  }
}
