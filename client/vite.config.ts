import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  plugins: [react()],
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
            // The editor and Yjs load with the fiche page only.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|yjs|y-[a-z]+|lib0|linkifyjs|orderedmap|rope-sequence|w3c-keyname)[\\/]/,
            },
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
