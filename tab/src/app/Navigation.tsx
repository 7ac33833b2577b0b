import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { commonTexts } from '../texts/texts';
import { useT } from '../texts/useT';
import type { PageId } from './router';

/** One entry of the top navigation: the page, its label (already in the user's language), where it goes. */
export interface NavEntry {
  readonly page: PageId;
  readonly label: string;
  readonly href: string;
}

const useStyles = makeStyles({
  // The overflow container: the tabs that fit, then "More" with the rest. It never scrolls or wraps; Fluent's
  // overflow manager hides (display: none) the tabs that do not fit, so nothing is cut off in the side panel.
  tabs: { display: 'flex', flexWrap: 'nowrap', alignItems: 'center', flexGrow: 1, minWidth: 0, overflow: 'hidden' },
  tabList: { minWidth: 0, flexWrap: 'nowrap' },
  more: { flexShrink: 0 },
});

/**
 * The top navigation as Fluent's TabList overflow pattern (Overflow + OverflowItem + useOverflowMenu): at desktop
 * width every page is a tab; in Teams' 320 px side panel the current page stays a tab (it has the highest
 * priority) and the pages that do not fit move into a "More" menu, so every page can be reached by mouse,
 * keyboard (Tab to "More", Enter, arrow keys) and screen reader (a named button opening a menu of menu items).
 */
export function Navigation({ entries, current, onNavigate }: { readonly entries: readonly NavEntry[]; readonly current: PageId | undefined; readonly onNavigate: (href: string) => void }): ReactElement {
  const styles = useStyles();
  const hrefOf = (page: string): string | undefined => entries.find((e) => e.page === page)?.href;
  return (
    <Overflow>
      <div className={styles.tabs}>
        <TabList
          className={styles.tabList}
          selectedValue={current ?? null}
          onTabSelect={(_, data) => {
            const href = hrefOf(String(data.value));
            if (href !== undefined) onNavigate(href);
          }}
          size="small"
        >
          {entries.map((e) => (
            <OverflowItem key={e.page} id={e.page} priority={e.page === current ? 2 : 1}>
              <Tab value={e.page}>{e.label}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreMenu entries={entries} onNavigate={onNavigate} />
      </div>
    </Overflow>
  );
}

/** "More": shown only while some pages do not fit; its menu lists exactly those. */
function MoreMenu({ entries, onNavigate }: { readonly entries: readonly NavEntry[]; readonly onNavigate: (href: string) => void }): ReactElement | null {
  const styles = useStyles();
  const t = useT();
  const { ref, overflowCount, isOverflowing } = useOverflowMenu<HTMLDivElement>();
  if (!isOverflowing) return null;
  // The overflow manager measures this box (the button's width) to know how much room "More" takes.
  return (
    <div ref={ref} className={styles.more}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" aria-label={t(commonTexts.navMoreLabel, { count: overflowCount })}>
            {t(commonTexts.navMore)}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {entries.map((e) => (
              <HiddenPageItem key={e.page} entry={e} onNavigate={onNavigate} />
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}

function HiddenPageItem({ entry, onNavigate }: { readonly entry: NavEntry; readonly onNavigate: (href: string) => void }): ReactElement | null {
  const visible = useIsOverflowItemVisible(entry.page);
  if (visible) return null;
  return <MenuItem onClick={() => onNavigate(entry.href)}>{entry.label}</MenuItem>;
}
