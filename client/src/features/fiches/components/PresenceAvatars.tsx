import { useTranslation } from 'react-i18next';
import { initialsOf } from '../../../lib/user-color';
import type { Present } from '../../../realtime/use-presence';

const MAX_SHOWN = 5;

/** Who has the document open now: initials in each person's caret colour, names for screen readers. */
export function PresenceAvatars({ users }: { users: Present[] }) {
  const { t } = useTranslation();
  if (users.length === 0) return null;
  const shown = users.slice(0, MAX_SHOWN);
  const hidden = users.slice(MAX_SHOWN);
  return (
    <div className="presence">
      <span className="visually-hidden">{t('fiches.presence.label')}</span>
      <ul className="presence__list" aria-label={t('fiches.presence.label')}>
        {shown.map((user) => {
          const name = user.isSelf ? t('fiches.presence.you', { name: user.name }) : user.name;
          return (
            <li key={user.id} className="presence__item" title={name}>
              <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {initialsOf(user.name)}
              </span>
              <span className="visually-hidden">{name}</span>
            </li>
          );
        })}
        {hidden.length > 0 && (
          <li className="presence__item" title={hidden.map((u) => u.name).join(', ')}>
            <span className="avatar avatar--more" aria-hidden="true">
              +{hidden.length}
            </span>
            <span className="visually-hidden">{hidden.map((u) => u.name).join(', ')}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
