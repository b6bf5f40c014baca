import { useId, useState } from 'react';
import { ComboBox, Input, type Key, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { RemovableTags } from './RemovableTags';
import styles from './TagField.module.css';

interface TagFieldProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  suggestions: readonly string[];
  maxTags?: number;
}

/**
 * A list of free tags (sectors, publics): the chosen values as removable tags, and a search box offering
 * the suggested values while still accepting a new one.
 */
export function TagField({ label, description, value, onChange, suggestions, maxTags = 30 }: TagFieldProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const descriptionId = useId();
  const available = suggestions
    .filter((s) => !value.some((v) => v.toLocaleLowerCase('fr') === s.toLocaleLowerCase('fr')))
    .map((s) => ({ id: s, name: s }));

  const add = (raw: string) => {
    const tag = raw.trim().slice(0, 60);
    setInput('');
    if (!tag || value.length >= maxTags) return;
    if (value.some((v) => v.toLocaleLowerCase('fr') === tag.toLocaleLowerCase('fr'))) return;
    onChange([...value, tag]);
  };

  return (
    <div className="field tag-field">
      <RemovableTags
        label={label}
        aria-describedby={description ? descriptionId : undefined}
        items={value.map((v) => ({ id: v, name: v }))}
        onRemove={(keys) => onChange(value.filter((v) => !keys.has(v)))}
        emptyText={t('common.noTags')}
      />
      <div className={styles.add}>
        <ComboBox
          className={styles.combobox}
          aria-label={t('common.addTagTo', { label })}
          items={available}
          inputValue={input}
          onInputChange={setInput}
          allowsCustomValue
          menuTrigger="focus"
          onChange={(key: Key | null) => {
            if (key !== null) add(String(key));
          }}
        >
          <Input
            className="field__input"
            placeholder={t('common.tagPlaceholder')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && input.trim()) {
                event.preventDefault();
                add(input);
              }
            }}
          />
          <Popover className="popover">
            <ListBox className="listbox">
              {(item: { id: string; name: string }) => (
                <ListBoxItem className="listbox__item" id={item.id}>
                  {item.name}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
        <Button size="sm" onPress={() => add(input)} isDisabled={!input.trim()}>
          {t('common.add')}
        </Button>
      </div>
      {description && (
        <Text elementType="p" id={descriptionId} className="field__description">
          {description}
        </Text>
      )}
    </div>
  );
}
