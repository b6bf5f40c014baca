import type { Reaction } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { UnstyledButton } from '../../../components/ui';
import messageStyles from '../message.module.css';

export const QUICK_EMOJI = ['👍', '❤️', '🎉', '😄', '🙏', '👀'] as const;

interface ReactionBarProps {
  reactions: readonly Reaction[];
  myId: string | undefined;
  onToggle: (emoji: string, on: boolean) => void;
  disabled?: boolean;
  /** The quick emoji are shown (opened by `AddReactionButton`). */
  picking: boolean;
  onPicked: () => void;
}

/** Opens the quick reactions of a message; sits in the message's header. */
export function AddReactionButton({ picking, onPress }: { picking: boolean; onPress: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      className={`${messageStyles.reaction} ${messageStyles.reactionAdd}`}
      aria-expanded={picking}
      aria-label={t('discussions.reactions.add')}
      onPress={onPress}
    >
      <span aria-hidden="true">☺+</span>
    </UnstyledButton>
  );
}

/** The reactions of a message as toggle buttons with their counts, and the quick ones when asked. */
export function ReactionBar({ reactions, myId, onToggle, disabled, picking, onPicked }: ReactionBarProps) {
  const { t } = useTranslation();
  const present = new Set(reactions.map((r) => r.emoji));
  if (!picking && !reactions.some((r) => r.count > 0)) return null;
  return (
    <div className={messageStyles.reactionBar}>
      {reactions
        .filter((r) => r.count > 0)
        .map((r) => {
          const mine = !!myId && r.userIds.includes(myId);
          return (
            <UnstyledButton
              key={r.emoji}
              className={messageStyles.reaction}
              aria-pressed={mine}
              isDisabled={disabled}
              aria-label={t('discussions.reactions.existing', { emoji: r.emoji, count: r.count })}
              onPress={() => onToggle(r.emoji, !mine)}
            >
              <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
            </UnstyledButton>
          );
        })}
      {picking && !disabled && (
        // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
        <div
          className={messageStyles.reactionPicker}
          role="group"
          aria-label={t('discussions.reactions.quick')}
        >
          {QUICK_EMOJI.filter((e) => !present.has(e)).map((emoji) => (
            <UnstyledButton
              key={emoji}
              className={`${messageStyles.reaction} reaction--quick`}
              aria-label={t('discussions.reactions.react', { emoji })}
              onPress={() => {
                onPicked();
                onToggle(emoji, true);
              }}
            >
              {emoji}
            </UnstyledButton>
          ))}
        </div>
      )}
    </div>
  );
}
