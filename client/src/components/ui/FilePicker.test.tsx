import { fireEvent, render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FilePicker, openFilePicker } from './FilePicker';

describe('FilePicker', () => {
  it('is a hidden, named file input that hands over the chosen files and is emptied before it opens', () => {
    const onSelect = vi.fn();
    const ref = createRef<HTMLInputElement>();
    render(
      <FilePicker
        inputRef={ref}
        name="image"
        label="Choisir une image"
        acceptedFileTypes={['image/png', '.jpg']}
        allowsMultiple
        onSelect={onSelect}
      />,
    );
    const input = ref.current;
    if (!input) throw new Error('no input');
    expect(input.type).toBe('file');
    expect(input.hidden).toBe(true);
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('image/png,.jpg');
    expect(input.getAttribute('data-file-picker')).toBe('image');
    expect(input.getAttribute('aria-label')).toBe('Choisir une image');

    const photo = new File(['x'], 'photo.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [photo], configurable: true });
    fireEvent.change(input);
    expect(onSelect).toHaveBeenCalledWith([photo]);

    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    openFilePicker(input);
    expect(input.value).toBe('');
    expect(click).toHaveBeenCalled();
  });
});
