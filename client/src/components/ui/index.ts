/**
 * The react-aria primitives that need no look of their own (a link, a heading, a tooltip's trigger...), for
 * features and pages, which take react-aria only through the kit. The kit's styled components (fields,
 * menus, tables, dialogs) are imported from their own files beside this one.
 */
export {
  Button as UnstyledButton,
  Heading,
  Link,
  OverlayArrow,
  ProgressBar,
  Separator,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  Text,
  ToggleButton,
  Toolbar,
  Tooltip,
  TooltipTrigger,
} from 'react-aria-components';
