import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { PAGES_READ_CACHE, PAGES_READ_URL } from './src/lib/pages-read';

const apiTarget = process.env.AFFLUENTS_API ?? 'http://localhost:3000';
const devPort = 5173;
const devOrigins = new Set([`http://localhost:${devPort}`, `http://127.0.0.1:${devPort}`]);

/**
 * The API refuses state-changing calls from origins other than its PUBLIC_URL (CSRF check). Calls made by
 * this dev server's own pages are same-site by construction, so they are presented with the API's origin;
 * any other origin is passed through unchanged and still checked by the server.
 */
const proxyTo = (ws: boolean): ProxyOptions => ({
  target: apiTarget,
  ws,
  configure(proxy) {
    const rewrite = (
      proxyReq: { setHeader(name: string, value: string): void },
      origin: string | undefined,
    ) => {
      if (origin && devOrigins.has(origin)) proxyReq.setHeader('origin', new URL(apiTarget).origin);
    };
    proxy.on('proxyReq', (proxyReq, req) => rewrite(proxyReq, req.headers.origin));
    proxy.on('proxyReqWs', (proxyReq, req) => rewrite(proxyReq, req.headers.origin));
  },
});

/**
 * The installable app (vite-plugin-pwa, on Workbox): the web app manifest, and a service worker that keeps
 * the app's shell (every built file) and the last pages read (the API's GET answers, network first) for a
 * phone without network. The pages read are wiped at sign-out and sign-in (src/lib/pages-read.ts). The
 * worker also shows Web Push notifications (public/push-sw.js, imported).
 */
const installableApp = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Affluents',
    short_name: 'Affluents',
    description: 'L’espace de travail des groupes d’échange des bassins de l’insertion socioprofessionnelle.',
    lang: 'fr-BE',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0d5c63',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
    // The editor's chunk is the largest file of the app; it is precached like the rest.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//, /^\/collab\//],
    cleanupOutdatedCaches: true,
    // A new version takes over at once (the shell is revalidated on each visit, see the server's client-app.ts).
    skipWaiting: true,
    clientsClaim: true,
    // Web Push: shows the notifications the server pushes and opens their page (public/push-sw.js).
    importScripts: ['/push-sw.js'],
    runtimeCaching: [
      {
        urlPattern: PAGES_READ_URL,
        handler: 'NetworkFirst',
        options: {
          cacheName: PAGES_READ_CACHE,
          // On a weak link, what was read before shows after 4 s rather than a spinner that never ends.
          networkTimeoutSeconds: 4,
          expiration: { maxEntries: 300, maxAgeSeconds: 14 * 24 * 3600 },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [react(), installableApp],
  resolve: {
    // Bundle the packages' TypeScript source: the packages themselves build to CommonJS for the server.
    // `@affluents/editor/template` (Yjs only) stays apart from the Tiptap extensions, so that screens which only
    // read the template do not load the editor.
    alias: [
      {
        find: /^@affluents\/contracts$/,
        replacement: fileURLToPath(new URL('../packages/contracts/src/index.ts', import.meta.url)),
      },
      {
        find: /^@affluents\/editor$/,
        replacement: fileURLToPath(new URL('../packages/editor/src/index.ts', import.meta.url)),
      },
      {
        find: /^@affluents\/editor\/template$/,
        replacement: fileURLToPath(new URL('../packages/editor/src/template/index.ts', import.meta.url)),
      },
    ],
  },
  server: {
    port: devPort,
    strictPort: true,
    proxy: {
      '/api': proxyTo(false),
      '/socket.io': proxyTo(true),
      '/collab': proxyTo(true),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deployments.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'react-aria',
              test: /node_modules[\\/](react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized)[\\/]/,
            },
            // The editor and Yjs load with the pages of shared documents only, in three chunks fetched and
            // compiled side by side (one 640 kB chunk was the longest wait of a fiche's first visit on a phone).
            { name: 'yjs', test: /node_modules[\\/](yjs|y-[a-z]+|lib0)[\\/]/ },
            {
              name: 'prosemirror',
              test: /node_modules[\\/](prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname)[\\/]/,
            },
            { name: 'editor', test: /node_modules[\\/](@tiptap|linkifyjs)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
