import './i18n';
import './styles/index.css';
import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { createRouter } from './app/router';

// The service worker (vite.config.ts): the app installs, and its shell and last pages read open without network.
// Built apps only: in development Vite serves the files as they change.
if (import.meta.env.PROD) registerSW({ immediate: false });

const router = createRouter();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
