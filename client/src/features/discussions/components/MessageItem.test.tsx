import type { Message, ThreadDetail } from '@affluents/contracts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import type { MessageActions } from '../use-message-actions';
import { MessageItem } from './MessageItem';

const me = '00000000-0000-4000-8000-00000000000a';
const other = '00000000-0000-4000-8000-00000000000b';

const thread = {
  id: '00000000-0000-4000-8000-000000000100',
  groupId: '00000000-0000-4000-8000-000000000200',
  kind: 'question',
  author: { id: me, displayName: 'Claire' },
  solvedMessageId: null,
  canPost: true,
  canModerate: false,
} as ThreadDetail;

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    threadId: thread.id,
    seq: 3,
    change: 3,
    clientId: 'client-3',
    author: { id: other, displayName: 'Sophie' },
    body: 'Bonjour',
    html: '<p>Bonjour <strong>à tous</strong></p>',
    replyTo: null,
    mentions: [],
    mentionsGroup: false,
    reactions: [],
    previews: [],
    files: [],
    createdAt: '2025-03-04T13:32:00.000Z',
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    movedTo: null,
    ...overrides,
  };
}

function show(m: Message) {
  const actions = {
    react: vi.fn(),
    edit: vi.fn(),
    remove: vi.fn(),
    hide: vi.fn(),
    unhide: vi.fn(),
    move: vi.fn(),
  };
  render(
    <MessageItem
      message={m}
      thread={thread}
      myId={me}
      actions={actions as unknown as MessageActions}
      onReply={vi.fn()}
      onShowRevisions={vi.fn()}
      onMove={vi.fn()}
      onMarkSolution={vi.fn()}
    />,
  );
  return actions;
}

/** Presses a react-aria button or menu item as a mouse user does. */
function press(element: HTMLElement) {
  fireEvent.pointerDown(element, { pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(element, { pointerType: 'mouse', button: 0 });
  fireEvent.click(element);
}

describe('MessageItem', () => {
  it('asks in the app’s own dialog before deleting my message, and deletes only once confirmed', async () => {
    const actions = show(message({ author: { id: me, displayName: 'Claire' } }));
    press(screen.getByRole('button', { name: /Actions/ }));
    press(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Supprimer' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Supprimer ce message ?' });
    expect(dialog.textContent).toContain('Message supprimé');
    expect(actions.remove).not.toHaveBeenCalled();
    press(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(actions.remove).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000001');
    expect(actions.remove).toHaveBeenCalledTimes(1);
  });

  it('renders the server HTML under an anchor for replies', () => {
    show(message());
    expect(screen.getByText('à tous').tagName).toBe('STRONG');
    expect(document.getElementById('m-3')).not.toBeNull();
  });

  it('renders a preview as a link only under the shared link rule', () => {
    show(
      message({
        previews: [
          { url: 'data:text/html,<b>x</b>', title: 'piège', internal: false },
          { url: 'javascript:alert(1)', title: 'autre piège', internal: false },
          { url: 'https://www.forem.be', title: 'www.forem.be', internal: false },
          { url: '/fiches/1234', title: 'Jardin partagé', internal: true },
        ],
      }),
    );
    expect(screen.queryByText('piège')).toBeNull();
    expect(screen.queryByText('autre piège')).toBeNull();
    expect(screen.getByText('www.forem.be').getAttribute('href')).toBe('https://www.forem.be');
    expect(screen.getByText('Jardin partagé').getAttribute('href')).toBe('/fiches/1234');
  });

  it('shows a marker instead of a deleted, hidden or moved message', () => {
    show(message({ deletedAt: '2025-03-04T14:00:00.000Z', body: '', html: '' }));
    expect(screen.getByText('Message supprimé')).toBeTruthy();
  });

  it('refuses HTML that carries a script', () => {
    show(message({ html: '<p>x</p><script>window.__xss=1</script>' }));
    expect(screen.getByText('Ce message ne peut pas être affiché.')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
  });

  it('toggles my reaction off and says whether it is pressed', () => {
    const actions = show(message({ reactions: [{ emoji: '👍', count: 2, userIds: [me, other] }] }));
    const button = screen.getByRole('button', { name: '👍 : 2' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(actions.react).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000001', '👍', false);
  });

  it('links a reply to the quoted message', () => {
    show(
      message({
        replyTo: { id: 'x', seq: 1, author: { id: me, displayName: 'Claire' }, excerpt: 'Qui connaît…' },
      }),
    );
    expect(screen.getByRole('link', { name: /En réponse à Claire/ }).getAttribute('href')).toBe('#m-1');
  });
});
