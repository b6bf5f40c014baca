import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import * as express from 'express';

/**
 * Serves the built client (one process, one port): static files, and index.html for every other GET
 * outside /api, so client-side routes survive a reload. Returns false when there is no build.
 */
export function serveClientApp(app: INestApplication, clientDist: string): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!existsSync(index)) return false;
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  http.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path.startsWith('/api/') || request.path === '/api';
    const isRealtime = request.path.startsWith('/socket.io/') || request.path.startsWith('/collab/');
    if (request.method !== 'GET' || isApi || isRealtime || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
