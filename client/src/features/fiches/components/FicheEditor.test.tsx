import { ficheTemplateUpdate } from '@affluents/editor/template';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentSession } from '../../../realtime/document-session';
import { renderWithProviders } from '../../../test/render';
import { FicheEditor } from './FicheEditor';

/** A session without a server: the doc and an awareness, as the provider would hold them. */
function localSession(): DocumentSession {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  return {
    doc,
    provider: { awareness } as unknown as DocumentSession['provider'],
    persistence: {} as DocumentSession['persistence'],
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}

const sessions: DocumentSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.destroy();
});

describe('FicheEditor', () => {
  it('shows the template that arrives in the shared document, each empty section with its hint', async () => {
    const session = localSession();
    sessions.push(session);
    renderWithProviders(
      <FicheEditor
        session={session}
        user={{ id: 'u1', name: 'Sophie Lambert', color: '#0d5c63' }}
        editable
        showToolbar
        label="Texte de la fiche"
        status={null}
      />,
    );
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    act(() => Y.applyUpdate(session.doc, ficheTemplateUpdate()));
    await waitFor(() => expect(text.querySelectorAll('h2')).toHaveLength(10));
    expect(text.querySelector('h2')?.getAttribute('data-section')).toBe('objectifs');
    const hint = text.querySelector('h2[data-section="contexte"] + p');
    expect(hint?.getAttribute('data-placeholder')).toBe(
      'La situation de départ : le territoire, le besoin constaté, ce qui existait déjà.',
    );
    expect(screen.getByRole('toolbar', { name: 'Mise en forme' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Gras' }).getAttribute('aria-pressed')).toBe('false');
    // The template's titles are not the authors' words.
    expect(screen.getByText('0 mot')).toBeTruthy();
    act(() => {
      const paragraph = session.doc.getXmlFragment('default').get(1) as Y.XmlElement;
      paragraph.insert(0, [new Y.XmlText('Remettre le pied à l’étrier')]);
    });
    await waitFor(() => expect(screen.getByText('5 mots')).toBeTruthy());
    // A filled paragraph loses its hint.
    expect(text.querySelector('h2[data-section="objectifs"] + p')?.hasAttribute('data-placeholder')).toBe(
      false,
    );
  });
});
