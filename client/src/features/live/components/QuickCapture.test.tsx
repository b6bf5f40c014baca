import type { Participant } from '@affluents/contracts';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { QuickCapture } from './QuickCapture';

const meetingId = '00000000-0000-4000-8000-0000000000aa';
const person = (n: number, displayName: string): Participant => ({
  person: { id: `00000000-0000-4000-8000-00000000000${n}`, displayName },
  role: 'member',
  organisation: null,
  rsvp: null,
  attendance: null,
});
const amina = person(1, 'Amina Lahlou');
const thomas = person(2, 'Thomas Dubois');

function press(element: HTMLElement) {
  fireEvent.pointerDown(element, { pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(element, { pointerType: 'mouse', button: 0 });
  fireEvent.click(element);
}

async function chooseOwner(name: string) {
  press(screen.getByRole('button', { name: /Qui/ }));
  press(await screen.findByRole('option', { name }));
  await waitFor(() => expect(screen.getByRole('button', { name: /Qui/ }).textContent).toContain(name));
}

/** The answers of the server to the action posts, released by the test one at a time. */
function serverHolding() {
  const pending: Array<(response: Response) => void> = [];
  const fetchMock = vi.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((resolve) => {
        if (init?.method === 'POST') pending.push(resolve);
        else resolve(jsonResponse(200, {}));
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return { pending, fetchMock };
}

afterEach(() => vi.unstubAllGlobals());

function renderCapture() {
  renderWithProviders(
    <QuickCapture
      meetingId={meetingId}
      participants={[amina, thomas]}
      decisions={[]}
      actions={[]}
      canManage
    />,
  );
}

/** The add button is done with the last post: its spinner is gone. */
const settled = () =>
  waitFor(() =>
    expect(screen.getByRole('button', { name: /Ajouter l’action/ }).querySelector('.spinner')).toBeNull(),
  );

const actionField = () => screen.getByRole('textbox', { name: /Action à mener/ }) as HTMLInputElement;

/** Writes an action for `owner` and sends it; resolves once its post is held by the server. */
async function sendAction(server: ReturnType<typeof serverHolding>, title: string, owner: string) {
  fireEvent.change(actionField(), { target: { value: title } });
  await chooseOwner(owner);
  press(screen.getByRole('button', { name: 'Ajouter l’action' }));
  await waitFor(() => expect(server.pending).toHaveLength(1));
}

describe('QuickCapture: follow-up actions', () => {
  it('keeps the owner chosen for the next action while the previous one is being saved', async () => {
    const server = serverHolding();
    renderCapture();
    await sendAction(server, 'Appeler le CPAS', 'Amina Lahlou');
    const [, init] = server.fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(init.body))).toEqual({
      title: 'Appeler le CPAS',
      ownerId: amina.person.id,
      dueOn: null,
    });

    // The next action is written while the first is still on its way...
    fireEvent.change(actionField(), { target: { value: 'Recenser les places' } });
    await chooseOwner('Thomas Dubois');
    // ...and the first one's success leaves it as it is.
    await act(async () => server.pending[0](jsonResponse(201, { id: 'x' })));
    await settled();
    expect(actionField().value).toBe('Recenser les places');
    expect(screen.getByRole('button', { name: /Qui/ }).textContent).toContain('Thomas Dubois');
  });

  it('gives back what was sent when the server refuses it and nothing new was typed', async () => {
    const server = serverHolding();
    renderCapture();
    await sendAction(server, 'Appeler le CPAS', 'Amina Lahlou');
    expect(actionField().value).toBe('');
    await act(async () =>
      server.pending[0](jsonResponse(503, { status: 503, code: 'unavailable', message: 'Indisponible' })),
    );
    await settled();
    expect(actionField().value).toBe('Appeler le CPAS');
    expect(screen.getByRole('button', { name: /Qui/ }).textContent).toContain('Amina Lahlou');
    // The refusal is said under the form.
    expect(screen.getAllByRole('alert').some((alert) => (alert.textContent ?? '').length > 0)).toBe(true);
  });
});
