import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SearchSnippet } from './SearchSnippet';

describe('SearchSnippet', () => {
  it('marks the matched parts only, in order', () => {
    const { container } = render(
      <SearchSnippet
        parts={[
          { text: 'Une ', match: false },
          { text: 'équipe', match: true },
          { text: ' mobile et une ', match: false },
          { text: 'équipe', match: true },
          { text: ' fixe.', match: false },
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['équipe', 'équipe']);
    expect(container.textContent).toBe('… Une équipe mobile et une équipe fixe. …');
  });

  it('shows markup sent in the text as text, never as HTML', () => {
    const { container } = render(
      <SearchSnippet
        parts={[
          { text: '<img src=x onerror="alert(1)"> avant ', match: false },
          { text: '<b>CPAS</b>', match: true },
        ]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<b>CPAS</b>');
    expect(container.textContent).toContain('<img src=x onerror="alert(1)"> avant ');
  });

  it('renders nothing for an empty snippet', () => {
    const { container } = render(<SearchSnippet parts={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
