import { useEffect, useRef } from 'react';
import { RouterProvider as AriaRouterProvider, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { UserMenu } from '../../features/auth/components/UserMenu';
import { useCan, useCurrentUser } from '../../features/auth/hooks';
import { useMeetingGuestOnly } from '../../features/meetings/hooks';
import { NewsNavLink } from '../../features/news/components/NewsNavLink';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useOnline } from '../../lib/use-online';
import { Toasts } from '../ui/toast';
import styles from './AppLayout.module.css';
import { LanguageSwitcher } from './LanguageSwitcher';

/** After a client-side navigation, move focus to the new page's heading, as a full page load would. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on each change of route
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.setTimeout(() => {
      const main = document.getElementById('main');
      const target = main?.querySelector<HTMLElement>('h1') ?? main;
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }, 0);
    return () => window.clearTimeout(id);
  }, [pathname]);
}

function Brand({ href }: { href: string }) {
  return (
    <Link href={href} className={styles.brand}>
      <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M6 22c5-1 7-9 10-9s4 5 10 4M6 15c4 0 5-5 9-5" />
      </svg>
      <span>Affluents</span>
    </Link>
  );
}

/**
 * Publishes the height of the sticky header as `--app-header-height`, so that other sticky bars (the editor's
 * toolbar) sit just below it whatever its wrapping.
 */
function useHeaderHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const header = ref.current;
    if (!header || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--app-header-height', `${header.offsetHeight}px`),
    );
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** The frame of every screen: skip link, header with navigation and account menu, main landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: user } = useCurrentUser();
  const can = useCan();
  // A guest of meetings only has no bassin to browse nor group news: her home holds her meetings.
  const { guest } = useMeetingGuestOnly(user);
  useFocusOnNavigation();
  const headerRef = useHeaderHeight();
  const online = useOnline();

  const onBassins = pathname === '/bassins' || pathname.startsWith('/groupes/');
  return (
    <AriaRouterProvider navigate={(to, options) => navigate(to, options)} useHref={useHref}>
      <a href="#main" className={styles.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <header className={`app-header ${styles.header}`} ref={headerRef}>
        <div className={styles.inner}>
          <Brand href={user ? '/' : '/connexion'} />
          {user && (
            <nav aria-label={t('layout.mainNav')} className={styles.nav}>
              <ul>
                <li>
                  <NavLink to="/" end className="main-nav__link">
                    {t('layout.nav.home')}
                  </NavLink>
                </li>
                {!guest && (
                  <li>
                    <NavLink to="/bassins" className={onBassins ? 'main-nav__link active' : 'main-nav__link'}>
                      {t('layout.nav.bassins')}
                    </NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/boite-a-outils" className="main-nav__link">
                    {t('layout.nav.toolbox')}
                  </NavLink>
                </li>
                {!guest && (
                  <li>
                    <NewsNavLink />
                  </li>
                )}
                <li>
                  <NavLink to="/actions" className="main-nav__link">
                    {t('meetings.mine.nav')}
                  </NavLink>
                </li>
                {can('user.list') && (
                  <li>
                    <NavLink to="/admin" className="main-nav__link">
                      {t('layout.nav.admin')}
                    </NavLink>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <div className={styles.end}>
            {user ? (
              <>
                <NotificationBell />
                <UserMenu user={user} />
              </>
            ) : (
              <LanguageSwitcher />
            )}
          </div>
        </div>
      </header>
      <div role="status" className={online ? undefined : styles.offline}>
        {online ? null : t('layout.offline')}
      </div>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <p>{t('layout.footer')}</p>
      </footer>
      <Toasts />
    </AriaRouterProvider>
  );
}
