import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PresenceView } from './PresenceAvatars';

describe('PresenceView', () => {
  it('names the online members, counts them, and lists the recently gone with their time', async () => {
    render(
      <PresenceView
        display={{
          online: [
            { id: 'a', name: 'Sophie Lambert', initials: 'SL', color: '#0d5c63', isSelf: true },
            { id: 'b', name: 'Marc Dubois', initials: 'MD', color: '#1d4f8c', isSelf: false },
          ],
          recent: [{ id: 'c', name: 'Zoé Martin', seenAt: '14:32', seenOn: null }],
        }}
      />,
    );
    const list = screen.getByRole('list', { name: 'Membres en ligne' });
    expect(list.textContent).toContain('Sophie Lambert (vous)');
    expect(list.textContent).toContain('Marc Dubois');
    fireEvent.click(screen.getByRole('button', { name: /2 en ligne · 1 vu récemment/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Zoé Martin');
    expect(dialog.textContent).toContain('vu à 14:32');
  });
});
