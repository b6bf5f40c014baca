import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import * as express from 'express';
import { buildOpenApiDocument } from './openapi-document';

const uiPage = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Affluents API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const initScript = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui' });`;

// The folder of swagger-ui-dist's static files, found without importing the package: its index loads
// the whole UI bundle (several MB of heap in every server process) only to answer this path.
const swaggerUiFolder = () => path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Serves the OpenAPI document and the Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const document = buildOpenApiDocument(version);
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.get('/api/docs/openapi.json', (_req: Request, res: Response) => {
    res.json(document);
  });
  http.get('/api/docs/init.js', (_req: Request, res: Response) => {
    res.type('application/javascript').send(initScript);
  });
  http.use('/api/docs/assets', express.static(swaggerUiFolder(), { index: false }));
  http.get(['/api/docs', '/api/docs/'], (_req: Request, res: Response) => {
    res.type('html').send(uiPage);
  });
}
