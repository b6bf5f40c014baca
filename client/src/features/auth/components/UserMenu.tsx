import type { CurrentUser } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import {
  Menu,
  MenuHeader,
  MenuItem,
  MenuPopover,
  MenuSection,
  MenuSeparator,
  MenuTrigger,
} from '../../../components/ui/Menu';
import { notify } from '../../../components/ui/toast';
import { type Language, setLanguage } from '../../../i18n';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLogout } from '../hooks';
import { ProfileDialog } from './ProfileDialog';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** The account menu of the header: profile, interface language, sign out. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const errorMessage = useErrorMessage();
  const [profileOpen, setProfileOpen] = useState(false);

  return (
    <>
      <MenuTrigger>
        <Button variant="ghost" className="user-menu__trigger">
          <span className="avatar" aria-hidden="true">
            {initials(user.displayName)}
          </span>
          <span className="user-menu__name">{user.displayName}</span>
          <span aria-hidden="true">▾</span>
        </Button>
        <MenuPopover>
          <Menu
            onAction={(key) => {
              if (key === 'profile') setProfileOpen(true);
              if (key === 'logout') {
                logout.mutate(undefined, {
                  onSuccess: () => navigate('/connexion'),
                  onError: (error) => notify.error(t('layout.logoutFailed'), errorMessage(error)),
                });
              }
            }}
          >
            <MenuSection>
              <MenuHeader>
                <span className="menu__header-name">{user.displayName}</span>
                <span className="menu__header-email">{user.email}</span>
              </MenuHeader>
              <MenuItem id="profile">{t('layout.profile')}</MenuItem>
            </MenuSection>
            <MenuSeparator />
            <MenuSection
              selectionMode="single"
              selectedKeys={[i18n.language]}
              onSelectionChange={(keys) => {
                const [key] = [...(keys === 'all' ? [] : keys)];
                if (key === 'fr' || key === 'en') setLanguage(key as Language);
              }}
            >
              <MenuHeader>{t('layout.language')}</MenuHeader>
              <MenuItem id="fr" className="menu__item--check" textValue="Français">
                <span lang="fr-BE">Français</span>
              </MenuItem>
              <MenuItem id="en" className="menu__item--check" textValue="English">
                <span lang="en">English</span>
              </MenuItem>
            </MenuSection>
            <MenuSeparator />
            <MenuSection>
              <MenuItem id="logout">{t('layout.logout')}</MenuItem>
            </MenuSection>
          </Menu>
        </MenuPopover>
      </MenuTrigger>
      <ProfileDialog user={user} isOpen={profileOpen} onOpenChange={setProfileOpen} />
    </>
  );
}
