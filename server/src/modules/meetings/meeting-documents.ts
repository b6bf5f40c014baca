import { can, type Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DocAccess } from '../../collab/doc-access-registry';
import { meetingOfDocument } from './meeting-rows';

/**
 * Who may open a meeting's shared documents. The agenda: the group's members write it, the meeting's
 * guests read it. The live notes: members write them; guests write them only while the meeting is
 * live (they take part in the meeting), and otherwise do not open them (the minutes come published).
 */
@Injectable()
export class MeetingDocuments {
  constructor(private readonly dataSource: DataSource) {}

  async access(docName: string, subject: Subject): Promise<DocAccess | null> {
    const notes = docName.startsWith('meeting-notes:');
    const row = await meetingOfDocument(this.dataSource, docName, notes, subject.userId);
    if (!row) return null;
    if (subject.memberships.some((m) => m.groupId === row.groupId)) return 'write';
    if (!row.guest || !can(subject, 'meeting.view', { groupId: row.groupId, meetingGuest: true }))
      return null;
    if (!notes) return 'read';
    return row.status === 'live' ? 'write' : null;
  }
}
