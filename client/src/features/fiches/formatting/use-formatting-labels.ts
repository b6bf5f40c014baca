import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormattingCommandId, formattingCommands, isMac, shortcutText } from './commands';

/** The French words of the formatting commands: name, name with shortcut, description, search words. */
export function useFormattingLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const mac = isMac();
    const keys = {
      mod: mac ? t('editor.keys.cmd') : t('editor.keys.ctrl'),
      alt: mac ? t('editor.keys.option') : t('editor.keys.alt'),
      shift: t('editor.keys.shift'),
    };
    const label = (id: FormattingCommandId) => t(`editor.commands.${id}.label`);
    const shortcut = (id: FormattingCommandId) => {
      const binding = formattingCommands[id].shortcut;
      return binding ? shortcutText(binding, keys) : undefined;
    };
    return {
      label,
      shortcut,
      /** "Gras (Ctrl+B)", or the name alone for commands without a shortcut. */
      tooltip: (id: FormattingCommandId) => {
        const keysText = shortcut(id);
        return keysText ? t('editor.withShortcut', { label: label(id), shortcut: keysText }) : label(id);
      },
      description: (id: FormattingCommandId) => t(`editor.commands.${id}.description`),
      keywords: (id: FormattingCommandId) => t(`editor.commands.${id}.keywords`),
      keys,
    };
  }, [t]);
}

export type FormattingLabels = ReturnType<typeof useFormattingLabels>;
