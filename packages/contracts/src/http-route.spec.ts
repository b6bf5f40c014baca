import { openApiPath, route, routeUrl } from './http-route';

const example = route({
  method: 'get',
  path: '/api/groups/:groupId/meetings/:id.ics',
  summary: 'exemple',
  tag: 'Exemple',
  access: 'signed-in',
  errors: [],
});

describe('routeUrl', () => {
  it('fills in each path parameter, URI-encoded, and keeps the query values that say something', () => {
    const url = routeUrl(example, {
      params: { groupId: 'g/1', id: 'm1' },
      query: { when: 'past', q: '', page: 2, cursor: undefined, done: false },
    });
    expect(url).toBe('/api/groups/g%2F1/meetings/m1.ics?when=past&page=2&done=false');
  });

  it('refuses a missing path parameter rather than calling another route', () => {
    expect(() => routeUrl(example, { params: { groupId: 'g1' } })).toThrow(/missing path parameter id/);
  });
});

describe('openApiPath', () => {
  it('writes parameters the OpenAPI way', () => {
    expect(openApiPath(example.path)).toBe('/api/groups/{groupId}/meetings/{id}.ics');
  });
});
