import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { OverlayArrow, ToggleButton, Tooltip, TooltipTrigger, UnstyledButton } from '../../../components/ui';
import styles from './formatting.module.css';

/** The tooltip of an editor tool, shown on hover and on keyboard focus (react-aria links it with aria-describedby). */
export function ToolTooltip({ children }: { children: ReactNode }) {
  return (
    <Tooltip className={styles.tooltip} offset={8}>
      <OverlayArrow className={styles.tooltipArrow}>
        <svg width={10} height={5} viewBox="0 0 10 5" aria-hidden="true">
          <path d="M0 0 L5 5 L10 0" />
        </svg>
      </OverlayArrow>
      {children}
    </Tooltip>
  );
}

export const TOOLTIP_DELAY_MS = 400;

interface ToolButtonProps {
  /** The name read by screen readers and shown as the word beside the icon (when there is room). */
  label: string;
  /** The tooltip: the name, with the keyboard shortcut when there is one. */
  tooltip: string;
  icon: LucideIcon;
  /** Shows the word beside the icon; otherwise the word is left to the tooltip. */
  showLabel?: boolean;
  /** A toggle (bold, a list…): pressed or not. Left out for plain actions. */
  isSelected?: boolean;
  isDisabled?: boolean;
  onPress: () => void;
  className?: string;
}

/** One button of the editor's toolbar: an icon, its word when there is room, and a tooltip in words. */
export function ToolButton({
  label,
  tooltip,
  icon: Icon,
  showLabel = false,
  isSelected,
  isDisabled,
  onPress,
  className,
}: ToolButtonProps) {
  const classes = [styles.tool, showLabel ? styles.toolWorded : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  // The accessible name is the visible word itself (WCAG 2.5.3), even while the word is hidden on narrow screens.
  const content = (
    <>
      <Icon className={styles.toolIcon} aria-hidden="true" focusable="false" />
      {showLabel && <span className={styles.toolWord}>{label}</span>}
    </>
  );
  return (
    <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
      {isSelected === undefined ? (
        <UnstyledButton className={classes} aria-label={label} isDisabled={isDisabled} onPress={onPress}>
          {content}
        </UnstyledButton>
      ) : (
        <ToggleButton
          className={classes}
          aria-label={label}
          isDisabled={isDisabled}
          isSelected={isSelected}
          onChange={onPress}
        >
          {content}
        </ToggleButton>
      )}
      <ToolTooltip>{tooltip}</ToolTooltip>
    </TooltipTrigger>
  );
}
