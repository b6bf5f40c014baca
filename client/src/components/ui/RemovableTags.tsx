import { Label, Tag, TagGroup, TagList } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface RemovableTagsProps {
  /** A visible label above the tags; without it, name the group with `aria-label`. */
  label?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  items: readonly { id: string; name: string }[];
  onRemove: (ids: Set<string>) => void;
  /** Shown in place of the tags when there are none. */
  emptyText: string;
}

/** The values chosen so far as tags, each with its remove button (Delete or Backspace removes the focused one). */
export function RemovableTags({ label, items, onRemove, emptyText, ...props }: RemovableTagsProps) {
  const { t } = useTranslation();
  return (
    <TagGroup
      {...props}
      className="tag-field__tags"
      onRemove={(keys) => onRemove(new Set([...keys].map(String)))}
    >
      {label && <Label className="field__label">{label}</Label>}
      <TagList
        className="tag-list"
        items={items}
        renderEmptyState={() => <span className="tag-list__empty">{emptyText}</span>}
      >
        {(item) => (
          <Tag className="tag" id={item.id} textValue={item.name}>
            {item.name}
            <Button
              variant="ghost"
              size="sm"
              slot="remove"
              className="tag__remove"
              aria-label={t('common.removeTag', { tag: item.name })}
            >
              <span aria-hidden="true">×</span>
            </Button>
          </Tag>
        )}
      </TagList>
    </TagGroup>
  );
}
