import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
import { BassinsPage } from '../pages/BassinsPage';
import { DiscussionSearchPage } from '../pages/DiscussionSearchPage';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { GroupPage } from '../pages/GroupPage';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { NewsPage } from '../pages/NewsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ResetPasswordPage } from '../pages/ResetPasswordPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { ToolboxPage } from '../pages/ToolboxPage';
import { RedirectIfSignedIn, RequireAuth } from './guards';

/** The client routes. `/invitation/:token` and `/reinitialiser/:token` are linked from emails: keep them. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <RedirectIfSignedIn />,
          children: [{ path: '/connexion', element: <LoginPage /> }],
        },
        { path: '/mot-de-passe-oublie', element: <ForgotPasswordPage /> },
        { path: '/reinitialiser/:token', element: <ResetPasswordPage /> },
        { path: '/invitation/:token', element: <AcceptInvitationPage /> },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomePage /> },
            { path: '/bassins', element: <BassinsPage /> },
            { path: '/groupes/:groupId', element: <GroupPage /> },
            { path: '/boite-a-outils', element: <ToolboxPage /> },
            { path: '/nouveautes', element: <NewsPage /> },
            // A static segment outranks `/discussions/:threadId`, whatever the order of the routes.
            { path: '/discussions/recherche', element: <DiscussionSearchPage /> },
            {
              // The editor (Tiptap, Yjs) loads only with a fiche.
              path: '/fiches/:ficheId',
              lazy: () => import('../pages/FichePage').then((m) => ({ Component: m.FichePage })),
            },
            {
              // A frozen version, read-only: its own page, so it can be linked and left with "back".
              path: '/fiches/:ficheId/versions/:versionId',
              lazy: () =>
                import('../pages/FicheVersionPage').then((m) => ({ Component: m.FicheVersionPage })),
            },
            {
              // Live mode and minutes load the editor (Tiptap, Yjs) with the meeting's notes.
              path: '/rencontres/:meetingId/direct',
              lazy: () => import('../pages/MeetingLivePage').then((m) => ({ Component: m.MeetingLivePage })),
            },
            {
              path: '/rencontres/:meetingId/proces-verbal',
              lazy: () =>
                import('../pages/MeetingMinutesPage').then((m) => ({ Component: m.MeetingMinutesPage })),
            },
            {
              path: '/discussions/:threadId',
              lazy: () => import('../pages/ThreadPage').then((m) => ({ Component: m.ThreadPage })),
            },
            {
              // The agenda (Yjs) loads only with a meeting.
              path: '/rencontres/:meetingId',
              lazy: () => import('../pages/MeetingPage').then((m) => ({ Component: m.MeetingPage })),
            },
            {
              path: '/actions',
              lazy: () =>
                import('../features/meetings/components/MyActionsPage').then((m) => ({
                  Component: m.MyActionsPage,
                })),
            },
            {
              path: '/admin',
              lazy: () => import('../pages/AdminPage').then((m) => ({ Component: m.AdminPage })),
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
