import { messageText, renderMessage } from './message-markdown';

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
