import type { GroupKind } from '@affluents/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One of the three exchange groups of a bassin. Unique per (bassin, kind) among active groups. */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'bassin_id', type: 'uuid' })
  bassinId: string;

  @Column({ type: 'text' })
  kind: GroupKind;

  /** Set when the group was merged into another one of the same kind (bassin merge). */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
