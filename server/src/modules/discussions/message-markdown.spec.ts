import { messageText, renderMessage } from './message-markdown';

const MEMBER = '0a1b2c3d-0000-4000-8000-000000000001';
const STRANGER = '0a1b2c3d-0000-4000-8000-000000000009';
const isMember = (id: string) => id === MEMBER;

describe('renderMessage: mentions', () => {
  it('keeps a mention of a member of the group, as a span carrying their id', () => {
    const rendered = renderMessage(`Bonjour @[Claire Dubois](user:${MEMBER}) !`, isMember);
    expect(rendered.mentions).toEqual([MEMBER]);
    expect(rendered.html).toContain(`<span class="mention" data-user-id="${MEMBER}">@Claire Dubois</span>`);
    expect(rendered.bodyText).toBe('Bonjour @Claire Dubois !');
    expect(rendered.mentionsGroup).toBe(false);
  });

  it('leaves a mention of someone outside the group as plain text, notifying nobody', () => {
    const rendered = renderMessage(`@[Inconnu](user:${STRANGER}) regarde`, isMember);
    expect(rendered.mentions).toEqual([]);
    expect(rendered.html).toBe('<p>@Inconnu regarde</p>');
    expect(rendered.links).toEqual([]);
  });

  it('mentions the whole group with @[...](group)', () => {
    const rendered = renderMessage('@[groupe](group) réunion demain', isMember);
    expect(rendered.mentionsGroup).toBe(true);
    expect(rendered.mentions).toEqual([]);
    expect(rendered.html).toContain('<span class="mention">@groupe</span>');
  });

  it('counts a member mentioned twice once, and escapes a name that holds markup', () => {
    const rendered = renderMessage(
      `@[<b>Claire</b>](user:${MEMBER}) et encore @[Claire](user:${MEMBER})`,
      isMember,
    );
    expect(rendered.mentions).toEqual([MEMBER]);
    expect(rendered.html).not.toContain('<b>');
    expect(rendered.html).toContain('@&lt;b&gt;Claire&lt;/b&gt;');
  });

  it('swaps mentions out before Markdown runs: its placeholders never leak, even from inline code', () => {
    const rendered = renderMessage(`\`@[Claire](user:${MEMBER})\``, isMember);
    expect(rendered.html).not.toMatch(/[\uE000\uE001]/);
    expect(rendered.bodyText).toBe('@Claire');
  });
});

describe('messageText', () => {
  it('is the plain text renderMessage stores, mentions as @Name, without rendering HTML', () => {
    const bodies = [
      'Des **places** pour juillet ?',
      '@[Claire](user:0b4c1f3e-6a7d-4c1e-9d3a-2f1e5b7c9a10) oui, *trois* places\n\n> cité\n\n- un\n- deux',
      '@[groupe](group) : `code` https://example.org et [fiche](/fiches/x)\n\n```\n<script>x</script>\n```',
      '<b>pas de HTML</b>\n\n\n\nfin',
    ];
    for (const body of bodies) expect(messageText(body)).toBe(renderMessage(body, () => true).bodyText);
    expect(messageText('@[Claire](user:0b4c1f3e-6a7d-4c1e-9d3a-2f1e5b7c9a10) oui, *trois* places')).toBe(
      '@Claire oui, trois places',
    );
  });
});
