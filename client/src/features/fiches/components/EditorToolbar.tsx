import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { ALargeSmall, ChevronDown, CircleHelp, Ellipsis } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Separator, Text, Toolbar, TooltipTrigger, UnstyledButton } from '../../../components/ui';
import { Menu, MenuItem, MenuPopover, MenuTrigger } from '../../../components/ui/Menu';
import { useMediaQuery } from '../../../lib/use-media-query';
import {
  currentTextStyle,
  type FormattingCommandId,
  formattingCommands,
  type PickFiles,
  setTextStyle,
  type TextStyle,
  textStyles,
} from '../formatting/commands';
import { FormattingHelp } from '../formatting/FormattingHelp';
import formattingStyles from '../formatting/formatting.module.css';
import { TableTools } from '../formatting/TableTools';
import { TOOLTIP_DELAY_MS, ToolButton, ToolTooltip } from '../formatting/ToolButton';
import { useFormattingLabels } from '../formatting/use-formatting-labels';
import { LinkDialog } from './LinkDialog';

interface EditorToolbarProps {
  editor: Editor;
  isDisabled?: boolean;
  /** Opens the file picker for an image or a document; without it, the "Image" and "Fichier" tools are left out. */
  onPickFiles?: PickFiles;
}

/** Below this width the toolbar keeps one row of icons and moves the less used tools into "Plus". */
const COMPACT = '(max-width: 47.99rem)';

/** The style menu shows each style as it looks in the text. */
const styleItemClass: Record<TextStyle, string> = {
  paragraph: formattingStyles.menuItemParagraph,
  heading2: formattingStyles.menuItemHeading2,
  heading3: formattingStyles.menuItemHeading3,
  heading4: formattingStyles.menuItemHeading4,
};

type MoreAction = FormattingCommandId | 'help';

/**
 * Formatting of the text: one tab stop, arrow keys move between the tools (react-aria Toolbar); toggles carry
 * aria-pressed; every tool has a French name, shown as a word where there is room and as a tooltip (hover
 * and keyboard focus) with its keyboard shortcut. Every command gives the focus back to the text.
 */
export function EditorToolbar({ editor, isDisabled = false, onPickFiles }: EditorToolbarProps) {
  const { t } = useTranslation();
  const labels = useFormattingLabels();
  const compact = useMediaQuery(COMPACT);
  const [linking, setLinking] = useState(false);
  const [helping, setHelping] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      style: currentTextStyle(e),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();

  const run: Record<MoreAction, () => void> = {
    paragraph: () => setTextStyle(chain(), 'paragraph').run(),
    heading2: () => setTextStyle(chain(), 'heading2').run(),
    heading3: () => setTextStyle(chain(), 'heading3').run(),
    heading4: () => setTextStyle(chain(), 'heading4').run(),
    bold: () => chain().toggleBold().run(),
    italic: () => chain().toggleItalic().run(),
    bulletList: () => chain().toggleBulletList().run(),
    orderedList: () => chain().toggleOrderedList().run(),
    taskList: () => chain().toggleTaskList().run(),
    link: () => setLinking(true),
    table: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    blockquote: () => chain().toggleBlockquote().run(),
    horizontalRule: () => chain().setHorizontalRule().run(),
    image: () => onPickFiles?.('image'),
    file: () => onPickFiles?.('document'),
    mention: () => chain().insertContent('@').run(),
    help: () => setHelping(true),
  };

  const tool = (id: FormattingCommandId, options: { selected?: boolean; worded?: boolean } = {}) => (
    <ToolButton
      key={id}
      className={`editor-tool--${id}`}
      label={labels.label(id)}
      tooltip={labels.tooltip(id)}
      icon={formattingCommands[id].icon}
      showLabel={options.worded}
      isSelected={options.selected}
      isDisabled={isDisabled || (id === 'table' && state.inTable)}
      onPress={run[id]}
    />
  );

  const files = onPickFiles !== undefined;
  // On a phone the row keeps what is used at every line; the rest is one press away in "Plus".
  const moreItems: MoreAction[] = [
    ...(compact ? (['taskList', 'table'] as const) : []),
    ...(compact && files ? (['image', 'file'] as const) : []),
    'blockquote',
    'horizontalRule',
    ...(compact ? (['help'] as const) : []),
  ];

  return (
    // The tools and, in a table, the table's tools: one block that stays in view on phones.
    <div className={formattingStyles.tools}>
      <Toolbar aria-label={t('editor.toolbar')} className={formattingStyles.toolbar}>
        <StyleMenu
          style={state.style}
          compact={compact}
          isDisabled={isDisabled}
          onStyle={(style) => run[style]()}
        />
        <Separator orientation="vertical" className={formattingStyles.toolbarSeparator} />
        {tool('bold', { selected: state.bold })}
        {tool('italic', { selected: state.italic })}
        <Separator orientation="vertical" className={formattingStyles.toolbarSeparator} />
        {tool('bulletList', { selected: state.bulletList })}
        {tool('orderedList', { selected: state.orderedList })}
        {!compact && tool('taskList', { selected: state.taskList })}
        <Separator orientation="vertical" className={formattingStyles.toolbarSeparator} />
        {tool('link', { selected: state.link, worded: true })}
        {!compact && tool('table', { worded: true })}
        {!compact && files && tool('image', { worded: true })}
        {!compact && files && tool('file', { worded: true })}
        <MenuTrigger>
          <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
            <UnstyledButton
              className={`${formattingStyles.tool} ${formattingStyles.toolWorded} editor-tool--more`}
              aria-label={t('editor.more')}
              isDisabled={isDisabled}
            >
              <Ellipsis className={formattingStyles.toolIcon} aria-hidden="true" focusable="false" />
              <span className={formattingStyles.toolWord}>{t('editor.more')}</span>
            </UnstyledButton>
            <ToolTooltip>{t('editor.moreLabel')}</ToolTooltip>
          </TooltipTrigger>
          <MenuPopover className={formattingStyles.menu}>
            <Menu
              aria-label={t('editor.moreLabel')}
              onAction={(key) => run[key as MoreAction]()}
              disabledKeys={state.inTable ? ['table'] : []}
            >
              {moreItems.map((id) => (
                <MoreItem key={id} id={id} />
              ))}
            </Menu>
          </MenuPopover>
        </MenuTrigger>
        {!compact && (
          <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
            <UnstyledButton
              className={`${formattingStyles.tool} editor-tool--help`}
              aria-label={t('editor.help.open')}
              onPress={() => setHelping(true)}
            >
              <CircleHelp className={formattingStyles.toolIcon} aria-hidden="true" focusable="false" />
            </UnstyledButton>
            <ToolTooltip>{t('editor.help.open')}</ToolTooltip>
          </TooltipTrigger>
        )}
      </Toolbar>
      {state.inTable && !isDisabled && <TableTools editor={editor} />}
      <LinkDialog editor={editor} isOpen={linking} onOpenChange={setLinking} />
      <FormattingHelp
        isOpen={helping}
        onOpenChange={(open) => {
          setHelping(open);
          if (!open) editor.commands.focus();
        }}
      />
    </div>
  );
}

/**
 * The shortcut beside a menu entry, for the eyes: drawn by CSS so that the entry's name stays its visible
 * name (WCAG 2.5.3); the help lists the shortcuts for everyone.
 */
function MenuShortcut({ keys }: { keys?: string }) {
  return (
    <span
      className={`editor-menu__shortcut ${formattingStyles.menuShortcut}`}
      data-keys={keys}
      aria-hidden="true"
    />
  );
}

/** One entry of the "Plus" menu: icon, name and shortcut. */
function MoreItem({ id }: { id: MoreAction }) {
  const { t } = useTranslation();
  const labels = useFormattingLabels();
  const Icon = id === 'help' ? CircleHelp : formattingCommands[id].icon;
  const label = id === 'help' ? t('editor.help.open') : labels.label(id);
  const shortcut = id === 'help' ? undefined : labels.shortcut(id);
  return (
    <MenuItem id={id} className={formattingStyles.menuItem} textValue={label}>
      <Icon className={formattingStyles.menuIcon} aria-hidden="true" focusable="false" />
      <Text slot="label" className={`editor-menu__label ${formattingStyles.menuLabel}`}>
        {label}
      </Text>
      {shortcut && <MenuShortcut keys={shortcut} />}
    </MenuItem>
  );
}

/** The paragraph style ("Texte", "Titre de section"…), chosen from a menu that shows each style as it looks. */
function StyleMenu({
  style,
  compact,
  isDisabled,
  onStyle,
}: {
  style: TextStyle | 'section' | null;
  compact: boolean;
  isDisabled: boolean;
  onStyle: (style: TextStyle) => void;
}) {
  const { t } = useTranslation();
  const labels = useFormattingLabels();
  const current =
    style === 'section' ? t('editor.sectionHeading') : style ? labels.label(style) : t('editor.style');
  return (
    <MenuTrigger>
      <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
        <UnstyledButton
          className={`${formattingStyles.tool} ${formattingStyles.toolWorded} ${formattingStyles.toolStyle}`}
          aria-label={t('editor.styleOf', { style: current })}
          // The template's section titles keep their style: the side panel and the server find the sections by them.
          isDisabled={isDisabled || style === 'section' || style === null}
        >
          {compact ? (
            <ALargeSmall className={formattingStyles.toolIcon} aria-hidden="true" focusable="false" />
          ) : (
            <span className={`${formattingStyles.toolWord} ${formattingStyles.toolWordAlways}`}>
              {current}
            </span>
          )}
          <ChevronDown className={formattingStyles.toolChevron} aria-hidden="true" focusable="false" />
        </UnstyledButton>
        <ToolTooltip>{t('editor.style')}</ToolTooltip>
      </TooltipTrigger>
      <MenuPopover className={formattingStyles.menu} placement="bottom start">
        <Menu
          aria-label={t('editor.style')}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={style && style !== 'section' ? [style] : []}
          onSelectionChange={(keys) => {
            const [key] = keys === 'all' ? [] : [...keys];
            if (key && key !== style) onStyle(key as TextStyle);
          }}
        >
          {textStyles.map((id) => (
            <MenuItem
              key={id}
              id={id}
              className={`${formattingStyles.menuItem} ${styleItemClass[id]}`}
              textValue={labels.label(id)}
            >
              <Text slot="label" className={`editor-menu__label ${formattingStyles.menuLabel}`}>
                {labels.label(id)}
              </Text>
              <MenuShortcut keys={labels.shortcut(id)} />
            </MenuItem>
          ))}
        </Menu>
      </MenuPopover>
    </MenuTrigger>
  );
}
