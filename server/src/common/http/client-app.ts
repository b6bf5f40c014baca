import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import * as express from 'express';

/** Vite names what it builds in assets/ after a hash of its content: a new build makes new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose name stays the same across builds: the browser asks again before using its copy. */
const REVALIDATE = 'no-cache';
/** Names that must never be taken from a stale copy: the service worker and what it is told to cache. */
const ALWAYS_ASK = new Set(['sw.js', 'push-sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** The Cache-Control of a file of the client build, from its path relative to the build folder. */
export function clientCacheControl(relativePath: string): string {
  const normalised = relativePath.split(path.sep).join('/');
  if (normalised.startsWith('assets/')) return IMMUTABLE;
  if (ALWAYS_ASK.has(normalised) || normalised.startsWith('workbox-')) return REVALIDATE;
  return 'public, max-age=3600';
}

/**
 * Serves the built client (one process, one port): static files, and index.html for every other GET
 * outside /api, so client-side routes survive a reload. Hashed assets are cached for a year; the page
 * itself and the service worker are revalidated on every visit, so that a deployment reaches everyone.
 * Returns false when there is no build.
 */
export function serveClientApp(app: INestApplication, clientDist: string): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!existsSync(index)) return false;
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.use(
    express.static(clientDist, {
      index: false,
      setHeaders: (response, file) =>
        response.setHeader('Cache-Control', clientCacheControl(path.relative(clientDist, file))),
    }),
  );
  http.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path.startsWith('/api/') || request.path === '/api';
    const isRealtime = request.path.startsWith('/socket.io/') || request.path.startsWith('/collab/');
    if (request.method !== 'GET' || isApi || isRealtime || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', REVALIDATE);
    response.sendFile(index);
  });
  return true;
}
