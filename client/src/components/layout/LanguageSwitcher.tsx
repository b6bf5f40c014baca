import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { Button } from '../ui/Button';
import styles from './LanguageSwitcher.module.css';

/** For signed-out screens: one button offering the other language, named in that language. */
export function LanguageSwitcher() {
  const { i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'fr' : 'en';
  return (
    <Button variant="ghost" size="sm" onPress={() => setLanguage(other)} className={styles.switcher}>
      <span lang={other === 'fr' ? 'fr-BE' : 'en'}>{other === 'fr' ? 'Français' : 'English'}</span>
    </Button>
  );
}
