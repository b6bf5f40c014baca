import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useActivity, useLiveActivity, useLiveNews, useNews } from '../hooks';
import styles from '../news.module.css';

/** The header's "Nouveautés" link, with the unread messages and activity across my groups, kept live. */
export function NewsNavLink() {
  const { t } = useTranslation();
  const news = useNews();
  const activity = useActivity();
  useLiveNews();
  useLiveActivity();
  const unread = (news.data?.totalUnread ?? 0) + (activity.data?.pages[0]?.totalUnread ?? 0);
  return (
    <NavLink to="/nouveautes" className={`main-nav__link ${styles.newsNavLink}`}>
      {t('notifications.news.nav')}
      {unread > 0 && (
        <>
          <span className={styles.newsNavLinkCount} aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden">{t('notifications.news.navUnread', { count: unread })}</span>
        </>
      )}
    </NavLink>
  );
}
