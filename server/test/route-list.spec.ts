import { type HttpRoute, listRoutes } from '@affluents/contracts';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { declaredSchema, HTTP_ROUTE } from '../src/common/http/route.decorator';
import { startTestApp, type TestApp } from './support/test-app';

const methodNames: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface Handler {
  controller: string;
  name: string;
  route: string;
  declared: HttpRoute | undefined;
  args: Array<{ type: string; field: string | undefined }>;
}

const argTypes: Partial<Record<number, string>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'param',
};

describe('The route list in packages/contracts is the one declaration of each HTTP route', () => {
  let t: TestApp;
  let handlers: Handler[];
  let registered: string[];
  const declared = listRoutes();

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const scanner = new MetadataScanner();
    handlers = new DiscoveryService(t.app.get(ModulesContainer))
      .getControllers()
      .flatMap(({ instance, metatype }) => {
        if (!metatype || !instance) return [];
        const prototype = Object.getPrototypeOf(instance);
        return scanner.getAllMethodNames(prototype).flatMap((name) => {
          const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, prototype[name]);
          if (method === undefined) return [];
          const route = key(
            methodNames[method] ?? String(method),
            joinPath(
              'api',
              Reflect.getMetadata(PATH_METADATA, metatype),
              Reflect.getMetadata(PATH_METADATA, prototype[name]),
            ),
          );
          const args: Record<string, { index: number; data?: string }> =
            Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {};
          return [
            {
              controller: (metatype as { name: string }).name,
              name,
              route,
              declared: Reflect.getMetadata(HTTP_ROUTE, prototype[name]),
              args: Object.entries(args).flatMap(([argKey, arg]) => {
                const type = argTypes[Number(argKey.split(':')[0])];
                return type ? [{ type, field: arg.data }] : [];
              }),
            },
          ];
        });
      });
    // The routes Express really serves under /api (the OpenAPI document's own paths aside).
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router;
    registered = router.stack.flatMap((layer) =>
      layer.route &&
      typeof layer.route.path === 'string' &&
      layer.route.path.startsWith('/api/') &&
      !layer.route.path.startsWith('/api/docs')
        ? Object.keys(layer.route.methods)
            .filter((method) => method !== '_all')
            .map((method) => key(method, layer.route?.path ?? ''))
        : [],
    );
  });
  afterAll(() => t.close());

  it('serves exactly the declared routes', () => {
    expect(registered).toContain('GET /api/health');
    const expected = declared.map(({ route }) => key(route.method, route.path));
    expect([...registered].sort()).toEqual([...expected].sort());
  });

  it('documents every declared route in the OpenAPI document, with its parameters', async () => {
    const doc = (await t.agent().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => key(method, path.replace(/\{(\w+)\}/g, ':$1'))),
    );
    expect(documented.sort()).toEqual(declared.map(({ route }) => key(route.method, route.path)).sort());
    const vote = doc.paths['/api/polls/{id}/votes'].post;
    expect(vote.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
  });

  it('binds every controller method to a declaration with @Route', () => {
    const unbound = handlers.filter((h) => !h.declared).map((h) => `${h.controller}.${h.name} (${h.route})`);
    expect(unbound).toEqual([]);
    const misplaced = handlers
      .filter((h) => h.declared && h.route !== key(h.declared.method, h.declared.path))
      .map((h) => `${h.controller}.${h.name}: ${h.route} (a controller prefix?)`);
    expect(misplaced).toEqual([]);
  });

  it('binds each declaration once', () => {
    const bound = handlers.flatMap((h) => (h.declared ? [h.declared] : []));
    const twice = bound.filter((route, index) => bound.indexOf(route) !== index);
    const unbound = declared
      .filter(({ route }) => !bound.includes(route))
      .map((d) => `${d.feature}.${d.name}`);
    expect(twice).toEqual([]);
    expect(unbound).toEqual([]);
  });

  it('declares a schema for every body, query and path parameter a bound method reads', () => {
    const missing = handlers.flatMap((h) => {
      const route = h.declared;
      if (!route) return [];
      return h.args
        .filter((arg) => !declaredSchema(route, arg.type as 'body', arg.field))
        .map((arg) => `${h.controller}.${h.name}: ${arg.type} ${arg.field ?? '(whole)'}`);
    });
    expect(missing).toEqual([]);
  });

  it('declares exactly the parameters of each path', () => {
    const wrong = declared.flatMap(({ feature, name, route }) => {
      const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const inSchema = Object.keys(route.params?.shape ?? {}).sort();
      return inPath.join() === inSchema.join() ? [] : [`${feature}.${name}: ${inPath} vs ${inSchema}`];
    });
    expect(wrong).toEqual([]);
  });
});
