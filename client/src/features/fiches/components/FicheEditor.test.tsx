import { ficheTemplateUpdate } from '@affluents/editor/template';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentConnection } from '../../../realtime/document-connection';
import { renderWithProviders } from '../../../test/render';
import { FicheEditor } from './FicheEditor';

/** A connection without a server: the doc and an awareness, as the provider would hold them. */
function localConnection(): DocumentConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  return {
    doc,
    provider: { awareness } as unknown as DocumentConnection['provider'],
    persistence: {} as DocumentConnection['persistence'],
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}

const connections: DocumentConnection[] = [];
afterEach(() => {
  for (const s of connections.splice(0)) s.destroy();
});

describe('FicheEditor', () => {
  it('shows the template that arrives in the shared document, each empty section with its hint', async () => {
    const connection = localConnection();
    connections.push(connection);
    renderWithProviders(
      <FicheEditor
        connection={connection}
        user={{ id: 'u1', name: 'Sophie Lambert', color: '#0d5c63' }}
        editable
        showToolbar
        label="Texte de la fiche"
        status={null}
      />,
    );
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    act(() => Y.applyUpdate(connection.doc, ficheTemplateUpdate()));
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
      const paragraph = connection.doc.getXmlFragment('default').get(1) as Y.XmlElement;
      paragraph.insert(0, [new Y.XmlText('Remettre le pied à l’étrier')]);
    });
    await waitFor(() => expect(screen.getByText('5 mots')).toBeTruthy());
    // A filled paragraph loses its hint.
    expect(text.querySelector('h2[data-section="objectifs"] + p')?.hasAttribute('data-placeholder')).toBe(
      false,
    );
  });
});
