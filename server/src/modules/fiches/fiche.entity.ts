import type { FicheStatus, PublicationReach } from '@affluents/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A fiche action: metadata and lifecycle. Its text lives in the shared document named `docName`. */
@Entity({ name: 'fiches' })
export class FicheEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ type: 'text', default: 'draft' })
  status: FicheStatus;

  /** Set when published: who may read the published version. */
  @Column({ type: 'text', nullable: true })
  reach: PublicationReach | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  publics: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ name: 'doc_name', type: 'text' })
  docName: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  /** The version readers see in the toolbox (the latest publication). */
  @Column({ name: 'published_version_id', type: 'uuid', nullable: true })
  publishedVersionId: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
