import {
  type FicheComment,
  fileDisplayPath,
  fileDownloadPath,
  filePreviewPath,
  type MeetingFiles,
  type Message,
  type StoredFile,
} from '@affluents/contracts';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { FilesService } from '../src/modules/files/files.service';
import { factories, type TestUser } from './support/factories';
import { MiB, randomPdf } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();

/** An anchor as the comments check it (a Yjs relative position); where it points does not matter here. */
const anchor = () =>
  Buffer.from(
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('t'), 0)),
  ).toString('base64');

const attach = (agent: TestAgent, path: string, bytes: Buffer, filename: string) =>
  agent.post(path).attach('file', bytes, { filename });

describe('files attached to messages, comments and meetings: access follows what they are attached to', () => {
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  const people: Record<string, TestUser> = {};
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { FILE_MAX_BYTES: String(2 * MiB) } });
    const make = factories(t);
    const group = await make.group('social_workers');
    const elsewhere = await make.group('social_workers');
    groupId = group.id;
    const cast = [
      ['sophie', group, 'facilitator'],
      ['claire', group, 'member'],
      ['amina', elsewhere, 'member'],
      ['nadia', null, null],
    ] as const;
    for (const [name, of, role] of cast) {
      people[name] = await make.user({ displayName: name });
      if (of && role) await make.membership(people[name], of, role);
      as[name] = await make.signIn(people[name]);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('in a message', () => {
    let threadId: string;
    let file: StoredFile;
    let message: Message;

    beforeAll(async () => {
      threadId = (
        await as.sophie
          .post(`/api/groups/${groupId}/threads`)
          .send({ title: 'Photos de l’atelier', body: 'Voici la salle' })
          .expect(201)
      ).body.id;
    });

    it('uploads a photo to the thread, readable by its uploader only until the message is sent', async () => {
      file = (
        await attach(as.claire, `/api/threads/${threadId}/files`, await photo(), 'atelier.jpg').expect(201)
      ).body;
      expect(file).toMatchObject({
        attachedTo: 'message',
        kind: 'image',
        name: 'atelier.jpg',
        ficheId: null,
      });
      await as.claire.get(fileDisplayPath(file.id)).expect(200);
      await as.sophie.get(fileDisplayPath(file.id)).expect(404);
    });

    it('sends a message carrying the photo (no text needed); another member reads it', async () => {
      message = (
        await as.claire
          .post(`/api/threads/${threadId}/messages`)
          .send({ clientId: 'photo-message-1', body: '', fileIds: [file.id] })
          .expect(201)
      ).body;
      expect(message.files).toEqual([
        expect.objectContaining({ id: file.id, name: 'atelier.jpg', kind: 'image', width: 64, height: 48 }),
      ]);
      const page = (await as.sophie.get(`/api/threads/${threadId}/messages`).expect(200)).body;
      expect(page.items.at(-1).files.map((f: StoredFile) => f.id)).toEqual([file.id]);
      const shown = await as.sophie.get(fileDisplayPath(file.id)).expect(200);
      expect(shown.headers['content-type']).toBe('image/jpeg');
      await as.sophie.get(fileDownloadPath(file.id)).expect(200);
    });

    it('refuses a non-member (404), then reads for a guest of the thread', async () => {
      await as.amina.get(fileDisplayPath(file.id)).expect(404);
      await as.nadia.get(fileDownloadPath(file.id)).expect(404);
      await as.nadia
        .post(`/api/threads/${threadId}/files`)
        .attach('file', await photo(), 'x.jpg')
        .expect(404);
      await as.sophie
        .post(`/api/threads/${threadId}/access-grants`)
        .send({ userId: people.nadia.id, kind: 'guest' })
        .expect(201);
      await as.nadia.get(fileDownloadPath(file.id)).expect(200);
    });

    it('refuses a file that is not the sender’s, or not of this thread, naming the field', async () => {
      const res = await as.sophie
        .post(`/api/threads/${threadId}/messages`)
        .send({ clientId: 'photo-message-2', body: 'Le même ?', fileIds: [file.id] })
        .expect(400);
      expect(res.body.fieldErrors).toEqual([{ path: 'fileIds', message: expect.stringContaining('joint') }]);
      const empty = await as.sophie
        .post(`/api/threads/${threadId}/messages`)
        .send({ clientId: 'photo-message-3', body: '  ' })
        .expect(400);
      expect(empty.body.fieldErrors).toEqual([{ path: 'body', message: 'Le message est vide' }]);
    });

    it('refuses a file over the size limit or of a refused type, in French', async () => {
      const big = await attach(
        as.claire,
        `/api/threads/${threadId}/files`,
        randomPdf(3 * MiB),
        'gros.pdf',
      ).expect(413);
      expect(big.body.message).toContain('« gros.pdf » dépasse 2 Mo');
      const svg = await attach(
        as.claire,
        `/api/threads/${threadId}/files`,
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'x.svg',
      ).expect(415);
      expect(svg.body.message).toContain('n’est pas d’un type accepté');
    });

    it('shows a PDF inline for its preview, and nothing else inline', async () => {
      const pdf: StoredFile = (
        await attach(as.claire, `/api/threads/${threadId}/files`, randomPdf(4096), 'formulaire.pdf').expect(
          201,
        )
      ).body;
      await as.claire
        .post(`/api/threads/${threadId}/messages`)
        .send({ clientId: 'pdf-message-1', body: 'Le formulaire', fileIds: [pdf.id] })
        .expect(201);
      const preview = await as.sophie.get(filePreviewPath(pdf.id)).expect(200);
      expect(preview.headers['content-type']).toBe('application/pdf');
      expect(preview.headers['content-disposition']).toBe('inline');
      expect(preview.headers['x-content-type-options']).toBe('nosniff');
      await as.sophie.get(filePreviewPath(file.id)).expect(404);
    });

    it('hides the files of a deleted message from everyone', async () => {
      const deleted: Message = (await as.claire.delete(`/api/messages/${message.id}`).expect(200)).body;
      expect(deleted.files).toEqual([]);
      await as.sophie.get(fileDisplayPath(file.id)).expect(404);
      await as.claire.get(fileDownloadPath(file.id)).expect(404);
      await as.nadia.get(fileDownloadPath(file.id)).expect(404);
    });
  });

  describe('in a comment', () => {
    let ficheId: string;
    let file: StoredFile;
    let comment: FicheComment;

    beforeAll(async () => {
      ficheId = (await as.sophie.post('/api/fiches').send({ title: 'Potager', groupId }).expect(201)).body.id;
    });

    it('attaches a file to a comment and a reply; the group reads them, others get 404', async () => {
      file = (
        await attach(as.claire, `/api/fiches/${ficheId}/comment-files`, randomPdf(2048), 'plan.pdf').expect(
          201,
        )
      ).body;
      expect(file.attachedTo).toBe('comment');
      await as.sophie.get(fileDownloadPath(file.id)).expect(404);
      comment = (
        await as.claire
          .post(`/api/fiches/${ficheId}/comments`)
          .send({
            anchorStart: anchor(),
            anchorEnd: anchor(),
            quote: 'x',
            body: 'Le plan',
            fileIds: [file.id],
          })
          .expect(201)
      ).body;
      expect(comment.files.map((f) => f.name)).toEqual(['plan.pdf']);
      await as.sophie.get(fileDownloadPath(file.id)).expect(200);
      await as.amina.get(fileDownloadPath(file.id)).expect(404);
      await as.amina
        .post(`/api/fiches/${ficheId}/comment-files`)
        .attach('file', randomPdf(64), 'x.pdf')
        .expect(404);

      const image: StoredFile = (
        await attach(as.sophie, `/api/fiches/${ficheId}/comment-files`, await photo(), 'photo.jpg').expect(
          201,
        )
      ).body;
      const replied: FicheComment = (
        await as.sophie
          .post(`/api/fiches/${ficheId}/comments/${comment.id}/replies`)
          .send({ body: 'Et la photo', fileIds: [image.id] })
          .expect(201)
      ).body;
      expect(replied.replies[0].files.map((f) => f.id)).toEqual([image.id]);
      await as.claire.get(fileDisplayPath(image.id)).expect(200);
    });

    it('a deleted comment takes its file with it', async () => {
      await as.claire.delete(`/api/fiches/${ficheId}/comments/${comment.id}`).expect(204);
      await as.sophie.get(fileDownloadPath(file.id)).expect(404);
    });

    it('keeps comment files out of the fiche’s own files', async () => {
      const list = (await as.sophie.get(`/api/fiches/${ficheId}/files`).expect(200)).body;
      expect(list.items).toEqual([]);
      expect(list.usedBytes).toBe(0);
    });
  });

  describe('in a meeting', () => {
    let meetingId: string;
    let file: StoredFile;

    beforeAll(async () => {
      meetingId = (
        await as.sophie
          .post(`/api/groups/${groupId}/meetings`)
          .send({
            title: 'Focus avec le CPAS',
            kind: 'thematic',
            startsAt: '2027-04-07T08:00:00.000Z',
            endsAt: '2027-04-07T11:00:00.000Z',
          })
          .expect(201)
      ).body.id;
    });

    it('attaches a file to the agenda; members and the meeting’s guests read it, others get 404', async () => {
      file = (
        await attach(
          as.claire,
          `/api/meetings/${meetingId}/files/agenda`,
          randomPdf(2048),
          'ordre.pdf',
        ).expect(201)
      ).body;
      expect(file).toMatchObject({ attachedTo: 'meeting', meetingId, meetingSection: 'agenda' });
      const list: MeetingFiles = (await as.sophie.get(`/api/meetings/${meetingId}/files`).expect(200)).body;
      expect(list.agenda.map((f) => f.id)).toEqual([file.id]);
      expect(list.minutes).toEqual([]);
      await as.sophie.get(fileDownloadPath(file.id)).expect(200);
      await as.amina.get(fileDownloadPath(file.id)).expect(404);
      await as.amina.get(`/api/meetings/${meetingId}/files`).expect(404);
      await as.nadia.get(fileDownloadPath(file.id)).expect(404);

      await as.sophie
        .post(`/api/meetings/${meetingId}/guests`)
        .send({ email: people.nadia.email, displayName: 'Nadia', organisation: 'CPAS' })
        .expect(201);
      await as.nadia.get(fileDownloadPath(file.id)).expect(200);
      expect((await as.nadia.get(`/api/meetings/${meetingId}/files`).expect(200)).body.agenda).toHaveLength(
        1,
      );
      // A guest reads; the files come from the group.
      await as.nadia
        .post(`/api/meetings/${meetingId}/files/minutes`)
        .attach('file', randomPdf(64), 'x.pdf')
        .expect(403);
    });

    it('lets the uploader or a facilitator remove a file, not another member', async () => {
      const minutes: StoredFile = (
        await attach(
          as.sophie,
          `/api/meetings/${meetingId}/files/minutes`,
          await photo(),
          'tableau.jpg',
        ).expect(201)
      ).body;
      await as.claire.delete(`/api/meetings/${meetingId}/files/${minutes.id}`).expect(403);
      await as.sophie.delete(`/api/meetings/${meetingId}/files/${file.id}`).expect(204);
      await as.claire.get(fileDownloadPath(file.id)).expect(404);
      const list: MeetingFiles = (await as.claire.get(`/api/meetings/${meetingId}/files`).expect(200)).body;
      expect(list.agenda).toEqual([]);
      expect(list.minutes.map((f) => f.name)).toEqual(['tableau.jpg']);
    });
  });

  it('deletes an upload never sent once the grace period is over, and keeps those sent', async () => {
    const threadId = (
      await as.claire
        .post(`/api/groups/${groupId}/threads`)
        .send({ title: 'Brouillons', body: 'Un fil pour les brouillons' })
        .expect(201)
    ).body.id;
    const sent: StoredFile = (
      await attach(as.claire, `/api/threads/${threadId}/files`, randomPdf(512), 'envoye.pdf').expect(201)
    ).body;
    const abandoned: StoredFile = (
      await attach(as.claire, `/api/threads/${threadId}/files`, randomPdf(512), 'abandonne.pdf').expect(201)
    ).body;
    await as.claire
      .post(`/api/threads/${threadId}/messages`)
      .send({ clientId: 'sweep-message-1', body: 'Le bon', fileIds: [sent.id] })
      .expect(201);
    const files = t.app.get(FilesService);
    // Within the grace period nothing goes: a draft may still be sent.
    expect(await files.sweepUnsent(new Date())).toBe(0);
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await files.sweepUnsent(later)).toBeGreaterThanOrEqual(1);
    await as.claire.get(fileDownloadPath(abandoned.id)).expect(404);
    await as.claire.get(fileDownloadPath(sent.id)).expect(200);
    expect(await files.sweepUnsent(later)).toBe(0);
  });
});
