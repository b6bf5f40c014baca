import { can, type DocumentAccess, ficheDocName, type Subject } from '@affluents/contracts';
import { fileReferences } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FicheEntity } from './fiche.entity';
import { FicheDocuments } from './fiche-documents.port';
import { lockFiche } from './fiche-rows';
import { FicheVersionsService } from './fiche-versions.service';
import { FichesService } from './fiches.service';

/** How a subject reaches one fiche, for what hangs off it (its files): decided by the fiches rules. */
export interface FicheReachOf {
  ficheId: string;
  groupId: string;
  status: FicheEntity['status'];
  /** true: the group's live fiche (members, follow-up roles); false: only its published version. */
  live: boolean;
  /** 'write' for the group's members while the fiche is not archived; 'read' otherwise. */
  access: DocumentAccess;
  /** May edit the fiche's group's content (member), whatever the fiche's status. */
  member: boolean;
  publishedVersionId: string | null;
}

/** Versions are immutable: the file ids of a version are kept once read (bounded). */
const VERSION_CACHE_SIZE = 500;

/**
 * What the fiches feature tells other features about a fiche's access (the files module uses it), so
 * they apply the very rules of `FichesService.readableFiche` and `accessOf` instead of repeating them.
 */
@Injectable()
export class FicheReach {
  private readonly versionFiles = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly fiches: FichesService,
    private readonly versions: FicheVersionsService,
    private readonly documents: FicheDocuments,
  ) {}

  /**
   * How `subject` reaches the fiche; throws the fiches' own 403 (404 to coordinators) when it does not
   * reach it at all.
   */
  async of(ficheId: string, subject: Subject): Promise<FicheReachOf> {
    const { fiche, live } = await this.fiches.readableFiche(ficheId, subject);
    return {
      ficheId: fiche.id,
      groupId: fiche.groupId,
      status: fiche.status,
      live,
      access: (live && this.fiches.accessOf(fiche, subject)) || 'read',
      member: can(subject, 'fiche.edit', { groupId: fiche.groupId }),
      publishedVersionId: fiche.publishedVersionId,
    };
  }

  /**
   * Locks the fiche until the end of the caller's transaction, so writes that hang off it (its files'
   * space) run one after the other.
   */
  async lock(manager: EntityManager, ficheId: string): Promise<void> {
    await lockFiche(manager, ficheId);
  }

  /** The ids of the files a version's text refers to (its images and attached files). */
  async versionFileIds(ficheId: string, versionId: string): Promise<ReadonlySet<string>> {
    const cached = this.versionFiles.get(versionId);
    if (cached) return cached;
    const doc = await this.versions.snapshotDoc(ficheId, versionId);
    let ids: ReadonlySet<string>;
    try {
      ids = new Set(fileReferences(doc).map((r) => r.fileId));
    } finally {
      doc.destroy();
    }
    if (this.versionFiles.size >= VERSION_CACHE_SIZE) {
      // Oldest first out: a Map iterates in insertion order.
      this.versionFiles.delete(this.versionFiles.keys().next().value as string);
    }
    this.versionFiles.set(versionId, ids);
    return ids;
  }

  /**
   * The one rule of a file in use: the ids of the files the fiche's live text or any of its versions
   * refers to. A file in none of them may be removed once its grace period is over (docs/FILES.md).
   */
  async filesInUse(ficheId: string): Promise<ReadonlySet<string>> {
    const ids = new Set(
      await this.documents.inspect(ficheDocName(ficheId), (doc) => fileReferences(doc).map((r) => r.fileId)),
    );
    for (const version of await this.versions.list(ficheId)) {
      for (const id of await this.versionFileIds(ficheId, version.id)) ids.add(id);
    }
    return ids;
  }
}
