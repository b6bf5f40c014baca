import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/ui';
import { Button } from '../../components/ui/Button';
import { DialogTrigger, Popover, PopoverDialog } from '../../components/ui/Popover';
import { localeOf } from '../../i18n';
import { useCurrentUser } from '../auth/hooks';
import styles from './presence.module.css';
import { type PresenceDisplay, presenceDisplay } from './presence-display';
import { usePresence } from './use-presence';

const MAX_SHOWN = 5;

/**
 * The one avatar stack: who is here now in a group, a thread or a fiche (and who left recently), as initials
 * avatars and a count. The count is a button that opens the full list with names and "vu à 14:32", so nothing
 * depends on hovering or on colour. `label` names the list for screen readers ("Dans le document maintenant").
 */
export function PresenceAvatars({ scope, label }: { scope: string; label?: string }) {
  const { i18n } = useTranslation();
  const snapshot = usePresence(scope);
  const { data: me } = useCurrentUser();
  if (!snapshot) return null;
  const display = presenceDisplay(snapshot.entries, { selfId: me?.id, locale: localeOf(i18n.language) });
  if (display.online.length === 0 && display.recent.length === 0) return null;
  return <PresenceView display={display} label={label} />;
}

/** The presentation alone, for a known display (also used by tests and stories). */
export function PresenceView({ display, label }: { display: PresenceDisplay; label?: string }) {
  const { t } = useTranslation();
  const { online, recent } = display;
  const shown = online.slice(0, MAX_SHOWN);
  const more = online.length - shown.length;
  const nameOf = (p: { name: string; isSelf: boolean }) =>
    p.isSelf ? t('notifications.presence.you', { name: p.name }) : p.name;

  return (
    <div className={styles.avatars}>
      {shown.length > 0 && (
        <ul className={styles.avatarsList} aria-label={label ?? t('notifications.presence.onlineList')}>
          {shown.map((person) => (
            <li key={person.id} className={styles.avatarsItem} title={nameOf(person)}>
              <span
                className={styles.avatarsAvatar}
                style={{ backgroundColor: person.color }}
                aria-hidden="true"
              >
                {person.initials}
              </span>
              <span className="visually-hidden">{nameOf(person)}</span>
            </li>
          ))}
          {more > 0 && (
            <li className={styles.avatarsItem}>
              <span className={`${styles.avatarsAvatar} ${styles.avatarsAvatarMore}`} aria-hidden="true">
                +{more}
              </span>
              <span className="visually-hidden">{t('notifications.presence.more', { count: more })}</span>
            </li>
          )}
        </ul>
      )}
      <DialogTrigger>
        <Button variant="ghost" size="sm" className={styles.avatarsCount}>
          {t('notifications.presence.online', { count: online.length })}
          {recent.length > 0 && (
            <span className="presence-avatars__recent-count">
              {' · '}
              {t('notifications.presence.recentCount', { count: recent.length })}
            </span>
          )}
        </Button>
        <Popover className="presence-avatars__popover" placement="bottom start">
          <PopoverDialog className={styles.avatarsDialog} aria-label={t('notifications.presence.title')}>
            <Heading slot="title" level={2} className={styles.avatarsHeading}>
              {t('notifications.presence.online', { count: online.length })}
            </Heading>
            {online.length > 0 ? (
              <ul className={styles.avatarsPeople}>
                {online.map((person) => (
                  <li key={person.id} className={styles.avatarsPerson}>
                    <span
                      className={`${styles.avatarsAvatar} ${styles.avatarsAvatarSm}`}
                      style={{ backgroundColor: person.color }}
                      aria-hidden="true"
                    >
                      {person.initials}
                    </span>
                    {nameOf(person)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('notifications.presence.nobody')}</p>
            )}
            {recent.length > 0 && (
              <>
                <h3 className={styles.avatarsHeading}>{t('notifications.presence.recentTitle')}</h3>
                <ul className={styles.avatarsPeople}>
                  {recent.map((person) => (
                    <li key={person.id} className={`${styles.avatarsPerson} ${styles.avatarsPersonGone}`}>
                      <span>{person.name}</span>
                      <span className={styles.avatarsSeen}>
                        {person.seenOn
                          ? t('notifications.presence.seenOn', { day: person.seenOn, time: person.seenAt })
                          : t('notifications.presence.seenAt', { time: person.seenAt })}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </PopoverDialog>
        </Popover>
      </DialogTrigger>
    </div>
  );
}
