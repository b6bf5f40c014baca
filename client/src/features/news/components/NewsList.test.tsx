import type { ActivityItem, ActivityPage, NewsItem, NewsPage } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NewsList } from './NewsList';

const social = { id: '00000000-0000-4000-8000-0000000000a1', kind: 'social_workers', bassinName: 'Liège' };
const managers = { id: '00000000-0000-4000-8000-0000000000a2', kind: 'managers', bassinName: 'Namur' };
const ines = { id: '00000000-0000-4000-8000-0000000000b1', displayName: 'Inès Moreau' };

const thread = {
  id: '00000000-0000-4000-8000-0000000000c1',
  groupId: social.id,
  group: social,
  kind: 'discussion',
  title: 'Accueil des stagiaires',
  lastSeq: 7,
  lastMessageAt: '2026-12-05T09:00:00.000Z',
  lastMessageExcerpt: 'On en parle mardi ?',
  createdAt: '2026-12-01T09:00:00.000Z',
  unreadCount: 3,
} as NewsItem;

const activity = (over: Partial<ActivityItem>): ActivityItem => ({
  id: '00000000-0000-4000-8000-0000000000d1',
  kind: 'fiche_published',
  group: social,
  actor: ines,
  title: 'Atelier CV',
  excerpt: '',
  link: '/fiches/f1',
  createdAt: '2026-12-05T10:00:00.000Z',
  unread: true,
  ...over,
});

let newsPage: NewsPage;
let activityPage: ActivityPage;
let olderPage: ActivityPage;
const posted: Array<{ url: string; body: unknown }> = [];

beforeEach(() => {
  posted.length = 0;
  newsPage = { items: [thread], totalUnread: 3 };
  activityPage = {
    items: [
      activity({}),
      activity({
        id: '00000000-0000-4000-8000-0000000000d2',
        kind: 'meeting_moved',
        group: managers,
        actor: null,
        title: 'Rencontre de mars',
        excerpt: 'mercredi 17 mars 2027 de 09:00 à 12:00',
        link: '/rencontres/m1',
        createdAt: '2026-12-05T11:00:00.000Z',
      }),
      activity({
        id: '00000000-0000-4000-8000-0000000000d3',
        kind: 'fiche_created',
        title: 'Fiche déjà vue',
        createdAt: '2026-12-04T10:00:00.000Z',
        unread: false,
      }),
    ],
    totalUnread: 2,
    nextCursor: null,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (init?.method === 'POST') {
        posted.push({ url, body: JSON.parse(String(init.body)) });
        if (url === '/api/activity/read') {
          activityPage = {
            ...activityPage,
            items: activityPage.items.map((i) => ({ ...i, unread: false })),
            totalUnread: 0,
          };
          return jsonResponse(200, { totalUnread: 0 });
        }
        newsPage = { items: [], totalUnread: 0 };
        return jsonResponse(200, { threadId: thread.id, seq: 7 });
      }
      if (url === '/api/discussions/news') return jsonResponse(200, newsPage);
      if (url.startsWith('/api/activity?cursor=')) return jsonResponse(200, olderPage);
      if (url.startsWith('/api/activity')) return jsonResponse(200, activityPage);
      throw new Error(`unexpected fetch ${url}`);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NewsList', () => {
  it('shows threads and activity by group, newest group first, with the unread entries marked', async () => {
    renderWithProviders(<NewsList />);
    const groups = await screen.findAllByRole('region');
    // Namur's meeting moved at 11:00 is the newest news; Liège follows with its fiche (10:00) then thread (9:00).
    expect(groups.map((g) => within(g).getByRole('heading', { level: 2 }).textContent)).toEqual([
      expect.stringContaining('Responsables d’entreprises · Namur'),
      expect.stringContaining('Travailleurs sociaux · Liège'),
    ]);
    const liege = within(groups[1]).getAllByRole('listitem');
    expect(liege.map((li) => within(li).getByRole('link').textContent)).toEqual([
      'Atelier CVNouveau',
      'Accueil des stagiaires3 non lus',
      'Fiche déjà vue',
    ]);
    // Unread entries say so in their link's text (read by screen readers) and carry the unread mark.
    expect(liege.map((li) => li.classList.contains('news-entry--unread'))).toEqual([true, true, false]);
    expect(within(liege[0]).getByText(/Fiche publiée · Inès Moreau/)).toBeTruthy();
    expect(within(groups[0]).getByText('mercredi 17 mars 2027 de 09:00 à 12:00')).toBeTruthy();
    expect(within(groups[1]).getByRole('heading').textContent).toContain('4 non lus');
    expect(screen.getByText('5 nouveautés non lues')).toBeTruthy();
  });

  it('« Tout marquer comme lu » marks the activity and each unread thread read', async () => {
    renderWithProviders(<NewsList />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    await screen.findByText('Vous avez tout lu.');
    expect(posted).toEqual([
      { url: '/api/activity/read', body: {} },
      { url: `/api/threads/${thread.id}/read`, body: { seq: 7 } },
    ]);
    expect(document.querySelectorAll('.news-entry--unread')).toHaveLength(0);
    expect(
      (screen.getByRole('button', { name: 'Tout marquer comme lu' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('asks for older activity page by page', async () => {
    activityPage = { ...activityPage, nextCursor: 'page-2' };
    olderPage = {
      items: [
        activity({
          id: '00000000-0000-4000-8000-0000000000d9',
          title: 'Fiche d’octobre',
          createdAt: '2026-10-01T10:00:00.000Z',
          unread: false,
        }),
      ],
      totalUnread: 2,
      nextCursor: null,
    };
    renderWithProviders(<NewsList />);
    fireEvent.click(await screen.findByRole('button', { name: 'Voir plus d’activité' }));
    const liege = await screen.findByRole('region', { name: /Liège/ });
    await within(liege).findByText('Fiche d’octobre');
    expect(within(liege).getAllByRole('listitem')).toHaveLength(4);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Voir plus d’activité' })).toBeNull());
  });

  it('says what to do next when nothing happened yet', async () => {
    newsPage = { items: [], totalUnread: 0 };
    activityPage = { items: [], totalUnread: 0, nextCursor: null };
    renderWithProviders(<NewsList />);
    expect(await screen.findByRole('heading', { name: 'Rien de neuf pour l’instant' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voir mes groupes' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });
});
