import { type Ref, type RefCallback, useCallback } from 'react';
import { FileTrigger } from 'react-aria-components';

export interface FilePickerProps {
  /** The hidden input: `openFilePicker(inputRef.current)` opens the system's file picker. */
  inputRef: Ref<HTMLInputElement>;
  /** What is being chosen ("Choisir une image"): the input's name, as the command that opens it says it. */
  label: string;
  /** The file types offered (`accept`: MIME types and extensions). */
  acceptedFileTypes?: readonly string[];
  allowsMultiple?: boolean;
  /** Called with the chosen files (not called when the picker is cancelled). */
  onSelect: (files: File[]) => void;
  /** Marks the hidden input (`data-file-picker`), for tests that hand it files. */
  name: string;
}

/**
 * The system's file picker without a button of its own, opened from a command elsewhere (a toolbar tool):
 * react-aria's FileTrigger and its hidden file input.
 */
export function FilePicker({
  inputRef,
  label,
  acceptedFileTypes,
  allowsMultiple,
  onSelect,
  name,
}: FilePickerProps) {
  // FileTrigger passes only global attributes on to its input: the name is set on the element itself.
  const ref: RefCallback<HTMLInputElement> = useCallback(
    (input) => {
      input?.setAttribute('aria-label', label);
      if (typeof inputRef === 'function') inputRef(input);
      else if (inputRef) inputRef.current = input;
    },
    [inputRef, label],
  );
  return (
    <FileTrigger
      ref={ref}
      acceptedFileTypes={acceptedFileTypes ? [...acceptedFileTypes] : undefined}
      allowsMultiple={allowsMultiple}
      data-file-picker={name}
      hidden
      onSelect={(list) => {
        const files = Array.from(list ?? []);
        if (files.length > 0) onSelect(files);
      }}
    />
  );
}

/** Opens a `FilePicker`, emptied first so that choosing the same file again is a change too. */
export function openFilePicker(input: HTMLInputElement | null) {
  if (!input) return;
  input.value = '';
  input.click();
}
