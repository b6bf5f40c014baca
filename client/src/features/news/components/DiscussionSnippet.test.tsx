import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiscussionSnippet } from './DiscussionSnippet';

describe('DiscussionSnippet', () => {
  it('renders matches in <mark> and markup as inert text', () => {
    const { container } = render(
      <DiscussionSnippet snippet={'<img src=x onerror="alert(1)"> les [ateliers] <script>x</script>'} />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ateliers']);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"> les ateliers <script>x</script>');
  });
});
