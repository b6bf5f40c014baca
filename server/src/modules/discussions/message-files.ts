import type { Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { selectFileHolders } from './message-rows';
import { assertOpen, ThreadAccess } from './thread-access';

/**
 * What the files module asks the discussions about a file attached to a message: who may attach one to a
 * thread, and who may read one (a reader of a thread where a message shows it).
 */
@Injectable()
export class MessageFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ThreadAccess,
  ) {}

  /** Checks that `subject` may post in the thread (404 when invisible, 403 otherwise, locked thread). */
  async assertCanAttach(threadId: string, subject: Subject): Promise<void> {
    assertOpen(await this.access.assert(threadId, subject, 'message.post'), subject);
  }

  /** Whether a message carries the file (whatever became of that message since). */
  async isHeld(fileId: string): Promise<boolean> {
    return (await selectFileHolders(this.dataSource.manager, fileId)).length > 0;
  }

  /**
   * Whether `subject` may read a file uploaded to `threadId`: once a message carries it, whoever reads a
   * thread where such a message still shows it (deleted, hidden or moved away: nobody); before, only its
   * uploader, while they may still read the thread.
   */
  async canRead(
    file: { id: string; threadId: string; createdById: string },
    subject: Subject,
  ): Promise<boolean> {
    const holders = await selectFileHolders(this.dataSource.manager, file.id);
    if (holders.length === 0)
      return file.createdById === subject.userId && this.access.canView(file.threadId, subject);
    for (const holder of holders) {
      if (holder.shown && (await this.access.canView(holder.threadId, subject))) return true;
    }
    return false;
  }
}
