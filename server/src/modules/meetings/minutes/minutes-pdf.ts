import type {
  AgendaItem,
  AttendanceState,
  Decision,
  FollowUpAction,
  Participant,
} from '@affluents/contracts';
import { formatDateAs } from '@affluents/contracts';
import type * as Y from 'yjs';
import { heading, labelledBox, type Pdf } from '../../exports/pdf-layout';
import { YjsPdfBlocks } from '../../exports/yjs-pdf-blocks';
import type { MinutesHeader } from './minutes-fact-rows';

/** Everything the PDF of published minutes shows. */
export interface MinutesPdfSource {
  header: MinutesHeader;
  publishedAt: string;
  publishedBy: string;
  agenda: AgendaItem[];
  attendance: Participant[];
  decisions: Decision[];
  actions: FollowUpAction[];
  /** The frozen notes (the caller owns and destroys it). */
  notes: Y.Doc;
}

const dateTime = (iso: string) => formatDateAs('dayTime', iso, 'fr-BE');
const time = (iso: string) => formatDateAs('time', iso, 'fr-BE');
const day = (iso: string) => formatDateAs('day', iso.slice(0, 10), 'fr-BE');

const attendanceLabel: Record<AttendanceState, string> = {
  present: 'Présents',
  excused: 'Excusés',
  absent: 'Absents',
};

/** The minutes: title and facts, agenda, attendance, decisions, actions, then the notes as they were published. */
export function renderMinutes(doc: Pdf, source: MinutesPdfSource): void {
  const { header } = source;
  heading(doc, 1, `Procès-verbal — ${header.title}`);
  const when = header.startsAt
    ? `${dateTime(header.startsAt)}${header.endsAt ? ` – ${time(header.endsAt)}` : ''}`
    : 'Date à fixer';
  meta(doc, [
    ['Groupe', header.groupLabel],
    ['Date', when],
    ['Lieu', header.place],
    ['Publié', `le ${dateTime(source.publishedAt)} par ${source.publishedBy}`],
  ]);

  const blocks = new YjsPdfBlocks(doc);
  heading(doc, 2, 'Ordre du jour');
  if (source.agenda.length === 0)
    blocks.paragraph([{ text: 'Pas d’ordre du jour.', marks: { italic: true } }], 0);
  source.agenda.forEach((item, i) => {
    const details = [
      item.durationMinutes ? `${item.durationMinutes} min` : null,
      item.ownerName ? item.ownerName : null,
    ].filter(Boolean);
    blocks.paragraph(
      [
        { text: `${i + 1}. `, marks: { bold: true } },
        { text: item.title || 'Point sans titre', marks: {} },
        ...(details.length ? [{ text: ` — ${details.join(', ')}`, marks: {} }] : []),
      ],
      0,
    );
  });

  heading(doc, 2, 'Présences');
  for (const state of ['present', 'excused', 'absent'] as const) {
    const people = source.attendance.filter((p) => p.attendance === state);
    blocks.paragraph(
      [
        { text: `${attendanceLabel[state]} : `, marks: { bold: true } },
        { text: people.length ? people.map(personLine).join(', ') : '—', marks: {} },
      ],
      0,
    );
  }

  heading(doc, 2, 'Décisions');
  if (source.decisions.length === 0)
    blocks.paragraph([{ text: 'Aucune décision consignée.', marks: { italic: true } }], 0);
  source.decisions.forEach((decision, i) => {
    blocks.paragraph(
      [
        { text: `${i + 1}. `, marks: { bold: true } },
        { text: decision.text, marks: {} },
      ],
      0,
    );
  });

  heading(doc, 2, 'Actions');
  if (source.actions.length === 0)
    blocks.paragraph([{ text: 'Aucune action décidée.', marks: { italic: true } }], 0);
  for (const action of source.actions) {
    const who = action.owner ? action.owner.displayName : 'sans responsable';
    const due = action.dueOn ? `pour le ${day(action.dueOn)}` : 'sans échéance';
    blocks.paragraph(
      [
        { text: '• ', marks: {} },
        { text: action.title, marks: { bold: true } },
        { text: ` — ${who}, ${due}${action.status === 'done' ? ' (fait)' : ''}`, marks: {} },
      ],
      0,
    );
  }

  heading(doc, 2, 'Notes de la rencontre');
  const before = doc.y;
  blocks.renderDocument(source.notes);
  if (doc.y === before) blocks.paragraph([{ text: 'Pas de notes.', marks: { italic: true } }], 0);
}

const personLine = (p: Participant) =>
  `${p.person.displayName}${p.organisation ? ` (${p.organisation})` : ''}${p.role === 'guest' ? ', invité·e' : ''}`;

function meta(doc: Pdf, rows: Array<[string, string]>): void {
  labelledBox(doc, rows, { labelWidth: 60 });
}
